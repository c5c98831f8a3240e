/*
 * test_search: the query parser (exact FTS5 expressions, and that no input
 * at all can make FTS5 fail, checked against a real FTS5 table) and match
 * highlighting.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "folio/search.h"
#include "tap.h"

static sqlite3 *db;

/* The highlight terms of q as "a,new york,pu*". */
static const char *terms_of(const struct folio_query *q)
{
	static char buf[512];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < q->nterms && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s%s", i ? "," : "",
		                        q->terms[i].text, q->terms[i].prefix ? "*" : "");
	return buf;
}

/* Run an FTS5 expression; returns the matching rowids as "1,3", or "ERROR: ...". */
static const char *run(const char *match)
{
	static char buf[256];
	sqlite3_stmt *st;
	size_t len = 0;
	int rc;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", -1, &st,
	                       NULL) != SQLITE_OK) {
		snprintf(buf, sizeof buf, "ERROR: %s", sqlite3_errmsg(db));
		return buf;
	}
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (len < sizeof buf)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%lld", len ? "," : "",
			                        (long long)sqlite3_column_int64(st, 0));
	if (rc != SQLITE_DONE)
		snprintf(buf, sizeof buf, "ERROR: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return buf;
}

static void setup_db(void)
{
	static const char *const rows[][4] = {
		/* title, byline, source, body */
		{ "Putin's offer may signal new U.S.-Russian relations", "David Ensor", "CNN",
		  "Russian President Vladimir Putin's decision to offer help." },
		{ "Café culture returns", "Ana Lima", "BBC News",
		  "The café on the corner opened again; art lovers came." },
		{ "A review of the season", "Maria Chen", "Los Angeles Times",
		  "New York theatre had a strong year, said the critic." },
		{ "Harbor ferry resumes", "Tom Ng", "Washington Post",
		  "The ferry starts again on Monday after repairs to the artist's pier." },
	};
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db,
	                 "CREATE VIRTUAL TABLE t USING fts5(title, byline, source, body, "
	                 "tokenize=\"unicode61 remove_diacritics 2\")",
	                 NULL, NULL, NULL) != SQLITE_OK) {
		printf("Bail out! cannot make an FTS5 table: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?, ?, ?, ?)", -1, &st, NULL) !=
		    SQLITE_OK)
			exit(1);
		for (int c = 0; c < 4; c++)
			sqlite3_bind_text(st, c + 1, rows[i][c], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			exit(1);
		sqlite3_finalize(st);
	}
}

