#!/bin/sh
# Promise 5 beyond tests/cli/store.sh: a store cut short, a store with pages
# zeroed, a folder in its place, and a store that may not be written (as
# another user, and on a read-only mount): a clear message naming the
# store for what cannot be done, and not a byte written (readonly.sh has
# the rest of what such a store allows).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"

gen_corpus "$TMP/corpus" 1000
"$FOLIO" --db "$TMP/good.db" import --quiet "$TMP/corpus"
size=$(stat -c %s "$TMP/good.db")
one="$TMP/corpus/a-00001.txt"

# Cut in half (a copy interrupted, a full disk during cp).
cp "$TMP/good.db" "$TMP/half.db"
truncate -s $((size / 2)) "$TMP/half.db"
sum=$(cksum <"$TMP/half.db")
for cmd in list sources "search committee" "show 5" "import $one"; do
	# shellcheck disable=SC2086
	"$FOLIO" --db "$TMP/half.db" $cmd >/dev/null 2>"$TMP/err"; rc=$?
	is "a store cut in half: $cmd exits 3" "$rc" 3
	like "a store cut in half: $cmd names it as damaged" "$(cat "$TMP/err")" "half.db is damaged"
done
is "the cut store is not written" "$(cksum <"$TMP/half.db")" "$sum"
ok "no WAL was left beside it" test ! -s "$TMP/half.db-wal"

# Pages zeroed in the middle: whatever reads them fails cleanly, and never
# writes; what does not read them still works.
cp "$TMP/good.db" "$TMP/zero.db"
dd if=/dev/zero of="$TMP/zero.db" bs=4096 seek=100 count=40 conv=notrunc 2>/dev/null
sum=$(cksum <"$TMP/zero.db")
damaged=0
for cmd in list "list --limit 1" sources "search committee" "search report" "show 1" "show 500" "show 1000"; do
	# shellcheck disable=SC2086
	timeout 10 "$FOLIO" --db "$TMP/zero.db" $cmd >/dev/null 2>"$TMP/err"; rc=$?
	if [ "$rc" != 0 ]; then
		damaged=$((damaged + 1))
		is "zeroed pages: $cmd fails with exit 3" "$rc" 3
		like "zeroed pages: $cmd says the store is damaged" "$(cat "$TMP/err")" "zero.db is damaged"
	fi
done
ok "zeroed pages: some command noticed ($damaged did)" test "$damaged" -gt 0
is "reading the zeroed store wrote nothing" "$(cksum <"$TMP/zero.db")" "$sum"

# A folder where the store should be.
mkdir "$TMP/dir.db"
"$FOLIO" --db "$TMP/dir.db" import "$one" >/dev/null 2>"$TMP/err"; rc=$?
is "a folder in the store's place exits 3" "$rc" 3
like "and is named" "$(cat "$TMP/err")" "dir.db"
ok "nothing was created in it" test -z "$(ls -A "$TMP/dir.db")"

# A store this user may not write: as root, run folio as nobody.
mkdir -p "$TMP/ro"
"$FOLIO" --db "$TMP/ro/s.db" import --quiet "$TMP/corpus/a-0000"[1-3].txt
if ! unprivileged; then
	skip "a store in a folder this user cannot write" "running as root without setpriv"
else
	chmod 0755 "$TMP/ro"
	chmod 0444 "$TMP/ro/s.db"
	sum=$(cksum <"$TMP/ro/s.db")
	$as_user "$FOLIO" --db "$TMP/ro/s.db" import "$one" >/dev/null 2>"$TMP/err"; rc=$?
	is "a store in a folder this user cannot write: import exits 3" "$rc" 3
	like "and says why, naming it" "$(cat "$TMP/err")" "ro/s.db cannot be written: its folder is read-only"
	$as_user "$FOLIO" --db "$TMP/ro/s.db" list --copies >"$TMP/out" 2>"$TMP/err"; rc=$?
	is "list reads it read-only (no -shm file can be made beside it)" "$rc:$(wc -l <"$TMP/out" | tr -d ' ')" "0:3"
	ok "and makes no -shm or -wal file" test ! -e "$TMP/ro/s.db-shm" -a ! -e "$TMP/ro/s.db-wal"
	is "the store is not written" "$(cksum <"$TMP/ro/s.db")" "$sum"
	chmod 0777 "$TMP/ro"
	$as_user "$FOLIO" --db "$TMP/ro/s.db" list --copies >"$TMP/out" 2>"$TMP/err"; rc=$?
	is "with a writable folder, another user's read-only store can be listed" "$rc" 0
	is "all of it" "$(wc -l <"$TMP/out" | tr -d ' ')" 3
	$as_user "$FOLIO" --db "$TMP/ro/s.db" import "$one" >/dev/null 2>"$TMP/err"; rc=$?
	is "but not imported into: exit 3" "$rc" 3
	like "with a message naming it" "$(cat "$TMP/err")" "ro/s.db cannot be written: the file is read-only"
	is "and the store is not written" "$(cksum <"$TMP/ro/s.db")" "$sum"
	chmod 0644 "$TMP/ro/s.db"; chmod 0755 "$TMP/ro"
fi

# A read-only mount (a snapshot, a CD, a backup): private bind mount, remounted ro.
userns=
[ "$(id -u)" = 0 ] || userns=-r
if unshare -m $userns sh -c "mount --bind '$TMP/ro' '$TMP/ro' && mount -o remount,bind,ro '$TMP/ro'" 2>/dev/null; then
	rm -f "$TMP/ro/s.db-wal" "$TMP/ro/s.db-shm"
	sum=$(cksum <"$TMP/ro/s.db")
	unshare -m $userns sh -c '
		mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
		"$FOLIO" --db "$1/s.db" import "$2" >/dev/null 2>"$3.import"; echo $? >"$3.import.rc"
		"$FOLIO" --db "$1/s.db" list >/dev/null 2>"$3.list"; echo $? >"$3.list.rc"
	' sh "$TMP/ro" "$one" "$TMP/romount"
	is "on a read-only mount, import exits 3" "$(cat "$TMP/romount.import.rc")" 3
	like "and names the store" "$(cat "$TMP/romount.import")" "ro/s.db"
	like "and says it is on a read-only file system" "$(cat "$TMP/romount.import")" "ro/s.db cannot be written: it is on a read-only file system"
	is "list reads it read-only" "$(cat "$TMP/romount.list.rc")" 0
	is "the store is not written" "$(cksum <"$TMP/ro/s.db")" "$sum"
else
	skip "on a read-only mount, import exits 3" "this machine cannot make a private read-only bind mount"
fi
done_testing
