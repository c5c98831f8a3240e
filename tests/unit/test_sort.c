/*
 * test_sort: the lists in the reader's sort orders (folio_store_*_sorted()),
 * against a real store: by title A to Z, case folded, the untitled last;
 * by source as the source list orders them, "Unknown source" last, each
 * newest first.  Every order is walked as the reader walks it: pages
 * forward and backward from keys, positions, neighbours (all and unread
 * only), and must agree with itself.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/store.h"
#include "store_sources.h"
#include "tap.h"
#include "tmpdir.h"

#define N 12

/* source, title, date: in the order by title they must come in */
static const char *const by_title[N][3] = {
	{ "Beta", "apple picking starts", "2020-01-03" },
	{ "Alpha", "Apricots are late", "2020-01-01" },
	{ NULL, "banana boats", "2020-01-05" },
	{ "Beta", "Cherry blossom", NULL },
	{ "alpha two", "cherry trees", "2020-01-02" },
	{ "Alpha", "Damson jam", "2020-01-09" },
	{ "Beta", "Zucchini glut", "2020-01-04" },
	{ "Alpha", "zz top", "2020-01-06" },
	{ NULL, "", "2020-01-08" },
	{ "Beta", "", "2020-01-07" },
	{ "Alpha", "", NULL },
	{ NULL, "", "2020-01-10" },
};

static int64_t ids[N]; /* ids[i]: by_title[i]'s article */

static void fill(struct folio_store *st)
{
	char body[64], path[32];
	for (int i = 0; i < N; i++) {
		snprintf(body, sizeof body, "Body number s%dx of the sort test.", i);
		snprintf(path, sizeof path, "/sort/%02d.txt", i);
		struct folio_article a = { .source = (char *)by_title[i][0],
			                   .title = (char *)by_title[i][1],
			                   .date = (char *)by_title[i][2], .body = body };
		enum folio_put_result res;
		char *err = NULL;
		ok(folio_store_put(st, &a, path, &res, &err) == 0 && res == FOLIO_PUT_NEW, "put %d%s%s",
		   i, err ? ": " : "", err ? err : "");
		free(err);
		ids[i] = (int64_t)i + 1; /* a new store numbers them in order */
	}
}

/* The whole list, one row at a time: pages of 1 forward from every key. */
static size_t walk(struct folio_store *st, enum folio_sort sort, int64_t source,
                   int64_t *out, bool backward)
{
	struct folio_list_row *rows;
	struct folio_list_key key;
	size_t n, got = 0;
	if (folio_store_list_sorted(st, sort, source, NULL, false, backward, 1, &rows, &n, NULL))
		return 0;
	while (n == 1 && got < 2 * N) {
		out[got++] = rows[0].id;
		snprintf(key.date, sizeof key.date, "%s", rows[0].date);
		key.id = rows[0].id;
		folio_store_rows_free(rows, n);
		if (folio_store_list_sorted(st, sort, source, &key, backward, false, 1, &rows, &n,
		                            NULL) != 0)
			return 0;
	}
	folio_store_rows_free(rows, n);
	if (backward) /* walked from the end: put it back in list order */
		for (size_t i = 0; i < got / 2; i++) {
			int64_t t = out[i];
			out[i] = out[got - 1 - i];
			out[got - 1 - i] = t;
		}
	return got;
}

/* Pages, positions and neighbours of one order agree with want[0..n). */
static void check_order(struct folio_store *st, enum folio_sort sort, int64_t source,
                        const int64_t *want, size_t n, const char *name)
{
	int64_t got[2 * N], pos, next;
	struct folio_list_row *rows;
	size_t k;
	bool same = true, found;

	ok(walk(st, sort, source, got, false) == n && !memcmp(got, want, n * sizeof *want),
	   "%s: walked down a row at a time", name);
	ok(walk(st, sort, source, got, true) == n && !memcmp(got, want, n * sizeof *want),
	   "%s: walked up from the end", name);
	ok(folio_store_list_sorted(st, sort, source, NULL, false, false, 100, &rows, &k, NULL) == 0 &&
	   k == n, "%s: one page of all", name);
	for (size_t i = 0; i < k && i < n; i++) {
		struct folio_list_key key = { .id = rows[i].id };
		snprintf(key.date, sizeof key.date, "%s", rows[i].date);
		same = same && rows[i].id == want[i] &&
		       folio_store_list_position_sorted(st, sort, source, &key, &pos, NULL) == 0 &&
		       pos == (int64_t)i;
		for (int dir = -1; dir <= 1; dir += 2) {
			long j = (long)i + dir;
			same = same && folio_store_neighbour_sorted(st, sort, source, rows[i].id, dir,
			                                            false, &next, &found, NULL) == 0 &&
			       found == (j >= 0 && (size_t)j < n) && (!found || next == want[j]);
		}
	}
	folio_store_rows_free(rows, k);
	ok(same, "%s: each row's position and neighbours", name);
}

