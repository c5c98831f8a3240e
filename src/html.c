/*
 * html.c: a saved web page (raw bytes) in, an article out.
 *
 * The bytes are turned into UTF-8 (markup_input()) and libxml2's HTML
 * parser builds the tree: it recovers from broken markup and never touches
 * the network.  Then two steps:
 *
 * 1. Metadata, read before anything is removed, best source first: JSON-LD
 *    (NewsArticle and kin), og: and article: meta tags, other meta names,
 *    <h1>, <title> (with its " | Outlet" tail taken as the source when the
 *    page names none), itemprop/rel=author/class=byline for the byline,
 *    <time datetime> for the date.
 * 2. The main text (html_body.c).
 *
 * Datelines ("HARWICK —") are read from the first paragraph the way
 * extract reads them from plain pages.
 */
#include "folio/folio.h"

#include "folio/html.h"

#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <strings.h>

#include "folio/libs.h"
#include "folio/text.h"
#include "extract_internal.h"
#include "html_body.h"
#include "jsonld.h"
#include "markup.h"

/* Whether a word of an attribute (split at anything but letters and
 * digits, and with camel at a capital after a small letter) is word. */
static bool attr_has_word(const xmlNode *node, const char *attr, const char *word, bool camel)
{
	char *v = markup_attr(node, attr);
	bool hit = false;
	size_t k = strlen(word);
	for (const char *p = v; p && *p && !hit;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *w = p;
		while (isalnum((unsigned char)*p) &&
		       !(camel && p > w && islower((unsigned char)p[-1]) && isupper((unsigned char)*p)))
			p++;
		hit = (size_t)(p - w) == k && strncasecmp(w, word, k) == 0;
	}
	(*folio_xml.xmlFree)(v);
	return hit;
}

/* rel and itemprop values are words as written ("datePublished") */
static bool has_word(const xmlNode *node, const char *attr, const char *word)
{
	return attr_has_word(node, attr, word, false);
}

/* class names are also written in camel case ("FeatureByline") */
static bool has_class_word(const xmlNode *node, const char *word)
{
	return attr_has_word(node, "class", word, true);
}

/* ---- step 1: metadata ---- */

/* Where a field may be stated, most trusted first within each field. */
enum slot {
	T_LD, T_DC, T_OG, T_TWITTER, T_PARSELY, T_TAG, T_H1_ARTICLE, T_H1,
	B_LD, B_DC, B_META, B_PARSELY, B_ARTICLE, B_ITEMPROP, B_REL, B_CLASS,
	D_LD, D_PUBLISHED, D_ITEMPROP, D_META, D_TIME_PUB, D_TIME_ARTICLE, D_TIME_ANY,
	S_OG, S_LD, S_APP, S_TWITTER,
	U_CANONICAL, U_OG,
	N_SLOTS
};

/* <meta> names and properties (case does not matter). */
static const struct {
	const char *key;
	enum slot slot;
} meta_keys[] = {
	{ "og:title", T_OG }, { "twitter:title", T_TWITTER }, { "dc.title", T_DC },
	{ "dc:title", T_DC }, { "dcterm:title", T_DC }, { "dcterms.title", T_DC },
	{ "parsely-title", T_PARSELY }, { "sailthru.title", T_PARSELY },
	{ "dc.creator", B_DC }, { "dc:creator", B_DC }, { "dcterm:creator", B_DC },
	{ "dcterms.creator", B_DC }, { "author", B_META }, { "byl", B_META },
	{ "parsely-author", B_PARSELY }, { "sailthru.author", B_PARSELY },
	{ "article:author", B_ARTICLE }, { "article:published_time", D_PUBLISHED },
	{ "og:published_time", D_PUBLISHED }, { "datePublished", D_ITEMPROP },
	{ "date", D_META }, { "pubdate", D_META }, { "publishdate", D_META },
	{ "publish-date", D_META }, { "publish_date", D_META }, { "dc.date", D_META },
	{ "dc.date.issued", D_META }, { "dcterms.created", D_META }, { "dcterms.date", D_META },
	{ "dcterms.issued", D_META }, { "sailthru.date", D_META }, { "parsely-pub-date", D_META },
	{ "article.published", D_META }, { "og:site_name", S_OG }, { "application-name", S_APP },
	{ "twitter:site", S_TWITTER }, { "og:url", U_OG },
};

