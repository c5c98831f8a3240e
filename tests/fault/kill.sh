#!/bin/sh
# Promise 1: every article is all-or-nothing.  An import killed with SIGKILL
# anywhere from the store's creation to its last commit leaves a store that
# passes every check and holds only whole articles (each one equal to what
# a clean import stores for that file); a final run completes to the same
# content as a clean import.  (SIGXFSZ, the kernel choosing the instant, is
# xfsz.sh.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"

corpus="$TMP/corpus"
gen_corpus "$corpus" 3000
t0=$(date +%s%N)
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

# The instants: as soon as the store file exists, then spread over the
# clean import's duration on this machine (so a slow or busy machine is
# struck at the same stages as a fast one): in the first batch, in and
# between its commits, in the last.  The last two strike the same store,
# the second during a re-run over what the first left.
clean_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "# the clean import took $clean_ms ms"
db="$TMP/killed.db"
killed=0
stages=
i=0
for when in created 10 25 40 55 70 85 85; do
	i=$((i + 1))
	[ "$i" = 8 ] || rm -f "$db" "$db-wal" "$db-shm"
	"$FOLIO" --db "$db" import --quiet "$corpus" 2>"$TMP/kill.err" &
	pid=$!
	if [ "$when" = created ]; then
		exists() { [ -e "$db" ] || ! kill -0 "$pid" 2>/dev/null; }
		until exists; do :; done
		at="when the store file appeared"
	else
		delay=$(awk -v ms="$clean_ms" -v pc="$when" 'BEGIN { printf "%.3f", ms * pc / 100000 }')
		sleep "$delay"
		at="after ${delay}s ($when% of a clean import)"
	fi
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null
	[ -e "$db" ] || continue
	# Killed before the schema's first transaction committed: the file has
	# no tables, and the next open takes it as a new store.  Check exactly
	# that, on a copy.
	if [ "$(sqlite3 "$db" 'SELECT count(*) FROM sqlite_master;' 2>&1)" = 0 ]; then
		cp "$db" "$TMP/empty.db"
		ok "kill -9 #$i $at, before the schema: the empty store is taken as new" \
			"$FOLIO" --db "$TMP/empty.db" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt"
		rm -f "$TMP/empty.db"*
		continue
	fi
	store_sane "kill -9 #$i $at" "$db"
	only_whole_articles "kill -9 #$i" "$db"
	stored=$(wc -l <"$TMP/got.dump" | tr -d ' ')
	echo "# kill -9 #$i $at: $stored articles stored"
	stages="$stages $stored"
done
echo "# articles stored at the kills:$stages"
ok "at least one import was killed mid-run" test "$killed" -gt 0
"$FOLIO" --db "$db" import --quiet "$corpus"; rc=$?
is "the import re-run after the kills succeeds" "$rc" 0
dump_store "$db" >"$TMP/final.dump"
ok "the re-run gives the same content as a clean import" cmp -s "$TMP/final.dump" "$TMP/clean.dump"
store_sane "after the re-run" "$db"
done_testing
