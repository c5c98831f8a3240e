/*
 * html.c: a saved web page (raw bytes) in, an article out.
 *
 * libxml2's HTML parser builds the tree: it recovers from broken markup,
 * reads the declared charset, and never touches the network.  We then work
 * in three steps, each a walk over that tree:
 *
 * 1. Metadata, read before anything is removed, best source first: JSON-LD
 *    (NewsArticle and kin), og: and article: meta tags, other meta names,
 *    <h1>, <title> (with its " | Outlet" tail taken as the source when the
 *    page names none), itemprop/rel=author/class=byline for the byline,
 *    <time datetime> for the date.
 * 2. Pruning: script, navigation and other furniture go by tag, by ARIA
 *    role, by hidden attributes, and by class/id words (nav, footer,
 *    sidebar, comment, share, related, ...).  A class/id match never removes
 *    the element that holds most of the page's text, so a page wrapped in
 *    <div class="has-sidebar"> keeps its article.
 * 3. Scoring, the approach of Arc90's Readability: every paragraph of 25+
 *    characters scores 1 + its commas + a point per 100 characters (at most
 *    3), added to its parent, half to its grandparent and less further up;
 *    ancestors start from a tag weight and +-25 for likely/unlikely
 *    class/id words; each score is scaled by (1 - link density).  The best
 *    block, plus siblings that score near it or read as prose, is the body,
 *    after a last pass drops link-heavy lists and divs inside it.
 *
 * When the pruned page gives under MIN_BODY characters (a site whose every
 * wrapper has an "unlikely" name), step 2 is redone with tags only, and
 * that body wins if it is more than twice as long.  Datelines ("HARWICK —") are read from the first
 * paragraph the way extract reads them from plain pages.
 */
#include "config.h"

#include "folio/html.h"

#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "folio/text.h"
#include "jsonld.h"
#include "markup.h"

#define MIN_PARAGRAPH 25 /* characters for a block to count as prose */
#define MIN_BODY 250     /* below this, retry with gentler pruning */

/* ---- class and id words ---- */

/* Words that mark furniture: the element is removed (step 2).  A trailing
 * '*' matches any word starting so ("comments", "sidebar-left"). */
static const char *const furniture[] = {
	"ad", "ads", "advert*", "author", "authors", "banner*", "breadcrumb*", "byline*",
	"comment*", "community", "cookie*", "disqus", "footer*", "gdpr", "header*",
	"masthead", "menu*", "meta", "modal*", "nav", "navbar", "navigation", "newsletter*",
	"outbrain", "pager", "pagination", "popup*", "promo*", "recommend*", "related*",
	"share*", "sharing", "sidebar*", "signup", "skip", "social*", "sponsor*",
	"subscri*", "taboola", "tags", "toolbar", "trending", "widget*", "date",
	"timestamp", "print", "most", "popular", NULL
};
/* Words that weigh a block down or up in scoring (step 3). */
static const char *const negative[] = {
	"hidden", "banner*", "combx", "comment*", "contact", "foot*", "masthead", "media",
	"meta", "outbrain", "promo*", "related*", "scroll", "share*", "shoutbox",
	"sidebar*", "skyscraper", "sponsor*", "shopping", "tags", "tool*", "widget*", NULL
};
static const char *const positive[] = {
	"article*", "body", "content*", "entry", "hentry", "h-entry", "main", "page",
	"post", "text", "blog", "story*", NULL
};

static bool word_matches(const char *word, size_t n, const char *const *list)
{
	for (; *list; list++) {
		size_t k = strlen(*list);
		bool prefix = (*list)[k - 1] == '*';
		if (prefix)
			k--;
		if (n < k || (!prefix && n != k) || strncasecmp(word, *list, k) != 0)
			continue;
		if (k == 7 && n > 7 && strncasecmp(word, "commentary", 10) == 0)
			continue; /* an opinion piece, not the comments */
		return true;
	}
	return false;
}

/* Does any word of the element's class or id attribute appear in list? */
static int count_words(const xmlNode *node, const char *attr, const char *const *list)
{
	char *v = markup_attr(node, attr);
	if (!v)
		return 0;
	int hits = 0;
	for (const char *p = v; *p;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *w = p;
		while (isalnum((unsigned char)*p))
			p++;
		if (p > w && word_matches(w, (size_t)(p - w), list))
			hits++;
	}
	xmlFree(v);
	return hits;
}

