#!/bin/sh
# Stories (issue 19): near-duplicates linked at import are one row in list
# and search, every article with --copies, and --json says which belong
# together.  tests/data/near holds a wire report, its reprint by another
# outlet, the same page saved a day later (one story), and another
# outlet's own report of the same event (another).
. "$top_srcdir/tests/lib.sh"
db="$TMP/s.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/near/*.txt; rc=$?
is "the four pages import" "$rc" 0
is "list --copies prints every article" "$("$FOLIO" --db "$db" list --copies | wc -l | tr -d ' ')" 4
is "list prints one row a story" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" 2
is "  the other outlet's report among them" \
	"$("$FOLIO" --db "$db" list | cut -f3 | grep -c 'The Carrick Ledger')" 1
is "list --limit 2 counts stories, not articles" \
	"$("$FOLIO" --db "$db" list --limit 2 | wc -l | tr -d ' ')" 2
is "search carrick: one row a story" "$("$FOLIO" --db "$db" search carrick | wc -l | tr -d ' ')" 2
is "search --copies carrick: all four" \
	"$("$FOLIO" --db "$db" search --copies carrick | wc -l | tr -d ' ')" 4
is "search --limit 1 still gives one" "$("$FOLIO" --db "$db" search --limit 1 bridge | wc -l | tr -d ' ')" 1

# --json: the story id, and the copies with their sources
"$FOLIO" --db "$db" list --json >"$TMP/list.json"
if command -v python3 >/dev/null; then
	summary=$(python3 - "$TMP/list.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
for r in rows:
    copies = sorted(c["source"] for c in r.get("copies", []))
    print(len(copies) + 1, r["story"] == r["id"] or r["story"] in [c["id"] for c in r.get("copies", [])], "|".join(copies) if r["source"] != "The Carrick Ledger" else "-")
PY
)
	like "--json: the wire story holds three, its copies named with their sources" "$summary" \
		"^3 True (Associated Press\|Associated Press|Associated Press\|The Milbrook Courier)"
	like "  the other report is a story of one, without copies" "$summary" "1 True -"
	"$FOLIO" --db "$db" list --copies --json >"$TMP/all.json"
	is "--copies --json: every article names the same story as its copies" "$(python3 - "$TMP/all.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
stories = {}
for r in rows:
    stories.setdefault(r["story"], set()).add(r["id"])
print(sorted(len(v) for v in stories.values()))
PY
)" "[1, 3]"
else
	for t in "--json: the wire story's copies" "--json: the other report" "--copies --json"; do
		skip "$t" "python3 is needed to read the JSON"
	done
fi

# FOLIO_NO_LINKING (for tests/bench): an import that links nothing
FOLIO_NO_LINKING=1 "$FOLIO" --db "$TMP/apart.db" import --quiet "$top_srcdir"/tests/data/near/*.txt
is "FOLIO_NO_LINKING=1: nothing linked, a row each" "$("$FOLIO" --db "$TMP/apart.db" list | wc -l | tr -d ' ')" 4
done_testing
