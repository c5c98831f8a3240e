/*
 * test_store: the store against real SQLite files in a private temp folder.
 *
 * Covers writing (new, unchanged, updated, all-or-nothing), the counts the
 * triggers keep, keyset paging in both directions with ties and undated
 * articles, neighbours, ranked search, and every refusal at open time, which
 * must leave the refused file byte for byte as it was.  Raw sqlite3 calls
 * here only build hostile files and poison triggers; the store is always
 * driven through its header.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ftw.h>
#include <grp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_sources.h"
#include "tap.h"
#include "tmpdir.h"

/* The store's one search function, called as the tests read best: ranked,
 * without snippets, latest first, and the count. */
static int search_ranked(struct folio_store *st, const char *match, const char *after,
                         const char *before, size_t limit, size_t offset,
                         struct folio_hit **hits, size_t *n, char **err)
{
	struct folio_search_opts o = { match, after, before, limit, offset, false, false };
	return folio_store_search(st, &o, hits, n, err);
}

static int search_titles(struct folio_store *st, const char *match, const char *after,
                         const char *before, size_t limit, size_t offset,
                         struct folio_hit **hits, size_t *n, char **err)
{
	struct folio_search_opts o = { match, after, before, limit, offset, false, true };
	return folio_store_search(st, &o, hits, n, err);
}

static int search_recent(struct folio_store *st, const char *match, const char *after,
                         const char *before, size_t limit, size_t offset,
                         struct folio_hit **hits, size_t *n, char **err)
{
	struct folio_search_opts o = { match, after, before, limit, offset, true, false };
	return folio_store_search(st, &o, hits, n, err);
}

static int search_count(struct folio_store *st, const char *match, const char *after,
                        const char *before, int64_t cap, int64_t *count, char **err)
{
	struct folio_search_opts o = { .match = match, .after = after, .before = before };
	return folio_store_search_count(st, &o, cap, count, err);
}

static char *slurp(const char *path, size_t *len)
{
	struct stat sb;
	FILE *f;
	char *buf = NULL;
	long size;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(f = fopen(path, "rb")))
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) && fread(buf, 1, (size_t)size, f) == (size_t)size)
		*len = (size_t)size;
	else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "raw_exec %s: %s\n", sql, msg ? msg : sqlite3_errmsg(db));
		abort();
	}
	sqlite3_close(db);
}

static struct folio_article art(const char *source, const char *title, const char *date,
                                const char *body)
{
	return (struct folio_article){.source = (char *)source, .title = (char *)title,
	                              .date = (char *)date, .body = (char *)body};
}

static void put(struct folio_store *st, struct folio_article a, const char *path,
                enum folio_put_result want, const char *name)
{
	enum folio_put_result got = (enum folio_put_result)-1;
	char *err = NULL;
	int rc = folio_store_put(st, &a, path, &got, &err);
	ok(rc == 0 && got == want, "put %s: %d (%s)", name, (int)got, err ? err : "ok");
	free(err);
}

/* The id of the only article a search for word finds, or 0. */
static int64_t find_one(struct folio_store *st, const char *word)
{
	struct folio_hit *hits;
	size_t n;
	int64_t id = 0;
	if (search_ranked(st, word, NULL, NULL, 10, 0, &hits, &n, NULL) == 0 && n == 1)
		id = hits[0].id;
	folio_store_hits_free(hits, n);
	return id;
}

