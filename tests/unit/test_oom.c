/*
 * test_oom: every allocation folio makes, made to fail in turn.
 *
 * Each case below runs one piece of folio on a real input.  The test
 * allocator (folio_alloc_fail_at() in folio/util.h) fails the first
 * allocation, then, from the start, the second, and so on, until a run
 * makes fewer allocations than the one chosen and so runs clean: every
 * out-of-memory branch on the way has run.  A run that hits the failure
 * must fail cleanly (say so: a NOMEM result or -1) or, when it copes,
 * give the same answer as a clean run; never crash, and never return a
 * half answer as a whole one.  Leaks and bad frees are for the sanitizer
 * build to find (CI runs the suite under ASan and LeakSanitizer).
 */
#include "folio/folio.h"

#include <unistd.h>

#include "folio/extract.h"
#include "folio/feed.h"
#include "folio/html.h"
#include "folio/import.h"
#include "folio/json.h"
#include "folio/keymap.h"
#include "folio/near.h"
#include "folio/search.h"
#include "folio/store.h"
#include "folio/text.h"
#include "tap.h"
#include "samples.h"
#include "tmpdir.h"

#define MAX_ALLOCS 200000

/* One case: 0 as a clean run answers, 1 a clean failure, -1 a wrong answer. */
typedef int oom_case(void *ctx);

/* The case running and the allocation chosen: for a debugger's breakpoint condition. */
static const char *volatile running;
static volatile unsigned long running_n;

/* Fail allocation 1, 2, ... of fn until a run is clean; how many runs, or 0 when one went wrong. */
static unsigned long fail_each(const char *name, oom_case *fn, void *ctx)
{
	running = name;
	folio_alloc_fail_at(0);
	if (fn(ctx) != 0) {
		ok(0, "%s: runs clean without failures", name);
		return 0;
	}
	for (unsigned long n = 1; n < MAX_ALLOCS; n++) {
		running_n = n;
		folio_alloc_fail_at(n);
		int rc = fn(ctx);
		bool failed = folio_alloc_failed();
		folio_alloc_fail_at(0);
		if (!failed) {
			if (rc != 0) {
				ok(0, "%s: a clean run after %lu failures answers as before", name, n - 1);
				return 0;
			}
			return n - 1;
		}
		if (rc < 0) {
			ok(0, "%s: allocation %lu failing gives a wrong answer, not a failure", name, n);
			if (getenv("OOM_VERBOSE"))
				printf("# run with OOM_AT=%lu to see it\n", n);
			return 0;
		}
	}
	ok(0, "%s: more than %d allocations", name, MAX_ALLOCS);
	return 0;
}

static void check(const char *name, oom_case *fn, void *ctx)
{
	unsigned long n = fail_each(name, fn, ctx);
	if (n)
		ok(1, "%s: each of its %lu allocations failed in turn, each time cleanly", name, n);
}

/* ---- the cases ---- */

struct page {
	const char *text;
	size_t len;
	struct folio_article want; /* a clean run's answer */
};

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_article(const struct folio_article *a, const struct folio_article *b)
{
	return same(a->source, b->source) && same(a->title, b->title) &&
	       same(a->byline, b->byline) && same(a->date, b->date) &&
	       same(a->dateline, b->dateline) && same(a->body, b->body);
}

static int judge(enum folio_extract_result r, struct folio_article *got,
                 const struct folio_article *want)
{
	if (r == FOLIO_EXTRACT_NOMEM)
		return 1;
	int rc = r == FOLIO_EXTRACT_OK && same_article(got, want) ? 0 : -1;
	if (rc != 0 && getenv("OOM_VERBOSE"))
		printf("# result %d; title %s; body %.60s\n", (int)r, got->title ? got->title : "(null)",
		       got->body ? got->body : "(null)");
	folio_article_free(got);
	return rc;
}

static int extract_case(void *ctx)
{
	struct page *p = ctx;
	struct folio_article a;
	const char *reason;
	return judge(folio_extract(p->text, p->len, &a, &reason), &a, &p->want);
}

static int html_case(void *ctx)
{
	struct page *p = ctx;
	struct folio_article a;
	const char *reason;
	return judge(folio_html_extract(p->text, p->len, &a, &reason), &a, &p->want);
}

static int decode_case(void *ctx)
{
	struct page *p = ctx;
	size_t len;
	const char *why;
	char *text = folio_text_decode(p->text, p->len, &len, &why);
	if (!text)
		return 1;
	int rc = same(text, p->want.body) ? 0 : -1;
	free(text);
	return rc;
}

