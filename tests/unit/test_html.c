/*
 * test_html: folio_html_extract() on our sample pages and on hostile input.
 *
 * Every NAME.expect in tests/data/html/ goes with NAME.html and uses
 * test_extract's format (source/title/byline/date/dateline lines, a field
 * left out must be null; body_first, body_last, body_has, junk,
 * no_article).  When NAME.body is there too (the whole expected body), the
 * body's token F1 against it is printed and must be 0.95 or better: the
 * figure the best open-source extractors reach on real news pages.  These
 * are our own pages, so the figure says the scorer works on the layouts we
 * wrote, not how it does on the web.
 *
 * The folder is found under $top_srcdir (set by the test harness), else ".".
 */
#define _POSIX_C_SOURCE 200809L
#include "folio/html.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "samples.h"

static const char *const fields[] = { "source", "title", "byline", "date", "dateline" };

static const char *field_of(const struct folio_article *a, int i)
{
	const char *const v[] = { a->source, a->title, a->byline, a->date, a->dateline };
	return v[i];
}

FOLIO_DEFINE_GROW(grow_tokens, char *)

/* Words: runs of letters and digits (any non-ASCII byte counts as a letter), folded to lower case. */
static size_t tokens(const char *s, char ***out)
{
	size_t n = 0, cap = 0;
	char **t = NULL;
	while (*s) {
		while (*s && !(isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80))
			s++;
		const char *w = s;
		while (*s && (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80))
			s++;
		if (s == w)
			break;
		if (!grow_tokens(&t, &cap, n + 1))
			break;
		t[n] = strndup(w, (size_t)(s - w));
		for (char *c = t[n]; c && *c; c++)
			*c = (char)tolower((unsigned char)*c);
		n += t[n] != NULL;
	}
	*out = t;
	return n;
}

static int by_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Token F1 of got against want (bags of words). */
static double token_f1(const char *got, const char *want)
{
	char **g, **w;
	size_t ng = tokens(got, &g), nw = tokens(want, &w), common = 0;
	qsort(g, ng, sizeof *g, by_str);
	qsort(w, nw, sizeof *w, by_str);
	for (size_t i = 0, j = 0; i < ng && j < nw;) {
		int c = strcmp(g[i], w[j]);
		if (c == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0) {
			i++;
		} else {
			j++;
		}
	}
	for (size_t i = 0; i < ng; i++)
		free(g[i]);
	for (size_t i = 0; i < nw; i++)
		free(w[i]);
	free(g);
	free(w);
	if (common == 0)
		return 0;
	double p = (double)common / (double)ng, r = (double)common / (double)nw;
	return 2 * p * r / (p + r);
}

static double f1_sum;
static int f1_pages;

static void check_sample(const char *dir, const char *name)
{
	char path[8192];
	size_t len, elen, blen;
	snprintf(path, sizeof path, "%s/%s.html", dir, name);
	char *page = read_file(path, &len);
	snprintf(path, sizeof path, "%s/%s.expect", dir, name);
	char *expect = read_file(path, &elen);
	snprintf(path, sizeof path, "%s/%s.body", dir, name);
	char *gold = read_file(path, &blen);
	char *lines[256];
	size_t nlines = expect ? split_lines(expect, elen, lines, 256) : 0;
	if (!ok(page && expect, "%s: page and .expect readable", name))
		goto out;
	const char *want[5] = { NULL }, *no_article = NULL;
	for (size_t l = 0; l < nlines; l++) {
		for (int i = 0; i < 5; i++)
			if (value_of(lines[l], fields[i]))
				want[i] = value_of(lines[l], fields[i]);
		if (value_of(lines[l], "no_article"))
			no_article = value_of(lines[l], "no_article");
	}
	struct folio_article a;
	const char *reason = NULL;
	enum folio_extract_result rc = folio_html_extract(page, len, &a, &reason);
	if (no_article) {
		is_int(rc, FOLIO_EXTRACT_NO_ARTICLE, "%s: no article", name);
		ok(a.body == NULL && a.title == NULL, "%s: nothing filled in", name);
		ok(reason && strstr(reason, no_article), "%s: reason \"%s\" says \"%s\"", name,
		   reason ? reason : "(null)", no_article);
		if (rc == FOLIO_EXTRACT_OK)
			folio_article_free(&a);
		goto out;
	}
	if (!ok(rc == FOLIO_EXTRACT_OK, "%s: extracted", name)) {
		printf("#   reason: %s\n", reason ? reason : "(null)");
		goto out;
	}
	for (int i = 0; i < 5; i++)
		is_str(field_of(&a, i), want[i], "%s: %s", name, fields[i]);
	ok(valid_text(a.body), "%s: body is clean UTF-8", name);
	ok(!strstr(a.body, "\n\n\n") && !strstr(a.body, " \n") && !ends_with(a.body, "\n"),
	   "%s: body paragraphs separated by one blank line", name);
	for (size_t l = 0; l < nlines; l++) {
		check_body_line(name, lines[l], a.body);
		const char *junk = value_of(lines[l], "junk");
		if (junk) {
			char *j = unescape(junk);
			ok(j && !strstr(a.body, j), "%s: no junk \"%s\"", name, junk);
			free(j);
		}
	}
	if (gold) {
		double f1 = token_f1(a.body, gold);
		f1_sum += f1;
		f1_pages++;
		printf("# %s: body token F1 %.3f\n", name, f1);
		ok(f1 >= 0.95, "%s: body token F1 %.3f >= 0.95", name, f1);
	}
	folio_article_free(&a);
out:
	free(page);
	free(expect);
	free(gold);
}

