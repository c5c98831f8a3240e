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
#include "html_body.h"
#include "jsonld.h"
#include "markup.h"

/* Whether a word of an attribute (rel, itemprop, class: split at anything
 * but letters and digits) is word. */
static bool has_word(const xmlNode *node, const char *attr, const char *word)
{
	char *v = markup_attr(node, attr);
	bool hit = false;
	size_t k = strlen(word);
	for (const char *p = v; p && *p && !hit;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *w = p;
		while (isalnum((unsigned char)*p))
			p++;
		hit = (size_t)(p - w) == k && strncasecmp(w, word, k) == 0;
	}
	xmlFree(v);
	return hit;
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
	char *body = NULL;
	bool nomem = m.oom || fill_fields(&m, out) != 0 || html_main_text(doc, &body) != 0;
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
