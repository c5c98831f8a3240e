/*
 * ui_test.c: the reader's test hooks, and its clock.
 *
 * Tests wait for states, never for time, so the reader can tell them what
 * state it is in.  Two environment variables, both unset in normal use (then
 * nothing here runs but ui_clock(), a plain CLOCK_MONOTONIC read):
 *
 * FOLIO_TEST_SCRIPT=FILE  the reader runs with no terminal at all (curses
 *     writes to /dev/null, the size comes from LINES and COLUMNS) and reads
 *     its keys from FILE, a file or a FIFO, one line at a time:
 *         j j <Enter>      keys, named as in keymap files, all typed at once
 *         :type TEXT       TEXT typed a character at a time (spaces too)
 *         :wait MS         MS milliseconds pass with no key: timers due run
 *                          (the clock is the script's, so no timer fires
 *                          unless a script says time has passed)
 *         :resize COLS ROWS
 *         :click X Y       the mouse: a click at column X, line Y (from 0);
 *         :double X Y      a double click;  :wheel up|down X Y  the wheel
 *         :screen FILE     write the screen's text to FILE, one line a row,
 *                          trailing spaces cut (as `tmux capture-pane -p`)
 *         :attrs FILE      the same with {ATTRS} before each change of
 *                          attributes: B bold, U underline, R reverse,
 *                          D dim, a number for a colour pair, {} for none
 *         # a comment
 *     Each line is handled, and the screen drawn, before the next is read,
 *     so a :screen after keys shows what they did.  The end of FILE is a
 *     hang-up: the reader ends, saying so on stderr (a test can tell that
 *     from a quit).  A bad line ends folio with status 70.
 *
 * FOLIO_TEST_SYNC=FILE  on a real terminal, after each time the screen is
 *     drawn, FILE is replaced (atomically) with "keys N" (keys read so far,
 *     an Alt-key counting as the Esc and the key tmux sends for it),
 *     "size COLSxROWS", then the screen as :screen writes it.  A test that
 *     counts the keys it sent waits until folio has read them and its
 *     terminal shows that screen.
 */
#include "folio/folio.h"

#include "folio/cli.h"
#include "ui_internal.h"

#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <wchar.h>

#define SCRIPT_MAX_KEYS 1024

static struct {
	bool checked, scripted;
	FILE *in;
	const char *name;
	unsigned line;
	folio_key keys[SCRIPT_MAX_KEYS];
	size_t nkeys, next;
	long clock_ms; /* the script's clock: moved only by :wait */
} script;

bool ui_test_scripted(void)
{
	if (!script.checked) {
		const char *f = getenv("FOLIO_TEST_SCRIPT");
		script.checked = true;
		script.scripted = f && *f;
		script.name = f;
	}
	return script.scripted;
}

void ui_clock(struct timespec *now)
{
	if (!ui_test_scripted()) {
		clock_gettime(CLOCK_MONOTONIC, now);
		return;
	}
	now->tv_sec = script.clock_ms / 1000;
	now->tv_nsec = script.clock_ms % 1000 * 1000000;
}

/* curses on /dev/null, keys from the script; NULL when either cannot be opened. */
SCREEN *ui_test_newterm(void)
{
	script.in = fopen(script.name, "r");
	if (!script.in)
		return NULL;
	FILE *out = fopen("/dev/null", "w");
	FILE *in = fopen("/dev/null", "r");
	SCREEN *s = out && in ? newterm(NULL, out, in) : NULL;
	if (!s) {
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		fclose(script.in);
		script.in = NULL;
	}
	return s; /* the two /dev/null streams live as long as the process */
}

/* ---- the screen as text ---- */

/*
 * Box-drawing characters curses keeps as line-drawing (ACS) codes, as a
 * UTF-8 terminal shows them; in an ASCII locale the code itself ('x').
 */
static const char *acs_utf8(wchar_t c)
{
	if (MB_CUR_MAX == 1)
		return NULL;
	static const char from[] = "xqlkmjtunwv";
	static const char *const to[] = { "│", "─", "┌", "┐", "└", "┘", "├", "┤", "┼", "┬", "┴" };
	const char *p = c > 0 && c < 128 ? strchr(from, (int)c) : NULL;
	return p ? to[p - from] : NULL;
}

