#!/bin/sh
# L filters the list shown (mutt's limit, newsboat's filter): the search bar
# opens on the source, or saved search, under the cursor, and what is typed
# narrows it; on search hits L refines the search.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
"$FOLIO" --db "$DB" saved "Lighthouse works" stonemason OR granite >/dev/null
start 80 24
keys j L
like "L on a source: the bar holds the source" "$(line 24)" '^/source:"Bulk Daily" '
keys 049
s=$(screen)
like "  what is typed narrows it" "$(line 1)" '^ 1 article matches'
like "  to that source's article" "$(line 2)" 'Bulk story number 049'
keys Escape
like "Esc: the sources again" "$(line 2)" '^> Bulk Daily'
keys G L
like "L on a saved search: the bar holds its query" "$(line 24)" '^/stonemason OR granite '
keys quarry
pause 350
like "  and narrows its hits" "$(line 1)" '^ 1 article matches'
like "  to the one with both" "$(line 2)" 'Granite quarry reopens'
keys Down L
like "L on the hits: the search to refine" "$(line 24)" '^/stonemason OR granite quarry'
keys Escape g L
like "L on All articles: an empty bar, as /" "$(line 24)" '^/ *'
like "  with the guide" "$(screen)" 'Type to search every article'
keys Escape Q
finish
done_testing
