/*
 * store_near: stories (near-duplicate articles linked at import), and the
 * reads built on them.
 *
 * Linking (issue 19; folio/near.h for the test, schema step 5 for the
 * tables): a new article's signature gives 16 band keys; each key is one
 * seek in near_bands, returning at most CANDIDATES_PER_BAND articles (the
 * latest), so a key shared by thousands of articles (a wire's legal
 * boilerplate on a short page) costs no more than a rare one.  Each
 * candidate's packed signature is read by its id and compared; the most
 * similar at or above FOLIO_NEAR_THRESHOLD gives its story.  At most 16
 * band rows, one signature and one copies row are written an article.
 */
#include "folio/folio.h"

#include <inttypes.h>

#include <sqlite3.h>

#include "folio/near.h"
#include "folio/store.h"
#include "store_internal.h"

#define CANDIDATES_PER_BAND 8 /* the LIMIT of N_BAND_FIND */

static const char *const near_sql[N_COUNT_OF_STMTS] = {
	[N_BAND_FIND] = "SELECT article FROM near_bands WHERE key = ?1"
	                " ORDER BY article DESC LIMIT 8",
	[N_BAND_ADD] = "INSERT OR IGNORE INTO near_bands(key, article) VALUES (?1, ?2)",
	[N_SIG_GET] = "SELECT n.sig, coalesce(c.story, n.article) FROM near_sigs AS n"
	              " LEFT JOIN copies AS c ON c.article = n.article WHERE n.article = ?1",
	[N_SIG_PUT] = "INSERT OR REPLACE INTO near_sigs(article, sig) VALUES (?1, ?2)",
	[N_COPY_PUT] = "INSERT OR REPLACE INTO copies(article, story) VALUES (?1, ?2)",
	[N_COPY_DROP] = "DELETE FROM copies WHERE article = ?1",
	[N_COPY_MOVE] = "UPDATE copies SET story = ?2 WHERE story = ?1",
	[N_STORY_OF] = "SELECT t.story, 1 + (SELECT count(*) FROM copies WHERE story = t.story)"
	               " FROM (SELECT coalesce((SELECT story FROM copies WHERE article = ?1), ?1)"
	               " AS story) AS t",
	/* articles hidden from a list of one article a story: each story's members there but one */
	[N_HIDDEN_ALL] = "SELECT count(*) FROM copies",
	[N_HIDDEN_SOURCE] = "SELECT coalesce(sum(k - 1), 0) FROM (SELECT count(*) AS k FROM"
	                    " (SELECT article AS id, story FROM copies UNION ALL"
	                    " SELECT DISTINCT story, story FROM copies) AS m"
	                    " CROSS JOIN articles AS a ON a.id = m.id WHERE a.source_id = ?1"
	                    " GROUP BY m.story)",
	[N_STORY_MEMBERS] = "SELECT a.id, a.date, s.name, a.title, a.read, a.flagged"
	                    " FROM articles AS a JOIN sources AS s ON s.id = a.source_id"
	                    " WHERE a.id = ?1"
	                    " UNION ALL"
	                    " SELECT a.id, a.date, s.name, a.title, a.read, a.flagged"
	                    " FROM copies AS c JOIN articles AS a ON a.id = c.article"
	                    " JOIN sources AS s ON s.id = a.source_id WHERE c.story = ?1",
};

static sqlite3_stmt *near_stmt(struct folio_store *st, enum near_stmt_id id, char **err)
{
	sqlite3_stmt *s = st_prepare(st, &st->near[id], near_sql[id], err);
	if (s)
		sqlite3_reset(s);
	return s;
}

/* Run a statement of two integer parameters that returns no rows. */
static int run2(struct folio_store *st, enum near_stmt_id id, int64_t a, int64_t b,
                const char *doing, char **err)
{
	sqlite3_stmt *s = near_stmt(st, id, err);
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, a) != SQLITE_OK ||
	    (sqlite3_bind_parameter_count(s) >= 2 && sqlite3_bind_int64(s, 2, b) != SQLITE_OK))
		return st_fail(st, sqlite3_errcode(st->db), doing, err);
	int rc = st_step_one(st, s, doing, err);
	sqlite3_reset(s);
	return rc == 0 ? 0 : -1;
}

