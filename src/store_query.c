/*
 * store_query: every read of the store, and the marks a reader sets:
 * sources and totals, list pages and positions, one article, the read and
 * flagged marks, the next or previous article, full-text search and its
 * count.  It is apart from store.c (statements, writing) and store_open.c
 * (opening, schema) so that each part can be read in one sitting; all use
 * the prepared statements and the error messages declared in
 * store_internal.h.
 *
 * Lists are keyset walks over (date, id) using row-value comparisons on the
 * (source_id, date DESC, id DESC) and (date DESC, id DESC) indexes; partial
 * indexes over unread rows make "next unread" a seek, not a scan.  By title
 * they walk (title key, id) on the articles_by_title and
 * articles_by_source_title indexes, the key's own bound spelt out beside the
 * row value so the index seeks to it (SQLite 3.40 seeks no row value over
 * an indexed expression).  The walk queries differ only in a few clauses,
 * so they are built by one function and cached per variant; store_sort.c
 * puts the orders together.
 *
 * Query plans (checked by hand with EXPLAIN QUERY PLAN on SQLite 3.40, bound
 * parameters, a 5,000-article store):
 *   source page:     SEARCH s USING INTEGER PRIMARY KEY (rowid=?)
 *                    SEARCH a USING INDEX articles_by_source (source_id=? AND date<?)
 *   all-articles:    SEARCH a USING INDEX articles_by_date (date<?), then s by rowid
 *   next unread:     SEARCH a USING INDEX articles_unread_by_source (source_id=? AND date<?)
 *   position:        SEARCH a USING COVERING INDEX articles_by_source (source_id=? AND date>?)
 *   dates-only list: SEARCH a USING INDEX articles_by_date (date>? AND date<?)
 *   by title, all:   SEARCH a USING INDEX articles_by_title (<expr>>?), then s by rowid
 *   by title, source: SEARCH a USING INDEX articles_by_source_title (source_id=? AND <expr><?)
 * No SCAN articles and no TEMP B-TREE FOR ORDER BY on any list path.
 * Ranked search lets FTS5 sort by rank (SCAN articles_fts VIRTUAL TABLE
 * INDEX 32:rM4), the recent-first search walks the index backwards (INDEX
 * 192:M4), and both reach articles and sources by primary key; on a 10^5
 * store neither builds a temp B-tree.
 */
#include "folio/folio.h"

#include <assert.h>
#include <inttypes.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

#define FALLBACK_SNIPPET_CHARS 160

/* ---- statements -------------------------------------------------------- */

/* Keys beyond every real row, so "from the top" and "from the end" are walks too. */
static const char TOP_DATE[] = "~";  /* after every "YYYY-MM-DD" */
static const char BOTTOM_DATE[] = ""; /* the undated, which sort last */

/*
 * An article's place in a list by title: its title, case folded (ASCII, as
 * SQLite's NOCASE), the untitled as an empty BLOB, which sorts after every
 * text.  Spelt as the articles_by_title indexes spell it, so they serve it.
 */
#define TITLE_KEY(t) "(CASE WHEN " t ".title <> '' THEN " t ".title ELSE x'' END) COLLATE NOCASE"
/* The key of the article ?3, or ?2 (a bound beyond every row) when there is none. */
#define TITLE_KEY_OF_3 "coalesce((SELECT " TITLE_KEY("b") " FROM articles AS b WHERE b.id = ?3), ?2)"

/*
 * A keyset walk over one list.  Parameters: ?1 source id (when by_source),
 * ?2/?3 the key (date, id) to walk away from, ?4 the limit; by title, ?3
 * is the article to walk away from and ?2 a bound used when it is gone.
 * older walks toward the end of the list (newest first: descending; by
 * title: ascending), otherwise toward its top (the caller reverses).
 * WALK_COUNT counts the rows above a key.
 */
