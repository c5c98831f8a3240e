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
#include "folio/folio.h"

#include "folio/feed.h"

#include <assert.h>
#include <limits.h>
#include <strings.h>

#include "folio/libs.h"
#include "folio/text.h"
#include "markup.h"

enum format { RSS, ATOM, RDF };

static const xmlNode *child(const xmlNode *node, const char *name)
{
	for (const xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (markup_is(c, name))
			return c;
	return NULL;
}

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define MEDIA_NS "http://search.yahoo.com/mrss/"

static bool in_ns(const xmlNode *node, const char *href)
{
	return node->ns && node->ns->href && strcmp((const char *)node->ns->href, href) == 0;
}

/* The feed format's own element: in the namespace of the entry itself (so
 * media:title never stands in for <title>). */
static const xmlNode *own_child(const xmlNode *node, const char *name)
{
	for (const xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (markup_is(c, name) &&
		    (c->ns == node->ns ||
		     (c->ns && node->ns && folio_xml.xmlStrEqual(c->ns->href, node->ns->href))))
			return c;
	return NULL;
}

/* An element of namespace href, directly under node or in its media:group. */
static const xmlNode *ns_child(const xmlNode *node, const char *name, const char *href)
{
	for (const xmlNode *c = node ? node->children : NULL; c; c = c->next) {
		if (markup_is(c, name) && in_ns(c, href))
			return c;
		if (markup_is(c, "group") && in_ns(c, MEDIA_NS)) {
			const xmlNode *inner = ns_child(c, name, href);
			if (inner)
				return inner;
		}
	}
	return NULL;
}

/* The text nodes under node, joined as they are (entity references skipped). */
static void gather(const xmlNode *node, struct folio_buf *b)
{
	for (const xmlNode *c = node->children; c && !b->oom; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			folio_buf_str(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			gather(c, b);
	}
}

/* NULL when node holds no text node at all. */
static char *raw_text(const xmlNode *node, bool *oom)
{
	struct folio_buf b = { 0 };
	if (node && !*oom)
		gather(node, &b);
	if (b.oom) {
		*oom = true;
		folio_buf_free(&b);
	}
	return b.s;
}

/* How a content element is written: Atom's type (and Atom 0.3's mode),
 * or HTML by RSS custom. */
enum encoding { TEXT, HTML, XHTML };

static enum encoding encoding_of(const xmlNode *node, bool html, bool *base64)
{
	char *type = markup_attr(node, "type"), *mode = markup_attr(node, "mode");
	enum encoding e = html ? HTML : TEXT;
	*base64 = mode && strcasecmp(mode, "base64") == 0;
	if (in_ns(node, XHTML_NS) || (type && strstr(type, "xhtml")))
		e = XHTML;
	else if (type && (strcasecmp(type, "html") == 0 || strstr(type, "/html")))
		e = HTML;
	else if (mode && strcasecmp(mode, "escaped") == 0)
		e = HTML;
	else if (type && strchr(type, '/') && strncasecmp(type, "text/", 5) != 0 && !strstr(type, "xml"))
		*base64 = true; /* Atom: any other media type is base64 */
	if (e == XHTML && mode && strcasecmp(mode, "escaped") == 0)
		e = HTML;
	(*folio_xml.xmlFree)(type);
	(*folio_xml.xmlFree)(mode);
	return e;
}

static int base64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
}

/* Base64 decoded in place (white space skipped); stops at '=' or a stray byte. */
static void base64_decode(char *s)
{
	size_t w = 0;
	unsigned bits = 0, nbits = 0;
	for (const unsigned char *r = (const unsigned char *)s; *r && *r != '='; r++) {
		int v = base64_value(*r);
		if (v < 0) {
			if (*r == ' ' || *r == '\n' || *r == '\r' || *r == '\t')
				continue;
			break;
		}
		bits = (bits << 6) | (unsigned)v;
		nbits += 6;
		if (nbits >= 8) {
			nbits -= 8;
			s[w++] = (char)((bits >> nbits) & 0xFF);
		}
	}
	s[w] = '\0';
}

static char *body_of(const xmlNode *node, bool html, bool *oom)
{
	if (!node)
		return NULL;
	bool base64;
	enum encoding e = encoding_of(node, html, &base64);
	if (e == XHTML && !base64) {
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
	if (base64)
		base64_decode(raw);
	bool nomem = false;
	char *body = e != TEXT ? markup_fragment_body(raw, strlen(raw), &nomem)
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
	bool base64;
	enum encoding e = encoding_of(node, false, &base64);
	if (e == XHTML && !base64) /* the title element's children, not its own tag */
		return markup_line(node);
	if (e != TEXT || base64) {
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
	struct folio_buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		folio_buf_list(&b, i, n, names[i]);
		free(names[i]);
	}
	char *s = folio_buf_finish(&b, NULL);
	*oom |= s == NULL;
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
		(*folio_xml.xmlFree)(rel);
		char *href = alternate ? markup_attr(c, "href") : NULL;
		if (href) {
			char *line = markup_clean_line(href);
			(*folio_xml.xmlFree)(href);
			return line;
		}
	}
	return NULL;
}

/* Where the entry lives: its link, else an RSS guid that is a permalink (the
 * default, unless isPermaLink="false"), when either is a web address. */
static char *url_of(const xmlNode *entry, enum format fmt, bool *oom)
{
	char *link = link_of(entry, fmt, oom);
	char *url = link ? folio_text_url(link, strlen(link)) : NULL;
	free(link);
	const xmlNode *guid = fmt == RSS && !url ? child(entry, "guid") : NULL;
	if (guid) {
		char *perma = markup_attr(guid, "isPermaLink");
		bool is_perma = !perma || strcasecmp(perma, "false") != 0;
		(*folio_xml.xmlFree)(perma);
		char *id = is_perma ? line_of(guid, oom) : NULL;
		url = id ? folio_text_url(id, strlen(id)) : NULL;
		free(id);
	}
	return url;
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
		(*folio_xml.xmlFree)(about);
	}
	return id ? id : link_of(entry, fmt, oom);
}

/* The entry's date: RSS pubDate, Atom published (issued, created in Atom
 * 0.3), dc:date, then the dates of a later edit (updated, Atom 0.3 and
 * dcterms modified). */
static char *date_of(const xmlNode *entry, bool *oom)
{
	static const char *const names[] = { "pubDate", "published", "issued", "created", "date",
	                                     "updated", "modified", NULL };
	char *date = NULL;
	for (const char *const *name = names; !date && *name; name++) {
		char *raw = raw_text(child(entry, *name), oom);
		date = markup_date(raw);
		free(raw);
	}
	return date;
}

/* The entry's text: the fullest form the feed gives first (Atom content,
 * content:encoded, xhtml:body, fullitem), then the summary (Atom summary,
 * RSS description), then media:description. */
static char *entry_body(const xmlNode *entry, enum format fmt, bool *oom)
{
	bool rss = fmt != ATOM;
	const struct {
		const xmlNode *node;
		bool html;
	} forms[] = {
		{ own_child(entry, "content"), rss },
		{ child(entry, "encoded"), true },
		{ ns_child(entry, "body", XHTML_NS), true },
		{ child(entry, "fullitem"), true },
		{ own_child(entry, "summary"), rss },
		{ own_child(entry, "description"), true },
		{ ns_child(entry, "description", MEDIA_NS), false },
	};
	char *body = NULL;
	for (size_t i = 0; i < sizeof forms / sizeof *forms && !body && !*oom; i++)
		body = body_of(forms[i].node, forms[i].html, oom);
	return body;
}

/* The entry's own <title>, else the title Media RSS gives it. */
static char *title_of(const xmlNode *entry, bool *oom)
{
	char *title = line_of(own_child(entry, "title"), oom);
	for (const xmlNode *c = entry->children; !title && c; c = c->next)
		if (markup_is(c, "title") && !in_ns(c, MEDIA_NS)) /* dc:title */
			title = line_of(c, oom);
	if (!title)
		title = line_of(ns_child(entry, "title", MEDIA_NS), oom);
	return title;
}

/* One entry's article, or false when it has neither a title nor any text
 * (*oom: memory ran out). */
static bool read_entry(struct folio_feed_entry *e, const xmlNode *entry, enum format fmt,
                       const char *source, const char *feed_author, bool *oom)
{
	*e = (struct folio_feed_entry){ { 0 }, NULL };
	e->article.title = title_of(entry, oom);
	e->article.body = entry_body(entry, fmt, oom);
	if (fmt == ATOM) {
		e->article.byline = atom_authors(entry, oom);
	} else {
		char *raw = raw_text(child(entry, "creator"), oom);
		if (!raw)
			raw = raw_text(own_child(entry, "author"), oom);
		e->article.byline = author_of(raw);
		free(raw);
	}
	if (!e->article.byline && feed_author && !(e->article.byline = strdup(feed_author)))
		*oom = true;
	e->article.date = date_of(entry, oom);
	e->id = identity_of(entry, fmt, oom);
	e->article.url = url_of(entry, fmt, oom);
	if (source && !(e->article.source = strdup(source)))
		*oom = true;
	/* a field (or the feed's title) that went missing for memory is not "none" */
	*oom = *oom || markup_out_of_memory();
	if (*oom || (!e->article.title && !e->article.body)) {
		folio_article_free(&e->article);
		free(e->id);
		return false;
	}
	return true;
}

/* The feed's outlet: its title cleaned like a page's site name ("CNN.com -
 * World" is CNN), else the outlet its link's host is, else the title. */
static char *feed_source(const xmlNode *channel, enum format fmt, bool *oom)
{
	char *title = line_of(own_child(channel, "title"), oom);
	char *source = markup_outlet(title);
	if (!source) {
		char *link = link_of(channel, fmt, oom);
		source = markup_outlet_of_url(link);
		free(link);
	}
	if (!source) {
		source = title;
		title = NULL;
	}
	free(title);
	return source;
}

/*
 * The walk, shared by a feed in memory and a feed streamed from a file:
 * libxml2's reader goes through the document one node at a time, and only
 * an entry is expanded into a tree (xmlTextReaderExpand), read by the same
 * code as ever, and freed as the reader moves past it, so memory holds one
 * entry whatever the file's size.  What the feed says of itself (its
 * title, link and authors) is copied, element by element, into a small
 * tree of its own as the reader passes it: the first entry reads it, so a
 * title that comes after the entries (which no format asks for) is not
 * the source.
 */
struct walk {
	xmlTextReader *r;
	enum format fmt;
	xmlDoc *head;       /* the feed's own elements, copied */
	xmlNode *channel;   /* in head */
	size_t head_kept;
	bool have_source;
	char *source, *feed_author;
	folio_feed_entry_fn *each;
	void *ctx;
	size_t n;
	bool oom, stopped, broke;
	int stop_rc;
};

/* At most this many of the feed's own elements are kept (a feed is a few). */
#define HEAD_KEPT 64

static void keep_head(struct walk *w, xmlNode *node, bool with_children)
{
	if (!w->head && !(w->head = folio_xml.xmlNewDoc((const xmlChar *)"1.0"))) {
		w->oom = true;
		return;
	}
	if (w->head_kept >= HEAD_KEPT)
		return;
	xmlNode *copy = folio_xml.xmlDocCopyNode(node, w->head, with_children ? 1 : 2);
	if (!copy) {
		w->oom = true;
		return;
	}
	w->head_kept++;
	if (!w->channel) {
		w->channel = copy;
		folio_xml.xmlDocSetRootElement(w->head, copy);
	} else if (!folio_xml.xmlAddChild(w->channel, copy)) {
		folio_xml.xmlFreeNode(copy);
		w->oom = true;
	}
}

static void take_entry(struct walk *w, const xmlNode *entry)
{
	if (!w->have_source) {
		w->have_source = true;
		if (w->channel) {
			w->source = feed_source(w->channel, w->fmt, &w->oom);
			if (w->fmt == ATOM)
				w->feed_author = atom_authors(w->channel, &w->oom);
		}
	}
	struct folio_feed_entry e;
	if (w->oom || !read_entry(&e, entry, w->fmt, w->source, w->feed_author, &w->oom))
		return;
	w->n++;
	int rc = w->each(w->ctx, &e);
	if (rc != 0) {
		w->stopped = true;
		w->stop_rc = rc;
	}
}

/* The root: which format, or NULL-reason when it is no feed. */
static const char *root_format(const xmlChar *name, enum format *fmt)
{
	if (folio_xml.xmlStrcasecmp(name, (const xmlChar *)"rss") == 0)
		*fmt = RSS;
	else if (folio_xml.xmlStrcasecmp(name, (const xmlChar *)"feed") == 0)
		*fmt = ATOM;
	else if (folio_xml.xmlStrcasecmp(name, (const xmlChar *)"RDF") == 0)
		*fmt = RDF;
	else
		return "XML, but not an RSS, Atom or RDF feed";
	return NULL;
}

static bool named(xmlTextReader *r, const char *name)
{
	const xmlChar *local = folio_xml.xmlTextReaderConstLocalName(r);
	return local && folio_xml.xmlStrcasecmp(local, (const xmlChar *)name) == 0;
}

/*
 * Walk the document of reader r (freed here), passing each entry to each.
 * FOLIO_EXTRACT_OK when at least one entry was passed: then *reason is NULL,
 * or says where the feed broke off (the entries before the break were
 * passed).  Otherwise *reason says why there is none.
 */
static enum folio_extract_result walk(xmlTextReader *r, folio_feed_entry_fn *each, void *ctx,
                                      size_t *n, const char **reason, int *stop_rc)
{
	struct walk w = { .r = r, .each = each, .ctx = ctx };
	const char *not_feed = NULL;
	bool seen_root = false;
	int ret = r ? folio_xml.xmlTextReaderRead(r) : -1;
	while (ret == 1 && !w.oom && !w.stopped && !not_feed) {
		if (folio_xml.xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
			ret = folio_xml.xmlTextReaderRead(r);
			continue;
		}
		int depth = folio_xml.xmlTextReaderDepth(r);
		if (depth == 0) {
			if (seen_root)
				break;
			seen_root = true;
			const xmlChar *root = folio_xml.xmlTextReaderConstLocalName(r);
			if (!(not_feed = root_format(root, &w.fmt)) && w.fmt == ATOM)
				keep_head(&w, folio_xml.xmlTextReaderCurrentNode(r), false);
			ret = folio_xml.xmlTextReaderRead(r);
			continue;
		}
		/* Where entries are: RSS channel > item, Atom feed > entry, RDF > item;
		 * the feed's own elements beside them (RDF: in its channel). */
		bool in_channel = w.fmt == RSS ? depth == 2 : w.fmt == ATOM ? depth == 1 : false;
		bool is_entry = w.fmt == RSS ? depth == 2 && named(r, "item")
		              : w.fmt == ATOM ? depth == 1 && named(r, "entry")
		              : depth == 1 && named(r, "item");
		if (depth == 1 && w.fmt != ATOM && named(r, "channel") && !w.channel) {
			/* RSS: the channel holds the entries; RDF: the feed's own elements */
			keep_head(&w, folio_xml.xmlTextReaderCurrentNode(r), false);
			ret = folio_xml.xmlTextReaderRead(r);
			continue;
		}
		if (w.fmt == RDF && depth == 2 && w.channel && !w.have_source)
			in_channel = true; /* inside RDF's channel, before the first item */
		if (is_entry) {
			xmlNode *entry = folio_xml.xmlTextReaderExpand(r);
			if (!entry) {
				w.broke = true; /* broken inside the entry */
				break;
			}
			take_entry(&w, entry);
		} else if (in_channel && !w.have_source && w.channel) {
			xmlNode *node = folio_xml.xmlTextReaderExpand(r);
			if (!node) {
				w.broke = true;
				break;
			}
			keep_head(&w, node, true);
		} else if (depth == 1 && w.fmt == RSS && named(r, "channel")) {
			ret = folio_xml.xmlTextReaderRead(r); /* a second channel: its items too */
			continue;
		}
		ret = folio_xml.xmlTextReaderNext(r);
	}
	bool broke = w.broke || ret == -1;
	int line = r ? folio_xml.xmlTextReaderGetParserLineNumber(r) : 0;
	folio_xml.xmlFreeTextReader(r);
	folio_xml.xmlFreeDoc(w.head);
	free(w.source);
	free(w.feed_author);
	*n = w.n;
	*stop_rc = w.stop_rc;
	*reason = NULL;
	if (w.oom)
		return FOLIO_EXTRACT_NOMEM;
	if (w.stopped)
		return FOLIO_EXTRACT_OK;
	if (!seen_root) {
		*reason = "not well-formed XML";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	if (not_feed) {
		*reason = not_feed;
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	static __thread char where[160];
	if (w.n == 0) {
		*reason = !broke ? "a feed with no entries"
		                 : "a feed with no entries that could be read (not well-formed XML)";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	if (broke) {
		snprintf(where, sizeof where,
		         "the feed breaks off at line %d (not well-formed XML); the %zu entries before it were read",
		         line, w.n);
		*reason = where;
	}
	return FOLIO_EXTRACT_OK;
}

/* What libxml2 is told: no network, no messages, CDATA as text, and the
 * bytes are UTF-8 already (markup converted them). */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                        XML_PARSE_NOCDATA | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC)

FOLIO_DEFINE_GROW(grow_entries, struct folio_feed_entry)

int folio_feed_collect(void *ctx, struct folio_feed_entry *e)
{
	struct folio_feed_list *list = ctx;
	if (!grow_entries(&list->v, &list->cap, list->n + 1)) {
		folio_article_free(&e->article);
		free(e->id);
		list->oom = true;
		return -1;
	}
	list->v[list->n++] = *e;
	return 0;
}

enum folio_extract_result folio_feed_parse(const char *bytes, size_t len,
                                           struct folio_feed_entry **entries, size_t *n,
                                           const char **reason)
{
	*entries = NULL;
	*n = 0;
	*reason = NULL;
	if (len > INT_MAX) {
		*reason = "too large for a feed in memory";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct markup_input in;
	if (markup_ready(reason) != 0)
		return FOLIO_EXTRACT_NO_ARTICLE;
	if (markup_input(bytes, len, true, &in, reason) != 0)
		return *reason ? FOLIO_EXTRACT_NO_ARTICLE : FOLIO_EXTRACT_NOMEM;
	xmlTextReader *r = folio_xml.xmlReaderForMemory(in.s, (int)in.len, NULL, "UTF-8",
	                                                READER_OPTIONS);
	struct folio_feed_list got = { 0 };
	size_t count;
	int stop_rc;
	enum folio_extract_result ex = r ? walk(r, folio_feed_collect, &got, &count, reason, &stop_rc)
	                                 : FOLIO_EXTRACT_NOMEM;
	free(in.owned);
	if (got.oom)
		ex = FOLIO_EXTRACT_NOMEM;
	if (ex != FOLIO_EXTRACT_OK) {
		folio_feed_free(got.v, got.n);
		if (ex == FOLIO_EXTRACT_NOMEM)
			*reason = NULL;
		return ex;
	}
	assert(got.v && got.n > 0);
	*entries = got.v;
	*n = got.n;
	return FOLIO_EXTRACT_OK;
}

static int read_stream(void *ctx, char *buf, int len)
{
	return markup_stream_read(ctx, buf, len);
}

enum folio_extract_result folio_feed_stream(const char *head, size_t head_len,
                                            folio_feed_read_fn *more, void *more_ctx,
                                            folio_feed_entry_fn *each, void *ctx, size_t *n,
                                            const char **reason, int *stop_rc)
{
	*n = 0;
	*stop_rc = 0;
	*reason = NULL;
	if (markup_ready(reason) != 0)
		return FOLIO_EXTRACT_NO_ARTICLE;
	struct markup_stream *in = markup_stream_open(head, head_len, more, more_ctx);
	if (!in)
		return FOLIO_EXTRACT_NOMEM;
	xmlTextReader *r = folio_xml.xmlReaderForIO(read_stream, NULL, in, NULL, "UTF-8",
	                                            READER_OPTIONS);
	enum folio_extract_result ex = r ? walk(r, each, ctx, n, reason, stop_rc)
	                                 : FOLIO_EXTRACT_NOMEM;
	if (markup_stream_failed(in) && ex != FOLIO_EXTRACT_NOMEM) {
		*reason = markup_stream_failed(in);
		ex = *n > 0 ? FOLIO_EXTRACT_OK : FOLIO_EXTRACT_NO_ARTICLE;
	}
	markup_stream_close(in);
	return ex;
}

void folio_feed_free(struct folio_feed_entry *entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		folio_article_free(&entries[i].article);
		free(entries[i].id);
	}
	free(entries);
}