static void put_attrs(FILE *f, attr_t a, short pair)
{
	fputc('{', f);
	if (a & A_BOLD)
		fputc('B', f);
	if (a & A_UNDERLINE)
		fputc('U', f);
	if (a & (A_REVERSE | A_STANDOUT))
		fputc('R', f);
	if (a & A_DIM)
		fputc('D', f);
	if (pair)
		fprintf(f, "%d", pair);
	fputc('}', f);
}

/* What the terminal shows now (curses' copy of it), rows of text. */
static void write_screen(FILE *f, bool attrs)
{
	int cy, cx, rows, cols;
	getyx(curscr, cy, cx);
	getmaxyx(curscr, rows, cols);
	char *line = NULL;
	size_t size = 0;
	for (int y = 0; y < rows; y++) {
		FILE *lf = open_memstream(&line, &size);
		if (!lf)
			break;
		attr_t last_a = 0;
		short last_pair = 0;
		for (int x = 0; x < cols;) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t a = 0;
			short pair = 0;
			if (mvwin_wch(curscr, y, x, &cc) == ERR || getcchar(&cc, wch, &a, &pair, NULL) == ERR)
				break;
			a &= A_BOLD | A_UNDERLINE | A_REVERSE | A_STANDOUT | A_DIM | A_ALTCHARSET;
			if (attrs && ((a & ~A_ALTCHARSET) != (last_a & ~A_ALTCHARSET) || pair != last_pair))
				put_attrs(lf, a, pair);
			last_a = a;
			last_pair = pair;
			const char *acs = a & A_ALTCHARSET ? acs_utf8(wch[0]) : NULL;
			if (acs)
				fputs(acs, lf);
			for (int i = 0; !acs && i < CCHARW_MAX && wch[i]; i++) {
				char mb[MB_LEN_MAX];
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t n = wcrtomb(mb, wch[i], &st);
				fwrite(n == (size_t)-1 ? "?" : mb, 1, n == (size_t)-1 ? 1 : n, lf);
			}
			int w = wcwidth(wch[0]);
			x += w > 1 ? w : 1;
		}
		if (fclose(lf) != 0)
			break;
		size_t n = strlen(line);
		while (n > 0 && line[n - 1] == ' ')
			n--;
		fprintf(f, "%.*s\n", (int)n, line);
		free(line);
		line = NULL;
	}
	free(line);
	wmove(curscr, cy, cx); /* curses takes curscr's cursor for the terminal's */
}

static void dump_to(const char *path, bool attrs)
{
	FILE *f = fopen(path, "w");
	if (f) {
		write_screen(f, attrs);
		fclose(f);
	}
}

void ui_test_drawn(const struct ui *ui)
{
	static const char *sync;
	static bool checked;
	if (!checked) {
		sync = getenv("FOLIO_TEST_SYNC");
		checked = true;
	}
	if (!sync || !*sync)
		return;
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", sync);
	FILE *f = fopen(tmp, "w");
	if (!f)
		return;
	fprintf(f, "keys %lu\nsize %dx%d\n", ui->nkeys, COLS, LINES);
	write_screen(f, false);
	if (fclose(f) == 0)
		rename(tmp, sync);
}

/* ---- the script ---- */

static struct ui_mouse script_mouse; /* what :click, :double or :wheel did */

static void script_error(const char *what, const char *text)
{
	folio_warn("%s:%u: %s: %s", script.name, script.line, what, text);
	fflush(stderr);
	_exit(70);
}

static void add_keys(const char *word)
{
	size_t n = folio_key_parse(word, script.keys + script.nkeys, SCRIPT_MAX_KEYS - script.nkeys);
	if (n == 0)
		script_error("not a key (or too many keys on one line)", word);
	script.nkeys += n;
}

static void type_text(const char *text)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t len = strlen(text);
	while (len > 0) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, text, len, &st);
		if (n == 0 || n > len || script.nkeys == SCRIPT_MAX_KEYS)
			script_error("cannot type", text);
		script.keys[script.nkeys++] = (folio_key)wc;
		text += n;
		len -= n;
	}
}

