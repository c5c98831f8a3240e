#!/bin/sh
# Promises 2 and 4 in the reader (beyond tests/ui/*.sh): hostile bytes in
# the store never reach the terminal (the raw bytes are recorded with tmux
# pipe-pane), nor a byte >= 0x80 under LANG=C; an import running meanwhile
# never blocks or breaks it, and the idle reader holds no read transaction.
# (Promises 6 and 7, any terminal and signals, are terminals.sh.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
. "$top_srcdir/tests/fault/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to check the bytes"

make_store


# Record every byte folio sends from now on, then redraw everything (^L).
record() {
	: >"$TMP/raw"
	tmux_cmd pipe-pane -o "cat >>'$TMP/raw'"
	keys C-l
	settle
}

# ---- Promise 4: hostile bytes written straight into the store ----
evil=$(python3 -c '
import sys
s = ("Evil \x1b]0;owned\x07 \x1b]52;c;aGVsbG8=\x07 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ "
     "\x1b[2J\x1bPqdcs\x1b\\ \x1b_apc\x1b\\ \x1b^pm\x1b\\ \u009b31m \x7f\x07\x08\r "
     "\u202eevil\u202c \U000e0041 a" + "\u0301" * 60 + " \u4e2d\u6587")
b = s.encode() + b" raw\x9b31m end"
sys.stdout.write(b.hex())')
id=$("$FOLIO" --db "$DB" list --limit 1 | cut -f1)
sqlite3 "$DB" "UPDATE articles SET title = CAST(X'$evil' AS TEXT), byline = CAST(X'$evil' AS TEXT),
	body = CAST(X'$evil' || X'0a0a' || X'$evil' AS TEXT) WHERE id = $id;
	UPDATE sources SET name = CAST(X'$evil' AS TEXT) WHERE id = (SELECT source_id FROM articles WHERE id = $id);"
title_before=$(tmux -L "folio-title-$$" -f /dev/null new-session -d -x 10 -y 2 'sleep 5' \; display -p '#{pane_title}' 2>/dev/null)
tmux -L "folio-title-$$" kill-server 2>/dev/null

# 120 columns: wide enough that the list stays beside an open article, so
# the border between them shows whether wide and combining text kept to
# their cells.
start 120 24
record
# The hostile source sorts right after All articles: open it and its article.
keys j Enter
settle
keys j Enter
settle
# s: every article (/ in the article pane finds in that article)
keys s o w n e d
settle
keys Enter
settle
screen >"$TMP/evil.screen"
keys Escape q
is "hostile store bytes: nothing but screen-library output reaches the terminal" \
	"$(raw_terminal_safe "$TMP/raw")" ""
like "the hostile article was on the screen" "$(cat "$TMP/evil.screen")" "Evil .*owned"
is "no OSC 52 clipboard write reached tmux" "$(tmux_cmd list-buffers 2>/dev/null)" ""
like "no OSC 0 retitled the pane" "$(tmux_cmd display -p '#{pane_title}')" "^${title_before:-[^o]*}$"
sep=$(python3 -c '
import sys, unicodedata
cols = set()
for line in open(sys.argv[1], encoding="utf-8"):
    w = 0
    for c in line.rstrip("\n"):
        if c == "\u2502":
            cols.add(w); break
        w += 0 if unicodedata.combining(c) else (2 if unicodedata.east_asian_width(c) in "WF" else 1)
print(len(cols))' "$TMP/evil.screen")
is "Zalgo and wide text stay in their cells: the pane border is in one column" "$sep" 1

# ---- Promise 6: LANG=C sends no byte >= 0x80, even for the hostile article ----
LC_ALL=C start 80 24
record
keys j Enter
settle
keys j Enter
settle
keys G
settle
keys Q
is "LC_ALL=C: not a byte >= 0x80 sent to the terminal" "$(raw_terminal_safe "$TMP/raw" ascii)" ""
ok "LC_ALL=C: and something was sent" test -s "$TMP/raw"

# ---- Promise 2: an import while the reader runs ----
gen_corpus "$TMP/more" 2000 m
start 80 24
before=$(line 1)
"$FOLIO" --db "$DB" import --quiet "$TMP/more" >"$TMP/imp.out" 2>&1 &
ipid=$!
slow=0 locked=0 n=0
while kill -0 "$ipid" 2>/dev/null && [ $n -lt 20 ]; do
	n=$((n + 1))
	keys j
	settle || slow=$((slow + 1))
	screen | grep -qi 'locked\|busy' && locked=$((locked + 1))
	keys k
	settle || slow=$((slow + 1))
done
wait "$ipid"; rc=$?
is "the import alongside the reader succeeds" "$rc" 0
echo "# $n key pairs answered during the import"
ok "some keys were sent while the import ran" test "$n" -gt 0
is "the reader answered every key during the import" "$slow" 0
is "  and never showed a lock error" "$locked" 0
keys R
settle
like "R shows the new articles" "$(line 1)" "All articles +[0-9]+/$(sqlite3 "$DB" 'SELECT count(*) FROM articles;')"
ok "  (more than before)" test "$(line 1)" != "$before"
# The idle reader holds no read transaction: a checkpoint can truncate the WAL.
"$FOLIO" --db "$DB" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt" >/dev/null 2>&1
keys j Enter
settle
is "idle reader: a TRUNCATE checkpoint is not blocked by it" \
	"$(sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);')" "0|0|0"
keys Q
done_testing
