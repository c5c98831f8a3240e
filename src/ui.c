/*
 * ui.c: the reader's terminal, layout and input loop.
 *
 * The screen is a few curses windows (source list, separator, article,
 * status line; a help window over the panes) so each pane is drawn on its
 * own and curses sends only what changed: every frame is wnoutrefresh per
 * window and one doupdate, never clear().  Under UI_NARROW_COLS the list and
 * article windows share the screen and only the focused one is shown.
 *
 * Input is read from a 1x1 window that is never drawn on, with a timeout,
 * so the loop sees the flags set by signal handlers (SIGINT, SIGTERM,
 * SIGHUP only set a flag) within a quarter second, and notices a dead
 * terminal (get_wch failing at once, over and over) instead of spinning.
 * Keys become folio_key values and are looked up through the keymap one
 * sequence at a time ("gg"); the action goes to the help screen, the search
 * bar or the focused pane.
 */
#include "ui_internal.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "folio/text.h"

#define UI_TICK_MS 250
#define UI_ESC_DELAY_MS 100
#define UI_DEAD_TTY_ERRORS 20
#define UI_SEQ_TIMEOUT_MS 1000

static volatile sig_atomic_t ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
}

/* Show a store error on the status line and free it. */
void ui_store_error(struct ui *ui, char *err)
{
	ui_message(ui, "%s", err ? err : "out of memory");
	free(err);
}

/* The display form of a possibly NULL field; NULL only when memory runs out. */
char *ui_display(const char *s)
{
	if (!s)
		s = "";
	return folio_text_display(s, strlen(s), NULL);
}

/*
 * Draw clean text at (y, x) in at most cols columns, ending with "…" when it
 * does not fit; the byte ranges in spans get hl on top of attr.  Returns the
 * columns drawn.
 */
int ui_draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int cols, attr_t attr,
                 const struct folio_span *spans, size_t nspans, attr_t hl,
                 const struct ui *ui)
{
	if (cols <= 0 || !s)
		return 0;
	int width = 0;
	size_t fit = folio_text_fit(s, len, cols, &width);
	bool cut = fit < len;
	if (cut)
		fit = folio_text_fit(s, len, cols - 1, &width);
	if (wmove(w, y, x) == ERR)
		return 0;
	size_t pos = 0, si = 0;
	while (pos < fit) {
		while (si < nspans && spans[si].start + spans[si].len <= pos)
			si++;
		size_t end = fit;
		attr_t a = attr;
		if (si < nspans && spans[si].start <= pos) {
			if (spans[si].start + spans[si].len < end)
				end = spans[si].start + spans[si].len;
			a |= hl;
		} else if (si < nspans && spans[si].start < end) {
			end = spans[si].start;
		}
		wattrset(w, a);
		waddnstr(w, s + pos, (int)(end - pos));
		pos = end;
	}
	if (cut) {
		wattrset(w, attr);
		waddstr(w, ui->ellipsis);
		width++;
	}
	wattrset(w, A_NORMAL);
	return width;
}

/* ---- layout ---- */

static void delete_windows(struct ui *ui)
{
	WINDOW **wins[] = { &ui->list_win, &ui->art_win, &ui->sep_win, &ui->status_win,
	                    &ui->help_win };
	for (size_t i = 0; i < sizeof wins / sizeof wins[0]; i++) {
		if (*wins[i])
			delwin(*wins[i]);
		*wins[i] = NULL;
	}
}

static WINDOW *pane(int h, int w, int y, int x)
{
	WINDOW *win = newwin(h, w, y, x);
	if (win) {
		idlok(win, TRUE);
		scrollok(win, FALSE);
	}
	return win;
}

/*
 * The list pane's width on a wide screen: half the screen while the list
 * has the keyboard (titles and snippets are being read), less while an
 * article is being read.
 */
static int list_width(const struct ui *ui)
{
	bool choosing = ui->focus == UI_FOCUS_LIST || !ui->art.open;
	int lw = choosing ? ui->cols / 2 : ui->cols * 3 / 8;
	int max = choosing ? 60 : 44;
	if (lw < 28)
		lw = 28;
	return lw > max ? max : lw;
}

