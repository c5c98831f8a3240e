/*
 * test_extract: folio_extract() on our sample pages and on small inline
 * pages, plus random input.
 *
 * Every NAME.txt in tests/data/articles/ (the demo articles) and
 * tests/data/extract/ (odd and hostile pages) has a NAME.expect beside it:
 *
 *     source: NAME          one line per field; a field left out must be null
 *     title: ...            (source, title, byline, date, dateline)
 *     body_first: TEXT      the body starts with TEXT
 *     body_last: TEXT       the body ends with TEXT
 *     body_has: TEXT        TEXT is in the body, "\n" standing for a newline
 *     junk: TEXT            TEXT is not in the body (repeatable)
 *     no_article: WORDS     folio_extract says NO_ARTICLE, reason contains WORDS
 *
 * The folders are found under $top_srcdir (set by the test harness), else ".".
 */
#define _POSIX_C_SOURCE 200809L
#include "folio/extract.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "samples.h"

static const char *const fields[] = { "source", "title", "byline", "date", "dateline" };

static const char *field_of(const struct folio_article *a, const char *name)
{
	if (strcmp(name, "source") == 0)
		return a->source;
	if (strcmp(name, "title") == 0)
		return a->title;
	if (strcmp(name, "byline") == 0)
		return a->byline;
	if (strcmp(name, "date") == 0)
		return a->date;
	return a->dateline;
}

/* Check one sample page against its .expect file. */
static void check_sample(const char *dir, const char *name)
{
	char path[8192];
	size_t len, elen;
	snprintf(path, sizeof path, "%s/%s.txt", dir, name);
	char *text = read_file(path, &len);
	snprintf(path, sizeof path, "%s/%s.expect", dir, name);
	char *expect = read_file(path, &elen);
	if (!ok(text && expect, "%s: page and .expect readable", name)) {
		free(text);
		free(expect);
		return;
	}
	const char *want[5] = { NULL, NULL, NULL, NULL, NULL };
	const char *no_article = NULL;
	char *lines[256];
	size_t nlines = split_lines(expect, elen, lines, 256);
	for (size_t l = 0; l < nlines; l++) {
		char *line = lines[l];
		char *colon = strstr(line, ": ");
		if (!colon)
			continue;
		*colon = '\0';
		for (int i = 0; i < 5; i++)
			if (strcmp(line, fields[i]) == 0)
				want[i] = colon + 2;
		if (strcmp(line, "no_article") == 0)
			no_article = colon + 2;
		*colon = ':';
	}

	struct folio_article a;
	const char *reason = NULL;
	enum folio_extract_result rc = folio_extract(text, len, &a, &reason);
	if (no_article) {
		is_int(rc, FOLIO_EXTRACT_NO_ARTICLE, "%s: no article", name);
		ok(a.body == NULL && a.title == NULL, "%s: nothing filled in", name);
		ok(reason && (strcmp(no_article, "yes") == 0 || strstr(reason, no_article)),
		   "%s: reason \"%s\" says \"%s\"", name, reason ? reason : "(null)", no_article);
		if (rc == FOLIO_EXTRACT_OK)
			folio_article_free(&a);
		free(text);
		free(expect);
		return;
	}
	if (!ok(rc == FOLIO_EXTRACT_OK, "%s: extracted", name)) {
		printf("#   reason: %s\n", reason ? reason : "(null)");
		free(text);
		free(expect);
		return;
	}
	for (int i = 0; i < 5; i++)
		is_str(field_of(&a, fields[i]), want[i], "%s: %s", name, fields[i]);
	ok(a.body && valid_text(a.body), "%s: body is clean UTF-8", name);
	ok(a.body && !strstr(a.body, "\n\n\n") && !strstr(a.body, " \n") && !ends_with(a.body, "\n"),
	   "%s: body paragraphs separated by one blank line", name);
	for (size_t l = 0; l < nlines; l++) {
		const char *line = lines[l];
		const char *junk = value_of(line, "junk");
		if (junk)
			ok(a.body && !strstr(a.body, junk), "%s: no junk \"%s\"", name, junk);
		else
			check_body_line(name, line, a.body);
	}
	folio_article_free(&a);
	free(text);
	free(expect);
}

