/*
 * store_organise: what a reader does to many articles at once: mark a
 * whole source (or the store, or a set) read or unread, delete articles
 * for good (their files remembered so an import leaves them out), tags,
 * and saved searches.  These are rare, user-paced writes, so each
 * prepares its statements when called rather than keeping them.
 */
#include "folio/folio.h"

#include <inttypes.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

/* Run sql with the int64 ?1 and text ?2 bound (either unused when the SQL has none). */
static int exec_bound(struct folio_store *st, const char *sql, int64_t a, const char *b,
                      const char *doing, int64_t *changes, char **err)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return st_fail(st, rc, doing, err);
	int params = sqlite3_bind_parameter_count(s);
	if ((params >= 1 && sqlite3_bind_int64(s, 1, a) != SQLITE_OK) ||
	    (params >= 2 && st_bind_text(s, 2, b) != SQLITE_OK)) {
		rc = sqlite3_errcode(st->db);
		sqlite3_finalize(s);
		return st_fail(st, rc, doing, err);
	}
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return st_fail(st, rc, doing, err);
	if (changes)
		*changes += sqlite3_changes(st->db);
	return 0;
}

static int begin(struct folio_store *st, const char *doing, char **err)
{
	if (st_writable(st, doing, err) != 0)
		return -1;
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : st_fail(st, rc, doing, err);
}