static bool named(const xmlNode *node, const char *const *list)
{
	return count_words(node, "class", list) || count_words(node, "id", list);
}

static int class_weight(const xmlNode *node)
{
	int w = 0;
	const char *attrs[] = { "class", "id" };
	for (int i = 0; i < 2; i++) {
		if (count_words(node, attrs[i], negative))
			w -= 25;
		if (count_words(node, attrs[i], positive))
			w += 25;
	}
	char *prop = markup_attr(node, "itemprop");
	if (prop && strcasecmp(prop, "articleBody") == 0)
		w += 50;
	xmlFree(prop);
	return w;
}

/* ---- text measures ---- */

/* Characters of text under node, a run of white space counting as one. */
static size_t text_len(const xmlNode *node)
{
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		size_t n = 0;
		bool space = true;
		for (const unsigned char *p = node->content; p && *p; p++) {
			if (isspace(*p)) {
				n += !space;
				space = true;
			} else if ((*p & 0xC0) != 0x80) {
				n++;
				space = false;
			}
		}
		return n;
	}
	if (node->type != XML_ELEMENT_NODE)
		return 0;
	size_t n = 0;
	for (const xmlNode *c = node->children; c; c = c->next)
		n += text_len(c);
	return n;
}

static size_t link_len(const xmlNode *node)
{
	if (markup_is(node, "a"))
		return text_len(node);
	size_t n = 0;
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			n += link_len(c);
	return n;
}

static double link_density(const xmlNode *node)
{
	size_t all = text_len(node);
	return all ? (double)link_len(node) / (double)all : 0.0;
}

static size_t count_char(const xmlNode *node, char ch)
{
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		size_t n = 0;
		for (const char *p = (const char *)node->content; p && *p; p++)
			n += *p == ch;
		return n;
	}
	size_t n = 0;
	if (node->type == XML_ELEMENT_NODE)
		for (const xmlNode *c = node->children; c; c = c->next)
			n += count_char(c, ch);
	return n;
}

static size_t count_tag(const xmlNode *node, const char *tag)
{
	size_t n = 0;
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			n += markup_is(c, tag) + count_tag(c, tag);
	return n;
}

/* ---- step 1: metadata ---- */

struct meta {
	char *title_tag, *h1, *h1_in_article;
	char *og_title, *twitter_title, *og_site, *app_name;
	char *published, *meta_date, *itemprop_date;
	char *time_pub, *time_article, *time_any;
	char *meta_author, *article_author, *itemprop_author, *rel_author, *byline_class;
	struct jsonld_article ld;
	bool oom;
};

/* Keep the first value seen for a field (value is malloc'd, may be NULL). */
static void keep(char **field, char *value)
{
	if (*field)
		free(value);
	else
		*field = value;
}

static char *attr_line(const xmlNode *node, const char *name)
{
	char *raw = markup_attr(node, name);
	if (!raw)
		return NULL;
	char *line = markup_clean_line(raw);
	xmlFree(raw);
	return line;
}

static void read_meta_tag(struct meta *m, const xmlNode *node)
{
	char *key = markup_attr(node, "property");
	if (!key)
		key = markup_attr(node, "name");
	if (!key)
		key = markup_attr(node, "itemprop");
	if (!key)
		return;
	static const char *const dates[] = {
		"date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
		"dc.date.issued", "dcterms.created", "dcterms.date", "dcterms.issued",
		"sailthru.date", "parsely-pub-date", "og:published_time", NULL
	};
	char **field = NULL;
	if (strcasecmp((char *)key, "og:title") == 0)
		field = &m->og_title;
	else if (strcasecmp((char *)key, "twitter:title") == 0)
		field = &m->twitter_title;
	else if (strcasecmp((char *)key, "og:site_name") == 0)
		field = &m->og_site;
	else if (strcasecmp((char *)key, "application-name") == 0)
		field = &m->app_name;
	else if (strcasecmp((char *)key, "article:published_time") == 0)
		field = &m->published;
	else if (strcasecmp((char *)key, "datePublished") == 0)
		field = &m->itemprop_date;
	else if (strcasecmp((char *)key, "author") == 0)
		field = &m->meta_author;
	else if (strcasecmp((char *)key, "article:author") == 0)
		field = &m->article_author;
	for (int i = 0; !field && dates[i]; i++)
		if (strcasecmp((char *)key, dates[i]) == 0)
			field = &m->meta_date;
	xmlFree(key);
	if (field && !*field)
		keep(field, attr_line(node, "content"));
}

