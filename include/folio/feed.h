/*
 * feed: a feed file (RSS 2.0, Atom, RDF/RSS 1.0) in, one article per entry out.
 *
 * Pure like extract: bytes in, structs out, no I/O.  The input is the raw
 * file, so libxml2 reads the encoding from the XML declaration.  The XML
 * parser never reaches the network, never loads an external DTD or entity,
 * and never substitutes entities (libxml2's limits stop an entity bomb).
 * Every output string has been through folio_text_clean().
 */
#ifndef FOLIO_FEED_H
#define FOLIO_FEED_H

#include <stddef.h>

#include "folio/extract.h"

struct folio_feed_entry {
	struct folio_article article; /* source = the feed's title; body = content or summary as text */
	char *id; /* the entry's identity: RSS guid, Atom id, RDF about, else its link; NULL if none */
};

/*
 * Read every entry of a feed.  On FOLIO_EXTRACT_OK, *entries (n >= 1) is a
 * malloc'd array to free with folio_feed_free(); entries with neither a
 * title nor any text are left out.  Otherwise *entries is NULL, *n is 0 and
 * *reason (static text) says why: not well-formed XML, not a feed, no
 * entries.
 */
enum folio_extract_result folio_feed_parse(const char *bytes, size_t len,
                                           struct folio_feed_entry **entries, size_t *n,
                                           const char **reason);

void folio_feed_free(struct folio_feed_entry *entries, size_t n);

#endif
