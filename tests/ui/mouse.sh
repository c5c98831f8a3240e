#!/bin/sh
# The mouse (set mouse yes, the default): a click selects a row, a double
# click opens it, the wheel moves the list's cursor or scrolls the article
# under the pointer; set mouse no leaves it to the terminal.  Events come
# from the script (:click X Y, :double X Y, :wheel up|down X Y; lines and
# columns from 0).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

mouse() { printf ':%s\n' "$*" >&3; }

make_store
start 160 45
mouse click 5 1
like "160x45: a click selects the row under it" "$(screen_attrs | sed -n 2p)" '^\{R\}> \{[^}]*\}Bulk Daily'
mouse double 5 1
like "160x45: a double click opens it (a source: expanded)" "$(line 2)" '^v Bulk Daily'
mouse click 20 4
like "160x45: a click on an article row" "$(screen_attrs | sed -n 5p)" '^\{[^}]*R[^}]*\}.*Bulk story number 248'
is "160x45:   previews it beside" "$(line 1 | sed 's/^[^│]*│ //')" "Bulk story number 248"
mouse wheel down 20 10
is "160x45: the wheel moves the cursor three rows" "$(line 1 | sed 's/^[^│]*│ //')" "Bulk story number 245"
mouse wheel up 20 10
is "160x45:   and back" "$(line 1 | sed 's/^[^│]*│ //')" "Bulk story number 248"
mouse double 20 4
like "160x45: a double click on an article opens it" "$(line 45)" 'page'
like "160x45:   (read)" "$(line 2)" '^v Bulk Daily +249/250'
mouse click 20 4
like "160x45: a click in the list gives it back the keyboard" "$(line 45)" 'open'
mouse click 100 10
like "160x45: a click on the article gives it the keyboard" "$(line 45)" 'page'
mouse click 0 44
like "160x45: a click on the status line does nothing" "$(line 45)" 'page'
keys Q
finish

start 80 24
keys j Enter
mouse double 10 2
like "80x24: a double click opens the article, full width" "$(line 1)" '^ Bulk story number 250$'
mouse wheel down 10 5
like "80x24: the wheel scrolls it" "$(line 24)" '[0-9]+%'
keys q
mouse click 10 4
like "80x24: a click in the list" "$(screen_attrs | sed -n 5p)" '^\{[^}]*R[^}]*\}.*Bulk story number 248'
keys Q
finish

# a search's hits: a click selects the hit drawn there (three lines a hit)
start 80 24
keys / granite
pause 350
mouse click 10 5
like "a click on the second hit selects it, out of the bar" "$(line 24)" ' 2 of 2 '
keys Escape Q
finish

printf 'set mouse no\n' >"$TMP/keys"
start 80 24 --keys "$TMP/keys"
mouse click 5 1
unlike "set mouse no: a click does nothing" "$(screen_attrs | sed -n 2p)" '^\{R\}'
keys Q
finish
done_testing
