#!/bin/sh
# The timeline view (issue 19): T from the source list or the search
# results shows their articles over time, one bar a period in block
# characters (ASCII where the locale is not UTF-8); moving along the bars
# narrows the list under them to that period, Enter lists the whole period
# as search results; at 80x24 and at 40x12.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
block=$(printf '\342\226\210')
start 80 24
keys T
s=$(screen)
like "T on All articles: every article by month (the finest that fits)" "$(line 1)" '^ month: All articles'
like "  a bar a month, in block characters" "$s" "2003-04  1 $block"
like "  empty months too" "$s" '2003-07  0$'
like "  the latest period selected" "$(screen_attrs)" '\{[^}]*R[^}]*\} 2003-08  1'
like "  the list under the bars holds its articles" "$s" '2003-08: 1 article'
like "  newest first" "$s" '2003-08-04 Survey team returns'
like "  the status line counts the dated and undated" "$(line 24)" '254 dated, 0 undated'
keys -N 4 k
s=$(screen)
like "moving along the bars narrows the list to that period" "$s" '2003-04: 1 article'
unlike "  the other period's article is gone from it" "$s" 'Survey team returns'
keys g
s=$(screen)
like "g: the first period" "$s" '2001-01: 28 articles'
like "  the largest bar fills the pane (the whole width at 80x24)" "$s" "2001-01 28 ($block){68}\$"
like "  its newest article first" "$s" '2001-01-28 Bulk story number 028'
keys Enter
like "Enter lists the whole period as search results" "$(line 1)" '28 articles match'
like "  the search bar says which" "$(line 24)" '^/after:2001-01-01 before:2001-02-01'
keys Escape
like "Esc: back to the bars" "$(line 1)" '^ month: All articles'
keys Escape
like "  and Esc again: the source list" "$(line 1)" '^> All articles'

keys Down T
like "T on a source: its articles, by week to fit" "$(line 1)" '^ week: Bulk Daily'
keys g
like "  weeks start on Monday" "$(screen)" '2001-01-01 7 '
keys T
like "T again closes it" "$(line 2)" '^> Bulk Daily'

keys / granite Enter q T
s=$(screen)
like "T on search results: the matches over time, by day" "$(line 1)" '^ day: granite'
like "  the latest match's day selected" "$(screen_attrs)" '\{[^}]*R[^}]*\} 2003-05-10 1'
keys g
like "  its article under the bars" "$(screen)" 'Granite quarry reopens'
keys Enter
like "  Enter: the query narrowed to the day" "$(line 24)" '^/granite after:2003-04-02 before:2003-04-03'
like "  one hit" "$(line 1)" '1 article matches'
keys Escape Q
finish

# 40x12: one pane at a time; bars and list share it
start 40 12
keys T
s=$(screen)
like "40x12: the bars" "$s" "2003-05  1 $block"
like "  and the list under them" "$s" '2003-08: 1 article'
is "  no line wider than the screen" "$(printf '%s\n' "$s" | LC_ALL=C.UTF-8 wc -L | tr -d ' ')" 40
keys Q
finish

# an ASCII locale: # for the bars, nothing but ASCII on the screen
LC_ALL=C start 80 24
keys T
s=$(screen)
like "ASCII: the bars are #" "$s" '2003-04  1 #'
is "  and nothing else is drawn" "$(printf '%s' "$s" | LC_ALL=C tr -d '\000-\177' | wc -c | tr -d ' ')" 0
keys Q
finish
done_testing
