/*
 * feed.c: RSS 2.0, Atom and RDF (RSS 1.0) files in, one article per entry.
 *
 * libxml2's XML parser reads the file from memory with XML_PARSE_NONET and
 * without XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: no network,
 * no external DTD or entity is ever loaded, entities are not substituted
 * into the tree, and its default limits stop the expansion an entity bomb
 * tries while the document is checked.  Our own walks read text nodes only
 * and skip entity references, so nothing declared in a DTD reaches an
 * article.  XML_PARSE_RECOVER keeps the entries before a late error
 * (feeds in the wild are often slightly broken).
 *
 * The three formats differ only in names, so each is a small table of which
 * child element gives which field.  Elements are matched by local name
 * ("dc:creator" is "creator"), which is all the formats need to tell their
 * fields apart.  Bodies in HTML (RSS description, content:encoded, Atom
 * type="html") are parsed as HTML and rendered the way html.c renders a
 * page, so a feed entry and the saved page of the same story read alike.
 */
#include "config.h"

#include "folio/feed.h"

#include <assert.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "markup.h"

enum format { RSS, ATOM, RDF };

struct entries {
	struct folio_feed_entry *e;
	size_t n, cap;
	bool oom;
};

static const xmlNode *child(const xmlNode *node, const char *name)
{
	for (const xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (markup_is(c, name))
			return c;
	return NULL;
}

/* The text nodes under node, joined as they are (entity references skipped). */
static void gather(const xmlNode *node, char **s, size_t *len, bool *oom)
{
	for (const xmlNode *c = node->children; c && !*oom; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			size_t n = strlen((const char *)c->content);
			char *grown = realloc(*s, *len + n + 1);
			if (!grown) {
				*oom = true;
				return;
			}
			*s = grown;
			memcpy(*s + *len, c->content, n + 1);
			*len += n;
		} else if (c->type == XML_ELEMENT_NODE) {
			gather(c, s, len, oom);
		}
	}
}

static char *raw_text(const xmlNode *node, bool *oom)
{
	char *s = NULL;
	size_t len = 0;
	if (node)
		gather(node, &s, &len, oom);
	if (*oom) {
		free(s);
		return NULL;
	}
	return s;
}

/* Atom's type="html" / "xhtml" / "text" (RSS bodies are HTML by custom). */
static bool type_is(const xmlNode *node, const char *type)
{
	char *t = markup_attr(node, "type");
	bool is = t && (strcasecmp(t, type) == 0 || (strcmp(type, "html") == 0 && strcasecmp(t, "text/html") == 0));
	xmlFree(t);
	return is;
}

static char *body_of(const xmlNode *node, bool html, bool *oom)
{
	if (!node)
		return NULL;
	if (type_is(node, "xhtml")) {
		size_t n;
		char *body = markup_render(node, &n);
		if (!body)
			*oom = true;
		else if (n == 0) {
			free(body);
			body = NULL;
		}
		return body;
	}
	char *raw = raw_text(node, oom);
	if (!raw)
		return NULL;
	bool nomem = false;
	char *body = html || type_is(node, "html") ? markup_fragment_body(raw, strlen(raw), &nomem)
	                                           : markup_clean_body(raw, strlen(raw), &nomem);
	free(raw);
	*oom = *oom || nomem;
	return body;
}

/* A title: plain text, or Atom type="html" flattened to one line. */
static char *line_of(const xmlNode *node, bool *oom)
{
	if (!node)
		return NULL;
	if (type_is(node, "html") || type_is(node, "xhtml")) {
		char *body = body_of(node, false, oom);
		char *line = markup_clean_line(body);
		free(body);
		return line;
	}
	char *raw = raw_text(node, oom);
	char *line = markup_clean_line(raw);
	free(raw);
	return line;
}

/* RSS <author> is "jane@example.org (Jane Roe)": the name, else the text. */
static char *author_of(const char *raw)
{
	if (!raw)
		return NULL;
	const char *open = strchr(raw, '('), *close = open ? strrchr(open, ')') : NULL;
	if (open && close && strchr(raw, '@') && strchr(raw, '@') < open) {
		char *name = strndup(open + 1, (size_t)(close - open - 1));
		char *line = markup_clean_line(name);
		free(name);
		return line;
	}
	return markup_clean_line(raw);
}

/* Atom authors joined "A", "A and B", "A, B and C". */
static char *atom_authors(const xmlNode *entry, bool *oom)
{
	char *names[16];
	size_t n = 0;
	for (const xmlNode *c = entry->children; c && n < 16; c = c->next)
		if (markup_is(c, "author") && (names[n] = line_of(child(c, "name"), oom)))
			n++;
	if (n == 0)
		return NULL;
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		total += strlen(names[i]) + 5;
	char *s = malloc(total);
	if (s) {
		s[0] = '\0';
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				strcat(s, i + 1 == n ? " and " : ", ");
			strcat(s, names[i]);
		}
	} else {
		*oom = true;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return s;
}

/* The link of an entry: RSS/RDF <link>TEXT</link>, Atom rel="alternate" href. */
static char *link_of(const xmlNode *entry, enum format fmt, bool *oom)
{
	if (fmt != ATOM)
		return line_of(child(entry, "link"), oom);
	for (const xmlNode *c = entry->children; c; c = c->next) {
		if (!markup_is(c, "link"))
			continue;
		char *rel = markup_attr(c, "rel");
		bool alternate = !rel || strcasecmp(rel, "alternate") == 0;
		xmlFree(rel);
		char *href = alternate ? markup_attr(c, "href") : NULL;
		if (href) {
			char *line = markup_clean_line(href);
			xmlFree(href);
			return line;
		}
	}
	return NULL;
}

