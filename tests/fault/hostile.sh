#!/bin/sh
# Promise 4 on the command line: bytes written straight into the store by
# some other program (so never cleaned by import) cannot drive the terminal
# through any command's output or error message: no C0, DEL, C1, escape
# sequences (CSI, OSC title, OSC 52 clipboard, OSC 8 link, DCS, APC), bidi
# overrides or tag characters; Zalgo runs are capped; JSON stays valid.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to check the bytes"

db="$TMP/h.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt"
id=$("$FOLIO" --db "$db" list | cut -f1)

# Every nasty thing at once, as hex for SQLite: OSC 0 title, OSC 52
# clipboard, OSC 8 link, CSI clear, DCS, APC, 8-bit CSI as UTF-8 (U+009B)
# and as a raw byte, DEL, BEL, BS, CR, RLO (U+202E), an isolate (U+2066),
# tag characters (U+E0041), a BOM, a NUL, and 'a' with 60 combining marks.
evil=$(python3 -c '
import sys
s = ("\x1b]0;owned\x07 \x1b]52;c;aGVsbG8=\x07 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ "
     "\x1b[2J\x1b[31m \x1bPqdcs\x1b\\ \x1b_apc\x1b\\ \u009b31m \x7f\x07\x08\r "
     "\u202eevil\u202c \u2066iso\u2069 \U000e0041\U000e0042 \ufeff nul\x00nul a" + "\u0301" * 60)
b = s.encode("utf-8", "surrogatepass") + b" raw\x9b31m \xc0\xaf end"
sys.stdout.write(b.hex())')
sqlite3 "$db" "UPDATE articles SET title = CAST(X'$evil' AS TEXT), byline = CAST(X'$evil' AS TEXT),
	dateline = CAST(X'$evil' AS TEXT), body = CAST(X'$evil' || X'0a0a' || CAST(body AS BLOB) AS TEXT)
	WHERE id = $id; UPDATE sources SET name = CAST(X'$evil' AS TEXT);" ||
	skip_all "sqlite3 could not write the hostile bytes"

check() { # NAME MODE COMMAND...
	_n=$1 _m=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	is "$_n: stdout is terminal-safe" "$(terminal_safe "$TMP/out" "$_m")" ""
	is "$_n: stderr is terminal-safe" "$(terminal_safe "$TMP/err")" ""
	ok "$_n: printed something" test -s "$TMP/out"
}
check "sources" "" "$FOLIO" --db "$db" sources
check "sources --json" json "$FOLIO" --db "$db" sources --json
check "list" "" "$FOLIO" --db "$db" list
check "list --json" json "$FOLIO" --db "$db" list --json
check "show" "" "$FOLIO" --db "$db" show "$id"
check "show --json" json "$FOLIO" --db "$db" show --json "$id"
check "search" "" "$FOLIO" --db "$db" search owned
check "search --json" json "$FOLIO" --db "$db" search --json owned
like "the hostile article is still shown, its text kept" "$("$FOLIO" --db "$db" show "$id")" "owned.*link"

# In an ASCII locale not a byte >= 0x80 goes out.
for cmd in sources list "show $id" "search owned"; do
	# shellcheck disable=SC2086
	LC_ALL=C "$FOLIO" --db "$db" $cmd >"$TMP/out" 2>&1
	is "LC_ALL=C $cmd: pure ASCII" "$(terminal_safe "$TMP/out" ascii)" ""
done

# Error messages carry outside bytes too: a store path, a source name, a query.
nasty=$(printf 'x\033]0;t\007\302\233y')
"$FOLIO" --db "$TMP/$nasty.db" list >/dev/null 2>"$TMP/err"
is "a hostile store path in an error is escaped" "$(terminal_safe "$TMP/err")" ""
like "and still named" "$(cat "$TMP/err")" 'x\\x1[bB]'
"$FOLIO" --db "$db" list --source "$nasty" >/dev/null 2>"$TMP/err"
is "a hostile --source in an error is escaped" "$(terminal_safe "$TMP/err")" ""
"$FOLIO" --db "$db" search "$nasty" >"$TMP/out" 2>"$TMP/err"
is "a hostile query: stdout safe" "$(terminal_safe "$TMP/out")" ""
is "a hostile query: stderr safe" "$(terminal_safe "$TMP/err")" ""
"$FOLIO" "$nasty" >/dev/null 2>"$TMP/err"
is "a hostile command name in an error is escaped" "$(terminal_safe "$TMP/err")" ""
"$FOLIO" --db "$db" import "$TMP/$nasty" >/dev/null 2>"$TMP/err"
is "a hostile missing path in an error is escaped" "$(terminal_safe "$TMP/err")" ""
"$FOLIO" --keys "$TMP/$nasty" --db "$db" list >/dev/null 2>"$TMP/err"
is "a hostile --keys path is escaped" "$(terminal_safe "$TMP/err")" ""
done_testing