static bool has_word(const xmlNode *node, const char *attr, const char *word)
{
	const char *list[] = { word, NULL };
	return count_words(node, attr, list) > 0;
}

static void read_json_ld(struct meta *m, const xmlNode *script)
{
	char *type = markup_attr(script, "type");
	bool ld = type && strcasecmp(type, "application/ld+json") == 0;
	xmlFree(type);
	if (!ld)
		return;
	for (const xmlNode *c = script->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    jsonld_article((const char *)c->content, strlen((const char *)c->content), &m->ld) != 0)
			m->oom = true;
}

static void read_meta(struct meta *m, const xmlNode *node, bool in_article)
{
	for (const xmlNode *n = node; n && !m->oom; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		bool article = in_article || markup_is(n, "article");
		if (markup_is(n, "title") && !m->title_tag)
			keep(&m->title_tag, markup_line(n));
		else if (markup_is(n, "meta"))
			read_meta_tag(m, n);
		else if (markup_is(n, "script"))
			read_json_ld(m, n);
		else if (markup_is(n, "h1"))
			keep(in_article ? &m->h1_in_article : &m->h1, markup_line(n));
		else if (markup_is(n, "time")) {
			char *prop = markup_attr(n, "itemprop");
			char *pub = markup_attr(n, "pubdate");
			bool published = (prop && strcasecmp(prop, "datePublished") == 0) || pub;
			xmlFree(prop);
			xmlFree(pub);
			char **field = published ? &m->time_pub : in_article ? &m->time_article : &m->time_any;
			if (!*field)
				keep(field, attr_line(n, "datetime"));
		}
		if (markup_is(n, "a") && has_word(n, "rel", "author") && !m->rel_author)
			keep(&m->rel_author, markup_line(n));
		if (!markup_is(n, "meta") && has_word(n, "itemprop", "author") && !m->itemprop_author)
			keep(&m->itemprop_author, markup_line(n));
		if ((has_word(n, "class", "byline") || has_word(n, "class", "author")) &&
		    !m->byline_class)
			keep(&m->byline_class, markup_line(n));
		read_meta(m, n->children, article);
	}
}

static void meta_free(struct meta *m)
{
	char **fields[] = { &m->title_tag, &m->h1, &m->h1_in_article, &m->og_title,
	                    &m->twitter_title, &m->og_site, &m->app_name, &m->published,
	                    &m->meta_date, &m->itemprop_date, &m->time_pub, &m->time_article,
	                    &m->time_any, &m->meta_author, &m->article_author,
	                    &m->itemprop_author, &m->rel_author, &m->byline_class };
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		free(*fields[i]);
	jsonld_article_free(&m->ld);
}

/* ---- step 1b: the fields from the metadata ---- */

static const char *first_of(const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (values[i] && *values[i])
			return values[i];
	return NULL;
}

/* Separators between a headline and its outlet in <title>. */
static const char *const title_seps[] = { " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", NULL };

/* The outlet after the last separator in a <title> that starts with headline. */
static char *source_from_title(const char *title_tag, const char *headline)
{
	if (!title_tag || !headline)
		return NULL;
	size_t h = strlen(headline);
	if (strncmp(title_tag, headline, h) != 0)
		return NULL;
	for (const char *const *sep = title_seps; *sep; sep++)
		if (strncmp(title_tag + h, *sep, strlen(*sep)) == 0)
			return markup_clean_line(title_tag + h + strlen(*sep));
	return NULL;
}

