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
#include "folio/feed.h"
#include "folio/sniff.h"

/* Why a file of this type (not a regular file) is skipped: static text. */
const char *import_file_type_reason(mode_t mode);

/*
 * Read the raw bytes of one input ("-" for stdin): a regular file, at most
 * FOLIO_IMPORT_MAX_BYTES, not binary.  0 with *raw (malloc'd), or -1 with
 * *reason (static text, or errno's message) saying why it is skipped.
 */
int import_read_raw(const char *path, char **raw, size_t *raw_len, const char **reason);

/*
 * The articles in the raw bytes of one input, and what kind of input it
 * was.  FOLIO_EXTRACT_OK with *items (n >= 1, free with folio_feed_free());
 * otherwise *reason may say why (static text).
 */
enum folio_extract_result import_find_articles(const char *raw, size_t raw_len,
                                               enum folio_kind *kind,
                                               struct folio_feed_entry **items, size_t *n,
                                               const char **reason);

/* Where an item of an input from file is kept in the store (malloc'd; NULL: out of memory). */
char *import_identity(const char *file, enum folio_kind kind, const struct folio_feed_entry *item);
/* Where an exported article whose claimed path holds another article goes:
 * "EXPORT-FILE#CLAIMED-PATH" (malloc'd). */
char *import_beside(const char *file, const char *claimed);

#endif
