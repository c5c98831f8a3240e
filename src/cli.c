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
#include "folio/folio.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <unistd.h>

#include "folio/browser.h"
#include "folio/cli.h"
#include "folio/article.h"
#include "folio/format.h"
#include "folio/import.h"
#include "folio/json.h"
#include "folio/search.h"
#include "folio/text.h"
#include "folio/timeline.h"

#define LIST_PAGE 500

void folio_warn(const char *fmt, ...)
{
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	int len = vasprintf(&msg, fmt, ap);
	va_end(ap);
	char *safe = len >= 0 ? folio_text_display(msg, (size_t)len, NULL) : NULL;
	fprintf(stderr, "folio: %s\n", safe ? safe : "out of memory");
	free(safe);
	if (len >= 0)
		free(msg);
}

void folio_cli_error(char *err)
{
	folio_warn("%s", err ? err : "out of memory");
	free(err);
}

void folio_cli_skipped(const char *name, const char *reason)
{
	char *escaped = folio_text_escape(name, strlen(name));
	folio_warn("%s: %s", escaped ? escaped : "?", reason);
	free(escaped);
}

/* A date field: the store's "" means undated. */
static const char *date_or_null(const char *date)
{
	return date && *date ? date : NULL;
}

static enum folio_cli_result out_of_memory(void)
{
	folio_warn("out of memory");
	return FOLIO_CLI_STORE;
}

/* A store call failed: say its message (and free it). */
static enum folio_cli_result store_failed(char *err)
{
	folio_cli_error(err);
	return FOLIO_CLI_STORE;
}

static enum folio_cli_result finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		folio_warn("cannot write output: %s", strerror(errno));
		return FOLIO_CLI_STORE;
	}
	return FOLIO_CLI_OK;
}

enum folio_cli_result folio_cli_sources(struct folio_store *st, bool json)
{
	struct folio_source_row *rows;
	size_t n;
	char *err;
	if (folio_store_sources(st, &rows, &n, &err) != 0)
		return store_failed(err);
	struct folio_json_list list;
	bool nomem = false;
	if (json)
		folio_json_list_begin(&list, stdout);
	for (size_t i = 0; i < n && !nomem; i++) {
		if (json) {
			struct folio_json j;
			folio_json_begin(&j);
			folio_json_text(&j, "name", rows[i].name);
			folio_json_int(&j, "total", rows[i].total);
			folio_json_int(&j, "unread", rows[i].unread);
			nomem = folio_json_list_item(&list, &j) != 0;
		} else {
			printf("%" PRId64 "\t", rows[i].total);
			folio_format_field(stdout, rows[i].name);
			putchar('\n');
		}
	}
	if (json)
		folio_json_list_end(&list);
	folio_store_sources_free(rows, n);
	return nomem ? out_of_memory() : finish_output();
}

/*
 * The id of the source called name (case-insensitive), or 0 with a message;
 * with exact non-NULL, also its name as stored (malloc'd).
 */
static int64_t source_named(struct folio_store *st, const char *name, char **exact,
                            bool *failed)
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
		if (strcasecmp(rows[i].name, name) == 0) {
			id = rows[i].id;
			if (exact && !(*exact = strdup(rows[i].name))) {
				folio_warn("out of memory");
				*failed = true;
			}
		}
	folio_store_sources_free(rows, n);
	if (!id) {
		char *escaped = folio_text_escape(name, strlen(name));
		folio_warn("no source named '%s' (folio sources lists them)", escaped ? escaped : "?");
		free(escaped);
	}
	return *failed ? 0 : id;
}

/* ---- stories: one row each, unless the copies are asked for ---- */

/* The stories a list has printed; copies: print every article. */
struct stories {
	bool copies;
	struct folio_idset set;
};

/*
 * Whether the article id is printed: 1 yes, 0 no (its story was), -1 on
 * error (said).  *story and *size get its story.
 */
static int story_shown(struct folio_store *st, struct stories *s, int64_t id, int64_t *story,
                       int64_t *size)
{
	char *err;
	if (folio_store_story(st, id, story, size, &err) != 0) {
		folio_cli_error(err);
		return -1;
	}
	if (s->copies || *size < 2)
		return 1;
	switch (folio_idset_add(&s->set, *story)) {
	case 0:
		return 0;
	case 1:
		return 1;
	default:
		out_of_memory();
		return -1;
	}
}