/* Make the windows for the current size (and the search state). */
static void layout(struct ui *ui)
{
	delete_windows(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
	ui->narrow = ui->cols < UI_NARROW_COLS;
	if (ui->rows < 1 || ui->cols < 1)
		return;
	if (ui->too_small) {
		ui->status_win = newwin(ui->rows, ui->cols, 0, 0);
		return;
	}
	int h = ui->rows - 1;
	if (ui->narrow) {
		ui->list_win = pane(h, ui->cols, 0, 0);
		ui->art_win = pane(h, ui->cols, 0, 0);
	} else {
		int lw = list_width(ui);
		ui->list_win = pane(h, lw, 0, 0);
		ui->sep_win = newwin(h, 1, 0, lw);
		ui->art_win = pane(h, ui->cols - lw - 1, 0, lw + 1);
	}
	ui->status_win = newwin(1, ui->cols, ui->rows - 1, 0);
	ui->help_win = pane(h, ui->cols, 0, 0);
	if (!ui->list_win || !ui->art_win || !ui->status_win || !ui->help_win ||
	    (!ui->narrow && !ui->sep_win)) {
		delete_windows(ui);
		ui->too_small = true;
		ui->status_win = newwin(ui->rows, ui->cols, 0, 0);
	}
}

/* ---- drawing ---- */

/*
 * Append "KEY:label" for the first key bound to action ("<Enter>" shown as
 * "Enter"); nothing when the action has no key.
 */
static void key_hint(const struct ui *ui, unsigned ctx, enum folio_action action,
                     const char *label, char *buf, size_t size)
{
	char keys[64];
	if (folio_keymap_describe(ui->km, ctx, action, keys, sizeof keys) == 0)
		return;
	size_t n = strcspn(keys, ",");
	keys[n] = '\0';
	const char *k = keys;
	if (n > 2 && keys[0] == '<' && keys[n - 1] == '>') {
		keys[n - 1] = '\0';
		k = keys + 1;
	}
	size_t used = strlen(buf);
	snprintf(buf + used, size - used, "%s:%s", k, label);
}

static unsigned current_context(const struct ui *ui);

static void draw_status(struct ui *ui)
{
	WINDOW *w = ui->status_win;
	int cols = ui->cols;
	char right[128] = "";
	char pending[64] = "";
	wbkgdset(w, ' ' | ui->attr_status);
	werase(w);

	if (ui->help) {
		snprintf(right, sizeof right, "j/k:scroll  q:close help");
	} else if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open) {
		char a[48], l[64] = "";
		ui_article_status(ui, a, sizeof a);
		if (ui->search.active && ui->art.from_search)
			ui_search_status(ui, l, sizeof l);
		else
			ui_list_status(ui, l, sizeof l);
		snprintf(right, sizeof right, "%s%s%s", l, *l ? "  " : "", a);
	} else if (ui->search.active) {
		ui_search_status(ui, right, sizeof right);
	} else {
		ui_list_status(ui, right, sizeof right);
	}
	if (!ui->help) {
		size_t n = strlen(right);
		if (n)
			snprintf(right + n, sizeof right - n, "  ");
		key_hint(ui, FOLIO_CTX_GLOBAL, FOLIO_ACT_HELP, "help", right, sizeof right);
	}
	for (size_t i = 0; i < ui->nseq; i++) {
		size_t n = strlen(pending);
		folio_key_name(ui->seq[i], pending + n, sizeof pending - n);
	}

	bool editing = ui->search.editing && !ui->help;
	if (editing && ui->message[0]) {
		/* the bar has the left: a message ("No articles match") takes the counts' place */
		char *msg = ui_display(ui->message);
		if (msg)
			snprintf(right, sizeof right, "%s", msg);
		free(msg);
	}
	int rw = folio_text_width(right, strlen(right));
	/* On a narrow line the left part (bar, message) wins over the counts. */
	int left_min = editing ? 12 : (ui->message[0] ? cols : 0);
	if (rw + 1 > cols - left_min)
		rw = 0;
	if (rw > 0)
		ui_draw_text(w, 0, cols - rw, right, strlen(right), rw, ui->attr_status, NULL, 0, 0, ui);
	int lcols = cols - (rw ? rw + 1 : 0);
	int cursor_x = -1;
	if (editing) {
		cursor_x = ui_search_draw_bar(ui, w, lcols);
	} else if (ui->message[0]) {
		/* messages can quote file names and the store's words: clean them like article text */
		char *msg = ui_display(ui->message);
		if (msg)
			ui_draw_text(w, 0, 0, msg, strlen(msg), lcols, ui->attr_status | A_BOLD, NULL, 0,
			             0, ui);
		free(msg);
	} else if (pending[0]) {
		ui_draw_text(w, 0, 0, pending, strlen(pending), lcols, ui->attr_status, NULL, 0, 0, ui);
	} else if (ui->search.active && !ui->help) {
		ui_search_draw_bar(ui, w, lcols);
	} else if (!ui->help) {
		/* what a newcomer most needs next, with the keys this keymap really uses */
		char hint[96] = "";
		unsigned ctx = current_context(ui);
		if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open) {
			key_hint(ui, ctx, FOLIO_ACT_PAGE_DOWN, "page  ", hint, sizeof hint);
			key_hint(ui, ctx, FOLIO_ACT_BACK, "back", hint, sizeof hint);
		} else {
			key_hint(ui, ctx, FOLIO_ACT_OPEN, "open  ", hint, sizeof hint);
			key_hint(ui, ctx, FOLIO_ACT_SEARCH, "search", hint, sizeof hint);
		}
		if (folio_text_width(hint, strlen(hint)) + 2 <= lcols)
			ui_draw_text(w, 0, 1, hint, strlen(hint), lcols - 1, ui->attr_status, NULL, 0, 0,
			             ui);
	}
	if (cursor_x >= 0) {
		wmove(w, 0, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
}

static void render(struct ui *ui)
{
	if (ui->rows < 1 || ui->cols < 1 || !ui->status_win)
		return;
	/* First, so a resize that touched the input window cannot blank a cell later. */
	wnoutrefresh(ui->input);
	if (ui->too_small) {
		WINDOW *w = ui->status_win;
		werase(w);
		const char *msg = "terminal too small";
		int y = ui->rows / 2;
		ui_draw_text(w, y, 0, msg, strlen(msg), ui->cols, A_NORMAL, NULL, 0, 0, ui);
		curs_set(0);
		wnoutrefresh(w);
		doupdate();
		return;
	}
	if (!ui->narrow && getmaxx(ui->list_win) != list_width(ui)) {
		layout(ui);
		if (ui->too_small || !ui->list_win)
			return;
	}
	if (ui->help) {
		werase(ui->help_win);
		ui_help_draw(ui, ui->help_win);
		wnoutrefresh(ui->help_win);
	} else {
		bool show_list = !ui->narrow || ui->focus == UI_FOCUS_LIST;
		bool show_art = !ui->narrow || ui->focus == UI_FOCUS_ARTICLE;
		if (show_list) {
			werase(ui->list_win);
			if (ui->search.active)
				ui_search_draw_results(ui, ui->list_win);
			else
				ui_list_draw(ui, ui->list_win);
			wnoutrefresh(ui->list_win);
		}
		if (ui->sep_win) {
			werase(ui->sep_win);
			wattrset(ui->sep_win, ui->attr_dim);
			mvwvline(ui->sep_win, 0, 0, ACS_VLINE, ui->rows - 1);
			wattrset(ui->sep_win, A_NORMAL);
			wnoutrefresh(ui->sep_win);
		}
		if (show_art) {
			werase(ui->art_win);
			ui_article_draw(ui, ui->art_win);
			wnoutrefresh(ui->art_win);
		}
	}
	draw_status(ui);
	/* Last, so the terminal's cursor ends in the search bar when it is open. */
	wnoutrefresh(ui->status_win);
	doupdate();
}

/* ---- views ---- */

void ui_show_list(struct ui *ui)
{
	ui->focus = UI_FOCUS_LIST;
}

/* Open an article in the article pane, marking it read. */
void ui_open_article(struct ui *ui, int64_t id, bool from_search)
{
	const struct folio_query *q = from_search && ui->search.have_q ? &ui->search.q : NULL;
	if (ui_article_load(ui, id, q) != 0)
		return;
	ui->art.from_search = from_search;
	ui->focus = UI_FOCUS_ARTICLE;
	if (!ui->art.read) {
		char *err = NULL;
		if (folio_store_set_read(ui->st, id, true, &err) != 0) {
			ui_store_error(ui, err);
			return;
		}
		ui->art.read = true;
		ui_list_set_state(ui, id, true, ui->art.flagged);
		ui_search_set_state(ui, id, true, ui->art.flagged);
		ui_list_reload_sources(ui);
	}
	if (q && ui->art.nmatches > 0)
		ui_message(ui, "%zu match%s: n/N to jump", ui->art.nmatches,
		           ui->art.nmatches == 1 ? "" : "es");
}

/* r and F: on the open article in the article pane, else on the selected row. */
static void toggle_state(struct ui *ui, bool flag)
{
	int64_t id;
	bool read, flagged;
	if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open) {
		id = ui->art.id;
		read = ui->art.read;
		flagged = ui->art.flagged;
	} else if (ui->search.active) {
		if (ui->search.sel >= ui->search.nhits) {
			ui_message(ui, "No article selected");
			return;
		}
		const struct ui_hit *h = &ui->search.hits[ui->search.sel];
		id = h->id;
		read = h->read;
		flagged = h->flagged;
	} else {
		const struct ui_list *l = &ui->list;
		if (l->cur.art == UI_SOURCE_ROW || l->cur.src != l->exp) {
			ui_message(ui, "No article selected");
			return;
		}
		const struct ui_row *r = &l->rows[l->cur.art - l->base];
		id = r->id;
		read = r->read;
		flagged = r->flagged;
	}
	char *err = NULL;
	int rc = flag ? folio_store_set_flagged(ui->st, id, !flagged, &err)
	              : folio_store_set_read(ui->st, id, !read, &err);
	if (rc != 0) {
		ui_store_error(ui, err);
		return;
	}
	if (flag)
		flagged = !flagged;
	else
		read = !read;
	if (ui->art.open && ui->art.id == id) {
		ui->art.read = read;
		ui->art.flagged = flagged;
	}
	ui_list_set_state(ui, id, read, flagged);
	ui_search_set_state(ui, id, read, flagged);
	ui_list_reload_sources(ui);
	ui_message(ui, "%s", flag ? (flagged ? "Flagged" : "Flag removed")
	                          : (read ? "Marked read" : "Marked unread"));
}