static sqlite3_stmt *walk_stmt(struct folio_store *st, enum walk_what what, bool by_source,
                               bool unread_only, bool older, bool by_title, char **err)
{
	/*
	 * One article a story (folio_store_set_stories()): a row is left out
	 * when another article of its story comes before it in the same list
	 * (the same source, when by source).  Its story's articles are the
	 * story's first (c.story) and its copies (copies_by_story): for an
	 * article of no story, two seeks that find nothing.  By title too, the
	 * story is the row of its newest article.
	 */
#define STORY_OF_A \
	" AND NOT EXISTS (SELECT 1 FROM (SELECT c.story AS m FROM copies AS c WHERE c.article = a.id" \
	" UNION ALL SELECT d.article FROM copies AS d WHERE d.story =" \
	" coalesce((SELECT e.story FROM copies AS e WHERE e.article = a.id), a.id)) AS mm" \
	" CROSS JOIN articles AS o ON o.id = mm.m WHERE (o.date, o.id) > (a.date, a.id)"
	/* CROSS JOIN: o by its id, never a walk of the source's newer articles */
	static const char *const one_a_story[2] = {
		STORY_OF_A ")",
		STORY_OF_A " AND o.source_id = a.source_id)",
	};
#undef STORY_OF_A
	static const char *const columns[WALK_WHATS] = {
		[WALK_ROWS] = "a.id, a.date, s.name, a.title, a.read, a.flagged"
		              " FROM articles AS a CROSS JOIN sources AS s ON s.id = a.source_id",
		[WALK_IDS] = "a.id FROM articles AS a",
		[WALK_COUNT] = "count(*) FROM articles AS a",
	};
	char sql[2048], key[512];
	/* newest first walks down the dates toward the end; A to Z walks up the titles */
	bool down = older != by_title;
	const char *dir = down ? "DESC" : "ASC", *cmp = down ? "<" : ">";
	bool stories = st->stories;
	size_t slot =
		(((((size_t)what * 2 + by_source) * 2 + unread_only) * 2 + older) * 2 + stories) * 2 +
		by_title;
	int len;

	assert(what < WALK_WHATS && slot < WALK_SLOTS);
	assert(what != WALK_COUNT || !older);
	if (st->walk[slot])
		return st->walk[slot];
	/* by title, the key's own bound first, so the index can seek to it */
	if (by_title)
		snprintf(key, sizeof key, TITLE_KEY("a") " %s= " TITLE_KEY_OF_3 " AND (" TITLE_KEY("a")
		         ", a.id) %s (" TITLE_KEY_OF_3 ", ?3)", cmp, cmp);
	else
		snprintf(key, sizeof key, "(a.date, a.id) %s (?2, ?3)", cmp);
	/* `read = 0` is spelt literally so the partial unread indexes apply. */
	len = snprintf(sql, sizeof sql, "SELECT %s WHERE %s%s%s%s", columns[what],
	               by_source ? "a.source_id = ?1 AND " : "",
	               unread_only ? "a.read = 0 AND " : "", key,
	               stories ? one_a_story[by_source] : "");
	if (what != WALK_COUNT && len > 0 && (size_t)len < sizeof sql)
		len += snprintf(sql + len, sizeof sql - (size_t)len,
		                by_title ? " ORDER BY " TITLE_KEY("a") " %s, a.id %s LIMIT ?4"
		                         : " ORDER BY a.date %s, a.id %s LIMIT ?4", dir, dir);
	assert(len > 0 && (size_t)len < sizeof sql);
	return st_prepare(st, &st->walk[slot], sql, err);
}

static char *dup_column(sqlite3_stmt *s, int col, bool *nomem)
{
	const unsigned char *text = sqlite3_column_text(s, col);
	char *copy;
	if (!text)
		return NULL;
	copy = strdup((const char *)text);
	if (!copy)
		*nomem = true;
	return copy;
}