/* A copy of title without a " | Outlet" tail naming source. */
static char *strip_outlet(const char *title, const char *source)
{
	size_t n = strlen(title);
	if (source) {
		size_t s = strlen(source);
		for (const char *const *sep = title_seps; *sep; sep++) {
			size_t k = strlen(*sep);
			if (n > s + k && strcasecmp(title + n - s, source) == 0 &&
			    strncmp(title + n - s - k, *sep, k) == 0) {
				n -= s + k;
				break;
			}
		}
	}
	return strndup(title, n);
}

/* "By Jane Roe | Staff" -> "Jane Roe"; URLs and long runs of text are not names. */
static char *clean_byline(const char *raw)
{
	static const char *const cuts[] = { " | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
	                                    " \xE2\x80\xA2 ", ", Staff", NULL };
	if (!raw || strstr(raw, "://") || strlen(raw) > 120)
		return NULL;
	const char *s = raw;
	/* "By ", "Written by ", "Words by " */
	for (const char *p = raw; *p && p - raw < 24; p++)
		if ((p == raw || p[-1] == ' ') && strncasecmp(p, "by ", 3) == 0) {
			s = p + 3;
			break;
		}
	size_t n = strlen(s);
	for (const char *const *c = cuts; *c; c++) {
		const char *hit = strstr(s, *c);
		if (hit && (size_t)(hit - s) < n)
			n = (size_t)(hit - s);
	}
	char *cut = strndup(s, n);
	if (!cut)
		return NULL;
	char *line = markup_clean_line(cut);
	free(cut);
	return line;
}

/* The fields from the metadata; -1 when out of memory. */
static int fill_fields(const struct meta *m, struct folio_article *out)
{
	const char *titles[] = { m->ld.headline, m->og_title, m->h1_in_article, m->twitter_title,
	                         m->h1, m->title_tag };
	const char *title = first_of(titles, 6);
	const char *sources[] = { m->og_site, m->ld.publisher, m->app_name };
	const char *source = first_of(sources, 3);
	char *from_title = NULL;
	if (!source) {
		const char *headlines[] = { m->h1_in_article, m->h1, m->og_title, m->ld.headline };
		for (int i = 0; i < 4 && !from_title; i++)
			from_title = source_from_title(m->title_tag, headlines[i]);
		source = from_title;
	}
	out->source = markup_clean_line(source);
	free(from_title);
	if (title) {
		char *stripped = strip_outlet(title, out->source);
		if (!stripped)
			return -1;
		out->title = markup_clean_line(stripped);
		free(stripped);
	}
	const char *bylines[] = { m->ld.author, m->meta_author, m->article_author,
	                          m->itemprop_author, m->rel_author, m->byline_class };
	for (int i = 0; i < 6 && !out->byline; i++)
		out->byline = clean_byline(bylines[i]);
	const char *dates[] = { m->ld.date, m->published, m->itemprop_date, m->meta_date,
	                        m->time_pub, m->time_article, m->time_any };
	for (int i = 0; i < 7 && !out->date; i++)
		out->date = markup_iso_date(dates[i]);
	return 0;
}

/* ---- step 2: pruning ---- */

static const char *const furniture_tags[] = {
	"script", "style", "noscript", "template", "iframe", "nav", "aside", "footer",
	"header", "form", "button", "select", "input", "textarea", "svg", "canvas",
	"object", "embed", "dialog", "menu", "figure", "figcaption", "link", "meta", NULL
};
static const char *const furniture_roles[] = {
	"navigation", "banner", "complementary", "contentinfo", "search", "menu",
	"menubar", "dialog", "alertdialog", NULL
};

