#!/bin/sh
# A store this user cannot write (a shared read-only archive): in a folder
# the user may not write, or on a read-only mount.  A store in WAL mode is
# read with a -shm file beside it, which cannot be made there, so folio
# opens it the way SQLite documents for read-only media (immutable, when
# no WAL is left beside it).  Reading, searching and the reader work; the
# reader says once that the store is read-only here; writes say why they
# cannot; not a byte of the store changes and no file appears beside it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
. "$top_srcdir/tests/fault/lib.sh"

# Run as another user when root (root may write anywhere).
as_user=
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || skip_all "running as root without setpriv: cannot be a user who may not write"
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
chmod 0755 "$TMP"
gen_corpus "$TMP/corpus" 40
mkdir -p "$TMP/ro"
"$FOLIO" --db "$TMP/ro/s.db" import --quiet "$TMP/corpus"
chmod 0755 "$TMP/ro" "$TMP/corpus"
chmod 0644 "$TMP/ro/s.db"
[ -z "$as_user" ] && chmod 0555 "$TMP/ro"
ls "$TMP/ro" >"$TMP/files.before"
sum=$(cksum <"$TMP/ro/s.db")

for cmd in "list" "list --limit 3" "search committee" "show 7" "sources" "export --json"; do
	# shellcheck disable=SC2086
	$as_user "$FOLIO" --db "$TMP/ro/s.db" $cmd >"$TMP/out" 2>"$TMP/err"; rc=$?
	is "a store in a read-only folder: $cmd works (exit 0)" "$rc" 0
	ok "  and prints" test -s "$TMP/out"
	is "  nothing on stderr" "$(cat "$TMP/err")" ""
done
# A folder whose name SQLite's URI must escape: a space, a %, a non-ASCII letter.
odd="$TMP/ro odd%41 $(printf '\303\251')"
mkdir -p "$odd"
cp "$TMP/ro/s.db" "$odd/s.db"
chmod 0644 "$odd/s.db"
chmod 0755 "$odd"
[ -z "$as_user" ] && chmod 0555 "$odd"
$as_user "$FOLIO" --db "$odd/s.db" list --limit 1 >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a read-only store in a folder named with a space, % and a non-ASCII letter: list works" \
	"$rc $(wc -l <"$TMP/out" | tr -d ' ') $(cat "$TMP/err")" "0 1 "

is "list shows every article" "$($as_user "$FOLIO" --db "$TMP/ro/s.db" list --copies | wc -l | tr -d ' ')" 40

$as_user "$FOLIO" --db "$TMP/ro/s.db" check >"$TMP/out" 2>"$TMP/err"; rc=$?
is "check reads it all: exit 0" "$rc" 0
like "  the integrity check ran" "$(cat "$TMP/out")" '^integrity: ok'
like "  the index check says why it could not run here" "$(cat "$TMP/out")" '^search index: not checked: the store cannot be written here'

$as_user "$FOLIO" --db "$TMP/ro/s.db" import "$top_srcdir/tests/data/articles/harbor-ferry.txt" >/dev/null 2>"$TMP/err"; rc=$?
is "import: exit 3" "$rc" 3
like "  saying why, naming the store" "$(cat "$TMP/err")" 'ro/s\.db cannot be written: its folder is read-only for this user \(reading it still works\)'

# The reader: opens, says so once, reads and searches; marks are shown,
# not saved, and not complained of again at exit.
chmod 0755 "$TMP/corpus"
printf 'exec %s "%s" "$@"\n' "$as_user" "$FOLIO" >"$TMP/as-user.sh"
chmod 0755 "$TMP/as-user.sh"
FOLIO_REAL=$FOLIO
FOLIO="$TMP/as-user.sh"
DB="$TMP/ro/s.db"
mkdir -m 0777 "$TMP/sync" # where folio, as that user, tells the tests what it drew
SYNC="$TMP/sync/folio.sync"
start 100 24
like "the reader starts, and says once the store is read-only here" "$(line 24)" \
	'^Read-only store \(its folder is read-only for this user\): marks are not saved'
