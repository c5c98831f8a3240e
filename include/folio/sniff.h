/*
 * sniff: what kind of file a pile holds, told by its content.
 *
 * Pure: looks at the first bytes only (after a BOM, white space, comments,
 * processing instructions and a DOCTYPE), never parses the document.
 */
#ifndef FOLIO_SNIFF_H
#define FOLIO_SNIFF_H

#include <stddef.h>

enum folio_kind {
	FOLIO_KIND_TEXT, /* a plain-text page (or anything else: extract decides) */
	FOLIO_KIND_HTML, /* a saved web page */
	FOLIO_KIND_FEED  /* an RSS 2.0, Atom or RDF (RSS 1.0) feed */
};

/*
 * FEED when the first element is <rss>, <feed> or <rdf:RDF>; HTML when the
 * document has an HTML DOCTYPE or starts with <html> or another HTML
 * element (<head>, <body>, <meta>, <div>, ...); TEXT otherwise.  UTF-16
 * and UTF-32, with a BOM or without (folio_text_wide_form()), are read too.
 */
enum folio_kind folio_sniff(const char *bytes, size_t len);

#endif