/* Whether style="..." hides the element ("display: none"). */
static bool hidden_style(const char *style)
{
	char squeezed[256];
	size_t n = 0;
	for (const char *p = style; *p && n + 1 < sizeof squeezed; p++)
		if (*p != ' ')
			squeezed[n++] = (char)tolower((unsigned char)*p);
	squeezed[n] = '\0';
	return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static bool hidden(const xmlNode *node)
{
	char *v = markup_attr(node, "hidden");
	bool h = v != NULL;
	xmlFree(v);
	if (!h && (v = markup_attr(node, "aria-hidden"))) {
		h = strcasecmp(v, "true") == 0;
		xmlFree(v);
	}
	if (!h && (v = markup_attr(node, "style"))) {
		h = hidden_style(v);
		xmlFree(v);
	}
	return h;
}

static bool furniture_element(const xmlNode *node, bool by_name, size_t page_len)
{
	for (const char *const *t = furniture_tags; *t; t++)
		if (markup_is(node, *t))
			return true;
	if (hidden(node))
		return true;
	char *role = markup_attr(node, "role");
	bool furniture_role = false;
	for (const char *const *r = furniture_roles; role && *r && !furniture_role; r++)
		furniture_role = strcasecmp(role, *r) == 0;
	xmlFree(role);
	if (furniture_role)
		return true;
	if (!by_name || markup_is(node, "body") || markup_is(node, "article") ||
	    markup_is(node, "main") || markup_is(node, "html") || !named(node, furniture))
		return false;
	/* Never the wrapper of most of the page's text. */
	return text_len(node) * 2 < page_len;
}

static void prune(xmlNode *node, bool by_name, size_t page_len)
{
	for (xmlNode *c = node->children, *next; c; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && furniture_element(c, by_name, page_len)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			prune(c, by_name, page_len);
		}
	}
}

/* ---- step 3: scoring ---- */

struct cand {
	xmlNode *node;
	double score;
};

struct scoring {
	struct cand *c;
	size_t n, cap;
	bool oom;
};

static struct cand *cand_of(struct scoring *sc, xmlNode *node)
{
	if (node->_private)
		return &sc->c[(uintptr_t)node->_private - 1];
	if (sc->n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 64;
		struct cand *grown = realloc(sc->c, cap * sizeof *grown);
		if (!grown) {
			sc->oom = true;
			return NULL;
		}
		sc->c = grown;
		sc->cap = cap;
	}
	double base = 0;
	if (markup_is(node, "div") || markup_is(node, "article"))
		base = 5;
	else if (markup_is(node, "pre") || markup_is(node, "td") || markup_is(node, "blockquote"))
		base = 3;
	else if (markup_is(node, "address") || markup_is(node, "ol") || markup_is(node, "ul") ||
	         markup_is(node, "dl") || markup_is(node, "dd") || markup_is(node, "dt") ||
	         markup_is(node, "li") || markup_is(node, "form"))
		base = -3;
	else if (node->name && tolower(node->name[0]) == 'h' && node->name[1] >= '1' &&
	         node->name[1] <= '6' && !node->name[2])
		base = -5;
	sc->c[sc->n] = (struct cand){ node, base + class_weight(node) };
	node->_private = (void *)(uintptr_t)++sc->n;
	return &sc->c[sc->n - 1];
}

static const char *const block_tags[] = {
	"a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section",
	"article", "h1", "h2", "h3", "h4", "h5", "h6", "main", NULL
};

static bool has_block_child(const xmlNode *node)
{
	for (const xmlNode *c = node->children; c; c = c->next)
		for (const char *const *t = block_tags; c->type == XML_ELEMENT_NODE && *t; t++)
			if (markup_is(c, *t) && !markup_is(c, "a"))
				return true;
	return false;
}

static bool paragraph_like(const xmlNode *node)
{
	if (markup_is(node, "p") || markup_is(node, "pre") || markup_is(node, "td"))
		return true;
	return (markup_is(node, "div") || markup_is(node, "section")) && !has_block_child(node);
}

/* Credit one paragraph's score to its ancestors. */
static void credit(struct scoring *sc, xmlNode *para, size_t len, size_t commas)
{
	double score = 1.0 + (double)commas + (len / 100 > 3 ? 3 : (double)(len / 100));
	int level = 0;
	for (xmlNode *a = para->parent; a && a->type == XML_ELEMENT_NODE && level < 5;
	     a = a->parent, level++) {
		struct cand *c = cand_of(sc, a);
		if (!c)
			return;
		c->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
	}
}

static void score_tree(struct scoring *sc, xmlNode *node)
{
	for (xmlNode *c = node->children; c && !sc->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (paragraph_like(c)) {
			size_t len = text_len(c);
			if (len >= MIN_PARAGRAPH)
				credit(sc, c, len, count_char(c, ','));
			if (!markup_is(c, "div") && !markup_is(c, "section"))
				continue;
		}
		score_tree(sc, c);
	}
}