struct meta {
	char *v[N_SLOTS]; /* the first value seen for each, as written (malloc'd) */
	xmlNode *byline_node; /* the page element the byline was read from */
	char byline_date[11];
	struct jsonld_article ld;
	bool oom;
};

/* Keep the first value seen for a slot (value is malloc'd, may be NULL). */
static void keep(struct meta *m, enum slot slot, char *value)
{
	if (m->v[slot])
		free(value);
	else
		m->v[slot] = value;
}

static void keep_attr(struct meta *m, enum slot slot, const xmlNode *node, const char *attr)
{
	if (m->v[slot])
		return;
	char *raw = markup_attr(node, attr);
	if (raw) {
		keep(m, slot, strdup(raw));
		m->oom |= !m->v[slot];
	}
	(*folio_xml.xmlFree)(raw);
}

/* A byline found in the page, kept only when it names someone (the first
 * "author" element may be a wire's or a related story's). */
static void keep_byline(struct meta *m, enum slot slot, xmlNode *node, char *text, bool trusted)
{
	char date[11] = "";
	char *names = markup_byline(text, trusted, date);
	if (names) {
		keep(m, slot, text);
		if (!m->byline_node)
			m->byline_node = node;
		text = NULL;
		if (date[0] && !m->byline_date[0])
			memcpy(m->byline_date, date, sizeof date);
	}
	free(text);
	free(names);
}

/* <meta property="og:title dc:title" content="...">: each key of the list. */
static void read_meta_tag(struct meta *m, const xmlNode *node)
{
	static const char *const attrs[] = { "property", "name", "itemprop" };
	for (int a = 0; a < 3; a++) {
		char *keys = markup_attr(node, attrs[a]);
		for (const char *k = keys; k && *k;) {
			k += strspn(k, " \t\n\r");
			size_t n = strcspn(k, " \t\n\r");
			for (size_t i = 0; n && i < sizeof meta_keys / sizeof *meta_keys; i++)
				if (strlen(meta_keys[i].key) == n && strncasecmp(k, meta_keys[i].key, n) == 0)
					keep_attr(m, meta_keys[i].slot, node, "content");
			k += n;
		}
		(*folio_xml.xmlFree)(keys);
	}
}

static void read_json_ld(struct meta *m, const xmlNode *script)
{
	char *type = markup_attr(script, "type");
	bool ld = type && strcasecmp(type, "application/ld+json") == 0;
	(*folio_xml.xmlFree)(type);
	if (!ld)
		return;
	for (const xmlNode *c = script->children; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		/* saved pages wrap it in "<![CDATA[ ... ]]>" or "<!-- ... -->" */
		const char *json = (const char *)c->content, *cdata = strstr(json, "<![CDATA[");
		json = cdata ? cdata + 9 : json;
		json += strcspn(json, "{[");
		if (jsonld_article(json, strlen(json), &m->ld) != 0)
			m->oom = true;
	}
}

/* An element's name for a byline: its itemprop=name part when it has one. */
static char *author_text(const xmlNode *node)
{
	for (const xmlNode *c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (has_word(c, "itemprop", "name")) {
			char *v = markup_is(c, "meta") ? markup_attr(c, "content") : NULL;
			if (v) {
				char *copy = strdup(v);
				(*folio_xml.xmlFree)(v);
				return copy;
			}
			return markup_line(c);
		}
		char *inner = author_text(c);
		if (inner)
			return inner;
	}
	return NULL;
}

/* A comment or a thread of them: a class token "comment" or "comments", or id="comments". */
static bool comment_thread(const xmlNode *node)
{
	char *cls = markup_attr(node, "class"), *id = markup_attr(node, "id");
	bool hit = id && strcasecmp(id, "comments") == 0;
	for (const char *p = cls; p && *p && !hit;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		const char *w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		size_t k = (size_t)(p - w);
		hit = (k == 7 && strncasecmp(w, "comment", 7) == 0) ||
		      (k == 8 && strncasecmp(w, "comments", 8) == 0);
	}
	(*folio_xml.xmlFree)(cls);
	(*folio_xml.xmlFree)(id);
	return hit;
}

/*
 * The page's head and body, for its fields.  Inside a comment thread
 * (class "comment" or "comments") an author, byline or time is a reader's.
 */
