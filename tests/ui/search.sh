#!/bin/sh
# The search bar: results as you type with the matches highlighted, Enter
# opens the best hit with every match highlighted, n/N move between them,
# Esc goes back to where the reader was; odd queries never show an error;
# searches are remembered in $XDG_STATE_HOME/folio/history.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
start 80 24
keys /
like "/ opens the bar with a short guide" "$(screen)" 'Type to search every article'
like "the bar is on the status line" "$(line 24)" '^/ '
keys g r a n
s=$(screen)
like "results come as you type (the last word is a prefix)" "$s" '2 articles match'
like "a hit shows its title" "$s" 'Granite quarry reopens'
like "its source and date" "$s" 'The Ledgerport Courier, 2003-0[45]-'
like "the matches are highlighted in the results" "$(screen_attrs)" '\{[^}]*[BU][^}]*\}[Gg]ran'
keys Escape
like "Esc closes the search and the list is back" "$(line 1)" '^> All articles'

# As you type, the quick page: the latest matches first (bulk story 250 was
# imported last), with no count yet; a pause in typing ranks them instead.
keys / t h e
like "typing shows the latest matches at once" "$(line 1)" '^ 50\+ articles match, latest first…'
like "the last imported first" "$(line 2)" 'Bulk story number 250'
pause 349
like "typing that has paused for less than 350 ms is not ranked yet" "$(line 1)" 'latest first'
pause 1
like "a pause of 350 ms ranks them, with the count" "$(line 1)" '^ 254 articles match, best first'
like "the best hit first" "$(line 2)" 'Survey team returns from the'
keys Escape
keys / t h e Enter
like "Enter at once opens the best hit, not the latest" "$(screen)" 'Survey team returns from the'
keys q
like "and the results behind it are ranked" "$(line 1)" 'best first'
keys Escape

keys / 'granite lighthouse' Enter
like "Enter opens the best hit" "$(screen)" 'Volunteers repaint the old north lighthouse'
like "at its first match, saying how many it has" "$(line 24)" '^Match 1 of [0-9]+: n/N to jump'
like "every match is highlighted in the article" "$(screen_attrs)" '\{[^}]*[BU][^}]*\}granite'
like "the first one (in the title) as the current match" "$(screen_attrs | sed -n 1p)" \
	'\{[^}]*R[^}]*\}lighthouse'
keys n
like "n goes to the next match" "$(line 24)" 'Match 2 of [0-9]+'
keys N
like "N back to the first" "$(line 24)" 'Match 1 of [0-9]+'
keys N
like "N from the first match wraps to the last" "$(line 24)" 'Search wrapped to the bottom'
like "and scrolls to it" "$(screen)" 'landing'
keys q
like "q goes back to the results" "$(screen)" '1 article matches'
keys Escape
like "Esc returns to where the reader was" "$(line 1)" '^> All articles'

keys / zzqqxy
like "a query that matches nothing says so" "$(screen)" 'No articles match'
keys C-u "quarry ( OR * -' NEAR( ))"
s=$(screen)
like "odd input is searched, its syntax taken as words" "$(line 1)" '^ 2 articles match'
like "and finds what its words match" "$(line 2)" 'Granite quarry reopens'
is "no SQL or FTS5 error reaches the screen" \
	"$(printf '%s\n' "$s" | grep -ci 'sql\|fts5\|syntax\|could not')" 0
keys Enter
like "Enter on it opens the best hit" "$(line 1)" '^ Granite quarry reopens'
keys q Escape / '"( OR * -' "'" ' NEAR()) "'
like "odd characters alone are a phrase that matches nothing, and say so" "$(line 1)" '^ No articles match'
keys Enter
like "Enter on it says so too, and no error" "$(line 24)" 'No articles match: try fewer words'
keys Escape

like "the history file holds the search" "$(cat "$XDG_STATE_HOME/folio/history")" '^granite lighthouse$'
keys / Up
like "Up in the bar recalls the last search" "$(line 24)" '^/"\( OR'
keys Up
like "and Up again the one before" "$(line 24)" "^/quarry \\( OR \\* -' NEAR"
keys Up
like "and the one before that" "$(line 24)" '^/granite lighthouse'
keys Down Down
like "Down goes forward again" "$(line 24)" '^/"\( OR'
keys Escape

keys Q
finish
is "Q quits with status 0" "$(exit_status)" 0
start 80 24
keys / Up Up Up
like "the history outlives the reader" "$(line 24)" '^/granite lighthouse'

# J and K step through the hits from the results as from an article opened
# from them; an article open before '/' is open again after Esc.
keys Escape / quarry Enter
like "a hit opened from the results" "$(line 1)" '^ Granite quarry reopens'
keys q Escape
start 130 24
keys Enter j Enter
first=$(line 1)
# s: every article, from the article pane (where / finds in the article)
keys s t h e
pause 350
keys Tab
like "Tab goes into the hits, the first one selected" "$(line 24)" ' 1 of 254'
keys J
like "J in the results selects the next hit" "$(line 24)" ' 2 of 254'
keys K
like "K the one before" "$(line 24)" ' 1 of 254'
keys Enter
hit1=$(line 1 | sed 's/.*│//')
keys J
like "J from an article opened from the hits opens the next hit" "$(line 24)" \
	'Match 1 of [0-9]+: n/N to jump'
ok "another article" test "$(line 1 | sed 's/.*│//')" != "$hit1"
keys Tab
like "the next one of the hits" "$(line 24)" ' 2 of 254'
keys Escape
is "Esc: the article open before the search is shown again" \
	"$(line 1 | sed 's/.*│//')" "$(printf '%s\n' "$first" | sed 's/.*│//')"
like "and the source list is back beside it" "$(line 1)" '^v All articles'

# A history that cannot be written costs nothing but the history.
: >"$TMP/not-a-folder"
UI_ENV="XDG_STATE_HOME=$TMP/not-a-folder" start 80 24
keys / quarry Enter
like "an unwritable history: the search still opens its hit" "$(screen)" 'Granite quarry reopens'
like "and nothing complains" "$(line 24)" '^Match 1 of [0-9]+: n/N to jump'
done_testing