/* The best block after link density, moved up while its parent holds more. */
static xmlNode *best_block(struct scoring *sc)
{
	struct cand *top = NULL;
	for (size_t i = 0; i < sc->n; i++) {
		sc->c[i].score *= 1.0 - link_density(sc->c[i].node);
		if (!top || sc->c[i].score > top->score)
			top = &sc->c[i];
	}
	if (!top || top->score <= 0)
		return NULL;
	xmlNode *best = top->node;
	double last = top->score;
	for (xmlNode *p = best->parent; p && p->type == XML_ELEMENT_NODE && !markup_is(p, "body");
	     p = p->parent) {
		if (!p->_private)
			continue;
		double s = sc->c[(uintptr_t)p->_private - 1].score;
		if (s < last / 3)
			break;
		if (s > last) {
			best = p;
			break;
		}
		last = s;
	}
	return best;
}

static double score_of(const struct scoring *sc, const xmlNode *node)
{
	return node->_private ? sc->c[(uintptr_t)node->_private - 1].score : 0;
}

/* A sibling of the best block that belongs with it. */
static bool joins(const struct scoring *sc, const xmlNode *sib, const xmlNode *best)
{
	double threshold = score_of(sc, best) * 0.2;
	if (threshold < 10)
		threshold = 10;
	double bonus = 0;
	char *a = markup_attr(sib, "class"), *b = markup_attr(best, "class");
	if (a && b && *a && strcmp(a, b) == 0)
		bonus = score_of(sc, best) * 0.2;
	xmlFree(a);
	xmlFree(b);
	if (sib->_private && score_of(sc, sib) + bonus >= threshold)
		return true;
	if (!markup_is(sib, "p"))
		return false;
	size_t len = text_len(sib);
	double ld = link_density(sib);
	if (len > 80)
		return ld < 0.25;
	if (len == 0 || ld > 0)
		return false;
	/* A short paragraph that ends a sentence. */
	char *line = markup_line(sib);
	bool sentence = line && (strchr(line, '.') || strchr(line, '!') || strchr(line, '?'));
	free(line);
	return sentence;
}

/* A block that only shows the date: <p><time>8 March</time></p>. */
static bool only_time(const xmlNode *node)
{
	bool time = false;
	for (const xmlNode *c = node->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (!markup_is(c, "time") || time)
				return false;
			time = true;
		} else if (c->type == XML_TEXT_NODE && text_len(c) > 1) {
			return false;
		}
	}
	return time;
}

/* Link-heavy or image-heavy blocks inside the chosen body (Readability's
 * conditional cleaning), and the headline repeated as <h1>. */