/* J/K/]/[ from the article pane: open the neighbour in the list it came from. */
static void step_article(struct ui *ui, int dir, bool unread_only)
{
	int64_t id;
	bool found;
	if (ui->art.open && ui->art.from_search && ui->search.active)
		found = ui_search_step(ui, dir, unread_only, &id);
	else
		found = ui_list_step(ui, dir, unread_only, &id);
	if (!found) {
		if (!ui->message[0])
			ui_message(ui, "No %s %sarticle", dir > 0 ? "next" : "previous",
			           unread_only ? "unread " : "");
		return;
	}
	if (ui->focus == UI_FOCUS_ARTICLE)
		ui_open_article(ui, id, ui->art.from_search && ui->search.active);
}

static void switch_pane(struct ui *ui)
{
	if (ui->focus == UI_FOCUS_LIST) {
		if (ui->art.open)
			ui->focus = UI_FOCUS_ARTICLE;
		else
			ui_message(ui, "No article open: Enter opens the selected one");
	} else {
		ui->focus = UI_FOCUS_LIST;
	}
}

static void dispatch(struct ui *ui, enum folio_action a)
{
	if (ui->help) {
		ui_help_action(ui, a);
		return;
	}
	switch (a) {
	case FOLIO_ACT_QUIT:
		ui->quit = true;
		return;
	case FOLIO_ACT_HELP:
		ui->help = true;
		ui->help_top = 0;
		return;
	case FOLIO_ACT_REDRAW:
		clearok(curscr, TRUE);
		return;
	case FOLIO_ACT_SEARCH:
		ui_search_open(ui);
		return;
	case FOLIO_ACT_REFRESH:
		ui_list_refresh(ui);
		ui_message(ui, "Sources and counts reloaded");
		return;
	default:
		break;
	}
	if (ui->search.editing && ui_search_edit_action(ui, a))
		return;
	switch (a) {
	case FOLIO_ACT_SWITCH_PANE:
		switch_pane(ui);
		return;
	case FOLIO_ACT_TOGGLE_READ:
	case FOLIO_ACT_TOGGLE_FLAG:
		toggle_state(ui, a == FOLIO_ACT_TOGGLE_FLAG);
		return;
	case FOLIO_ACT_NEXT_ARTICLE:
	case FOLIO_ACT_PREV_ARTICLE:
	case FOLIO_ACT_NEXT_UNREAD:
	case FOLIO_ACT_PREV_UNREAD:
		step_article(ui,
		             a == FOLIO_ACT_NEXT_ARTICLE || a == FOLIO_ACT_NEXT_UNREAD ? 1 : -1,
		             a == FOLIO_ACT_NEXT_UNREAD || a == FOLIO_ACT_PREV_UNREAD);
		return;
	case FOLIO_ACT_SEARCH_CANCEL:
		if (ui->search.active) {
			ui_search_close(ui);
			return;
		}
		break;
	default:
		break;
	}
	if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open)
		ui_article_action(ui, a);
	else if (ui->search.active)
		ui_search_results_action(ui, a);
	else
		ui_list_action(ui, a);
}

