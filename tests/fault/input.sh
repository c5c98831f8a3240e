#!/bin/sh
# Promise 3: bad input is skipped, named, and never stops the rest; odd
# encodings are decoded; nothing hangs; memory stays bounded.  (Binary,
# empty, FIFO, symlink-loop, data and escaped-name cases are in
# tests/cli/import.sh; these are the rest.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to write the hostile files"

in="$TMP/in"
mkdir -p "$in"
page() { # TITLE: a small page of ASCII prose
	printf 'The Test Courier\n\n%s\n\nBy Dana Whitfield\n\nLEDGERPORT -- The harbor committee met on Monday to argue over the cost of the works, which have run weeks late, and members said they would decide next month.\n\nA second paragraph of plain prose follows here, so that the page reads as an article and not as a list of links.\n' "$1"
}
page "Good page before the bad ones" >"$in/00-good.txt"

# Encodings: UTF-16 with either BOM, Windows-1252, and broken UTF-8.
python3 - "$in" <<'PY'
import sys
d = sys.argv[1]
page = open(d + "/00-good.txt", encoding="ascii").read()
def with_title(t): return page.replace("Good page before the bad ones", t)
open(d + "/utf16le.txt", "wb").write(b"\xff\xfe" + with_title("Caf\u00e9 owners in S\u00e3o Paulo sixteen LE").encode("utf-16-le"))
open(d + "/utf16be.txt", "wb").write(b"\xfe\xff" + with_title("Caf\u00e9 owners in S\u00e3o Paulo sixteen BE").encode("utf-16-be"))
open(d + "/cp1252.txt", "wb").write(with_title("Caf\u00e9 prices \u201cdouble\u201d in 1252").encode("cp1252"))
# Enough good multibyte text that this reads as damaged UTF-8, not as 1252.
bad = with_title("Overlong X and surrogate Y and cut Z in S\u00e3o Paulo, na\u00efve caf\u00e9s").encode()
bad = bad.replace(b"X", b"\xc0\xaf\xe0\x80\xaf").replace(b"Y", b"\xed\xa0\x80\xed\xbf\xbf").replace(b"Z", b"\xf4\x90\x80\x80")
accents = ("\n\nThe visitors came from S\u00e3o Paulo, Z\u00fcrich, Krak\u00f3w, \u00c5lesund and "
           "M\u00e1laga; na\u00efve caf\u00e9 r\u00e9sum\u00e9s were swapped. " * 3).encode()
