#!/bin/sh
# The printing commands: formats, --json, usage errors, hostile text.
. "$top_srcdir/tests/lib.sh"
db="$TMP/store.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null

# Usage.
"$FOLIO" --help >"$TMP/out"; rc=$?
is "--help exits 0" "$rc" 0
like "--help lists the commands" "$(cat "$TMP/out")" "folio \[--db FILE\] search"
like "--version names folio and SQLite" "$("$FOLIO" --version)" "^folio [0-9]"
"$FOLIO" frobnicate 2>"$TMP/err"; rc=$?
is "an unknown command exits 2" "$rc" 2
like "and says which" "$(cat "$TMP/err")" "unknown command 'frobnicate'"
"$FOLIO" --db "$db" list --bogus 2>/dev/null; rc=$?
is "an unknown option exits 2" "$rc" 2
"$FOLIO" --db "$db" list --limit x 2>/dev/null; rc=$?
is "a bad --limit exits 2" "$rc" 2
"$FOLIO" --db "$db" show 2>/dev/null; rc=$?
is "show without an id exits 2" "$rc" 2
"$FOLIO" --db "$db" show 999999 2>"$TMP/err"; rc=$?
is "show of a missing id exits 1" "$rc" 1
like "and says so" "$(cat "$TMP/err")" "no article 999999"
BROWSER=false "$FOLIO" --db "$db" open 999999 2>"$TMP/err"; rc=$?
is "open of a missing id exits 1" "$rc" 1
like "and says so" "$(cat "$TMP/err")" "no article 999999"
"$FOLIO" --db "$db" list --source "No Such Outlet" 2>"$TMP/err"; rc=$?
is "an unknown source exits 2" "$rc" 2
like "--list-actions lists actions with help" "$("$FOLIO" --list-actions)" "^page-down"

# Formats.
line=$("$FOLIO" --db "$db" list --limit 1)
like "list: id TAB date TAB source TAB title" "$line" "^[0-9]+	([0-9]{4}-[0-9]{2}-[0-9]{2})?	[^	]+	[^	]+$"
is "--limit limits" "$("$FOLIO" --db "$db" list --limit 3 | wc -l | tr -d ' ')" 3
dates=$("$FOLIO" --db "$db" list | cut -f2 | grep . )
is "list is newest first" "$dates" "$(printf '%s\n' "$dates" | sort -r)"
src=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f2)
count=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f1)
is "list --source gives that source's count" "$("$FOLIO" --db "$db" list --source "$src" | wc -l | tr -d ' ')" "$count"
total=$("$FOLIO" --db "$db" sources | awk -F'\t' '{ s += $1 } END { print s }')
is "source counts add up to the article count" "$total" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')"

# Relevance in significant digits: "the" is in every article, so bm25 gives it
# next to nothing, yet the scores are not all printed as zero.
scores=$("$FOLIO" --db "$db" search --limit 5 the | cut -f2)
like "search: id TAB relevance TAB source TAB title" "$("$FOLIO" --db "$db" search ferry | head -n 1)" \
	"^[0-9]+	[0-9.]+(e-[0-9]+)?	[^	]+	[^	]+$"
is "a word in every article still gets a relevance above zero" \
	"$(printf '%s\n' "$scores" | grep -c '^0*\.*0*$')" 0
ok "and five of them" test "$(printf '%s\n' "$scores" | grep -c .)" -eq 5

