#!/bin/sh
# The schema number (PRAGMA user_version) of a folio store: any number this
# folio does not know, below 0 as well as above its own, is refused with
# exit 3 by every command, and the file is left exactly as it was (the
# migration loop once indexed its steps with a negative number).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"
sample="$top_srcdir/tests/data/articles/harbor-ferry.txt"

"$FOLIO" --db "$TMP/good.db" import --quiet "$sample"
for v in -1 -2 -2147483648 2147483647; do
	cp "$TMP/good.db" "$TMP/v.db"
	sqlite3 "$TMP/v.db" "PRAGMA user_version = $v;"
	sum=$(cksum <"$TMP/v.db")
	for cmd in "import $sample" list "search ferry" sources; do
		# shellcheck disable=SC2086
		"$FOLIO" --db "$TMP/v.db" $cmd >/dev/null 2>"$TMP/err"; rc=$?
		is "schema $v: ${cmd%% *} exits 3" "$rc" 3
		like "  naming the store and the number" "$(cat "$TMP/err")" "v\.db .*schema( version)? \(?$v"
	done
	is "schema $v: the file is unchanged" "$(cksum <"$TMP/v.db")" "$sum"
	ok "  and no WAL was left beside it" test ! -s "$TMP/v.db-wal"
done
done_testing
