#!/bin/sh
# Promise 2 from the command line: two imports at once into one store (even
# a store neither has created yet) both finish, with the content of the two
# run one after the other; readers running all the while always answer;
# "database is locked" never reaches the user.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"

gen_corpus "$TMP/a" 2000 a
gen_corpus "$TMP/b" 2000 b
"$FOLIO" --db "$TMP/clean.db" import --quiet "$TMP/a" "$TMP/b"
dump_store "$TMP/clean.db" | sort >"$TMP/clean.dump"

# Readers: list, search and sources in a loop until told to stop; every
# failure is one line in $TMP/reader.fail.
readers() {
	: >"$TMP/reader.fail"
	n=0
	while [ ! -e "$TMP/stop" ]; do
		for cmd in "list --limit 5" "search --limit 5 committee" "sources"; do
			# shellcheck disable=SC2086
			"$FOLIO" --db "$1" $cmd >/dev/null 2>"$TMP/reader.err"; rc=$?
			# exit 3 saying there is no store yet is right until an import has made one
			if [ "$rc" != 0 ] && ! grep -q "no store at\|no folio store yet" "$TMP/reader.err"; then
				echo "$cmd: exit $rc: $(head -c 200 "$TMP/reader.err")" >>"$TMP/reader.fail"
			fi
			n=$((n + 1))
		done
	done
	echo "$n" >"$TMP/reader.count"
}

two_imports() { # DB PATH-A PATH-B
	rm -f "$TMP/stop"
	readers "$1" &
	rpid=$!
	"$FOLIO" --db "$1" import --quiet "$2" >"$TMP/one.out" 2>"$TMP/one.err" &
	p1=$!
	"$FOLIO" --db "$1" import --quiet "$3" >"$TMP/two.out" 2>"$TMP/two.err" &
	p2=$!
	wait "$p1"; rc1=$?
	wait "$p2"; rc2=$?
	: >"$TMP/stop"
	wait "$rpid"
}

# Two different corpora into a store that does not exist yet.
two_imports "$TMP/both.db" "$TMP/a" "$TMP/b"
is "the first of two concurrent imports succeeds" "$rc1" 0
is "the second succeeds too" "$rc2" 0
is "neither says anything on stderr but, once, that it waits" \
	"$(cat "$TMP/one.err" "$TMP/two.err" | grep -v '^folio: .* is being written by another program: waiting for it$')" ""
dump_store "$TMP/both.db" | sort >"$TMP/both.dump"
ok "together they store what one import after the other does" cmp -s "$TMP/both.dump" "$TMP/clean.dump"
store_sane "after two concurrent imports" "$TMP/both.db"
is "readers running meanwhile never failed" "$(cat "$TMP/reader.fail")" ""
echo "# $(cat "$TMP/reader.count") reader commands ran during the imports"

# The same corpus twice at once: each article stored once, neither import fails.
two_imports "$TMP/same.db" "$TMP/a" "$TMP/a"
is "two imports of the same files at once both succeed" "$rc1 $rc2" "0 0"
is "and say nothing on stderr but that they wait" \
	"$(cat "$TMP/one.err" "$TMP/two.err" | grep -v '^folio: .* is being written by another program: waiting for it$')" ""
is "each article is stored once" "$(sqlite3 "$TMP/same.db" 'SELECT count(*) FROM articles;')" 2000
is "readers running meanwhile never failed" "$(cat "$TMP/reader.fail")" ""
store_sane "after the same import twice at once" "$TMP/same.db"

# A writer that holds the lock for a while (sqlite3 in a long transaction):
# folio waits its turn rather than failing.
# It says when it has the lock (.system touch), and the test waits for that.
sqlite3 "$TMP/both.db" "BEGIN IMMEDIATE; UPDATE sources SET name = name;" ".system touch '$TMP/locked'" \
	"SELECT 1 FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c); COMMIT;" >/dev/null &
lpid=$!
locked() { [ -e "$TMP/locked" ] || ! kill -0 "$lpid" 2>/dev/null; }
until locked; do sleep 0.01; done
ok "sqlite3 holds the write lock" test -e "$TMP/locked"
"$FOLIO" --db "$TMP/both.db" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt" 2>"$TMP/held.err"; rc=$?
wait "$lpid"
is "an import waits out another program's short write lock" "$rc" 0
ok "no 'locked' message reaches the user" sh -c "! grep -qi 'locked' '$TMP/held.err'"
# Six imports at once into a store none has created, again and again: the
# race of creating it (identity check, switch to WAL, schema) must never
# show ("not a folio store", "busy").
fails=0
for round in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	rm -f "$TMP/race.db" "$TMP/race.db-wal" "$TMP/race.db-shm"
	for k in 1 2 3 4 5 6; do
		"$FOLIO" --db "$TMP/race.db" import --quiet "$TMP/a/a-0000$k.txt" 2>"$TMP/race.$k" &
	done
	wait
	cat "$TMP"/race.[1-6] | grep -v 'is being written by another program: waiting for it$' >"$TMP/race.err"
	if [ -s "$TMP/race.err" ] || [ "$(sqlite3 "$TMP/race.db" 'SELECT count(*) FROM articles;')" != 6 ]; then
		fails=$((fails + 1))
		sed "s/^/# round $round: /" "$TMP/race.err" | head -3
	fi
done
is "15 rounds of six imports creating one store at once: all succeed" "$fails" 0
done_testing