static void test_parse(void)
{
	static const struct {
		const char *input;
		bool typing;
		const char *match, *after, *before, *terms;
	} cases[] = {
		{ "putin", false, "\"putin\"", NULL, NULL, "putin" },
		{ "Putin tajik", false, "\"Putin\" AND \"tajik\"", NULL, NULL, "putin,tajik" },
		{ "  putin\t\ttajik  ", false, "\"putin\" AND \"tajik\"", NULL, NULL, "putin,tajik" },
		{ "\"new york\" times", false, "\"new york\" AND \"times\"", NULL, NULL,
		  "new york,times" },
		{ "\"new   York", false, "\"new York\"", NULL, NULL, "new york" },
		{ "putin*", false, "\"putin\"*", NULL, NULL, "putin*" },
		{ "putin**", false, "\"putin\"*", NULL, NULL, "putin*" },
		{ "\"new yo\"*", false, "\"new yo\"*", NULL, NULL, "new yo*" },
		{ "cats OR dogs", false, "(\"cats\" OR \"dogs\")", NULL, NULL, "cats,dogs" },
		{ "cats or dogs", false, "\"cats\" AND \"or\" AND \"dogs\"", NULL, NULL,
		  "cats,or,dogs" },
		{ "a OR b c", false, "(\"a\" OR \"b\") AND \"c\"", NULL, NULL, "a,b,c" },
		{ "c a OR b", false, "\"c\" AND (\"a\" OR \"b\")", NULL, NULL, "c,a,b" },
		{ "a OR b OR c", false, "(\"a\" OR \"b\" OR \"c\")", NULL, NULL, "a,b,c" },
		{ "OR a", false, "\"a\"", NULL, NULL, "a" },
		{ "a OR", false, "\"a\"", NULL, NULL, "a" },
		{ "a OR OR b", false, "(\"a\" OR \"b\")", NULL, NULL, "a,b" },
		{ "a OR -b c", false, "(\"a\" AND \"c\") NOT \"b\"", NULL, NULL, "a,c" },
		{ "OR", false, NULL, NULL, NULL, "" },
		{ "ORb", false, "\"ORb\"", NULL, NULL, "orb" },
		{ "putin -russia", false, "\"putin\" NOT \"russia\"", NULL, NULL, "putin" },
		{ "a b -x -\"y z\"", false, "(\"a\" AND \"b\") NOT \"x\" NOT \"y z\"", NULL, NULL,
		  "a,b" },
		{ "-x", false, NULL, NULL, NULL, "" },
		{ "-x -y", false, NULL, NULL, NULL, "" },
		{ "- x", false, "\"x\"", NULL, NULL, "x" },
		{ "---", false, NULL, NULL, NULL, "" },
		{ "a-b", false, "\"a b\"", NULL, NULL, "a b" },
		{ "source:CNN putin", false, "source : \"CNN\" AND \"putin\"", NULL, NULL, "putin" },
		{ "SOURCE:cnn", false, "source : \"cnn\"", NULL, NULL, "" },
		{ "source:\"los angeles\"", false, "source : \"los angeles\"", NULL, NULL, "" },
		{ "source:los angeles", false, "source : \"los\" AND \"angeles\"", NULL, NULL,
		  "angeles" },
		{ "by:ensor", false, "byline : \"ensor\"", NULL, NULL, "ensor" },
		{ "by:\"David Ensor\"", false, "byline : \"David Ensor\"", NULL, NULL, "david ensor" },
		{ "title:putin*", false, "title : \"putin\"*", NULL, NULL, "putin*" },
		{ "-source:cnn putin", false, "\"putin\" NOT source : \"cnn\"", NULL, NULL, "putin" },
		{ "source: putin", false, "\"putin\"", NULL, NULL, "putin" },
		{ "title:", false, NULL, NULL, NULL, "" },
		{ "after:2001-09-11 before:2001-10-01", false, NULL, "2001-09-11", "2001-10-01", "" },
		{ "putin after:\"2001-09-11\"", false, "\"putin\"", "2001-09-11", NULL, "putin" },
		{ "after:2001-02-29 x", false, "\"x\"", NULL, NULL, "x" },
		{ "after:2000-02-29", false, NULL, "2000-02-29", NULL, "" },
		{ "after:1900-02-29", false, NULL, NULL, NULL, "" },
		{ "before:2001-13-01", false, NULL, NULL, NULL, "" },
		{ "before:2001-04-31", false, NULL, NULL, NULL, "" },
		{ "before:2001-4-30", false, NULL, NULL, NULL, "" },
		{ "after:yesterday putin", false, "\"putin\"", NULL, NULL, "putin" },
		{ "-after:2020-01-01", false, NULL, NULL, "2020-01-01", "" },
		{ "-before:2020-01-01", false, NULL, "2020-01-01", NULL, "" },
		{ "after:2001-01-01 after:2003-01-01 after:2002-01-01", false, NULL, "2003-01-01",
		  NULL, "" },
		{ "before:2003-01-01 before:2001-01-01 before:2002-01-01", false, NULL, NULL,
		  "2001-01-01", "" },
		{ "-x after:2020-01-01", false, NULL, "2020-01-01", NULL, "" },
		{ "U.S. policy", false, "\"U S\" AND \"policy\"", NULL, NULL, "u s,policy" },
		{ "AND NOT NEAR", false, "\"AND\" AND \"NOT\" AND \"NEAR\"", NULL, NULL,
		  "and,not,near" },
		{ "NEAR(a b)", false, "\"NEAR a\" AND \"b\"", NULL, NULL, "near a,b" },
		{ "a\"b c\"", false, "\"a\" AND \"b c\"", NULL, NULL, "a,b c" },
		{ "say\"hi\"there", false, "\"say\" AND \"hi\" AND \"there\"", NULL, NULL,
		  "say,hi,there" },
		{ "\"", false, NULL, NULL, NULL, "" },
		{ "\"\"\"\"", false, NULL, NULL, NULL, "" },
		{ "^a {b} c:d +e", false, "\"a\" AND \"b\" AND \"c d\" AND \"e\"", NULL, NULL,
		  "a,b,c d,e" },
		{ "Café", false, "\"Café\"", NULL, NULL, "cafe" },
		{ "日本語 テスト", false, "\"日本語\" AND \"テスト\"", NULL, NULL, "日本語,テスト" },
		{ "a\x01" "b\x7f" "c", false, "\"a\" AND \"b\" AND \"c\"", NULL, NULL, "a,b,c" },
		{ "ab\xff" "cd \xc3", false, "\"ab cd\"", NULL, NULL, "ab cd" },
		{ "a\xe2\x80\x83" "b", false, "\"a\" AND \"b\"", NULL, NULL, "a,b" },
		{ "", false, NULL, NULL, NULL, "" },
		{ "   ", false, NULL, NULL, NULL, "" },
		/* as you type: a last word of four characters or more is a prefix */
		{ "new york", true, "\"new\" AND \"york\"*", NULL, NULL, "new,york*" },
		{ "new yor", true, "\"new\" AND \"yor\"", NULL, NULL, "new,yor" },
		{ "new york ", true, "\"new\" AND \"york\"", NULL, NULL, "new,york" },
		{ "\"new york", true, "\"new york\"*", NULL, NULL, "new york*" },
		{ "\"new yor", true, "\"new yor\"", NULL, NULL, "new yor" },
		{ "\"new york\"", true, "\"new york\"", NULL, NULL, "new york" },
		{ "a -york", true, "\"a\" NOT \"york\"", NULL, NULL, "a" },
		{ "title:puti", true, "title : \"puti\"*", NULL, NULL, "puti*" },
		{ "title:put", true, "title : \"put\"", NULL, NULL, "put" },
		{ "source:CNNI", true, "source : \"CNNI\"*", NULL, NULL, "" },
		{ "putin after:2020-01-0", true, "\"putin\"", NULL, NULL, "putin" },
		{ "cats OR", true, "\"cats\"", NULL, NULL, "cats" },
		{ "cats O", true, "\"cats\" AND \"O\"", NULL, NULL, "cats,o" },
		{ "cats Oct", true, "\"cats\" AND \"Oct\"", NULL, NULL, "cats,oct" },
		{ "cats Octo", true, "\"cats\" AND \"Octo\"*", NULL, NULL, "cats,octo*" },
		{ "U.S.", true, "\"U S\"", NULL, NULL, "u s" },
		{ "U.Sena", true, "\"U Sena\"*", NULL, NULL, "u sena*" },
		{ "r", true, "\"r\"", NULL, NULL, "r" },
		{ "r*", true, "\"r\"*", NULL, NULL, "r*" },
		{ "rea*", true, "\"rea\"*", NULL, NULL, "rea*" },
		{ "\xC3\xA9", true, "\"\xC3\xA9\"", NULL, NULL, "e" },
		{ "\xC3\xA9t\xC3\xA9", true, "\"\xC3\xA9t\xC3\xA9\"", NULL, NULL, "ete" },
		{ "\xC3\xA9t\xC3\xA9s", true, "\"\xC3\xA9t\xC3\xA9s\"*", NULL, NULL, "etes*" },
		{ "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", true,
		  "\"\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\"", NULL, NULL,
		  "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD" },
		{ "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE5\xB8\x82", true,
		  "\"\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE5\xB8\x82\"*", NULL, NULL,
		  "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE5\xB8\x82*" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct folio_query q;
		char name[80];
		snprintf(name, sizeof name, "%s%s", cases[i].input, cases[i].typing ? " (typing)" : "");
		if (folio_search_parse(cases[i].input, cases[i].typing, &q) != 0) {
			ok(0, "parse %s", name);
			continue;
		}
		is_str(q.match, cases[i].match, "match of [%s]", name);
		if (cases[i].after || cases[i].before || q.after || q.before) {
			is_str(q.after, cases[i].after, "after of [%s]", name);
			is_str(q.before, cases[i].before, "before of [%s]", name);
		}
		is_str(terms_of(&q), cases[i].terms, "terms of [%s]", name);
		is_int(q.empty, !cases[i].match && !cases[i].after && !cases[i].before,
		       "empty of [%s]", name);
		folio_query_free(&q);
	}

	struct folio_query q;
	is_int(folio_search_parse(NULL, false, &q), 0, "NULL input parses");
	ok(q.empty && !q.match && q.nterms == 0, "as an empty query");
	folio_query_free(&q);
	folio_query_free(&q); /* freeing twice is harmless: free clears */
}

/* The queries do what they say on real rows. */
static void test_fts(void)
{
	static const struct {
		const char *input;
		bool typing;
		const char *rows;
	} cases[] = {
		{ "putin", false, "1" },
		{ "PUTIN'S", false, "1" },
		{ "cafe", false, "2" },
		{ "café", false, "2" },
		{ "CAFÉ culture", false, "2" },
		{ "source:cnn", false, "1" },
		{ "source:\"los angeles\"", false, "3" },
		{ "source:\"angeles los\"", false, "" },
		{ "by:ensor", false, "1" },
		{ "by:ferry", false, "" },
		{ "title:ferry", false, "4" },
		{ "title:repairs", false, "" },
		{ "repairs", false, "4" },
		{ "u.s.", false, "1" },
		{ "\"new york\"", false, "3" },
		{ "\"york new\"", false, "" },
		{ "new york", true, "3" },
		{ "new yor", true, "" },
		{ "art*", false, "2,4" },
		{ "art", false, "2" },
		{ "putin OR ferry", false, "1,4" },
		{ "putin OR ferry -monday", false, "1" },
		{ "the -ferry -café", false, "3" },
		{ "the again OR year", false, "2,3,4" },
		{ "the -source:bbc -source:cnn", false, "3,4" },
		{ "NOT", false, "" },
		{ "near", false, "" },
		{ "offer NEAR(help)", false, "" },
		{ "offer help", false, "1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct folio_query q;
		if (folio_search_parse(cases[i].input, cases[i].typing, &q) != 0 || !q.match) {
			ok(0, "parse %s", cases[i].input);
			continue;
		}
		is_str(run(q.match), cases[i].rows, "[%s] finds rows %s", cases[i].input,
		       cases[i].rows);
		folio_query_free(&q);
	}
}

/* Highlighted spans of text for input, as "start+len,start+len". */
static const char *spans_of(const char *input, bool typing, const char *text)
{
	static char buf[256];
	struct folio_query q;
	struct folio_span *spans;
	size_t len = 0;

	buf[0] = '\0';
	if (folio_search_parse(input, typing, &q) != 0)
		return "parse failed";
	size_t n = folio_search_highlight(&q, text, strlen(text), &spans);
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%zu+%zu", i ? "," : "",
		                        spans[i].start, spans[i].len);
	if (n == 0 && spans)
		snprintf(buf, sizeof buf, "no spans but an array");
	free(spans);
	folio_query_free(&q);
	return buf;
}

static void test_highlight(void)
{
	is_str(spans_of("cafe", false, "Le Café noir"), "3+5", "cafe highlights Café, all 5 bytes");
	is_str(spans_of("CAFÉ", false, "un cafe"), "3+4", "Café highlights cafe");
	is_str(spans_of("cafe", false, "Cafe\xcc\x81!"), "0+6",
	       "a decomposed accent is part of the word");
	is_str(spans_of("\"new york\"", false, "in New-York, new  york; newyork"), "3+8,13+9",
	       "a phrase matches across punctuation and runs of spaces");
	is_str(spans_of("\"new york\"", false, "new\n\nyork"), "0+9", "and across lines");
	is_str(spans_of("\"new york\"", false, "new yorker"), "", "a phrase's last word is whole");
	is_str(spans_of("\"new yo\"*", false, "new yorker"), "0+10",
	       "unless it is a prefix, which covers the whole last word");
	is_str(spans_of("art*", false, "start artist art"), "6+6,13+3",
	       "a prefix matches the starts of words only, and covers the word it matched");
	is_str(spans_of("gran*", false, "Granite, granola."), "0+7,9+7",
	       "a prefix's span ends where its word ends, not at punctuation after it");
	is_str(spans_of("stra*", false, "Straße"), "0+7", "a prefix covers a word with ß to its end");
	is_str(spans_of("art", false, "start artist art art."), "13+3,17+3",
	       "a word matches whole words only");
	is_str(spans_of("b a", false, "a b a"), "0+1,2+1,4+1", "spans are sorted");
	is_str(spans_of("\"new york\" york", false, "new york"), "0+8", "overlapping spans merge");
	is_str(spans_of("\"a b\" \"b c\"", false, "a b c"), "0+5", "chained overlaps merge");
	is_str(spans_of("putin", false, "Putin's plan"), "0+5", "an apostrophe ends a word");
	is_str(spans_of("putin -plan", false, "Putin's plan"), "0+5", "negatives are not highlighted");
	is_str(spans_of("source:putin", false, "Putin's plan"), "", "source: is not highlighted");
	is_str(spans_of("by:putin title:plan", false, "Putin's plan"), "0+5,8+4",
	       "by: and title: are");
	is_str(spans_of("plan OR putin", false, "Putin's plan"), "0+5,8+4", "OR terms are");
	is_str(spans_of("plan", true, "Putin's plans"), "8+5",
	       "the word being typed is a prefix: the whole word it matched is highlighted");
	is_str(spans_of("u.s.", false, "the U.S. and us"), "4+3", "a phrase of initials");
	is_str(spans_of("x", false, ""), "", "empty text");
	is_str(spans_of("", false, "some text"), "", "empty query");
	is_str(spans_of("日本語", false, "これは 日本語 です"), "10+9", "CJK words");
	is_str(spans_of("ab", false, "\xff" "ab\xfe"), "1+2", "invalid bytes around a word");
}

static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

/* Random hostile input: FTS5 syntax, our syntax, UTF-8, random bytes. */
static void random_input(char *buf, size_t size)
{
	static const char *const pieces[] = {
		"\"", "\"", "-", "*", ":", "(", ")", "^", "NEAR(", "NEAR/2", ",", "OR", "AND", "NOT",
		"or", "source:", "by:", "title:", "after:", "before:", "2020-01-01", "body:", "{",
		"}", "+", "'", "é", "e\xcc\x81", "日本", "\xf0\x9f\x98\x80", "a", "word", "ferry",
		" ", " ", " ", "\t", "\n", "\\", "''", "\"\"", "*\"", "-\"", "rowid", "t", "MATCH",
		"\x01", "\x7f", "\xc2\x85", "\xe2\x80\xae", ";", "%", "_",
	};
	size_t len = 0, count = next_rand() % 12;
	for (size_t i = 0; i < count && len + 8 < size; i++) {
		if (next_rand() % 5 == 0) {
			size_t bytes = 1 + next_rand() % 4;
			for (size_t k = 0; k < bytes && len + 1 < size; k++) {
				char c = (char)(1 + next_rand() % 255);
				buf[len++] = c;
			}
		} else {
			const char *p = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
			size_t plen = strlen(p);
			if (len + plen + 1 >= size)
				break;
			memcpy(buf + len, p, plen);
			len += plen;
		}
	}
	buf[len] = '\0';
}

static void test_torture(void)
{
	static const char text[] =
		"Putin's \"offer\" (NEAR the ferry) -- café e\xcc\x81t\xc3\xa9 日本 word* or OR AND";
	int errors = 0, bad_spans = 0, failed = 0, queries = 0, raw_errors = 0;
	char input[128];

	for (int i = 0; i < 20000; i++) {
		struct folio_query q;
		struct folio_span *spans;
		random_input(input, sizeof input);
		raw_errors += strncmp(run(input), "ERROR", 5) == 0;
		if (folio_search_parse(input, i % 2, &q) != 0) {
			failed++;
			continue;
		}
		if (q.match) {
			const char *r = run(q.match);
			queries++;
			if (strncmp(r, "ERROR", 5) == 0 && errors++ < 5)
				printf("# [%s] -> [%s]: %s\n", input, q.match, r);
		}
		if (q.empty != (!q.match && !q.after && !q.before))
			errors++;
		size_t n = folio_search_highlight(&q, text, sizeof text - 1, &spans);
		for (size_t k = 0; k < n; k++) {
			if (spans[k].len == 0 || spans[k].start + spans[k].len > sizeof text - 1 ||
			    (k > 0 && spans[k].start <= spans[k - 1].start + spans[k - 1].len))
				bad_spans++;
		}
		free(spans);
		folio_query_free(&q);
	}
	is_int(failed, 0, "20000 random inputs all parse");
	is_int(errors, 0, "and none of their %d expressions upsets FTS5", queries);
	ok(queries > 10000, "most of them had words (%d)", queries);
	ok(raw_errors > 5000, "given to FTS5 as typed, %d of them would have failed", raw_errors);
	is_int(bad_spans, 0, "their highlights are in range, sorted and apart");

	/* a long input: thousands of words and quotes */
	size_t big = 200000;
	char *s = malloc(big + 1);
	struct folio_query q;
	if (!s)
		exit(99);
	for (size_t i = 0; i < big; i++)
		s[i] = "ab \"-OR*:("[i % 11];
	s[big] = '\0';
	is_int(folio_search_parse(s, true, &q), 0, "a 200 kB query parses");
	ok(q.match && strncmp(run(q.match), "ERROR", 5) != 0, "and FTS5 takes it");
	folio_query_free(&q);
	free(s);
}

int main(void)
{
	setup_db();
	test_parse();
	test_fts();
	test_highlight();
	test_torture();
	sqlite3_close(db);
	return tap_done();
}
