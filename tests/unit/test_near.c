/*
 * test_near: near-duplicate stories (issue 19) on pairs we wrote
 * (tests/data/near): a wire report, the same report reprinted with another
 * outlet's furniture and headline and its last paragraphs cut, the same
 * page saved again a day later with a paragraph added, and another
 * outlet's own report of the same event, naming the same people and
 * sharing a quote.  The first three are one story, the fourth is not;
 * then the same through the store, which links them as it puts them.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "folio/extract.h"
#include "folio/near.h"
#include "folio/store.h"
#include "tap.h"
#include "tmpdir.h"

enum { WIRE, REPRINT, RESAVED, RIVAL, PAGES };
static const char *const names[PAGES] = { "wire", "reprint", "resaved", "rival" };
static struct folio_article pages[PAGES];

static int load(void)
{
	const char *top = getenv("top_srcdir");
	for (int i = 0; i < PAGES; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/tests/data/near/%s.txt", top ? top : ".", names[i]);
		FILE *f = fopen(path, "rb");
		char buf[65536];
		size_t len;
		const char *reason;
		if (!f) {
			printf("# cannot read %s\n", path);
			return -1;
		}
		len = fread(buf, 1, sizeof buf, f);
		fclose(f);
		if (folio_extract(buf, len, &pages[i], &reason) != FOLIO_EXTRACT_OK || !pages[i].body) {
			printf("# no article in %s\n", path);
			return -1;
		}
	}
	return 0;
}

static double similarity(int a, int b, bool *shares_band)
{
	struct folio_near sa, sb;
	unsigned char pa[FOLIO_NEAR_PACKED], pb[FOLIO_NEAR_PACKED];
	int64_t ka[FOLIO_NEAR_BANDS], kb[FOLIO_NEAR_BANDS];
	ok(folio_near_sign(pages[a].body, &sa) && folio_near_sign(pages[b].body, &sb),
	   "%s and %s are long enough to sign", names[a], names[b]);
	folio_near_pack(&sa, pa);
	folio_near_pack(&sb, pb);
	folio_near_bands(&sa, ka);
	folio_near_bands(&sb, kb);
	*shares_band = false;
	for (int i = 0; i < FOLIO_NEAR_BANDS; i++)
		*shares_band |= ka[i] == kb[i];
	return folio_near_similarity(pa, pb);
}

static void test_pairs(void)
{
	bool band;
	double s;

	s = similarity(WIRE, REPRINT, &band);
	ok(s >= FOLIO_NEAR_THRESHOLD && band, "a reprint with other furniture and headline is "
	   "the same story (similarity %.2f)", s);
	s = similarity(WIRE, RESAVED, &band);
	ok(s >= FOLIO_NEAR_THRESHOLD && band, "the page saved again with an update is the same "
	   "story (%.2f)", s);
	s = similarity(REPRINT, RESAVED, &band);
	ok(s >= FOLIO_NEAR_THRESHOLD, "and so are the reprint and the update (%.2f)", s);
	s = similarity(WIRE, RIVAL, &band);
	ok(s < 0.2, "another report of the same event, same names and a shared quote, is "
	   "another story (%.2f)", s);

	struct folio_near sig;
	ok(!folio_near_sign("Watch the video of the bridge closing.", &sig),
	   "a body of a few words is never signed");
	ok(!folio_near_sign("", &sig), "nor an empty one");

	/* Case and punctuation do not matter; words do. */
	struct folio_near x, y;
	unsigned char px[FOLIO_NEAR_PACKED], py[FOLIO_NEAR_PACKED];
	folio_near_sign(pages[WIRE].body, &x);
	char *loud = strdup(pages[WIRE].body);
	for (char *p = loud; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
		else if (*p == ',' || *p == '.')
			*p = ';';
	folio_near_sign(loud, &y);
	folio_near_pack(&x, px);
	folio_near_pack(&y, py);
	ok(folio_near_similarity(px, py) == 1.0, "case and punctuation are not words");
	free(loud);
}

static int64_t put(struct folio_store *st, int page, const char *path)
{
	enum folio_put_result r;
	char *err = NULL;
	if (folio_store_put(st, &pages[page], path, &r, &err) != 0) {
		printf("# put %s: %s\n", path, err ? err : "?");
		free(err);
		return 0;
	}
	struct folio_list_row *rows;
	size_t n;
	/* the newest id: every page here has the same date, so it heads the list */
	folio_store_list(st, 0, NULL, false, false, 1, &rows, &n, NULL);
	int64_t id = n ? rows[0].id : 0;
	folio_store_rows_free(rows, n);
	return id;
}

