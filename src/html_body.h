/*
 * html_body.h: the main text of a parsed web page, internal to html.c.
 */
#ifndef FOLIO_HTML_BODY_H
#define FOLIO_HTML_BODY_H

#include <libxml/tree.h>

/*
 * The article's text in doc, rendered as folio stores a body (paragraphs
 * separated by one blank line).  doc is changed: furniture is removed from
 * it.  Returns 0 with *body malloc'd, or NULL when the page holds no
 * prose; -1 when out of memory.
 */
int html_main_text(xmlDoc *doc, char **body);

#endif
