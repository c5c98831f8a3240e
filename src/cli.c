/*
 * cli.c: the printing commands.
 *
 * Plain output is one record a line, fields separated by TAB, every field
 * made safe by folio_text_display() (so a title can hold neither a TAB, a
 * newline nor an escape sequence).  JSON output keeps the text's Unicode
 * (cleaned, not ASCII-folded) and escapes what JSON requires.  Lists are
 * printed page by page from the store, so `folio list` on a million
 * articles streams in constant memory.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "folio/cli.h"
#include "folio/extract.h"
#include "folio/feed.h"
#include "folio/import.h"
#include "folio/search.h"
#include "folio/text.h"

#define LIST_PAGE 500

void folio_cli_error(char *err)
{
	char *safe = err ? folio_text_display(err, strlen(err), NULL) : NULL;
	fprintf(stderr, "folio: %s\n", safe ? safe : "out of memory");
	free(safe);
	free(err);
}

void folio_cli_skipped(const char *name, const char *reason)
{
	char *escaped = folio_text_escape(name, strlen(name));
	fprintf(stderr, "folio: %s: %s\n", escaped ? escaped : "?", reason);
	free(escaped);
}

/* One field of a plain line: safe for any terminal, no TAB or newline in it. */
static void put_field(const char *s)
{
	if (!s)
		return;
	char *safe = folio_text_display(s, strlen(s), NULL);
	if (safe)
		fputs(safe, stdout);
	free(safe);
}

/* A JSON string (or null): cleaned text, with quotes, backslashes and controls escaped. */
static void put_json(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	char *clean = folio_text_clean(s, strlen(s), true, NULL);
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)(clean ? clean : ""); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		default:
			if (*p < 0x20)
				printf("\\u%04x", *p);
			else
				putchar(*p);
		}
	}
	putchar('"');
	free(clean);
}

static void put_json_key(const char *key, const char *value, bool last)
{
	printf("\"%s\": ", key);
	put_json(value);
	fputs(last ? "" : ", ", stdout);
}

/* A date field: the store's "" means undated. */
static const char *date_or_null(const char *date)
{
	return date && *date ? date : NULL;
}

static enum folio_cli_result finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "folio: cannot write output: %s\n", strerror(errno));
		return FOLIO_CLI_STORE;
	}
	return FOLIO_CLI_OK;
}

enum folio_cli_result folio_cli_sources(struct folio_store *st, bool json)
{
	struct folio_source_row *rows;
	size_t n;
	char *err;
	if (folio_store_sources(st, &rows, &n, &err) != 0) {
		folio_cli_error(err);
		return FOLIO_CLI_STORE;
	}
	if (json)
		fputs("[", stdout);
	for (size_t i = 0; i < n; i++) {
		if (json) {
			printf("%s\n  {\"name\": ", i ? "," : "");
			put_json(rows[i].name);
			printf(", \"total\": %" PRId64 ", \"unread\": %" PRId64 "}", rows[i].total,
			       rows[i].unread);
		} else {
			printf("%" PRId64 "\t", rows[i].total);
			put_field(rows[i].name);
			putchar('\n');
		}
	}
	if (json)
		fputs(n ? "\n]\n" : "]\n", stdout);
	folio_store_sources_free(rows, n);
	return finish_output();
}

/* The id of the source called name (case-insensitive), or 0 with a message. */
static int64_t source_named(struct folio_store *st, const char *name, bool *failed)
{
	struct folio_source_row *rows;
	size_t n;
	char *err;
	int64_t id = 0;
	*failed = false;
	if (folio_store_sources(st, &rows, &n, &err) != 0) {
		folio_cli_error(err);
		*failed = true;
		return 0;
	}
	for (size_t i = 0; i < n && !id; i++)
		if (strcasecmp(rows[i].name, name) == 0)
			id = rows[i].id;
	folio_store_sources_free(rows, n);
	if (!id) {
		char *escaped = folio_text_escape(name, strlen(name));
		fprintf(stderr, "folio: no source named '%s' (folio sources lists them)\n",
		        escaped ? escaped : "?");
		free(escaped);
	}
	return id;
}