static int end(struct folio_store *st, int rc, const char *doing, char **err)
{
	if (rc == 0) {
		int c = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		if (c == SQLITE_OK)
			return 0;
		rc = st_fail(st, c, doing, err);
	}
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int folio_store_mark_source(struct folio_store *st, int64_t source_id, bool read,
                            int64_t *changed, char **err)
{
	static const char *const sql[2][2] = {
		{ "UPDATE articles SET read = 0 WHERE read <> 0",
		  "UPDATE articles SET read = 1 WHERE read = 0" },
		{ "UPDATE articles SET read = 0 WHERE source_id = ?1 AND read <> 0",
		  "UPDATE articles SET read = 1 WHERE source_id = ?1 AND read = 0" },
	};
	*changed = 0;
	if (begin(st, "mark articles", err) != 0)
		return -1;
	int rc = exec_bound(st, sql[source_id != 0][read], source_id, NULL, "mark articles", changed,
	                    err);
	return end(st, rc, "mark articles", err);
}

int folio_store_mark_ids(struct folio_store *st, const int64_t *ids, size_t n, bool read,
                         int64_t *changed, char **err)
{
	*changed = 0;
	if (begin(st, "mark articles", err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = exec_bound(st, read ? "UPDATE articles SET read = 1 WHERE id = ?1 AND read = 0"
		                         : "UPDATE articles SET read = 0 WHERE id = ?1 AND read <> 0",
		                ids[i], NULL, "mark articles", changed, err);
	return end(st, rc, "mark articles", err);
}

int folio_store_delete(struct folio_store *st, const int64_t *ids, size_t n, int64_t *deleted,
                       char **err)
{
	*deleted = 0;
	if (begin(st, "delete articles", err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		/* the file is remembered first ("-", standard input, is no file) */
		rc = exec_bound(st, "INSERT OR IGNORE INTO removed(path) SELECT path FROM articles"
		                    " WHERE id = ?1 AND path <> CAST('-' AS BLOB)",
		                ids[i], NULL, "delete articles", NULL, err);
		int64_t source = 0;
		if (rc == 0) {
			sqlite3_stmt *s;
			if (sqlite3_prepare_v2(st->db, "SELECT source_id FROM articles WHERE id = ?1", -1,
			                       &s, NULL) == SQLITE_OK) {
				sqlite3_bind_int64(s, 1, ids[i]);
				if (sqlite3_step(s) == SQLITE_ROW)
					source = sqlite3_column_int64(s, 0);
				sqlite3_finalize(s);
			}
		}
		if (rc == 0)
			rc = exec_bound(st, "DELETE FROM articles WHERE id = ?1", ids[i], NULL,
			                "delete articles", deleted, err);
		if (rc == 0 && source)
			rc = exec_bound(st, "DELETE FROM sources WHERE id = ?1 AND total = 0", source, NULL,
			                "delete articles", NULL, err);
	}
	return end(st, rc, "delete articles", err);
}

int folio_store_tag(struct folio_store *st, const int64_t *ids, size_t n, const char *name,
                    bool add, int64_t *changed, char **err)
{
	*changed = 0;
	if (begin(st, "tag articles", err) != 0)
		return -1;
	int rc = add ? exec_bound(st, "INSERT OR IGNORE INTO tags(name) VALUES (?2)", 0, name,
	                          "tag articles", NULL, err)
	             : 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = exec_bound(st,
		                add ? "INSERT OR IGNORE INTO article_tags(tag_id, article_id)"
		                      " SELECT t.id, a.id FROM tags AS t, articles AS a"
		                      " WHERE t.name = ?2 AND a.id = ?1"
		                    : "DELETE FROM article_tags WHERE article_id = ?1"
		                      " AND tag_id = (SELECT id FROM tags WHERE name = ?2)",
		                ids[i], name, "tag articles", changed, err);
	/* a tag no article has any more is forgotten */
	if (rc == 0)
		rc = exec_bound(st, "DELETE FROM tags WHERE name = ?2 AND NOT EXISTS"
		                    " (SELECT 1 FROM article_tags WHERE tag_id = tags.id)",
		                0, name, "tag articles", NULL, err);
	return end(st, rc, "tag articles", err);
}

static bool read_tag_row(sqlite3_stmt *s, void *item)
{
	struct folio_tag_row *r = item;
	const unsigned char *name = sqlite3_column_text(s, 0);
	r->name = strdup(name ? (const char *)name : "");
	r->count = sqlite3_column_int64(s, 1);
	return r->name != NULL;
}

static int read_tags(struct folio_store *st, const char *sql, int64_t id,
                     struct folio_tag_row **rows, size_t *n, char **err)
{
	sqlite3_stmt *s;
	void *items = NULL;
	*rows = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return st_fail(st, rc, "read tags", err);
	if (sqlite3_bind_parameter_count(s) >= 1)
		sqlite3_bind_int64(s, 1, id);
	rc = st_read_rows(s, SIZE_MAX, sizeof **rows, read_tag_row, &items, n);
	sqlite3_finalize(s);
	*rows = items;
	if (rc != SQLITE_DONE) {
		folio_store_tags_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return st_fail(st, rc, "read tags", err);
	}
	return 0;
}

int folio_store_tags(struct folio_store *st, struct folio_tag_row **rows, size_t *n, char **err)
{
	return read_tags(st, "SELECT t.name, count(*) FROM tags AS t"
	                     " JOIN article_tags AS at ON at.tag_id = t.id"
	                     " GROUP BY t.id ORDER BY t.name",
	                 0, rows, n, err);
}

int folio_store_tags_of(struct folio_store *st, int64_t id, struct folio_tag_row **rows,
                        size_t *n, char **err)
{
	return read_tags(st, "SELECT t.name, 1 FROM article_tags AS at"
	                     " JOIN tags AS t ON t.id = at.tag_id WHERE at.article_id = ?1"
	                     " ORDER BY t.name",
	                 id, rows, n, err);
}

void folio_store_tags_free(struct folio_tag_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

/* ---- saved searches ---- */

int folio_store_save_search(struct folio_store *st, const char *name, const char *query,
                            char **err)
{
	if (begin(st, "save a search", err) != 0)
		return -1;
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db,
	                            "INSERT INTO searches(name, query) VALUES (?1, ?2)"
	                            " ON CONFLICT(name) DO UPDATE SET name = ?1, query = ?2",
	                            -1, &s, NULL);
	if (rc == SQLITE_OK) {
		if (st_bind_text(s, 1, name) != SQLITE_OK || st_bind_text(s, 2, query) != SQLITE_OK)
			rc = sqlite3_errcode(st->db);
		else if ((rc = sqlite3_step(s)) == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_finalize(s);
	}
	return end(st, rc == SQLITE_OK ? 0 : st_fail(st, rc, "save a search", err), "save a search",
	           err);
}

int folio_store_forget_search(struct folio_store *st, const char *name, bool *found,
                              char **err)
{
	int64_t changes = 0;
	*found = false;
	if (begin(st, "forget a search", err) != 0)
		return -1;
	int rc = exec_bound(st, "DELETE FROM searches WHERE name = ?2", 0, name, "forget a search",
	                    &changes, err);
	*found = rc == 0 && changes > 0;
	return end(st, rc, "forget a search", err);
}

void folio_store_saved_searches_free(struct folio_saved_search *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].query);
	}
	free(rows);
}

static bool read_saved_row(sqlite3_stmt *s, void *item)
{
	struct folio_saved_search *r = item;
	const unsigned char *name = sqlite3_column_text(s, 0), *query = sqlite3_column_text(s, 1);
	r->name = strdup(name ? (const char *)name : "");
	r->query = strdup(query ? (const char *)query : "");
	return r->name && r->query;
}

int folio_store_saved_searches(struct folio_store *st, struct folio_saved_search **rows,
                               size_t *n, char **err)
{
	sqlite3_stmt *s;
	void *items = NULL;
	*rows = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(st->db, "SELECT name, query FROM searches ORDER BY name", -1,
	                            &s, NULL);
	if (rc != SQLITE_OK)
		return st_fail(st, rc, "read saved searches", err);
	rc = st_read_rows(s, SIZE_MAX, sizeof **rows, read_saved_row, &items, n);
	sqlite3_finalize(s);
	*rows = items;
	if (rc != SQLITE_DONE) {
		folio_store_saved_searches_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return st_fail(st, rc, "read saved searches", err);
	}
	return 0;
}