struct feed {
	const char *text;
	size_t len;
	size_t n; /* entries in a clean run */
	char *first_body;
};

static int feed_case(void *ctx)
{
	struct feed *f = ctx;
	struct folio_feed_entry *e;
	size_t n;
	const char *reason;
	enum folio_extract_result r = folio_feed_parse(f->text, f->len, &e, &n, &reason);
	if (r == FOLIO_EXTRACT_NOMEM)
		return 1;
	/* a feed that broke off says where: memory running out mid-feed must not pass as that */
	int rc = r == FOLIO_EXTRACT_OK && n == f->n && !reason && same(e[0].article.body, f->first_body)
	             ? 0 : -1;
	if (r == FOLIO_EXTRACT_OK)
		folio_feed_free(e, n);
	return rc;
}

static int search_case(void *ctx)
{
	(void)ctx;
	struct folio_query q;
	if (folio_search_parse("putin \"missile defense\" -nato after:2001-09-01 by:jill port* "
	                       "tag:later", true, &q) != 0)
		return 1;
	struct folio_span *spans = NULL;
	const char *text = "Putin spoke of missile defense at the port";
	size_t n = folio_search_highlight(&q, text, strlen(text), &spans);
	/* highlight has no way to say it ran out: no spans is its answer then */
	int rc = q.match && strstr(q.match, "missile") && same(q.tag, "later") && (n == 3 || n == 0)
	             ? 0 : -1;
	free(spans);
	folio_query_free(&q);
	return rc;
}

struct keys {
	const char *text;
	size_t len;
};

static void count_problem(void *ctx, const char *file, unsigned line, const char *reason)
{
	(void)file;
	(void)line;
	(void)reason;
	(*(int *)ctx)++;
}

static int keymap_case(void *ctx)
{
	struct keys *k = ctx;
	struct folio_keymap *km = folio_keymap_new();
	if (!km)
		return 1;
	int problems = 0;
	int rc = folio_keymap_load_text(km, "test.keys", k->text, k->len, count_problem, &problems);
	folio_key seq[4];
	size_t n = folio_key_parse("gg", seq, 4);
	enum folio_action a = FOLIO_ACT_NONE;
	enum folio_key_match m = folio_keymap_lookup(km, FOLIO_CTX_SOURCES, seq, n, &a);
	bool set = folio_keymap_settings(km)->list_width == 30 &&
	           folio_keymap_settings(km)->colors[FOLIO_COLOR_MATCH].set;
	folio_keymap_free(km);
	if (rc == 0)
		return m == FOLIO_KEY_BOUND && a == FOLIO_ACT_TOP && set ? 0 : -1;
	/* out of memory is reported as a problem of the file */
	return problems > 0 ? 1 : -1;
}

/* A new store for one run of a case (DIR/NAME-RUN.db): its own file each
 * run, so a run that failed half way leaves nothing to the next. */
struct run_store {
	char path[4096];
	struct folio_store *st;
	char *err;
};

static bool run_store_open(struct run_store *r, const char *dir, const char *name, int *runs)
{
	snprintf(r->path, sizeof r->path, "%s/%s-%d.db", dir, name, (*runs)++);
	r->st = NULL;
	r->err = NULL;
	return folio_store_open(r->path, FOLIO_STORE_CREATE, &r->st, &r->err) == 0;
}

/* Close and remove it; rc, the case's answer, passes through. */
static int run_store_close(struct run_store *r, int rc)
{
	free(r->err);
	if (r->st)
		folio_store_close(r->st);
	unlink(r->path);
	return rc;
}

struct store_case {
	const char *dir;
	const struct folio_article *a;
	int runs;
};

static int store_case(void *ctx)
{
	struct store_case *c = ctx;
	struct run_store r;
	int rc = 1;
	if (!run_store_open(&r, c->dir, "store", &c->runs))
		goto out;
	enum folio_put_result put;
	if (folio_store_put(r.st, c->a, "page.txt", &put, &r.err) != 0)
		goto out;
	struct folio_query q;
	if (folio_search_parse("lighthouse", false, &q) != 0)
		goto out;
	struct folio_search_opts o = { .match = q.match, .limit = 10 };
	struct folio_hit *hits = NULL;
	size_t n = 0;
	int got = folio_store_search(r.st, &o, &hits, &n, &r.err);
	folio_query_free(&q);
	if (got != 0)
		goto out;
	struct folio_record rec;
	int found = n == 1 ? folio_store_get(r.st, hits[0].id, &rec, &r.err) : -1;
	folio_store_hits_free(hits, n);
	if (found < 0)
		goto out;
	rc = found == 0 && same(rec.title, c->a->title) && same(rec.body, c->a->body) &&
	     same(rec.url, c->a->url) ? 0 : -1;
	folio_record_free(&rec);
out:
	return run_store_close(&r, rc);
}

