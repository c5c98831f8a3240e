/*
 * import: walk paths, read files, find their articles (plain-text pages, web
 * pages, feeds), write them through the store.
 *
 * A bad input is skipped with its name and a reason and the rest goes on.
 * Only regular files are read (FIFOs, devices, sockets and symlink loops are
 * skipped, never opened in a way that blocks), and no file is read past
 * FOLIO_IMPORT_MAX_BYTES.
 */
#ifndef FOLIO_IMPORT_H
#define FOLIO_IMPORT_H

#include <stddef.h>

#include "folio/article.h"
#include "folio/store.h"

#define FOLIO_IMPORT_MAX_BYTES (16u << 20)

struct folio_import_stats {
	size_t imported;  /* new articles */
	size_t updated;   /* changed files whose article was replaced */
	size_t unchanged; /* content already in the store */
	size_t skipped;   /* inputs that gave no article */
};

/*
 * One article found in an input, as import keeps it: a page gives one (id
 * NULL), a feed one per entry (id: the entry's own, or NULL), folio's export
 * one per article (id: the path it claims).
 */
struct folio_import_item {
	struct folio_article article;
	char *id;
};
void folio_import_items_free(struct folio_import_item *items, size_t n);

typedef void folio_import_skip_fn(void *ctx, const char *path, const char *reason);
typedef void folio_import_progress_fn(void *ctx, const struct folio_import_stats *stats);

struct folio_import_options {
	folio_import_skip_fn *on_skip;         /* each skipped input, with its reason */
	folio_import_progress_fn *on_progress; /* now and then during a long import; may be NULL */
	void *ctx;
};

/*
 * Import every file under paths (folders recursively, in byte order of
 * names; "-" is one article on standard input).  Returns 0 when the import
 * ran to the end (whether or not inputs were skipped), -1 when the store
 * failed, with *err set; articles committed before the failure stay.
 */
int folio_import(struct folio_store *st, char *const *paths, size_t npaths,
                 const struct folio_import_options *opts,
                 struct folio_import_stats *stats, char **err);

/*
 * Read one input ("-" for stdin) and find its articles, as import would:
 * regular files only, at most FOLIO_IMPORT_MAX_BYTES, not binary; then by
 * content (folio_sniff()) a feed gives one article per entry (with its id),
 * a web page or a plain-text page one (id NULL).  Returns 0 with *items (n
 * >= 1, free with folio_import_items_free()), or -1 with *reason (static
 * text, or errno's message) saying why it was skipped.
 */
int folio_import_articles(const char *path, struct folio_import_item **items, size_t *n,
                          const char **reason);

/*
 * Import the articles in bytes in memory (named name in messages), as if
 * read from a file of that name.  The caller may wrap many calls in
 * folio_store_begin()/folio_store_commit().  Same return as folio_import().
 */
int folio_import_buffer(struct folio_store *st, const char *name, const char *bytes,
                        size_t len, const struct folio_import_options *opts,
                        struct folio_import_stats *stats, char **err);

#endif
