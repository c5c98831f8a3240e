/*
 * test_store_fts: the full-text index is written at commit (schema 2), not
 * row by row, and has prefix indexes (schema 3).  These tests check what that could break: an article added and
 * changed in one batch, an indexed article changed or deleted, a failed
 * article or a failed commit, reads in the middle of a batch, and the upgrade
 * of a store written by schema 1 (tests/data/stores/v1-three-articles.db,
 * made by folio 0.1.0 before the change), including one that fails, and
 * what the upgrade tells the user before it rebuilds the index.
 * After each step SQLite's own FTS5 integrity check compares the index with
 * the articles, as tests/fault does.
 */
#include <config.h>

#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "tap.h"
#include "tmpdir.h"

/* Run sql on a connection of its own; NULL when it worked, else SQLite's message (malloc'd). */
static char *raw_try(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL, *copy = NULL;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		copy = strdup(sqlite3_errmsg(db));
	else if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		copy = strdup(msg ? msg : "failed");
	sqlite3_free(msg);
	sqlite3_close(db);
	return copy;
}

static void raw_exec(const char *path, const char *sql)
{
	char *msg = raw_try(path, sql);
	if (msg) {
		fprintf(stderr, "raw_exec %s: %s\n", sql, msg);
		abort();
	}
}

/* One integer from a raw query, or -1. */
static long long raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

/* The index holds exactly the articles: FTS5's check against its content, and nothing pending. */
static void consistent(const char *path, const char *when)
{
	char *msg = raw_try(path, "INSERT INTO articles_fts(articles_fts, rank)"
	                          " VALUES('integrity-check', 1);");
	ok(msg == NULL, "%s: the index matches the articles (%s)", when, msg ? msg : "ok");
	free(msg);
	is_int(raw_int(path, "SELECT (SELECT count(*) FROM articles_fts_pending) +"
	                     " (SELECT count(*) FROM articles_fts_batch)"), 0,
	       "%s: nothing left pending", when);
}

static struct folio_article art(const char *source, const char *title, const char *body)
{
	return (struct folio_article){.source = (char *)source, .title = (char *)title,
	                              .date = (char *)"2024-03-01", .body = (char *)body};
}

static int put(struct folio_store *st, struct folio_article a, const char *path)
{
	enum folio_put_result got = (enum folio_put_result)-1;
	char *err = NULL;
	int rc = folio_store_put(st, &a, path, &got, &err);
	free(err);
	return rc == 0 ? (int)got : -1;
}

/* How many articles a search for word finds. */
static long long hits(struct folio_store *st, const char *word)
{
	struct folio_hit *h;
	size_t n;
	if (folio_store_search(st, &(struct folio_search_opts){ .match = word, .limit = 50 }, &h, &n, NULL) != 0)
		return -1;
	folio_store_hits_free(h, n);
	return (long long)n;
}