struct import_case {
	const char *dir;
	const char *name;
	const char *bytes;
	size_t len;
	size_t want;
	int runs;
};

static int import_case(void *ctx)
{
	struct import_case *c = ctx;
	struct run_store r;
	int rc = 1;
	if (run_store_open(&r, c->dir, "import", &c->runs)) {
		struct folio_import_stats stats = { 0 };
		struct folio_import_options opts = { 0 };
		if (folio_import_buffer(r.st, c->name, c->bytes, c->len, &opts, &stats, &r.err) == 0)
			rc = stats.imported == c->want ? 0 : stats.skipped ? 1 : -1;
	}
	return run_store_close(&r, rc);
}

/* The display rule, wrapping and folding: what the reader does to every line. */
static int display_case(void *ctx)
{
	const char *s = ctx;
	size_t len = strlen(s), dlen, flen;
	char *d = folio_text_display(s, len, &dlen);
	if (!d)
		return 1;
	struct folio_line *lines = NULL;
	size_t n = folio_text_wrap(d, dlen, 20, &lines);
	size_t *map = NULL;
	char *f = n ? folio_text_fold(d, dlen, &flen, &map) : NULL;
	int rc = !n || !f ? 1 : n >= 3 && strstr(f, "cafe") ? 0 : -1;
	free(map);
	free(f);
	free(lines);
	free(d);
	return rc;
}

/* An object of --json output: complete, or not written at all. */
static int json_case(void *ctx)
{
	(void)ctx;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	if (!out)
		return 1;
	struct folio_json j;
	folio_json_begin(&j);
	folio_json_int(&j, "id", 7);
	folio_json_text(&j, "title", "Caf\u00e9 \x1b[31mred\x1b[0m");
	folio_json_bool(&j, "read", true);
	folio_json_number(&j, "score", -1.5);
	int rc = folio_json_write(&j, out);
	fclose(out);
	int result = rc != 0 ? (len == 0 ? 1 : -1)
	             : strstr(buf, "\"score\"") && strstr(buf, "\"read\"") && !strchr(buf, 0x1b) ? 0 : -1;
	free(buf);
	return result;
}

/* The reader's reads and writes: sources, a page of a list, a neighbour, marks, a tag. */
static int browse_case(void *ctx)
{
	struct folio_store *st = ctx;
	char *err = NULL;
	struct folio_source_row *src = NULL;
	size_t nsrc = 0;
	if (folio_store_sources(st, &src, &nsrc, &err) != 0) {
		free(err);
		return 1;
	}
	int64_t source = nsrc ? src[0].id : 0;
	folio_store_sources_free(src, nsrc);
	struct folio_list_row *rows = NULL;
	size_t n = 0;
	if (folio_store_list(st, source, NULL, false, false, 10, &rows, &n, &err) != 0) {
		free(err);
		return 1;
	}
	int64_t first = n ? rows[0].id : 0;
	folio_store_rows_free(rows, n);
	int64_t next = 0;
	bool found = false;
	if (folio_store_neighbour(st, source, first, 1, false, &next, &found, &err) != 0) {
		free(err);
		return 1;
	}
	struct folio_marks m = { first, true, true };
	if (folio_store_set_marks(st, &m, 1, &err) != 0) {
		free(err);
		return 1;
	}
	int64_t changed = 0;
	if (folio_store_tag(st, &first, 1, "later", true, &changed, &err) != 0) {
		free(err);
		return 1;
	}
	struct folio_tag_row *tags = NULL;
	size_t ntags = 0;
	if (folio_store_tags_of(st, first, &tags, &ntags, &err) != 0) {
		free(err);
		return 1;
	}
	bool tagged = ntags == 1 && same(tags[0].name, "later");
	folio_store_tags_free(tags, ntags);
	return nsrc == 1 && n == 2 && found && tagged ? 0 : -1;
}

/* Near-duplicates linked at put, then their story read back: two of one wire report. */
struct near_case {
	const char *dir;
	const struct folio_article *a, *b;
	int runs;
};