static unsigned current_context(const struct ui *ui)
{
	if (ui->search.editing && !ui->help)
		return FOLIO_CTX_SEARCH;
	if (ui->focus == UI_FOCUS_ARTICLE && !ui->help)
		return FOLIO_CTX_ARTICLE;
	return FOLIO_CTX_SOURCES;
}

static bool is_text_key(folio_key k)
{
	return k >= 32 && k != 127 && k < FOLIO_KEY_SPECIAL;
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

static void handle_key(struct ui *ui, folio_key k)
{
	enum folio_action a = FOLIO_ACT_NONE;
	if (ui->search.editing && !ui->help && ui->nseq == 0 && is_text_key(k)) {
		/* a character types itself unless the search context binds it */
		if (folio_keymap_lookup(ui->km, FOLIO_CTX_SEARCH, &k, 1, &a) == FOLIO_KEY_BOUND)
			dispatch(ui, a);
		else
			ui_search_insert(ui, k);
		return;
	}
	ui->seq[ui->nseq++] = k;
	switch (folio_keymap_lookup(ui->km, current_context(ui), ui->seq, ui->nseq, &a)) {
	case FOLIO_KEY_BOUND:
		ui->nseq = 0;
		dispatch(ui, a);
		break;
	case FOLIO_KEY_PARTIAL:
		/* wait for the next key; what these keys mean alone runs if it does not continue them */
		ui->pending = a;
		clock_gettime(CLOCK_MONOTONIC, &ui->pending_since);
		if (ui->nseq == FOLIO_KEY_MAX_SEQ)
			ui->nseq = 0;
		break;
	case FOLIO_KEY_UNBOUND:
		if (ui->nseq > 1) {
			/* "gx": do what g means alone, then read x afresh */
			enum folio_action pending = ui->pending;
			ui->nseq = 0;
			ui->pending = FOLIO_ACT_NONE;
			if (pending != FOLIO_ACT_NONE)
				dispatch(ui, pending);
			if (!ui->quit)
				handle_key(ui, k);
			return;
		}
		ui->nseq = 0;
		if (ui->help) {
			ui->help = false;
		} else if (k == FOLIO_KEY_ESC && ui->search.active) {
			/* Esc leaves a search even where no keymap says so */
			ui_search_close(ui);
		} else if (k != FOLIO_KEY_ESC) {
			char name[32];
			folio_key_name(k, name, sizeof name);
			ui_message(ui, "%s does nothing here; ? lists the keys", name);
		}
		break;
	}
}

/* A sequence left waiting ("g" when "gg" is bound too) runs alone after a pause. */
static void pending_timeout(struct ui *ui)
{
	if (ui->nseq == 0 || elapsed_ms(&ui->pending_since) < UI_SEQ_TIMEOUT_MS)
		return;
	enum folio_action a = ui->pending;
	ui->nseq = 0;
	ui->pending = FOLIO_ACT_NONE;
	if (a != FOLIO_ACT_NONE)
		dispatch(ui, a);
	render(ui);
}

/* ---- input ---- */

static folio_key convert_key(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return FOLIO_KEY_UP;
		case KEY_DOWN: return FOLIO_KEY_DOWN;
		case KEY_LEFT: return FOLIO_KEY_LEFT;
		case KEY_RIGHT: return FOLIO_KEY_RIGHT;
		case KEY_PPAGE: return FOLIO_KEY_PGUP;
		case KEY_NPAGE: return FOLIO_KEY_PGDN;
		case KEY_HOME: return FOLIO_KEY_HOME;
		case KEY_END: return FOLIO_KEY_END;
		case KEY_BTAB: return FOLIO_KEY_STAB;
		case KEY_DC: return FOLIO_KEY_DELETE;
		case KEY_ENTER: return FOLIO_KEY_ENTER;
		case KEY_BACKSPACE: return FOLIO_KEY_BACKSPACE;
		default:
			if (ch >= KEY_F(1) && ch <= KEY_F(12))
				return FOLIO_KEY_F1 + (folio_key)(ch - KEY_F(1));
			return -1;
		}
	}
	switch (ch) {
	case '\r':
	case '\n':
		return FOLIO_KEY_ENTER;
	case 127:
	case 8:
		return FOLIO_KEY_BACKSPACE;
	default:
		return (folio_key)ch;
	}
}

