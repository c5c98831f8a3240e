#!/bin/sh
# The upgrade from schema 4 (the search index with prefix indexes of 2 and 3
# characters) through 5 (near-duplicates) to 6 (the index without them) and on
# to 8 (the indexes of the lists by title) and 9 (the days for timelines): a
# store is taken back to schema 4 here, with schema 4's own statement for
# its index and step 5's tables gone, then opened by folio, which upgrades
# it in place.  Every article, every search and the store's own check come
# out as they were.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "sqlite3 takes the store back to schema 4"
db="$TMP/s.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt \
	"$top_srcdir"/tests/data/feeds/*.rss 2>/dev/null
n=$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')
ok "a store of $n articles" test "$n" -gt 40

queries="harbour ferry har* cou* \"the council\" source:BBC no-such-word-anywhere"
snapshot() {
	"$FOLIO" --db "$db" export --json
	for q in $queries; do
		echo "== $q"
		"$FOLIO" --db "$db" search --limit 1000 "$q"
	done
}
# (schema 4 kept no web addresses: the snapshot is taken without them)
sqlite3 "$db" "UPDATE articles SET url = NULL"
snapshot >"$TMP/before"

# Schema 4, as folio 0.1.0 at schema 4 made it.
sqlite3 "$db" "DROP TRIGGER near_delete; DROP TABLE near_bands; DROP TABLE near_sigs;
DROP TABLE copies; DROP INDEX articles_by_title; DROP INDEX articles_by_source_title;
ALTER TABLE articles DROP COLUMN url; DROP TRIGGER articles_delete_tags;
DROP TABLE tags; DROP TABLE article_tags; DROP TABLE removed; DROP TABLE searches;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, source, body,
  content='articles_fts_content', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3');
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
DROP TRIGGER article_days_insert; DROP TRIGGER article_days_delete;
	DROP TRIGGER article_days_update; DROP VIEW article_days_put; DROP TABLE article_days;
	PRAGMA user_version = 4;"
is "the store is at schema 4" "$(sqlite3 "$db" 'PRAGMA user_version')" 4

"$FOLIO" --db "$db" list >/dev/null 2>"$TMP/err"; rc=$?
is "a command that only reads does not upgrade it (exit 3)" "$rc" 3
like "  and says how to" "$(cat "$TMP/err")" "older folio \\(schema 4\\)"

"$FOLIO" --db "$db" import "$top_srcdir"/tests/data/articles/harbor-ferry.txt >"$TMP/out" 2>"$TMP/err"; rc=$?
is "an import upgrades it (exit 0)" "$rc" 0
like "  saying so first" "$(cat "$TMP/err")" "upgrading the search index of $n articles"
like "  and changes no article" "$(cat "$TMP/out")" "^imported 0 new, 0 updated, 1 unchanged, 0 skipped$"
is "the store is at the latest schema (9)" "$(sqlite3 "$db" 'PRAGMA user_version')" 9
is "  with every article's day for timelines" \
	"$(sqlite3 "$db" "SELECT sum(length(replace(days, ' ', ''))) / 10 FROM article_days")" "$n"
is "  with the indexes of the lists by title" \
	"$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name LIKE 'articles_by%title'")" 2
is "  its index has no prefix index" \
	"$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts' AND sql LIKE '%prefix=%'")" 0
snapshot >"$TMP/after"
is "every article and every search is as it was" "$(diff "$TMP/before" "$TMP/after")" ""
ok "  (and the searches found something)" test "$(grep -c . "$TMP/after")" -gt $((n + 20))
"$FOLIO" --db "$db" check >"$TMP/out" 2>&1; rc=$?
is "folio check passes on the upgraded store" "$rc" 0
is "the index matches the articles" \
	"$(sqlite3 "$db" "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)" 2>&1)" ""
done_testing