/* The story of the most similar signed article at or above the threshold, or 0. */
static int best_story(struct folio_store *st, int64_t id, const int64_t keys[FOLIO_NEAR_BANDS],
                      const unsigned char *packed, int64_t *story, char **err)
{
	int64_t seen[FOLIO_NEAR_BANDS * CANDIDATES_PER_BAND];
	size_t nseen = 0;
	double best = 0.0;
	sqlite3_stmt *find = near_stmt(st, N_BAND_FIND, err), *get = near_stmt(st, N_SIG_GET, err);
	const char *doing = "link an article to its story";

	*story = 0;
	if (!find || !get)
		return -1;
	for (int b = 0; b < FOLIO_NEAR_BANDS; b++) {
		int rc;
		if (sqlite3_bind_int64(find, 1, keys[b]) != SQLITE_OK)
			return st_fail(st, sqlite3_errcode(st->db), doing, err);
		while ((rc = sqlite3_step(find)) == SQLITE_ROW) {
			int64_t other = sqlite3_column_int64(find, 0);
			bool dup = other == id;
			for (size_t i = 0; i < nseen && !dup; i++)
				dup = seen[i] == other;
			if (!dup && nseen < sizeof seen / sizeof seen[0])
				seen[nseen++] = other;
		}
		sqlite3_reset(find);
		if (rc != SQLITE_DONE)
			return st_fail(st, rc, doing, err);
	}
	for (size_t i = 0; i < nseen; i++) {
		if (sqlite3_bind_int64(get, 1, seen[i]) != SQLITE_OK)
			return st_fail(st, sqlite3_errcode(st->db), doing, err);
		int found = st_step_one(st, get, doing, err);
		if (found < 0)
			return -1;
		if (found && sqlite3_column_bytes(get, 0) == FOLIO_NEAR_PACKED) {
			double sim = folio_near_similarity(sqlite3_column_blob(get, 0), packed);
			int64_t theirs = sqlite3_column_int64(get, 1);
			if (sim >= FOLIO_NEAR_THRESHOLD && theirs != id &&
			    (sim > best || (sim == best && theirs < *story))) {
				best = sim;
				*story = theirs;
			}
		}
		sqlite3_reset(get);
	}
	return 0;
}

int st_near_link(struct folio_store *st, int64_t id, const char *body, bool replaced,
                 char **err)
{
	struct folio_near sig;
	int64_t keys[FOLIO_NEAR_BANDS], story = 0;
	unsigned char packed[FOLIO_NEAR_PACKED];
	const char *doing = "link an article to its story";

	/* A replaced article is linked afresh; its old band rows stay, found but not matched. */
	if (replaced && run2(st, N_COPY_DROP, id, 0, doing, err) != 0)
		return -1;
	if (!folio_near_sign(body, &sig))
		return 0;
	folio_near_bands(&sig, keys);
	folio_near_pack(&sig, packed);
	if (best_story(st, id, keys, packed, &story, err) != 0)
		return -1;
	if (story && (run2(st, N_COPY_PUT, id, story, doing, err) != 0 ||
	              (replaced && run2(st, N_COPY_MOVE, id, story, doing, err) != 0)))
		return -1;

	sqlite3_stmt *s = near_stmt(st, N_SIG_PUT, err);
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK ||
	    sqlite3_bind_blob(s, 2, packed, FOLIO_NEAR_PACKED, SQLITE_STATIC) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), doing, err);
	int rc = st_step_one(st, s, doing, err);
	sqlite3_reset(s);
	if (rc != 0)
		return -1;
	for (int b = 0; b < FOLIO_NEAR_BANDS; b++)
		if (run2(st, N_BAND_ADD, keys[b], id, doing, err) != 0)
			return -1;
	return 0;
}

/* ---- reading stories ---------------------------------------------------- */

int folio_store_story(struct folio_store *st, int64_t id, int64_t *story, int64_t *size,
                      char **err)
{
	sqlite3_stmt *s = near_stmt(st, N_STORY_OF, err);
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "find a story", err);
	int found = st_step_one(st, s, "find a story", err);
	if (found > 0) {
		*story = sqlite3_column_int64(s, 0);
		*size = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return found > 0 ? 0 : -1;
}

int folio_store_list_count(struct folio_store *st, int64_t source_id, int64_t *count, char **err)
{
	const char *doing = "count a list";
	sqlite3_stmt *s = st->stories ? near_stmt(st, source_id ? N_HIDDEN_SOURCE : N_HIDDEN_ALL, err)
	                              : NULL;
	int64_t total = 0, unread = 0, hidden = 0;
	int found = 1;
	*count = 0;
	if (st->stories && !s)
		return -1;
	if (s && source_id && sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), doing, err);
	if (s && (found = st_step_one(st, s, doing, err)) > 0)
		hidden = sqlite3_column_int64(s, 0);
	if (s)
		sqlite3_reset(s);
	if (found <= 0)
		return -1;
	if (!source_id) {
		if (folio_store_totals(st, &total, &unread, err) != 0)
			return -1;
	} else {
		struct folio_source_row *rows;
		size_t n;
		if (folio_store_sources(st, &rows, &n, err) != 0)
			return -1;
		for (size_t i = 0; i < n; i++)
			if (rows[i].id == source_id)
				total = rows[i].total;
		folio_store_sources_free(rows, n);
	}
	*count = total - hidden;
	return 0;
}

int folio_store_story_rows(struct folio_store *st, int64_t story, struct folio_list_row **rows,
                           size_t *n, char **err)
{
	sqlite3_stmt *s = near_stmt(st, N_STORY_MEMBERS, err);
	void *items = NULL;
	*rows = NULL;
	*n = 0;
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, story) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "list a story's copies", err);
	int rc = st_read_rows(s, SIZE_MAX, sizeof **rows, st_read_list_row, &items, n);
	*rows = items;
	if (rc != SQLITE_DONE) {
		folio_store_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return st_fail(st, rc, "list a story's copies", err);
	}
	return 0;
}
