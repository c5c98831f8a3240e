/*
 * html: a saved web page in, an article out.
 *
 * Pure like extract: bytes in, struct out, no I/O and no globals of ours.
 * The input is the page's RAW bytes (not folio_text_decode()'s output), so
 * that libxml2 can honour the charset the page declares (<meta charset>, a
 * BOM; UTF-8 when it says nothing).  Every output string has been through
 * folio_text_clean(); the body is paragraphs separated by one blank line,
 * list items one a line.
 */
#ifndef FOLIO_HTML_H
#define FOLIO_HTML_H

#include <stddef.h>

#include "folio/article.h"

/*
 * Find the article in an HTML page: its metadata first (JSON-LD, og: and
 * article: meta tags, <title>, <time datetime>, rel=author), then its main
 * text by scoring blocks, so menus, related links, comments and footers
 * stay out.  On FOLIO_EXTRACT_OK *out is filled (free it with
 * folio_article_free()); otherwise *out is all NULL and *reason (static
 * text) says why there is no article.
 */
enum folio_extract_result folio_html_extract(const char *bytes, size_t len,
                                             struct folio_article *out,
                                             const char **reason);

#endif