enum read_result { READ_KEY, READ_NONE, READ_RESIZE, READ_DEAD };

/*
 * One key, waiting at most timeout_ms.  Esc followed at once by a key is
 * <M-key>.  A terminal that has gone away makes get_wch fail immediately;
 * many such failures in a row end the reader.
 */
static enum read_result read_key(struct ui *ui, int timeout_ms, folio_key *key)
{
	static int fast_errors;
	wint_t ch;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	wtimeout(ui->input, timeout_ms);
	errno = 0;
	int rc = wget_wch(ui->input, &ch);
	if (rc == ERR) {
		bool fast = elapsed_ms(&start) < timeout_ms / 2 || errno == EIO;
		if (timeout_ms > 0 && fast && errno != EINTR)
			fast_errors++;
		else
			fast_errors = 0;
		if (fast_errors >= UI_DEAD_TTY_ERRORS || (fast && !isatty(STDIN_FILENO)))
			return READ_DEAD;
		return READ_NONE;
	}
	fast_errors = 0;
	if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
		return READ_RESIZE;
	folio_key k = convert_key(rc, ch);
	if (k < 0)
		return READ_NONE;
	if (k == FOLIO_KEY_ESC) {
		wint_t next;
		wtimeout(ui->input, 0);
		int rc2 = wget_wch(ui->input, &next);
		if (rc2 != ERR) {
			folio_key k2 = rc2 == KEY_CODE_YES && next == KEY_RESIZE ? -1 : convert_key(rc2, next);
			if (k2 >= 0 && k2 != FOLIO_KEY_ESC) {
				*key = k2 | FOLIO_KEY_META;
				return READ_KEY;
			}
			if (rc2 == KEY_CODE_YES)
				ungetch((int)next);
			else
				unget_wch((wchar_t)next);
		}
	}
	*key = k;
	return READ_KEY;
}