/* JSON: the story of article id, and the other articles it holds with their sources. */
static int json_story(struct folio_store *st, struct folio_json *j, int64_t id, int64_t story,
                      int64_t size)
{
	folio_json_int(j, "story", story);
	if (size < 2)
		return 0;
	struct folio_list_row *rows;
	size_t n, k = 0;
	char *err;
	if (folio_store_story_rows(st, story, &rows, &n, &err) != 0) {
		folio_cli_error(err);
		return -1;
	}
	struct folio_json *items = calloc(n ? n : 1, sizeof *items);
	if (!items) {
		folio_store_rows_free(rows, n);
		out_of_memory();
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (rows[i].id == id)
			continue;
		folio_json_begin(&items[k]);
		folio_json_int(&items[k], "id", rows[i].id);
		folio_json_text(&items[k], "source", rows[i].source);
		k++;
	}
	folio_json_objects(j, "copies", items, k);
	free(items);
	folio_store_rows_free(rows, n);
	return 0;
}

enum folio_cli_result folio_cli_list(struct folio_store *st, const char *source,
                                     int64_t limit, bool json, bool copies)
{
	int64_t source_id = 0;
	if (source) {
		bool failed;
		source_id = source_named(st, source, NULL, &failed);
		if (failed)
			return FOLIO_CLI_STORE;
		if (!source_id)
			return FOLIO_CLI_USAGE;
	}
	struct folio_list_key key;
	bool have_key = false;
	int64_t printed = 0;
	struct folio_json_list list;
	/* the store passes over the copies (a story's newest article in the list
	 * is its row): no lookup a row, which cost 4x the CPU of the list at 10^5 */
	folio_store_set_stories(st, !copies);
	if (json)
		folio_json_list_begin(&list, stdout);
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
		                     &rows, &n, &err) != 0)
			return store_failed(err);
		for (size_t i = 0; i < n; i++) {
			const struct folio_list_row *r = &rows[i];
			int64_t story, size;
			if (json && folio_store_story(st, r->id, &story, &size, &err) != 0) {
				folio_store_rows_free(rows, n);
				return store_failed(err);
			}
			if (json) {
				struct folio_json j;
				folio_json_begin(&j);
				folio_json_int(&j, "id", r->id);
				folio_json_text(&j, "date", date_or_null(r->date));
				folio_json_text(&j, "source", r->source);
				folio_json_text(&j, "title", r->title);
				folio_json_bool(&j, "read", r->read);
				folio_json_bool(&j, "flagged", r->flagged);
				bool failed = json_story(st, &j, r->id, story, size) != 0;
				if (failed)
					json_object_put(j.obj);
				if (failed || folio_json_list_item(&list, &j) != 0) {
					folio_store_rows_free(rows, n);
					return failed ? FOLIO_CLI_STORE : out_of_memory();
				}
			} else {
				printf("%" PRId64 "\t%s\t", r->id, r->date);
				folio_format_field(stdout, r->source);
				putchar('\t');
				folio_format_field(stdout, r->title);
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
		folio_json_list_end(&list);
	return finish_output();
}

/* Article id into *r, or what to exit with, said. */
static enum folio_cli_result record_of(struct folio_store *st, int64_t id, struct folio_record *r)
{
	char *err = NULL;
	int rc = folio_store_get(st, id, r, &err);
	if (rc < 0)
		return store_failed(err);
	if (rc > 0) {
		folio_warn("no article %" PRId64, id);
		return FOLIO_CLI_PARTIAL;
	}
	return FOLIO_CLI_OK;
}

enum folio_cli_result folio_cli_show(struct folio_store *st, int64_t id, bool json)
{
	struct folio_record r;
	enum folio_cli_result got = record_of(st, id, &r);
	if (got != FOLIO_CLI_OK)
		return got;
	bool nomem = false;
	if (json) {
		struct folio_json j;
		folio_format_record_json(&j, &r);
		nomem = folio_json_write(&j, stdout) != 0;
		putchar('\n');
	} else {
		folio_format_record_text(stdout, &r);
	}
	folio_record_free(&r);
	return nomem ? out_of_memory() : finish_output();
}

/*
 * A relevance as a plain decimal number in three significant digits: 12.3,
 * 0.482, 0.00000208.  Never an exponent (2.08e-06 reads as a typo to most)
 * and never -0; a word in most articles does score around 1e-6 (bm25 gives
 * such words next to no weight), and 0.00 for every such hit would hide
 * their order.  Past 12 decimals it is 0.
 */
static void print_relevance(double r)
{
	if (!(r > 0)) {
		fputs("0", stdout);
		return;
	}
	int decimals = 2;
	for (double x = r; x >= 10 && decimals > 0; x /= 10)
		decimals--;
	for (double x = r; x < 1 && decimals <= 12; x *= 10)
		decimals++;
	if (decimals > 12) {
		fputs("0", stdout);
		return;
	}
	printf("%.*f", decimals, r);
}

/* ---- mark, delete, tag ---- */

/* The articles args name: ids when every one is a number, else a query's matches. */
static enum folio_cli_result ids_of(struct folio_store *st, const char *command, char *const *args,
                                    size_t n, int64_t **ids, size_t *nids)
{
	*ids = NULL;
	*nids = 0;
	bool numbers = true;
	for (size_t i = 0; i < n && numbers; i++) {
		char *end;
		errno = 0;
		long long v = strtoll(args[i], &end, 10);
		numbers = !errno && end != args[i] && !*end && v > 0;
	}
	if (numbers) {
		if (!(*ids = calloc(n ? n : 1, sizeof **ids)))
			return out_of_memory();
		for (size_t i = 0; i < n; i++)
			(*ids)[i] = strtoll(args[i], NULL, 10);
		*nids = n;
		return FOLIO_CLI_OK;
	}
	struct folio_buf words = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (i)
			folio_buf_add(&words, " ", 1);
		folio_buf_str(&words, args[i]);
	}
	char *query = folio_buf_finish(&words, NULL);
	struct folio_query q;
	if (!query || folio_search_parse(query, false, &q) != 0) {
		free(query);
		return out_of_memory();
	}
	free(query);
	if (q.problem || q.empty) {
		folio_warn("%s: %s", command, q.problem ? q.problem : "the query has nothing to search for");
		folio_query_free(&q);
		return FOLIO_CLI_USAGE;
	}
	struct folio_hit *hits;
	size_t nhits;
	char *err = NULL;
	struct folio_search_opts o = { .match = q.match, .after = q.after, .before = q.before,
	                               .tag = q.tag, .limit = (size_t)INT64_MAX, .no_snippets = true };
	int rc = folio_store_search(st, &o, &hits, &nhits, &err);
	folio_query_free(&q);
	if (rc != 0)
		return store_failed(err);
	if (nhits && !(*ids = calloc(nhits, sizeof **ids))) {
		folio_store_hits_free(hits, nhits);
		return out_of_memory();
	}
	for (size_t i = 0; i < nhits; i++)
		(*ids)[i] = hits[i].id;
	*nids = nhits;
	folio_store_hits_free(hits, nhits);
	return FOLIO_CLI_OK;
}