void st_copy_date(char dst[11], sqlite3_stmt *s, int col)
{
	const unsigned char *text = sqlite3_column_text(s, col);
	snprintf(dst, 11, "%s", text ? (const char *)text : "");
}

/* ---- reading ----------------------------------------------------------- */

static bool read_source_row(sqlite3_stmt *s, void *item)
{
	struct folio_source_row *r = item;
	bool nomem = false;
	r->id = sqlite3_column_int64(s, 0);
	r->name = dup_column(s, 1, &nomem);
	r->total = sqlite3_column_int64(s, 2);
	r->unread = sqlite3_column_int64(s, 3);
	return !nomem;
}

int folio_store_sources(struct folio_store *st, struct folio_source_row **rows,
                        size_t *n, char **err)
{
	sqlite3_stmt *s = st_stmt(st, S_SOURCES, err);
	void *items = NULL;
	*rows = NULL;
	*n = 0;
	if (!s)
		return -1;
	int rc = st_read_rows(s, SIZE_MAX, sizeof **rows, read_source_row, &items, n);
	*rows = items;
	if (rc != SQLITE_DONE) {
		folio_store_sources_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return st_fail(st, rc, "list sources", err);
	}
	return 0;
}

void folio_store_sources_free(struct folio_source_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

int folio_store_totals(struct folio_store *st, int64_t *total, int64_t *unread, char **err)
{
	sqlite3_stmt *s = st_stmt(st, S_TOTALS, err);
	int found;

	if (!s)
		return -1;
	found = st_step_one(st, s, "count articles", err);
	if (found > 0) {
		*total = sqlite3_column_int64(s, 0);
		*unread = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return found > 0 ? 0 : -1;
}

int folio_store_changed(struct folio_store *st, bool *changed, char **err)
{
	sqlite3_stmt *s = st_stmt(st, S_DATA_VERSION, err);
	*changed = false;
	if (!s)
		return -1;
	int found = st_step_one(st, s, "ask whether the store changed", err);
	if (found > 0) {
		int64_t v = sqlite3_column_int64(s, 0);
		*changed = st->data_version && v != st->data_version;
		st->data_version = v;
	}
	sqlite3_reset(s);
	return found > 0 ? 0 : -1;
}

static void reverse_rows(struct folio_list_row *rows, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct folio_list_row t = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = t;
	}
}

/*
 * ?2 is the key's date; by title (date NULL) the bound a walk starts from
 * when its article ?3 is gone: below every title when it walks toward the
 * end, above them all (a BLOB after the untitled's) toward the top.
 */
static int bind_walk(struct folio_store *st, sqlite3_stmt *s, int64_t source_id,
                     const char *date, bool toward_end, int64_t id, int64_t limit, char **err)
{
	int rc = date ? sqlite3_bind_text(s, 2, date, -1, SQLITE_TRANSIENT)
	         : toward_end ? sqlite3_bind_int(s, 2, 0)
	                      : sqlite3_bind_blob(s, 2, "\xff\xff", 2, SQLITE_STATIC);
	if (rc != SQLITE_OK || sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 3, id) != SQLITE_OK ||
	    (sqlite3_bind_parameter_count(s) >= 4 && sqlite3_bind_int64(s, 4, limit) != SQLITE_OK))
		return st_fail(st, sqlite3_errcode(st->db), "read a list", err);
	return 0;
}

void folio_store_set_linking(struct folio_store *st, bool link)
{
	st->no_linking = !link;
}

void folio_store_set_stories(struct folio_store *st, bool one_a_story)
{
	st->stories = one_a_story;
}

bool st_read_list_row(sqlite3_stmt *s, void *item)
{
	struct folio_list_row *r = item;
	bool nomem = false;
	r->id = sqlite3_column_int64(s, 0);
	st_copy_date(r->date, s, 1);
	r->source = dup_column(s, 2, &nomem);
	r->title = dup_column(s, 3, &nomem);
	r->read = sqlite3_column_int(s, 4) != 0;
	r->flagged = sqlite3_column_int(s, 5) != 0;
	return !nomem;
}