/* ---- set-up and the loop ---- */

static int set_err(char **err, const char *msg)
{
	if (err)
		*err = strdup(msg);
	return -1;
}

static void init_attrs(struct ui *ui)
{
	ui->attr_match = A_BOLD | A_UNDERLINE;
	ui->attr_cur_match = A_REVERSE | A_BOLD;
	ui->attr_dim = A_NORMAL;
	ui->attr_status = A_REVERSE;
	const char *no_color = getenv("NO_COLOR");
	if ((no_color && *no_color) || !has_colors())
		return;
	if (start_color() == ERR)
		return;
	use_default_colors();
	if (COLORS >= 8 && COLOR_PAIRS >= 3) {
		init_pair(1, COLOR_YELLOW, -1);
		init_pair(2, COLOR_CYAN, -1);
		ui->attr_match |= COLOR_PAIR(1);
		ui->attr_dim = COLOR_PAIR(2);
	}
}

static void install_signals(struct sigaction *old)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
}

static void restore_signals(const struct sigaction *old)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
}

static void ui_free(struct ui *ui)
{
	ui_list_free(&ui->list);
	ui_article_free(&ui->art);
	ui_search_free(&ui->search);
}

int folio_ui_run(struct folio_store *st, const struct folio_keymap *km,
                 const struct folio_ui_options *opts, char **err)
{
	if (err)
		*err = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return set_err(err, "the reader needs a terminal (stdin and stdout must be a tty)");
	const char *term = getenv("TERM");
	if (!term || !*term)
		return set_err(err, "TERM is not set: the reader needs to know the terminal type");

	struct ui ui;
	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.km = km;
	ui.art.cur_match = -1;

	struct sigaction old[3];
	ui_signal = 0;
	install_signals(old); /* before curses, so it leaves them to us */
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		restore_signals(old);
		char msg[160];
		snprintf(msg, sizeof msg, "unknown terminal type '%s'", term);
		return set_err(err, msg);
	}
	char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		restore_signals(old);
		return set_err(err, "this terminal cannot move the cursor; the reader needs one that can");
	}
	if (!getenv("ESCDELAY"))
		set_escdelay(UI_ESC_DELAY_MS);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	init_attrs(&ui);
	refresh(); /* stdscr is never drawn on: refresh it once so it never is */
	ui.input = newwin(1, 1, 0, 0);
	int rc = 0;
	if (!ui.input) {
		rc = set_err(err, "out of memory");
		goto out;
	}
	keypad(ui.input, TRUE);
	/* In an ASCII-only locale "…" would show as "?", which reads as part of the text. */
	char *dots = ui_display("\u2026");
	if (!dots) {
		rc = set_err(err, "out of memory");
		goto out;
	}
	bool ascii = strcmp(dots, "\u2026") != 0;
	free(dots);
	ui.ellipsis = ascii ? "~" : "\u2026";
	ui.separator = ascii ? " - " : " \u00b7 ";
	ui_search_init(&ui);
	if (ui_list_init(&ui) != 0) {
		/* the message is on the status line already; the reader still runs */
	}
	if (opts && opts->startup_message)
		ui_message(&ui, "%s", opts->startup_message);
	layout(&ui);
	render(&ui);

	while (!ui.quit && !ui_signal) {
		folio_key k;
		int timeout = ui.search.dirty ? 0 : UI_TICK_MS;
		enum read_result r = read_key(&ui, timeout, &k);
		if (r == READ_DEAD)
			break;
		if (r == READ_NONE) {
			pending_timeout(&ui);
			if (ui.search.dirty) {
				ui_search_run(&ui);
				render(&ui);
			}
			continue;
		}
		/* keys already typed are all handled before the screen is drawn once */
		while (!ui.quit && (r == READ_KEY || r == READ_RESIZE)) {
			if (r == READ_RESIZE) {
				layout(&ui);
			} else {
				ui.message[0] = '\0';
				handle_key(&ui, k);
			}
			r = ui.quit ? READ_NONE : read_key(&ui, 0, &k);
		}
		if (!ui.quit)
			render(&ui);
		if (r == READ_DEAD)
			break;
	}

out:
	if (ui.input)
		delwin(ui.input);
	delete_windows(&ui);
	endwin();
	delscreen(screen);
	restore_signals(old);
	ui_free(&ui);
	return rc;
}
