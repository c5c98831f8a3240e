/*
 * ui_history.c: the search bar's memory of earlier searches.
 *
 * A small plain file, $XDG_STATE_HOME/folio/history (or
 * ~/.local/state/folio/history), one search a line, the last
 * UI_HISTORY_MAX kept, the newest last.  It is rewritten whole through a
 * temporary file and rename, so a crash never leaves half of it; a history
 * that cannot be read or written is simply not kept, without a message.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#define UI_HISTORY_MAX 100

static char *history_path(void)
{
	return folio_xdg_path(FOLIO_XDG_STATE, "history");
}

FOLIO_DEFINE_GROW(grow_history, char *)

void ui_history_add(struct ui_history *s, const char *line)
{
	for (size_t i = 0; i < s->n; i++) {
		if (!strcmp(s->items[i], line)) {
			free(s->items[i]);
			memmove(s->items + i, s->items + i + 1,
			        (s->n - i - 1) * sizeof *s->items);
			s->n--;
			break;
		}
	}
	if (s->n == UI_HISTORY_MAX) {
		free(s->items[0]);
		memmove(s->items, s->items + 1, (s->n - 1) * sizeof *s->items);
		s->n--;
	}
	char *copy = strdup(line);
	if (!copy || !grow_history(&s->items, &s->cap, s->n + 1)) {
		free(copy);
		return;
	}
	s->items[s->n++] = copy;
}

void ui_history_load(struct ui_history *s)
{
	s->path = history_path();
	if (!s->path)
		return;
	FILE *f = fopen(s->path, "r");
	if (!f)
		return;
	char *line = NULL;
	size_t size = 0;
	ssize_t n;
	while ((n = getline(&line, &size, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && n < 1000)
			ui_history_add(s, line);
	}
	free(line);
	fclose(f);
}

static int mkdir_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

void ui_history_save(const struct ui_history *s)
{
	if (!s->path)
		return;
	struct folio_buf tmp_path = { 0 };
	folio_buf_printf(&tmp_path, "%s.XXXXXX", s->path);
	char *tmp = folio_buf_finish(&tmp_path, NULL);
	if (!tmp)
		return;
	int fd = mkdir_parents(tmp) == 0 ? mkstemp(tmp) : -1;
	if (fd < 0) {
		free(tmp);
		return;
	}
	FILE *f = fdopen(fd, "w");
	bool ok = f != NULL;
	for (size_t i = 0; ok && i < s->n; i++)
		ok = fprintf(f, "%s\n", s->items[i]) >= 0;
	if (f)
		ok = fclose(f) == 0 && ok;
	else
		close(fd);
	if (!ok || rename(tmp, s->path) != 0)
		unlink(tmp);
	free(tmp);
}

void ui_history_free(struct ui_history *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->items[i]);
	free(s->items);
	free(s->path);
	memset(s, 0, sizeof *s);
}
