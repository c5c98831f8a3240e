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
done_testing
