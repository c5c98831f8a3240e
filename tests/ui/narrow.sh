#!/bin/sh
# Under 100 columns (40x12, 80x24) one pane is shown at a time: the list
# over the whole width, Enter goes into the article, which uses the whole
# width too, q or Tab back out.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
start 40 12
keys j j j Enter
like "Enter expands a source over the whole width" "$(line 4)" '^v The Northern Times +1/1$'
like "its article: mark, date and title" "$(line 5)" '^  N 2003-08-04 Survey team returns'
keys j Enter
like "Enter shows the article alone: title" "$(line 1)" '^ Survey team returns from the 北岳'
like "wide characters keep the columns: the text wraps inside 40" \
	"$(screen | awk '{ print length($0) }' | sort -n | tail -1)" '^(3[0-9]|40)$'
like "the status line has the position" "$(line 12)" '1 of 1 +[0-9]+%  \?:help$'
keys q
like "q goes back to the list" "$(line 4)" '^v The Northern Times +0/1$'
like "with the cursor where it was, now read" "$(line 5)" '^    2003-08-04 Survey team'
keys q
like "q on an article row folds its source" "$(line 4)" '^> The Northern Times'
keys q
finish
is "q on a source row quits" "$(exit_status)" 0

# The newcomer's path at 40x12: find an article by a word seen in another.
start 40 12
keys /
keys stonemason
like "search as you type fills the screen with the hits" "$(line 1)" '^ 1 article matches, best first$'
like "the hit's title" "$(line 2)" 'Volunteers repaint the old north'
like "its snippet shows the match even on a narrow line" "$(line 4)" '[Ss]tonemason'
keys Enter
like "Enter opens it alone on the screen, at its first match" "$(screen)" '^ Stonemasons who inspected'
like "  (the title scrolled away)" "$(line 1)" '^ +on Sunday\.$'
like "  and says which match it shows" "$(line 12)" '^Match 1 of 1: n/N to jump'
keys g g
like "gg goes to the top" "$(line 1)" '^ Volunteers repaint the old north'
keys n
like "n scrolls to the match" "$(screen)" '[Ss]tonemasons'
keys q
like "q goes back to the hits" "$(line 1)" '^ 1 article matches, best first$'
keys Escape
like "Esc goes back to the sources" "$(line 1)" '^> All articles'
keys q
finish
is "and q quits" "$(exit_status)" 0

start 80 24
keys j j Enter
like "80x24: the list has the whole width" "$(line 3)" '^v The Ledgerport Courier +[12]/2$'
is "80x24: no pane beside it" "$(screen | grep -c '│')" 0
keys j
is "80x24: nor a preview when the cursor is on an article" "$(screen | grep -c '│')" 0
keys Enter
like "80x24: an opened article takes the whole width" "$(line 1)" '^ Volunteers repaint the old north lighthouse'
is "80x24: no list beside it" "$(screen | grep -c '│')" 0
keys Tab
like "80x24: Tab brings the list back" "$(line 3)" '^v The Ledgerport Courier +1/2$'
keys Tab
like "80x24: and Tab the article" "$(line 1)" '^ Volunteers repaint the old north lighthouse'
keys q
like "80x24: so does q" "$(line 3)" '^v The Ledgerport Courier'
done_testing
