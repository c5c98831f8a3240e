/*
 * ui_pipe.c: handing an article to another program (| and o).
 *
 * `|` asks on the bottom line for a shell command (edited like the search
 * bar, ui_edit.c; the prompt is a view of its own, on the bottom line
 * only); `o` uses $PAGER, else less.  Either way the command runs
 * under /bin/sh -c with the article on its standard input, in the form
 * `folio show` prints (header lines, a blank line, the body, every line
 * through the display rule), and the terminal is the command's until it
 * ends: curses steps aside (def_prog_mode, endwin) and comes back with a
 * full repaint.
 *
 * While the command runs folio ignores SIGINT and SIGQUIT (they are the
 * command's), lets SIGTSTP stop it with the command (one job), and ignores
 * SIGPIPE so a command that stops reading early (`head -1`) costs folio
 * nothing.  The screen is cleared and the cursor homed before the command
 * starts; if the cursor is elsewhere when it ends (asked with DSR), the
 * command wrote something, and folio waits for Enter so it can be read.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "folio/browser.h"
#include "folio/format.h"

/* How long a terminal may take to say where its cursor is. */
#define UI_DSR_TIMEOUT_MS 500

/* ---- the article as `folio show` prints it ---- */

/* The whole text in a malloc'd buffer; NULL (and a message) when it cannot be had. */
static char *article_text(struct ui *ui, int64_t id, size_t *len)
{
	struct folio_record r;
	char *err = NULL;
	int rc = folio_store_get(ui->st, id, &r, &err);
	if (rc < 0) {
		ui_store_error(ui, err);
		return NULL;
	}
	if (rc > 0) {
		ui_message(ui, "That article is no longer in the store");
		return NULL;
	}
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	if (!f) {
		folio_record_free(&r);
		ui_message(ui, "out of memory");
		return NULL;
	}
	folio_format_record_text(f, &r);
	folio_record_free(&r);
	bool bad = ferror(f) != 0;
	if (fclose(f) != 0 || bad) {
		free(text);
		ui_message(ui, "out of memory");
		return NULL;
	}
	return text;
}

/* ---- the terminal while the command has it ---- */

static const int handed_signals[] = { SIGINT, SIGQUIT, SIGPIPE, SIGTSTP };
#define NHANDED (sizeof handed_signals / sizeof handed_signals[0])

static void hand_signals(struct sigaction *old)
{
	for (size_t i = 0; i < NHANDED; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		/* ^Z stops folio with the command (one job); curses' handler would repaint over it */
		sa.sa_handler = handed_signals[i] == SIGTSTP ? SIG_DFL : SIG_IGN;
		sigaction(handed_signals[i], &sa, &old[i]);
	}
}

static void restore_signals(const struct sigaction *old)
{
	for (size_t i = 0; i < NHANDED; i++)
		sigaction(handed_signals[i], &old[i], NULL);
}

/*
 * Whether the cursor has left the top-left corner: 1 yes, 0 no, -1 the
 * terminal did not say (treated as yes by the caller, so nothing written
 * goes unseen).
 */
static int cursor_moved(void)
{
	struct termios saved, raw;
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return -1;
	raw = saved;
	raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return -1;
	int result = -1;
	char reply[32];
	size_t n = 0;
	if (write(STDOUT_FILENO, "\033[6n", 4) == 4) {
		struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
		while (n < sizeof reply - 1 && poll(&pfd, 1, UI_DSR_TIMEOUT_MS) > 0) {
			ssize_t got = read(STDIN_FILENO, reply + n, 1);
			if (got <= 0)
				break;
			if (reply[n++] == 'R')
				break;
		}
		reply[n] = '\0';
		int row, col;
		const char *esc = strchr(reply, '\033');
		if (esc && sscanf(esc, "\033[%d;%dR", &row, &col) == 2)
			result = row != 1 || col != 1;
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return result;
}

static void wait_for_enter(void)
{
	static const char prompt[] = "\nPress Enter to return to folio";
	if (write(STDOUT_FILENO, prompt, sizeof prompt - 1) < 0)
		return;
	char c;
	ssize_t got;
	/* the terminal is in the shell's mode: a line arrives when Enter is pressed */
	while ((got = read(STDIN_FILENO, &c, 1)) != 0) {
		if (got < 0 && errno != EINTR)
			break;
		if (got == 1 && (c == '\n' || c == '\r'))
			break;
	}
}

static void write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return; /* EPIPE: the command stopped reading, which is its right */
		p += n;
		len -= (size_t)n;
	}
}