static void clean_body(xmlNode *node)
{
	for (xmlNode *c = node->children, *next; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		clean_body(c);
		bool drop = markup_is(c, "h1") || only_time(c);
		if (!drop && (markup_is(c, "div") || markup_is(c, "section") || markup_is(c, "ul") ||
		              markup_is(c, "ol") || markup_is(c, "table"))) {
			int weight = class_weight(c);
			if (weight < 0) {
				drop = true;
			} else if (count_char(c, ',') < 10) {
				size_t p = count_tag(c, "p"), img = count_tag(c, "img");
				size_t len = text_len(c);
				double ld = link_density(c);
				drop = (img > 1 && (double)p / (double)img < 0.5) ||
				       (weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5) ||
				       (len < MIN_PARAGRAPH && (img == 0 || img > 2) &&
				        !markup_is(c, "ul") && !markup_is(c, "ol"));
			}
		}
		if (drop) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

struct buf {
	char *s;
	size_t len;
};

static bool append_body(struct buf *b, const xmlNode *node)
{
	size_t n;
	char *part = markup_render(node, &n);
	if (!part)
		return false;
	if (n > 0) {
		char *grown = realloc(b->s, b->len + n + 3);
		if (!grown) {
			free(part);
			return false;
		}
		b->s = grown;
		if (b->len) {
			memcpy(b->s + b->len, "\n\n", 2);
			b->len += 2;
		}
		memcpy(b->s + b->len, part, n + 1);
		b->len += n;
	}
	free(part);
	return true;
}

/*
 * The body of a (copied) tree after pruning and scoring.  Returns 0 with
 * *body malloc'd or NULL (no prose), -1 when out of memory.
 */
static int find_body(xmlDoc *doc, bool by_name, char **body)
{
	*body = NULL;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root)
		return 0;
	prune(root, by_name, text_len(root));
	struct scoring sc = { 0 };
	score_tree(&sc, root);
	if (sc.oom) {
		free(sc.c);
		return -1;
	}
	xmlNode *best = best_block(&sc);
	struct buf b = { 0 };
	bool ok = true;
	xmlNode **sel = NULL;
	size_t k = 0;
	if (best) {
		/* Decide the siblings before cleaning changes any of them. */
		xmlNode *parent = best->parent;
		size_t nsel = 0;
		for (xmlNode *s = parent ? parent->children : best; s; s = s->next)
			nsel += s->type == XML_ELEMENT_NODE;
		sel = calloc(nsel ? nsel : 1, sizeof *sel);
		ok = sel != NULL;
		for (xmlNode *s = parent ? parent->children : best; ok && s; s = s->next)
			if (s->type == XML_ELEMENT_NODE && (s == best || joins(&sc, s, best)))
				sel[k++] = s;
	}
	/* Unmark the scored nodes now: cleaning frees some of them. */
	for (size_t i = 0; i < sc.n; i++)
		sc.c[i].node->_private = NULL;
	free(sc.c);
	for (size_t i = 0; ok && i < k; i++) {
		clean_body(sel[i]);
		if (!markup_is(sel[i], "h1"))
			ok = append_body(&b, sel[i]);
	}
	free(sel);
	if (!ok) {
		free(b.s);
		return -1;
	}
	*body = b.s;
	return 0;
}

/* ---- dateline ---- */

/* "HARWICK, England (Reuters) — Text" -> "HARWICK, England"; NULL if none. */
static char *find_dateline(const char *body)
{
	static const char *const dashes[] = { " \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - ", NULL };
	size_t line = strcspn(body, "\n");
	const char *end = NULL;
	for (const char *const *d = dashes; *d && !end; d++) {
		const char *hit = strstr(body, *d);
		if (hit && (size_t)(hit - body) < line && hit - body <= 60)
			end = hit;
	}
	if (!end)
		return NULL;
	size_t n = (size_t)(end - body);
	if (n > 0 && body[n - 1] == ')') { /* a wire credit: "(Reuters)" */
		const char *open = memchr(body, '(', n);
		if (!open)
			return NULL;
		n = (size_t)(open - body);
	}
	while (n > 0 && body[n - 1] == ' ')
		n--;
	size_t place = strcspn(body, ",");
	if (place > n)
		place = n;
	int upper = 0;
	for (size_t i = 0; i < place; i++) {
		unsigned char c = (unsigned char)body[i];
		if (islower(c) || isdigit(c))
			return NULL;
		upper += isupper(c) != 0;
	}
	if (upper < 2 || n == 0)
		return NULL;
	char *copy = strndup(body, n);
	if (!copy)
		return NULL;
	char *clean = markup_clean_line(copy);
	free(copy);
	return clean;
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
	markup_silence();
	if (markup_input(bytes, len, false, &in) != 0)
		return FOLIO_EXTRACT_NOMEM;
	htmlDocPtr doc = htmlReadMemory(in.s, (int)in.len, NULL, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	free(in.owned);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		*reason = "not an HTML page that can be read";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct meta m = { 0 };
	read_meta(&m, xmlDocGetRootElement(doc), false);
	char *body = NULL, *gentle = NULL;
	xmlDoc *copy = m.oom ? NULL : xmlCopyDoc(doc, 1);
	bool nomem = m.oom || !copy || fill_fields(&m, out) != 0 || find_body(doc, true, &body) != 0;
	if (!nomem && (!body || strlen(body) < MIN_BODY)) {
		nomem = find_body(copy, false, &gentle) != 0;
		/* Gentle pruning always finds more; it wins only when the names
		 * took away most of the text (the article's own wrapper). */
		if (gentle && (!body || strlen(body) * 2 < strlen(gentle))) {
			free(body);
			body = gentle;
			gentle = NULL;
		}
	}
	free(gentle);
	xmlFreeDoc(copy);
	xmlFreeDoc(doc);
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
	return FOLIO_EXTRACT_OK;
}
