/*
 * store_days: articles counted by day, for a timeline (folio_store_days).
 *
 * Every statement here reads indexes only, never a body.  Without a source
 * or a tag, the days come from article_days (schema step 9), which holds
 * every article's day by id in a few thousand rows: the whole store's
 * timeline reads those rows, and a search's reads FTS5's ids in rowid order
 * beside them, a merge of two sorted streams, counted here in C.  That
 * replaced walking the date index, a step of SQLite per article: at 10^6
 * a word in most articles took 0.2 s of CPU (tests/bench/RESULTS.md).
 *
 * A source's or a tag's timeline goes through their indexes: a source's
 * days from articles_by_source (covering); a search matching few articles
 * looks each one up by id (DAYS_SEEK); one matching many (more than 1 in
 * DAYS_SCAN_SHARE) reads FTS5's ids into a bitmap and walks
 * articles_by_source (or, for a tag, articles_by_date) once, counting the
 * rows whose bit is set.
 */
#include "folio/folio.h"

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

static const char *const days_sql[DAYS_STMTS] = {
	[DAYS_SOURCE] = "SELECT date, count(*) FROM articles INDEXED BY articles_by_source"
	                " WHERE source_id = ?1 GROUP BY date",
	[DAYS_DATES] = "SELECT a.date, count(*) FROM articles AS a INDEXED BY articles_by_date"
	               " WHERE " DATE_LIMITS " AND (?8 = 0 OR a.source_id = ?8) GROUP BY a.date",
	[DAYS_SEEK] = "SELECT a.date, count(*) FROM articles_fts CROSS JOIN articles AS a"
	              " ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?1 AND " DATE_LIMITS
	              " AND (?8 = 0 OR a.source_id = ?8) GROUP BY a.date",
	[DAYS_IDS] = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid",
	[DAYS_LAST_ID] = "SELECT max(id) FROM articles",
	/* (date, id) in the index's order, so a day's rows come together */
	[DAYS_WALK] = "SELECT a.date, a.id FROM articles AS a INDEXED BY articles_by_date"
	              " WHERE " DATE_LIMITS " AND ?8 = 0",
	[DAYS_WALK_SOURCE] = "SELECT a.date, a.id FROM articles AS a INDEXED BY articles_by_source"
	                     " WHERE a.source_id = ?8 AND " DATE_LIMITS,
	[DAYS_MATCHES] = "SELECT count(*) FROM (SELECT 1 FROM articles_fts"
	                 " WHERE articles_fts MATCH ?1 LIMIT ?2)",
	[DAYS_CHUNKS] = "SELECT chunk, days FROM article_days WHERE chunk >= 0 ORDER BY chunk",
};

/* A search matching more than 1 in DAYS_SCAN_SHARE articles reads every id. */
#define DAYS_SCAN_SHARE 256

/* ---- counting from article_days ------------------------------------------ */

/*
 * Counts by day: a cell for each day of FOLIO_YEAR_MIN..MAX, 32 to a month
 * so a date's cell is arithmetic on its digits, and the undated apart.  A
 * slot that is no day of the calendar (folio_date_valid) counts as undated:
 * folio writes no such date, and the timeline would count it undated.
 */
#define TALLY_YEARS (FOLIO_YEAR_MAX - FOLIO_YEAR_MIN + 1)
#define TALLY_CELLS (TALLY_YEARS * 12 * 32)

struct tally {
	int64_t *cells;
	int64_t undated;
	const char *after, *before; /* DATE_LIMITS's bounds, NULL for none */
};

/*
 * The cell of a slot shaped "YYYY-MM-DD" in those years, or -1: straight
 * digit arithmetic, as every article of a timeline passes here (at 10^6 a
 * call of folio_date_iso a slot was a third of the whole store's timeline).
 * Whether the cell is a day of the calendar is asked once a cell, at the end.
 */
