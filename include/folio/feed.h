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

#include <stdbool.h>
#include <stddef.h>

#include "folio/article.h"

struct folio_feed_entry {
	struct folio_article article; /* source = the feed's title; body = content or summary as text */
	char *id; /* the entry's identity: RSS guid, Atom id, RDF about, else its link; NULL if none */
};

/*
 * Read every entry of a feed in memory.  On FOLIO_EXTRACT_OK, *entries (n
 * >= 1) is a malloc'd array to free with folio_feed_free(); entries with
 * neither a title nor any text are left out; *reason is NULL, or says where
 * the feed broke off when it did after some entries (those are kept).
 * Otherwise *entries is NULL, *n is 0 and *reason (static text) says why:
 * not well-formed XML, not a feed, no entries.
 */
enum folio_extract_result folio_feed_parse(const char *bytes, size_t len,
                                           struct folio_feed_entry **entries, size_t *n,
                                           const char **reason);

/* Takes one entry (its strings are the callee's to free); non-zero stops the walk. */
typedef int folio_feed_entry_fn(void *ctx, struct folio_feed_entry *entry);
/* Entries kept in a growing array: folio_feed_collect() is a
 * folio_feed_entry_fn whose ctx is such a list.  oom: one could not be kept
 * (it was freed, and the walk stopped). */
struct folio_feed_list {
	struct folio_feed_entry *v;
	size_t n, cap;
	bool oom;
};
int folio_feed_collect(void *list, struct folio_feed_entry *entry);

/* Like read(2): up to len more bytes into buf; 0 at the end, -1 on failure. */
typedef long folio_feed_read_fn(void *ctx, char *buf, size_t len);

/*
 * Read a feed of any size entry by entry: head (the bytes already read,
 * from which the charset is told: a BOM, UTF-16/32, the XML declaration,
 * else UTF-8 unless the head is plainly a legacy charset), then what more
 * gives.  Memory holds one entry at a time.  Returns FOLIO_EXTRACT_OK when
 * at least one entry was passed to each, with *reason NULL or, when the
 * feed broke off (or could not be read) midway, saying where: the entries
 * before the break were passed.  Otherwise *reason says why there is none,
 * as folio_feed_parse() does.  *stop_rc is each's non-zero return that
 * stopped the walk, else 0.
 */
enum folio_extract_result folio_feed_stream(const char *head, size_t head_len,
                                            folio_feed_read_fn *more, void *more_ctx,
                                            folio_feed_entry_fn *each, void *ctx, size_t *n,
                                            const char **reason, int *stop_rc);

void folio_feed_free(struct folio_feed_entry *entries, size_t n);

#endif