static void read_meta(struct meta *m, xmlNode *node, bool in_article, bool in_comments)
{
	for (xmlNode *n = node; n && !m->oom; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		bool article = in_article || markup_is(n, "article");
		bool comments = in_comments || comment_thread(n);
		if (comments) {
			read_meta(m, n->children, article, true);
			continue;
		}
		if (markup_is(n, "title") && !m->v[T_TAG])
			keep(m, T_TAG, markup_line(n));
		else if (markup_is(n, "meta"))
			read_meta_tag(m, n);
		else if (markup_is(n, "script"))
			read_json_ld(m, n);
		else if (markup_is(n, "h1"))
			keep(m, in_article ? T_H1_ARTICLE : T_H1, markup_line(n));
		else if (markup_is(n, "link") && has_word(n, "rel", "canonical"))
			keep_attr(m, U_CANONICAL, n, "href");
		else if (markup_is(n, "time")) {
			char *pub = markup_attr(n, "pubdate");
			bool published = has_word(n, "itemprop", "datePublished") || pub;
			(*folio_xml.xmlFree)(pub);
			enum slot slot = published ? D_TIME_PUB : in_article ? D_TIME_ARTICLE : D_TIME_ANY;
			keep_attr(m, slot, n, "datetime");
			if (!m->v[slot])
				keep(m, slot, markup_line(n));
		}
		if (markup_is(n, "a") && has_word(n, "rel", "author") && !m->v[B_REL])
			keep(m, B_REL, markup_line(n));
		if (!markup_is(n, "meta") && has_word(n, "itemprop", "author") && !m->v[B_ITEMPROP]) {
			char *name = author_text(n);
			keep_byline(m, B_ITEMPROP, n, name ? name : markup_line(n), true);
		}
		if ((has_class_word(n, "byline") || has_class_word(n, "author")) && !m->v[B_CLASS])
			keep_byline(m, B_CLASS, n, markup_line(n), false);
		read_meta(m, n->children, article, false);
	}
}

static void meta_free(struct meta *m)
{
	for (int i = 0; i < N_SLOTS; i++)
		free(m->v[i]);
	jsonld_article_free(&m->ld);
}

/* ---- step 1b: the fields from the metadata ---- */