enum folio_cli_result folio_cli_mark(struct folio_store *st, char *const *args, size_t n,
                                     const char *source, bool all, bool unread)
{
	int64_t changed = 0, source_id = 0, *ids = NULL;
	size_t nids = 0;
	char *err = NULL, *name = NULL;
	int rc;
	if (n > 0 && (source || all)) {
		folio_warn("mark: IDs or a QUERY, or else --source NAME or --all, not both");
		return FOLIO_CLI_USAGE;
	}
	if (n == 0 && !source && !all) {
		folio_warn("mark needs IDs, a QUERY, --source NAME or --all");
		return FOLIO_CLI_USAGE;
	}
	if (source) {
		bool failed;
		if (!(source_id = source_named(st, source, &name, &failed)))
			return failed ? FOLIO_CLI_STORE : FOLIO_CLI_USAGE;
		free(name);
	}
	if (n > 0) {
		enum folio_cli_result r = ids_of(st, "mark", args, n, &ids, &nids);
		if (r != FOLIO_CLI_OK)
			return r;
		rc = folio_store_mark_ids(st, ids, nids, !unread, &changed, &err);
		free(ids);
	} else {
		rc = folio_store_mark_source(st, source_id, !unread, &changed, &err);
	}
	if (rc != 0)
		return store_failed(err);
	printf("%" PRId64 " article%s marked %s\n", changed, changed == 1 ? "" : "s",
	       unread ? "unread" : "read");
	return finish_output();
}

