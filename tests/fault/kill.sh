#!/bin/sh
# Promise 1: every article is all-or-nothing.  An import killed with SIGKILL
# at random instants, again and again on the same store, leaves a store
# that passes every check and holds only whole articles (each one equal to
# what a clean import stores for that file); a final run completes to the
# same content as a clean import.  SIGXFSZ (ulimit -f) is the same test with
# the kernel choosing the instant.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"

corpus="$TMP/corpus"
gen_corpus "$corpus" 3000
"$FOLIO" --db "$TMP/clean.db" import --quiet "$corpus"; rc=$?
is "a clean import of the corpus succeeds" "$rc" 0
dump_store "$TMP/clean.db" >"$TMP/clean.dump"
is "the clean store holds every article" "$(wc -l <"$TMP/clean.dump" | tr -d ' ')" 3000

# Only whole articles: every stored row equals the clean import's row for its file.
only_whole_articles() { # NAME DB
	dump_store "$2" >"$TMP/got.dump"
	extra=$(sort "$TMP/got.dump" | comm -23 - "$TMP/clean.sorted" | head -3)
	is "$1: no partial or altered article" "$extra" ""
}
sort "$TMP/clean.dump" >"$TMP/clean.sorted"

# Random delays from the kernel's entropy, so each run kills at new instants.
delays=$(od -An -N12 -tu1 /dev/urandom | tr -s ' ' '\n' | sed '/^$/d' |
	awk '{ printf "%.3f\n", ($1 % 90) / 100 }')
db="$TMP/killed.db"
i=0
killed=0
for delay in $delays; do
	i=$((i + 1))
	"$FOLIO" --db "$db" import --quiet "$corpus" 2>"$TMP/kill.err" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null
	[ -e "$db" ] || continue
	# Killed before the schema's first transaction committed: the file has
	# no tables, and the next open takes it as a new store.  Check exactly
	# that, on a copy, and start this round's store afresh.
	if [ "$(sqlite3 "$db" 'SELECT count(*) FROM sqlite_master;' 2>&1)" = 0 ]; then
		cp "$db" "$TMP/empty.db"
		ok "kill -9 #$i after ${delay}s (before the schema): the empty store is taken as new" \
			"$FOLIO" --db "$TMP/empty.db" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt"
		rm -f "$db" "$db-wal" "$db-shm" "$TMP/empty.db"*
		continue
	fi
	store_sane "kill -9 #$i after ${delay}s" "$db"
	only_whole_articles "kill -9 #$i" "$db"
	stored=$(wc -l <"$TMP/got.dump" | tr -d ' ')
	echo "# kill -9 #$i after ${delay}s: $stored articles stored"
	# A store the import completed is kept for the re-run only at the end;
	# until then start afresh, so the next kill strikes mid-import again.
	if [ "$stored" = 3000 ] && [ "$i" -lt 12 ]; then
		rm -f "$db" "$db-wal" "$db-shm"
	fi
done
ok "at least one import was killed mid-run" test "$killed" -gt 0
"$FOLIO" --db "$db" import --quiet "$corpus"; rc=$?
is "the import re-run after the kills succeeds" "$rc" 0
dump_store "$db" >"$TMP/final.dump"
ok "the re-run gives the same content as a clean import" cmp -s "$TMP/final.dump" "$TMP/clean.dump"
store_sane "after the re-run" "$db"

# The file size limit: a 4 MB limit (the whole store needs about 12) stops
# the import when the WAL reaches it, after the first batch has committed.
# folio ignores SIGXFSZ, so the write fails and is reported like a full disk.
# prlimit sets it in bytes (ulimit -f counts blocks of a shell-dependent size).
if ! command -v prlimit >/dev/null; then
	echo "# SKIP SIGXFSZ: prlimit (util-linux) is not installed"
	done_testing
	exit
fi
db="$TMP/xfsz.db"
prlimit --fsize=4000000 "$FOLIO" --db "$db" import --quiet "$corpus" 2>"$TMP/xfsz.err"; rc=$?
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