/* Every NAME.txt in dir, in name order; returns how many. */
static int check_folder(const char *top, const char *sub)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/%s", top, sub);
	DIR *d = opendir(dir);
	if (!ok(d != NULL, "%s readable", dir))
		return 0;
	char *names[512];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 512) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
			names[n] = malloc(l - 3);
			if (names[n]) {
				memcpy(names[n], e->d_name, l - 4);
				names[n++][l - 4] = '\0';
			}
		}
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], by_name);
	for (int i = 0; i < n; i++) {
		check_sample(dir, names[i]);
		free(names[i]);
	}
	return n;
}

/* Extract an inline page; the caller frees a. */
static enum folio_extract_result run(const char *page, struct folio_article *a)
{
	const char *reason;
	return folio_extract(page, strlen(page), a, &reason);
}

#define PARA "The council met for three hours and heard from more than forty residents, " \
	"most of whom spoke in favour of the plan put forward by the harbour board.\n\n" \
	"A final vote is expected next month, after a second round of public hearings " \
	"in the village hall and at the library on Quay Street.\n"

static void check_byline(const char *lines, const char *want, const char *what)
{
	char page[2048];
	struct folio_article a;
	snprintf(page, sizeof page, "Harbour plan wins support\n\n%s\n\n%s", lines, PARA);
	if (!ok(run(page, &a) == FOLIO_EXTRACT_OK, "byline page %s", what))
		return;
	is_str(a.byline, want, "byline: %s", what);
	folio_article_free(&a);
}

/* A header byline line gives its names, the outlet it names, and leaves the title. */
static void check_credit(const char *line, const char *names, const char *source)
{
	char page[2048];
	struct folio_article a;
	snprintf(page, sizeof page, "Harbour plan wins support\n\n%s\n\n%s", line, PARA);
	if (!ok(run(page, &a) == FOLIO_EXTRACT_OK, "credit page: %s", line))
		return;
	is_str(a.byline, names, "credit: names of %s", line);
	is_str(a.source, source, "credit: outlet of %s", line);
	is_str(a.title, "Harbour plan wins support", "credit: the title stays, under %s", line);
	folio_article_free(&a);
}

static void check_dateline(const char *lead, const char *want, const char *what)
{
	char page[2048];
	struct folio_article a;
	snprintf(page, sizeof page, "Harbour plan wins support\n\nBy Ana Ruiz\n\n%s%s", lead, PARA);
	if (!ok(run(page, &a) == FOLIO_EXTRACT_OK, "dateline page %s", what))
		return;
	is_str(a.dateline, want, "dateline: %s", what);
	ok(a.body && strncmp(a.body, lead, strlen(lead)) == 0, "dateline kept in body: %s", what);
	folio_article_free(&a);
}

static void check_date(const char *line, const char *want, const char *what)
{
	char page[2048];
	struct folio_article a;
	snprintf(page, sizeof page, "Harbour plan wins support\n\nBy Ana Ruiz\n%s\n\n%s", line, PARA);
	if (!ok(run(page, &a) == FOLIO_EXTRACT_OK, "date page %s", what))
		return;
	is_str(a.date, want, "date: %s", what);
	folio_article_free(&a);
}

