#!/bin/sh
# Reading with the list beside the article (120x24; under 100 columns one
# pane at a time, see narrow.sh): expanding a source, opening
# and paging an article, J/K, read and flag marks with counts updated at
# once, a 250-article source paged both ways, and the position kept across
# resizes (down to 1x1).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
start 120 24

# The sources are by name: All, Bulk Daily, The Ledgerport Courier,
# The Northern Times, Valley Morning Herald.
keys j j Enter
like "Enter expands a source" "$(line 3)" '^v The Ledgerport Courier +2/2'
like "its newest article comes first, with its date" "$(line 4)" '^  N 2003-05-10 Volunteers repaint'
like "then the older one" "$(line 5)" '^  N 2003-04-02 Granite quarry'
like "the next source follows" "$(line 6)" '^> The Northern Times'

keys j Enter
like "Enter opens the article: title" "$(line 1)" '│ Volunteers repaint the old north lighthouse'
like "header: source and date" "$(line 2)" '│ The Ledgerport Courier · 2003-05-10'
like "header: byline" "$(line 3)" '│ By Daniel Ruiz'
like "the body is wrapped to the pane" "$(screen)" '│ (LEDGERPORT, Maine -- )?Forty volunteers spent'
like "opening marks it read: the source count drops" "$(line 3)" 'Ledgerport Courier +1/2'
like "and the All articles count" "$(line 1)" 'All articles +253/254'
like "status: position in the list and percentage" "$(line 24)" '1 of 2 +[0-9]+%  \?:help$'
first=$(line 1)

keys Space
like "Space pages down" "$(screen | sed -n 1,23p)" 'Harbor pilots say'
like "the list items are kept as lines" "$(screen)" '│ [-•] primer on Saturday morning, when the wind'
resize 50 24
like "a list item's next line hangs under its text" "$(screen)" '^   dropped,'
resize 120 24
isnt_title=$(line 1 | grep -c 'Volunteers repaint the old' )
is "after a page the title is off the screen" "$isnt_title" 0
keys G
like "G goes to the end" "$(line 24)" '100%  \?:help$'
keys PgDn
like "PgDn at the end says so (Space reads on: readon.sh)" "$(line 24)" 'End of article: J opens the next'
resize 80 24
is "a resize drops that message, which may not hold at the new size" \
	"$(line 24 | grep -c 'End of article')" 0
resize 120 24
keys g
is "g goes back to the top" "$(line 1)" "$first"

keys J
like "J opens the next article in the list" "$(screen)" '│ Granite quarry reopens after twenty years'
like "and moves the list cursor with it" "$(line 24)" '2 of 2'
like "the count follows" "$(line 3)" 'Ledgerport Courier +0/2'
keys K
like "K goes back" "$(line 24)" '1 of 2'

keys r
like "r marks the open article unread" "$(line 3)" 'Ledgerport Courier +1/2'
keys F
like "F flags it: the list shows the mark" "$(line 4)" '^  ! (20)?03-05-10 Volunteers'
keys J
keys [
like "[ opens the previous unread article" "$(line 24)" '1 of 2'
keys ]
like "] finds none after it: both are read now" "$(line 24)" 'No next unread article'

# Resize keeps the place in the article.
keys Space
top=$(line 1 | sed 's/.*│ //')
resize 120 40
word=$(printf '%s' "$top" | cut -d' ' -f1-3)
like "a wider screen still shows the same place" "$(screen)" "$word"
resize 2 2
resize 1 1
resize 30 5
resize 120 24
is "back at 120x24 the same line is on top" "$(line 1 | sed 's/.*│ //')" "$top"
ok "folio survived 2x2 and 1x1" _running

# A long source is paged from the store in both directions.
keys q g j Enter
keys j
like "the long source opens on its newest article" "$(line 3)" '^  N 2001-09-26 Bulk story number 250'
like "the status line counts the position" "$(line 24)" ' 1 of 250  \?:help$'
keys -N 14 PgDn
like "paging down reaches its oldest article" "$(screen)" '^  N 2001-01-01 Bulk story number 001'
keys k k k
like "and the sources after it; the count is right at the end" "$(line 24)" ' 250 of 250  \?:help$'
resize 40 12
like "a resize keeps the selected article" "$(line 12)" ' 250 of 250  \?:help$'
like "and shows it" "$(screen)" '^  N 2001-01-01 Bulk story number 001'
resize 80 24
like "and so does the way back" "$(line 24)" ' 250 of 250  \?:help$'
keys -N 14 PgUp
like "paging back up reaches the top again" "$(line 3)" '^  N 2001-09-26 Bulk story number 250'

keys Q
finish
is "Q quits from anywhere" "$(exit_status)" 0
done_testing