keys j Enter
wait_for '^v ' >/dev/null
keys j Enter
wait_for 'By Dana Whitfield' >/dev/null
like "it opens an article" "$(screen)" 'report [0-9]+ of set a'
keys q / c o m m i t t e e
wait_for 'first' >/dev/null
like "and searches" "$(screen)" '(best|latest) first'
keys Escape
settle
keys Q
wait_for '^\[folio exit' >/dev/null
like "quitting: exit 0 (the marks it showed were said at start not to be saved)" "$(screen)" '^\[folio exit 0\]'
is "  with nothing more said" "$(screen | grep -c '^folio:')" 0
FOLIO=$FOLIO_REAL

is "the store is unchanged" "$(cksum <"$TMP/ro/s.db")" "$sum"
ls "$TMP/ro" >"$TMP/files.after"
ok "and no file appeared beside it (no -shm, no -wal)" cmp -s "$TMP/files.before" "$TMP/files.after"

# A WAL with changes in it and no -shm: that cannot be read here; said so.
mkdir -p "$TMP/ro2"
cp "$TMP/ro/s.db" "$TMP/ro2/s.db"
python3 - "$TMP/ro2/s.db" <<'PY'
import os, shutil, sqlite3, sys
path = sys.argv[1]
con = sqlite3.connect(path)
con.execute("PRAGMA wal_autocheckpoint = 0")
con.execute("UPDATE articles SET flagged = 1 WHERE id = 1")
con.commit()
shutil.copy(path + "-wal", path + "-wal.keep")  # the WAL as it is while a writer has it open
con.close()
os.replace(path + "-wal.keep", path + "-wal")
if os.path.exists(path + "-shm"):
    os.remove(path + "-shm")
PY
chmod 0644 "$TMP/ro2/s.db" "$TMP/ro2/s.db-wal"
if [ -z "$as_user" ]; then chmod 0555 "$TMP/ro2"; else chmod 0755 "$TMP/ro2"; fi
$as_user "$FOLIO" --db "$TMP/ro2/s.db" list >/dev/null 2>"$TMP/err"; rc=$?
is "a WAL holding changes, no -shm, read-only folder: exit 3" "$rc" 3
like "  saying the -shm it needs cannot be made" "$(cat "$TMP/err")" \
	'ro2/s\.db cannot be read here: its .*s\.db-wal holds changes that need .*s\.db-shm beside it, and its folder is read-only'
chmod 0755 "$TMP/ro2"

# A read-only mount, where root is refused as well.
userns=
[ "$(id -u)" = 0 ] || userns=-r
chmod 0755 "$TMP/ro"
if unshare -m $userns sh -c "mount --bind '$TMP/ro' '$TMP/ro' && mount -o remount,bind,ro '$TMP/ro'" 2>/dev/null; then
	unshare -m $userns sh -c '
		mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
		"$FOLIO" --db "$1/s.db" search committee >"$2.out" 2>"$2.err"; echo $? >"$2.rc"
		"$FOLIO" --db "$1/s.db" import "$3" >/dev/null 2>"$2.import"; echo $? >"$2.import.rc"
	' sh "$TMP/ro" "$TMP/mnt" "$top_srcdir/tests/data/articles/harbor-ferry.txt"
	is "on a read-only mount, search works" "$(cat "$TMP/mnt.rc"):$(cat "$TMP/mnt.err")" "0:"
	ok "  and finds articles" test -s "$TMP/mnt.out"
	is "  import: exit 3" "$(cat "$TMP/mnt.import.rc")" 3
	like "  saying it is on a read-only file system" "$(cat "$TMP/mnt.import")" 'cannot be written: it is on a read-only file system'
	is "  the store is unchanged" "$(cksum <"$TMP/ro/s.db")" "$sum"
else
	echo "# SKIP read-only mount: this machine cannot make a private read-only bind mount"
fi
done_testing