int st_list(struct folio_store *st, bool by_title, int64_t source_id,
            const struct folio_list_key *after, bool backward, bool from_end, size_t limit,
            struct folio_list_row **rows, size_t *n, char **err)
{
	/* Walk down from a key (or the top), or up from a key (or the bottom) and reverse. */
	bool up = after ? backward : from_end;
	const char *date = by_title ? NULL : after ? after->date : up ? BOTTOM_DATE : TOP_DATE;
	int64_t id = after ? after->id : up ? INT64_MIN : INT64_MAX;
	sqlite3_stmt *s = walk_stmt(st, WALK_ROWS, source_id != 0, false, !up, by_title, err);
	void *items = NULL;

	*rows = NULL;
	*n = 0;
	if (!s)
		return -1;
	if (limit == 0)
		return 0;
	if (bind_walk(st, s, source_id, date, !up, id,
	              limit > INT64_MAX ? INT64_MAX : (int64_t)limit, err) != 0)
		return -1;
	int rc = st_read_rows(s, limit, sizeof **rows, st_read_list_row, &items, n);
	*rows = items;
	if (rc != SQLITE_DONE) {
		folio_store_rows_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return st_fail(st, rc, "read a list", err);
	}
	if (up)
		reverse_rows(*rows, *n);
	return 0;
}

void folio_store_rows_free(struct folio_list_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].source);
		free(rows[i].title);
	}
	free(rows);
}

int folio_store_list(struct folio_store *st, int64_t source_id,
                     const struct folio_list_key *after, bool backward, bool from_end,
                     size_t limit, struct folio_list_row **rows, size_t *n, char **err)
{
	return st_list(st, false, source_id, after, backward, from_end, limit, rows, n, err);
}

int st_list_position(struct folio_store *st, bool by_title, int64_t source_id,
                     const struct folio_list_key *key, int64_t *pos, char **err)
{
	sqlite3_stmt *s = walk_stmt(st, WALK_COUNT, source_id != 0, false, false, by_title, err);
	int found;

	if (!s || bind_walk(st, s, source_id, by_title ? NULL : key->date, false, key->id, 0,
	                    err) != 0)
		return -1;
	found = st_step_one(st, s, "find a position", err);
	if (found > 0)
		*pos = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return found > 0 ? 0 : -1;
}

int folio_store_list_position(struct folio_store *st, int64_t source_id,
                              const struct folio_list_key *key, int64_t *pos, char **err)
{
	return st_list_position(st, false, source_id, key, pos, err);
}

int st_neighbour(struct folio_store *st, bool by_title, int64_t source_id, int64_t id,
                 int direction, bool unread_only, int64_t *next, bool *found, char **err)
{
	sqlite3_stmt *key = st_stmt(st, S_KEY_OF, err);
	sqlite3_stmt *s;
	char date[11];
	int got = 1;

	assert(direction == 1 || direction == -1);
	*found = false;
	if (!key)
		return -1;
	if (id == 0) {
		/* the first of the list (or the last): a walk from beyond its end */
		snprintf(date, sizeof date, "%s", direction > 0 ? TOP_DATE : BOTTOM_DATE);
		id = direction > 0 ? INT64_MAX : INT64_MIN;
	} else if (sqlite3_bind_int64(key, 1, id) != SQLITE_OK) {
		return st_fail(st, sqlite3_errcode(st->db), "find an article", err);
	} else {
		got = st_step_one(st, key, "find an article", err);
		if (got > 0)
			st_copy_date(date, key, 0);
		sqlite3_reset(key);
	}
	if (got <= 0) {
		if (got == 0)
			st_set_msg(err, "%s has no article %" PRId64, st->path, id);
		return -1;
	}
	s = walk_stmt(st, WALK_IDS, source_id != 0, unread_only, direction > 0, by_title, err);
	if (!s || bind_walk(st, s, source_id, by_title ? NULL : date, direction > 0, id, 1, err) != 0)
		return -1;
	got = st_step_one(st, s, "find the next article", err);
	if (got > 0) {
		*next = sqlite3_column_int64(s, 0);
		*found = true;
	}
	sqlite3_reset(s);
	return got < 0 ? -1 : 0;
}

