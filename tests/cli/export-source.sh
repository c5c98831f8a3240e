#!/bin/sh
# export --source: the name is a value looked up among the sources, never
# text pasted into a query, so quotes and OR in it change nothing; a name
# that is no source is a usage error, with or without a query.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 program is needed to name a source oddly"
db="$TMP/a.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null
total=$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')
ids() { grep -c '^Title: ' "$1" | tr -d ' '; }

# A name made to break out of the quotes it used to be pasted between.
"$FOLIO" --db "$db" export --source 'Nobody" OR "the' the >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a source name holding '\" OR \"' is a usage error (no such source)" "$rc" 2
is "  and exports nothing (it exported all $total articles)" "$(ids "$TMP/out")" 0
like "  saying there is no such source" "$(cat "$TMP/err")" "no source named"
"$FOLIO" --db "$db" export --source 'No Such Outlet' the >"$TMP/out" 2>"$TMP/err"; rc=$?
is "an unknown source with a query is a usage error too" "$rc" 2
"$FOLIO" --db "$db" export --source 'No Such Outlet' >"$TMP/out" 2>"$TMP/err"; rc=$?
is "and without one" "$rc" 2

# A real source with a query: only its articles that match.
src=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f2)
want=$("$FOLIO" --db "$db" search --limit 1000 the | awk -F'\t' -v s="$src" '$3 == s' | wc -l | tr -d ' ')
"$FOLIO" --db "$db" export --source "$src" the >"$TMP/out"; rc=$?
is "export --source with a query exits 0" "$rc" 0
is "  and writes the matches of that source alone" "$(ids "$TMP/out")" "$want"
ok "  (some)" test "$want" -gt 0
is "  every one from that source" "$(grep '^Source: ' "$TMP/out" | sort -u)" "Source: $src"
"$FOLIO" --db "$db" export --source "$(echo "$src" | tr 'a-z' 'A-Z')" the >"$TMP/upper"
ok "  the name's case is ignored, as list --source does" cmp -s "$TMP/out" "$TMP/upper"

# A source whose name holds quotes and OR is found by that name.
odd='The "Daily" OR Weekly'
sqlite3 "$db" "UPDATE sources SET name = '$(printf '%s' "$odd" | sed "s/'/''/g")' WHERE name = '$(printf '%s' "$src" | sed "s/'/''/g")';"
"$FOLIO" --db "$db" export --source "$odd" the >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a source named with quotes and OR: exit 0" "$rc" 0
is "  its matching articles come out" "$(ids "$TMP/out")" "$want"
done_testing
