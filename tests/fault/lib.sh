# tests/fault/lib.sh: what the fault tests share (sourced after tests/lib.sh).
#
#   gen_corpus DIR N [TAG]  N article pages, written by us, each different
#   dump_store DB           every article's content, one line each, by path
#   store_sane NAME DB      TAP: integrity_check, FTS5 index and counts agree
#   terminal_safe FILE...   what in a file's bytes could drive a terminal
#
# A store's content is compared through sqlite3, outside folio, so a fault
# that fooled folio's own reading would still show.

command -v sqlite3 >/dev/null || skip_all "the sqlite3 program is needed to inspect stores"

gen_corpus() {
	mkdir -p "$1"
	awk -v dir="$1" -v n="$2" -v tag="${3:-a}" 'BEGIN {
		split("Harbor Valley River Market Station Library Council School", place, " ")
		split("Courier Gazette Herald Tribune", paper, " ")
		for (i = 1; i <= n; i++) {
			f = sprintf("%s/%s-%05d.txt", dir, tag, i)
			p = place[i % 8 + 1]
			printf "The %s %s\n\n", p, paper[i % 4 + 1] > f
			printf "%s report %d of set %s on the %s works\n\n", p, i, tag, tolower(p) > f
			printf "By Dana Whitfield\n%s, March %d, 2003\n\n", "Tuesday", i % 28 + 1 > f
			for (k = 1; k <= 6; k++)
				printf "Paragraph %d of report %d (%s): the %s committee met again on Monday to argue over the cost of the works, which have run %d weeks late and now stand at %d thousand dollars, and members said they would decide next month.\n\n", k, i, tag, tolower(p), k + i % 9, i * k > f
			close(f)
		}
	}'
}

dump_store() {
	sqlite3 -separator '|' "$1" "SELECT a.path, s.name, a.title, a.byline, a.date, a.dateline, length(a.body), hex(substr(a.body, -40)), hex(a.hash) FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.path;"
}

store_sane() {
	is "$1: integrity_check" "$(sqlite3 "$2" 'PRAGMA integrity_check;' 2>&1)" "ok"
	is "$1: the FTS5 index matches the articles" \
		"$(sqlite3 "$2" "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1);" 2>&1)" ""
	is "$1: source counts match the articles" \
		"$(sqlite3 "$2" "SELECT count(*) FROM sources s WHERE total != (SELECT count(*) FROM articles a WHERE a.source_id = s.id);" 2>&1)" "0"
}

# terminal_safe FILE [json|ascii] [FILE MODE...]: prints what in each FILE
# could drive a terminal, one line a file (an empty line when it is safe):
# invalid UTF-8, C0 controls but newline and tab, DEL, C1, bidi controls,
# tag characters, runs of over 4 combining marks; in JSON mode the same
# inside the decoded strings; in ascii mode any byte >= 0x80.  (Many files
# in one call: python takes about a second to start on a busy machine.)
terminal_safe() {
	python3 - "$@" <<'PY'
import json, sys, unicodedata
def bad_char(c):
    o = ord(c)
    return ((o < 0x20 and c not in "\n\t") or 0x7f <= o <= 0x9f or o in (0x61c, 0x200e, 0x200f, 0xfeff)
            or 0x202a <= o <= 0x202e or 0x2066 <= o <= 0x2069 or 0xe0000 <= o <= 0xe007f)
def check(text, where):
    run = 0
    for i, c in enumerate(text):
        if bad_char(c):
            return "%s: U+%04X at %d" % (where, ord(c), i)
        run = run + 1 if unicodedata.category(c).startswith("M") else 0
        if run > 4:
            return "%s: a run of over 4 combining marks at %d" % (where, i)
    return None
def strings(v):
    if isinstance(v, str): yield v
    elif isinstance(v, list):
        for x in v: yield from strings(x)
    elif isinstance(v, dict):
        for k, x in v.items(): yield k; yield from strings(x)
def problem(path, mode):
    data = open(path, "rb").read()
    if mode == "ascii":
        bad = [i for i, b in enumerate(data) if b >= 0x80]
        return "a byte >= 0x80 at %d" % bad[0] if bad else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8: %s" % e
    found = check(text, "raw output")
    if not found and mode == "json":
        try:
            for s in strings(json.loads(text)):
                found = check(s, "a JSON string")
                if found: break
        except ValueError as e:
            found = "not JSON: %s" % e
    return found
args = sys.argv[1:]
if len(args) == 1: args.append("")
for path, mode in zip(args[0::2], args[1::2]):
    print(problem(path, mode) or "")
PY
}

# raw_terminal_safe FILE [ascii]: prints what in the raw bytes a program sent
# to its terminal did not come from a well-behaved screen library: OSC, DCS,
# APC, PM or SOS sequences, BEL, C1 controls (8-bit or UTF-8 encoded),
# invalid UTF-8, bidi controls and tag characters; with ascii, any byte >= 0x80.
raw_terminal_safe() {
	python3 - "$@" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
if len(sys.argv) > 2 and sys.argv[2] == "ascii":
    bad = [i for i, b in enumerate(data) if b >= 0x80]
    if bad: print("a byte >= 0x80 at %d: %r" % (bad[0], data[max(0, bad[0] - 20):bad[0] + 10]))
    sys.exit(0)
m = re.search(rb"\x1b[\]P_^X]", data)
if m: print("an OSC/DCS/APC/PM/SOS sequence at %d: %r" % (m.start(), data[m.start():m.start() + 30])); sys.exit(0)
if b"\x07" in data: print("a BEL at %d" % data.index(b"\x07")); sys.exit(0)
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("invalid UTF-8 (or 8-bit C1): %s" % e); sys.exit(0)
for i, c in enumerate(text):
    o = ord(c)
    if 0x80 <= o <= 0x9f or o in (0x61c, 0x200e, 0x200f) or 0x202a <= o <= 0x202e \
            or 0x2066 <= o <= 0x2069 or 0xe0000 <= o <= 0xe007f:
        print("U+%04X at %d" % (o, i)); break
PY
}

# Another program holding a store's write lock, for as long as a test says:
#   hold_lock DB [SQL...]  sqlite3 reads statements from a FIFO (file
#                          descriptor 7, for more: echo SQL >&7), runs the
#                          SQL given, then BEGIN IMMEDIATE; returns once the
#                          lock is taken; $holder is its pid
#   release_lock           COMMIT, and wait for the holder to end
#   lock_free DB           true when the write lock can be taken at once
lock_free() {
	sqlite3 "$1" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1
}

hold_lock() {
	_db=$1
	shift
	rm -f "$TMP/hold.fifo"
	mkfifo "$TMP/hold.fifo"
	sqlite3 "$_db" <"$TMP/hold.fifo" >"$TMP/hold.out" 2>&1 &
	holder=$!
	exec 7>"$TMP/hold.fifo"
	# .timeout: lock_free's own probe takes the lock for an instant; wait that out
	for _sql in ".timeout 10000" "$@" "BEGIN IMMEDIATE;"; do
		printf '%s\n' "$_sql" >&7
	done
	_i=0
	while lock_free "$_db" && [ $_i -lt 200 ]; do sleep 0.05; _i=$((_i + 1)); done
}

release_lock() {
	echo "COMMIT;" >&7
	exec 7>&-
	wait "$holder"
}
