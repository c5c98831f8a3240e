/*
 * demo.c: `folio --demo`, the reader on the sample articles folio carries.
 *
 * The articles are compiled in (src/embed.sh makes demo_articles.c from
 * tests/data/articles), so the demo works from any directory and after an
 * install.  The store lives in a fresh private folder under $TMPDIR and is
 * thrown away afterwards: the demo never touches the user's own store.
 */
#include "folio/folio.h"

#include <unistd.h>

#include "folio/demo.h"
#include "folio/import.h"

static char *join(const char *dir, const char *name)
{
	struct folio_buf path = { 0 };
	folio_buf_printf(&path, "%s/%s", dir, name);
	return folio_buf_finish(&path, NULL);
}

int folio_demo_create(struct folio_store **out, char **dir, char **err)
{
	const char *tmp = getenv("TMPDIR");
	char *templ = join(tmp && *tmp ? tmp : "/tmp", "folio-demo.XXXXXX");
	*out = NULL;
	*dir = NULL;
	if (!templ || !mkdtemp(templ)) {
		if (err && asprintf(err, "cannot make a folder for the demo store: %m") < 0)
			*err = NULL;
		free(templ);
		return -1;
	}
	char *path = join(templ, "demo.db");
	struct folio_store *st = NULL;
	if (!path || folio_store_open(path, FOLIO_STORE_CREATE, &st, err) != 0)
		goto fail;
	if (folio_store_begin(st, err) != 0)
		goto fail;
	struct folio_import_stats stats = { 0 };
	for (size_t i = 0; i < folio_demo_article_count; i++) {
		const struct folio_demo_article *a = &folio_demo_articles[i];
		if (folio_import_buffer(st, a->name, a->text, a->len, NULL, &stats, err) != 0) {
			folio_store_rollback(st);
			goto fail;
		}
	}
	if (folio_store_commit(st, err) != 0)
		goto fail;
	free(path);
	*out = st;
	*dir = templ;
	return 0;

fail:
	folio_store_close(st);
	free(path);
	folio_demo_remove(templ);
	return -1;
}

/* Remove the demo folder: the store and whatever SQLite put beside it. */
void folio_demo_remove(char *dir)
{
	static const char *const files[] = { "demo.db", "demo.db-wal", "demo.db-shm",
	                                     "demo.db-journal" };
	if (!dir)
		return;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *path = join(dir, files[i]);
		if (path)
			unlink(path);
		free(path);
	}
	rmdir(dir);
	free(dir);
}
