/*
 * extract: the text of a scraped page in, an article out.
 *
 * Pure: no I/O, no globals, no locale.  The input is UTF-8 already decoded
 * and cleaned by folio_text_decode(); the output fields are malloc'd
 * strings, NULL where the page does not say.
 */
#ifndef FOLIO_EXTRACT_H
#define FOLIO_EXTRACT_H

#include <stddef.h>

#include "folio/article.h"

/*
 * Find the article in text.  On FOLIO_EXTRACT_OK *out is filled (free it with
 * folio_article_free(), folio/article.h); otherwise *out is all NULL and *reason (static
 * text) says why there is no article.
 */
enum folio_extract_result folio_extract(const char *text, size_t len,
                                        struct folio_article *out,
                                        const char **reason);

/*
 * Why extract chose what it chose, for tools (tests/explain) and tests:
 * folio_extract(), calling trace once for every unit of the page (a
 * paragraph or a line), in page order, with the class it was given ("prose",
 * "caption", "byline"...) and whether the body kept it.  trace may be NULL.
 */
typedef void folio_extract_trace(void *ctx, const char *kind, int in_body, const char *text,
                                 size_t len);
enum folio_extract_result folio_extract_traced(const char *text, size_t len,
                                               struct folio_article *out, const char **reason,
                                               folio_extract_trace *trace, void *ctx);

#endif
