#!/bin/sh
# Output that cannot be written: an import whose summary meets a closed or
# full stdout has still imported, and its status says how the import went
# (exit 3 would say the store cannot be used); the failed write is told on
# stderr.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 program is needed to inspect stores"
data="$top_srcdir/tests/data/articles"

"$FOLIO" --db "$TMP/closed.db" import "$data/harbor-ferry.txt" >&- 2>"$TMP/err"; rc=$?
is "import with stdout closed: exit 0" "$rc" 0
like "  the summary that could not be written is told on stderr" "$(cat "$TMP/err")" "cannot write output"
is "  the article is stored" "$(sqlite3 "$TMP/closed.db" 'SELECT count(*) FROM articles;')" 1

if [ -w /dev/full ]; then
	"$FOLIO" --db "$TMP/full.db" import "$data/harbor-ferry.txt" >/dev/full 2>"$TMP/err"; rc=$?
	is "import with stdout on a full device: exit 0" "$rc" 0
	like "  told on stderr" "$(cat "$TMP/err")" "cannot write output: No space left"
	is "  the article is stored" "$(sqlite3 "$TMP/full.db" 'SELECT count(*) FROM articles;')" 1
	: >"$TMP/empty.txt"
	"$FOLIO" --db "$TMP/full.db" import "$TMP/empty.txt" "$data/orchard-frost.txt" >/dev/full 2>"$TMP/err"; rc=$?
	is "an import that skipped an input and cannot write its summary: exit 1" "$rc" 1
else
	skip "import with stdout on a full device" "/dev/full is not on this machine"
fi
# --quiet writes no summary, so nothing can fail.
"$FOLIO" --db "$TMP/quiet.db" import --quiet "$data/harbor-ferry.txt" >&- 2>"$TMP/err"; rc=$?
is "import --quiet with stdout closed: exit 0, nothing said" "$rc:$(cat "$TMP/err")" "0:"
done_testing
