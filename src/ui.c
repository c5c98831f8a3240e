/*
 * ui.c: the reader's terminal, layout and input loop.
 *
 * The screen is a few curses windows (source list, separator, article,
 * status line; a help window over the panes) so each pane is drawn on its
 * own and curses sends only what changed: every frame is wnoutrefresh per
 * window and one doupdate, never clear().  Under UI_NARROW_COLS the list and
 * article windows share the screen and only the focused one is shown; so
 * they do under UI_READ_SPLIT_COLS while an article is read, because only a
 * full-width pane lets curses scroll with the terminal (idlok) instead of
 * repainting the pane for every line.
 *
 * Input is read from a 1x1 window that is never drawn on, with a timeout,
 * so the loop sees the flags set by signal handlers (SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT only set a flag) within a quarter second, and notices a dead
 * terminal (get_wch failing at once, over and over) instead of spinning.
 * Keys become folio_key values and are looked up through the keymap one
 * sequence at a time ("gg"); the action goes to the help screen, the search
 * bar or the focused pane.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#define UI_TICK_MS 250
#define UI_ESC_DELAY_MS 100
#define UI_SEQ_TIMEOUT_MS 1000

static volatile sig_atomic_t ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
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

/*
 * One pane at a time: on a narrow screen, and while an article is read on
 * a screen too narrow for the list beside it to be worth what it costs (a
 * pane that is not full width cannot use the terminal's scrolling, so each
 * line scrolled repaints the pane).
 */
static bool single_pane(const struct ui *ui)
{
	if (ui->cols < UI_NARROW_COLS)
		return true;
	return ui->cols < UI_READ_SPLIT_COLS && ui->focus == UI_FOCUS_ARTICLE && ui->art.open;
}

/* Make the windows for the current size and focus; too small, only one for a message. */
static void layout(struct ui *ui)
{
	delete_windows(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
	ui->narrow = single_pane(ui);
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
		ui_test_drawn(ui);
		return;
	}
	if (single_pane(ui) != ui->narrow ||
	    (!ui->narrow && getmaxx(ui->list_win) != list_width(ui))) {
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
	ui_status_draw(ui);
	/* Last, so the terminal's cursor ends in the search bar when it is open. */
	wnoutrefresh(ui->status_win);
	doupdate();
	ui_test_drawn(ui);
}

/* ---- views ---- */

/* Open an article in the article pane, marking it read. */
void ui_open_article(struct ui *ui, int64_t id, bool from_search)
{
	const struct folio_query *q = from_search && ui->search.have_q ? &ui->search.q : NULL;
	if (ui_article_load(ui, id, q) != 0)
		return;
	ui->art.from_search = from_search;
	ui->focus = UI_FOCUS_ARTICLE;
	if (!ui->art.read)
		ui_marks_set(ui, id, true, ui->art.flagged);
	if (q && ui->art.nmatches > 0)
		ui_message(ui, "%zu match%s: n/N to jump", ui->art.nmatches,
		           ui->art.nmatches == 1 ? "" : "es");
}

bool ui_target_article(const struct ui *ui, int64_t *id, bool *read, bool *flagged)
{
	bool r, f;
	if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open) {
		*id = ui->art.id;
		r = ui->art.read;
		f = ui->art.flagged;
	} else if (ui->search.active) {
		if (ui->search.sel >= ui->search.nhits)
			return false;
		const struct ui_hit *h = &ui->search.hits[ui->search.sel];
		*id = h->id;
		r = h->read;
		f = h->flagged;
	} else {
		const struct ui_list *l = &ui->list;
		if (l->cur.art == UI_SOURCE_ROW || l->cur.src != l->exp)
			return false;
		const struct ui_row *row = &l->rows[l->cur.art - l->base];
		*id = row->id;
		r = row->read;
		f = row->flagged;
	}
	if (read)
		*read = r;
	if (flagged)
		*flagged = f;
	return true;
}

