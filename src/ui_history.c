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

void ui_history_add(struct ui_search *s, const char *line)
{
	for (size_t i = 0; i < s->nhistory; i++) {
		if (!strcmp(s->history[i], line)) {
			free(s->history[i]);
			memmove(s->history + i, s->history + i + 1,
			        (s->nhistory - i - 1) * sizeof *s->history);
			s->nhistory--;
			break;
		}
	}
	if (s->nhistory == UI_HISTORY_MAX) {
		free(s->history[0]);
		memmove(s->history, s->history + 1, (s->nhistory - 1) * sizeof *s->history);
		s->nhistory--;
	}
	char *copy = strdup(line);
	if (!copy || !grow_history(&s->history, &s->history_cap, s->nhistory + 1)) {
		free(copy);
		return;
	}
	s->history[s->nhistory++] = copy;
}

void ui_history_load(struct ui_search *s)
{
	s->history_path = history_path();
	if (!s->history_path)
		return;
	FILE *f = fopen(s->history_path, "r");
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

void ui_history_save(struct ui_search *s)
{
	if (!s->history_path)
		return;
	size_t len = strlen(s->history_path);
	char *tmp = malloc(len + 8);
	if (!tmp)
		return;
	snprintf(tmp, len + 8, "%s.XXXXXX", s->history_path);
	int fd = mkdir_parents(tmp) == 0 ? mkstemp(tmp) : -1;
	if (fd < 0) {
		free(tmp);
		return;
	}
	FILE *f = fdopen(fd, "w");
	bool ok = f != NULL;
	for (size_t i = 0; ok && i < s->nhistory; i++)
		ok = fprintf(f, "%s\n", s->history[i]) >= 0;
	if (f)
		ok = fclose(f) == 0 && ok;
	else
		close(fd);
	if (!ok || rename(tmp, s->history_path) != 0)
		unlink(tmp);
	free(tmp);
}
