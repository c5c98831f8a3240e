/*
 * store_sort: lists in the orders a reader chooses (folio_store_*_sorted()).
 *
 * By date and by title a list is a walk of one index (store_query.c; the
 * title indexes are schema 8's).  By source, All articles is the sources
 * one after another in the source list's order, each walked newest first
 * on its own index: no page, position or neighbour ever sorts the store,
 * and a page costs one short walk for each source it spans.  A source's
 * own list by source is its list by date.
 */
#include "folio/folio.h"

#include <inttypes.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

static const char DOING[] = "read a list";

/* The sources in list order, and *at the place of article id's (-1: id is gone). */
static int sources_at(struct folio_store *st, int64_t id, struct folio_source_row **src,
                      size_t *nsrc, long *at, char **err)
{
	sqlite3_stmt *key = st_stmt(st, S_KEY_OF, err);
	int64_t source = 0;
	int got = 0;

	*at = -1;
	if (!key || folio_store_sources(st, src, nsrc, err) != 0)
		return -1;
	if (id != 0) {
		if (sqlite3_bind_int64(key, 1, id) != SQLITE_OK)
			got = st_fail(st, sqlite3_errcode(st->db), DOING, err);
		else if ((got = st_step_one(st, key, DOING, err)) > 0)
			source = sqlite3_column_int64(key, 1);
		sqlite3_reset(key);
	}
	for (size_t i = 0; got > 0 && i < *nsrc; i++)
		if ((*src)[i].id == source)
			*at = (long)i;
	if (got < 0)
		folio_store_sources_free(*src, *nsrc);
	return got < 0 ? -1 : 0;
}

FOLIO_DEFINE_GROW(grow_rows, struct folio_list_row)

/* Put rows[0..k) after (or, first true, before) the list's; their strings move. */
static bool join_rows(struct folio_list_row **list, size_t *count, size_t *cap,
                      struct folio_list_row *rows, size_t k, bool first)
{
	if (k == 0) /* a source with no rows past the key: rows may be NULL */
		return true;
	if (!grow_rows(list, cap, *count + k))
		return false;
	if (first) {
		memmove(*list + k, *list, *count * sizeof **list);
		memcpy(*list, rows, k * sizeof *rows);
	} else {
		memcpy(*list + *count, rows, k * sizeof *rows);
	}
	*count += k;
	return true;
}

/* All articles by source: the sources' lists by date, one after another. */
static int list_by_source(struct folio_store *st, const struct folio_list_key *after, bool up,
                          size_t limit, struct folio_list_row **rows, size_t *n, char **err)
{
	struct folio_source_row *src;
	struct folio_list_row *list = NULL, *part;
	size_t nsrc, count = 0, cap = 0, k;
	long i;
	int rc = 0;

	if (sources_at(st, after ? after->id : 0, &src, &nsrc, &i, err) != 0)
		return -1;
	if (i < 0) /* from the top, or the end; or from a row that is gone */
		after = NULL, i = up ? (long)nsrc - 1 : 0;
	for (; rc == 0 && i >= 0 && (size_t)i < nsrc && count < limit; i += up ? -1 : 1) {
		rc = st_list(st, false, src[i].id, after, up, up, limit - count, &part, &k, err);
		after = NULL;
		if (rc == 0 && !join_rows(&list, &count, &cap, part, k, up)) {
			folio_store_rows_free(part, k);
			rc = st_fail(st, SQLITE_NOMEM, DOING, err);
		} else if (rc == 0) {
			free(part);
		}
	}
	folio_store_sources_free(src, nsrc);
	if (rc != 0) {
		folio_store_rows_free(list, count);
		return -1;
	}
	*rows = list;
	*n = count;
	return 0;
}

int folio_store_list_sorted(struct folio_store *st, enum folio_sort sort, int64_t source_id,
                            const struct folio_list_key *after, bool backward, bool from_end,
                            size_t limit, struct folio_list_row **rows, size_t *n, char **err)
{
	*rows = NULL;
	*n = 0;
	if (sort == FOLIO_SORT_SOURCE && source_id == 0)
		return limit ? list_by_source(st, after, after ? backward : from_end, limit, rows, n,
		                              err)
		             : 0;
	return st_list(st, sort == FOLIO_SORT_TITLE, source_id, after, backward, from_end, limit,
	               rows, n, err);
}

int folio_store_list_position_sorted(struct folio_store *st, enum folio_sort sort,
                                     int64_t source_id, const struct folio_list_key *key,
                                     int64_t *pos, char **err)
{
	struct folio_source_row *src;
	size_t nsrc;
	long at;
	int64_t before = 0, count;

	if (sort != FOLIO_SORT_SOURCE || source_id != 0)
		return st_list_position(st, sort == FOLIO_SORT_TITLE, source_id, key, pos, err);
	if (sources_at(st, key->id, &src, &nsrc, &at, err) != 0)
		return -1;
	/* the rows of the sources above its own, then its place in its own */
	int rc = at < 0 ? -1 : 0;
	for (long i = 0; rc == 0 && i < at; i++) {
		if (!st->stories)
			count = src[i].total;
		else
			rc = folio_store_list_count(st, src[i].id, &count, err);
		before += count;
	}
	if (at < 0)
		st_set_msg(err, "%s has no article %" PRId64, st->path, key->id);
	else if (rc == 0 && (rc = st_list_position(st, false, src[at].id, key, pos, err)) == 0)
		*pos += before;
	folio_store_sources_free(src, nsrc);
	return rc;
}

int folio_store_neighbour_sorted(struct folio_store *st, enum folio_sort sort,
                                 int64_t source_id, int64_t id, int direction,
                                 bool unread_only, int64_t *next, bool *found, char **err)
{
	struct folio_source_row *src;
	size_t nsrc;
	long at;
	int rc;

	if (sort != FOLIO_SORT_SOURCE || source_id != 0)
		return st_neighbour(st, sort == FOLIO_SORT_TITLE, source_id, id, direction,
		                    unread_only, next, found, err);
	*found = false;
	if (sources_at(st, id, &src, &nsrc, &at, err) != 0)
		return -1;
	if (at < 0) {
		folio_store_sources_free(src, nsrc);
		st_set_msg(err, "%s has no article %" PRId64, st->path, id);
		return -1;
	}
	/* after it in its source, else the first of the next source that has one */
	rc = st_neighbour(st, false, src[at].id, id, direction, unread_only, next, found, err);
	for (long i = at + direction; rc == 0 && !*found && i >= 0 && (size_t)i < nsrc;
	     i += direction)
		rc = st_neighbour(st, false, src[i].id, 0, direction, unread_only, next, found, err);
	folio_store_sources_free(src, nsrc);
	return rc;
}
