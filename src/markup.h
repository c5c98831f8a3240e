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

/*
 * The bytes of a page (xml false) or feed (xml true) as UTF-8, which is
 * what libxml2 is then told to read: UTF-16 and UTF-32 with or without a
 * BOM, valid UTF-8 whatever the page declares (a saved page is often
 * re-encoded without its declaration being changed), else the charset the
 * page declares, else folio_text_decode()'s guess.  Bytes that do not
 * convert become U+FFFD; nothing is ever refused.  in->s is either bytes
 * itself or in->owned, which the caller frees.  -1 when out of memory, or
 * with *reason set (static text) when a guess was needed and uchardet
 * cannot be loaded.
 */
struct markup_input {
	const char *s;
	size_t len;
	char *owned;
};
int markup_input(const char *bytes, size_t len, bool xml, struct markup_input *in,
                 const char **reason);

/*
 * The same for a feed too large to hold: bytes converted to UTF-8 as
 * libxml2 asks for them, in pieces.  The charset is told from head (the
 * bytes already read): UTF-16/32 by BOM or zero bytes, valid non-ASCII
 * UTF-8 as UTF-8, else the declared charset, else uchardet's guess when the
 * head is not UTF-8, else UTF-8.  A byte that does not convert becomes
 * U+FFFD.  NULL when out of memory.  When the guess was needed and uchardet
 * cannot be loaded, the stream is empty and markup_stream_failed() says why.
 */
struct markup_stream;
struct markup_stream *markup_stream_open(const char *head, size_t head_len,
                                         long (*more)(void *ctx, char *buf, size_t len),
                                         void *more_ctx);
/* Up to len bytes of UTF-8 into buf: the count, 0 at the end, -1 on failure. */
int markup_stream_read(struct markup_stream *s, char *buf, int len);
/* Why the bytes stopped early (a read failed), or NULL. */
const char *markup_stream_failed(const struct markup_stream *s);
void markup_stream_close(struct markup_stream *s);

/* Make libxml2 ready for this thread: opened and set up once per process
 * (folio_libxml2()), and silent on stderr from this thread (folio reports
 * what went wrong itself, naming the file).  Call before each parse: no
 * code outside html, feed and markup calls libxml2.  -1 with *reason
 * (static text naming the library) when libxml2 cannot be loaded. */
int markup_ready(const char **reason);

/*
 * Whether an allocation of folio's on this thread failed since the last
 * markup_ready().  Many helpers here answer NULL both for "nothing there"
 * and for "no memory" (markup_line(), markup_outlet(), ...), so a parse
 * checks this once, before it answers: no field may go missing for memory
 * and pass as absent.
 */
bool markup_out_of_memory(void);

/* ---- fields (markup_fields.c) ---- */

/* The outlet raw names, cleaned into one canonical name (extract's table
 * of outlets): no URL, handle, tagline, section word, hosting label or
 * bare domain; NULL when raw names no outlet. */
char *markup_outlet(const char *raw);

/* The well-known outlet a URL's host belongs to, or NULL. */
char *markup_outlet_of_url(const char *url);

/* The names of a byline field, "A, B and C": dates, handles, logins,
 * "By" and roles cut off.  An untrusted field (page text, not metadata)
 * must read as a byline.  A date in it goes to date[] ("" if none). */
char *markup_byline(const char *raw, bool trusted, char date[11]);

/* The date in a URL's path ("/2015/03/12/"), into date[]. */
bool markup_url_date(const char *url, char date[11]);

/* "YYYY-MM-DD" from an ISO 8601, RFC 822 or written date, or NULL. */
char *markup_date(const char *s);

/* Case-insensitive compare of an element's name (local part) with name. */
bool markup_is(const xmlNode *node, const char *name);

/* An attribute's value (malloc'd via libxml2: free with
 * (*folio_xml.xmlFree)(), folio/libs.h) or NULL. */
char *markup_attr(const xmlNode *node, const char *name);

#endif
