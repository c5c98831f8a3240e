/*
 * ui_story.c: what every view says of a story (near-duplicate articles
 * linked at import, folio_store_story()): "also in: AP, The Guardian, +7",
 * and reading one article of a story marks its copies read.
 */
#include "folio/folio.h"

#include "ui_internal.h"

/* Sources named before the rest are counted: "also in: A, B, +7". */
#define ALSO_NAMED 2

char *ui_story_also(struct ui *ui, int64_t id, int64_t *copies)
{
	int64_t story, size;
	struct folio_list_row *rows = NULL;
	size_t n = 0;
	char *err = NULL;
	*copies = 0;
	if (folio_store_story(ui->st, id, &story, &size, &err) != 0) {
		free(err);
		return NULL;
	}
	if (size < 2)
		return NULL;
	if (folio_store_story_rows(ui->st, story, &rows, &n, &err) != 0) {
		free(err);
		return NULL;
	}
	/* the other articles' sources, each named once, the first ALSO_NAMED of them */
	const char *named[ALSO_NAMED];
	size_t nnamed = 0;
	int64_t rest = 0;
	for (size_t i = 0; i < n; i++) {
		const char *src = rows[i].source ? rows[i].source : "";
		if (rows[i].id == id)
			continue;
		(*copies)++;
		bool seen = false;
		for (size_t k = 0; k < nnamed && !seen; k++)
			seen = strcmp(named[k], src) == 0;
		if (seen)
			continue;
		if (nnamed < ALSO_NAMED && *src)
			named[nnamed++] = src;
		else
			rest++;
	}
	struct folio_buf b = { 0 };
	folio_buf_str(&b, "also in: ");
	for (size_t k = 0; k < nnamed; k++) {
		if (k)
			folio_buf_str(&b, ", ");
		folio_buf_str(&b, named[k]);
	}
	if (rest)
		folio_buf_printf(&b, "%s+%lld", nnamed ? ", " : "", (long long)rest);
	char *raw = folio_buf_finish(&b, NULL);
	folio_store_rows_free(rows, n);
	if (!raw)
		return NULL;
	char *shown = ui_display(raw);
	free(raw);
	return shown;
}

void ui_story_read(struct ui *ui, int64_t id)
{
	int64_t story, size;
	struct folio_list_row *rows = NULL;
	size_t n = 0;
	char *err = NULL;
	if (folio_store_story(ui->st, id, &story, &size, &err) != 0 || size < 2 ||
	    folio_store_story_rows(ui->st, story, &rows, &n, &err) != 0) {
		free(err);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		bool read = rows[i].read, flagged = rows[i].flagged;
		ui_marks_overlay(ui, rows[i].id, &read, &flagged);
		if (rows[i].id != id && !read)
			ui_marks_set(ui, rows[i].id, true, flagged);
	}
	folio_store_rows_free(rows, n);
}
