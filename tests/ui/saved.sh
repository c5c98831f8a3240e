#!/bin/sh
# Saved searches in the reader (issue 18): listed after the sources as
# "/ NAME" with their unread and total matches; Enter shows the hits,
# ranked, the first previewed beside them; Esc goes back; reading a hit
# brings the unread count down.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
"$FOLIO" --db "$DB" saved "Lighthouse works" stonemason OR granite >/dev/null
"$FOLIO" --db "$DB" saved "Bulk 2001" bulk after:2001-09-01 >/dev/null
n=$("$FOLIO" --db "$DB" search --copies --limit 1000 stonemason OR granite | wc -l | tr -d ' ')
m=$("$FOLIO" --db "$DB" search --copies --limit 1000 bulk after:2001-09-01 | wc -l | tr -d ' ')

start 160 45
like "160x45: saved searches follow the sources" "$(line 6)" "^/ Bulk 2001 +$m/$m │"
like "160x45: with their unread and total matches" "$(line 7)" "^/ Lighthouse works +$n/$n │"
like "160x45: the welcome does not count them as sources" "$(screen)" '254 articles in 4 sources'
keys G
like "160x45: G goes to the last, a saved search" "$(screen_attrs | sed -n 7p)" '^\{R\}/ \{[^}]*R[^}]*\}Lighthouse'
keys Enter
like "160x45: Enter shows its hits, ranked" "$(line 1)" "^ $n articles? match(es)?, best first"
like "160x45: the search on the bottom line" "$(line 45)" '^/stonemason OR granite'
like "160x45: the first hit under the cursor" "$(line 45)" " 1 of $n "
first=$(line 2 | sed 's/^. //; s/ *│.*//')
is "160x45: and previewed beside the hits" "$(line 1 | sed 's/^[^│]*│ //')" "$first"
keys Enter
like "160x45: Enter opens it at its first match" "$(line 45)" '^Match 1 of'
keys q Escape
like "160x45: Esc goes back to the sources" "$(line 7)" \
	"^/ Lighthouse works +$((n - 1))/$n │"
keys Q
finish

start 80 24
like "80x24: the saved searches, full width (one hit read above)" "$(line 7)" \
	"^/ Lighthouse works +$((n - 1))/$n\$"
keys G Enter
like "80x24: Enter shows the hits" "$(line 1)" 'best first'
keys Escape q
finish

start 40 12
like "40x12: a saved search's name is cut before its counts" "$(line 7)" "^/ Lighthouse works +$((n - 1))/$n\$"
keys q
finish
done_testing
