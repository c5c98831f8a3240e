#!/bin/sh
# The store: where it lives, and what folio refuses to touch.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "the sqlite3 program is needed to forge stores"
sample="$top_srcdir/tests/data/articles/harbor-ferry.txt"

checksum() { cksum <"$1"; }

# A foreign SQLite file: refused, exit 3, named, not a byte changed.
sqlite3 "$TMP/foreign.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');"
before=$(checksum "$TMP/foreign.db")
"$FOLIO" --db "$TMP/foreign.db" import "$sample" >/dev/null 2>"$TMP/err"; rc=$?
is "a foreign SQLite file exits 3" "$rc" 3
like "the message names the file and says why" "$(cat "$TMP/err")" "foreign.db.*not a folio store"
is "the foreign file is unchanged" "$(checksum "$TMP/foreign.db")" "$before"
ok "no WAL file was left beside it" test ! -e "$TMP/foreign.db-wal"

# Another program's application_id: refused too.
sqlite3 "$TMP/other.db" "PRAGMA application_id=1234; CREATE TABLE t(x);"
before=$(checksum "$TMP/other.db")
"$FOLIO" --db "$TMP/other.db" list >/dev/null 2>"$TMP/err"; rc=$?
is "another application's store exits 3" "$rc" 3
is "it is unchanged" "$(checksum "$TMP/other.db")" "$before"

# A store from a newer folio: refused, unchanged.
"$FOLIO" --db "$TMP/newer.db" import --quiet "$sample" 2>/dev/null
sqlite3 "$TMP/newer.db" "PRAGMA user_version=999;"
before=$(checksum "$TMP/newer.db")
"$FOLIO" --db "$TMP/newer.db" import "$sample" >/dev/null 2>"$TMP/err"; rc=$?
is "a newer schema exits 3" "$rc" 3
like "the message says it is newer" "$(cat "$TMP/err")" "newer.db.*newer"
is "the newer store is unchanged" "$(checksum "$TMP/newer.db")" "$before"

# A damaged file (not SQLite at all).
head -c 8192 /dev/urandom >"$TMP/damaged.db"
before=$(checksum "$TMP/damaged.db")
"$FOLIO" --db "$TMP/damaged.db" sources >/dev/null 2>"$TMP/err"; rc=$?
is "a damaged file exits 3" "$rc" 3
like "the message names the damaged file" "$(cat "$TMP/err")" "damaged.db"
is "the damaged file is unchanged" "$(checksum "$TMP/damaged.db")" "$before"

# A location that cannot be created: under a regular file.
: >"$TMP/plainfile"
"$FOLIO" --db "$TMP/plainfile/sub/store.db" import "$sample" >/dev/null 2>"$TMP/err"; rc=$?
is "an uncreatable location exits 3" "$rc" 3
like "the message names the path" "$(cat "$TMP/err")" "plainfile/sub"

# Reading commands never create a store.
"$FOLIO" --db "$TMP/missing.db" list >/dev/null 2>"$TMP/err"; rc=$?
is "list on a missing store exits 3" "$rc" 3
ok "and creates nothing" test ! -e "$TMP/missing.db"
like "and says how to start" "$(cat "$TMP/err")" "folio import"

# A read-only store: reading works, importing fails cleanly.
"$FOLIO" --db "$TMP/ro.db" import --quiet "$sample" 2>/dev/null
# (root may write anything: as root, the store is nobody's, and nobody runs folio)
if unprivileged; then
	mkdir "$TMP/mine"
	mv "$TMP/ro.db" "$TMP/mine/ro.db"
	[ -z "$as_user" ] || chown -R 65534:65534 "$TMP/mine"
	chmod 0444 "$TMP/mine/ro.db"
	sum=$(cksum <"$TMP/mine/ro.db")
	$as_user "$FOLIO" --db "$TMP/mine/ro.db" import "$top_srcdir/tests/data/articles" >/dev/null 2>"$TMP/err"; rc=$?
	is "importing into a read-only store exits 3" "$rc" 3
	like "and says it is read-only" "$(cat "$TMP/err")" "ro.db cannot be written: the file is read-only"
	is "a read-only store can still be listed" \
		"$($as_user "$FOLIO" --db "$TMP/mine/ro.db" list | wc -l | tr -d ' ')" 1
	is "and is not written" "$(cksum <"$TMP/mine/ro.db")" "$sum"
else
	skip "importing into a read-only store exits 3" "running as root without setpriv"
fi

# Where the store is: --db, then FOLIO_DB, then XDG_DATA_HOME, then HOME.
FOLIO_DB="$TMP/env.db" "$FOLIO" import --quiet "$sample" 2>/dev/null
ok "FOLIO_DB names the store" test -s "$TMP/env.db"
"$FOLIO" import --quiet "$sample" 2>/dev/null
ok "XDG_DATA_HOME/folio/folio.db is the default" test -s "$XDG_DATA_HOME/folio/folio.db"
env -u XDG_DATA_HOME "$FOLIO" import --quiet "$sample" 2>/dev/null
ok "without XDG_DATA_HOME it is ~/.local/share/folio/folio.db" test -s "$HOME/.local/share/folio/folio.db"
env -u XDG_DATA_HOME -u HOME "$FOLIO" list >/dev/null 2>"$TMP/err"; rc=$?
is "no HOME and no --db is a usage error" "$rc" 2
like "which says what to do" "$(cat "$TMP/err")" "HOME is not set.*--db"

# The store is a real folio store: WAL, marked, numbered.
is "the store is in WAL mode" "$(sqlite3 "$TMP/env.db" 'PRAGMA journal_mode;')" "wal"
ok "the store has a non-zero application_id" test "$(sqlite3 "$TMP/env.db" 'PRAGMA application_id;')" != 0
ok "the store has a schema version" test "$(sqlite3 "$TMP/env.db" 'PRAGMA user_version;')" -ge 1
is "the store passes an integrity check" "$(sqlite3 "$TMP/env.db" 'PRAGMA integrity_check;')" "ok"
done_testing