/* Handle one line; returns true when it ends the read (r says how). */
static bool run_line(char *s, enum ui_read *r)
{
	char *arg = strchr(s, ' ');
	if (arg)
		*arg++ = '\0';
	if (strcmp(s, ":type") == 0) {
		type_text(arg ? arg : "");
		return false;
	}
	if (strcmp(s, ":wait") == 0) {
		long ms = arg ? strtol(arg, NULL, 10) : 0;
		if (ms <= 0)
			script_error("not a number of milliseconds", arg ? arg : "");
		script.clock_ms += ms;
		*r = UI_READ_NONE;
		return true;
	}
	if (strcmp(s, ":resize") == 0) {
		int cols = 0, rows = 0;
		if (!arg || sscanf(arg, "%d %d", &cols, &rows) != 2 || cols < 1 || rows < 1)
			script_error("want :resize COLS ROWS", arg ? arg : "");
		resizeterm(rows, cols);
		*r = UI_READ_RESIZE;
		return true;
	}
	if (strcmp(s, ":click") == 0 || strcmp(s, ":double") == 0 || strcmp(s, ":wheel") == 0) {
		char dir[8] = "";
		int x = -1, y = -1;
		bool wheel = s[1] == 'w';
		if (!arg || (wheel ? sscanf(arg, "%7s %d %d", dir, &x, &y) != 3
		                   : sscanf(arg, "%d %d", &x, &y) != 2) ||
		    x < 0 || y < 0 || (wheel && strcmp(dir, "up") != 0 && strcmp(dir, "down") != 0))
			script_error("want :click X Y, :double X Y or :wheel up|down X Y", arg ? arg : "");
		script_mouse.kind = wheel ? (dir[0] == 'u' ? UI_MOUSE_WHEEL_UP : UI_MOUSE_WHEEL_DOWN)
		                    : s[1] == 'c' ? UI_MOUSE_CLICK : UI_MOUSE_DOUBLE;
		script_mouse.x = x;
		script_mouse.y = y;
		*r = UI_READ_MOUSE;
		return true;
	}
	if (strcmp(s, ":screen") == 0 || strcmp(s, ":attrs") == 0) {
		if (!arg)
			script_error("no file to write the screen to", s);
		dump_to(arg, s[1] == 'a');
		return false;
	}
	if (s[0] == ':')
		script_error("unknown command", s);
	if (arg)
		arg[-1] = ' ';
	for (char *w = strtok(s, " \t"); w; w = strtok(NULL, " \t"))
		add_keys(w);
	return false;
}

/*
 * The next key of the script.  Keys of one line are all there at once; once
 * they are read, "no key now" (timeout 0) lets the loop draw the screen, and
 * only a wait for a key (timeout > 0) reads the next line.
 */
enum ui_read ui_test_read(struct ui *ui, int timeout_ms, folio_key *key)
{
	if (script.next < script.nkeys) {
		*key = script.keys[script.next++];
		ui->nkeys++;
		return UI_READ_KEY;
	}
	script.nkeys = script.next = 0;
	if (timeout_ms == 0)
		return UI_READ_NONE;
	char *buf = NULL;
	size_t size = 0;
	enum ui_read r = UI_READ_DEAD;
	for (;;) {
		errno = 0;
		ssize_t n = getline(&buf, &size, script.in);
		if (n < 0 && errno == EINTR) { /* a signal: the loop looks at its flag */
			clearerr(script.in);
			r = UI_READ_NONE;
			break;
		}
		if (n < 0) {
			folio_warn("%s: the script ended before the reader quit", script.name);
			break;
		}
		script.line++;
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = '\0';
		if (n == 0 || buf[0] == '#')
			continue;
		if (run_line(buf, &r)) {
			if (r == UI_READ_MOUSE)
				ui->mouse = script_mouse;
			break;
		}
		if (script.nkeys > 0) {
			*key = script.keys[script.next++];
			ui->nkeys++;
			r = UI_READ_KEY;
			break;
		}
	}
	free(buf);
	return r;
}