/* Separators between a headline and its outlet in <title>. */
static const char *const title_seps[] = { " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                          " :: ", " \xC2\xBB ", NULL };

/* The outlet named beside the headline in <title> ("Headline - Reuters"). */
static char *source_from_title(const char *title_tag)
{
	char buf[NAME_CAP];
	size_t off, hlen;
	if (!title_tag)
		return NULL;
	const char *outlet = ex_headline_outlet(title_tag, strlen(title_tag), &off, &hlen, buf, sizeof buf);
	return outlet ? markup_outlet(outlet) : NULL;
}

/* title without an outlet beside it: "Headline | Outlet", "Outlet: Headline". */
static char *strip_outlet(const char *title, const char *source)
{
	size_t n = strlen(title), off = 0, hlen;
	char buf[NAME_CAP];
	if (ex_headline_outlet(title, n, &off, &hlen, buf, sizeof buf))
		return strndup(title + off, hlen);
	if (!source)
		return strdup(title);
	size_t s = strlen(source);
	for (const char *const *sep = title_seps; *sep; sep++) {
		size_t k = strlen(*sep);
		if (n > s + k && strncasecmp(title + n - s, source, s) == 0 &&
		    strncmp(title + n - s - k, *sep, k) == 0)
			return strndup(title, n - s - k);
		if (n > s + k && strncasecmp(title, source, s) == 0 && strncmp(title + s, *sep, k) == 0)
			return strdup(title + s + k);
	}
	if (n > s + 2 && strncasecmp(title, source, s) == 0 && title[s] == ':' && title[s + 1] == ' ')
		return strdup(title + s + 2);
	return strdup(title);
}

/* The <title>'s headline: the h1 when the <title> is the h1 and more. */
static const char *title_tag_headline(const struct meta *m)
{
	const char *tag = m->v[T_TAG];
	for (int h = T_H1_ARTICLE; tag && h <= T_H1; h++) {
		const char *h1 = m->v[h];
		size_t n = h1 ? strlen(h1) : 0;
		if (n == 0 || strncmp(tag, h1, n) != 0 || !tag[n])
			continue;
		for (const char *const *sep = title_seps; *sep; sep++)
			if (strncmp(tag + n, *sep, strlen(*sep)) == 0)
				return h1;
	}
	return tag;
}

/* "valleycourier" and "Valley Courier": the same letters, one of them written
 * as a name. */
static bool same_letters(const char *squashed, const char *name)
{
	const char *a = squashed;
	for (const char *b = name; *b; b++) {
		if (*b == ' ' || *b == '-' || *b == '.')
			continue;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
	}
	return *a == '\0';
}

static bool bare_word(const char *raw)
{
	if (!raw || !*raw)
		return false;
	for (const char *p = raw; *p; p++)
		if (!islower((unsigned char)*p))
			return false;
	return true;
}

static void pick_source(const struct meta *m, struct folio_article *out)
{
	char *found[] = {
		markup_outlet(m->v[S_OG]), markup_outlet(m->ld.publisher), markup_outlet(m->v[S_APP]),
		source_from_title(m->v[T_TAG]), markup_outlet(m->v[S_TWITTER]),
		markup_outlet_of_url(m->v[U_CANONICAL]), markup_outlet_of_url(m->v[U_OG]),
	};
	size_t n = sizeof found / sizeof *found, pick = n;
	for (size_t i = 0; i < n && pick == n; i++)
		if (found[i])
			pick = i;
	/* a bare domain word ("usatoday") gives way to the same name written out */
	if (pick == 0 && bare_word(m->v[S_OG]))
		for (size_t i = 1; i < n; i++)
			if (found[i] && same_letters(m->v[S_OG], found[i])) {
				pick = i;
				break;
			}
	for (size_t i = 0; i < n; i++) {
		if (i == pick)
			out->source = found[i];
		else
			free(found[i]);
	}
}

/* JSON-LD's headline, or its name when the <title> holds the name and not
 * the headline (Wikipedia's "headline" is a one-line summary). */
static const char *ld_title(const struct meta *m)
{
	const char *h = m->ld.headline, *n = m->ld.name, *tag = m->v[T_TAG];
	/* a name that is the publisher's ("name": "Aktuálně.cz") is the site's */
	bool site = n && m->ld.publisher && strcasecmp(n, m->ld.publisher) == 0;
	if (h && n && tag && !site && !strstr(tag, h) && strstr(tag, n))
		return n;
	return h ? h : n;
}

/* The <title> without a short tail after its last separator ("Friday
 * Facts #282 | Factorio"), when no outlet could be matched against it. */
static char *title_without_tail(const char *tag)
{
	const char *cut = NULL;
	for (const char *const *sep = title_seps; *sep; sep++) {
		const char *hit = NULL;
		for (const char *p = strstr(tag, *sep); p; p = strstr(p + 1, *sep))
			hit = p;
		if (hit && (!cut || hit > cut))
			cut = hit;
	}
	if (!cut)
		return strdup(tag);
	const char *tail = cut + strcspn(cut + 1, " ") + 1;
	int head_words = 1, tail_words = 1;
	for (const char *p = tag; p < cut; p++)
		head_words += *p == ' ';
	for (const char *p = tail + 1; *p; p++)
		tail_words += *p == ' ';
	if (head_words >= 3 && tail_words <= 4)
		return strndup(tag, (size_t)(cut - tag));
	return strdup(tag);
}

static int pick_title(const struct meta *m, struct folio_article *out)
{
	const char *titles[] = { ld_title(m), m->v[T_DC], m->v[T_OG], m->v[T_TWITTER],
	                         m->v[T_PARSELY], title_tag_headline(m), m->v[T_H1_ARTICLE],
	                         m->v[T_H1] };
	for (size_t i = 0; i < sizeof titles / sizeof *titles && !out->title; i++) {
		char *line = markup_clean_line(titles[i]);
		/* the site's name where the headline belongs is no headline */
		if (!line || (out->source && strcasecmp(line, out->source) == 0)) {
			free(line);
			continue;
		}
		char *stripped = strip_outlet(line, out->source);
		if (stripped && strcmp(stripped, line) == 0 && titles[i] == m->v[T_TAG]) {
			free(stripped);
			stripped = title_without_tail(line);
		}
		free(line);
		if (!stripped)
			return -1;
		out->title = markup_clean_line(stripped);
		free(stripped);
	}
	return 0;
}

static void pick_byline(struct meta *m, struct folio_article *out)
{
	/* the metadata's own fields name people; page elements must read as a byline */
	const struct {
		const char *raw;
		bool trusted;
	} bylines[] = {
		{ m->ld.author, true }, { m->v[B_DC], true }, { m->v[B_META], true },
		{ m->v[B_PARSELY], true }, { m->v[B_ARTICLE], true }, { m->v[B_ITEMPROP], true },
		{ m->v[B_REL], true }, { m->v[B_CLASS], false },
	};
	for (size_t i = 0; i < sizeof bylines / sizeof *bylines && !out->byline; i++)
		out->byline = markup_byline(bylines[i].raw, bylines[i].trusted, m->byline_date);
}

static void pick_date(const struct meta *m, struct folio_article *out)
{
	const char *dates[] = { m->ld.date, m->v[D_PUBLISHED], m->v[D_ITEMPROP], m->v[D_META],
	                        m->ld.created, m->v[D_TIME_PUB], m->v[D_TIME_ARTICLE] };
	for (size_t i = 0; i < sizeof dates / sizeof *dates && !out->date; i++)
		out->date = markup_date(dates[i]);
	char d[11];
	if (!out->date && (markup_url_date(m->v[U_CANONICAL], d) || markup_url_date(m->v[U_OG], d)))
		out->date = strdup(d);
	if (!out->date && m->byline_date[0])
		out->date = strdup(m->byline_date);
	if (!out->date)
		out->date = markup_date(m->v[D_TIME_ANY]);
}

/* The fields from the metadata; -1 when out of memory. */
static int fill_fields(struct meta *m, struct folio_article *out)
{
	pick_source(m, out);
	if (pick_title(m, out) != 0)
		return -1;
	pick_byline(m, out);
	pick_date(m, out);
	/* the page's own address: <link rel=canonical>, else og:url */
	for (int s = U_CANONICAL; s <= U_OG && !out->url; s++)
		if (m->v[s])
			out->url = folio_text_url(m->v[s], strlen(m->v[s]));
	return 0;
}

/* ---- the body JSON-LD states ---- */

#define WORD_SLOTS 4096 /* a hash set of words, enough for a long article */

static uint32_t word_hash(const unsigned char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint32_t)tolower(w[i])) * 16777619u;
	return h;
}