static void test_batch(const char *path)
{
	struct folio_store *st;
	char *err = NULL;

	if (folio_store_open(path, FOLIO_STORE_CREATE, &st, &err) != 0) {
		ok(0, "create a store: %s", err ? err : "");
		free(err);
		return;
	}
	is_int(put(st, art("Gazette", "Kept", "steadfast words"), "/b/kept.txt"), FOLIO_PUT_NEW,
	       "an article outside a batch");
	is_int(hits(st, "steadfast"), 1, "outside a batch, put indexes at once");
	consistent(path, "one article");

	ok(folio_store_begin(st, NULL) == 0, "begin a batch");
	is_int(put(st, art("Gazette", "First", "marmalade draft"), "/b/one.txt"), FOLIO_PUT_NEW,
	       "a new article in the batch");
	is_int(put(st, art("Gazette", "First", "marmalade draft"), "/b/copy.txt"),
	       FOLIO_PUT_UNCHANGED, "the same text again in the batch is found by its hash");
	is_int(put(st, art("Gazette", "First", "quince final"), "/b/one.txt"), FOLIO_PUT_UPDATED,
	       "and changing it at the same path in the batch updates it");
	is_int(put(st, art("Gazette", "Kept", "steadfast revised gooseberry"), "/b/kept.txt"),
	       FOLIO_PUT_UPDATED, "an indexed article changed in the batch");
	is_int(hits(st, "quince"), 0, "a search inside the batch does not see it yet");
	ok(folio_store_commit(st, &err) == 0, "commit: %s", err ? err : "ok");
	free(err);
	err = NULL;
	is_int(hits(st, "quince"), 1, "after the commit the new text is found");
	is_int(hits(st, "marmalade"), 0, "the text it replaced in the batch is not");
	is_int(hits(st, "gooseberry"), 1, "the changed article's new text is found");
	is_int(hits(st, "steadfast"), 1, "once");
	is_int(hits(st, "words"), 0, "and its old text is gone");
	consistent(path, "a batch with updates");

	/* A failing article rolls back alone; the rest of the batch is indexed. */
	raw_exec(path, "CREATE TRIGGER test_poison BEFORE INSERT ON articles"
	               " WHEN new.title = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;");
	ok(folio_store_begin(st, NULL) == 0, "begin a batch with a bad article");
	is_int(put(st, art("Gazette", "poison", "nightshade"), "/b/bad.txt"), -1,
	       "the bad article fails");
	is_int(put(st, art("Gazette", "Good", "elderflower"), "/b/good.txt"), FOLIO_PUT_NEW,
	       "the next one is stored");
	ok(folio_store_commit(st, NULL) == 0, "and the batch commits");
	is_int(hits(st, "nightshade"), 0, "nothing of the bad article is indexed");
	is_int(hits(st, "elderflower"), 1, "the good one is");
	consistent(path, "a batch with a failed article");
	raw_exec(path, "DROP TRIGGER test_poison;");

	/* A commit that fails after indexing leaves neither articles nor index entries. */
	raw_exec(path, "CREATE TRIGGER test_no_clear BEFORE DELETE ON articles_fts_pending"
	               " BEGIN SELECT RAISE(ABORT, 'cannot clear'); END;");
	ok(folio_store_begin(st, NULL) == 0, "begin a batch that cannot commit");
	is_int(put(st, art("Gazette", "Lost", "hawthorn"), "/b/lost.txt"), FOLIO_PUT_NEW,
	       "an article in it");
	is_int(put(st, art("Gazette", "Kept", "steadfast third lilac"), "/b/kept.txt"),
	       FOLIO_PUT_UPDATED, "and an update");
	is_int(folio_store_commit(st, &err), -1, "the commit fails");
	ok(err && strstr(err, "cannot clear"), "saying why: %s", err ? err : "");
	free(err);
	err = NULL;
	folio_store_rollback(st);
	raw_exec(path, "DROP TRIGGER test_no_clear;");
	is_int(hits(st, "hawthorn"), 0, "the new article is not indexed");
	is_int(hits(st, "lilac"), 0, "nor the update");
	is_int(hits(st, "gooseberry"), 1, "the text before the batch is still found");
	is_int(raw_int(path, "SELECT count(*) FROM articles"
	                     " WHERE path = CAST('/b/lost.txt' AS BLOB)"), 0,
	       "and the article is not stored");
	consistent(path, "after a failed commit");

	/* Another program writing to the store: its changes are indexed at once.
	 * (File names are BLOBs, schema step 4, so it compares them as such.) */
	folio_store_close(st);
	raw_exec(path, "DELETE FROM articles WHERE path = CAST('/b/good.txt' AS BLOB);");
	consistent(path, "after another program deletes");
	raw_exec(path, "UPDATE articles SET body = 'steadfast mulberry'"
	               "  WHERE path = CAST('/b/kept.txt' AS BLOB);"
	               "INSERT INTO articles(source_id, title, body, path, hash, imported_at)"
	               "  SELECT source_id, 'Raw', 'sloe', '/b/raw.txt', X'00', 0 FROM articles"
	               "  WHERE path = CAST('/b/kept.txt' AS BLOB);");
	consistent(path, "after another program updates and inserts");
	ok(folio_store_open(path, FOLIO_STORE_READONLY, &st, NULL) == 0, "reopen read-only");
	is_int(hits(st, "elderflower"), 0, "the deleted article is not found");
	is_int(hits(st, "mulberry"), 1, "the other program's update is");
	is_int(hits(st, "gooseberry"), 0, "and not the text it replaced");
	is_int(hits(st, "sloe"), 1, "and its new article");
	folio_store_close(st);
}

