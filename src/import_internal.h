/*
 * import_internal.h: what import.c (the walk, the two threads, the writes)
 * uses of import_read.c (one input to its articles).  Not a public header:
 * nothing outside import may rely on it.
 */
#ifndef FOLIO_IMPORT_INTERNAL_H
#define FOLIO_IMPORT_INTERNAL_H

#include <stddef.h>
#include <sys/types.h>

#include "folio/extract.h"
#include "folio/import.h"

/* What an input holds: the kinds folio_sniff() tells, and folio's own
 * export, which only import tells apart (by reading it). */
enum import_kind { IMPORT_TEXT, IMPORT_HTML, IMPORT_FEED, IMPORT_EXPORT };

/* Takes one item (its strings are the callee's to free); non-zero stops the walk. */
typedef int import_item_fn(void *ctx, struct folio_import_item *item);

/* Items kept in a growing array; import_collect() is an import_item_fn
 * whose ctx is such a list: -1 (the item freed, oom set, the walk stopped)
 * when memory runs out. */
struct import_list {
	struct folio_import_item *v;
	size_t n, cap;
	bool oom;
};
int import_collect(void *list, struct folio_import_item *item);

/* Why a file of this type (not a regular file) is skipped: static text. */
const char *import_file_type_reason(mode_t mode);

/*
 * Read the raw bytes of one input ("-" for stdin): a regular file, at most
 * FOLIO_IMPORT_MAX_BYTES, not binary.  0 with *raw (malloc'd), or -1 with
 * *reason (static text, or errno's message) saying why it is skipped.
 * With big_fd, a larger regular file is not refused: 1 with its first 64
 * KiB in *raw and *big_fd open after them, for import_stream_articles().
 */
int import_read_raw(const char *path, char **raw, size_t *raw_len, int *big_fd,
                    const char **reason);

/*
 * The articles of a file too large to hold (fd, after its head), passed to
 * each one at a time as they are read: a feed entry by entry, folio's own
 * export element by element; anything else is refused as too large.
 * *kind is set before the first is passed.  FOLIO_EXTRACT_OK when some
 * were passed, with *reason NULL or saying where the file broke off;
 * otherwise *reason says why there are none.  *stop_rc: each's non-zero
 * return that stopped the walk.  fd is not closed.
 */
enum folio_extract_result import_stream_articles(int fd, const char *head, size_t head_len,
                                                 enum import_kind *kind,
                                                 import_item_fn *each, void *ctx,
                                                 const char **reason, int *stop_rc);

/*
 * The articles in the raw bytes of one input, and what kind of input it
 * was.  FOLIO_EXTRACT_OK with *items (n >= 1, free with folio_import_items_free())
 * and *reason NULL, or saying where the input broke off (the items are
 * those before the break); otherwise *reason may say why (static text).
 */
enum folio_extract_result import_find_articles(const char *raw, size_t raw_len,
                                               enum import_kind *kind,
                                               struct folio_import_item **items, size_t *n,
                                               const char **reason);

/* Where an item of an input from file is kept in the store (malloc'd; NULL: out of memory). */
char *import_identity(const char *file, enum import_kind kind, const struct folio_import_item *item);
/* Where an exported article whose claimed path holds another article goes:
 * "EXPORT-FILE#CLAIMED-PATH" (malloc'd). */
char *import_beside(const char *file, const char *claimed);

#endif
