/*
 * demo: the sample articles compiled into folio (tests/data/articles, all
 * written by us), and a throwaway store filled with them for `folio --demo`.
 */
#ifndef FOLIO_DEMO_H
#define FOLIO_DEMO_H

#include <stddef.h>

#include "folio/store.h"

struct folio_demo_article {
	const char *name;
	size_t len;
	const char *text;
};

extern const struct folio_demo_article folio_demo_articles[];
extern const size_t folio_demo_article_count;

/*
 * Create a store in a new private temporary folder and import every demo
 * article into it.  *dir gets the folder (remove it with folio_demo_remove()
 * when done).  Returns 0, or -1 with *err set.
 */
int folio_demo_create(struct folio_store **out, char **dir, char **err);
void folio_demo_remove(char *dir);

#endif