/* Calls fn on each word of s (letters and digits; any byte >= 0x80 is a letter). */
static void each_word(const char *s, void (*fn)(void *, const unsigned char *, size_t), void *ctx)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		while (*p && !isalnum(*p) && *p < 0x80)
			p++;
		const unsigned char *w = p;
		while (*p && (isalnum(*p) || *p >= 0x80))
			p++;
		if (p > w)
			fn(ctx, w, (size_t)(p - w));
	}
}

struct words {
	uint32_t set[WORD_SLOTS]; /* hashes + 1; 0 is empty */
	size_t n, hits;
};

static void add_word(void *ctx, const unsigned char *w, size_t n)
{
	struct words *ws = ctx;
	uint32_t h = word_hash(w, n) | 1;
	for (size_t i = h % WORD_SLOTS, k = 0; k < WORD_SLOTS; i = (i + 1) % WORD_SLOTS, k++) {
		if (ws->set[i] == h)
			return;
		if (!ws->set[i]) {
			if (ws->n * 2 < WORD_SLOTS) {
				ws->set[i] = h;
				ws->n++;
			}
			return;
		}
	}
}

static void count_word(void *ctx, const unsigned char *w, size_t n)
{
	struct words *ws = ctx;
	uint32_t h = word_hash(w, n) | 1;
	ws->n++;
	for (size_t i = h % WORD_SLOTS, k = 0; k < WORD_SLOTS && ws->set[i]; i = (i + 1) % WORD_SLOTS, k++)
		if (ws->set[i] == h) {
			ws->hits++;
			return;
		}
}

/* The share of a's words (by occurrence) that b has too. */
static double word_share(const char *a, const char *b)
{
	struct words *ws = calloc(1, sizeof *ws);
	if (!ws)
		return 1.0; /* out of memory: keep what we have */
	each_word(b, add_word, ws);
	ws->n = 0;
	each_word(a, count_word, ws);
	double share = ws->n ? (double)ws->hits / (double)ws->n : 1.0;
	free(ws);
	return share;
}

/*
 * JSON-LD's articleBody instead of the body found, when that is plausible:
 * the page's text is missing or short (the article is rendered by script,
 * or cut by a paywall), or what was found shares few words with the
 * article the page states.  articleBody loses paragraphs and is sometimes
 * a teaser, so a found body that agrees with it is kept.
 */
