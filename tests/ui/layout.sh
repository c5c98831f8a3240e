#!/bin/sh
# One layout that follows the cursor (issue 18).  From 100 columns the list
# and the article pane stand side by side at widths that do not change with
# the focus, and the article pane previews the row under the cursor (an
# article or a search hit) as the cursor moves, without marking it read;
# an article opened from the list gives way to the preview when the cursor
# leaves it.  Under 100 columns the list has the whole width and no
# preview.  A hit opens at its first match; the hit under the cursor is
# never swapped for another when the ranked order arrives.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
bar() { # the column of the separator on line N
	line "$1" | awk '{ i = index($0, "│"); if (i) print length(substr($0, 1, i - 1)); else print "none" }'
}
pane() { # the article pane's text on line N
	line "$1" | sed -n 's/^[^│]*│ \{0,1\}//p'
}

start 160 45
sep=$(bar 1)
is "160x45: the list is 64 columns, the separator after it" "$sep" 64
keys j
like "160x45: on a source row the pane welcomes" "$(screen)" '│ j/k or the arrows move'
keys j j Enter j
is "160x45: the row under the cursor is previewed beside the list" "$(pane 1)" \
	"Survey team returns from the 北岳 glacier"
like "160x45: with its header" "$(pane 2)" '^The Northern Times · 2003-08-04$'
like "160x45: and its text" "$(screen)" '│ SAPPORO, Japan -- A survey team'
like "160x45: previewing marks nothing read" "$(line 4)" '^v The Northern Times +1/1 '
keys q
keys k k Enter j
is "160x45: the preview follows the cursor" "$(pane 1)" "Bulk story number 250"
keys j
is "160x45: j: the next row's" "$(pane 1)" "Bulk story number 249"
keys -N 20 j
is "160x45: twenty more: the row the cursor stopped on" "$(pane 1)" "Bulk story number 229"
keys k
is "160x45: k: the one before" "$(pane 1)" "Bulk story number 230"
keys Enter
is "160x45: Enter opens the same article" "$(pane 1)" "Bulk story number 230"
is "160x45: the list keeps its width when the article has the keyboard" "$(bar 1)" "$sep"
like "160x45: the opened article is read" "$(line 2)" '^v Bulk Daily +249/250 '
keys q
is "160x45: and when the list has it again" "$(bar 1)" "$sep"
is "160x45: the article stays while the cursor is on it" "$(pane 1)" "Bulk story number 230"
keys j
is "160x45: the cursor moves on: the pane previews the new row" "$(pane 1)" \
	"Bulk story number 229"
keys Tab
is "160x45: Tab opens the previewed row" "$(pane 1)" "Bulk story number 229"
like "160x45: and gives it the keyboard" "$(line 45)" 'page'
like "160x45: (opened, so read)" "$(line 2)" '^v Bulk Daily +248/250 '
keys Tab
like "160x45: Tab back to the list" "$(line 45)" 'open'
keys t
keys k e e p Enter
like "160x45: t on a row tags it" "$(line 45)" 'Tagged keep'
is "160x45: the article pane shows the tag at once" "$(pane 3)" "Tags: keep"
keys j t
keys r e a d Enter
is "160x45: and so does the preview of the next row" "$(pane 3)" "Tags: read"
keys q

# Search hits: the hit under the cursor is previewed, at its first match.
keys / stonemason
is "160x45: the best hit is previewed while typing" "$(pane 1)" \
	"Volunteers repaint the old north lighthouse"
keys Enter
like "160x45: a hit opens at its first match" "$(line 45)" '^Match 1 of 1: n/N to jump'
like "160x45: shown in reverse" "$(screen_attrs)" '\{[^}]*R[^}]*\}Stonemasons'
keys Escape

# The quick page (latest first) while typing has no hit under the cursor:
# Enter would open the best, which is not known yet.  Down takes the hits
# in the order shown, and the ranked order never replaces the hit there.
keys / t h e
like "160x45: typing shows the quick page" "$(line 1)" 'latest first…'
ok "160x45: with no hit selected" sh -c "! printf '%s\n' \"\$1\" | sed -n 2p | grep -q '{[^}]*[UR][^}]*}'" \
	- "$(screen_attrs)"
keys Down
latest=$(line 2 | sed 's/ *│.*//')
like "160x45: Down selects the first hit shown" "$latest" 'Bulk story number 250'
like "160x45: in the order shown, which stays" "$(line 1)" 'latest first *│'
like "160x45: the status line says which" "$(line 45)" ' 1 of 50\+ '
pause 1000
is "160x45: a pause later the same hit is under the cursor" "$(line 2 | sed 's/ *│.*//')" "$latest"
like "160x45: still in the order shown" "$(line 1)" 'latest first *│'
is "160x45: and it is previewed" "$(pane 1)" "Bulk story number 250"
keys j
like "160x45: j goes to the next hit shown" "$(pane 1)" 'Bulk story number 249'
keys Escape q
finish

# Under 100 columns: one pane, the list over the whole width, no preview.
for size in "80 24" "40 12"; do
	set -- $size
	start "$1" "$2"
	keys j Enter j
	is "${1}x$2: no pane beside the list" "$(screen | grep -c '│')" 0
	is "${1}x$2: the list has the whole width" "$(line 2 | awk '{ print length($0) }')" "$1"
	like "${1}x$2: the cursor on an article" "$(line 3)" 'Bulk story number 250'
	keys Enter
	like "${1}x$2: Enter opens it over the whole screen" "$(line 1)" '^ Bulk story number 250$'
	keys q j
	like "${1}x$2: q, j: the list again" "$(line 4)" 'Bulk story number 249'
	keys Tab
	like "${1}x$2: Tab opens the row under the cursor" "$(line 1)" '^ Bulk story number 249$'
	keys q q q
	finish
done
done_testing