static int tally_cell(const char *slot)
{
	const unsigned char *p = (const unsigned char *)slot;
	unsigned d0 = p[0] - 48u, d1 = p[1] - 48u, d2 = p[2] - 48u, d3 = p[3] - 48u,
	         d5 = p[5] - 48u, d6 = p[6] - 48u, d8 = p[8] - 48u, d9 = p[9] - 48u;
	if ((d0 > 9) | (d1 > 9) | (d2 > 9) | (d3 > 9) | (d5 > 9) | (d6 > 9) | (d8 > 9) | (d9 > 9) ||
	    p[4] != '-' || p[7] != '-')
		return -1;
	unsigned y = d0 * 1000 + d1 * 100 + d2 * 10 + d3, m = d5 * 10 + d6, d = d8 * 10 + d9;
	if (y < FOLIO_YEAR_MIN || y > FOLIO_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return (int)(((y - FOLIO_YEAR_MIN) * 12 + m - 1) * 32 + d - 1);
}

/* Count one slot of article_days, as DATE_LIMITS would: any bound excludes the undated. */
static void tally_slot(struct tally *t, const char *slot)
{
	if (slot[0] == ' ')
		return; /* no article */
	int cell = tally_cell(slot);
	if (t->after || t->before) {
		if (cell < 0 || (t->after && strncmp(slot, t->after, DAY_SLOT) < 0) ||
		    (t->before && strncmp(slot, t->before, DAY_SLOT) >= 0))
			return;
	}
	if (cell < 0)
		t->undated++;
	else
		t->cells[cell]++;
}

/* A day's date, "YYYY-MM-DD" (by hand: snprintf was most of a timeline's CPU). */
static void format_day(int y, int m, int d, char date[11])
{
	const int parts[][2] = { { y / 100, 0 }, { y % 100, 2 }, { m, 5 }, { d, 8 } };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		date[parts[i][1]] = (char)('0' + parts[i][0] / 10);
		date[parts[i][1] + 1] = (char)('0' + parts[i][0] % 10);
	}
	date[4] = date[7] = '-';
	date[10] = '\0';
}

/*
 * The counted days as folio_store_days gives them, the undated last as "".
 * A cell that is no day of the calendar ("2016-02-31") joins the undated.
 */
static int tally_list(const struct tally *t, struct folio_day_count **days, size_t *n)
{
	struct folio_day_count *list = NULL;
	size_t count = 0, cap = 0;
	int64_t undated = t->undated;
	/* the cell past the last stands for the undated */
	for (int cell = 0; cell <= TALLY_CELLS; cell++) {
		int64_t k = cell < TALLY_CELLS ? t->cells[cell] : undated;
		int y = FOLIO_YEAR_MIN + cell / (12 * 32), m = cell / 32 % 12 + 1, d = cell % 32 + 1;
		if (k == 0)
			continue;
		if (cell < TALLY_CELLS && !folio_date_valid(y, m, d)) {
			undated += k;
			continue;
		}
		void *p = list;
		if (!folio_grow_raw(&p, &cap, count + 1, sizeof *list)) {
			free(list);
			return -1;
		}
		list = p;
		if (cell < TALLY_CELLS)
			format_day(y, m, d, list[count].date);
		else
			list[count].date[0] = '\0';
		list[count++].count = k;
	}
	*days = list;
	*n = count;
	return 0;
}

/*
 * The days of every article (ids NULL), or of each id ids steps to in
 * ascending order: article_days's rows are read in order beside them.
 */