static char *prefer_ld_body(char *body, const char *ld, bool *nomem)
{
	if (!ld)
		return body;
	bool html = strchr(ld, '<') && strchr(ld, '>');
	char *text = html ? markup_fragment_body(ld, strlen(ld), nomem)
	                  : markup_clean_body(ld, strlen(ld), nomem);
	if (!text)
		return body;
	size_t tl = strlen(text), bl = body ? strlen(body) : 0;
	bool take = false;
	if (tl >= 250 && bl < 250)
		take = bl * 2 < tl;
	else if (tl >= 500 && bl > 0) {
		double found_in_ld = word_share(body, text), ld_in_found = word_share(text, body);
		/* the body is something else, or a part of an article twice as long */
		take = (found_in_ld < 0.5 && ld_in_found < 0.5) ||
		       (found_in_ld > 0.8 && ld_in_found < 0.6 && tl > bl * 2);
	}
	if (!take) {
		free(text);
		return body;
	}
	free(body);
	return text;
}

/* Drop the headings that repeat the title: the body starts after them. */
static void drop_title_headings(xmlNode *node, const char *title)
{
	for (xmlNode *c = node->children, *next; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (markup_is(c, "h1") || markup_is(c, "h2")) {
			char *line = markup_line(c);
			bool same = line && strcasecmp(line, title) == 0;
			free(line);
			if (same) {
				folio_xml.xmlUnlinkNode(c);
				folio_xml.xmlFreeNode(c);
			}
			continue;
		}
		drop_title_headings(c, title);
	}
}

/* ---- dateline ---- */

/* "HARWICK, England (Reuters) — Text" -> "HARWICK, England", as extract
 * reads datelines from plain pages; NULL if none. */
static char *find_dateline(const char *body)
{
	char place[128], credit[64];
	size_t line = strcspn(body, "\n");
	if (!ex_parse_dateline(body, line, place, sizeof place, credit, sizeof credit))
		return NULL;
	return markup_clean_line(place);
}

/* ---- the whole page ---- */

enum folio_extract_result folio_html_extract(const char *bytes, size_t len,
                                             struct folio_article *out,
                                             const char **reason)
{
	memset(out, 0, sizeof *out);
	*reason = NULL;
	if (len > INT_MAX) {
		*reason = "too large for an HTML page";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct markup_input in;
	if (markup_ready(reason) != 0)
		return FOLIO_EXTRACT_NO_ARTICLE;
	if (markup_input(bytes, len, false, &in, reason) != 0)
		return *reason ? FOLIO_EXTRACT_NO_ARTICLE : FOLIO_EXTRACT_NOMEM;
	htmlDocPtr doc = folio_xml.htmlReadMemory(in.s, (int)in.len, NULL, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	free(in.owned);
	if (!doc || !folio_xml.xmlDocGetRootElement(doc)) {
		folio_xml.xmlFreeDoc(doc);
		*reason = "not an HTML page that can be read";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct meta m = { 0 };
	read_meta(&m, folio_xml.xmlDocGetRootElement(doc), false, false);
	char *body = NULL;
	bool nomem = m.oom || fill_fields(&m, out) != 0;
	if (!nomem && m.byline_node) { /* the byline is not the body's first line */
		folio_xml.xmlUnlinkNode(m.byline_node);
		folio_xml.xmlFreeNode(m.byline_node);
	}
	if (!nomem && out->title)
		drop_title_headings(folio_xml.xmlDocGetRootElement(doc), out->title);
	nomem = nomem || html_main_text(doc, &body) != 0;
	if (!nomem)
		body = prefer_ld_body(body, m.ld.body, &nomem);
	/* a title or a byline that went missing for memory is not "no title" */
	nomem = nomem || markup_out_of_memory();
	folio_xml.xmlFreeDoc(doc);
	meta_free(&m);
	if (nomem) {
		free(body);
		folio_article_free(out);
		return FOLIO_EXTRACT_NOMEM;
	}
	if (!body || !*body) {
		free(body);
		folio_article_free(out);
		*reason = "no article text found in the HTML page";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	out->body = body;
	out->dateline = find_dateline(body);
	if (markup_out_of_memory()) { /* the dateline, too, may not go missing for memory */
		folio_article_free(out);
		return FOLIO_EXTRACT_NOMEM;
	}
	return FOLIO_EXTRACT_OK;
}