static void test_store(void)
{
	struct folio_store *st;
	char *path = path_in("near.db"), *err = NULL;
	int64_t id[PAGES], story, size;

	if (!ok(folio_store_open(path, FOLIO_STORE_CREATE, &st, &err) == 0, "open a store")) {
		printf("# %s\n", err);
		free(err);
		free(path);
		return;
	}
	folio_store_begin(st, NULL);
	for (int i = 0; i < PAGES; i++)
		id[i] = put(st, i, names[i]);
	folio_store_commit(st, NULL);

	ok(folio_store_story(st, id[WIRE], &story, &size, NULL) == 0, "the story of an article");
	ok(story == id[WIRE] && size == 3, "the wire report heads a story of three (story %lld "
	   "of %lld, size %lld)", (long long)story, (long long)id[WIRE], (long long)size);
	ok(folio_store_story(st, id[REPRINT], &story, &size, NULL) == 0 && story == id[WIRE],
	   "the reprint belongs to it");
	ok(folio_store_story(st, id[RESAVED], &story, &size, NULL) == 0 && story == id[WIRE],
	   "so does the page saved again");
	ok(folio_store_story(st, id[RIVAL], &story, &size, NULL) == 0 && story == id[RIVAL] &&
	   size == 1, "the other outlet's report is a story of its own");

	struct folio_list_row *rows;
	size_t n;
	ok(folio_store_story_rows(st, id[WIRE], &rows, &n, NULL) == 0 && n == 3 &&
	   rows[0].id == id[WIRE], "the story lists its own article first, then its copies");
	if (n == 3)
		is_str(rows[1].source, "The Milbrook Courier", "with their sources");
	folio_store_rows_free(rows, n);

	/* The reprint's file changes to the rival's text: it leaves the story. */
	enum folio_put_result r;
	struct folio_article changed = pages[RIVAL];
	char *body = NULL;
	if (asprintf(&body, "%s\n\nMore to come.", changed.body) < 0)
		abort();
	changed.body = body;
	ok(folio_store_put(st, &changed, names[REPRINT], &r, NULL) == 0 &&
	   r == FOLIO_PUT_UPDATED, "a changed file replaces its article");
	ok(folio_store_story(st, id[REPRINT], &story, &size, NULL) == 0 && story == id[RIVAL],
	   "and it is linked afresh: now a copy of the rival's report");
	ok(folio_store_story(st, id[WIRE], &story, &size, NULL) == 0 && size == 2,
	   "the wire's story is two now");
	free(body);
	folio_store_close(st);
	free(path);
}

/* An old store (schema 1, the fixture) is upgraded in place and links what comes after. */
static void test_upgrade(void)
{
	const char *top = getenv("top_srcdir");
	char fixture[4096], *path = path_in("old.db"), *err = NULL;
	snprintf(fixture, sizeof fixture, "%s/tests/data/stores/v1-three-articles.db",
	         top ? top : ".");
	FILE *in = fopen(fixture, "rb"), *out = fopen(path, "wb");
	char buf[65536];
	size_t got;
	if (!ok(in && out, "copy the schema 1 fixture")) {
		if (in)
			fclose(in);
		if (out)
			fclose(out);
		free(path);
		return;
	}
	while ((got = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, got, out);
	fclose(in);
	fclose(out);

	struct folio_store *st;
	if (!ok(folio_store_open(path, 0, &st, &err) == 0, "the old store opens, upgraded")) {
		printf("# %s\n", err);
		free(err);
		free(path);
		return;
	}
	int64_t wire = put(st, WIRE, "wire"), reprint = put(st, REPRINT, "reprint");
	int64_t story = 0, size = 0;
	ok(folio_store_story(st, reprint, &story, &size, NULL) == 0 && story == wire && size == 2,
	   "articles put after the upgrade are linked");
	ok(folio_store_story(st, 1, &story, &size, NULL) == 0 && story == 1 && size == 1,
	   "an article from before it is a story of its own");
	folio_store_close(st);

	/* Deleting a story's first article leaves the rest a story, led by the lowest. */
	sqlite3 *db;
	int64_t resaved;
	ok(folio_store_open(path, 0, &st, NULL) == 0, "open it again");
	resaved = put(st, RESAVED, "resaved");
	folio_store_close(st);
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM articles WHERE id = %lld", (long long)wire);
	ok(sqlite3_open(path, &db) == SQLITE_OK &&
	   sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "delete the wire report");
	sqlite3_close(db);
	ok(folio_store_open(path, FOLIO_STORE_READONLY, &st, NULL) == 0, "open it read-only");
	ok(folio_store_story(st, resaved, &story, &size, NULL) == 0 && story == reprint &&
	   size == 2, "the reprint now leads the story, with the page saved again");
	ok(folio_store_story(st, reprint, &story, &size, NULL) == 0 && story == reprint,
	   "and is no one's copy");
	folio_store_close(st);
	free(path);
}

int main(void)
{
	if (!ok(load() == 0, "the pages of tests/data/near are read and extracted"))
		return tap_done();
	if (tmpdir_make("near") != 0)
		return 1;
	test_pairs();
	test_store();
	test_upgrade();
	tmpdir_remove();
	for (int i = 0; i < PAGES; i++)
		folio_article_free(&pages[i]);
	return tap_done();
}