enum folio_cli_result folio_cli_delete(struct folio_store *st, char *const *args, size_t n)
{
	int64_t *ids, deleted = 0;
	size_t nids;
	char *err = NULL;
	for (size_t i = 0; i < n; i++) {
		char *end;
		if (strtoll(args[i], &end, 10) <= 0 || *end) {
			char *escaped = folio_text_escape(args[i], strlen(args[i]));
			folio_warn("delete takes article IDs, not %s", escaped ? escaped : "?");
			free(escaped);
			return FOLIO_CLI_USAGE;
		}
	}
	enum folio_cli_result r = ids_of(st, "delete", args, n, &ids, &nids);
	if (r != FOLIO_CLI_OK)
		return r;
	int rc = folio_store_delete(st, ids, nids, &deleted, &err);
	free(ids);
	if (rc != 0)
		return store_failed(err);
	printf("%" PRId64 " article%s deleted\n", deleted, deleted == 1 ? "" : "s");
	if ((size_t)deleted < n)
		folio_warn("%zu of the IDs named no article", n - (size_t)deleted);
	enum folio_cli_result out = finish_output();
	return out != FOLIO_CLI_OK ? out : (size_t)deleted < n ? FOLIO_CLI_PARTIAL : FOLIO_CLI_OK;
}

enum folio_cli_result folio_cli_tag(struct folio_store *st, char *const *args, size_t n,
                                    bool remove)
{
	char *err = NULL;
	if (n == 0) {
		struct folio_tag_row *rows;
		size_t nrows;
		if (folio_store_tags(st, &rows, &nrows, &err) != 0)
			return store_failed(err);
		for (size_t i = 0; i < nrows; i++) {
			printf("%" PRId64 "\t", rows[i].count);
			folio_format_field(stdout, rows[i].name);
			putchar('\n');
		}
		folio_store_tags_free(rows, nrows);
		return finish_output();
	}
	if (n == 1) {
		folio_warn("tag needs a NAME and the IDs or QUERY of what gets it");
		return FOLIO_CLI_USAGE;
	}
	/* a tag is text like any other: through the gate, one line */
	char *name = folio_text_clean(args[0], strlen(args[0]), false, NULL);
	if (!name)
		return out_of_memory();
	if (!*name || strchr(name, ' ')) {
		char *escaped = folio_text_escape(args[0], strlen(args[0]));
		folio_warn("a tag is one word: not '%s'", escaped ? escaped : "?");
		free(escaped);
		free(name);
		return FOLIO_CLI_USAGE;
	}
	int64_t *ids, changed = 0;
	size_t nids;
	enum folio_cli_result r = ids_of(st, "tag", args + 1, n - 1, &ids, &nids);
	if (r != FOLIO_CLI_OK) {
		free(name);
		return r;
	}
	int rc = folio_store_tag(st, ids, nids, name, !remove, &changed, &err);
	free(ids);
	if (rc != 0) {
		free(name);
		return store_failed(err);
	}
	printf("%" PRId64 " article%s %s ", changed, changed == 1 ? "" : "s",
	       remove ? "lost the tag" : "tagged");
	folio_format_field(stdout, name);
	putchar('\n');
	free(name);
	return finish_output();
}

/* One saved search's line: unread TAB total TAB name TAB query. */
static bool print_saved(struct folio_store *st, const struct folio_saved_search *r)
{
	struct folio_query q;
	char *err = NULL;
	int64_t total = 0, unread = 0;
	if (folio_search_parse(r->query, false, &q) != 0)
		return false;
	struct folio_search_opts o = { .match = q.match, .after = q.after, .before = q.before,
	                               .tag = q.tag };
	bool ok = q.empty || (folio_store_search_count(st, &o, INT64_MAX, &total, &err) == 0 &&
	                      folio_store_search_count_unread(st, &o, INT64_MAX, &unread, &err) == 0);
	folio_query_free(&q);
	if (!ok) {
		folio_cli_error(err);
		return false;
	}
	printf("%" PRId64 "\t%" PRId64 "\t", unread, total);
	folio_format_field(stdout, r->name);
	putchar('\t');
	folio_format_field(stdout, r->query);
	putchar('\n');
	return true;
}

