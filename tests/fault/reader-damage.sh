#!/bin/sh
# The reader meeting damage: the page holding an article is overwritten.
# Whatever first reads it (the list of its source, or the article) stops the
# reader: the terminal is restored, the message names the store and points
# at folio check, exit 3.  Nothing read from a damaged store is trusted,
# and nothing more is written to it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
. "$top_srcdir/tests/fault/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to find the page to damage"

make_store
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
python3 - "$DB" <<'PY'
import os, sys
path = sys.argv[1]
data = open(path, "rb").read()
size = int.from_bytes(data[16:18], "big")
page = data.index(b"Forty volunteers spent") // size
with open(path, "r+b") as f:
    f.seek(page * size)
    f.write(os.urandom(size))
PY
sum=$(cksum <"$DB")

start 80 24
keys j j Enter
wait_for '^v The Ledgerport Courier|folio exit' >/dev/null
keys j Enter
wait_for '^\[folio exit' >/dev/null
like "the reader stops where it meets the damage: exit 3" "$(screen)" '^\[folio exit 3\]'
like "  naming the store and pointing at folio check" "$(tmux_cmd capture-pane -p -J)" \
	'^folio: .*store\.db is damaged: stopped \(folio check says what is wrong\)'
is "  the alternate screen is left" "$(tmux_cmd display -p '#{alternate_on}')" 0
is "  the cursor is shown" "$(tmux_cmd display -p '#{cursor_flag}')" 1
is "nothing was written to the damaged store" "$(cksum <"$DB")" "$sum"
ok "  nor to its WAL" test ! -s "$DB-wal"
"$FOLIO" --db "$DB" check >"$TMP/out" 2>&1; rc=$?
is "folio check finds it: exit 3" "$rc" 3
like "  naming the damaged page" "$(cat "$TMP/out")" '^integrity: .*[Pp]age [0-9]+'
done_testing