static int near_case(void *ctx)
{
	struct near_case *c = ctx;
	struct run_store r;
	enum folio_put_result put;
	int rc = 1;
	if (!run_store_open(&r, c->dir, "near", &c->runs) ||
	    folio_store_put(r.st, c->a, "wire.txt", &put, &r.err) != 0 ||
	    folio_store_put(r.st, c->b, "reprint.txt", &put, &r.err) != 0)
		goto out;
	int64_t story = 0, size = 0;
	struct folio_list_row *rows = NULL;
	size_t n = 0;
	/* the reprint is the second article put: id 2, in the story of id 1 */
	if (folio_store_story(r.st, 2, &story, &size, &r.err) != 0 ||
	    folio_store_story_rows(r.st, story, &rows, &n, &r.err) != 0)
		goto out;
	rc = story == 1 && size == 2 && n == 2 && rows[0].id == 1 && rows[1].id == 2 &&
	     same(rows[1].title, c->b->title) ? 0 : -1;
	folio_store_rows_free(rows, n);
out:
	return run_store_close(&r, rc);
}

/* The shingles of a body, as the near bench reads them. */
static int shingles_case(void *ctx)
{
	const struct folio_article *a = ctx;
	size_t n, words;
	uint64_t *sh = folio_near_shingles(a->body, FOLIO_NEAR_WORDS, &n, &words);
	if (!sh)
		return words >= FOLIO_NEAR_WORDS ? 1 : -1;
	int rc = n == words - FOLIO_NEAR_WORDS + 1 ? 0 : -1;
	free(sh);
	return rc;
}

/* ---- the inputs ---- */

static char *sample(const char *rel, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/%s", top ? top : ".", rel);
	char *s = read_file(path, len);
	ok(s != NULL, "read %s", rel);
	return s;
}