enum folio_cli_result folio_cli_saved(struct folio_store *st, char *const *args, size_t n,
                                      bool remove)
{
	char *err = NULL;
	if (n == 0) {
		struct folio_saved_search *rows;
		size_t nrows;
		if (folio_store_saved_searches(st, &rows, &nrows, &err) != 0)
			return store_failed(err);
		bool ok = true;
		for (size_t i = 0; i < nrows && ok; i++)
			ok = print_saved(st, &rows[i]);
		folio_store_saved_searches_free(rows, nrows);
		return ok ? finish_output() : FOLIO_CLI_STORE;
	}
	if (remove ? n != 1 : n < 2) {
		folio_warn(remove ? "saved --remove takes the NAME of one saved search"
		                  : "saved needs a NAME and the QUERY it stands for");
		return FOLIO_CLI_USAGE;
	}
	/* the name and the query are text like any other: through the gate, one line each */
	char *name = folio_text_clean(args[0], strlen(args[0]), false, NULL);
	char *joined = NULL;
	if (!remove) {
		struct folio_buf words = { 0 };
		for (size_t i = 1; i < n; i++) {
			if (i > 1)
				folio_buf_str(&words, " ");
			folio_buf_str(&words, args[i]);
		}
		joined = folio_buf_finish(&words, NULL);
	}
	char *query = joined ? folio_text_clean(joined, strlen(joined), false, NULL) : NULL;
	free(joined);
	if (!name || (!remove && !query)) {
		free(name);
		free(query);
		return out_of_memory();
	}
	enum folio_cli_result result = FOLIO_CLI_OK;
	struct folio_query q = { 0 };
	if (!*name) {
		folio_warn("a saved search needs a name");
		result = FOLIO_CLI_USAGE;
	} else if (!remove && folio_search_parse(query, false, &q) != 0) {
		result = out_of_memory();
	} else if (!remove && (q.problem || q.empty)) {
		folio_warn("saved: %s", q.problem ? q.problem : "nothing to search for");
		result = FOLIO_CLI_USAGE;
	} else if (remove) {
		bool found;
		if (folio_store_forget_search(st, name, &found, &err) != 0) {
			result = store_failed(err);
		} else if (!found) {
			char *escaped = folio_text_escape(name, strlen(name));
			folio_warn("no saved search '%s'", escaped ? escaped : "?");
			free(escaped);
			result = FOLIO_CLI_PARTIAL;
		} else {
			fputs("forgot ", stdout);
			folio_format_field(stdout, name);
			putchar('\n');
			result = finish_output();
		}
	} else if (folio_store_save_search(st, name, query, &err) != 0) {
		result = store_failed(err);
	} else {
		fputs("saved ", stdout);
		folio_format_field(stdout, name);
		fputs(": ", stdout);
		folio_format_field(stdout, query);
		putchar('\n');
		result = finish_output();
	}
	if (!remove)
		folio_query_free(&q);
	free(name);
	free(query);
	return result;
}

enum folio_cli_result folio_cli_open(struct folio_store *st, int64_t id)
{
	struct folio_record r;
	enum folio_cli_result result = record_of(st, id, &r);
	if (result != FOLIO_CLI_OK)
		return result;
	char **browsers = r.url ? folio_browser_commands() : NULL;
	if (!r.url) {
		folio_warn("article %" PRId64 " has no web address (its page stated none)", id);
		result = FOLIO_CLI_PARTIAL;
	} else if (!browsers) {
		/* no browser here (an SSH login): the address, for the user's own */
		folio_format_field(stdout, r.url);
		putchar('\n');
		result = finish_output();
	} else {
		fflush(stdout);
		int status = -1;
		for (char **b = browsers; *b && status != 0; b++)
			status = folio_browser_run(*b, r.url);
		if (status != 0) {
			folio_warn("the browser did not open %s ($BROWSER, else xdg-open)", r.url);
			result = FOLIO_CLI_PARTIAL;
		}
	}
	folio_browser_free(browsers);
	folio_record_free(&r);
	return result;
}