enum folio_cli_result folio_cli_list(struct folio_store *st, const char *source,
                                     int64_t limit, bool json)
{
	int64_t source_id = 0;
	if (source) {
		bool failed;
		source_id = source_named(st, source, &failed);
		if (failed)
			return FOLIO_CLI_STORE;
		if (!source_id)
			return FOLIO_CLI_USAGE;
	}
	struct folio_list_key key;
	bool have_key = false;
	int64_t printed = 0;
	if (json)
		fputs("[", stdout);
	for (;;) {
		size_t want = LIST_PAGE;
		if (limit >= 0 && (int64_t)want > limit - printed)
			want = (size_t)(limit - printed);
		if (want == 0)
			break;
		struct folio_list_row *rows;
		size_t n;
		char *err;
		if (folio_store_list(st, source_id, have_key ? &key : NULL, false, false, want,
		                     &rows, &n, &err) != 0) {
			folio_cli_error(err);
			return FOLIO_CLI_STORE;
		}
		for (size_t i = 0; i < n; i++) {
			const struct folio_list_row *r = &rows[i];
			if (json) {
				printf("%s\n  {\"id\": %" PRId64 ", ", printed ? "," : "", r->id);
				put_json_key("date", date_or_null(r->date), false);
				put_json_key("source", r->source, false);
				put_json_key("title", r->title, false);
				printf("\"read\": %s, \"flagged\": %s}", r->read ? "true" : "false",
				       r->flagged ? "true" : "false");
			} else {
				printf("%" PRId64 "\t%s\t", r->id, r->date);
				put_field(r->source);
				putchar('\t');
				put_field(r->title);
				putchar('\n');
			}
			printed++;
		}
		if (n > 0) {
			memcpy(key.date, rows[n - 1].date, sizeof key.date);
			key.id = rows[n - 1].id;
			have_key = true;
		}
		folio_store_rows_free(rows, n);
		if (n < want)
			break;
	}
	if (json)
		fputs(printed ? "\n]\n" : "]\n", stdout);
	return finish_output();
}

/* The body, line by line through the display rule, paragraphs kept. */
static void put_body(const char *body)
{
	const char *p = body;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *safe = folio_text_display(p, len, NULL);
		if (safe)
			fputs(safe, stdout);
		free(safe);
		putchar('\n');
		p = nl ? nl + 1 : NULL;
	}
}

static void put_header(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("%s: ", label);
	put_field(value);
	putchar('\n');
}

enum folio_cli_result folio_cli_show(struct folio_store *st, int64_t id, bool json)
{
	struct folio_record r;
	char *err;
	int rc = folio_store_get(st, id, &r, &err);
	if (rc < 0) {
		folio_cli_error(err);
		return FOLIO_CLI_STORE;
	}
	if (rc > 0) {
		fprintf(stderr, "folio: no article %" PRId64 "\n", id);
		return FOLIO_CLI_PARTIAL;
	}
	if (json) {
		printf("{\"id\": %" PRId64 ", ", r.id);
		put_json_key("source", r.source, false);
		put_json_key("title", r.title, false);
		put_json_key("byline", r.byline, false);
		put_json_key("date", date_or_null(r.date), false);
		put_json_key("dateline", r.dateline, false);
		put_json_key("path", r.path, false);
		printf("\"read\": %s, \"flagged\": %s, ", r.read ? "true" : "false",
		       r.flagged ? "true" : "false");
		put_json_key("body", r.body, true);
		fputs("}\n", stdout);
	} else {
		put_header("Title", r.title);
		put_header("Source", r.source);
		put_header("By", r.byline);
		put_header("Date", date_or_null(r.date));
		put_header("Dateline", r.dateline);
		put_header("File", r.path);
		putchar('\n');
		put_body(r.body);
	}
	folio_record_free(&r);
	return finish_output();
}

enum folio_cli_result folio_cli_search(struct folio_store *st, const char *query,
                                       int64_t limit, bool json)
{
	struct folio_query q;
	if (folio_search_parse(query, false, &q) != 0) {
		fputs("folio: out of memory\n", stderr);
		return FOLIO_CLI_STORE;
	}
	if (q.empty) {
		folio_query_free(&q);
		fputs("folio: search: nothing to search for (try: folio search WORD...)\n", stderr);
		return FOLIO_CLI_USAGE;
	}
	struct folio_hit *hits;
	size_t n;
	char *err;
	if (folio_store_search(st, q.match, q.after, q.before, limit < 0 ? 50 : (size_t)limit, 0,
	                       &hits, &n, &err) != 0) {
		folio_query_free(&q);
		folio_cli_error(err);
		return FOLIO_CLI_STORE;
	}
	if (json)
		fputs("[", stdout);
	for (size_t i = 0; i < n; i++) {
		const struct folio_hit *h = &hits[i];
		/* bm25 is lower-is-better and negative: print it as a positive relevance. */
		double relevance = -h->score;
		if (json) {
			printf("%s\n  {\"id\": %" PRId64 ", \"score\": %.4f, ", i ? "," : "", h->id,
			       relevance);
			put_json_key("date", date_or_null(h->date), false);
			put_json_key("source", h->source, false);
			put_json_key("title", h->title, false);
			put_json_key("snippet", h->snippet, true);
			putchar('}');
		} else {
			printf("%" PRId64 "\t%.2f\t", h->id, relevance);
			put_field(h->source);
			putchar('\t');
			put_field(h->title);
			putchar('\n');
		}
	}
	if (json)
		fputs(n ? "\n]\n" : "]\n", stdout);
	folio_store_hits_free(hits, n);
	folio_query_free(&q);
	return finish_output();
}