int main(void)
{
	size_t len;

	/* plain text: decoding, then extraction */
	char *txt = sample("articles/allotment-water.txt", &len);
	if (txt) {
		struct page p = { txt, len, { 0 } };
		const char *why;
		p.want.body = folio_text_decode(txt, len, NULL, &why);
		check("text decode", decode_case, &p);
		const char *reason;
		char *text = p.want.body;
		struct page e = { text, strlen(text), { 0 } };
		if (folio_extract(text, e.len, &e.want, &reason) == FOLIO_EXTRACT_OK)
			check("extract", extract_case, &e);
		else
			ok(0, "extract finds the sample's article");
		folio_article_free(&e.want);
		free(text);
	}

	/* saved web pages: meta tags, JSON-LD, a legacy charset, a malformed page */
	static const char *const pages[] = { "html/br-runs.html", "html/harbour-ferry-jsonld.html",
	                                     "html/vallon-marche-1252.html", "html/quarry-malformed.html",
	                                     "html/sidebar-column.html" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		char *html = sample(pages[i], &len);
		if (!html)
			continue;
		struct page p = { html, len, { 0 } };
		const char *reason;
		char name[128];
		snprintf(name, sizeof name, "html extract of %s", pages[i]);
		if (folio_html_extract(html, len, &p.want, &reason) == FOLIO_EXTRACT_OK)
			check(name, html_case, &p);
		else
			ok(0, "html finds the article of %s", pages[i]);
		folio_article_free(&p.want);
		free(html);
	}

	/* feeds: Atom, RSS, RDF, UTF-16 */
	static const char *const feeds[] = { "feeds/moorland-notes.atom", "feeds/valley-courier.rss",
	                                     "feeds/content-encoded.rdf", "feeds/utf16le-nobom.xml" };
	for (size_t i = 0; i < sizeof feeds / sizeof feeds[0]; i++) {
		char *xml = sample(feeds[i], &len);
		if (!xml)
			continue;
		struct feed f = { xml, len, 0, NULL };
		struct folio_feed_entry *e;
		const char *reason;
		char name[128];
		snprintf(name, sizeof name, "feed parse of %s", feeds[i]);
		if (folio_feed_parse(xml, len, &e, &f.n, &reason) == FOLIO_EXTRACT_OK) {
			f.first_body = e[0].article.body ? strdup(e[0].article.body) : NULL;
			folio_feed_free(e, f.n);
			check(name, feed_case, &f);
		} else {
			ok(0, "feed reads %s", feeds[i]);
		}
		free(f.first_body);
		free(xml);
	}

	/* a feed */
	char *atom = sample("feeds/atom03.atom", &len);
	if (atom) {
		struct feed f = { atom, len, 0, NULL };
		struct folio_feed_entry *e;
		const char *reason;
		if (folio_feed_parse(atom, len, &e, &f.n, &reason) == FOLIO_EXTRACT_OK) {
			f.first_body = e[0].article.body ? strdup(e[0].article.body) : NULL;
			folio_feed_free(e, f.n);
			check("feed parse", feed_case, &f);
		} else {
			ok(0, "feed reads the sample");
		}
		free(f.first_body);
	}

	check("search parse and highlight", search_case, NULL);
	check("display, wrap and fold",
	      display_case, "Caf\xc3\xa9 \x1b[2J society\xe2\x80\xae wins the fight over water charges at last");
	check("a --json object", json_case, NULL);

	static const char keys[] = "bind sources gg top\nbind article x toggle-read\n"
	                           "bind search <C-w> delete-word\nunbind global Q\n"
	                           "set list-width 30\ncolor match red\n";
	struct keys k = { keys, sizeof keys - 1 };
	check("keymap", keymap_case, &k);

	const char *dir = tmpdir;
	if (tmpdir_make("oom") == 0) {
		struct folio_article a = { .source = "The Gazette", .title = "The lighthouse reopens",
		                           .date = "2004-05-06", .body = "The lighthouse shone again.",
		                           .url = "https://gazette.example/lighthouse" };
		struct store_case sc = { dir, &a, 0 };
		check("store put, search, get", store_case, &sc);
		char *browse_path = path_in("browse.db");
		struct folio_store *st = NULL;
		char *err = NULL;
		enum folio_put_result put;
		struct folio_article b = a;
		b.title = "The lighthouse closes";
		if (folio_store_open(browse_path, FOLIO_STORE_CREATE, &st, &err) == 0 &&
		    folio_store_put(st, &a, "a.txt", &put, &err) == 0 &&
		    folio_store_put(st, &b, "b.txt", &put, &err) == 0)
			check("store sources, list, neighbour, marks", browse_case, st);
		else
			ok(0, "a store to browse: %s", err ? err : "?");
		free(err);
		free(browse_path);
		if (st)
			folio_store_close(st);
		/* near-duplicates: signed, banded and linked at put, their story read */
		size_t wire_len, reprint_len;
		char *wire = sample("near/wire.txt", &wire_len);
		char *reprint = sample("near/reprint.txt", &reprint_len);
		struct folio_article wa = { 0 }, ra = { 0 };
		const char *why;
		if (wire && reprint && folio_extract(wire, wire_len, &wa, &why) == FOLIO_EXTRACT_OK &&
		    folio_extract(reprint, reprint_len, &ra, &why) == FOLIO_EXTRACT_OK) {
			struct near_case nc = { dir, &wa, &ra, 0 };
			check("near-duplicates linked, their story read", near_case, &nc);
			check("near shingles", shingles_case, &wa);
		} else {
			ok(0, "the near samples extract");
		}
		folio_article_free(&wa);
		folio_article_free(&ra);
		free(wire);
		free(reprint);
		if (atom) {
			struct import_case ic = { dir, "feed.atom", atom, len, 0, 0 };
			/* a clean import of the feed says how many it holds */
			struct feed f = { atom, len, 0, NULL };
			struct folio_feed_entry *e;
			const char *reason;
			if (folio_feed_parse(atom, len, &e, &f.n, &reason) == FOLIO_EXTRACT_OK)
				folio_feed_free(e, f.n);
			ic.want = f.n;
			check("import a feed", import_case, &ic);
		}
		static const char export[] =
			"[{\"id\": 1, \"path\": \"/a/one.txt\", \"source\": \"The Gazette\", "
			"\"title\": \"One\", \"byline\": null, \"date\": \"2004-05-06\", "
			"\"dateline\": null, \"body\": \"The first \\u00e9t\\u00e9.\"},\n"
			" {\"id\": 2, \"path\": \"/a/two.txt\", \"source\": \"The Gazette\", "
			"\"title\": \"Two\", \"body\": \"The second.\"}]\n";
		struct import_case ec = { dir, "export.json", export, sizeof export - 1, 2, 0 };
		check("import an export", import_case, &ec);
		if (txt) {
			struct import_case tc = { dir, "page.txt", txt, strlen(txt), 1, 0 };
			check("import a text page", import_case, &tc);
		}
		tmpdir_remove();
	}
	free(txt);
	free(atom);
	return tap_done();
}