/* One text value from a raw query, for checking what open wrote. */
static char *raw_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char *text = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
			text = strdup((const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return text;
}

static void test_marks(const char *path)
{
	char *mode = raw_text(path, "PRAGMA journal_mode");
	char *app = raw_text(path, "PRAGMA application_id");
	char *version = raw_text(path, "PRAGMA user_version");
	is_str(mode, "wal", "the store is in WAL mode");
	is_str(app, "1181707369", "application_id marks it as folio's ('Foli')");
	char want[16];
	snprintf(want, sizeof want, "%d", FOLIO_STORE_SCHEMA);
	is_str(version, want, "user_version is the schema version");
	free(mode), free(app), free(version);
}

static void test_write_and_counts(struct folio_store *st)
{
	struct folio_record r;
	int64_t total, unread, id, cnn;
	char *err = NULL;

	put(st, art("CNN", "Harbor ferry approved", "2024-03-01", "The council voted."), "/a/1.txt",
	    FOLIO_PUT_NEW, "first");
	put(st, art("CNN", "Harbor ferry approved", "2024-03-01", "The council voted."), "/a/1.txt",
	    FOLIO_PUT_UNCHANGED, "same content again");
	put(st, art("CNN", "Harbor ferry approved", "2024-03-01", "The council voted."), "/b/copy.txt",
	    FOLIO_PUT_UNCHANGED, "same content at another path");
	id = find_one(st, "council");
	ok(id > 0, "the article is searchable");
	is_int(folio_store_set_read(st, id, true, NULL), 0, "mark it read");

	put(st, art("CNN", "Harbor ferry approved", "2024-03-01", "The council voted twice."),
	    "/a/1.txt", FOLIO_PUT_UPDATED, "changed file at the same path");
	is_int(find_one(st, "twice"), id, "the update keeps the article's id");
	is_int(find_one(st, "council"), id, "and the old text is gone from the index");
	is_int(folio_store_get(st, id, &r, NULL), 0, "get the updated article");
	is_str(r.body, "The council voted twice.", "its body is the new one");
	ok(r.read, "an update keeps the read mark");
	is_str(r.date, "2024-03-01", "date");
	is_str(r.byline, NULL, "an unknown byline is NULL");
	is_str(r.path, "/a/1.txt", "path");
	is_str(r.source, "CNN", "source");
	folio_record_free(&r);

	cnn = source_id(st, "CNN", &total, &unread);
	is_int(total, 1, "CNN has one article");
	is_int(unread, 0, "and it is read");

	put(st, art("CNN", "Second story", NULL, "Undated words."), "-", FOLIO_PUT_NEW, "from stdin");
	put(st, art("CNN", "Second story", NULL, "Undated words, edited."), "-", FOLIO_PUT_NEW,
	    "stdin never replaces by path");
	put(st, art(NULL, "Who wrote this", "2023-01-01", "Nameless."), "/c/anon.txt",
	    FOLIO_PUT_NEW, "an article without a source");
	ok(source_id(st, "Unknown source", &total, NULL) > 0 && total == 1,
	   "is stored under \"Unknown source\"");

	source_id(st, "CNN", &total, &unread);
	is_int(total, 3, "CNN total after puts");
	is_int(unread, 2, "CNN unread after puts");
	is_int(folio_store_set_read(st, id, false, NULL), 0, "mark unread");
	is_int(folio_store_set_read(st, id, false, NULL), 0, "mark unread twice");
	source_id(st, "CNN", &total, &unread);
	is_int(unread, 3, "unread counts once");
	is_int(folio_store_set_flagged(st, id, true, NULL), 0, "flag");
	is_int(folio_store_get(st, id, &r, NULL), 0, "get the flagged article");
	ok(r.flagged && !r.read, "flagged and unread");
	folio_record_free(&r);

	/* A changed file whose source changed moves between sources, and the empty one goes. */
	put(st, art("Lone Gazette", "Gazette piece", "2022-02-02", "Gazette text."), "/d/g.txt",
	    FOLIO_PUT_NEW, "a source with one article");
	put(st, art("CNN", "Gazette piece", "2022-02-02", "Gazette text, now CNN."), "/d/g.txt",
	    FOLIO_PUT_UPDATED, "its file now names another source");
	is_int(source_id(st, "Lone Gazette", NULL, NULL), 0, "the emptied source is gone");
	is_int(source_id(st, "CNN", &total, &unread), cnn, "CNN keeps its id");
	is_int(total, 4, "CNN gained the moved article");
	is_int(find_one(st, "gazette"), find_one(st, "now"), "moved article indexed once");

	is_int(folio_store_totals(st, &total, &unread, NULL), 0, "totals");
	is_int(total, 5, "total over the store");
	is_int(unread, 5, "unread over the store");

	/* Fields are framed in the hash: moving text from one field to the next is a change. */
	put(st, (struct folio_article){.source = "Frames", .title = "ab", .byline = "c", .body = "x"},
	    "-", FOLIO_PUT_NEW, "title ab, byline c");
	put(st, (struct folio_article){.source = "Frames", .title = "a", .byline = "bc", .body = "x"},
	    "-", FOLIO_PUT_NEW, "title a, byline bc");
	put(st, (struct folio_article){.source = "Frames", .title = "a", .byline = "bc", .body = "x",
	                               .dateline = ""}, "-", FOLIO_PUT_NEW, "an empty dateline is not a missing one");
	put(st, art("Frames", "Odd date", "March 2001", "odd"), "/f/odd.txt", FOLIO_PUT_NEW,
	    "a date not shaped YYYY-MM-DD");
	id = find_one(st, "odd");
	ok(folio_store_get(st, id, &r, NULL) == 0 && r.date == NULL, "is stored undated");
	folio_record_free(&r);
	source_id(st, "Frames", &total, NULL);
	is_int(total, 4, "four framed articles");
	put(st, art("Frames", "Odd date", "March 2001", "odd"), "/f/odd.txt", FOLIO_PUT_UNCHANGED,
	    "and is unchanged when put again");

	is_int(folio_store_get(st, 999999, &r, NULL), 1, "get of a missing id returns 1");
	is_int(folio_store_set_read(st, 999999, true, &err), -1, "set_read of a missing id fails");
	ok(err && strstr(err, tmpdir), "naming the store: %s", err ? err : "");
	free(err);
}

/* Articles of one source: ties on date and undated ones, so ids must break ties. */
#define WIRE_N 23
static int64_t wire_ids[WIRE_N]; /* in display order */

static void fill_wire(struct folio_store *st)
{
	static const char *const dates[] = {"2021-05-05", "", "2021-05-07", "2021-05-05",
	                                    "2019-12-31", ""};
	struct { char date[11]; int64_t id; } made[WIRE_N], t;
	char title[64], body[96], path[64];
	char *err = NULL;

	ok(folio_store_begin(st, &err) == 0, "begin a batch");
	for (int i = 0; i < WIRE_N; i++) {
		const char *date = dates[i % 6];
		snprintf(title, sizeof title, "Wire item %d", i);
		snprintf(body, sizeof body, "Body of wire number w%dx.", i);
		snprintf(path, sizeof path, "/wire/%02d.txt", i);
		struct folio_article a = art("Wire", title, *date ? date : NULL, body);
		enum folio_put_result res;
		if (folio_store_put(st, &a, path, &res, &err) != 0 || res != FOLIO_PUT_NEW)
			ok(0, "wire put %d: %s", i, err ? err : "");
		snprintf(made[i].date, sizeof made[i].date, "%s", date);
	}
	ok(folio_store_commit(st, &err) == 0, "commit the batch");
	/* The batch is indexed at commit: search finds its articles only now. */
	for (int i = 0; i < WIRE_N; i++) {
		snprintf(body, sizeof body, "w%dx", i);
		made[i].id = find_one(st, body);
	}
	/* Expected order: date descending, then id descending; '' sorts last. */
	for (int i = 0; i < WIRE_N; i++)
		for (int j = i + 1; j < WIRE_N; j++) {
			int c = strcmp(made[j].date, made[i].date);
			if (c > 0 || (c == 0 && made[j].id > made[i].id)) {
				t = made[i];
				made[i] = made[j];
				made[j] = t;
			}
		}
	for (int i = 0; i < WIRE_N; i++)
		wire_ids[i] = made[i].id;
	ok(wire_ids[WIRE_N - 1] > 0, "every wire article was found by search");
}

static bool same_ids(const struct folio_list_row *rows, size_t n, int from)
{
	for (size_t i = 0; i < n; i++)
		if (from + (int)i >= WIRE_N || rows[i].id != wire_ids[from + (int)i])
			return false;
	return true;
}

static void test_paging(struct folio_store *st)
{
	int64_t wire;
	struct folio_list_row *rows;
	struct folio_list_key key;
	size_t n;
	int seen = 0, pages = 0;
	int64_t pos;
	bool all_positions = true;

	fill_wire(st);
	wire = source_id(st, "Wire", NULL, NULL);
	ok(wire > 0, "the wire source exists");
	/* Forward through pages of 5. */
	ok(folio_store_list(st, wire, NULL, false, false, 5, &rows, &n, NULL) == 0 && n == 5 &&
	   same_ids(rows, n, 0), "first page");
	while (n > 0) {
		if (!same_ids(rows, n, seen))
			break;
		seen += (int)n;
		pages++;
		snprintf(key.date, sizeof key.date, "%s", rows[n - 1].date);
		key.id = rows[n - 1].id;
		folio_store_rows_free(rows, n);
		if (folio_store_list(st, wire, &key, false, false, 5, &rows, &n, NULL) != 0)
			break;
	}
	folio_store_rows_free(rows, n);
	is_int(seen, WIRE_N, "forward paging sees every article once, in order");
	is_int(pages, 5, "in five pages");

	/* Backward from the end. */
	ok(folio_store_list(st, wire, NULL, false, true, 5, &rows, &n, NULL) == 0 && n == 5 &&
	   same_ids(rows, n, WIRE_N - 5), "from_end gives the last page, newest first");
	ok(rows[4].date[0] == '\0', "the last rows are undated");
	seen = (int)n;
	while (n > 0) {
		snprintf(key.date, sizeof key.date, "%s", rows[0].date);
		key.id = rows[0].id;
		folio_store_rows_free(rows, n);
		if (folio_store_list(st, wire, &key, true, false, 5, &rows, &n, NULL) != 0 ||
		    !same_ids(rows, n, WIRE_N - seen - (int)n))
			break;
		seen += (int)n;
	}
	folio_store_rows_free(rows, n);
	is_int(seen, WIRE_N, "backward paging sees every article once, in display order");

	/* Positions. */
	ok(folio_store_list(st, wire, NULL, false, false, WIRE_N + 5, &rows, &n, NULL) == 0 &&
	   n == WIRE_N, "a page larger than the list");
	for (size_t i = 0; i < n; i++) {
		snprintf(key.date, sizeof key.date, "%s", rows[i].date);
		key.id = rows[i].id;
		if (folio_store_list_position(st, wire, &key, &pos, NULL) != 0 || pos != (int64_t)i)
			all_positions = false;
	}
	ok(all_positions, "list_position of each row is its index");
	is_str(rows[0].source, "Wire", "rows carry the source name");
	ok(!rows[0].read && !rows[0].flagged, "rows carry marks");
	folio_store_rows_free(rows, n);

	/* The all-articles list holds the wire too, in the same relative order. */
	ok(folio_store_list(st, 0, NULL, false, false, 100, &rows, &n, NULL) == 0 && n == WIRE_N + 9,
	   "the all-articles list has every article");
	{
		int next = 0;
		bool ordered = true;
		for (size_t i = 0; i < n; i++) {
			if (next < WIRE_N && rows[i].id == wire_ids[next])
				next++;
			if (i > 0 && strcmp(rows[i - 1].date, rows[i].date) < 0)
				ordered = false;
		}
		ok(next == WIRE_N && ordered, "newest first, wire order kept");
		snprintf(key.date, sizeof key.date, "%s", rows[n - 1].date);
		key.id = rows[n - 1].id;
	}
	folio_store_rows_free(rows, n);
	ok(folio_store_list_position(st, 0, &key, &pos, NULL) == 0 && pos == WIRE_N + 8,
	   "position of the last article of all");
	ok(folio_store_list(st, 0, &key, false, false, 10, &rows, &n, NULL) == 0 && n == 0 &&
	   rows == NULL, "nothing after the last article");
}

static void test_neighbours(struct folio_store *st)
{
	int64_t wire = source_id(st, "Wire", NULL, NULL);
	int64_t next = 0, unread;
	bool found = true;

	ok(folio_store_neighbour(st, wire, wire_ids[3], 1, false, &next, &found, NULL) == 0 &&
	   found && next == wire_ids[4], "next article");
	ok(folio_store_neighbour(st, wire, wire_ids[3], -1, false, &next, &found, NULL) == 0 &&
	   found && next == wire_ids[2], "previous article");
	ok(folio_store_neighbour(st, wire, wire_ids[0], -1, false, &next, &found, NULL) == 0 &&
	   !found, "nothing before the first");
	ok(folio_store_neighbour(st, wire, wire_ids[WIRE_N - 1], 1, false, &next, &found, NULL) == 0 &&
	   !found, "nothing after the last");
	for (int i = 4; i < 9; i++)
		folio_store_set_read(st, wire_ids[i], true, NULL);
	source_id(st, "Wire", NULL, &unread);
	is_int(unread, WIRE_N - 5, "reading five lowers the wire's unread count");
	ok(folio_store_neighbour(st, wire, wire_ids[3], 1, true, &next, &found, NULL) == 0 &&
	   found && next == wire_ids[9], "next unread skips read ones");
	ok(folio_store_neighbour(st, wire, wire_ids[9], -1, true, &next, &found, NULL) == 0 &&
	   found && next == wire_ids[3], "previous unread skips read ones");
	ok(folio_store_neighbour(st, 0, wire_ids[3], 1, false, &next, &found, NULL) == 0 && found,
	   "neighbour in the all-articles list");
}

static void test_search(struct folio_store *st)
{
	struct folio_hit *hits = NULL;
	size_t n = 0;
	int64_t count = -1, title_hit, body_hit, total = 0, unread;
	char *err = NULL;

	put(st, art("Daily", "Volcano erupts near village", "2020-06-01",
	            "Residents left their homes as ash fell."), "/s/1.txt", FOLIO_PUT_NEW, "title hit");
	put(st, art("Daily", "Farm prices rise", "2020-06-02",
	            "Growers said the long drought and a distant volcano raised feed prices "
	            "across the region this spring."), "/s/2.txt", FOLIO_PUT_NEW, "body hit");
	put(st, art("Daily", "Café culture returns", "2020-07-01", "Tables are back on the street."),
	    "/s/3.txt", FOLIO_PUT_NEW, "accented title");
	put(st, art("Daily", "Volcano quiet again", NULL, "Scientists lowered the alert."),
	    "/s/4.txt", FOLIO_PUT_NEW, "undated volcano");

	ok(search_ranked(st, "volcano", NULL, NULL, 10, 0, &hits, &n, NULL) == 0 && n == 3,
	   "three volcano articles");
	title_hit = n == 3 ? hits[0].id : 0;
	body_hit = n == 3 ? hits[2].id : 0;
	ok(n == 3 && strstr(hits[2].title, "Farm"), "the body-only hit ranks last");
	ok(n == 3 && hits[0].score <= hits[1].score && hits[1].score <= hits[2].score,
	   "scores ascend (bm25: lower is better)");
	ok(n == 3 && strstr(hits[2].snippet, "volcano"), "body snippet shows the match: %s",
	   n == 3 ? hits[2].snippet : "");
	ok(n == 3 && hits[0].snippet[0] != '\0', "a title hit still has a snippet: %s",
	   n == 3 ? hits[0].snippet : "");
	folio_store_hits_free(hits, n);
	ok(title_hit != body_hit, "distinct hits");

	put(st, art("Daily", "Zeppelin sighted", NULL, NULL), "/s/5.txt", FOLIO_PUT_NEW, "no body");
	ok(search_ranked(st, "zeppelin", NULL, NULL, 10, 0, &hits, &n, NULL) == 0 && n == 1 &&
	   hits[0].snippet && hits[0].snippet[0] == '\0', "a hit without a body has an empty snippet");
	folio_store_hits_free(hits, n);
	ok(search_ranked(st, "cafe", NULL, NULL, 10, 0, &hits, &n, NULL) == 0 && n == 1 &&
	   strcmp(hits[0].title, "Café culture returns") == 0, "cafe finds Café");
	folio_store_hits_free(hits, n);

	ok(search_ranked(st, "volcano", "2020-06-02", NULL, 10, 0, &hits, &n, NULL) == 0 &&
	   n == 1 && hits[0].id == body_hit, "after is inclusive and drops the undated");
	folio_store_hits_free(hits, n);
	ok(search_ranked(st, "volcano", NULL, "2020-06-02", 10, 0, &hits, &n, NULL) == 0 &&
	   n == 1 && strcmp(hits[0].date, "2020-06-01") == 0, "before is exclusive and drops the undated");
	folio_store_hits_free(hits, n);
	ok(search_ranked(st, "volcano", NULL, NULL, 1, 1, &hits, &n, NULL) == 0 && n == 1,
	   "limit and offset");
	folio_store_hits_free(hits, n);

	ok(search_ranked(st, NULL, "2020-06-01", "2020-08-01", 10, 0, &hits, &n, NULL) == 0 &&
	   n == 3 && strcmp(hits[0].date, "2020-07-01") == 0 && strcmp(hits[2].date, "2020-06-01") == 0,
	   "no words: date-limited, newest first");
	ok(n == 3 && hits[0].snippet && strncmp(hits[0].snippet, "Tables", 6) == 0,
	   "with the start of the body as snippet");
	folio_store_hits_free(hits, n);

	ok(search_count(st, NULL, NULL, NULL, 1000, &count, NULL) == 0 &&
	   folio_store_totals(st, &total, &unread, NULL) == 0 && count == total,
	   "no words and no dates counts every article, undated too");
	ok(search_ranked(st, NULL, NULL, NULL, 1000, 0, &hits, &n, NULL) == 0 &&
	   (int64_t)n == total && hits[n - 1].date[0] == '\0', "and lists them, undated last");
	folio_store_hits_free(hits, n);
	ok(search_count(st, "volcano", NULL, NULL, 2, &count, NULL) == 0 && count == 2,
	   "count stops at the cap");
	ok(search_count(st, "volcano", NULL, NULL, 100, &count, NULL) == 0 && count == 3,
	   "count under the cap");
	ok(search_count(st, "volcano", "2020-01-01", NULL, 100, &count, NULL) == 0 &&
	   count == 2, "count with a date limit");
	ok(search_count(st, NULL, "2020-06-01", "2020-06-02", 100, &count, NULL) == 0 &&
	   count == 1, "count with dates only");
	ok(search_ranked(st, "nosuchwordanywhere", NULL, NULL, 10, 0, &hits, &n, NULL) == 0 &&
	   n == 0 && hits == NULL, "no hits is not an error");

	is_int(search_ranked(st, "\"unbalanced AND (", NULL, NULL, 10, 0, &hits, &n, &err), -1,
	       "a malformed expression fails");
	ok(err && strstr(err, tmpdir) && strstr(err, "unterminated string"), "with SQLite's message: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	is_int(search_count(st, "AND AND", NULL, NULL, 10, &count, &err), -1,
	       "count of a malformed expression fails");
	free(err);
	ok(find_one(st, "cafe") > 0, "the store still works afterwards");
}

/* Ids of a search, as FTS5 ranked them before rank MATCH: ORDER BY bm25(...) over all matches. */
static size_t old_bm25_order(const char *path, const char *match, int64_t *ids, size_t cap,
                             bool *distinct)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	size_t n = 0;
	double last = -1e300;
	*distinct = true;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rowid, bm25(articles_fts, 10.0, 3.0, 3.0, 1.0) AS score"
	                           " FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY score",
	                       -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "old_bm25_order: %s\n", sqlite3_errmsg(db));
		abort();
	}
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW && n < cap) {
		double score = sqlite3_column_double(s, 1);
		if (score <= last)
			*distinct = false;
		last = score;
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static int interrupt_calls;
static int interrupt_answer;

static int count_interrupt(void *arg)
{
	(void)arg;
	interrupt_calls++;
	return interrupt_answer;
}

#define EMBER_N 300
#define EMBER_EVERY 7 /* every 7th article has the word; the rest have filler */

/* Ranked pages match the old ORDER BY bm25; recent-first is id order; an interrupt stops both. */
/* An outlet and its web address's name are one source, the first name kept. */
static void test_web_address_names(void)
{
	char *path = path_in("names.db"), *err = NULL;
	struct folio_store *st = NULL;
	int64_t total;

	ok(folio_store_open(path, FOLIO_STORE_CREATE, &st, &err) == 0, "open a store for names");
	free(err);
	if (!st) {
		free(path);
		return;
	}
	put(st, art("Harbour Times", "Pier", "2022-03-03", "Pier text."), "/e/1.txt", FOLIO_PUT_NEW,
	    "a source by its name");
	put(st, art("Harbour Times.com", "Pier two", "2022-03-04", "Pier text two."), "/e/2.txt",
	    FOLIO_PUT_NEW, "the same outlet by its web address");
	put(st, art("Gull Post.com", "Gulls", "2022-03-05", "Gull text."), "/e/3.txt",
	    FOLIO_PUT_NEW, "another by its web address first");
	put(st, art("Gull Post", "Gulls two", "2022-03-06", "Gull text two."), "/e/4.txt",
	    FOLIO_PUT_NEW, "then by its name");
	ok(source_id(st, "Harbour Times", &total, NULL) > 0 && total == 2 &&
	   source_id(st, "Harbour Times.com", NULL, NULL) == 0,
	   "name then web address: one source, the name");
	ok(source_id(st, "Gull Post.com", &total, NULL) > 0 && total == 2 &&
	   source_id(st, "Gull Post", NULL, NULL) == 0,
	   "web address then name: one source, the web address");
	put(st, art(".com", "Dot", "2022-03-07", "Dot text."), "/e/5.txt", FOLIO_PUT_NEW,
	    "a name that is only the ending");
	ok(source_id(st, ".com", &total, NULL) > 0 && total == 1, "is a source of its own");

	folio_store_close(st);
	free(path);
}

static void test_search_orders(void)
{
	char *path = path_in("orders.db"), *err = NULL;
	struct folio_store *st = NULL;
	struct folio_hit *hits = NULL;
	size_t n = 0, nold, got = 0;
	int64_t old_ids[EMBER_N], ranked[EMBER_N], count = 0;
	bool distinct, same = true, ordered = true, in_dates = true;
	char title[64], body[600], file[32], date[11];

	ok(folio_store_open(path, FOLIO_STORE_CREATE, &st, &err) == 0, "open a store for orders");
	free(err);
	if (!st) {
		free(path);
		return;
	}
	ok(folio_store_begin(st, NULL) == 0, "begin");
	for (int i = 0; i < EMBER_N; i++) {
		int reps = i % EMBER_EVERY == 0 ? 1 + i / EMBER_EVERY % 9 : 0;
		size_t len = (size_t)snprintf(body, sizeof body, "Report %d of %d lines.", i, i % 13);
		for (int r = 0; r < reps && len < sizeof body - 40; r++)
			len += (size_t)snprintf(body + len, sizeof body - len, " An ember%s glowed %d.",
			                        r % 2 ? "" : " still", r);
		for (int f = 0; f < i % 11 && len < sizeof body - 40; f++)
			len += (size_t)snprintf(body + len, sizeof body - len, " Filler words %d.", f);
		snprintf(title, sizeof title, i % 21 == 0 ? "Ember watch %d" : "Notes %d", i);
		snprintf(date, sizeof date, "2019-%02d-%02d", 1 + i % 12, 1 + i % 28);
		snprintf(file, sizeof file, "/o/%03d.txt", i);
		enum folio_put_result res;
		struct folio_article a = art(i % 3 ? "Herald" : "Courier", title,
		                             i % 10 == 9 ? NULL : date, body);
		if (folio_store_put(st, &a, file, &res, NULL) != 0)
			ok(0, "put %d", i);
	}
	ok(folio_store_commit(st, NULL) == 0, "commit");

	nold = old_bm25_order(path, "ember", old_ids, EMBER_N, &distinct);
	ok(nold > 40 && distinct, "the fixture: %zu matches, no two with the same score", nold);
	/* pages of 7 over rank MATCH, joined end to end */
	while (got < EMBER_N && search_ranked(st, "ember", NULL, NULL, 7, got, &hits, &n, NULL) == 0 &&
	       n > 0) {
		for (size_t i = 0; i < n; i++) {
			if (i > 0 && hits[i].score < hits[i - 1].score)
				ordered = false;
			ranked[got++] = hits[i].id;
		}
		folio_store_hits_free(hits, n);
	}
	is_int((int)got, (int)nold, "ranked pages find every match");
	for (size_t i = 0; i < got && i < nold; i++)
		same = same && ranked[i] == old_ids[i];
	ok(same && ordered, "ranked pages give the ids of ORDER BY bm25, in the same order");
	/* with date limits (another statement): the dated matches in range, in the same order */
	bool dated_in_order = true;
	size_t at = 0, in_range_n = 0;
	ok(search_ranked(st, "ember", "2019-03-01", "2019-10-01", EMBER_N, 0, &hits, &n,
	                      NULL) == 0 && n > 0, "ranked with date limits");
	for (size_t i = 0; i < n; i++) {
		while (at < got && ranked[at] != hits[i].id)
			at++;
		dated_in_order = dated_in_order && at < got && strcmp(hits[i].date, "2019-03-01") >= 0 &&
		        strcmp(hits[i].date, "2019-10-01") < 0;
	}
	folio_store_hits_free(hits, n);
	for (size_t i = 0; i < got; i++) {
		struct folio_record r;
		if (folio_store_get(st, ranked[i], &r, NULL) == 0) {
			in_range_n += r.date && strcmp(r.date, "2019-03-01") >= 0 &&
			              strcmp(r.date, "2019-10-01") < 0;
			folio_record_free(&r);
		}
	}
	ok(dated_in_order && n == in_range_n,
	   "gives every match in range (%zu of %zu), in the order of the ranking without limits",
	   n, in_range_n);
	/* without snippets: the same hits in the same order, with every other field */
	bool titles_same = true;
	ok(search_titles(st, "ember", NULL, NULL, EMBER_N, 0, &hits, &n, NULL) == 0 &&
	   n == nold, "the search for titles finds the same matches");
	for (size_t i = 0; i < n && i < got; i++)
		titles_same = titles_same && hits[i].id == ranked[i] && hits[i].snippet &&
		        !hits[i].snippet[0] && hits[i].title && hits[i].source;
	ok(titles_same, "in the same order, with titles and sources, and empty snippets");
	folio_store_hits_free(hits, n);
	ok(search_titles(st, NULL, "2019-01-01", "2019-02-01", 100, 0, &hits, &n, NULL) == 0 &&
	   n > 0 && !hits[0].snippet[0], "and without words, by date, no snippet either");
	folio_store_hits_free(hits, n);
	ok(search_titles(st, "ember", "2019-03-01", "2019-10-01", 100, 0, &hits, &n,
	                             NULL) == 0 && n > 0 && !hits[0].snippet[0] && hits[0].title,
	   "nor with words and date limits");
	folio_store_hits_free(hits, n);
	ok(search_count(st, "ember", NULL, NULL, 1000, &count, NULL) == 0 &&
	   count == (int64_t)nold, "the count without limits (no join) agrees");
	ok(search_count(st, "ember", NULL, NULL, 5, &count, NULL) == 0 && count == 5,
	   "and stops at the cap");
	int64_t dated = 0; /* the fixture's matches with a date */
	for (int i = 0; i < EMBER_N; i += EMBER_EVERY)
		dated += i % 10 != 9;
	ok(search_count(st, "ember", "2019-01-01", "2020-01-01", 1000, &count, NULL) == 0 &&
	   count == dated && dated < (int64_t)nold, "a date limit leaves out the undated");

	/* recent first: the same matches, highest id first */
	ok(search_recent(st, "ember", NULL, NULL, EMBER_N, 0, &hits, &n, NULL) == 0 &&
	   n == nold, "recent-first finds the same matches");
	for (size_t i = 1; i < n; i++)
		ordered = ordered && hits[i].id < hits[i - 1].id;
	ok(ordered && n > 0 && hits[0].score == 0.0, "highest id first, unscored");
	ok(n > 0 && strstr(hits[0].snippet, "mber") && hits[0].source && hits[0].title,
	   "with snippet, source and title: %s", n ? hits[0].snippet : "");
	int64_t newest = n ? hits[0].id : 0, third = n > 2 ? hits[2].id : 0;
	folio_store_hits_free(hits, n);
	ok(search_recent(st, "ember", NULL, NULL, 2, 0, &hits, &n, NULL) == 0 && n == 2 &&
	   hits[0].id == newest, "the limit keeps the newest");
	folio_store_hits_free(hits, n);
	ok(search_recent(st, "ember", NULL, NULL, 1, 2, &hits, &n, NULL) == 0 && n == 1 &&
	   hits[0].id == third, "the offset skips the newest");
	folio_store_hits_free(hits, n);
	ok(search_recent(st, "ember", "2019-06-01", "2019-09-01", EMBER_N, 0, &hits, &n,
	                             NULL) == 0 && n > 0, "with date limits, some match");
	for (size_t i = 0; i < n; i++)
		in_dates = in_dates && strcmp(hits[i].date, "2019-06-01") >= 0 &&
		        strcmp(hits[i].date, "2019-09-01") < 0 && (i == 0 || hits[i].id < hits[i - 1].id);
	ok(in_dates, "every hit inside the limits (after inclusive, before exclusive), newest first");
	size_t in_range = n;
	folio_store_hits_free(hits, n);
	ok(search_count(st, "ember", "2019-06-01", "2019-09-01", 1000, &count, NULL) == 0 &&
	   count == (int64_t)in_range, "the count with date limits agrees");
	ok(search_recent(st, "nosuchword", NULL, NULL, 10, 0, &hits, &n, NULL) == 0 &&
	   n == 0 && !hits, "recent-first with no match");
	ok(search_recent(st, NULL, "2019-01-01", "2019-02-01", 100, 0, &hits, &n, NULL) == 0 &&
	   n > 0 && strncmp(hits[0].date, "2019-01", 7) == 0, "recent-first without words is by date");
	folio_store_hits_free(hits, n);
	is_int(search_recent(st, "AND (", NULL, NULL, 10, 0, &hits, &n, &err), -1,
	       "recent-first with a malformed expression fails");
	free(err);
	err = NULL;

	/* the interrupt check: asked during searches only, and a yes stops them */
	folio_store_set_interrupt(st, count_interrupt, NULL);
	interrupt_calls = 0;
	interrupt_answer = 0;
	{
		struct folio_list_row *rows;
		ok(folio_store_list(st, 0, NULL, false, false, EMBER_N, &rows, &n, NULL) == 0 &&
		   n == EMBER_N, "a list read with a check installed");
		folio_store_rows_free(rows, n);
	}
	is_int(interrupt_calls, 0, "is not interrupted: the check is not asked");
	ok(search_ranked(st, "ember OR report", NULL, NULL, 50, 0, &hits, &n, NULL) == 0 && n == 50,
	   "a search the check lets run");
	folio_store_hits_free(hits, n);
	ok(interrupt_calls > 0, "asked the check %d times", interrupt_calls);
	interrupt_answer = 1;
	is_int(search_ranked(st, "ember OR report", NULL, NULL, 50, 0, &hits, &n, &err), -1,
	       "a ranked search the check stops fails");
	ok(err && strstr(err, "interrupted") && n == 0 && !hits, "saying so: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(search_count(st, "ember OR report", NULL, NULL, 100000, &count, &err), -1,
	       "so does a count");
	free(err);
	err = NULL;
	folio_store_set_interrupt(st, NULL, NULL);
	ok(search_ranked(st, "ember", NULL, NULL, 3, 0, &hits, &n, NULL) == 0 && n == 3 &&
	   hits[0].id == old_ids[0], "with the check removed, search works again");
	folio_store_hits_free(hits, n);
	ok(folio_store_set_read(st, old_ids[0], true, NULL) == 0, "and the store can be written");

	folio_store_close(st);
	free(path);
}

/* A put that fails half-way leaves nothing behind, and the batch goes on. */
static void test_all_or_nothing(struct folio_store *st, const char *path)
{
	int64_t total_before, total_after, unread;
	enum folio_put_result res;
	char *err = NULL;
	struct folio_article poison = art("Poison Press", "poison", "2020-01-01", "toxicword");
	struct folio_article rewrite = art("Daily", "poison", "2020-06-01", "toxicword again");

	raw_exec(path, "CREATE TRIGGER test_poison BEFORE INSERT ON articles"
	               " WHEN new.title = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;"
	               "CREATE TRIGGER test_poison_update BEFORE UPDATE ON articles"
	               " WHEN new.title = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;");
	folio_store_totals(st, &total_before, &unread, NULL);
	ok(folio_store_begin(st, NULL) == 0, "begin a batch");
	put(st, art("Daily", "Before the poison", "2020-01-02", "goodword one"), "/p/1.txt",
	    FOLIO_PUT_NEW, "good article before");
	is_int(folio_store_put(st, &poison, "/p/2.txt", &res, &err), -1,
	       "a put whose article insert fails");
	ok(err && strstr(err, tmpdir) && strstr(err, "poisoned"), "says why: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(folio_store_put(st, &rewrite, "/s/1.txt", &res, &err), -1,
	       "an update that fails");
	free(err);
	put(st, art("Daily", "After the poison", "2020-01-03", "goodword two"), "/p/3.txt",
	    FOLIO_PUT_NEW, "good article after");
	ok(folio_store_commit(st, NULL) == 0, "the batch commits");
	folio_store_totals(st, &total_after, &unread, NULL);
	is_int(total_after, total_before + 2, "both good articles stored, the bad one not");
	is_int(source_id(st, "Poison Press", NULL, NULL), 0,
	       "the source added before the failure was rolled back");
	is_int(find_one(st, "toxicword"), 0, "nothing of it is in the index");
	ok(find_one(st, "ash") > 0, "the failed update left the old article indexed");
	raw_exec(path, "DROP TRIGGER test_poison; DROP TRIGGER test_poison_update;");
}

/* Another writer holds the lock for a moment: put waits for it instead of failing. */
static void *release_later(void *db)
{
	usleep(300 * 1000);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return NULL;
}

static void test_busy(struct folio_store *st, const char *path)
{
	sqlite3 *other;
	pthread_t thread;
	char *err = NULL;
	enum folio_put_result res;
	struct folio_article a = art("Daily", "Written while locked", "2020-01-05", "patience");

	if (sqlite3_open(path, &other) != SQLITE_OK ||
	    sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
	    pthread_create(&thread, NULL, release_later, other) != 0) {
		ok(0, "could not hold the write lock");
		return;
	}
	ok(folio_store_put(st, &a, "/busy.txt", &res, &err) == 0 && res == FOLIO_PUT_NEW,
	   "a put waits for another writer: %s", err ? err : "ok");
	free(err);
	pthread_join(thread, NULL);
	sqlite3_close(other);
}

/*
 * After every read the store must hold no read transaction: another
 * connection can then checkpoint and truncate the whole WAL.
 */
static bool wal_truncates(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	bool done = false;
	if (sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &s, NULL) == SQLITE_OK) {
		done = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 0;
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return done;
}

static void test_no_open_reads(struct folio_store *st, const char *path)
{
	struct folio_list_row *rows;
	struct folio_source_row *sources;
	struct folio_hit *hits;
	struct folio_record r;
	struct folio_list_key key = {"2020-01-01", 1};
	size_t n;
	int64_t a, b;
	bool found;

	/* Each call is followed by a write, so the WAL has frames a lingering reader would pin. */
#define WRITE_THEN_CHECK(call, name) do { \
		call; \
		folio_store_set_flagged(st, wire_ids[0], true, NULL); \
		ok(wal_truncates(path), "no read left open after %s", name); \
	} while (0)
	WRITE_THEN_CHECK(folio_store_list(st, 0, NULL, false, false, 3, &rows, &n, NULL);
	                 folio_store_rows_free(rows, n), "list");
	WRITE_THEN_CHECK(folio_store_list(st, 0, NULL, false, true, 3, &rows, &n, NULL);
	                 folio_store_rows_free(rows, n), "list from the end");
	WRITE_THEN_CHECK(folio_store_sources(st, &sources, &n, NULL);
	                 folio_store_sources_free(sources, n), "sources");
	WRITE_THEN_CHECK(search_ranked(st, "volcano", NULL, NULL, 1, 0, &hits, &n, NULL);
	                 folio_store_hits_free(hits, n), "search stopped at its limit");
	WRITE_THEN_CHECK(search_count(st, "volcano", NULL, NULL, 1, &a, NULL), "count");
	WRITE_THEN_CHECK(folio_store_get(st, wire_ids[1], &r, NULL); folio_record_free(&r), "get");
	WRITE_THEN_CHECK(folio_store_neighbour(st, 0, wire_ids[1], 1, true, &a, &found, NULL),
	                 "neighbour");
	WRITE_THEN_CHECK(folio_store_list_position(st, 0, &key, &a, NULL), "position");
	WRITE_THEN_CHECK(folio_store_totals(st, &a, &b, NULL), "totals");
#undef WRITE_THEN_CHECK
}