enum folio_cli_result folio_cli_search(struct folio_store *st, const char *query,
                                       int64_t limit, bool json, bool copies)
{
	struct folio_query q;
	if (folio_search_parse(query, false, &q) != 0)
		return out_of_memory();
	if (q.problem) {
		folio_warn("search: %s", q.problem);
		folio_query_free(&q);
		return FOLIO_CLI_USAGE;
	}
	if (q.empty) {
		folio_query_free(&q);
		folio_warn("search: nothing to search for (try: folio search WORD...)");
		return FOLIO_CLI_USAGE;
	}
	/*
	 * The text form shows no snippet, so it does not ask for one.  Pages
	 * of hits are read until the limit of stories is printed: the copies
	 * of a story shown are passed over.
	 */
	size_t want = limit < 0 ? 50 : (size_t)limit, printed = 0;
	struct folio_search_opts o = { .match = q.match, .after = q.after, .before = q.before,
	                               .tag = q.tag, .limit = want, .no_snippets = !json };
	struct stories shown = { .copies = copies };
	struct folio_json_list list;
	bool nomem = false, failed = false;
	if (json)
		folio_json_list_begin(&list, stdout);
	while (printed < want && !nomem && !failed) {
		struct folio_hit *hits;
		size_t n;
		char *err;
		if (folio_store_search(st, &o, &hits, &n, &err) != 0) {
			folio_cli_error(err);
			failed = true;
			break;
		}
		for (size_t i = 0; i < n && printed < want && !nomem && !failed; i++) {
			const struct folio_hit *h = &hits[i];
			/* bm25 is lower-is-better and negative: print it as a positive relevance
			 * (+ 0.0: never "-0"). */
			double relevance = -h->score + 0.0;
			int64_t story, size;
			int show = story_shown(st, &shown, h->id, &story, &size);
			if (show <= 0) {
				failed = show < 0;
				continue;
			}
			if (json) {
				struct folio_json j;
				folio_json_begin(&j);
				folio_json_int(&j, "id", h->id);
				folio_json_number(&j, "score", relevance);
				folio_json_text(&j, "date", date_or_null(h->date));
				folio_json_text(&j, "source", h->source);
				folio_json_text(&j, "title", h->title);
				folio_json_text(&j, "snippet", h->snippet);
				failed = json_story(st, &j, h->id, story, size) != 0;
				nomem = !failed && folio_json_list_item(&list, &j) != 0;
				if (failed)
					json_object_put(j.obj);
			} else {
				printf("%" PRId64 "\t", h->id);
				print_relevance(relevance);
				putchar('\t');
				folio_format_field(stdout, h->source);
				putchar('\t');
				folio_format_field(stdout, h->title);
				putchar('\n');
			}
			printed++;
		}
		folio_store_hits_free(hits, n);
		if (n < o.limit)
			break;
		o.offset += n;
	}
	if (json)
		folio_json_list_end(&list);
	folio_idset_free(&shown.set);
	folio_query_free(&q);
	if (failed)
		return FOLIO_CLI_STORE;
	return nomem ? out_of_memory() : finish_output();
}

/* Articles for export: writes each in the chosen form as it is read. */
struct export_run {
	struct folio_store *st;
	bool json;
	struct folio_json_list list;
	const char *source; /* with a query: only hits of this source (its stored name) */
	int64_t written;
};

static int export_one(struct export_run *run, int64_t id)
{
	struct folio_record r;
	char *err;
	int rc = folio_store_get(run->st, id, &r, &err);
	if (rc < 0) {
		folio_cli_error(err);
		return -1;
	}
	if (rc > 0) /* gone since it was listed: nothing to write */
		return 0;
	if (run->json) {
		struct folio_json j;
		folio_format_record_json(&j, &r);
		if (folio_json_list_item(&run->list, &j) != 0) {
			folio_record_free(&r);
			out_of_memory();
			return -1;
		}
	} else {
		if (run->written)
			fputs("%%\n", stdout);
		folio_format_record_text(stdout, &r);
	}
	run->written++;
	folio_record_free(&r);
	return ferror(stdout) ? -1 : 0;
}

/* Every article (of one source), newest first, a page at a time. */
static int export_list(struct export_run *run, int64_t source_id)
{
	struct folio_list_key key;
	bool have_key = false;
	for (;;) {
		struct folio_list_row *rows;
		size_t n;
		char *err;
		if (folio_store_list(run->st, source_id, have_key ? &key : NULL, false, false,
		                     LIST_PAGE, &rows, &n, &err) != 0) {
			folio_cli_error(err);
			return -1;
		}
		int rc = 0;
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = export_one(run, rows[i].id);
		if (n > 0) {
			memcpy(key.date, rows[n - 1].date, sizeof key.date);
			key.id = rows[n - 1].id;
			have_key = true;
		}
		folio_store_rows_free(rows, n);
		if (rc != 0)
			return -1;
		if (n < LIST_PAGE)
			return 0;
	}
}

/* Every match of a query, best first, a page at a time. */
static int export_matches(struct export_run *run, const struct folio_query *q)
{
	for (size_t offset = 0;; offset += LIST_PAGE) {
		struct folio_hit *hits;
		size_t n;
		char *err;
		struct folio_search_opts o = { .match = q->match, .after = q->after,
		                               .before = q->before, .tag = q->tag, .limit = LIST_PAGE,
		                               .offset = offset };
		if (folio_store_search(run->st, &o, &hits, &n, &err) != 0) {
			folio_cli_error(err);
			return -1;
		}
		int rc = 0;
		for (size_t i = 0; i < n && rc == 0; i++)
			if (!run->source || strcmp(hits[i].source, run->source) == 0)
				rc = export_one(run, hits[i].id);
		folio_store_hits_free(hits, n);
		if (rc != 0)
			return -1;
		if (n < LIST_PAGE)
			return 0;
	}
}