static void test_title(struct folio_store *st)
{
	check_order(st, FOLIO_SORT_TITLE, 0, ids, N, "all by title");
	/* Beta's own: apple, Cherry, Zucchini, then its untitled */
	int64_t beta[] = { ids[0], ids[3], ids[6], ids[9] };
	check_order(st, FOLIO_SORT_TITLE, source_id(st, "Beta", NULL, NULL), beta, 4, "Beta by title");
	/* unread only: the next unread by title passes over the read */
	int64_t next = 0;
	bool found = false;
	folio_store_set_read(st, ids[1], true, NULL);
	folio_store_set_read(st, ids[2], true, NULL);
	ok(folio_store_neighbour_sorted(st, FOLIO_SORT_TITLE, 0, ids[0], 1, true, &next, &found,
	                                NULL) == 0 && found && next == ids[3],
	   "the next unread by title passes over two read");
	ok(folio_store_neighbour_sorted(st, FOLIO_SORT_TITLE, 0, ids[3], -1, true, &next, &found,
	                                NULL) == 0 && found && next == ids[0],
	   "and the previous unread");
}

static void test_source(struct folio_store *st)
{
	struct folio_source_row *rows;
	size_t n;
	ok(folio_store_sources(st, &rows, &n, NULL) == 0 && n == 4 &&
	   !strcmp(rows[0].name, "Alpha") && !strcmp(rows[1].name, "alpha two") &&
	   !strcmp(rows[2].name, "Beta") && !strcmp(rows[3].name, "Unknown source"),
	   "the sources A to Z, case folded, Unknown source last");
	folio_store_sources_free(rows, n);
	/* each source newest first, the undated last */
	int64_t want[N] = { ids[5], ids[7], ids[1], ids[10],  /* Alpha */
		            ids[4],                           /* alpha two */
		            ids[9], ids[6], ids[0], ids[3],   /* Beta */
		            ids[11], ids[8], ids[2] };        /* Unknown source */
	check_order(st, FOLIO_SORT_SOURCE, 0, want, N, "all by source");
	int64_t beta[] = { ids[9], ids[6], ids[0], ids[3] };
	check_order(st, FOLIO_SORT_SOURCE, source_id(st, "Beta", NULL, NULL), beta, 4,
	            "a source by source is by date");
	int64_t next = 0;
	bool found = false;
	ok(folio_store_neighbour_sorted(st, FOLIO_SORT_SOURCE, 0, ids[10], 1, true, &next, &found,
	                                NULL) == 0 && found && next == ids[4],
	   "the next unread by source goes on into the next source");
	ok(folio_store_neighbour_sorted(st, FOLIO_SORT_SOURCE, 0, ids[8], 1, true, &next, &found,
	                                NULL) == 0 && !found,
	   "none after the last unread (the read one after it passed over)");
	/* one article a story changes no order */
	folio_store_set_stories(st, true);
	check_order(st, FOLIO_SORT_SOURCE, 0, want, N, "all by source, one row a story");
	check_order(st, FOLIO_SORT_TITLE, 0, ids, N, "all by title, one row a story");
	folio_store_set_stories(st, false);
}

int main(void)
{
	struct folio_store *st = NULL;
	char *err = NULL;
	if (tmpdir_make("sort") != 0)
		return 1;
	char *path = path_in("folio.db");
	ok(folio_store_open(path, FOLIO_STORE_CREATE, &st, &err) == 0, "create a store: %s",
	   err ? err : "ok");
	free(err);
	if (st) {
		fill(st);
		int64_t by_date[2 * N];
		size_t n = walk(st, FOLIO_SORT_DATE, 0, by_date, false);
		ok(n == N && by_date[0] == ids[11] && by_date[N - 1] == ids[3],
		   "by date: newest first, the undated last");
		test_title(st);
		test_source(st);
		folio_store_close(st);
	}
	free(path);
	tmpdir_remove();
	return tap_done();
}
