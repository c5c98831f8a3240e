#!/bin/sh
# Damage inside a store: `folio check` reads all of it and names what is
# wrong (SQLite's integrity check, the search index against the articles,
# the counts, the days kept for timelines); any command that meets damage stops with a message naming
# the store and pointing at folio check; and nothing more is written to a
# store found damaged.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"

gen_corpus "$TMP/corpus" 600
gen_corpus "$TMP/more" 50 m
"$FOLIO" --db "$TMP/good.db" import --quiet "$TMP/corpus"
pagesize=$(sqlite3 "$TMP/good.db" 'PRAGMA page_size;')

# damage DB TABLE N: N pages of that table or index overwritten with random bytes
damage() {
	for p in $(sqlite3 "$1" "SELECT pageno FROM dbstat WHERE name = '$2' AND pagetype = 'leaf' ORDER BY pageno LIMIT $3;"); do
		dd if=/dev/urandom of="$1" bs="$pagesize" seek=$((p - 1)) count=1 conv=notrunc 2>/dev/null
	done
}

# A sound store.
sum=$(cksum <"$TMP/good.db")
"$FOLIO" --db "$TMP/good.db" check >"$TMP/out" 2>"$TMP/err"; rc=$?
is "check of a sound store: exit 0" "$rc" 0
is "  every part is ok" "$(cat "$TMP/out")" "integrity: ok
sources: ok
counts: ok
indexing: ok
timeline days: ok
search index: ok"
is "  nothing on stderr" "$(cat "$TMP/err")" ""
is "  and the store is unchanged" "$(cksum <"$TMP/good.db")" "$sum"

# A few pages of the search index damaged: list, sources and show never read
# them, so only a check (or a search that reads them) finds the damage.
cp "$TMP/good.db" "$TMP/fts.db"
damage "$TMP/fts.db" articles_fts_data 3
for cmd in list sources "show 5"; do
	# shellcheck disable=SC2086
	"$FOLIO" --db "$TMP/fts.db" $cmd >/dev/null 2>&1; rc=$?
	is "damaged index pages: $cmd does not read them (exit $rc)" "$rc" 0
done
sum=$(cksum <"$TMP/fts.db")
"$FOLIO" --db "$TMP/fts.db" check >"$TMP/out" 2>"$TMP/err"; rc=$?
is "check finds the damaged index pages: exit 3" "$rc" 3
like "  SQLite's integrity check names pages" "$(cat "$TMP/out")" "^integrity: .*Page [0-9]+"
like "  the search index check fails too" "$(cat "$TMP/out")" "^search index: [^o]"
like "  and stderr says the store is damaged, naming it" "$(cat "$TMP/err")" "^folio: .*fts\.db is damaged: the lines above say where$"
is "  the check wrote nothing" "$(cksum <"$TMP/fts.db")" "$sum"
"$FOLIO" --db "$TMP/fts.db" search committee >/dev/null 2>"$TMP/err"; rc=$?
is "a search that meets them: exit 3" "$rc" 3
like "  naming the store and pointing at folio check" "$(cat "$TMP/err")" "fts\.db is damaged.*folio check"

# The content-hash index damaged: an import meets it at its first article,
# stops, and writes nothing, not even the articles before the damage.
cp "$TMP/good.db" "$TMP/hash.db"
damage "$TMP/hash.db" sqlite_autoindex_articles_1 4
before=$(sqlite3 "$TMP/hash.db" 'SELECT max(id) FROM articles;')
"$FOLIO" --db "$TMP/hash.db" import --quiet "$TMP/more" >/dev/null 2>"$TMP/err"; rc=$?
is "an import that meets damage: exit 3" "$rc" 3
like "  names the store and points at folio check" "$(cat "$TMP/err")" "hash\.db is damaged.*folio check"
is "  no article went in" "$(sqlite3 "$TMP/hash.db" 'SELECT max(id) FROM articles;')" "$before"
"$FOLIO" --db "$TMP/hash.db" check >"$TMP/out" 2>&1; rc=$?
is "  and check reports it: exit 3" "$rc" 3

# A counter out of step with the articles (written by another program).
cp "$TMP/good.db" "$TMP/count.db"
sqlite3 "$TMP/count.db" "UPDATE sources SET total = total + 7 WHERE id = 1;"
"$FOLIO" --db "$TMP/count.db" check >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a source count out of step: exit 3" "$rc" 3
like "  the counts line names the source and both numbers" "$(cat "$TMP/out")" "^counts: source .* counts [0-9]+ articles .* but holds [0-9]+"

# Index and articles disagreeing (an article changed behind the index's back).
cp "$TMP/good.db" "$TMP/stale.db"
sqlite3 "$TMP/stale.db" "DROP TRIGGER articles_update_text; UPDATE articles SET body = 'changed' WHERE id = 3;"
"$FOLIO" --db "$TMP/stale.db" check >"$TMP/out" 2>"$TMP/err"; rc=$?
is "an index out of step with its articles: exit 3" "$rc" 3
like "  found by the search index check" "$(cat "$TMP/out")" "^search index: .*(malformed|corrupt)"

# check is a reading command: no store, no creation; arguments are a usage error.
"$FOLIO" --db "$TMP/none.db" check >/dev/null 2>&1; rc=$?
is "check of a missing store: exit 3" "$rc" 3
ok "  creates nothing" test ! -e "$TMP/none.db"
"$FOLIO" --db "$TMP/good.db" check extra >/dev/null 2>&1; rc=$?
is "check with an argument: exit 2" "$rc" 2
done_testing
