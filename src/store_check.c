/*
 * store_check: `folio check`, the whole store read and checked for damage.
 *
 * SQLite's integrity check reads every page and every index; FTS5's
 * integrity-check compares the full-text index with the articles it is
 * built from (rank 1: against the content too); the per-source counts the
 * triggers keep are compared with a count of the articles, and so are the
 * days kept for timelines; and a committed
 * store must hold no article waiting to be indexed.  Every part runs even
 * when an earlier one found damage: a part that cannot be read is itself
 * a problem to report, never a reason to stop.
 */
#include "folio/folio.h"

#include <inttypes.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

/* Lines of SQLite's integrity check worth printing: past these, more says nothing new. */
#define INTEGRITY_LINES 100

struct check {
	folio_store_check_fn *fn;
	void *ctx;
	size_t problems;
};

static void problem(struct check *c, const char *part, const char *text)
{
	c->problems++;
	c->fn(c->ctx, part, FOLIO_CHECK_PROBLEM, text);
}

/* Each row of sql is a problem (its first column says which), unless it says fine. */
static void rows_are_problems(sqlite3 *db, struct check *c, const char *part, const char *sql,
                              const char *fine)
{
	sqlite3_stmt *s = NULL;
	size_t before = c->problems;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *text = (const char *)sqlite3_column_text(s, 0);
			if (!fine || !text || strcmp(text, fine) != 0)
				problem(c, part, text ? text : "(no text)");
		}
	}
	if (rc != SQLITE_DONE)
		problem(c, part, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	if (c->problems == before)
		c->fn(c->ctx, part, FOLIO_CHECK_OK, NULL);
}

/*
 * FTS5 runs its integrity-check as an INSERT, so it needs a connection that
 * may write (the command's is read-only) and the write lock; the
 * transaction is rolled back, and nothing is written.
 */
static int check_index(struct folio_store *st, struct check *c, char **err)
{
	static const char part[] = "search index";
	sqlite3 *db = NULL;
	struct st_waiter waiter = st->waiter;
	int rc = sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(db, 1);
		st_wait_for_writers(&waiter, db, st->path);
		rc = sqlite3_exec(db, "BEGIN; INSERT INTO articles_fts(articles_fts, rank)"
		                  " VALUES ('integrity-check', 1)", NULL, NULL, NULL);
	}
	int code = st_code_of(db, rc) & 0xff;
	if (rc == SQLITE_OK)
		c->fn(c->ctx, part, FOLIO_CHECK_OK, NULL);
	else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		problem(c, part, sqlite3_errmsg(db));
	else if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
		c->fn(c->ctx, part, FOLIO_CHECK_SKIPPED, "the store cannot be written here, and "
		      "SQLite checks a search index only with the right to write it");
	if (db)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	int failed = code != SQLITE_OK && code != SQLITE_CORRUPT && code != SQLITE_NOTADB &&
	             code != SQLITE_READONLY && code != SQLITE_CANTOPEN && code != SQLITE_PERM;
	if (failed)
		st_set_msg(err, "%s: cannot check its search index: %s", st->path,
		           db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_close(db);
	return failed ? -1 : 0;
}

/*
 * article_days (schema step 9) against the articles: each article's slot
 * holds its day, and no more slots hold an article than there are articles
 * (a slot left behind by a deleted one would be counted in timelines).
 */
static void check_days(struct folio_store *st, struct check *c)
{
	static const char part[] = "timeline days";
	sqlite3_stmt *s = NULL;
	int64_t slots = 0, articles = -1;
	int rc = sqlite3_prepare_v2(st->db, "SELECT days FROM article_days", -1, &s, NULL);
	while (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *days = (const char *)sqlite3_column_text(s, 0);
		int len = sqlite3_column_bytes(s, 0);
		for (int at = 0; days && at + DAY_SLOT <= len; at += DAY_SLOT)
			slots += days[at] != ' ';
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_reset(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_OK &&
	    sqlite3_prepare_v2(st->db, "SELECT count(*) FROM articles", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			articles = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	char text[160];
	if (articles < 0) {
		problem(c, part, sqlite3_errmsg(st->db));
		return;
	}
	if (slots != articles) {
		snprintf(text, sizeof text, "timelines have a day for %" PRId64 " articles, "
		         "but the store holds %" PRId64, slots, articles);
		problem(c, part, text);
		return;
	}
	rows_are_problems(st->db, c, part,
	                  "SELECT printf('article %d is dated \"%s\" but its day for timelines"
	                  " is \"%s\"', a.id, a.date,"
	                  " coalesce(substr(d.days, (a.id & 255) * 10 + 1, 10), ''))"
	                  " FROM articles AS a INDEXED BY articles_by_date"
	                  " LEFT JOIN article_days AS d ON d.chunk = a.id >> 8"
	                  " WHERE coalesce(substr(d.days, (a.id & 255) * 10 + 1, 10), '') <> "
	                  DAY_SLOT_OF("a.date") " LIMIT 20", NULL);
}

int folio_store_check(struct folio_store *st, folio_store_check_fn *fn, void *ctx,
                      size_t *problems, char **err)
{
	struct check c = { fn, ctx, 0 };
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA integrity_check(%d)", INTEGRITY_LINES);
	rows_are_problems(st->db, &c, "integrity", sql, "ok");
	rows_are_problems(st->db, &c, "sources",
	                  "SELECT printf('article %d names a source that is missing', rowid)"
	                  " FROM pragma_foreign_key_check('articles')", NULL);
	rows_are_problems(st->db, &c, "counts",
	                  "SELECT printf('source %s counts %d articles (%d unread) but holds %d"
	                  " (%d unread)', s.name, s.total, s.unread, count(a.id),"
	                  " coalesce(sum(a.read = 0), 0))"
	                  " FROM sources AS s LEFT JOIN articles AS a ON a.source_id = s.id"
	                  " GROUP BY s.id HAVING s.total <> count(a.id)"
	                  " OR s.unread <> coalesce(sum(a.read = 0), 0)", NULL);
	/* Schema step 2 made the list of articles an open batch has yet to index. */
	if (st->schema >= 2)
		rows_are_problems(st->db, &c, "indexing",
		                  "SELECT printf('%d articles are stored but not indexed', count(*))"
		                  " FROM articles_fts_pending HAVING count(*) > 0", NULL);
	if (st->schema >= 9)
		check_days(st, &c);
	int rc = check_index(st, &c, err);
	*problems = c.problems;
	return rc;
}
