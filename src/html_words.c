/*
 * html_words.c: what the class and id attributes of a page's elements say
 * about them.  Sites name their layout ("sidebar", "share-bar",
 * "articleBody"); those names are evidence, weighed by html_body.c, never
 * proof: a word is matched whole (split at punctuation and camelCase
 * humps), and an id made from a heading names content, not layout.
 */
#include "folio/folio.h"

#include "html_words.h"

#include <ctype.h>
#include <strings.h>

#include "folio/libs.h"
#include "markup.h"

/* Words that mark furniture.  A trailing '*' matches any word
 * starting so ("comments", "sidebar-left"). */
static const char *const furniture[] = {
	"ad", "ads", "advert*", "author", "authors", "banner*", "breadcrumb*", "byline*",
	"comment*", "community", "cookie*", "disqus", "footer*", "gdpr", "header*",
	"masthead", "menu*", "meta", "modal*", "nav", "navbar", "navigation", "newsletter*",
	"outbrain", "pager", "pagination", "popup*", "promo*", "recommend*", "related*",
	"share", "shares", "sharing", "sharebar", "sharethis", "sharedaddy", "sidebar*",
	"signup", "skip", "social*", "sponsor*",
	"subscri*", "taboola", "tags", "toolbar", "trending", "widget*", "date",
	"timestamp", "print", "most", "popular", "consent", "paywall", NULL
};
/* Furniture that is never the article, however much text it holds. */
static const char *const never_article[] = { "comment*", "disqus", "respond", "replies", NULL };
/* Words that weigh a block down or up in scoring. */
static const char *const negative[] = {
	"hidden", "banner*", "combx", "comment*", "contact", "foot*", "masthead", "media",
	"meta", "outbrain", "promo*", "related*", "scroll", "share", "shares", "sharing",
	"sharedaddy", "shoutbox",
	"sidebar*", "skyscraper", "sponsor*", "shopping", "tags", "tool*", "widget*", "gdpr",
	NULL
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

/* An id made from a heading ("sharing-with-a-single-developer"): four or
 * more words joined by hyphens, which names content, not a layout part. */
static bool heading_slug(const char *v)
{
	int words = 1;
	for (const char *p = v; *p; p++) {
		if (*p == '-')
			words++;
		else if (!isalnum((unsigned char)*p))
			return false;
	}
	return words >= 4;
}

/* How many words of the attribute are in list. */
static int count_words(const xmlNode *node, const char *attr, const char *const *list)
{
	char *v = markup_attr(node, attr);
	if (!v)
		return 0;
	if (strcmp(attr, "id") == 0 && heading_slug(v)) {
		(*folio_xml.xmlFree)(v);
		return 0;
	}
	int hits = 0;
	for (const char *p = v; *p;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *w = p;
		/* a word ends at punctuation or where a capital follows a small letter */
		while (isalnum((unsigned char)*p) &&
		       !(p > w && isupper((unsigned char)*p) && islower((unsigned char)p[-1])))
			p++;
		if (p > w && word_matches(w, (size_t)(p - w), list))
			hits++;
	}
	(*folio_xml.xmlFree)(v);
	return hits;
}

static bool named(const xmlNode *node, const char *const *list)
{
	return count_words(node, "class", list) || count_words(node, "id", list);
}

bool html_furniture_name(const xmlNode *node)
{
	return named(node, furniture);
}

bool html_never_article(const xmlNode *node)
{
	return named(node, never_article);
}

int html_class_weight(const xmlNode *node)
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
	(*folio_xml.xmlFree)(prop);
	return w;
}
