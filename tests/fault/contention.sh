#!/bin/sh
# Imports that contend for the store's write lock.  A write waits for
# another program as long as that program keeps changing the store, says
# once that it waits, and fails only when the holder has changed nothing
# for the patience (FOLIO_LOCK_PATIENCE seconds, 15 unless set).  Before,
# a fixed 15 s timeout failed 1 import in 13 when two imports ran beside
# a search loop on a busy machine: each import takes the lock again the
# moment it commits a batch.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"

gen_corpus "$TMP/a" 60 a
gen_corpus "$TMP/b" 60 b

# ---- 50 rounds: two imports at once into a new store, searches all along ----
searches() { # DB: until $TMP/stop appears; each failure one line in $TMP/search.fail
	while [ ! -e "$TMP/stop" ]; do
		"$FOLIO" --db "$1" search --limit 3 committee >/dev/null 2>"$TMP/search.err" ||
			grep -q "no store at\|no folio store yet" "$TMP/search.err" ||
			head -c 200 "$TMP/search.err" >>"$TMP/search.fail"
	done
}
: >"$TMP/search.fail"
fails=0
for round in $(seq 1 50); do
	db="$TMP/r$round.db"
	rm -f "$TMP/stop"
	searches "$db" &
	spid=$!
	"$FOLIO" --db "$db" import --quiet "$TMP/a" 2>"$TMP/one.err" &
	p1=$!
	"$FOLIO" --db "$db" import --quiet "$TMP/b" 2>"$TMP/two.err" &
	p2=$!
	wait "$p1"; rc1=$?
	wait "$p2"; rc2=$?
	: >"$TMP/stop"
	wait "$spid"
	n=$(sqlite3 "$db" 'SELECT count(*) FROM articles;')
	if [ "$rc1$rc2" != 00 ] || [ "$n" != 120 ] || grep -qv 'waiting for it' "$TMP/one.err" "$TMP/two.err"; then
		fails=$((fails + 1))
		echo "# round $round: exits $rc1 $rc2, $n articles: $(cat "$TMP/one.err" "$TMP/two.err" | head -c 300)"
	fi
	rm -f "$db" "$db-wal" "$db-shm"
done
is "50 rounds of two imports at once with searches running: none fails" "$fails" 0
is "and no search failed meanwhile" "$(cat "$TMP/search.fail")" ""

# ---- a holder that keeps writing for longer than the patience ----
# Another program takes the write lock (hold_lock) and then writes a
# little every quarter second, each write spilling to the WAL, for twice
# the patience; the import must wait all that while, say so once, and go
# in when the holder commits.
"$FOLIO" --db "$TMP/held.db" import --quiet "$TMP/a"
hold_lock "$TMP/held.db" "PRAGMA cache_size = 2;" "CREATE TABLE IF NOT EXISTS ballast(x);"
FOLIO_LOCK_PATIENCE=3 "$FOLIO" --db "$TMP/held.db" import --quiet "$TMP/b" 2>"$TMP/held.err" &
ipid=$!
for k in $(seq 1 24); do
	echo "INSERT INTO ballast VALUES (randomblob(50000));" >&7
	sleep 0.25
done
ok "after 6 s of a holder that keeps writing, the import (patience 3 s) still waits" kill -0 "$ipid"
release_lock
wait "$ipid"; rc=$?
is "  and goes in once the holder commits: exit 0" "$rc" 0
is "  having said once that it waits" "$(grep -c 'held\.db is being written by another program: waiting for it' "$TMP/held.err")" 1
is "  and nothing else" "$(grep -vc 'waiting for it' "$TMP/held.err")" 0
is "  every article is in" "$(sqlite3 "$TMP/held.db" 'SELECT count(*) FROM articles;')" 120
store_sane "after waiting out a busy holder" "$TMP/held.db"

# ---- a holder that is stuck: nothing changes for the patience ----
hold_lock "$TMP/held.db"
gen_corpus "$TMP/c" 5 c
FOLIO_LOCK_PATIENCE=1 "$FOLIO" --db "$TMP/held.db" import --quiet "$TMP/c" 2>"$TMP/stuck.err"; rc=$?
is "a holder that changes nothing for the patience: the import fails, exit 3" "$rc" 3
like "  saying the store is busy and for how long nothing changed" "$(cat "$TMP/stuck.err")" \
	'held\.db is busy: the program holding its write lock has changed nothing for 1 s'
ok "  the holder still holds the lock (the import gave up on it)" kill -0 "$holder"
release_lock
is "  nothing of it went in" "$(sqlite3 "$TMP/held.db" 'SELECT count(*) FROM articles;')" 120
store_sane "after giving up on a stuck holder" "$TMP/held.db"

FOLIO_LOCK_PATIENCE=soon "$FOLIO" --db "$TMP/held.db" list >/dev/null 2>"$TMP/err"; rc=$?
is "FOLIO_LOCK_PATIENCE that is not a number: usage error" "$rc" 2
like "  naming the variable" "$(cat "$TMP/err")" 'FOLIO_LOCK_PATIENCE must be a number of seconds'
done_testing