static bool copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
	char buf[8192];
	size_t n;
	bool good = in && out;
	while (good && (n = fread(buf, 1, sizeof buf, in)) > 0)
		good = fwrite(buf, 1, n, out) == n;
	good = good && !ferror(in);
	if (out && fclose(out) != 0)
		good = false;
	if (in)
		fclose(in);
	return good;
}

static int notices;
static char last_notice[256];
static char all_notices[1024];

static void heard(const char *message)
{
	notices++;
	snprintf(last_notice, sizeof last_notice, "%s", message);
	size_t used = strlen(all_notices);
	snprintf(all_notices + used, sizeof all_notices - used, "%s\n", message);
}

/* A new store: no rebuild to speak of, and prefix queries of any length. */
static void test_new_store(const char *path)
{
	struct folio_store *st = NULL;
	notices = 0;
	folio_store_set_notice(heard);
	ok(folio_store_open(path, FOLIO_STORE_CREATE, &st, NULL) == 0, "a new store");
	folio_store_set_notice(NULL);
	is_int(notices, 0, "is made without a word about upgrading");
	if (!st)
		return;
	is_int(raw_int(path, "SELECT v FROM articles_fts_config WHERE k = 'automerge'"), 16,
	       "its index merges 16 segments at a time");
	ok(folio_store_begin(st, NULL) == 0, "a batch");
	put(st, art("Gazette", "Rhubarb", "the reassuring rhythm of rain"), "/p/r.txt");
	put(st, art("Gazette", "Quince", "quiet quays"), "/p/q.txt");
	ok(folio_store_commit(st, NULL) == 0, "commits");
	is_int(hits(st, "r*"), 1, "one character");
	is_int(hits(st, "rh*"), 1, "two, from the prefix index");
	is_int(hits(st, "rea*"), 1, "three, from the prefix index");
	is_int(hits(st, "reas*"), 1, "four, from the words");
	is_int(hits(st, "q*"), 1, "another article");
	is_int(hits(st, "qz*"), 0, "no word so");
	consistent(path, "the new store");
	folio_store_close(st);
}

