/*
 * fuzz_query: any text typed in the search bar.  The parsed FTS5 expression
 * must always be one SQLite accepts (run here against an in-memory table
 * made like the store's), date limits must be real dates, highlight terms
 * clean, and highlight spans ordered, disjoint and on character boundaries.
 *
 * The first byte chooses search-as-you-type or a submitted query; the rest
 * is the query.
 */
#include "config.h"

#include <sqlite3.h>

#include "folio/search.h"
#include "fuzz.h"

#define FUZZ_MAX_INPUT 4096

static sqlite3 *db;

static void open_index(void)
{
	static const char schema[] =
		"CREATE VIRTUAL TABLE t USING fts5(title, byline, source, body,"
		"  tokenize='unicode61 remove_diacritics 2');"
		"INSERT INTO t VALUES ('Café talks resume', 'Ana Pérez', 'BBC News',"
		"  'The talks in São Paulo resumed on Monday; the U.S. envoy spoke.');"
		"INSERT INTO t VALUES ('Storm', NULL, 'CNN', 'A storm hit the coast.');";
	FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK, "cannot open SQLite");
	FUZZ_CHECK(sqlite3_exec(db, schema, NULL, NULL, NULL) == SQLITE_OK,
	           "cannot make the FTS5 table");
}

static void check_match(const char *match)
{
	sqlite3_stmt *stmt;
	if (!db)
		open_index();
	FUZZ_CHECK(sqlite3_prepare_v2(db, "SELECT rowid, bm25(t) FROM t WHERE t MATCH ?",
	                              -1, &stmt, NULL) == SQLITE_OK, "cannot prepare");
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fprintf(stderr, "match expression [%s]: %s\n", match, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	FUZZ_CHECK(rc == SQLITE_DONE, "FTS5 refused the parsed expression");
}

static void check_spans(const struct folio_query *q, const char *text, size_t len)
{
	struct folio_span *spans = NULL;
	size_t n = folio_search_highlight(q, text, len, &spans);
	size_t end = 0;
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(spans[i].len > 0, "an empty highlight span");
		FUZZ_CHECK(spans[i].start >= end, "highlight spans overlap or go backwards");
		FUZZ_CHECK(spans[i].start + spans[i].len <= len, "a highlight span past the text");
		end = spans[i].start + spans[i].len;
		if (u8_check((const uint8_t *)text, len) == NULL) {
			FUZZ_CHECK(u8_check((const uint8_t *)text, spans[i].start) == NULL &&
			           u8_check((const uint8_t *)text, end) == NULL,
			           "a highlight span cuts a character");
		}
	}
	FUZZ_CHECK(n == 0 || spans != NULL, "spans counted but not returned");
	free(spans);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > FUZZ_MAX_INPUT)
		return 0;
	bool typing = data[0] & 1;
	char *input = fuzz_strndup(data + 1, size - 1);
	struct folio_query q;
	FUZZ_CHECK(folio_search_parse(input, typing, &q) == 0, "parse failed");
	if (q.match) {
		FUZZ_CHECK(u8_check((const uint8_t *)q.match, strlen(q.match)) == NULL,
		           "the match expression is not valid UTF-8");
		check_match(q.match);
	}
	FUZZ_CHECK(!q.after || fuzz_is_date(q.after), "after: is not YYYY-MM-DD");
	FUZZ_CHECK(!q.before || fuzz_is_date(q.before), "before: is not YYYY-MM-DD");
	FUZZ_CHECK(!q.empty || (!q.match && !q.after && !q.before), "empty yet something to search");
	for (size_t i = 0; i < q.nterms; i++) {
		FUZZ_CHECK(q.terms[i].text && *q.terms[i].text, "an empty highlight term");
		FUZZ_CHECK(u8_check((const uint8_t *)q.terms[i].text, strlen(q.terms[i].text)) == NULL,
		           "a highlight term is not valid UTF-8");
	}
	/* Highlight the query in itself (its words are sure to be there) and in a fixed text. */
	check_spans(&q, input, strlen(input));
	static const char fixed[] = "Café talks in São Paulo: the U.S. envoy and STRASSE straße.";
	check_spans(&q, fixed, sizeof fixed - 1);
	folio_query_free(&q);
	free(input);
	return 0;
}