static void unit_tests(void)
{
	check_credit("By SETH BORENSTEIN, AP Science Writer", "Seth Borenstein", "Associated Press");
	check_credit("By ANA RUIZ and TOM HALE Associated Press", "Ana Ruiz and Tom Hale",
	             "Associated Press");
	check_credit("Ana Ruiz | Reuters", "Ana Ruiz", "Reuters");
	check_credit("Posted by Ana Ruiz on March 3, 2014 at 9:00 am", "Ana Ruiz", NULL);
	check_credit("Story by Ana Ruiz; photos by Tom Hale", "Ana Ruiz", NULL);
	check_credit("By Ana Ruiz and Tom Hale, CNN", "Ana Ruiz and Tom Hale", "CNN");
	check_credit("By Ana Ruiz, CNN Updated 1132 GMT (1932 HKT) March 4, 2014", "Ana Ruiz", "CNN");
	check_credit("By Ana Ruiz of the Harbor City Times", "Ana Ruiz", "Harbor City Times");
	check_byline("By Ana Ruiz", "Ana Ruiz", "By NAME");
	check_byline("BY ANA RUIZ", "Ana Ruiz", "capitals title-cased");
	check_byline("By Ana Ruiz and Tom O'Hale", "Ana Ruiz and Tom O'Hale", "two authors");
	check_byline("By Ana Ruiz, Tom Hale and Li Wei", "Ana Ruiz, Tom Hale and Li Wei", "three authors");
	check_byline("By Harbour Correspondent Ana Ruiz", "Ana Ruiz", "role before the name");
	check_byline("By Courier Online's Ana Ruiz", "Ana Ruiz", "possessive role");
	check_byline("Ana Ruiz, Staff Writer", "Ana Ruiz", "NAME, Staff Writer");
	check_byline("Ana Ruiz\nStaff Writer", "Ana Ruiz", "name over credit line");
	check_byline("By Ana Ruiz | March 4, 2003", "Ana Ruiz", "byline with a date");
	check_byline("By Staff Writer", NULL, "a role only");
	check_byline("By Reuters", NULL, "an outlet only");
	check_byline("by the harbour", NULL, "lower-case by");
	check_byline("Par Hélène Dubois", "Hélène Dubois", "French Par");
	check_byline("FROM GILES HARTWELL IN LEDGERPORT", "Giles Hartwell", "Times FROM ... IN");
	check_byline("Ian Marlowe in Ledgerport\nMonday October 22, 2001", "Ian Marlowe",
	             "a name line over a date");
	check_byline("Vladimir Okafor hails the vote\nMonday October 22, 2001", NULL,
	             "a headline over a date is not a name");
	check_byline("By Ana Ruiz, USA TODAY", "Ana Ruiz", "outlet after the name");
	check_byline("Reporting by Ana Ruiz; Editing by Tom Hale", "Ana Ruiz", "Reuters trailer");
	check_byline("By Harbour correspondent Ana Ruiz", "Ana Ruiz", "lower-case role");
	check_byline("By Ana Ruiz, BBC correspondent in Harwick", "Ana Ruiz", "role and place after");
	check_byline("November 11, 2001|ANA RUIZ and TOM HALE|TIMES STAFF WRITERS",
	             "Ana Ruiz and Tom Hale", "fields separated by bars");

	check_dateline("MOSCOW -- ", "MOSCOW", "city and double hyphen");
	check_dateline("MOSCOW, Russia (CNN) -- ", "MOSCOW, Russia", "region and credit");
	check_dateline("PARIS, March 3 -- ", "PARIS", "a date segment is dropped");
	check_dateline("ST. LOUIS, Mo. \xE2\x80\x94 ", "ST. LOUIS, Mo.", "em dash and abbreviation");
	check_dateline("NEW YORK (Reuters) - ", "NEW YORK", "Reuters hyphen");
	check_dateline("Paris (AFP) - ", "Paris", "mixed case with a wire credit");
	check_dateline("SÃO PAULO, Brazil -- ", "SÃO PAULO, Brazil", "accented capitals");
	check_dateline("Paris -- ", NULL, "mixed case without a credit is no dateline");
	check_dateline("NEW DELHI: ", "NEW DELHI", "a place and a colon");
	check_dateline("UPDATE: ", NULL, "a label and a colon is no dateline");
	check_dateline("WASHINGTON ", "WASHINGTON", "a place in capitals that lost its dash");
	check_dateline("BAKERSFIELD, Calif. (CNN) ", "BAKERSFIELD, Calif.", "a credit and no dash");
	check_dateline("NATO ", NULL, "an acronym of four letters is no place");
	check_dateline("The council, which -- ", NULL, "a sentence is no dateline");

	check_date("Sunday, 21 October, 2001, 18:52 GMT 19:52 UK", "2001-10-21", "BBC style");
	check_date("Saturday, September 15, 2001; Page A06", "2001-09-15", "Post style");
	check_date("Updated 3:04 PM ET, Mon October 1, 2001", "2001-10-01", "updated line");
	check_date("Sept. 15, 2001", "2001-09-15", "abbreviated month");
	check_date("2001-09-15", "2001-09-15", "ISO");
	check_date("15 September 2001", "2001-09-15", "day first");
	check_date("Published 29 February 2004", "2004-02-29", "leap day");
	check_date("Published 29 February 2003", NULL, "no leap day in 2003");
	check_date("31/04/2003", NULL, "April has 30 days");
	check_date("03/04/2003", NULL, "ambiguous numeric date");
	check_date("25/12/2003", "2003-12-25", "unambiguous numeric date");
	check_date("10/22/2001 12:34", "2001-10-22", "month-first numeric date");
	check_date("04.03.2003", "2003-03-04", "dotted day-first date");
	check_date("3. März 2003", "2003-03-03", "German");
	check_date("le 4 février 2003", "2003-02-04", "French");
	check_date("2003年3月4日", "2003-03-04", "Japanese");
	check_date("September 15", NULL, "no year, no date");
	check_date("November 11, 2001|From Times Wire Reports", "2001-11-11", "date beside a credit");
	check_date("November 11, 2001|ANA RUIZ|TIMES STAFF WRITER", "2001-11-11", "date in a byline");
	check_date("Home | News | November 11, 2001", NULL, "a date in navigation");
	check_date("Published 3 March 2003\nUpdated 4 March 2003", "2003-03-03",
	           "published wins over updated");
	check_date("(Filed: 24/10/2001)", "2001-10-24", "Telegraph Filed");
	check_date("Posted: 1456 GMT (2256 HKT), October 22, 2001", "2001-10-22", "zones in capitals");
	check_date("Commonwealth Games 2002", NULL, "a year alone");

	/* a page title with its outlet gives both */
	struct folio_article t;
	if (ok(run("Ferry strike ends | The Guardian\n\n" PARA, &t) == FOLIO_EXTRACT_OK,
	       "headline | outlet page")) {
		is_str(t.title, "Ferry strike ends", "headline | outlet: title");
		is_str(t.source, "The Guardian", "headline | outlet: source");
		folio_article_free(&t);
	}
	if (ok(run("The Northmoor Gazette - Ferry strike ends\n\n" PARA, &t) == FOLIO_EXTRACT_OK,
	       "paper - headline page")) {
		is_str(t.title, "Ferry strike ends", "paper - headline: title");
		is_str(t.source, "The Northmoor Gazette", "paper - headline: source");
		folio_article_free(&t);
	}

	/* a headline that asks a question is not the first paragraph */
	if (ok(run("Is the ferry worth saving?\n\n" PARA, &t) == FOLIO_EXTRACT_OK, "question headline page")) {
		is_str(t.title, "Is the ferry worth saving?", "question headline: title");
		ok(t.body && strncmp(t.body, "The council met", 15) == 0, "question headline: body");
		folio_article_free(&t);
	}
	check_byline("By Ana Ruiz With Tom Hale", "Ana Ruiz and Tom Hale", "with a second author");

	/* a date inside the body is not the article's date */
	struct folio_article a;
	if (ok(run("Harbour plan wins support\n\nOn September 11, 2001 the ferry stopped running "
	               "for a week and the island was cut off from the mainland for the first time.\n\n"
	               "It is running again now, and the harbour board says it will not stop again.\n",
	               &a) == FOLIO_EXTRACT_OK, "body date page")) {
		is_str(a.date, NULL, "a date in the body is not the date");
		folio_article_free(&a);
	}

	/* pages with no article */
	static const char *const empty[] = {
		"", "\n\n\n", "   \t  \n", "Home\nNews\nSport\nWeather\n",
		"Skip to main content | Home | News | Sport\n\nTop stories\n\nMayor quits\nFerry delayed\nSchool closes\n",
		"Page not found\n\nSorry, the page you asked for could not be found. It may have been moved or deleted.\n",
		"We use cookies to make this site work. By continuing you accept our use of cookies.\n\nAccept all cookies\nCookie policy\n",
	};
	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		const char *reason = NULL;
		is_int(folio_extract(empty[i], strlen(empty[i]), &a, &reason), FOLIO_EXTRACT_NO_ARTICLE,
		       "no article in page %zu", i);
		ok(reason != NULL && a.body == NULL && a.source == NULL, "no article %zu: reason, no fields", i);
	}
	const char *reason = NULL;
	is_int(folio_extract(NULL, 0, &a, &reason), FOLIO_EXTRACT_NO_ARTICLE, "NULL input");

	/* one sign of junk is not a junk page */
	static const char *const briefs[] = {
		"Bakery sells 10,000 cookies\n\nThe bakery on Quay Street sold more than 10,000 cookies "
		"at the harbour fair on Saturday, a record for the shop, its owner said.\n",
		"Route 404 reopens\n\nRoute 404 between Harwick and Saltby reopened on Monday after "
		"three weeks of repairs to the bridge over the Lune Beck, the county said.\n",
	};
	for (size_t i = 0; i < sizeof briefs / sizeof briefs[0]; i++)
		if (ok(run(briefs[i], &a) == FOLIO_EXTRACT_OK, "brief %zu with one junk word is an article", i))
			folio_article_free(&a);
}