/* r and F: on the open article in the article pane, else on the selected row. */
static void toggle_state(struct ui *ui, bool flag)
{
	int64_t id;
	bool read, flagged;
	if (!ui_target_article(ui, &id, &read, &flagged)) {
		ui_message(ui, "No article selected");
		return;
	}
	if (flag)
		flagged = !flagged;
	else
		read = !read;
	/* the message first: a store that cannot take the mark says so over it */
	ui_message(ui, "%s", flag ? (flagged ? "Flagged" : "Flag removed")
	                          : (read ? "Marked read" : "Marked unread"));
	ui_marks_set(ui, id, read, flagged);
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
	if (ui->prompt.active) {
		if (a == FOLIO_ACT_REDRAW)
			clearok(curscr, TRUE);
		else
			ui_pipe_action(ui, a);
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
	case FOLIO_ACT_PIPE:
	case FOLIO_ACT_PAGER:
		ui_pipe_open(ui, a);
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

unsigned ui_current_context(const struct ui *ui)
{
	if ((ui->search.editing || ui->prompt.active) && !ui->help)
		return FOLIO_CTX_SEARCH;
	if (ui->focus == UI_FOCUS_ARTICLE && !ui->help)
		return FOLIO_CTX_ARTICLE;
	return FOLIO_CTX_SOURCES;
}

static bool is_text_key(folio_key k)
{
	return k >= 32 && k != 127 && k < FOLIO_KEY_SPECIAL;
}

static void handle_key(struct ui *ui, folio_key k)
{
	enum folio_action a = FOLIO_ACT_NONE;
	bool typing = ui->search.editing || ui->prompt.active;
	if (typing && !ui->help && ui->nseq == 0 && is_text_key(k)) {
		/* a character types itself unless the search context binds it */
		if (folio_keymap_lookup(ui->km, FOLIO_CTX_SEARCH, &k, 1, &a) == FOLIO_KEY_BOUND)
			dispatch(ui, a);
		else if (ui->prompt.active)
			ui_pipe_insert(ui, k);
		else
			ui_search_insert(ui, k);
		return;
	}
	ui->seq[ui->nseq++] = k;
	switch (folio_keymap_lookup(ui->km, ui_current_context(ui), ui->seq, ui->nseq, &a)) {
	case FOLIO_KEY_BOUND:
		ui->nseq = 0;
		dispatch(ui, a);
		break;
	case FOLIO_KEY_PARTIAL:
		/* wait for the next key; what these keys mean alone runs if it does not continue them */
		ui->pending = a;
		ui_clock(&ui->pending_since);
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
		} else if (k == FOLIO_KEY_ESC && ui->prompt.active) {
			ui->prompt.active = false;
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
	if (ui->nseq == 0 || ui_elapsed_ms(&ui->pending_since) < UI_SEQ_TIMEOUT_MS)
		return;
	enum folio_action a = ui->pending;
	ui->nseq = 0;
	ui->pending = FOLIO_ACT_NONE;
	if (a != FOLIO_ACT_NONE)
		dispatch(ui, a);
	render(ui);
}

/* ---- set-up and the loop ---- */

static void set_err(char **err, const char *msg)
{
	if (err)
		*err = strdup(msg);
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

/* The signals that end the reader: each only sets a flag, so the terminal is restored. */
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NENDING (sizeof ending_signals / sizeof ending_signals[0])

static void install_signals(struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NENDING; i++)
		sigaction(ending_signals[i], &sa, &old[i]);
}

static void restore_signals(const struct sigaction *old)
{
	for (size_t i = 0; i < NENDING; i++)
		sigaction(ending_signals[i], &old[i], NULL);
}

/* While marks are saved at exit: a signal ends the wait for the store. */
static int signalled(void *arg)
{
	(void)arg;
	return ui_signal != 0;
}

static void ui_free(struct ui *ui)
{
	ui_list_free(&ui->list);
	ui_article_free(&ui->art);
	ui_search_free(&ui->search);
	ui_pipe_free(&ui->prompt);
	ui_marks_free(&ui->marks);
	free(ui->fatal);
}

enum folio_ui_end folio_ui_run(struct folio_store *st, const struct folio_keymap *km,
                               const struct folio_ui_options *opts, int *signal, char **err)
{
	if (err)
		*err = NULL;
	*signal = 0;
	bool scripted = ui_test_scripted(); /* a test's keys, no terminal: ui_test.c */
	if (!scripted && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		set_err(err, "the reader needs a terminal (stdin and stdout must be a tty)");
		return FOLIO_UI_NO_TERMINAL;
	}
	const char *term = getenv("TERM");
	if (!term || !*term) {
		set_err(err, "TERM is not set: the reader needs to know the terminal type");
		return FOLIO_UI_NO_TERMINAL;
	}

	struct ui ui;
	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.km = km;
	ui.art.cur_match = -1;

	struct sigaction old[NENDING];
	ui_signal = 0;
	install_signals(old); /* before curses, so it leaves them to us */
	SCREEN *screen = scripted ? ui_test_newterm() : newterm(NULL, stdout, stdin);
	if (!screen) {
		restore_signals(old);
		char msg[160];
		snprintf(msg, sizeof msg, "unknown terminal type '%s'", term);
		set_err(err, msg);
		return FOLIO_UI_NO_TERMINAL;
	}
	char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		restore_signals(old);
		set_err(err, "this terminal cannot move the cursor; the reader needs one that can");
		return FOLIO_UI_NO_TERMINAL;
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
	enum folio_ui_end end = FOLIO_UI_QUIT;
	if (!ui.input) {
		set_err(err, "out of memory");
		end = FOLIO_UI_NO_TERMINAL;
		goto out;
	}
	keypad(ui.input, TRUE);
	/* In an ASCII-only locale "…" would show as "?", which reads as part of the text. */
	char *dots = ui_display("\u2026");
	if (!dots) {
		set_err(err, "out of memory");
		end = FOLIO_UI_NO_TERMINAL;
		goto out;
	}
	bool ascii = strcmp(dots, "\u2026") != 0;
	free(dots);
	ui.ellipsis = ascii ? "~" : "\u2026";
	ui.separator = ascii ? " - " : " \u00b7 ";
	ui_search_init(&ui);
	ui_list_init(&ui); /* a store that cannot be read says so on the status line */
	const char *unwritable = folio_store_unwritable(st);
	if (unwritable) {
		/* said once: marks are shown while the reader runs, and never saved */
		ui_message(&ui, "Read-only store (%s): marks are not saved%s%s", unwritable,
		           opts && opts->startup_message ? "; " : "",
		           opts && opts->startup_message ? opts->startup_message : "");
		ui.marks.failed = true;
	} else if (opts && opts->startup_message) {
		ui_message(&ui, "%s", opts->startup_message);
	}
	layout(&ui);
	render(&ui);

	while (!ui.quit && !ui_signal) {
		folio_key k;
		enum ui_read r = ui_read_key(&ui, ui_search_wait_ms(&ui, UI_TICK_MS), &k);
		if (r == UI_READ_DEAD)
			break;
		if (r == UI_READ_NONE) {
			pending_timeout(&ui);
			bool changed = ui_search_idle(&ui);
			if (ui_marks_idle(&ui) || changed)
				render(&ui);
			continue;
		}
		/* keys already typed are all handled before the screen is drawn once */
		while (!ui.quit && (r == UI_READ_KEY || r == UI_READ_RESIZE)) {
			if (r == UI_READ_RESIZE) {
				/* what a message said ("End of article") may not hold at the new size */
				ui.message[0] = '\0';
				layout(&ui);
			} else {
				ui.message[0] = '\0';
				handle_key(&ui, k);
			}
			r = ui.quit ? UI_READ_NONE : ui_read_key(&ui, 0, &k);
		}
		if (!ui.quit)
			render(&ui);
		if (r == UI_READ_DEAD)
			break;
	}

out:
	if (ui.input)
		delwin(ui.input);
	delete_windows(&ui);
	endwin();
	delscreen(screen);
	/* The terminal is the shell's again: a wait for the store can be told there. */
	char *unsaved = ui_marks_finish(&ui, signalled, NULL);
	restore_signals(old);
	if (ui.fatal || unsaved) {
		end = FOLIO_UI_STORE_FAILED;
		if (err && ui.fatal && unsaved &&
		    asprintf(err, "%s; %s", ui.fatal, unsaved) < 0)
			*err = NULL;
		else if (err && !*err)
			*err = strdup(ui.fatal ? ui.fatal : unsaved);
	}
	free(unsaved);
	if (ui_signal) {
		*signal = ui_signal;
		end = FOLIO_UI_SIGNAL;
	}
	ui_free(&ui);
	return end;
}

const char *folio_ui_curses_version(void)
{
	return curses_version();
}
