/*
 * article: what every reader of input makes and the store keeps.
 *
 * extract (plain pages), html (saved web pages), feed (each entry) and
 * import's export reader all fill a struct folio_article, and all say how
 * finding one went with enum folio_extract_result; the store takes one.
 * So the type lives here, in no reader's header.
 */
#ifndef FOLIO_ARTICLE_H
#define FOLIO_ARTICLE_H

struct folio_article {
	char *source;   /* the outlet, "CNN", "BBC News" */
	char *title;    /* the headline */
	char *byline;   /* names only: "Jill Dougherty", "A and B" */
	char *date;     /* the article's own date, "YYYY-MM-DD" */
	char *dateline; /* the place the story was filed from: "MOSCOW, Russia" */
	char *body;     /* paragraphs separated by one blank line */
	char *url;      /* where the page says it lives (folio_text_url()), NULL if it does not */
};

/* How looking for an article (or a feed's entries) in some input went. */
enum folio_extract_result {
	FOLIO_EXTRACT_OK = 0,
	FOLIO_EXTRACT_NO_ARTICLE, /* a link list, an error page: the reason says which */
	FOLIO_EXTRACT_NOMEM
};

/* Free every field and leave *a all NULL; a may be NULL. */
void folio_article_free(struct folio_article *a);

#endif