static void test_upgrade(const char *fixture)
{
	char *path = path_in("v1.db"), *failing = path_in("v1-failing.db");
	struct folio_store *st = NULL;
	char *err = NULL;

	if (!copy_file(fixture, path) || !copy_file(fixture, failing)) {
		ok(0, "copy the schema 1 store %s", fixture);
		free(path), free(failing);
		return;
	}
	is_int(raw_int(path, "PRAGMA user_version"), 1, "the fixture has schema 1");

	/* Read-only commands never upgrade: they say how to. */
	is_int(folio_store_open(path, FOLIO_STORE_READONLY, &st, &err), -1,
	       "an older store opened read-only is refused");
	ok(err && strstr(err, "older folio (schema 1)") && strstr(err, "import into it"),
	   "saying how to upgrade it: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(raw_int(path, "PRAGMA user_version"), 1, "and it is left at schema 1");

	/* Something in the way of step 2: the upgrade fails and leaves schema 1. */
	raw_exec(failing, "CREATE TABLE articles_fts_pending (x);");
	is_int(folio_store_open(failing, 0, &st, &err), -1, "an upgrade that fails");
	ok(err && strstr(err, "upgrade"), "says so: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(raw_int(failing, "PRAGMA user_version"), 1, "the store is still schema 1");
	is_int(raw_int(failing, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_insert'"
	                        " AND sql LIKE '%INSERT INTO articles_fts(rowid%'"), 1,
	       "with its schema 1 triggers");
	is_int(raw_int(failing, "SELECT count(*) FROM articles"), 3, "and its articles");
	/* A later step failing undoes the earlier ones: all steps are one transaction,
	 * so no other folio ever sees a store between two schemas. */
	char *later = path_in("v1-later-failing.db");
	if (copy_file(fixture, later)) {
		raw_exec(later, "DROP TABLE articles_fts;"); /* step 3 drops it: now it cannot */
		is_int(folio_store_open(later, 0, &st, NULL), -1, "an upgrade failing at step 3");
		is_int(raw_int(later, "PRAGMA user_version"), 1, "leaves schema 1, not 2");
		is_int(raw_int(later, "SELECT count(*) FROM sqlite_master"
		                      " WHERE name = 'articles_fts_pending'"), 0, "nor any of step 2");
	}
	free(later);
	raw_exec(failing, "DROP TABLE articles_fts_pending;");
	ok(folio_store_open(failing, 0, &st, NULL) == 0, "once cleared, it upgrades");
	folio_store_close(st);
	st = NULL;
	is_int(raw_int(failing, "PRAGMA user_version"), FOLIO_STORE_SCHEMA, "to the latest schema");

	notices = 0;
	all_notices[0] = '\0';
	folio_store_set_notice(heard);
	ok(folio_store_open(path, 0, &st, &err) == 0, "open the schema 1 store: %s",
	   err ? err : "ok");
	folio_store_set_notice(NULL);
	free(err);
	if (!st)
		goto done;
	is_int(raw_int(path, "PRAGMA user_version"), FOLIO_STORE_SCHEMA, "it is upgraded to the latest schema");
	is_int(raw_int(path, "SELECT count(*) FROM articles WHERE typeof(path) <> 'blob'"), 0,
	       "its file names are now bytes (step 4)");
	is_int(notices, 2, "the user is told once before the index is rebuilt (though steps 3 "
	       "and 6 both rebuild it), once before the file names are rewritten");
	ok(strstr(all_notices, "search index of 3 articles") != NULL, "with the count: %s",
	   all_notices);
	ok(strstr(last_notice, "file names of 3 articles") != NULL, "both times: %s", last_notice);
	is_int(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'"
	                     " AND sql LIKE '%prefix=%'"), 0,
	       "the index has no prefix indexes (schema 6)");
	is_int(hits(st, "allot*"), 1, "a prefix longer than the indexed ones is found");
	is_int(hits(st, "al*"), 3, "and one of two characters, in all three");
	consistent(path, "after the upgrade");
	is_int(hits(st, "storm"), 1, "its articles are still found");
	is_int(hits(st, "allotment"), 1, "all of them");
	ok(folio_store_begin(st, NULL) == 0, "a batch in the upgraded store");
	is_int(put(st, art("Gazette", "New", "rhubarb"), "/u/new.txt"), FOLIO_PUT_NEW, "a new article");
	is_int(put(st, art("Gazette", "Changed", "damson"), "articles/allotment-water.txt"),
	       FOLIO_PUT_UPDATED, "an article indexed by schema 1, changed");
	ok(folio_store_commit(st, NULL) == 0, "commits");
	is_int(hits(st, "rhubarb"), 1, "the new article is found");
	is_int(hits(st, "damson"), 1, "the changed one by its new text");
	is_int(hits(st, "allotment"), 0, "and not by its old text");
	is_int(hits(st, "storm"), 1, "the others are untouched");
	consistent(path, "after writing to the upgraded store");
	folio_store_close(st);
done:
	free(path), free(failing);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	char *path, *fixture;

	if (tmpdir_make("store-fts") != 0)
		return 1;
	if (asprintf(&fixture, "%s/tests/data/stores/v1-three-articles.db", top ? top : ".") < 0)
		abort();
	path = path_in("batch.db");
	test_batch(path);
	test_upgrade(fixture);
	free(path);
	path = path_in("new.db");
	test_new_store(path);
	free(path), free(fixture);
	tmpdir_remove();
	return tap_done();
}