int folio_store_neighbour(struct folio_store *st, int64_t source_id, int64_t id,
                          int direction, bool unread_only, int64_t *next,
                          bool *found, char **err)
{
	return st_neighbour(st, false, source_id, id, direction, unread_only, next, found, err);
}

int folio_store_get(struct folio_store *st, int64_t id, struct folio_record *out, char **err)
{
	sqlite3_stmt *s = st_stmt(st, S_GET, err);
	bool nomem = false;
	int found;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "read an article", err);
	found = st_step_one(st, s, "read an article", err);
	if (found <= 0) {
		sqlite3_reset(s);
		return found < 0 ? -1 : 1;
	}
	out->id = sqlite3_column_int64(s, 0);
	out->source_id = sqlite3_column_int64(s, 1);
	out->source = dup_column(s, 2, &nomem);
	out->title = dup_column(s, 3, &nomem);
	out->byline = dup_column(s, 4, &nomem);
	if (sqlite3_column_bytes(s, 5) > 0) /* '' is undated: NULL like the other unknowns */
		out->date = dup_column(s, 5, &nomem);
	out->dateline = dup_column(s, 6, &nomem);
	out->body = dup_column(s, 7, &nomem);
	out->path = dup_column(s, 8, &nomem);
	out->read = sqlite3_column_int(s, 9) != 0;
	out->flagged = sqlite3_column_int(s, 10) != 0;
	out->url = dup_column(s, 11, &nomem);
	sqlite3_reset(s);
	if (nomem) {
		folio_record_free(out);
		return st_fail(st, SQLITE_NOMEM, "read an article", err);
	}
	return 0;
}

void folio_record_free(struct folio_record *r)
{
	free(r->source);
	free(r->title);
	free(r->byline);
	free(r->date);
	free(r->dateline);
	free(r->body);
	free(r->path);
	free(r->url);
	memset(r, 0, sizeof *r);
}

static int set_mark(struct folio_store *st, enum stmt_id which, int64_t id, bool on, char **err)
{
	sqlite3_stmt *s = st_stmt(st, which, err);
	int rc;

	if (!s || st_writable(st, "mark an article", err) != 0)
		return -1;
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK || sqlite3_bind_int(s, 2, on) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "mark an article", err);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return st_fail(st, rc, "mark an article", err);
	if (sqlite3_changes(st->db) == 0) {
		st_set_msg(err, "%s has no article %" PRId64, st->path, id);
		return -1;
	}
	return 0;
}

int folio_store_set_read(struct folio_store *st, int64_t id, bool read, char **err)
{
	return set_mark(st, S_SET_READ, id, read, err);
}

int folio_store_set_flagged(struct folio_store *st, int64_t id, bool flagged, char **err)
{
	return set_mark(st, S_SET_FLAGGED, id, flagged, err);
}

static int put_marks(struct folio_store *st, const struct folio_marks *marks, size_t n,
                     char **err)
{
	sqlite3_stmt *s = st_stmt(st, S_SET_MARKS, err);
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (sqlite3_bind_int64(s, 1, marks[i].id) != SQLITE_OK ||
		    sqlite3_bind_int(s, 2, marks[i].read) != SQLITE_OK ||
		    sqlite3_bind_int(s, 3, marks[i].flagged) != SQLITE_OK)
			return st_fail(st, sqlite3_errcode(st->db), "mark articles", err);
		int rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return st_fail(st, rc, "mark articles", err);
	}
	return 0;
}

