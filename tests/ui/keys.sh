#!/bin/sh
# Keys: the ? screen lists the actions with their keys; a keymap file given
# with --keys rebinds a key; a bad line in it is reported as file:line on
# the status line and folio still starts; a two-key sequence works.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
start 80 24
keys ?
s=$(screen)
like "? opens the help screen" "$(line 1)" 'folio keys'
like "it lists moving down with its keys" "$s" '^  j, <Down>'
keys G
like "G shows the end of the list: the search bar's keys" "$(screen)" '^  <Up> +.*(history|earlier|previous)'
keys q
like "q closes the help" "$(line 1)" '^> All articles'

cat >"$TMP/my.keys" <<'KEYS'
# my keys
bind sources x quit
bind global <C-n> down
frobnicate the widgets
bind sources
KEYS
start 80 24 --keys "$TMP/my.keys"
like "a bad keymap line is shown as file:line: reason" "$(line 24)" 'my\.keys:4: '
like "with several, the status line counts them and says where they all are" "$(line 24)" \
	'^ ?keys: 2 problems, first: .*my\.keys:4: '

printf 'bind sources x quit\nbind nowhere x quit\n' >"$TMP/one.keys"
start 80 24 --keys "$TMP/one.keys"
like "a single problem is shown alone" "$(line 24)" '^ ?[^ ]*one\.keys:2: '
keys C-n
like "a key bound in the file works" "$(screen)" '^> Bulk Daily'
keys x
finish
is "a key rebound in the file does its new job" "$(exit_status)" 0

# A sequence of two keys, from a keymap file
printf 'bind sources zz bottom\n' >"$TMP/seq.keys"
start 80 24 --keys "$TMP/seq.keys"
keys z
like "the first key of a sequence is shown while folio waits for the next" "$(line 24)" '^z '
pause 999
like "it waits up to a second" "$(line 24)" '^z '
pause 1
is "after a second without the next key, z alone does what it means: nothing" \
	"$(line 24 | grep -c '^z ')" 0
keys z z Enter
like "zz runs its action" "$(screen)" '^v Valley Morning Herald'

# Arrows alone: Down, Right to expand and open, Left to go back.
start 80 24
keys Down Down Right
like "Right expands a source" "$(line 3)" '^v The Ledgerport Courier'
keys Down Right
like "Right opens the article" "$(line 1)" '^ Volunteers repaint the old north lighthouse'
like "and the article has the keyboard" "$(line 24)" 'Space:page'
keys Left
like "Left goes back to the list" "$(line 24)" 'Enter:open'
keys Left
like "Left again folds the source" "$(line 3)" '^> The Ledgerport Courier'
keys / Left
keys q u a r r y Left Left X
like "in the search bar Left still moves the cursor" "$(line 24)" '^/quarXry'
keys C-u c a f é Left X
like "Left steps over a whole UTF-8 character" "$(line 24)" '^/cafXé'
keys Right BSpace
like "and Backspace deletes one" "$(line 24)" '^/cafX( |$)'

# Left on an open source's own row shuts it; only then does Left quit.
start 80 24
keys Down Down Right
keys Left
like "Left on an open source's row shuts it, and folio stays" "$(line 3)" '^> The Ledgerport Courier'
keys Left
finish
is "Left with nothing open quits, as q does at the top" "$(exit_status)" 0
done_testing