static int tally_map(sqlite3_stmt *chunks, sqlite3_stmt *ids, struct tally *t)
{
	int rc = sqlite3_step(chunks);
	if (!ids) {
		for (; rc == SQLITE_ROW; rc = sqlite3_step(chunks)) {
			const char *days = (const char *)sqlite3_column_text(chunks, 1);
			int len = sqlite3_column_bytes(chunks, 1);
			for (int at = 0; days && at + DAY_SLOT <= len; at += DAY_SLOT)
				tally_slot(t, days + at);
		}
		return rc;
	}
	int id_rc = SQLITE_DONE;
	int64_t chunk = -1;
	const char *days = NULL;
	int len = 0;
	while (rc == SQLITE_ROW && (id_rc = sqlite3_step(ids)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(ids, 0);
		while (rc == SQLITE_ROW && chunk < id >> DAY_CHUNK_SHIFT) {
			if ((chunk = sqlite3_column_int64(chunks, 0)) >= id >> DAY_CHUNK_SHIFT) {
				days = (const char *)sqlite3_column_text(chunks, 1);
				len = sqlite3_column_bytes(chunks, 1);
			} else {
				rc = sqlite3_step(chunks);
			}
		}
		int at = (int)(id & (DAY_CHUNK_IDS - 1)) * DAY_SLOT;
		/* an id without its slot: no article's day to count */
		if (chunk == id >> DAY_CHUNK_SHIFT && days && at + DAY_SLOT <= len)
			tally_slot(t, days + at);
	}
	if (rc == SQLITE_ROW)
		rc = id_rc;
	return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

static int days_from_map(struct folio_store *st, const char *match, const char *after,
                         const char *before, struct folio_day_count **days, size_t *n,
                         char **err)
{
	sqlite3_stmt *chunks = st_prepare(st, &st->days[DAYS_CHUNKS], days_sql[DAYS_CHUNKS], err);
	sqlite3_stmt *ids = match ? st_prepare(st, &st->days[DAYS_IDS], days_sql[DAYS_IDS], err)
	                          : NULL;
	if (!chunks || (match && !ids))
		return -1;
	struct tally t = { .cells = calloc(TALLY_CELLS, sizeof *t.cells), .after = after,
	                   .before = before };
	if (!t.cells)
		return st_fail(st, SQLITE_NOMEM, "count a timeline", err);
	int rc = SQLITE_OK;
	if (ids) {
		sqlite3_reset(ids);
		rc = st_bind_text(ids, 1, match);
	}
	if (rc == SQLITE_OK) {
		st_watch_interrupt(st, match != NULL);
		rc = tally_map(chunks, ids, &t);
		st_watch_interrupt(st, false);
	}
	sqlite3_reset(chunks);
	if (ids)
		sqlite3_reset(ids);
	if (rc == SQLITE_DONE && tally_list(&t, days, n) != 0)
		rc = SQLITE_NOMEM;
	free(t.cells);
	return rc == SQLITE_DONE ? 0 : st_fail_search(st, rc, err);
}

/* ---- counting from the indexes ------------------------------------------- */

/*
 * The rows of s, (date, count) a day; or, with ids, (date, id) rows in date
 * order of which those whose bit is set in ids are counted, a day a row.
 */
static int days_step(struct folio_store *st, sqlite3_stmt *s, const unsigned char *ids,
                     int64_t last_id, struct folio_day_count **days, size_t *n, char **err)
{
	struct folio_day_count *list = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t k = 1;
		if (ids) {
			int64_t id = sqlite3_column_int64(s, 1);
			if (id < 1 || id > last_id || !(ids[id >> 3] & (1u << (id & 7))))
				continue;
			const unsigned char *date = sqlite3_column_text(s, 0);
			if (count && strcmp(list[count - 1].date, date ? (const char *)date : "") == 0) {
				list[count - 1].count++;
				continue;
			}
		} else {
			k = sqlite3_column_int64(s, 1);
		}
		void *p = list;
		if (!folio_grow_raw(&p, &cap, count + 1, sizeof *list)) {
			rc = SQLITE_NOMEM;
			break;
		}
		list = p;
		st_copy_date(list[count].date, s, 0);
		list[count++].count = k;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(list);
		return st_fail_search(st, rc, err);
	}
	*days = list;
	*n = count;
	return 0;
}

/* The ids FTS5 matches for match, as a bitmap of bits 0..*last_id. */
static int days_ids(struct folio_store *st, const char *match, unsigned char **ids,
                    int64_t *last_id, char **err)
{
	sqlite3_stmt *last = st_prepare(st, &st->days[DAYS_LAST_ID], days_sql[DAYS_LAST_ID], err);
	sqlite3_stmt *s = st_prepare(st, &st->days[DAYS_IDS], days_sql[DAYS_IDS], err);
	int rc;
	*ids = NULL;
	if (!last || !s || st_step_one(st, last, "count a timeline", err) < 0) {
		if (last)
			sqlite3_reset(last);
		return -1;
	}
	*last_id = sqlite3_column_int64(last, 0);
	sqlite3_reset(last);
	if (*last_id < 0 || !(*ids = calloc((size_t)(*last_id >> 3) + 1, 1)))
		return st_fail(st, SQLITE_NOMEM, "count a timeline", err);
	sqlite3_reset(s);
	if (st_bind_text(s, 1, match) != SQLITE_OK) {
		free(*ids);
		*ids = NULL;
		return st_fail(st, sqlite3_errcode(st->db), "count a timeline", err);
	}
	st_watch_interrupt(st, true);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		if (id >= 1 && id <= *last_id)
			(*ids)[id >> 3] |= (unsigned char)(1u << (id & 7));
	}
	sqlite3_reset(s);
	st_watch_interrupt(st, false);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		return st_fail_search(st, rc, err);
	}
	return 0;
}