int folio_store_set_marks(struct folio_store *st, const struct folio_marks *marks, size_t n,
                          char **err)
{
	if (st_writable(st, "mark articles", err) != 0)
		return -1;
	sqlite3_stmt *begin = st_stmt(st, S_BEGIN, err);
	if (!begin)
		return -1;
	int rc = sqlite3_step(begin);
	sqlite3_reset(begin);
	if ((rc & 0xff) == SQLITE_BUSY)
		return 1;
	if (rc != SQLITE_DONE)
		return st_fail(st, rc, "mark articles", err);
	if (put_marks(st, marks, n, err) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	sqlite3_stmt *commit = st_stmt(st, S_COMMIT, err);
	rc = commit ? sqlite3_step(commit) : SQLITE_NOMEM;
	if (commit)
		sqlite3_reset(commit);
	if (rc == SQLITE_DONE)
		return 0;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return (rc & 0xff) == SQLITE_BUSY ? 1 : st_fail(st, rc, "mark articles", err);
}

/* ---- search ------------------------------------------------------------ */

static int bind_search(struct folio_store *st, sqlite3_stmt *s, const char *match,
                       const char *after, const char *before, const char *tag, int64_t limit,
                       char **err)
{
	if ((match && st_bind_text(s, 1, match) != SQLITE_OK) || st_bind_text(s, 2, after) != SQLITE_OK ||
	    st_bind_text(s, 3, before) != SQLITE_OK || sqlite3_bind_int64(s, 4, limit) != SQLITE_OK ||
	    /* only the statements with date limits filter by tag */
	    (sqlite3_bind_parameter_count(s) >= 7 && st_bind_text(s, 7, tag) != SQLITE_OK))
		return st_fail(st, sqlite3_errcode(st->db), "search", err);
	return 0;
}

/* A search failure: a bad expression is the parser's bug, so show SQLite's words. */
int st_fail_search(struct folio_store *st, int rc, char **err)
{
	if ((rc & 0xff) == SQLITE_INTERRUPT) {
		st_set_msg(err, "%s: search interrupted", st->path);
		return -1;
	}
	if ((st_code_of(st->db, rc) & 0xff) == SQLITE_ERROR) {
		st_set_msg(err, "%s: search failed: %s", st->path, sqlite3_errmsg(st->db));
		return -1;
	}
	return st_fail(st, rc, "search", err);
}

/*
 * While a search runs, SQLite calls the caller's interrupt check every
 * thousand steps (FTS5's own sort included, since it runs on the same
 * connection); a non-zero answer makes the statement fail with
 * SQLITE_INTERRUPT.  Installed only around searches, so no write and no
 * list read can be cut short.
 */
#define INTERRUPT_EVERY_OPS 1000

void st_watch_interrupt(struct folio_store *st, bool on)
{
	if (st->interrupt)
		sqlite3_progress_handler(st->db, on ? INTERRUPT_EVERY_OPS : 0,
		                         on ? st->interrupt : NULL, on ? st->interrupt_arg : NULL);
}

void folio_store_set_interrupt(struct folio_store *st, int (*check)(void *arg), void *arg)
{
	st->interrupt = check;
	st->interrupt_arg = check ? arg : NULL;
}

static bool read_hit(sqlite3_stmt *s, void *item)
{
	struct folio_hit *h = item;
	bool nomem = false;
	/* A hit with no word in the body still shows where the body starts. */
	int snippet_col = sqlite3_column_bytes(s, 5) > 0 ? 5 : 6;
	h->id = sqlite3_column_int64(s, 0);
	h->score = sqlite3_column_double(s, 1);
	st_copy_date(h->date, s, 2);
	h->source = dup_column(s, 3, &nomem);
	h->title = dup_column(s, 4, &nomem);
	h->snippet = dup_column(s, snippet_col, &nomem);
	h->read = sqlite3_column_int(s, 7) != 0;
	h->flagged = sqlite3_column_int(s, 8) != 0;
	return !nomem;
}

static int run_search(struct folio_store *st, enum stmt_id which, int snippet_chars,
                      const char *match, const char *after, const char *before,
                      const char *tag, size_t limit, size_t offset, struct folio_hit **hits,
                      size_t *n, char **err)
{
	sqlite3_stmt *s = st_stmt(st, which, err);

	void *items = NULL;

	*hits = NULL;
	*n = 0;
	if (!s)
		return -1;
	if (limit == 0)
		return 0;
	if (bind_search(st, s, match, after, before, tag,
	                limit > INT64_MAX ? INT64_MAX : (int64_t)limit, err) != 0)
		return -1;
	if (sqlite3_bind_int64(s, 5, offset > INT64_MAX ? INT64_MAX : (int64_t)offset) != SQLITE_OK ||
	    /* the statement without snippets has no ?6 to say how long they are */
	    (sqlite3_bind_parameter_count(s) >= 6 &&
	     sqlite3_bind_int(s, 6, snippet_chars) != SQLITE_OK))
		return st_fail(st, sqlite3_errcode(st->db), "search", err);
	st_watch_interrupt(st, true);
	int rc = st_read_rows(s, limit, sizeof **hits, read_hit, &items, n);
	st_watch_interrupt(st, false);
	*hits = items;
	if (rc != SQLITE_DONE) {
		folio_store_hits_free(*hits, *n);
		*hits = NULL;
		*n = 0;
		return rc == SQLITE_NOMEM ? st_fail(st, rc, "search", err) : st_fail_search(st, rc, err);
	}
	return 0;
}

/* The ranked statement for these limits, with snippets or not (stmt_sql says why). */
static enum stmt_id ranked(const char *match, const char *after, const char *before,
                           const char *tag, bool snippets)
{
	if (!match)
		return S_SEARCH_DATES;
	if (after || before || tag)
		return S_SEARCH_DATED;
	return snippets ? S_SEARCH : S_SEARCH_TITLES;
}

int folio_store_search(struct folio_store *st, const struct folio_search_opts *o,
                       struct folio_hit **hits, size_t *n, char **err)
{
	bool snippets = o->recent || !o->no_snippets;
	enum stmt_id which = o->recent && o->match ? S_SEARCH_RECENT
	                     : ranked(o->match, o->after, o->before, o->tag, snippets);
	return run_search(st, which, snippets ? FALLBACK_SNIPPET_CHARS : 0, o->match, o->after,
	                  o->before, o->tag, o->limit, o->offset, hits, n, err);
}

void folio_store_hits_free(struct folio_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].source);
		free(hits[i].title);
		free(hits[i].snippet);
	}
	free(hits);
}

