#!/bin/sh
# The article lists' sort order: by date (newest first, the default), by
# title (A to Z, "(no title)" last) or by source (as the source list,
# "Unknown source" last, each newest first).  S cycles it, the status line
# says which, the cursor stays on its article, J and Space follow it, and
# `set sort-order` in the keys file chooses it at start.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
# two pages with no outlet, one with no headline: they sort after the named
cat >"$TMP/extra.json" <<'EOF2'
[
  { "source": null, "title": null, "date": "2003-06-01", "body": "A page that named neither its outlet nor its headline." },
  { "source": null, "title": "Anchor chains", "date": "2002-01-01", "body": "A page with a headline and no outlet." },
  { "source": "Valley Morning Herald", "title": "", "date": null, "body": "An undated page with no headline." }
]
EOF2
"$FOLIO" --db "$DB" import --quiet "$TMP/extra.json"
total=257

start 80 24
keys Enter j
like "by date: the newest first" "$(line 2)" 'Survey team returns'
like "  no order named on the status line" "$(line 24)" " 1 of $total  "
keys j j
like "the cursor on the lighthouse" "$(line 24)" " 3 of $total  "
keys S
like "S: by title, and says so" "$(line 24)" '^Articles by title, A to Z'
keys C-l
like "  the status line names the order, the cursor on its article" "$(line 24)" \
	"by title  255 of $total"
keys g
like "  on a source row too" "$(line 24)" ' by title  +\?:help'
keys j
like "by title: A first" "$(line 2)" 'Anchor chains'
like "  then Apple" "$(line 3)" 'Apple growers'
like "  then the bulk stories in order" "$(line 4)" 'Bulk story number 001'
keys G
s=$(screen | grep -B3 '^> Bulk Daily')
like "  the untitled last" "$s" "Volunteers.*
.*\(no title\)
.*\(no title\)"
keys k k k k k
like "  at the end of the list" "$(line 24)" "by title  $total of $total"
keys g j Enter
like "Enter opens the first by title" "$(line 1)" 'Anchor chains'
keys J
like "J opens the next by title" "$(line 1)" 'Apple growers'
keys Space
like "Space at its end: the next unread by title" "$(line 1)" 'Bulk story number 001'
keys q S
like "S again: by source" "$(line 24)" '^Articles by source, then newest first'
keys g j
like "by source: Bulk Daily first, newest first" "$(line 2)" 'Bulk story number 250'
like "  each title led by its source" "$(line 2)" 'Bulk Daily (·|-) Bulk story number 250'
keys C-l
like "  the status line says so" "$(line 24)" "by source  1 of $total"
keys G
s=$(screen | grep -B5 '^> Bulk Daily')
like "  Unknown source last, each newest first, the undated last" "$s" "Apple growers.*
.*\(no title\)
.*\(no title\)
.*Anchor chains"
keys j Enter
like "  one source's list: the titles alone" "$(line 7)" '^  N 2003-06-01 \(no title\) *$'
keys S
like "S again: by date" "$(line 24)" '^Articles by date, newest first'
like "  no order named on the status line" "$(line 24 | grep -c 'by date  ')" '^0$'
keys Q
finish

# The keys file chooses the order at start.
mkdir -p "$XDG_CONFIG_HOME/folio"
printf 'set sort-order title\n' >"$XDG_CONFIG_HOME/folio/keys"
start 40 12
keys Enter j
like "set sort-order title: by title from the start" "$(line 2)" 'Anchor chains'
like "  the status says so at 40x12" "$(line 12)" 'by title'
keys Q
finish
printf 'set sort-order size\n' >"$XDG_CONFIG_HOME/folio/keys"
start 80 24
like "a bad sort-order is reported" "$(screen)" 'sort-order is date, title or source'
keys Enter j
like "  and the default kept" "$(line 2)" 'Survey team returns'
keys Q
finish
done_testing