static enum folio_extract_result run(const char *page, struct folio_article *a, const char **reason)
{
	return folio_html_extract(page, strlen(page), a, reason);
}

#define PROSE "<p>The harbour board met for three hours on Tuesday, and heard from more than " \
	"forty residents, most of whom spoke in favour of the plan.</p>" \
	"<p>A final vote is expected next month, after a second round of public hearings " \
	"in the village hall and at the library on Quay Street.</p>"

static void inline_pages(void)
{
	struct folio_article a;
	const char *reason;

	is_int(run("", &a, &reason), FOLIO_EXTRACT_NO_ARTICLE, "empty input: no article");
	ok(reason != NULL, "empty input: a reason");
	is_int(run("<html><body><p>Short.</p></body></html>", &a, &reason),
	       FOLIO_EXTRACT_NO_ARTICLE, "a page without prose: no article");

	/* Terminal escapes and bidi controls in the page never reach the fields. */
	const char *evil = "<html><head><title>Harbour\x1b]0;pwned\x07 plan</title></head><body>"
	                   "<p>Text \x1b[31mred\xe2\x80\xae and more text so that this block is long "
	                   "enough, with commas, to count as prose.</p>" PROSE "</body></html>";
	if (ok(run(evil, &a, &reason) == FOLIO_EXTRACT_OK, "page with escapes: extracted")) {
		ok(!strchr(a.title, '\x1b') && !strchr(a.body, '\x1b') && valid_text(a.body) &&
		   !strstr(a.body, "\xe2\x80\xae"), "escapes and bidi controls removed");
		folio_article_free(&a);
	}

	/* UTF-16 with a BOM is converted; a lone surrogate becomes U+FFFD. */
	const char *narrow = "<html><head><title>Harbour ? plan</title></head><body>" PROSE
	                     "</body></html>";
	size_t nlen = strlen(narrow);
	char *wide = malloc(2 + 2 * nlen);
	if (wide) {
		memcpy(wide, "\xFF\xFE", 2);
		for (size_t i = 0; i < nlen; i++) {
			wide[2 + 2 * i] = narrow[i] == '?' ? '\x00' : narrow[i];
			wide[3 + 2 * i] = narrow[i] == '?' ? '\xD8' : '\0';
		}
	}
	if (ok(wide && folio_html_extract(wide, 2 + 2 * nlen, &a, &reason) == FOLIO_EXTRACT_OK,
	       "UTF-16 page: extracted")) {
		is_str(a.title, "Harbour \xEF\xBF\xBD plan", "UTF-16 page: a lone surrogate is U+FFFD");
		ok(strstr(a.body, "harbour board met") != NULL, "UTF-16 page: the body is read");
		folio_article_free(&a);
	}
	free(wide);

	/* The scoring keeps a link-heavy list out but a short prose list in. */
	const char *lists = "<html><body><div class=\"story\">" PROSE
	                    "<ul><li><a href=/a>Other story one</a></li><li><a href=/b>Other story two</a></li></ul>"
	                    "<p>Items on the agenda, which the board set out on Monday:</p>"
	                    "<ol><li>Parking</li><li>Moorings</li></ol></div></body></html>";
	if (ok(run(lists, &a, &reason) == FOLIO_EXTRACT_OK, "lists page: extracted")) {
		ok(!strstr(a.body, "Other story"), "a list of links is dropped");
		ok(strstr(a.body, "Monday:\n\n1. Parking\n2. Moorings") != NULL, "a numbered list is kept, one item a line");
		folio_article_free(&a);
	}

	/* A site whose wrapper has an "unlikely" name keeps its article. */
	const char *wrapped = "<html><body><div class=\"page has-sidebar\">" PROSE PROSE
	                      "</div></body></html>";
	if (ok(run(wrapped, &a, &reason) == FOLIO_EXTRACT_OK, "wrapper named sidebar: extracted")) {
		ok(strstr(a.body, "harbour board met") != NULL, "the wrapper's text is the body");
		folio_article_free(&a);
	}

	/* A UTF-8 page that declares nothing is read as UTF-8. */
	const char *undeclared = "<html><body><p>Caf\xc3\xa9 owners in S\xc3\xa3o Paulo, and elsewhere, "
	                         "said the rules were unclear.</p>" PROSE "</body></html>";
	if (ok(run(undeclared, &a, &reason) == FOLIO_EXTRACT_OK, "undeclared UTF-8: extracted")) {
		ok(strstr(a.body, "Caf\xc3\xa9 owners in S\xc3\xa3o Paulo") != NULL, "undeclared UTF-8 kept");
		folio_article_free(&a);
	}

	/* Random bytes and deep nesting: no crash, clean output. */
	uint32_t seed = 12345;
	char junk[4096];
	int extracted = 0, refused = 0, unclean = 0;
	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < sizeof junk - 1; i++) {
			seed = seed * 1103515245u + 12345u;
			const char pool[] = "<>/=\"' abcdiv p&;#x!-\n\xc3\xa9\x80";
			junk[i] = pool[(seed >> 16) % (sizeof pool - 1)];
		}
		junk[sizeof junk - 1] = '\0';
		enum folio_extract_result rc = run(junk, &a, &reason);
		if (rc == FOLIO_EXTRACT_OK) {
			extracted++;
			unclean += (a.title && !valid_text(a.title)) || !a.body || !valid_text(a.body);
			folio_article_free(&a);
		} else if (rc != FOLIO_EXTRACT_NOMEM && reason && *reason) {
			refused++;
		}
	}
	ok(extracted + refused == 200, "200 random pages: each extracted or refused with a reason "
	   "(%d and %d)", extracted, refused);
	is_int(unclean, 0, "random pages: every extracted title and body is clean UTF-8");

	size_t depth = 100000, n = depth * 11 + sizeof PROSE + 64;
	char *deep = malloc(n);
	if (deep) {
		char *p = deep;
		p += sprintf(p, "<html><body>");
		for (size_t i = 0; i < depth; i++)
			p += sprintf(p, "<div>");
		p += sprintf(p, "%s", PROSE);
		for (size_t i = 0; i < depth; i++)
			p += sprintf(p, "</div>");
		clock_t t0 = clock();
		enum folio_extract_result rc = run(deep, &a, &reason);
		double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		if (rc == FOLIO_EXTRACT_OK)
			folio_article_free(&a);
		/* (the time is a figure, not a verdict: tests never time) */
		ok(rc != FOLIO_EXTRACT_NOMEM, "100000 nested divs: handled, in %.2f s of CPU", secs);
		free(deep);
	}
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/data/html", top ? top : ".");
	char *names[256];
	size_t n = expect_names(dir, names, 256);
	ok(n >= 6, "%zu sample pages in %s", n, dir);
	for (size_t i = 0; i < n; i++) {
		check_sample(dir, names[i]);
		free(names[i]);
	}
	if (f1_pages)
		printf("# mean body token F1 over %d pages: %.3f\n", f1_pages, f1_sum / f1_pages);
	inline_pages();
	return tap_done();
}