static char *identity_of(const xmlNode *entry, enum format fmt, bool *oom)
{
	char *id = NULL;
	if (fmt == RSS)
		id = line_of(child(entry, "guid"), oom);
	else if (fmt == ATOM)
		id = line_of(child(entry, "id"), oom);
	else {
		char *about = markup_attr(entry, "about");
		id = markup_clean_line(about);
		xmlFree(about);
	}
	return id ? id : link_of(entry, fmt, oom);
}

static char *date_of(const xmlNode *entry, enum format fmt, bool *oom)
{
	char *raw = NULL, *date = NULL;
	if (fmt == RSS && (raw = raw_text(child(entry, "pubDate"), oom)))
		date = markup_rfc822_date(raw);
	const char *const iso[] = { "published", "date", "updated", "issued", "created", NULL };
	for (const char *const *name = iso; !date && *name; name++) {
		free(raw);
		raw = raw_text(child(entry, *name), oom);
		date = markup_iso_date(raw);
	}
	free(raw);
	return date;
}

static void add_entry(struct entries *list, const xmlNode *entry, enum format fmt,
                      const char *source, const char *feed_author)
{
	bool oom = false;
	struct folio_feed_entry e = { { 0 }, NULL };
	e.article.title = line_of(child(entry, "title"), &oom);
	if (fmt == ATOM) {
		e.article.body = body_of(child(entry, "content"), false, &oom);
		if (!e.article.body)
			e.article.body = body_of(child(entry, "summary"), false, &oom);
		e.article.byline = atom_authors(entry, &oom);
	} else {
		e.article.body = body_of(child(entry, "encoded"), true, &oom);
		if (!e.article.body)
			e.article.body = body_of(child(entry, "description"), true, &oom);
		char *raw = raw_text(child(entry, "creator"), &oom);
		if (!raw)
			raw = raw_text(child(entry, "author"), &oom);
		e.article.byline = author_of(raw);
		free(raw);
	}
	if (!e.article.byline && feed_author)
		e.article.byline = strdup(feed_author);
	e.article.date = date_of(entry, fmt, &oom);
	e.id = identity_of(entry, fmt, &oom);
	if (source)
		e.article.source = strdup(source);
	if (oom || (source && !e.article.source) || (!e.article.title && !e.article.body)) {
		list->oom = list->oom || oom || (source && !e.article.source);
		folio_article_free(&e.article);
		free(e.id);
		return;
	}
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		struct folio_feed_entry *grown = realloc(list->e, cap * sizeof *grown);
		if (!grown) {
			list->oom = true;
			folio_article_free(&e.article);
			free(e.id);
			return;
		}
		list->e = grown;
		list->cap = cap;
	}
	list->e[list->n++] = e;
}

enum folio_extract_result folio_feed_parse(const char *bytes, size_t len,
                                           struct folio_feed_entry **entries, size_t *n,
                                           const char **reason)
{
	*entries = NULL;
	*n = 0;
	*reason = NULL;
	if (len > INT_MAX) {
		*reason = "too large for a feed";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct markup_input in;
	markup_silence();
	if (markup_input(bytes, len, true, &in) != 0)
		return FOLIO_EXTRACT_NOMEM;
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	xmlDoc *doc = !ctxt ? NULL
	            : xmlCtxtReadMemory(ctxt, in.s, (int)in.len, NULL, "UTF-8",
	                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                                XML_PARSE_NOCDATA | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC);
	bool well_formed = ctxt && ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	free(in.owned);
	if (!ctxt)
		return FOLIO_EXTRACT_NOMEM;
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		xmlFreeDoc(doc);
		*reason = "not well-formed XML";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	enum format fmt;
	const xmlNode *channel, *items;
	if (markup_is(root, "rss")) {
		fmt = RSS;
		channel = child(root, "channel");
		items = channel;
	} else if (markup_is(root, "feed")) {
		fmt = ATOM;
		channel = items = root;
	} else if (markup_is(root, "RDF")) {
		fmt = RDF;
		channel = child(root, "channel");
		items = root;
	} else {
		xmlFreeDoc(doc);
		*reason = "XML, but not an RSS, Atom or RDF feed";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	bool oom = false;
	char *source = line_of(child(channel, "title"), &oom);
	char *feed_author = fmt == ATOM ? atom_authors(root, &oom) : NULL;
	struct entries list = { 0 };
	list.oom = oom;
	for (const xmlNode *c = items ? items->children : NULL; c && !list.oom; c = c->next)
		if (markup_is(c, fmt == ATOM ? "entry" : "item"))
			add_entry(&list, c, fmt, source, feed_author);
	free(source);
	free(feed_author);
	xmlFreeDoc(doc);
	if (list.oom) {
		folio_feed_free(list.e, list.n);
		return FOLIO_EXTRACT_NOMEM;
	}
	if (list.n == 0) {
		free(list.e);
		*reason = well_formed ? "a feed with no entries"
		                      : "a feed with no entries that could be read (not well-formed XML)";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	assert(list.e);
	*entries = list.e;
	*n = list.n;
	return FOLIO_EXTRACT_OK;
}

void folio_feed_free(struct folio_feed_entry *entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		folio_article_free(&entries[i].article);
		free(entries[i].id);
	}
	free(entries);
}
