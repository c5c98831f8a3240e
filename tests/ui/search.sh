#!/bin/sh
# The search bar: results as you type with the matches highlighted, Enter
# opens the best hit with every match highlighted, n/N move between them,
# Esc goes back to where the reader was; odd queries never show an error;
# searches are remembered in $XDG_STATE_HOME/folio/history.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
esc=$(printf '\033')

make_store
start 80 24
keys /
wait_for 'Type to search' >/dev/null
like "/ opens the bar with a short guide" "$(screen)" 'Type to search every article'
like "the bar is on the status line" "$(line 24)" '^/ '
keys g r a n
wait_for 'articles? match' >/dev/null
s=$(screen)
like "results come as you type (the last word is a prefix)" "$s" '2 articles match'
like "a hit shows its title" "$s" 'Granite quarry reopens'
like "its source and date" "$s" 'The Ledgerport Courier, 2003-0[45]-'
like "the matches are highlighted in the results" "$(screen_e)" "${esc}\\[[0-9;]*m[Gg]ran"
keys Escape
wait_for '^> All articles' >/dev/null
like "Esc closes the search and the list is back" "$(line 1)" '^> All articles'

# As you type, the quick page: the latest matches first (bulk story 250 was
# imported last), with no count yet; a pause in typing ranks them instead.
keys / t h e
wait_for 'latest first' >/dev/null
like "typing shows the latest matches at once" "$(line 1)" '^ 50\+ articles match, latest first…'
like "the last imported first" "$(line 2)" 'Bulk story number 250'
wait_for 'best first' >/dev/null
like "a pause in typing ranks them, with the count" "$(line 1)" '^ 254 articles match, best first'
like "the best hit first" "$(line 2)" 'Survey team returns from the'
keys Escape
wait_for '^> All articles' >/dev/null
keys / t h e Enter
wait_for 'n/N to jump' >/dev/null
like "Enter at once opens the best hit, not the latest" "$(screen)" 'Survey team returns from the'
keys q
wait_for 'articles? match' >/dev/null
like "and the results behind it are ranked" "$(line 1)" 'best first'
keys Escape
wait_for '^> All articles' >/dev/null

keys / 'granite lighthouse' Enter
wait_for 'match(es)?: n/N' >/dev/null
like "Enter opens the best hit" "$(screen)" 'Volunteers repaint the old north lighthouse'
like "and says how many matches it has" "$(line 24)" '[0-9]+ matches: n/N to jump'
like "every match is highlighted in the article" "$(screen_e)" "${esc}\\[[0-9;]*mgranite"
keys n
wait_for 'Match 1 of' >/dev/null
like "n goes to the first match" "$(line 24)" 'Match 1 of [0-9]+'
keys N
wait_for 'wrapped' >/dev/null
like "N from the first match wraps to the last" "$(line 24)" 'Search wrapped to the bottom'
like "and scrolls to it" "$(screen)" 'landing'
keys q
wait_for 'articles? match' >/dev/null
like "q goes back to the results" "$(screen)" '1 article matches'
keys Escape
wait_for '^> All articles' >/dev/null
like "Esc returns to where the reader was" "$(line 1)" '^> All articles'

keys / zzqqxy
wait_for 'No articles match' >/dev/null
like "a query that matches nothing says so" "$(screen)" 'No articles match'
keys C-u '"( OR * -' "'" ' NEAR(' ')) "'
settle
s=$(screen)
like "odd input is still searched" "$s" 'articles? match|No articles match|Type to search'
case $s in
*SQL* | *sql* | *fts5* | *syntax* | *"could not"*) ok "no SQL or FTS5 error reaches the screen" false ;;
*) ok "no SQL or FTS5 error reaches the screen" true ;;
esac
keys Enter
settle
like "Enter on it neither fails nor shows an error" "$(line 24)" '^(/|No articles match|[0-9]+ match)'
keys Escape
wait_for '^> All articles' >/dev/null

like "the history file holds the search" "$(cat "$XDG_STATE_HOME/folio/history")" '^granite lighthouse$'
keys / Up
wait_for '^/"\( OR' >/dev/null
like "Up in the bar recalls the last search" "$(line 24)" '^/"\( OR'
keys Up
wait_for '^/granite lighthouse' >/dev/null
like "and Up again the one before" "$(line 24)" '^/granite lighthouse'
keys Down
wait_for '^/"\( OR' >/dev/null
like "Down goes forward again" "$(line 24)" '^/"\( OR'
keys Escape
wait_for '^> All articles' >/dev/null

keys Q
wait_for '^\[folio exit 0\]' >/dev/null
start 80 24
keys / Up Up
wait_for '^/granite lighthouse' >/dev/null
like "the history outlives the reader" "$(line 24)" '^/granite lighthouse'

# A history that cannot be written costs nothing but the history.
: >"$TMP/not-a-folder"
UI_ENV="XDG_STATE_HOME=$TMP/not-a-folder" start 80 24
keys / quarry Enter
wait_for 'n/N to jump' >/dev/null
like "an unwritable history: the search still opens its hit" "$(screen)" 'Granite quarry reopens'
like "and nothing complains" "$(line 24)" '^[0-9]+ match(es)?: n/N to jump'
done_testing
