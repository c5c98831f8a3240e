#!/bin/sh
# More like this (issue 19): m on an article lists the articles closest
# to it, found through the full-text index by its rarest words, best
# first, its own copies left out.  tests/data/near holds a wire report,
# its reprint and the same page saved again (one story), and another
# outlet's own report of the same event; tests/ui/data other news.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

"$FOLIO" --db "$DB" import --quiet "$top_srcdir"/tests/data/near/*.txt "$UI_DATA"
start 100 30
keys / 'carrick cracked beams' Enter
like "the wire report is open" "$(screen)" 'also in: '
keys m
s=$(screen | cut -c1-50)
like "m lists the articles most like it" "$(line 1)" '^ More like this, best first:'
like "  the other outlet's report of the same event first" "$(line 2)" 'Carrick left without'
unlike "  not the reprint (a copy)" "$s" 'Town cut off'
unlike "  nor the article itself or the page saved again" "$s" 'Bridge over'
like "  other news further down" "$s" 'Granite quarry'
keys Enter
like "Enter opens one beside the list" "$(screen)" 'Carrick left without its bridge, and'
keys Tab Escape
like "Esc closes the list and what it opened: the article it came from" "$(line 1)" \
	'Bridge over the Carrick River'
keys Tab
like "  the search under it" "$(line 1)" 'articles? match'
keys Escape Enter Down m
like "m on a selected row of the source list too" "$(line 1)" '^ More like this'
keys Q
finish
done_testing
