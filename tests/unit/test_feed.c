/*
 * test_feed: folio_feed_parse() on our sample feeds and on hostile XML.
 *
 * Every NAME.expect in tests/data/feeds/ goes with the file NAME.* beside
 * it (.rss, .atom, .rdf, .xml) and lists what the feed must give:
 *
 *     count: N              how many entries
 *     source: NAME          lines before the first "entry:" hold for every entry
 *     entry: ID             starts the next entry and names its identity
 *     title: / byline: / date:   that entry's fields; one left out must be null
 *     body_first: / body_last: / body_has:   as in test_extract
 *     junk: TEXT            TEXT is in no field of any entry
 *     no_article: WORDS     the feed gives no entries; the reason says WORDS
 *
 * The folder is found under $top_srcdir (set by the test harness), else ".".
 */
#define _POSIX_C_SOURCE 200809L
#include "folio/feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tap.h"
#include "samples.h"

static const char *const fields[] = { "source", "title", "byline", "date", "dateline", "body" };

static const char *field_of(const struct folio_article *a, int i)
{
	const char *const v[] = { a->source, a->title, a->byline, a->date, a->dateline, a->body };
	return v[i];
}

/* The sample file NAME.* that is not NAME.expect. */
static char *find_feed(const char *dir, const char *name, size_t *len)
{
	static const char *const exts[] = { "rss", "atom", "rdf", "xml", NULL };
	char path[8192];
	for (const char *const *e = exts; *e; e++) {
		snprintf(path, sizeof path, "%s/%s.%s", dir, name, *e);
		char *text = read_file(path, len);
		if (text)
			return text;
	}
	return NULL;
}

/* Check one entry against the expect lines from lines[from] to the next "entry:". */
static void check_entry(const char *name, const struct folio_feed_entry *e, const char *source,
                        char **lines, size_t from, size_t to)
{
	const char *want[3] = { NULL, NULL, NULL }; /* title, byline, date */
	char label[512];
	snprintf(label, sizeof label, "%s [%s]", name, value_of(lines[from], "entry"));
	is_str(e->id, value_of(lines[from], "entry"), "%s: identity", label);
	for (size_t l = from + 1; l < to; l++)
		for (int i = 0; i < 3; i++)
			if (value_of(lines[l], fields[i + 1]))
				want[i] = value_of(lines[l], fields[i + 1]);
	is_str(e->article.source, source, "%s: source", label);
	for (int i = 0; i < 3; i++)
		is_str(field_of(&e->article, i + 1), want[i], "%s: %s", label, fields[i + 1]);
	ok(e->article.dateline == NULL, "%s: no dateline", label);
	ok(!e->article.body || (valid_text(e->article.body) && !strstr(e->article.body, "\n\n\n") &&
	                        !ends_with(e->article.body, "\n")),
	   "%s: body is clean, one blank line between paragraphs", label);
	for (size_t l = from + 1; l < to; l++)
		check_body_line(label, lines[l], e->article.body);
}

static void check_sample(const char *dir, const char *name)
{
	char path[8192];
	size_t len, elen;
	char *feed = find_feed(dir, name, &len);
	snprintf(path, sizeof path, "%s/%s.expect", dir, name);
	char *expect = read_file(path, &elen);
	char *lines[512];
	size_t nlines = expect ? split_lines(expect, elen, lines, 512) : 0;
	if (!ok(feed && expect, "%s: feed and .expect readable", name)) {
		free(feed);
		free(expect);
		return;
	}
	const char *source = NULL, *no_article = NULL, *count = NULL;
	size_t first_entry = nlines;
	for (size_t l = 0; l < nlines; l++) {
		if (value_of(lines[l], "entry") && first_entry == nlines)
			first_entry = l;
		if (l < first_entry && value_of(lines[l], "source"))
			source = value_of(lines[l], "source");
		if (value_of(lines[l], "no_article"))
			no_article = value_of(lines[l], "no_article");
		if (value_of(lines[l], "count"))
			count = value_of(lines[l], "count");
	}
	struct folio_feed_entry *entries;
	size_t n;
	const char *reason;
	enum folio_extract_result rc = folio_feed_parse(feed, len, &entries, &n, &reason);
	if (no_article) {
		is_int(rc, FOLIO_EXTRACT_NO_ARTICLE, "%s: no entries", name);
		ok(entries == NULL && n == 0, "%s: nothing returned", name);
		ok(reason && strstr(reason, no_article), "%s: reason \"%s\" says \"%s\"", name,
		   reason ? reason : "(null)", no_article);
		if (rc == FOLIO_EXTRACT_OK)
			folio_feed_free(entries, n);
	} else if (ok(rc == FOLIO_EXTRACT_OK, "%s: parsed", name)) {
		is_int((long long)n, count ? atoll(count) : -1, "%s: entry count", name);
		size_t e = 0;
		for (size_t l = first_entry; l < nlines && e < n; e++) {
			size_t next = l + 1;
			while (next < nlines && !value_of(lines[next], "entry"))
				next++;
			check_entry(name, &entries[e], source, lines, l, next);
			l = next;
		}
		for (size_t l = 0; l < nlines; l++) {
			const char *junk = value_of(lines[l], "junk");
			int found = 0;
			for (size_t i = 0; junk && i < n; i++)
				for (int f = 0; f < 6; f++)
					found |= field_of(&entries[i].article, f) &&
					         strstr(field_of(&entries[i].article, f), junk) != NULL;
			if (junk)
				ok(!found, "%s: no \"%s\" in any field", name, junk);
		}
		folio_feed_free(entries, n);
	}
	free(feed);
	free(expect);
}

