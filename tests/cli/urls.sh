#!/bin/sh
# Web addresses: kept from feeds (<link>, a permalink guid), HTML pages
# (canonical, og:url) and plain pages that state one; shown by show, in
# JSON, carried through export and import; opened by folio open with
# $BROWSER or printed where there is none; an older store is upgraded in
# place and gets them on the next import.
. "$top_srcdir/tests/lib.sh"
db="$TMP/store.db"
data="$top_srcdir/tests/data"
mkdir "$TMP/in"
cp "$data/feeds/valley-courier.rss" "$data/feeds/moorland-notes.atom" "$data/feeds/town-hall-1.rss" \
	"$data/html/split-story.html" "$data/html/form-wrapped.html" "$TMP/in/"
cp "$data/articles/harbor-ferry.txt" "$TMP/in/plain.txt"
{ cat "$data/articles/library-late-fees.txt"; echo; echo "Permalink: https://ledgerport.example/ferry?id=12&x=1"; } \
	>"$TMP/in/stated.txt"
"$FOLIO" --db "$db" import --quiet "$TMP/in" 2>"$TMP/err"
is "the folder imports without a word" "$(cat "$TMP/err")" ""

url_of() { # TITLE-WORDS: the URL: header of the article found by title
	_id=$("$FOLIO" --db "$db" search --limit 1 "title:\"$1\"" | cut -f1)
	"$FOLIO" --db "$db" show "$_id" | sed -n 's/^URL: //p'
}
is "RSS: a permalink guid" "$(url_of "Footbridge at Mill Lane")" "https://courier.example/2022/04/footbridge"
is "RSS: <link>" "$(url_of "letters")" "https://courier.example/2022/04/letters"
is "RSS: a guid that is no permalink, no link: none" "$(url_of "fair")" ""
is "RSS: a guid that is no web address: none" "$(url_of "Recycling centre")" ""
is "Atom: link rel=alternate, not rel=self" "$(url_of "curlews")" "https://moorland.example/curlews"
is "HTML: the canonical link" "$(url_of "new wheel")" "https://valleycourier.example/2019/03/03/mill-wheel/"
is "HTML: og:url" "$(url_of "toll bridge")" "https://bridges.example.org/2018/11/05/toll-bridge-fare"
paths=$("$FOLIO" --db "$db" export --json | python3 -c '
import json, sys
for a in json.load(sys.stdin):
    print("%s\t%s\t%s" % (a["id"], a["path"].rsplit("/", 1)[-1], a["url"]))')
is "a plain page's Permalink: line" "$(printf '%s\n' "$paths" | awk -F'\t' '$2 == "stated.txt" { print $3 }')" \
	"https://ledgerport.example/ferry?id=12&x=1"
is "a plain page stating none has none" "$(printf '%s\n' "$paths" | awk -F'\t' '$2 == "plain.txt" { print $3 }')" "None"
like "show --json has the url after the path" \
	"$("$FOLIO" --db "$db" show --json "$(printf '%s\n' "$paths" | awk -F'\t' '$2 == "stated.txt" { print $1 }')")" \
	'"path": "[^"]*stated.txt", "url": "https://ledgerport.example/ferry\?id=12&x=1"'

# export and import carry it; an address that is not one is dropped.
"$FOLIO" --db "$db" export --json >"$TMP/all.json"
"$FOLIO" --db "$TMP/copy.db" import --quiet "$TMP/all.json"
is "import of an export keeps every url" \
	"$("$FOLIO" --db "$TMP/copy.db" export --json | python3 -c 'import json,sys; print(sorted(str(a["url"]) for a in json.load(sys.stdin)))')" \
	"$(python3 -c 'import json,sys; print(sorted(str(a["url"]) for a in json.load(open(sys.argv[1]))))' "$TMP/all.json")"
cat >"$TMP/bad.json" <<'J'
[{"id": 1, "source": "X", "title": "Bad link", "byline": null, "date": null, "dateline": null,
  "path": "bad-link", "url": "javascript:alert(1)", "read": false, "flagged": false, "body": "Text."}]
J
"$FOLIO" --db "$TMP/copy.db" import --quiet "$TMP/bad.json"
is "a javascript: url in an export is dropped" \
	"$("$FOLIO" --db "$TMP/copy.db" search --json 'title:"Bad link"' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" 1
is "  (the article kept, without it)" "$("$FOLIO" --db "$TMP/copy.db" show "$("$FOLIO" --db "$TMP/copy.db" search 'title:"Bad link"' | cut -f1)" | grep -c '^URL:')" 0

# folio open: $BROWSER gets the address as one word, whatever it holds.
id=$(printf '%s\n' "$paths" | awk -F'\t' '$2 == "stated.txt" { print $1 }')
cat >"$TMP/browser" <<'B'
#!/bin/sh
printf '%s|' "$@" >"$BROWSER_LOG"
B
chmod +x "$TMP/browser"
BROWSER_LOG="$TMP/log" BROWSER="$TMP/browser" "$FOLIO" --db "$db" open "$id" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "open with \$BROWSER: exit 0" "$rc" 0
is "  the browser got the address as one argument" "$(cat "$TMP/log")" "https://ledgerport.example/ferry?id=12&x=1|"
is "  nothing printed" "$(cat "$TMP/out" "$TMP/err")" ""
BROWSER_LOG="$TMP/log2" BROWSER="$TMP/browser --new-tab %s" "$FOLIO" --db "$db" open "$id"
is "  %s in \$BROWSER is where it goes" "$(cat "$TMP/log2")" "--new-tab|https://ledgerport.example/ferry?id=12&x=1|"
BROWSER_LOG="$TMP/log3" BROWSER="false:$TMP/browser" "$FOLIO" --db "$db" open "$id"; rc=$?
is "  a list: the next is tried when one fails" "$rc:$(cat "$TMP/log3")" "0:https://ledgerport.example/ferry?id=12&x=1|"
env -u BROWSER -u DISPLAY -u WAYLAND_DISPLAY "$FOLIO" --db "$db" open "$id" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "no browser (an SSH login): exit 0" "$rc" 0
is "  the address printed" "$(cat "$TMP/out")" "https://ledgerport.example/ferry?id=12&x=1"
BROWSER=false "$FOLIO" --db "$db" open "$id" >/dev/null 2>"$TMP/err"; rc=$?
is "a browser that fails: exit 1" "$rc" 1
like "  saying so" "$(cat "$TMP/err")" "browser did not open"
plain=$(printf '%s\n' "$paths" | awk -F'\t' '$2 == "plain.txt" { print $1 }')
"$FOLIO" --db "$db" open "$plain" >/dev/null 2>"$TMP/err"; rc=$?
is "an article with no address: exit 1" "$rc" 1
like "  saying so" "$(cat "$TMP/err")" "has no web address"
"$FOLIO" --db "$db" open 99999 >/dev/null 2>&1; rc=$?
is "no such article: exit 1" "$rc" 1
"$FOLIO" --db "$db" open >/dev/null 2>&1; rc=$?
is "open without an ID: exit 2" "$rc" 2

# An older store (schema 5): upgraded in place, its articles kept, urls filled on re-import.
"$FOLIO" --db "$TMP/old.db" import --quiet "$TMP/in"
sqlite3 "$TMP/old.db" "ALTER TABLE articles DROP COLUMN url; DROP TRIGGER articles_delete_tags;
	DROP TABLE tags; DROP TABLE article_tags; DROP TABLE removed; DROP TABLE searches;
	DROP INDEX articles_by_title; DROP INDEX articles_by_source_title;
	DROP TRIGGER article_days_insert; DROP TRIGGER article_days_delete;
	DROP TRIGGER article_days_update; DROP VIEW article_days_put; DROP TABLE article_days;
	PRAGMA user_version = 6;"
before=$(sqlite3 "$TMP/old.db" "SELECT id, title, read FROM articles ORDER BY id")
"$FOLIO" --db "$TMP/old.db" import "$TMP/in" >"$TMP/out" 2>&1; rc=$?
is "importing into a schema 6 store (before urls): exit 0" "$rc" 0
is "  upgraded to this folio's schema" "$(sqlite3 "$TMP/old.db" 'PRAGMA user_version')" \
	"$(sqlite3 "$db" 'PRAGMA user_version')"
is "  the same articles, ids and marks" "$(sqlite3 "$TMP/old.db" "SELECT id, title, read FROM articles ORDER BY id")" "$before"
like "  nothing new, only addresses" "$(cat "$TMP/out")" "0 new, 0 updated"
is "  and every address is there" "$(sqlite3 "$TMP/old.db" "SELECT count(url) FROM articles")" \
	"$(sqlite3 "$db" "SELECT count(url) FROM articles")"
ok "  (some)" test "$(sqlite3 "$db" "SELECT count(url) FROM articles")" -ge 6
is "  the store is sound" "$(sqlite3 "$TMP/old.db" 'PRAGMA integrity_check')" ok
done_testing