/* Run command with text on its stdin; returns its wait status, or -1 with errno. */
static int run_command(const char *command, const char *text, size_t len)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(fds[0]);
		close(fds[1]);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		for (size_t i = 0; i < NHANDED; i++)
			signal(handed_signals[i], SIG_DFL);
		close(fds[1]);
		if (fds[0] != STDIN_FILENO) {
			dup2(fds[0], STDIN_FILENO);
			close(fds[0]);
		}
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	write_all(fds[1], text, len);
	close(fds[1]);
	int status;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return status;
}

static void run_on_article(struct ui *ui, int64_t id, const char *command)
{
	size_t len = 0;
	char *text = article_text(ui, id, &len);
	if (!text)
		return;
	struct sigaction old[NHANDED];
	def_prog_mode();
	endwin();
	/* a clean screen for the command, so its output is all that shows */
	const char *clear = tigetstr("clear");
	if (clear && clear != (char *)-1)
		putp(clear);
	fflush(stdout);
	hand_signals(old);
	int status = run_command(command, text, len);
	int e = errno;
	free(text);
	if (status != -1 && cursor_moved() != 0)
		wait_for_enter();
	restore_signals(old);
	reset_prog_mode();
	clearok(curscr, TRUE); /* the next frame repaints every cell */
	if (status == -1)
		ui_message(ui, "Cannot run the command: %s", strerror(e));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		ui_message(ui, "command not found (status 127): %s", command);
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		ui_message(ui, "command exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		ui_message(ui, "command killed by signal %d", WTERMSIG(status));
}

/* ---- O: the web address ---- */

void ui_pipe_open_url(struct ui *ui)
{
	int64_t id;
	struct folio_record r;
	char *err = NULL;
	if (!ui_view_target(ui, &id, NULL, NULL)) {
		ui_message(ui, "No article selected");
		return;
	}
	int rc = folio_store_get(ui->st, id, &r, &err);
	if (rc != 0) {
		if (rc < 0)
			ui_store_error(ui, err);
		else
			ui_message(ui, "That article is no longer in the store");
		return;
	}
	char **browsers = r.url ? folio_browser_commands() : NULL;
	if (!r.url) {
		ui_message(ui, "This article has no web address (its page stated none)");
	} else if (!browsers) {
		/* no browser here (an SSH login): the address, to copy */
		ui_message(ui, "%s", r.url);
	} else {
		struct sigaction old[NHANDED];
		def_prog_mode();
		endwin();
		fflush(stdout);
		hand_signals(old);
		int status = -1;
		for (char **b = browsers; *b && status != 0; b++)
			status = folio_browser_run(*b, r.url);
		restore_signals(old);
		reset_prog_mode();
		clearok(curscr, TRUE);
		if (status == 0)
			ui_message(ui, "Opened %s", r.url);
		else
			ui_message(ui, "The browser did not open it: %s", r.url);
	}
	folio_browser_free(browsers);
	folio_record_free(&r);
}

/* ---- the prompt: a UI_PANE_LINE view ---- */

void ui_pipe_pager(struct ui *ui)
{
	int64_t id;
	if (!ui_view_target(ui, &id, NULL, NULL)) {
		ui_message(ui, "No article selected");
		return;
	}
	const char *pager = getenv("PAGER");
	run_on_article(ui, id, pager && *pager ? pager : "less");
}

static int prompt_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	int64_t id;
	if (!ui_view_target(ui, &id, NULL, NULL)) {
		ui_message(ui, "No article selected");
		return -1;
	}
	struct ui_prompt *p = ui_prompt_open(ui, v, "| ");
	if (!p)
		return -1;
	p->id = id; /* the article the command will get */
	return 0;
}

/* Enter: the prompt is gone before the command has the terminal; Up recalls the last. */
static bool prompt_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_prompt *p = v->data;
	int64_t id = p->id;
	char *typed;
	if (ui_prompt_action(ui, v, a, &ui->pipe_last, &typed) && typed && *typed)
		run_on_article(ui, id, typed);
	free(typed);
	return true;
}

const struct ui_view_ops ui_prompt_view = {
	.name = "prompt",
	.opened_by = FOLIO_ACT_PIPE,
	.open = prompt_open,
	.action = prompt_action,
	UI_PROMPT_OPS,
};