static int search_count(struct folio_store *st, enum stmt_id which,
                        const struct folio_search_opts *o, int64_t cap, int64_t *count,
                        char **err)
{
	const char *match = o->match, *after = o->after, *before = o->before, *tag = o->tag;
	sqlite3_stmt *s = st_stmt(st, which, err);
	int rc;

	*count = 0;
	if (!s || bind_search(st, s, match, after, before, tag, cap, err) != 0)
		return -1;
	st_watch_interrupt(st, true);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	st_watch_interrupt(st, false);
	if (rc != SQLITE_ROW)
		return st_fail_search(st, rc, err);
	return 0;
}

int folio_store_search_count(struct folio_store *st, const struct folio_search_opts *o,
                             int64_t cap, int64_t *count, char **err)
{
	return search_count(st, !o->match                        ? S_COUNT_DATES
	                        : o->after || o->before || o->tag ? S_COUNT
	                                                          : S_COUNT_WORDS,
	                    o, cap, count, err);
}

int folio_store_search_count_unread(struct folio_store *st, const struct folio_search_opts *o,
                                    int64_t cap, int64_t *count, char **err)
{
	return search_count(st, o->match ? S_COUNT_UNREAD : S_COUNT_DATES_UNREAD, o, cap, count,
	                    err);
}
