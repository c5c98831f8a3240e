#!/bin/sh
# folio import and extract on web pages and feeds: a folder of all three
# kinds, a newer copy of a feed (new and changed entries only), hostile XML.
. "$top_srcdir/tests/lib.sh"

html="$top_srcdir/tests/data/html"
feeds="$top_srcdir/tests/data/feeds"
db="$TMP/store.db"
pile="$TMP/pile"
mkdir -p "$pile"
# Names that do not give the kind away: import must tell by content.
cp "$html/harbour-ferry-jsonld.html" "$pile/page1.txt"
cp "$html/vallon-marche-1252.html" "$pile/page2"
cp "$html/quarry-malformed.html" "$pile/page3.html"
cp "$feeds/valley-courier.rss" "$pile/courier.txt"
cp "$feeds/moorland-notes.atom" "$pile/moorland"
cp "$feeds/riverside-anzeiger.rdf" "$pile/riverside.xml"
cp "$feeds/town-hall-1.rss" "$pile/town-hall.rss"
cp "$top_srcdir/tests/data/articles/harbor-ferry.txt" "$pile/plain.txt"

# 3 pages + 3 + 3 + 2 + 2 feed entries + 1 plain page.
out=$("$FOLIO" --db "$db" import "$pile" 2>"$TMP/err"); rc=$?
is "a folder of pages, feeds and text imports cleanly" "$rc" 0
is "nothing skipped" "$(cat "$TMP/err")" ""
like "every page and every entry is an article" "$out" "^imported 14 new, 0 updated, 0 unchanged, 0 skipped$"
sources=$("$FOLIO" --db "$db" sources)
like "feed titles are sources" "$sources" "$(printf '3\tValley Courier')"
like "RDF feed in ISO-8859-1 is a source" "$sources" "$(printf '2\tRiverside Anzeiger')"
like "the page's og:site_name is its source" "$sources" "$(printf '1\tThe Harbour Gazette')"
like "the windows-1252 page's outlet is decoded" "$sources" "$(printf '1\tLe Courrier de Vallon')"
id=$("$FOLIO" --db "$db" list --source "Le Courrier de Vallon" | cut -f1)
like "the windows-1252 body is decoded" "$("$FOLIO" --db "$db" show "$id")" "400 000 € de plus que prévu"

out=$("$FOLIO" --db "$db" import "$pile" 2>&1)
like "re-import stores nothing new" "$out" "^imported 0 new, 0 updated, 14 unchanged, 0 skipped$"

# The newer copy of the feed, saved under another name: one new, one changed.
cp "$feeds/town-hall-2.rss" "$TMP/town-hall-later.xml"
out=$("$FOLIO" --db "$db" import "$TMP/town-hall-later.xml" 2>&1)
like "the newer feed adds one entry and updates one" "$out" "^imported 1 new, 1 updated, 1 unchanged, 0 skipped$"
is "the feed's source has three articles" \
	"$("$FOLIO" --db "$db" list --source "Town Hall Bulletin" | wc -l | tr -d ' ')" 3
id=$("$FOLIO" --db "$db" list --source "Town Hall Bulletin" | grep "Recycling" | cut -f1)
like "the changed entry holds the new text" "$("$FOLIO" --db "$db" show "$id")" "close at 5pm"

# extract --json: one object per page, one per feed entry, each naming its file.
for f in "$html/harbour-ferry-jsonld.html" "$feeds/valley-courier.rss" "$feeds/moorland-notes.atom" \
	"$feeds/riverside-anzeiger.rdf" "$top_srcdir/tests/data/articles/harbor-ferry.txt"; do
	"$FOLIO" extract --json "$f" >"$TMP/x.json" 2>"$TMP/x.err"
	ok "extract --json $(basename "$f") is JSON with the seven keys" python3 -c '
import json, sys
recs = json.load(open(sys.argv[1]))
assert recs, "no records"
for r in recs:
    assert sorted(r) == sorted(["file", "source", "title", "byline", "date", "dateline", "body"]), r
    assert r["file"] == sys.argv[2] and r["body"], r
' "$TMP/x.json" "$f"
done
n=$("$FOLIO" extract --json "$feeds/valley-courier.rss" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
is "extract --json gives one record per feed entry" "$n" 3
like "extract of a page finds its date" "$("$FOLIO" extract "$html/orchard-cider-article.html")" "^Date: 2019-06-14$"

# Hostile XML: the entity bomb is refused quickly; no external entity is read.
start=$(date +%s)
"$FOLIO" --db "$db" import "$feeds/billion-laughs.xml" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "the entity bomb is skipped (exit 1)" "$rc" 1
like "with a reason" "$(cat "$TMP/err")" "billion-laughs.xml: .*not well-formed"
ok "and quickly" test $(( $(date +%s) - start )) -le 5
"$FOLIO" extract --json "$feeds/external-entity.xml" >"$TMP/xxe.json" 2>&1
ok "an external entity is never read" sh -c "! grep -q 'root:' '$TMP/xxe.json'"
like "the rest of the entry is kept" "$(cat "$TMP/xxe.json")" "opens at eight on Saturdays. It closes at six."
"$FOLIO" --db "$db" import "$feeds/external-entity.xml" >/dev/null 2>&1
ok "nor stored" sh -c "! sqlite3 '$db' 'SELECT title, body FROM articles' | grep -q 'root:'"

# XML that is neither a page nor a feed is still refused, by content.
printf '<?xml version="1.0"?>\n<config><item>1</item></config>\n' >"$TMP/config.rss"
"$FOLIO" --db "$db" import "$TMP/config.rss" >/dev/null 2>"$TMP/err"
like "other XML is skipped with a reason" "$(cat "$TMP/err")" "neither a web page nor a feed"

# A bare id ("1") is only unique inside its feed: two feeds keep two articles.
db3="$TMP/bare.db"
for feed in "Quay Notes" "Hill Notes"; do
	printf '<rss><channel><title>%s</title><item><title>%s first post</title><guid>1</guid><description>Hello from %s.</description></item></channel></rss>\n' \
		"$feed" "$feed" "$feed" >"$TMP/$feed.rss"
done
out=$("$FOLIO" --db "$db3" import "$TMP/Quay Notes.rss" "$TMP/Hill Notes.rss" 2>&1)
like "the same bare id in two feeds is two articles" "$out" "^imported 2 new, 0 updated"

done_testing
