/*
 * article: the one type every reader of input fills (folio/article.h).
 */
#include "folio/folio.h"

#include "folio/article.h"

void folio_article_free(struct folio_article *a)
{
	if (!a)
		return;
	free(a->source);
	free(a->title);
	free(a->byline);
	free(a->date);
	free(a->dateline);
	free(a->body);
	free(a->url);
	memset(a, 0, sizeof *a);
}
