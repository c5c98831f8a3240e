#!/bin/sh
# Promise 1 with the kernel choosing the instant: an import over the file
# size limit (ulimit -f) stops when the WAL reaches it, after the first
# batch has committed.  folio ignores SIGXFSZ, so the write fails and is
# reported like a full disk; the store holds only whole articles, and a
# re-run without the limit completes to the clean content.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"
# prlimit sets the limit in bytes (ulimit -f counts blocks of a shell-dependent size).
command -v prlimit >/dev/null || skip_all "prlimit (util-linux) is not installed"

corpus="$TMP/corpus"
gen_corpus "$corpus" 3000
"$FOLIO" --db "$TMP/clean.db" import --quiet "$corpus"
dump_store "$TMP/clean.db" >"$TMP/clean.dump"
sort "$TMP/clean.dump" >"$TMP/clean.sorted"
only_whole_articles() { # NAME DB
	dump_store "$2" | sort | comm -23 - "$TMP/clean.sorted" | head -3 >"$TMP/extra"
	is "$1: no partial or altered article" "$(cat "$TMP/extra")" ""
}

# A 5 MB limit (the whole store needs about 12; a batch of 1000 articles
# with their near-duplicate band keys needs more than 4 in the WAL).
db="$TMP/xfsz.db"
prlimit --fsize=5000000 "$FOLIO" --db "$db" import --quiet "$corpus" 2>"$TMP/xfsz.err"; rc=$?
is "an import over the file size limit exits 3, not killed by SIGXFSZ" "$rc" 3
like "it says the store reached the file size limit" "$(cat "$TMP/xfsz.err")" \
	"xfsz.db reached the file size limit"
like "and what was kept" "$(cat "$TMP/xfsz.err")" "stopped; [0-9]+ new articles were stored"
store_sane "after the file size limit" "$db"
only_whole_articles "after the file size limit" "$db"
ok "it stored some articles before the limit (so the limit struck mid-import)" \
	test "$(sqlite3 "$db" 'SELECT count(*) FROM articles;')" -gt 0
"$FOLIO" --db "$db" import --quiet "$corpus"; rc=$?
is "the import re-run without the limit succeeds" "$rc" 0
dump_store "$db" >"$TMP/final.dump"
ok "the re-run gives the same content as a clean import" cmp -s "$TMP/final.dump" "$TMP/clean.dump"
done_testing
