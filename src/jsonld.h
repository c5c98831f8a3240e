/*
 * jsonld.h: the article fields of a page's JSON-LD (<script
 * type="application/ld+json">), internal to html.c.
 */
#ifndef FOLIO_JSONLD_H
#define FOLIO_JSONLD_H

#include <stddef.h>

struct jsonld_article {
	char *headline;  /* raw strings as the page gives them (malloc'd) */
	char *name;      /* the article's name: some sites put a summary in headline */
	char *date;      /* datePublished */
	char *created;   /* dateCreated (often in UTC, a day off the page's own date) */
	char *author;    /* names joined: "A", "A and B", "A, B and C" */
	char *publisher; /* publisher.name */
	char *body;      /* articleBody: the text, sometimes with markup */
};

/*
 * Fill the fields still NULL in *out from the first object in json whose
 * @type is an article (NewsArticle, Article, BlogPosting, SocialMediaPosting,
 * ...), looking inside @graph, arrays and nested objects.  Broken JSON gives nothing.
 * Returns 0, or -1 when memory ran out.
 */
int jsonld_article(const char *json, size_t len, struct jsonld_article *out);

void jsonld_article_free(struct jsonld_article *a);

#endif
