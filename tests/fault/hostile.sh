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

# Each output is kept in a file of its own and all are checked by one
# terminal_safe at the end (python is slow to start on a busy machine).
nsafe=0
: >"$TMP/safe.list"
safe() { # NAME FILE [text|json|ascii]: a TAP check, at the end, that FILE is terminal-safe
	nsafe=$((nsafe + 1))
	cp "$2" "$TMP/safe.$nsafe"
	printf '%s %s %s\n' "$nsafe" "${3:-text}" "$1" >>"$TMP/safe.list"
}
check() { # NAME MODE COMMAND...
	_n=$1 _m=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	safe "$_n: stdout is terminal-safe" "$TMP/out" "$_m"
	safe "$_n: stderr is terminal-safe" "$TMP/err"
	ok "$_n: printed something" test -s "$TMP/out"
}
check "sources" text "$FOLIO" --db "$db" sources
check "sources --json" json "$FOLIO" --db "$db" sources --json
check "list" text "$FOLIO" --db "$db" list
check "list --json" json "$FOLIO" --db "$db" list --json
check "show" text "$FOLIO" --db "$db" show "$id"
check "show --json" json "$FOLIO" --db "$db" show --json "$id"
check "search" text "$FOLIO" --db "$db" search owned
check "search --json" json "$FOLIO" --db "$db" search --json owned
like "the hostile article is still shown, its text kept" "$("$FOLIO" --db "$db" show "$id")" "owned.*link"

# In an ASCII locale not a byte >= 0x80 goes out.
for cmd in sources list "show $id" "search owned"; do
	# shellcheck disable=SC2086
	LC_ALL=C "$FOLIO" --db "$db" $cmd >"$TMP/out" 2>&1
	safe "LC_ALL=C $cmd: pure ASCII" "$TMP/out" ascii
done

# Error messages carry outside bytes too: a store path, a source name, a query.
nasty=$(printf 'x\033]0;t\007\302\233y')
"$FOLIO" --db "$TMP/$nasty.db" list >/dev/null 2>"$TMP/err"
safe "a hostile store path in an error is escaped" "$TMP/err"
like "and still named" "$(cat "$TMP/err")" 'x\\x1[bB]'
"$FOLIO" --db "$db" list --source "$nasty" >/dev/null 2>"$TMP/err"
safe "a hostile --source in an error is escaped" "$TMP/err"
ok "  (and there was an error)" test -s "$TMP/err"
"$FOLIO" --db "$db" search "$nasty" >"$TMP/out" 2>"$TMP/err"
safe "a hostile query: stdout safe" "$TMP/out"
safe "a hostile query: stderr safe" "$TMP/err"
"$FOLIO" "$nasty" >/dev/null 2>"$TMP/err"
safe "a hostile command name in an error is escaped" "$TMP/err"
like "  and named" "$(cat "$TMP/err")" 'x\\x1[bB]'
"$FOLIO" --db "$db" import "$TMP/$nasty" >/dev/null 2>"$TMP/err"
safe "a hostile missing path in an error is escaped" "$TMP/err"
like "  and named" "$(cat "$TMP/err")" 'x\\x1[bB]'
# (keys are read by the reader, which then says it needs a terminal)
"$FOLIO" --keys "$TMP/$nasty" --db "$db" </dev/null >/dev/null 2>"$TMP/err"
safe "a hostile --keys path is escaped" "$TMP/err"
like "  and named" "$(cat "$TMP/err")" 'x\\x1[bB]'
# A hostile keys file: every word a bad line quotes back holds escapes.
{
	printf 'bind global \033]0;owned\007 quit\n'
	printf 'bind sources j \033]52;c;aGVsbG8=\007\n'
	printf 'bind \302\23331m j quit\n'
	printf '\033[2J\342\200\256frob x y\n'
	printf 'unbind global <C-\033]8;;http://evil\033\\>\n'
} >"$TMP/hostile.keys"
"$FOLIO" --keys "$TMP/hostile.keys" --db "$db" </dev/null >/dev/null 2>"$TMP/err"
safe "a hostile keys file's problems on stderr are terminal-safe" "$TMP/err"
is "  each bad line is still reported" "$(grep -c 'hostile.keys:[1-5]: ' "$TMP/err")" 5
like "  quoting what it could" "$(cat "$TMP/err")" 'unknown action .*52;c;aGVsbG8='
FOLIO_LOCK_PATIENCE="$nasty" "$FOLIO" --db "$db" list >/dev/null 2>"$TMP/err"
safe "a hostile FOLIO_LOCK_PATIENCE in an error is escaped" "$TMP/err"
like "  and named" "$(cat "$TMP/err")" 'x\\x1[bB]'

set --
while read -r k mode name; do
	set -- "$@" "$TMP/safe.$k" "$mode"
done <"$TMP/safe.list"
terminal_safe "$@" >"$TMP/verdicts"
k=0
while IFS= read -r verdict; do
	k=$((k + 1))
	is "$(sed -n "${k}s/^[0-9]* [a-z]* //p" "$TMP/safe.list")" "$verdict" ""
done <"$TMP/verdicts"
is "every output was checked" "$k" "$nsafe"
done_testing
