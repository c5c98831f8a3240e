/*
 * browser: $BROWSER (or xdg-open) run on an article's address.
 */
#include "folio/folio.h"

#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "folio/browser.h"

void folio_browser_free(char **commands)
{
	for (char **c = commands; c && *c; c++)
		free(*c);
	free(commands);
}

/* One $BROWSER entry as a command: %s becomes "$1", else "$1" goes after it. */
static char *command_of(const char *entry, size_t len)
{
	struct folio_buf b = { 0 };
	bool placed = false;
	for (size_t i = 0; i < len; i++) {
		if (entry[i] == '%' && i + 1 < len && entry[i + 1] == 's') {
			folio_buf_str(&b, "\"$1\"");
			placed = true;
			i++;
		} else if (entry[i] == '%' && i + 1 < len && entry[i + 1] == '%') {
			folio_buf_add(&b, "%", 1);
			i++;
		} else {
			folio_buf_add(&b, entry + i, 1);
		}
	}
	if (!placed)
		folio_buf_str(&b, " \"$1\"");
	return folio_buf_finish(&b, NULL);
}

char **folio_browser_commands(void)
{
	const char *browser = getenv("BROWSER");
	const char *display = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");
	bool graphical = (display && *display) || (wayland && *wayland);
	bool ssh = getenv("SSH_CONNECTION") || getenv("SSH_TTY");
	if (!browser || !*browser)
		browser = graphical && !ssh ? "xdg-open" : NULL;
	if (!browser)
		return NULL;
	size_t n = 1;
	for (const char *p = browser; *p; p++)
		n += *p == ':';
	char **commands = calloc(n + 1, sizeof *commands);
	if (!commands)
		return NULL;
	size_t k = 0;
	for (const char *p = browser; *p;) {
		size_t len = strcspn(p, ":");
		if (len > 0 && !(commands[k++] = command_of(p, len))) {
			folio_browser_free(commands);
			return NULL;
		}
		p += len + (p[len] == ':');
	}
	if (k == 0) {
		free(commands);
		return NULL;
	}
	return commands;
}

int folio_browser_run(const char *command, const char *url)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", command, "sh", url, (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