static enum folio_extract_result parse(const char *xml, struct folio_feed_entry **e, size_t *n,
                                       const char **reason)
{
	return folio_feed_parse(xml, strlen(xml), e, n, reason);
}

static long peak_rss_kb(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

static void hostile(void)
{
	struct folio_feed_entry *e;
	size_t n;
	const char *reason;

	is_int(parse("<rss><channel><title>x", &e, &n, &reason), FOLIO_EXTRACT_NO_ARTICLE,
	       "a truncated feed with no entries: no article");
	is_int(parse("<html><body>hi</body></html>", &e, &n, &reason), FOLIO_EXTRACT_NO_ARTICLE,
	       "XML that is not a feed: no article");
	ok(reason && strstr(reason, "not an RSS"), "its reason names the formats");
	is_int(parse("not xml at all", &e, &n, &reason), FOLIO_EXTRACT_NO_ARTICLE, "not XML: no article");

	/* A feed broken after its first entry keeps the first entry. */
	if (ok(parse("<rss><channel><title>Broken</title><item><title>One</title><guid>1</guid>"
	             "<description>Kept.</description></item><item><title>Two</ti",
	             &e, &n, &reason) == FOLIO_EXTRACT_OK, "a feed broken late: entries before the break")) {
		is_str(e[0].article.title, "One", "the first entry survives");
		folio_feed_free(e, n);
	}

	/* An entry with no id and no link has no identity; one with neither title nor text is left out. */
	if (ok(parse("<rss><channel><title>T</title><item><title>No id</title></item>"
	             "<item><guid>empty</guid></item></channel></rss>", &e, &n, &reason) == FOLIO_EXTRACT_OK,
	       "entries without ids")) {
		is_int((long long)n, 1, "an empty entry is left out");
		ok(e[0].id == NULL, "no id, no link: identity NULL");
		folio_feed_free(e, n);
	}

	/* A quadratic blow-up (one entity used many times, no nesting) and the
	 * billion laughs both end fast with bounded memory. */
	size_t big = 200000;
	char *quad = malloc(big * 4 + 4096);
	if (quad) {
		char *p = quad;
		p += sprintf(p, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"");
		for (int i = 0; i < 50000; i++)
			*p++ = 'x';
		p += sprintf(p, "\">]><rss><channel><title>Q</title><item><title>q</title><description>");
		for (size_t i = 0; i < big / 4; i++)
			p += sprintf(p, "&x;");
		sprintf(p, "</description></item></channel></rss>");
		long before = peak_rss_kb();
		clock_t t0 = clock();
		enum folio_extract_result rc = parse(quad, &e, &n, &reason);
		double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		long grew = peak_rss_kb() - before;
		if (rc == FOLIO_EXTRACT_OK) {
			ok(!e[0].article.body || strlen(e[0].article.body) < 1000000, "no expansion in the body");
			folio_feed_free(e, n);
		}
		printf("# quadratic blow-up: %.3f s, peak RSS grew %ld KiB\n", secs, grew);
		ok(secs < 5 && grew < 200 * 1024, "quadratic blow-up: %.2f s, +%ld KiB", secs, grew);
		free(quad);
	}
}

static void billion_laughs(const char *dir)
{
	size_t len;
	char path[8192];
	snprintf(path, sizeof path, "%s/billion-laughs.xml", dir);
	char *xml = read_file(path, &len);
	if (!ok(xml != NULL, "billion-laughs.xml readable"))
		return;
	struct folio_feed_entry *e;
	size_t n;
	const char *reason;
	long before = peak_rss_kb();
	clock_t t0 = clock();
	enum folio_extract_result rc = folio_feed_parse(xml, len, &e, &n, &reason);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	long grew = peak_rss_kb() - before;
	printf("# billion laughs: %.3f s, peak RSS grew %ld KiB\n", secs, grew);
	ok(rc == FOLIO_EXTRACT_NO_ARTICLE && secs < 1 && grew < 64 * 1024,
	   "billion laughs: refused in %.3f s, +%ld KiB", secs, grew);
	if (rc == FOLIO_EXTRACT_OK)
		folio_feed_free(e, n);
	free(xml);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/data/feeds", top ? top : ".");
	billion_laughs(dir); /* first, so the peak RSS it measures is its own */
	char *names[256];
	size_t n = expect_names(dir, names, 256);
	ok(n >= 6, "%zu sample feeds in %s", n, dir);
	for (size_t i = 0; i < n; i++) {
		check_sample(dir, names[i]);
		free(names[i]);
	}
	hostile();
	return tap_done();
}