enum folio_cli_result folio_cli_export(struct folio_store *st, const char *source,
                                       const char *query, bool json)
{
	struct export_run run = { .st = st, .json = json };
	int64_t source_id = 0;
	char *source_name = NULL;
	struct folio_query q;
	bool searching = query && *query;
	int rc;

	/* The name is a value to look up, never part of a query: any text is safe in it. */
	if (source) {
		bool failed;
		if (!(source_id = source_named(st, source, &source_name, &failed)))
			return failed ? FOLIO_CLI_STORE : FOLIO_CLI_USAGE;
	}
	if (searching) {
		if (folio_search_parse(query, false, &q) != 0) {
			free(source_name);
			return FOLIO_CLI_STORE;
		}
		if (q.problem || q.empty) {
			if (q.problem)
				folio_warn("export: %s", q.problem);
			else
				folio_warn("export: the query has nothing to search for");
			folio_query_free(&q);
			free(source_name);
			return FOLIO_CLI_USAGE;
		}
		run.source = source_name;
	}
	if (json)
		folio_json_list_begin(&run.list, stdout);
	rc = searching ? export_matches(&run, &q) : export_list(&run, source_id);
	if (searching)
		folio_query_free(&q);
	free(source_name);
	if (json)
		folio_json_list_end(&run.list);
	if (rc != 0)
		return FOLIO_CLI_STORE;
	return finish_output();
}

/* One line per part checked, and per line of each problem (SQLite's come several to a row). */
static void on_check(void *ctx, const char *part, enum folio_check_verdict verdict,
                     const char *text)
{
	(void)ctx;
	if (verdict == FOLIO_CHECK_OK) {
		printf("%s: ok\n", part);
		return;
	}
	for (const char *line = text; line && *line;) {
		size_t len = strcspn(line, "\n");
		char *safe = folio_text_display(line, len, NULL);
		printf("%s: %s%s\n", part, verdict == FOLIO_CHECK_SKIPPED ? "not checked: " : "",
		       safe ? safe : "?");
		free(safe);
		line += len + (line[len] == '\n');
	}
}

enum folio_cli_result folio_cli_check(struct folio_store *st)
{
	size_t problems = 0;
	char *err = NULL;
	int rc = folio_store_check(st, on_check, NULL, &problems, &err);
	enum folio_cli_result out = finish_output();
	if (rc != 0)
		return store_failed(err);
	if (problems) {
		char *path = folio_text_escape(folio_store_path(st), strlen(folio_store_path(st)));
		folio_warn("%s is damaged: the lines above say where", path ? path : "?");
		free(path);
		return FOLIO_CLI_STORE;
	}
	return out;
}

/* -1: out of memory. */
static int put_extracted_json(struct folio_json_list *list, const char *file,
                              const struct folio_article *a)
{
	struct folio_json j;
	folio_json_begin(&j);
	folio_json_text(&j, "file", file);
	folio_json_text(&j, "source", a->source);
	folio_json_text(&j, "title", a->title);
	folio_json_text(&j, "byline", a->byline);
	folio_json_text(&j, "date", a->date);
	folio_json_text(&j, "dateline", a->dateline);
	folio_json_text(&j, "body", a->body);
	return folio_json_list_item(list, &j);
}

static void put_extracted_text(const char *file, const struct folio_article *a, bool first)
{
	if (!first)
		putchar('\n');
	folio_format_header(stdout, "File", file);
	folio_format_header(stdout, "Source", a->source);
	folio_format_header(stdout, "Title", a->title);
	folio_format_header(stdout, "By", a->byline);
	folio_format_header(stdout, "Date", a->date);
	folio_format_header(stdout, "Dateline", a->dateline);
	putchar('\n');
	folio_format_body(stdout, a->body);
}

