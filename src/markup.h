/*
 * markup.h: what html.c and feed.c share, internal to them (it names
 * libxml2 types, so it is not a public contract in include/folio/).
 */
#ifndef FOLIO_MARKUP_H
#define FOLIO_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

/*
 * The text of a subtree as folio stores a body: blocks become paragraphs
 * separated by one blank line, list items and <br> become lines, runs of
 * white space become one space (except in <pre>), and script, style, forms
 * and the like are left out.  Entity references are never followed (a
 * declared entity is not expanded by us, so no entity bomb goes off here).
 * The result has been through folio_text_clean().  NULL when out of memory.
 */
char *markup_render(const xmlNode *node, size_t *out_len);

/* The same for a single line (titles, names): no line breaks at all. */
char *markup_line(const xmlNode *node);

/* A string from the parser cleaned into one line, or NULL if empty/no memory. */
char *markup_clean_line(const char *s);

/* Body text cleaned like markup_render()'s output (paragraphs, no trailing
 * blanks); NULL when empty or out of memory (*nomem tells which). */
char *markup_clean_body(const char *s, size_t len, bool *nomem);

/* An HTML fragment (UTF-8, as a feed carries it) rendered as a body. */
char *markup_fragment_body(const char *html, size_t len, bool *nomem);

/* "YYYY-MM-DD" from the start of an ISO 8601 / RFC 3339 date, or NULL. */
char *markup_iso_date(const char *s);

/* "YYYY-MM-DD" from an RFC 822 date ("Tue, 10 Jun 2003 04:00:00 GMT"), or NULL. */
char *markup_rfc822_date(const char *s);

/* Case-insensitive compare of an element's name (local part) with name. */
bool markup_is(const xmlNode *node, const char *name);

/* An attribute's value (malloc'd via libxml2: free with xmlFree) or NULL. */
char *markup_attr(const xmlNode *node, const char *name);

#endif
