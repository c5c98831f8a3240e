#!/bin/sh
# folio export: whole articles out, and back in through import unchanged.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to read the JSON"
db="$TMP/a.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null
n=$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')

"$FOLIO" --db "$db" export --json >"$TMP/all.json"; rc=$?
is "export --json exits 0" "$rc" 0
is "export --json has every article" \
	"$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/all.json")" "$n"
is "each exported article is what show --json says" \
	"$(python3 - "$TMP/all.json" "$FOLIO" "$db" <<'PY'
import json, subprocess, sys
bad = 0
for art in json.load(open(sys.argv[1])):
    shown = json.loads(subprocess.run([sys.argv[2], "--db", sys.argv[3], "show", "--json", str(art["id"])],
                                      capture_output=True, text=True).stdout)
    bad += shown != art
print(bad)
PY
)" 0

# The round trip: import the export into a new store; the same articles come out.
"$FOLIO" --db "$TMP/b.db" import "$TMP/all.json" >"$TMP/out" 2>&1; rc=$?
is "importing an export exits 0" "$rc" 0
like "every article comes in as new" "$(cat "$TMP/out")" "^imported $n new, 0 updated, 0 unchanged, 0 skipped$"
fields() { "$FOLIO" --db "$1" export --json | python3 -c '
import json, sys
for a in sorted(json.load(sys.stdin), key=lambda a: a["path"]):
    a.pop("id"); print(json.dumps(a, sort_keys=True))'; }
is "the new store holds the same articles, field for field" "$(fields "$TMP/b.db")" "$(fields "$db")"
out=$("$FOLIO" --db "$db" import "$TMP/all.json" 2>&1)
like "an export imported into its own store changes nothing" "$out" "^imported 0 new, 0 updated, $n unchanged, 0 skipped$"

# Narrowing: a source, a query, both.
src=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f2)
count=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f1)
is "export --source writes that source's articles" \
	"$("$FOLIO" --db "$db" export --json --source "$src" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "$count"
hits=$("$FOLIO" --db "$db" search --limit 1000 ferry | wc -l | tr -d ' ')
is "export QUERY writes every match" \
	"$("$FOLIO" --db "$db" export --json ferry | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "$hits"
"$FOLIO" --db "$db" export --source "No Such Outlet" >/dev/null 2>&1; rc=$?
is "an unknown source exits 2" "$rc" 2

# Text form: show's form, a line %% between articles.
"$FOLIO" --db "$db" export --source "$src" >"$TMP/text"
is "export --text separates articles with %%" "$(grep -c '^%%$' "$TMP/text")" "$((count - 1))"
is "each article starts with its header" "$(grep -c '^Source: ' "$TMP/text")" "$count"

# JSON that is not an export is still refused as data.
printf '[{"name": "x", "value": 1}]\n' >"$TMP/other.json"
"$FOLIO" --db "$TMP/b.db" import "$TMP/other.json" 2>"$TMP/err" >/dev/null
like "other JSON is not taken for an export" "$(cat "$TMP/err")" "JSON data"
printf '[{"title": "T", "body": "B", "extra": {"nested": 1}}]\n' >"$TMP/nested.json"
"$FOLIO" --db "$TMP/b.db" import "$TMP/nested.json" 2>"$TMP/err" >/dev/null
like "an export with nested values is refused whole" "$(cat "$TMP/err")" "JSON data"

# A hostile export: anything may write such a file, so every field passes
# the text gate on the way in, as a page's do.
h="$TMP/h.db"
"$FOLIO" --db "$h" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt" 2>/dev/null
real_path=$("$FOLIO" --db "$h" export --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["path"])')
real_body=$("$FOLIO" --db "$h" export --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["body"])')
python3 - "$TMP/hostile.json" "$real_path" <<'PY'
import json, sys
bad = "\u001b]0;owned\u0007 \u009b2J \u202eevil\u202c \u0008\u007f \u001b[31mred\u2066 \U000E0041"
arts = [{"source": "Evil" + bad, "title": "Title" + bad, "byline": "By" + bad, "date": "2024-01-02",
         "dateline": "Place" + bad, "path": "/elsewhere/evil.txt",
         "body": "First paragraph" + bad + "\n\nSecond\r\nparagraph\u2028line."},
        # claims the path of the article imported from a file, with other text
        {"source": "Harbour", "title": "Replaced", "byline": None, "date": None, "dateline": None,
         "path": sys.argv[2], "body": "A crafted body that must not replace the real article."}]
json.dump(arts, open(sys.argv[1], "w"))
PY
"$FOLIO" --db "$h" import "$TMP/hostile.json" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a hostile export imports (exit 0)" "$rc" 0
like "  both articles as new" "$(cat "$TMP/out")" "^imported 2 new, 0 updated, 0 unchanged"
is "  no field in the store holds a control, C1, bidi or tag character" "$(python3 - "$h" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\U000E0000-\U000E007F]")
rows = db.execute("SELECT s.name, a.title, a.byline, a.dateline, a.body FROM articles a"
                  " JOIN sources s ON s.id = a.source_id").fetchall()
print(sum(1 for r in rows for f in r if f and bad.search(f)))
PY
)" 0
like "  and the text around them is kept" "$("$FOLIO" --db "$h" list)" "Title\]0;owned 2J evil"
is "the real article keeps its text" \
	"$("$FOLIO" --db "$h" export --json | python3 -c '
import json, sys
print([a["body"] for a in json.load(sys.stdin) if a["path"] == sys.argv[1]][0])' "$real_path")" "$real_body"
is "  the export's claim goes in beside it, under the export's name" \
	"$("$FOLIO" --db "$h" export --json | python3 -c '
import json, sys
print([a["title"] for a in json.load(sys.stdin) if a["path"] == sys.argv[1]][0])' "$TMP/hostile.json#$real_path")" "Replaced"
like "  importing it again changes nothing" "$("$FOLIO" --db "$h" import "$TMP/hostile.json" 2>&1)" \
	"^imported 0 new, 0 updated, 2 unchanged"
printf '[{"title": "T", "body": "cut\\u0000 here, then the rest of the body", "path": "/x/nul.txt"}]\n' >"$TMP/nul.json"
"$FOLIO" --db "$h" import "$TMP/nul.json" >/dev/null 2>"$TMP/err"; rc=$?
is "an export holding \\u0000 is refused (exit 1)" "$rc" 1
like "  saying why" "$(cat "$TMP/err")" "nul.json: .*\\\\u0000 \(a NUL character\)"
is "  and nothing of it is stored" "$("$FOLIO" --db "$h" search cut | wc -l | tr -d ' ')" 0
done_testing