static void put_extracted_json(const char *file, const struct folio_article *a, bool first)
{
	printf("%s\n  {", first ? "" : ",");
	put_json_key("file", file, false);
	put_json_key("source", a->source, false);
	put_json_key("title", a->title, false);
	put_json_key("byline", a->byline, false);
	put_json_key("date", a->date, false);
	put_json_key("dateline", a->dateline, false);
	put_json_key("body", a->body, true);
	putchar('}');
}

static void put_extracted_text(const char *file, const struct folio_article *a, bool first)
{
	if (!first)
		putchar('\n');
	put_header("File", file);
	put_header("Source", a->source);
	put_header("Title", a->title);
	put_header("By", a->byline);
	put_header("Date", a->date);
	put_header("Dateline", a->dateline);
	putchar('\n');
	put_body(a->body);
}

enum folio_cli_result folio_cli_extract(char *const *files, size_t n, bool json)
{
	enum folio_cli_result result = FOLIO_CLI_OK;
	bool first = true;
	if (json)
		fputs("[", stdout);
	for (size_t i = 0; i < n; i++) {
		struct folio_feed_entry *items = NULL;
		size_t nitems = 0;
		const char *reason = NULL;
		if (folio_import_articles(files[i], &items, &nitems, &reason) != 0) {
			folio_cli_skipped(files[i], reason);
			result = FOLIO_CLI_PARTIAL;
			/* Every input gets a record, so the output lines up with the input list. */
			if (json) {
				struct folio_article none = { 0 };
				put_extracted_json(files[i], &none, first);
				first = false;
			}
			continue;
		}
		/* A feed gives one record per entry, each naming its file. */
		for (size_t k = 0; k < nitems; k++, first = false) {
			if (json)
				put_extracted_json(files[i], &items[k].article, first);
			else
				put_extracted_text(files[i], &items[k].article, first);
		}
		folio_feed_free(items, nitems);
	}
	if (json)
		fputs(first ? "]\n" : "\n]\n", stdout);
	return finish_output() == FOLIO_CLI_OK ? result : FOLIO_CLI_STORE;
}

struct import_view {
	bool progress; /* a terminal is watching: keep one progress line up to date */
	bool shown;
};

static void on_skip(void *ctx, const char *path, const char *reason)
{
	struct import_view *view = ctx;
	if (view->shown) { /* the skip line must not land in the middle of the progress line */
		fputs("\r\033[K", stderr);
		view->shown = false;
	}
	folio_cli_skipped(path, reason);
}

static void on_progress(void *ctx, const struct folio_import_stats *s)
{
	struct import_view *view = ctx;
	if (!view->progress)
		return;
	fprintf(stderr, "\r\033[Kimporting: %zu new, %zu updated, %zu unchanged, %zu skipped",
	        s->imported, s->updated, s->unchanged, s->skipped);
	view->shown = true;
}

enum folio_cli_result folio_cli_import(struct folio_store *st, char *const *paths,
                                       size_t n, bool quiet)
{
	struct import_view view = { .progress = !quiet && isatty(STDERR_FILENO) };
	struct folio_import_options opts = { on_skip, on_progress, &view };
	struct folio_import_stats stats;
	char *err = NULL;
	int rc = folio_import(st, paths, n, &opts, &stats, &err);
	if (view.shown)
		fputs("\r\033[K", stderr);
	if (rc != 0) {
		folio_cli_error(err);
		fprintf(stderr, "folio: stopped; %zu new articles were stored before that\n",
		        stats.imported);
		return FOLIO_CLI_STORE;
	}
	if (!quiet)
		printf("imported %zu new, %zu updated, %zu unchanged, %zu skipped\n",
		       stats.imported, stats.updated, stats.unchanged, stats.skipped);
	enum folio_cli_result out = finish_output();
	if (out != FOLIO_CLI_OK)
		return out;
	return stats.skipped ? FOLIO_CLI_PARTIAL : FOLIO_CLI_OK;
}
