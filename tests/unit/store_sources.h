/*
 * store_sources.h: a source of a test store by its name, shared by the
 * store tests.  Header-only; include after folio/store.h.
 */
#ifndef FOLIO_TEST_STORE_SOURCES_H
#define FOLIO_TEST_STORE_SOURCES_H

#include <stdint.h>
#include <string.h>

/* The id of the source named name (0: none, -1: the list failed), and its
 * counts where total and unread are not NULL. */
static inline int64_t source_id(struct folio_store *st, const char *name, int64_t *total,
                                int64_t *unread)
{
	struct folio_source_row *rows;
	size_t n;
	int64_t id = 0;
	if (folio_store_sources(st, &rows, &n, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].name, name) == 0) {
			id = rows[i].id;
			if (total)
				*total = rows[i].total;
			if (unread)
				*unread = rows[i].unread;
		}
	folio_store_sources_free(rows, n);
	return id;
}

#endif
