/*
 * cli: the commands that print for people and scripts (sources, list, show,
 * search, extract, import's messages).
 *
 * Every name and text printed passes through the text module, so output to a
 * pipe or a terminal never carries control characters or escape sequences.
 * --json output is one JSON document with a stable schema (doc/folio.1).
 * The functions report what happened; main alone turns that into an exit
 * status.
 */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "folio/store.h"

enum folio_cli_result {
	FOLIO_CLI_OK = 0,
	FOLIO_CLI_PARTIAL,  /* done, but some inputs were skipped or not found */
	FOLIO_CLI_USAGE,    /* the request makes no sense (no such source, empty query) */
	FOLIO_CLI_STORE     /* the store failed */
};

/*
 * The one writer of folio's messages on stderr: "folio: " and the message,
 * one line, through the text module's display rule, so no message can drive
 * a terminal whatever it quotes (a keys file's bad key, a store's path, a
 * query).  Names are still best escaped first (folio_text_escape()), so the
 * message says exactly which bytes they hold.  Only constant text of
 * folio's own (a usage line, the import's progress line on a terminal) is
 * written to stderr any other way.
 */
void folio_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print err with folio_warn() and free it ("out of memory" when NULL). */
void folio_cli_error(char *err);

/* "folio: NAME: REASON" on stderr, with NAME escaped. */
void folio_cli_skipped(const char *name, const char *reason);

enum folio_cli_result folio_cli_sources(struct folio_store *st, bool json);
/*
 * list and search print one row per story (near-duplicates linked at
 * import: the first of its articles met in the order printed) unless
 * copies asks for every article; --json gives each row its "story" and,
 * when the story holds more, its other articles' ids and sources.
 */
enum folio_cli_result folio_cli_list(struct folio_store *st, const char *source,
                                     int64_t limit, bool json, bool copies);
/*
 * folio timeline: the articles of source (NULL: all) matching query (NULL
 * or empty: every one) counted by day, week, month or year (by: a name,
 * NULL for the finest giving at most FOLIO_CLI_TIMELINE_BARS bars), as text
 * bars as wide as $COLUMNS (80 without it), or as JSON counts; the undated
 * counted apart.
 */
#define FOLIO_CLI_TIMELINE_BARS 60
enum folio_cli_result folio_cli_timeline(struct folio_store *st, const char *source,
                                         const char *query, const char *by, bool json);
enum folio_cli_result folio_cli_show(struct folio_store *st, int64_t id, bool json);
/*
 * folio mark, delete, tag: what the reader's keys do, from the shell.  args
 * are article ids, or else the words of a query (all its matches).
 */
enum folio_cli_result folio_cli_mark(struct folio_store *st, char *const *args, size_t n,
                                     const char *source, bool all, bool unread);
enum folio_cli_result folio_cli_delete(struct folio_store *st, char *const *args, size_t n);
/* With no args every tag and its count; else args[0] is the tag, the rest what gets it. */
enum folio_cli_result folio_cli_tag(struct folio_store *st, char *const *args, size_t n,
                                    bool remove);
/* With no args every saved search: unread TAB total TAB name TAB query; else
 * args[0] is the name and the rest its query (saved), or with remove the name
 * of the one to forget. */
enum folio_cli_result folio_cli_saved(struct folio_store *st, char *const *args, size_t n,
                                      bool remove);
/* folio open: the article's address in the browser (browser.h), else printed on stdout. */
enum folio_cli_result folio_cli_open(struct folio_store *st, int64_t id);
enum folio_cli_result folio_cli_search(struct folio_store *st, const char *query,
                                       int64_t limit, bool json, bool copies);
/*
 * Every article (of source, or matching query, or both) in full: JSON (an
 * array in the schema of show --json, which `folio import` reads back), or
 * text (show's form, articles separated by a line "%%").
 */
enum folio_cli_result folio_cli_export(struct folio_store *st, const char *source,
                                       const char *query, bool json);
/* folio check: each part and each problem on stdout; damage found is FOLIO_CLI_STORE. */
enum folio_cli_result folio_cli_check(struct folio_store *st);
enum folio_cli_result folio_cli_extract(char *const *files, size_t n, bool json);
enum folio_cli_result folio_cli_import(struct folio_store *st, char *const *paths,
                                       size_t n, bool quiet);

#endif