/* Random pages built from page-like pieces and random bytes. */
static void random_tests(void)
{
	static const char *const pieces[] = {
		"By ", "Ana Ruiz", " and ", "\n", "\n\n", "MOSCOW", " -- ", "(CNN)", ", ", "\xE2\x80\x94",
		"\xE2\x80\xA2 ", "1. ", "Back to the top", "\xC2\xA9 2003 The Ledgerport Courier", "March 4, 2003",
		"The council voted to fund the ferry.", " | ", "\xC2\xA0", "\t", "\r\n", "\xE6\x96\xB0\xE8\x81\x9E",
		"Sept. ", "31", "2003", ":", "\"", "\xFF", "\xC3", "\xE2\x80", "\0", "Staff Writer", "Contact ",
		" at ", "See also:", "Advertisement",
	};
	uint32_t seed = 12345;
	int bad = 0, crashed = 0;
	char page[4096];
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		int parts = (int)(seed >> 16) % 80;
		for (int p = 0; p < parts; p++) {
			seed = seed * 1103515245u + 12345u;
			uint32_t r = seed >> 8;
			if (r % 7 == 0) {
				if (n < sizeof page)
					page[n++] = (char)(r >> 8);
				continue;
			}
			const char *piece = pieces[(r >> 4) % (sizeof pieces / sizeof pieces[0])];
			size_t l = piece[0] ? strlen(piece) : 1;
			if (n + l > sizeof page)
				break;
			memcpy(page + n, piece, l);
			n += l;
		}
		struct folio_article a;
		const char *reason = NULL;
		enum folio_extract_result rc = folio_extract(page, n, &a, &reason);
		if (rc == FOLIO_EXTRACT_OK) {
			const char *f[] = { a.source, a.title, a.byline, a.date, a.dateline, a.body };
			for (int i = 0; i < 6; i++)
				if (f[i] && !valid_text(f[i]))
					bad++;
			if (!a.body)
				bad++;
			folio_article_free(&a);
		} else if (rc != FOLIO_EXTRACT_NO_ARTICLE || !reason || a.body) {
			crashed++;
		}
	}
	is_int(bad, 0, "random pages: every field valid UTF-8, body set");
	is_int(crashed, 0, "random pages: only OK or NO_ARTICLE with a reason");

	/* one very long line and very many lines stay quick and whole */
	size_t big = 1u << 20;
	char *p = malloc(big + 1);
	if (ok(p != NULL, "allocated a big page")) {
		for (size_t i = 0; i < big; i++)
			p[i] = (i % 97 == 96) ? '\n' : (i % 7 == 6 ? ' ' : 'a' + (char)(i % 26));
		struct folio_article a;
		const char *reason;
		enum folio_extract_result rc = folio_extract(p, big, &a, &reason);
		ok(rc == FOLIO_EXTRACT_OK || rc == FOLIO_EXTRACT_NO_ARTICLE, "a 1 MB page is handled");
		if (rc == FOLIO_EXTRACT_OK)
			folio_article_free(&a);
		memset(p, '\n', big);
		is_int(folio_extract(p, big, &a, &reason), FOLIO_EXTRACT_NO_ARTICLE, "a page of newlines");
		free(p);
	}
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	if (!top || !*top)
		top = ".";
	int demo = check_folder(top, "tests/data/articles");
	int others = check_folder(top, "tests/data/extract");
	/* The sample set is part of the contract: it must not quietly shrink. */
	ok(demo >= 25, "at least 25 demo articles (%d)", demo);
	ok(demo + others >= 45, "at least 45 sample pages in all (%d)", demo + others);
	unit_tests();
	random_tests();
	return tap_done();
}
