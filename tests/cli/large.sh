#!/bin/sh
# Feeds and exports of any size: a feed and an export over the 16 MiB a
# single page may have, made here at run time, import with every entry;
# cut off midway, they keep the entries before the break and say where,
# naming the file.  (The 1 GB ones, with their memory, are in make bench.)
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to write the large files"

n=5000
python3 - "$TMP/big.rss" "$n" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
para = ("The harbour committee met again on Monday to argue over the cost of the "
        "works, which have run weeks late; members said they would decide next month. ") * 11
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            '<title>The Large Gazette</title><link>https://large.example/</link>\n')
    for i in range(n):
        f.write("<item><title>Entry number %d of the large feed</title>"
                "<guid>https://large.example/%d</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
                "<description>&lt;p&gt;%s caf\u00e9 %d&lt;/p&gt;&lt;p&gt;%s&lt;/p&gt;</description></item>\n"
                % (i, i, para, i, para))
    f.write("</channel></rss>\n")
PY
size=$(wc -c <"$TMP/big.rss")
ok "the feed is over 16 MiB ($size bytes)" test "$size" -gt 16777216

"$FOLIO" --db "$TMP/feed.db" import "$TMP/big.rss" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a feed over 16 MiB imports (exit 0)" "$rc" 0
is "  with nothing on stderr" "$(cat "$TMP/err")" ""
like "  every entry is an article" "$(cat "$TMP/out")" "^imported $n new, 0 updated, 0 unchanged, 0 skipped$"
is "  the last entry is there, whole" \
	"$("$FOLIO" --db "$TMP/feed.db" search --limit 1 '"entry number 4999"' | cut -f4)" \
	"Entry number 4999 of the large feed"
is "  from the feed's source" "$("$FOLIO" --db "$TMP/feed.db" sources | cut -f2)" "The Large Gazette"

# Cut off in the middle of an entry: the entries before the cut are kept.
head -c $((size * 3 / 5)) "$TMP/big.rss" >"$TMP/cut.rss"
whole=$(grep -c '</item>' "$TMP/cut.rss")
"$FOLIO" --db "$TMP/cut.db" import "$TMP/cut.rss" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a feed cut off midway: exit 1 (some input not read)" "$rc" 1
like "  the entries before the cut are imported" "$(cat "$TMP/out")" "^imported $whole new, 0 updated, 0 unchanged, 1 skipped$"
like "  the file is named, and where it broke off" "$(cat "$TMP/err")" \
	"cut.rss: the feed breaks off at line [0-9]+ \\(not well-formed XML\\); the $whole entries before it were read"

# The export of all of them is over 16 MiB too, and comes back whole.
"$FOLIO" --db "$TMP/feed.db" export --json >"$TMP/all.json"
size=$(wc -c <"$TMP/all.json")
ok "the export is over 16 MiB ($size bytes)" test "$size" -gt 16777216
"$FOLIO" --db "$TMP/back.db" import "$TMP/all.json" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "an export over 16 MiB imports (exit 0)" "$rc" 0
is "  with nothing on stderr" "$(cat "$TMP/err")" ""
like "  every article comes back" "$(cat "$TMP/out")" "^imported $n new, 0 updated, 0 unchanged, 0 skipped$"
fields() { "$FOLIO" --db "$1" export --json | python3 -c '
import hashlib, json, sys
for a in sorted(json.load(sys.stdin), key=lambda a: a["path"]):
    a.pop("id"); print(hashlib.sha1(json.dumps(a, sort_keys=True).encode()).hexdigest())' | sha1sum; }
is "  field for field" "$(fields "$TMP/back.db")" "$(fields "$TMP/feed.db")"

head -c $((size / 2)) "$TMP/all.json" >"$TMP/cut.json"
whole=$(python3 - "$TMP/cut.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
dec, pos, n = json.JSONDecoder(), text.index("[") + 1, 0
while True:
    while text[pos] in " \n\t,": pos += 1
    try:
        _, pos = dec.raw_decode(text, pos)
    except ValueError:
        break
    n += 1
print(n)
PY
)
"$FOLIO" --db "$TMP/cutx.db" import "$TMP/cut.json" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "an export cut off midway: exit 1" "$rc" 1
like "  the articles before the cut are imported" "$(cat "$TMP/out")" "^imported $whole new, 0 updated, 0 unchanged, 1 skipped$"
like "  the file is named, and where it broke off" "$(cat "$TMP/err")" \
	"cut.json: the export breaks off after $whole articles: "

# A small export cut off keeps its first articles too (read whole, not streamed).
python3 - "$TMP/all.json" "$TMP/small-cut.json" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
end = 0
for _ in range(3):
    end = text.index("\n  {", end + 1)
open(sys.argv[2], "w", encoding="utf-8").write(text[:end + 40])
PY
"$FOLIO" --db "$TMP/small.db" import "$TMP/small-cut.json" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a small export cut off: exit 1" "$rc" 1
like "  its first two articles are imported" "$(cat "$TMP/out")" "^imported 2 new, 0 updated, 0 unchanged, 1 skipped$"
like "  and it says where it broke off" "$(cat "$TMP/err")" "small-cut.json: the export breaks off after 2 articles"

# Anything else over 16 MiB is still refused, and says what may be larger.
python3 -c 'import sys; open(sys.argv[1], "w").write("A page\n\n" + "word " * 4000000)' "$TMP/page.txt"
"$FOLIO" --db "$TMP/page.db" import "$TMP/page.txt" >/dev/null 2>"$TMP/err"
like "a page over 16 MiB is refused, saying what may be larger" "$(cat "$TMP/err")" \
	"page.txt: larger than 16 MiB, too large for a single page \\(only feeds and exports are read at any size\\)"

done_testing