open(d + "/badutf8.txt", "wb").write(bad + accents + b"It ends in half a character \xe2\x82")
open(d + "/truncated.txt", "wb").write(page.encode()[:len(page) * 2 // 3])
# A 15 MB single line (under the 16 MiB cap: extract must cope) and a 50 MB one.
line = ("word and more words in one endless sentence, " * 330000).encode()
open(d + "/long-line.txt", "wb").write(b"Headline of a page that is one line\n\n" + line + b"\n")
with open(d + "/huge-line.txt", "wb") as f:
    for _ in range(50):
        f.write(b"x" * (1 << 20))
PY
truncate -s 1G "$in/sparse-1g.txt"
ln -s /dev/null "$in/device-link.txt"
python3 -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$in/socket.txt"
mkdir -p "$in/loop"; ln -s .. "$in/loop/up"
page "Leading dash page" >"$in/-n"
page "Newline in the name" >"$in/new
line.txt"
page "Escape in the name" >"$in/$(printf 'esc\033[31mred')"
page "Good page after the bad ones" >"$in/zz-good.txt"

# Over-long paths: folders nested past PATH_MAX, a page at the bottom.
python3 - "$in/deep" <<'PY'
import os, sys
os.mkdir(sys.argv[1])
fd = os.open(sys.argv[1], os.O_RDONLY)
for i in range(20):
    name = "%0250d" % i
    os.mkdir(name, dir_fd=fd)
    fd = os.open(name, os.O_RDONLY, dir_fd=fd)
os.close(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
PY

# Memory: an address-space limit (not under ASan, which reserves terabytes).
limit=
if ! ldd "$FOLIO" 2>/dev/null | grep -q 'libasan\|libtsan'; then
	limit="prlimit --as=800000000"
	command -v prlimit >/dev/null || limit=
fi
start=$(date +%s)
timeout 60 $limit "$FOLIO" --db "$TMP/s.db" import "$in" >"$TMP/out" 2>"$TMP/err"; rc=$?
took=$(($(date +%s) - start))
is "the import finishes (no hang: timeout 60 did not stop it), some inputs skipped: exit 1" "$rc" 1
echo "# the import took ${took}s (timeout 60 stops a hang; the time is not asserted: tests never time)"
echo "# stderr:"; sed 's/^/#   /' "$TMP/err"
err=$(cat "$TMP/err")
titles=$("$FOLIO" --db "$TMP/s.db" list --copies | cut -f4)

like "pages before the bad ones go in" "$titles" "Good page before the bad ones"
like "pages after the bad ones go in" "$titles" "Good page after the bad ones"
like "UTF-16 LE with a BOM is decoded" "$titles" "Café owners in São Paulo sixteen LE"
like "UTF-16 BE with a BOM is decoded" "$titles" "Café owners in São Paulo sixteen BE"
like "Windows-1252 is decoded" "$titles" "Café prices “double” in 1252"
like "overlong, surrogate and out-of-range UTF-8 become U+FFFD" "$titles" "Overlong �+ and surrogate �+ and cut �+ in São Paulo"
ok "every title printed is valid UTF-8" sh -c "'$FOLIO' --db '$TMP/s.db' list --copies | iconv -f UTF-8 -t UTF-8 >/dev/null"
ok "every stored body is valid UTF-8" sh -c "sqlite3 '$TMP/s.db' 'SELECT body FROM articles' | iconv -f UTF-8 -t UTF-8 >/dev/null"
like "a 15 MB single-line page is read" "$titles" "Headline of a page that is one line"
like "a 50 MB file is skipped as too large" "$err" "huge-line.txt: larger than"
like "a 1 GB sparse file is skipped as too large, unread" "$err" "sparse-1g.txt: larger than"
like "a device is skipped" "$err" "device-link.txt: .*device"
like "a socket is skipped" "$err" "socket.txt: .*socket"
like "a folder link back up is not walked twice" "$err" "loop/up: folder already visited"
like "a too-long path is skipped and named" "$err" "deep/0+/.*: File name too long"
like "a file named -n is imported" "$titles" "Leading dash page"
like "a newline in a name is escaped in the message or the name imported" "$titles" "Newline in the name"
like "an escape in a name never stops the import" "$titles" "Escape in the name"
is "the truncated page was read, not fatal" "$(grep -c 'truncated.txt' "$TMP/err")" 0
ok "no raw control byte on stderr" sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' '$TMP/err'"
is "each skipped input is one stderr line" "$(wc -l <"$TMP/err" | tr -d ' ')" \
	"$(sed -n 's/.* \([0-9]*\) skipped$/\1/p' "$TMP/out")"
store_sane "the store after the bad inputs" "$TMP/s.db"

# A name with a newline, given on the command line, is one escaped line.
printf 'binary\000' >"$TMP/two
lines.txt"
"$FOLIO" --db "$TMP/s.db" import "$TMP/two
lines.txt" >/dev/null 2>"$TMP/err"
is "a newline in a skipped name is escaped: one line" "$(wc -l <"$TMP/err" | tr -d ' ')" 1
like "as \\n" "$(cat "$TMP/err")" 'two\\nlines.txt: binary'

# Leading dashes on the command line: -- ends the options.
"$FOLIO" --db "$TMP/s.db" import -- "$in/-n" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "import -- -n reads the file named -n" "$rc" 0
like "as an article already stored" "$(cat "$TMP/out")" "1 unchanged"

# Unreadable files and folders: as root, only when run as another user.
page "Unreadable page" >"$TMP/secret.txt"
chmod 000 "$TMP/secret.txt"
mkdir -p "$TMP/locked"; page "Locked away" >"$TMP/locked/a.txt"; chmod 000 "$TMP/locked"
if ! unprivileged; then
	skip "unreadable inputs" "running as root without setpriv to drop privileges"
else
	mkdir -p "$TMP/user"; chmod 0777 "$TMP/user"
	$as_user "$FOLIO" --db "$TMP/user/u.db" import "$TMP/secret.txt" "$TMP/locked" "$in/00-good.txt" \
		>"$TMP/out" 2>"$TMP/err"; rc=$?
	is "unreadable inputs: the import goes on, exit 1" "$rc" 1
	like "an unreadable file is named with the reason" "$(cat "$TMP/err")" "secret.txt: Permission denied"
	like "an unreadable folder is named with the reason" "$(cat "$TMP/err")" "locked: Permission denied"
	like "the readable page still went in" "$(cat "$TMP/out")" "^imported 1 new"
fi
chmod 0755 "$TMP/locked"
done_testing
