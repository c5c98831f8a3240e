#!/bin/sh
# Space reads on, as in mutt and newsboat: it pages down an article, and at
# its end opens the next unread one of the list it came from; in a list
# Space still pages down.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
start 80 24
keys j l j j r
like "Bulk Daily open, story 249 marked read" "$(line 4)" '^   +20[0-9-]+ Bulk story number 249'
keys k Enter
like "story 250 open: short, it ends on this page" "$(line 1)" 'Bulk story number 250'
keys Space
like "Space at its end opens the next unread" "$(line 1)" 'Bulk story number 248'
like "  passing over the one read" "$(line 24)" ' 3 of 250 '
keys Space
like "  and again" "$(line 1)" 'Bulk story number 247'
keys q
like "q: the list, its cursor on the last opened" "$(line 24)" ' 4 of 250'
keys Space
like "in the list Space pages down" "$(line 24)" ' 2[0-9] of 250'
like "  and opens nothing" "$(line 1)" '^  '
keys Q
finish

# A long article: Space pages through it first.
start 80 24
keys j j l j Enter
like "the lighthouse article, longer than the screen" "$(line 1)" 'Volunteers repaint the old'
keys Space
like "Space pages down" "$(screen)" 'Harbor pilots say'
is "  in the same article, its title off the screen" "$(line 1 | grep -c 'Volunteers repaint')" 0
keys G Space
like "Space on its last page: the next unread" "$(line 1)" 'Granite quarry reopens'
keys Space
like "at the end of the last: nothing more to read on to" "$(line 24)" 'No next unread article'
like "  and the article stays" "$(line 1)" 'Granite quarry reopens'
keys Q
finish

# 40x12, and side by side at 120 columns: the same.
unread() { "$FOLIO" --db "$DB" mark --unread --source "The Ledgerport Courier" >/dev/null; }
unread
start 40 12
keys j j l j Enter Space
like "40x12: Space pages the lighthouse, typed with Enter before it is drawn" \
	"$(screen)" 'volunteers'
keys Space
like "  and again" "$(screen)" 'built of local granite'
keys G Space
like "  then goes on to the quarry" "$(line 1)" 'Granite quarry'
keys Q
finish
unread
start 120 24
keys j j l j Tab
keys G
keys Space
like "120x24: the next unread opens beside the list" "$(line 1)" '│ Granite quarry reopens'
like "  and the list's cursor is on it" "$(line 24)" ' 2 of 2 '
keys Q
finish
done_testing