enum folio_cli_result folio_cli_extract(char *const *files, size_t n, bool json)
{
	enum folio_cli_result result = FOLIO_CLI_OK;
	bool first = true, nomem = false;
	struct folio_json_list list;
	if (json)
		folio_json_list_begin(&list, stdout);
	for (size_t i = 0; i < n && !nomem; i++) {
		struct folio_import_item *items = NULL;
		size_t nitems = 0;
		const char *reason = NULL;
		if (folio_import_articles(files[i], &items, &nitems, &reason) != 0) {
			folio_cli_skipped(files[i], reason);
			result = FOLIO_CLI_PARTIAL;
			/* Every input gets a record, so the output lines up with the input list. */
			if (json) {
				struct folio_article none = { 0 };
				nomem = put_extracted_json(&list, files[i], &none) != 0;
			}
			continue;
		}
		/* A feed gives one record per entry, each naming its file. */
		for (size_t k = 0; k < nitems && !nomem; k++, first = false) {
			if (json)
				nomem = put_extracted_json(&list, files[i], &items[k].article) != 0;
			else
				put_extracted_text(files[i], &items[k].article, first);
		}
		folio_import_items_free(items, nitems);
		if (reason) { /* it broke off after these */
			folio_cli_skipped(files[i], reason);
			result = FOLIO_CLI_PARTIAL;
		}
	}
	if (json)
		folio_json_list_end(&list);
	if (nomem)
		return out_of_memory();
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
		folio_warn("stopped; %zu new articles were stored before that", stats.imported);
		return FOLIO_CLI_STORE;
	}
	if (!quiet)
		printf("imported %zu new, %zu updated, %zu unchanged, %zu skipped\n",
		       stats.imported, stats.updated, stats.unchanged, stats.skipped);
	/* A summary that could not be written is said on stderr; the import itself
	 * is done and the store is fine, so the status is the import's. */
	finish_output();
	return stats.skipped ? FOLIO_CLI_PARTIAL : FOLIO_CLI_OK;
}

/* ---- timeline ---------------------------------------------------------- */

static int timeline_json(const struct folio_timeline *t)
{
	struct folio_json j;
	struct folio_json *items = calloc(t->n ? t->n : 1, sizeof *items);
	if (!items)
		return -1;
	folio_json_begin(&j);
	folio_json_text(&j, "by", folio_bucket_name(t->by));
	folio_json_int(&j, "dated", t->dated);
	folio_json_int(&j, "undated", t->undated);
	for (size_t i = 0; i < t->n; i++) {
		folio_json_begin(&items[i]);
		folio_json_text(&items[i], "start", t->bars[i].start);
		folio_json_text(&items[i], "label", t->bars[i].label);
		folio_json_int(&items[i], "count", t->bars[i].count);
	}
	folio_json_objects(&j, "buckets", items, t->n);
	free(items);
	if (folio_json_write(&j, stdout) != 0)
		return -1;
	putchar('\n');
	return 0;
}

/* The bars, a line at a time through the text gate. */
static int timeline_text(const struct folio_timeline *t)
{
	const char *columns = getenv("COLUMNS");
	char *end = NULL;
	long cols = columns ? strtol(columns, &end, 10) : 0;
	if (!end || *end || end == columns || cols < 20 || cols > 1000)
		cols = 80;
	char *drawn = folio_timeline_draw(t, (int)cols,
	                                  !folio_text_ascii_only());
	if (!drawn)
		return -1;
	for (char *line = drawn, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		char *shown = folio_text_display(line, (size_t)(nl - line), NULL);
		if (!shown) {
			free(drawn);
			return -1;
		}
		puts(shown);
		free(shown);
	}
	free(drawn);
	return 0;
}

enum folio_cli_result folio_cli_timeline(struct folio_store *st, const char *source,
                                         const char *query, const char *by, bool json)
{
	int bucket = FOLIO_BY_FIT;
	if (by && (bucket = folio_bucket_parse(by)) < 0) {
		char *escaped = folio_text_escape(by, strlen(by));
		folio_warn("timeline: --by takes day, week, month or year, not %s",
		           escaped ? escaped : "?");
		free(escaped);
		return FOLIO_CLI_USAGE;
	}
	int64_t source_id = 0;
	if (source) {
		bool failed = false;
		if (!(source_id = source_named(st, source, NULL, &failed)))
			return failed ? FOLIO_CLI_STORE : FOLIO_CLI_USAGE;
	}
	struct folio_query q;
	if (folio_search_parse(query ? query : "", false, &q) != 0)
		return out_of_memory();
	if (q.problem) {
		folio_warn("timeline: %s", q.problem);
		folio_query_free(&q);
		return FOLIO_CLI_USAGE;
	}
	struct folio_search_opts o = { .match = q.match, .after = q.after, .before = q.before,
	                               .tag = q.tag };
	struct folio_day_count *days;
	size_t n;
	char *err;
	int rc = folio_store_days(st, source_id, q.empty ? NULL : &o, &days, &n, &err);
	folio_query_free(&q);
	if (rc != 0)
		return store_failed(err);
	struct folio_timeline t;
	rc = folio_timeline_build(days, n, 0, (enum folio_bucket)bucket, FOLIO_CLI_TIMELINE_BARS, &t);
	free(days);
	if (rc == 0)
		rc = json ? timeline_json(&t) : timeline_text(&t);
	folio_timeline_free(&t);
	return rc != 0 ? out_of_memory() : finish_output();
}