static void test_readonly(const char *path)
{
	struct folio_store *ro;
	struct folio_list_row *rows;
	size_t n;
	enum folio_put_result res;
	char *err = NULL;
	struct folio_article a = art("X", "Y", NULL, "Z");
	int64_t total, unread;

	ok(folio_store_open(path, FOLIO_STORE_READONLY, &ro, &err) == 0, "open read-only: %s",
	   err ? err : "ok");
	free(err);
	err = NULL;
	if (!ro)
		return;
	ok(folio_store_list(ro, 0, NULL, false, false, 3, &rows, &n, NULL) == 0 && n == 3,
	   "a read-only store can be listed");
	folio_store_rows_free(rows, n);
	is_int(folio_store_put(ro, &a, "/ro.txt", &res, &err), -1, "put into a read-only store fails");
	ok(err && strstr(err, path), "naming the store: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(folio_store_set_read(ro, 1, true, &err), -1, "so does set_read");
	free(err);
	folio_store_totals(ro, &total, &unread, NULL);
	ok(total > 0, "totals still read");
	folio_store_close(ro);
}

static void expect_refused(const char *path, int flags, const char *want, const char *what)
{
	struct folio_store *st = (struct folio_store *)1;
	char *err = NULL;
	size_t before_len = 0, after_len = 0;
	char *before = slurp(path, &before_len), *after;

	is_int(folio_store_open(path, flags, &st, &err), -1, "%s is refused", what);
	ok(st == NULL, "%s: no store is returned", what);
	ok(err && strstr(err, path) && strstr(err, want), "%s: message: %s", what, err ? err : "");
	free(err);
	after = slurp(path, &after_len);
	if (before)
		ok(after && before_len == after_len && memcmp(before, after, before_len) == 0,
		   "%s: the file is unchanged", what);
	else
		ok(after == NULL, "%s: no file was created", what);
	free(before);
	free(after);
}

#define NOBODY 65534

/*
 * Run fn in a child as the unprivileged user nobody (tests run as root in
 * CI, and root may write anywhere); the child's TAP lines are numbered on
 * from ours, and its count and failures added to ours.
 */
static void as_nobody(void (*fn)(void *), void *arg)
{
	int fd[2];
	fflush(stdout);
	if (pipe(fd) != 0) {
		ok(0, "a pipe to the child that runs as nobody");
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		int failed = tap_failed;
		if (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
			ok(0, "become nobody");
		else
			fn(arg);
		fflush(stdout);
		int result[2] = { tap_count, tap_failed - failed };
		_exit(write(fd[1], result, sizeof result) == sizeof result ? 0 : 1);
	}
	close(fd[1]);
	int result[2] = { 0, 0 }, status = 0;
	bool got = pid > 0 && read(fd[0], result, sizeof result) == sizeof result;
	close(fd[0]);
	if (pid > 0)
		waitpid(pid, &status, 0);
	if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ok(0, "the child that runs as nobody reports back");
		return;
	}
	tap_count = result[0];
	tap_failed += result[1];
}

struct unwritable {
	const char *in_locked, *protected;
};

static void refuse_unwritable(void *arg)
{
	const struct unwritable *u = arg;
	expect_refused(u->in_locked, FOLIO_STORE_CREATE, "cannot create", "an unwritable folder");
	expect_refused(u->protected, 0, "is read-only", "a store without write permission");
}

static void test_refusals(void)
{
	char *foreign = path_in("foreign.db"), *other = path_in("other.db");
	char *newer = path_in("newer.db"), *random_file = path_in("random.db");
	char *missing = path_in("missing.db"), *regular = path_in("regular");
	char *under_regular = path_in("regular/sub/folio.db");
	char *locked_dir = path_in("locked"), *in_locked = path_in("locked/folio.db");
	char *empty = path_in("empty.db"), *protected = path_in("protected.db");
	struct folio_store *st;
	char *err = NULL;
	FILE *f;

	raw_exec(foreign, "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');");
	expect_refused(foreign, 0, "is not a folio store", "an SQLite file of another program");
	raw_exec(other, "PRAGMA application_id = 1234; CREATE TABLE t(x);");
	expect_refused(other, FOLIO_STORE_CREATE, "is not a folio store", "another application_id");
	raw_exec(other, "DROP TABLE t;");
	expect_refused(other, 0, "is not a folio store", "another application_id, no tables");

	ok(folio_store_open(newer, FOLIO_STORE_CREATE, &st, NULL) == 0, "make a store");
	folio_store_close(st);
	raw_exec(newer, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
	char knows[64];
	snprintf(knows, sizeof knows, "newer folio (schema 99, this folio knows %d)", FOLIO_STORE_SCHEMA);
	expect_refused(newer, 0, knows, "a newer schema");
	expect_refused(newer, FOLIO_STORE_READONLY, "newer folio", "a newer schema, read-only");

	f = fopen(random_file, "wb");
	srand(7);
	for (int i = 0; f && i < 8192; i++)
		fputc(rand() & 0xff, f);
	if (f)
		fclose(f);
	expect_refused(random_file, FOLIO_STORE_CREATE, "is damaged or not an SQLite file",
	               "random bytes");

	expect_refused(missing, FOLIO_STORE_READONLY, "does not exist", "read-only, missing");
	expect_refused(missing, 0, "does not exist", "missing without CREATE");

	f = fopen(regular, "w");
	if (f)
		fclose(f);
	expect_refused(under_regular, FOLIO_STORE_CREATE, "regular", "a folder that is a file");

	mkdir(locked_dir, 0500);
	ok(folio_store_open(protected, FOLIO_STORE_CREATE, &st, NULL) == 0, "make a store to protect");
	folio_store_close(st);
	struct unwritable u = { in_locked, protected };
	if (geteuid() == 0) {
		/* root can write anywhere: the user this test runs as owns the files, as it would */
		if (chown(tmpdir, NOBODY, NOBODY) != 0 || chown(locked_dir, NOBODY, NOBODY) != 0 ||
		    chown(protected, NOBODY, NOBODY) != 0)
			ok(0, "give the test's folder to nobody");
		chmod(protected, 0444);
		as_nobody(refuse_unwritable, &u);
	} else {
		chmod(protected, 0444);
		refuse_unwritable(&u);
	}
	ok(folio_store_open(protected, FOLIO_STORE_READONLY, &st, NULL) == 0,
	   "which still opens read-only");
	folio_store_close(st);

	expect_refused(tmpdir, FOLIO_STORE_CREATE, "is a folder", "a folder");

	f = fopen(empty, "w");
	if (f)
		fclose(f);
	ok(folio_store_open(empty, FOLIO_STORE_CREATE, &st, &err) == 0,
	   "an empty file becomes a store: %s", err ? err : "ok");
	free(err);
	folio_store_close(st);

	free(foreign), free(other), free(newer), free(random_file), free(missing);
	free(regular), free(under_regular), free(locked_dir), free(in_locked), free(empty);
	free(protected);
}

int main(void)
{
	struct folio_store *st = NULL;
	char *err = NULL, *path;
	struct stat sb;
	int64_t total, unread, total2, unread2;

	if (tmpdir_make("store") != 0)
		return 1;
	path = path_in("new/deeper/folio.db");
	ok(folio_store_open(path, FOLIO_STORE_CREATE, &st, &err) == 0, "create a store: %s",
	   err ? err : "ok");
	free(err);
	if (!st)
		return tap_done();
	{
		char *dir = path_in("new/deeper");
		ok(stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && (sb.st_mode & 0777) == 0700,
		   "missing folders are created private");
		free(dir);
	}
	ok(strlen(folio_store_sqlite_version()) > 0, "sqlite version %s", folio_store_sqlite_version());

	test_marks(path);
	test_write_and_counts(st);
	test_paging(st);
	test_neighbours(st);
	test_search(st);
	test_search_orders();
	test_web_address_names();
	test_all_or_nothing(st, path);
	test_busy(st, path);
	test_no_open_reads(st, path);
	folio_store_totals(st, &total, &unread, NULL);
	folio_store_close(st);

	ok(folio_store_open(path, 0, &st, NULL) == 0, "reopen the store");
	if (st) {
		folio_store_totals(st, &total2, &unread2, NULL);
		ok(total2 == total && unread2 == unread, "counts survive a reopen");
		folio_store_close(st);
	}
	test_readonly(path);
	test_refusals();

	free(path);
	tmpdir_remove();
	return tap_done();
}
