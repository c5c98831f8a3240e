#!/bin/sh
# Stories in the reader (issue 19): near duplicates linked at import show
# once in the source list and in search hits, with "also in: ..." naming
# the other outlets; c lists the copies; reading one marks its copies read.
# tests/data/near: a wire report (AP), its reprint (The Milbrook Courier),
# the same page saved a day later (AP), and a rival's own report.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

"$FOLIO" --db "$DB" import --quiet "$top_srcdir"/tests/data/near/*.txt
start 80 24
keys Enter
s=$(screen)
is "All articles holds one row a story" "$(printf '%s\n' "$s" | grep -c '2016-03-14')" 2
like "  the rival's report is one" "$s" 'Carrick left without it'
like "  the wire story is the other" "$s" 'Bridge over the Carrick'
unlike "  and its reprint is not a row of its own" "$s" 'Town cut off'
keys Down
like "the status line counts stories and articles" "$(line 24)" '1 of 2'
keys Enter
s=$(screen)
like "the article says where else the story is" "$s" 'also in: The Milbrook Courier, Associated Press'
keys c
s=$(screen)
like "c lists the story's articles" "$s" 'One story, 3 articles:'
like "  the reprint among them" "$s" 'The Milbro.*Town cut off'
unlike "  all read: reading one read the story" "$s" '  N 2016'
like "  the cursor on the article it came from" "$(screen_attrs)" '\{[^}]*R[^}]*\}.*Bridge over'
keys g Enter
like "Enter opens a copy" "$(screen)" 'Town cut off as state shuts Carrick bridge'
keys Tab q
like "q closes the copies and what was opened from them" "$(line 1)" 'Bridge over the Carrick River'
keys Tab
like "  the source list is under them" "$(screen)" 'v All articles'
keys Q
finish
is "the reader ends cleanly" "$(exit_status)" 0
"$FOLIO" --db "$DB" list --copies --json >"$TMP/marks.json"
is "the copies' marks were saved: three read" "$(grep -o '"read": true' "$TMP/marks.json" | wc -l | tr -d ' ')" 3
like "  the rival's report left unread" "$(grep -A5 '"id": 3' "$TMP/marks.json")" '"read": false'

start 140 24
keys / carrick
pause 350
s=$(screen)
like "a search counts the articles" "$(line 1)" '4 articles match'
is "  and shows one hit a story (in the list, not the preview beside it)" \
	"$(printf '%s\n' "$s" | sed 's/│.*//' | grep -c '2016-03-14')" 2
like "  a hit with copies says where else" "$s" '2016-03-14 . also in: [A-Z]'
keys Q

start 80 24
keys Down Enter Down
s=$(screen)
like "a source holds one row a story too" "$s" 'v Associated Press'
is "  its page and the page saved again are one row" "$(printf '%s\n' "$s" | grep -c '2016-03-14')" 1
like "  counted as one" "$(line 24)" '1 of 1'
keys Q

# the setting: every article its own row
printf 'set one-row-a-story no\n' >"$TMP/keys"
start 80 24 --keys "$TMP/keys"
keys Enter
is "set one-row-a-story no: every article has its row" \
	"$(screen | grep -c '2016-03-14')" 4
keys Q
finish
done_testing