/* Whether match matches fewer than 1 in DAYS_SCAN_SHARE articles, counted in FTS5's index. */
static int days_few_matches(struct folio_store *st, const char *match, bool *few, char **err)
{
	int64_t total = 0, unread, matches = 0;
	sqlite3_stmt *c = st_prepare(st, &st->days[DAYS_MATCHES], days_sql[DAYS_MATCHES], err);
	if (!c || folio_store_totals(st, &total, &unread, err) != 0)
		return -1;
	int64_t cap = total / DAYS_SCAN_SHARE + 1;
	sqlite3_reset(c);
	if (st_bind_text(c, 1, match) != SQLITE_OK || sqlite3_bind_int64(c, 2, cap) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "count a timeline", err);
	st_watch_interrupt(st, true);
	int rc = sqlite3_step(c);
	if (rc == SQLITE_ROW)
		matches = sqlite3_column_int64(c, 0);
	sqlite3_reset(c);
	st_watch_interrupt(st, false);
	if (rc != SQLITE_ROW)
		return st_fail_search(st, rc, err);
	*few = matches < cap;
	return 0;
}

int folio_store_days(struct folio_store *st, int64_t source_id, const struct folio_search_opts *o,
                     struct folio_day_count **days, size_t *n, char **err)
{
	const char *match = o ? o->match : NULL, *after = o ? o->after : NULL,
	           *before = o ? o->before : NULL, *tag = o ? o->tag : NULL;
	enum days_stmt which = DAYS_SOURCE;
	bool few = false;
	*days = NULL;
	*n = 0;
	if (match && days_few_matches(st, match, &few, err) != 0)
		return -1;
	if (!source_id && !tag && !few)
		return days_from_map(st, match, after, before, days, n, err);
	if (match)
		which = few ? DAYS_SEEK : source_id ? DAYS_WALK_SOURCE : DAYS_WALK;
	else if (after || before || tag)
		which = DAYS_DATES;
	bool walk = which == DAYS_WALK || which == DAYS_WALK_SOURCE;
	unsigned char *ids = NULL;
	int64_t last_id = 0;
	if (walk && days_ids(st, match, &ids, &last_id, err) != 0)
		return -1;
	sqlite3_stmt *s = st_prepare(st, &st->days[which], days_sql[which], err);
	if (!s) {
		free(ids);
		return -1;
	}
	sqlite3_reset(s);
	/* the walks have no ?1: the match was the bitmap's */
	if (which == DAYS_SOURCE ? sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK
	    : (match && !walk && st_bind_text(s, 1, match) != SQLITE_OK) ||
	          st_bind_text(s, 2, after) != SQLITE_OK ||
	          st_bind_text(s, 3, before) != SQLITE_OK || st_bind_text(s, 7, tag) != SQLITE_OK ||
	          sqlite3_bind_int64(s, 8, source_id) != SQLITE_OK) {
		free(ids);
		return st_fail(st, sqlite3_errcode(st->db), "count a timeline", err);
	}
	st_watch_interrupt(st, which != DAYS_SOURCE);
	int rc = days_step(st, s, ids, last_id, days, n, err);
	st_watch_interrupt(st, false);
	free(ids);
	return rc;
}