if command -v python3 >/dev/null; then
	for cmd in sources list "search ferry" "show $(echo "$line" | cut -f1)"; do
		ok "$cmd --json is valid JSON" sh -c "'$FOLIO' --db '$db' $(echo "$cmd" | cut -d' ' -f1) --json $(echo "$cmd" | cut -s -d' ' -f2-) | python3 -m json.tool"
	done
	keys=$("$FOLIO" extract --json "$top_srcdir/tests/data/articles/harbor-ferry.txt" |
		python3 -c 'import json,sys; print(",".join(sorted(json.load(sys.stdin)[0])))')
	is "extract --json has exactly the agreed keys" "$keys" "body,byline,date,dateline,file,source,title"

	# Every --json output, field for field: the keys in their order, each
	# value's kind, and the values the plain form prints.
	shape() { # NAME KEYS... : stdin is the JSON; prints "ok" or what differs
		python3 -c '
import json, sys
data = json.load(sys.stdin, object_pairs_hook=tuple)
want = sys.argv[1:]
items = data if isinstance(data, list) else [data]
kinds = {"id": int, "story": int, "total": int, "unread": int, "score": float, "read": bool, "flagged": bool}
bad = [k for it in items for k in ([",".join(x for x, _ in it)] if [x for x, _ in it] != want else [])]
bad += ["%s is %r" % (k, v) for it in items for k, v in it
        if not isinstance(v, kinds.get(k, str)) and not (v is None and k not in kinds)]
print("ok" if items and not bad else "empty" if not items else bad[0])' "$@"
	}
	id1=$(echo "$line" | cut -f1)
	is "sources --json: name, total, unread" \
		"$("$FOLIO" --db "$db" sources --json | shape name total unread)" ok
	is "list --json: id, date, source, title, read, flagged, story" \
		"$("$FOLIO" --db "$db" list --json | shape id date source title read flagged story)" ok
	is "search --json: id, score, date, source, title, snippet, story" \
		"$("$FOLIO" --db "$db" search --json ferry | shape id score date source title snippet story)" ok
	for cmd in "show --json $id1" "export --json"; do
		is "$cmd: id, source, title, byline, date, dateline, path, url, read, flagged, body" \
			"$("$FOLIO" --db "$db" $cmd | shape id source title byline date dateline path url read flagged body)" ok
	done
	is "extract --json: file, source, title, byline, date, dateline, body" \
		"$("$FOLIO" extract --json "$top_srcdir"/tests/data/articles/*.txt | shape file source title byline date dateline body)" ok
	plain=$("$FOLIO" --db "$db" list --limit 3)
	from_json=$("$FOLIO" --db "$db" list --limit 3 --json | python3 -c '
import json, sys
for r in json.load(sys.stdin): print("%d\t%s\t%s\t%s" % (r["id"], r["date"] or "", r["source"], r["title"]))')
	is "list --json holds what list prints" "$from_json" "$plain"
	is "show --json holds the body show prints" \
		"$("$FOLIO" --db "$db" show --json "$id1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"])')" \
		"$("$FOLIO" --db "$db" show "$id1" | sed '1,/^$/d')"
	is "search --json scores in six significant digits, as search prints them in three" \
		"$("$FOLIO" --db "$db" search --json --limit 1 ferry | python3 -c 'import json,sys; print("%.3g" % json.load(sys.stdin)[0]["score"])')" \
		"$("$FOLIO" --db "$db" search --limit 1 ferry | cut -f2)"
	is "an empty result is []" "$("$FOLIO" --db "$db" search --json zzzqqq)" "[]"
	is "a slash in a path is written as it is" \
		"$("$FOLIO" --db "$db" export --json | grep -c '"path": "/')" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')"
fi

# No query text can make an SQL or FTS5 error.
for q in '"' 'AND' 'OR' 'NOT' 'NEAR(' '*' '-' 'source:' '"unbalanced' 'a OR' '(x' "x'y" ')))' '^' 'title:' 'after:garbage' '-"' '***' 'col:umn'; do
	"$FOLIO" --db "$db" search -- "$q" >/dev/null 2>"$TMP/err"; rc=$?
	ok "query [$q] runs without an error" sh -c "[ $rc -le 2 ] && ! grep -qi 'sql\|fts5\|syntax' '$TMP/err'"
done

# Text from an article never drives the terminal through the CLI.
esc=$(printf '\033')
printf 'Evil Gazette\n\nA title\033]0;owned\007 with \033[2J tricks\n\nBy Mal Ice\n\nThis body has an OSC 52 write \033]52;c;aGVsbG8=\007 and a link \033]8;;http://x\033\\here\033]8;;\033\\ and a bidi \342\200\256override\342\200\254 in its long first sentence of prose.\n\nAnd a second paragraph of ordinary prose so that the page reads as an article.\n' >"$TMP/evil.txt"
"$FOLIO" --db "$db" import --quiet "$TMP/evil.txt" 2>/dev/null
id=$("$FOLIO" --db "$db" search tricks | cut -f1)
ok "the hostile article was imported" test -n "$id"
for cmd in "list" "show $id" "search tricks" "show --json $id" "list --json" "sources"; do
	"$FOLIO" --db "$db" $cmd >"$TMP/out" 2>&1
	ok "$cmd prints no ESC byte" sh -c "! grep -q '$esc' '$TMP/out'"
	ok "$cmd prints no bidi override" sh -c "! grep -q \"\$(printf '\\342\\200\\256')\" '$TMP/out'"
done

# In an ASCII locale nothing outside ASCII is printed.
LC_ALL=C "$FOLIO" --db "$db" list >"$TMP/out"
ok "LC_ALL=C output is pure ASCII" sh -c "! LC_ALL=C grep -q '[^ -~	]' '$TMP/out'"
done_testing
