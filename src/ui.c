/*
 * ui.c: the reader's terminal, layout and input loop.
 *
 * The screen is a few curses windows (source list, separator, article,
 * status line; a help window over the panes) so each pane is drawn on its
 * own and curses sends only what changed: every frame is wnoutrefresh per
 * window and one doupdate, never clear().  From UI_SPLIT_COLS the list and
 * the article pane stand side by side at widths that do not change with the
 * focus, the article pane showing the article opened or a preview of the
 * row under the cursor (read when no key is waiting, so a held j is never
 * held up by it); below, only the focused pane is shown, full width.
 *
 * Input is read from a 1x1 window that is never drawn on, with a timeout,
 * so the loop sees the flags set by signal handlers (SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT only set a flag) within a quarter second, and notices a dead
 * terminal (get_wch failing at once, over and over) instead of spinning.
 * Keys become folio_key values and are looked up through the keymap one
 * sequence at a time ("gg"); what they do is decided with the stack of
 * views (folio/ui_view.h): nothing here knows which views there are.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#define UI_TICK_MS 250
#define UI_ESC_DELAY_MS 100
#define UI_SEQ_TIMEOUT_MS 1000
#define UI_WATCH_MS 1000 /* how often an idle reader asks whether the store changed */

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
 * The list pane's width on a wide screen: two fifths of it, 40 to 64
 * columns, the same whatever has the keyboard (a pane that changed width
 * on every focus change moved every title under the reader's eyes).
 */
static int list_width(const struct ui *ui)
{
	int set = folio_keymap_settings(ui->km)->list_width;
	int lw = set > 0 ? set : ui->cols * 2 / 5 < 64 ? ui->cols * 2 / 5 : 64;
	if (lw > ui->cols - 30) /* the article pane keeps room to read */
		lw = ui->cols - 30;
	return lw < 20 ? 20 : lw;
}

/* One pane at a time, the list full width: a screen too narrow for both. */
static bool single_pane(const struct ui *ui)
{
	return ui->cols < UI_SPLIT_COLS;
}

/* Make the windows for the current size; too small, only one for a message. */
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

/*
 * The article pane: the article opened from the list, else a preview of
 * the row under the list's cursor, else the welcome.  A preview not read
 * yet leaves the pane as it was (false) and is read when no key is waiting.
 */
static bool draw_article_pane(struct ui *ui)
{
	struct ui_view *art = ui_view_opened(ui);
	int64_t id;
	const struct folio_query *q;
	ui->preview_wanted = false;
	if (!art && ui->focus == UI_PANE_ARTICLE)
		art = ui_view_pane(ui, UI_PANE_ARTICLE);
	if (art) {
		werase(ui->art_win);
		art->ops->draw(ui, art, ui->art_win);
		return true;
	}
	if (ui_view_preview(ui, &id, &q)) {
		if (!ui_preview_ready(ui, id, q)) {
			ui->preview_wanted = true;
			return false;
		}
		werase(ui->art_win);
		ui_preview_draw(ui, ui->art_win);
		return true;
	}
	werase(ui->art_win);
	/* nothing to preview: the lowest view with something to say there */
	for (size_t i = 0; i < ui->depth; i++) {
		if (ui->stack[i].ops->aside) {
			ui->stack[i].ops->aside(ui, &ui->stack[i], ui->art_win);
			break;
		}
	}
	return true;
}

/* No key is waiting: read the preview the pane waits for; true when it must be drawn. */
static bool preview_idle(struct ui *ui)
{
	int64_t id;
	const struct folio_query *q;
	if (!ui->preview_wanted)
		return false;
	ui->preview_wanted = false;
	return ui_view_preview(ui, &id, &q) && ui_preview_load(ui, id, q);
}

/*
 * The article pane follows the cursor: an article opened from the list
 * closes when the list has the keyboard and its cursor has left it.
 */
static void follow_cursor(struct ui *ui)
{
	struct ui_view *art = ui_view_opened(ui);
	int64_t open_id, id;
	const struct folio_query *q;
	if (!art || ui->focus != UI_PANE_LIST || ui_view_focused(ui)->ops->pane != UI_PANE_LIST)
		return;
	art->ops->target(ui, art, &open_id, NULL, NULL);
	if (!ui_view_preview(ui, &id, &q) || id != open_id)
		ui_view_close(ui, art);
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
		ui_test_drawn(ui);
		return;
	}
	struct ui_view *v = ui_view_focused(ui);
	if (v->ops->pane == UI_PANE_LINE)
		v = ui_view_pane(ui, ui->focus); /* a prompt: the panes stay as they are */
	if (v && v->ops->pane == UI_PANE_SCREEN) {
		werase(ui->help_win);
		v->ops->draw(ui, v, ui->help_win);
		wnoutrefresh(ui->help_win);
	} else {
		ui->preview_wanted = false;
		bool show_list = !ui->narrow || ui->focus == UI_PANE_LIST;
		bool show_art = !ui->narrow || ui->focus == UI_PANE_ARTICLE;
		if (show_list) {
			struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
			werase(ui->list_win);
			list->ops->draw(ui, list, ui->list_win);
			wnoutrefresh(ui->list_win);
		}
		if (ui->sep_win) {
			werase(ui->sep_win);
			wattrset(ui->sep_win, ui->attr_dim);
			mvwvline(ui->sep_win, 0, 0, ACS_VLINE, ui->rows - 1);
			wattrset(ui->sep_win, A_NORMAL);
			wnoutrefresh(ui->sep_win);
		}
		if (show_art && draw_article_pane(ui))
			wnoutrefresh(ui->art_win);
	}
	ui_status_draw(ui);
	/* Last, so the terminal's cursor ends in the search bar when it is open. */
	wnoutrefresh(ui->status_win);
	doupdate();
	ui_test_drawn(ui);
}

/* ---- actions ---- */

/* r and F: on the article with the keyboard, or the selected row. */
static void toggle_state(struct ui *ui, bool flag)
{
	int64_t id;
	bool read, flagged;
	if (!ui_view_target(ui, &id, &read, &flagged)) {
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

/* J/K/]/[: the neighbour in the list the focus is in, or the article came from. */
static void step_article(struct ui *ui, int dir, bool unread_only)
{
	if (!ui_view_step(ui, dir, unread_only) && !ui->message[0])
		ui_message(ui, "No %s %sarticle", dir > 0 ? "next" : "previous",
		           unread_only ? "unread " : "");
}

/*
 * L: the list narrowed to what the user types next, as mutt's limit and
 * newsboat's filter: the search bar, opened on the scope of the list (the
 * source, or the saved search, under the cursor); on search hits, the
 * search itself to refine.
 */
static void filter_list(struct ui *ui)
{
	struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
	struct ui_scope sc;
	if (list && list->ops == &ui_results_view) {
		ui->focus = UI_PANE_LIST;
		ui_view_open_by(ui, FOLIO_ACT_SEARCH);
		return;
	}
	if (!ui_view_scope(ui, &sc)) {
		ui_message(ui, "Nothing here to filter: select a source");
		return;
	}
	struct folio_buf b = { 0 };
	if (sc.query)
		folio_buf_printf(&b, "%s ", sc.query);
	else if (sc.source_id)
		folio_buf_printf(&b, "source:\"%s\" ", sc.name);
	char *text = folio_buf_finish(&b, NULL);
	ui_scope_free(&sc);
	if (!text) {
		ui_message(ui, "out of memory");
		return;
	}
	ui_view_filter(ui, text);
	free(text);
}

/* D: the article with the keyboard, or the selected row, deleted for good. */
static void delete_article(struct ui *ui)
{
	int64_t id, deleted = 0;
	bool read, flagged;
	char *err = NULL;
	if (!ui_view_target(ui, &id, &read, &flagged)) {
		ui_message(ui, "No article selected");
		return;
	}
	if (!ui_marks_flush(ui)) {
		ui_message(ui, "Marks are waiting for the store; try again in a moment");
		return;
	}
	if (folio_store_delete(ui->st, &id, 1, &deleted, &err) != 0) {
		ui_store_error(ui, err);
		return;
	}
	struct ui_view *art = ui_view_pane(ui, UI_PANE_ARTICLE);
	if (art)
		ui_view_close(ui, art);
	ui_view_reload(ui, true);
	ui_message(ui, "Article deleted (folio import --restore brings it back)");
}

/* S: the article lists by date, title, source, date...; the cursor stays on its article. */
static void sort_lists(struct ui *ui)
{
	ui->sort = ui->sort == FOLIO_SORT_SOURCE ? FOLIO_SORT_DATE : ui->sort + 1;
	ui_view_reload(ui, true);
	ui_message(ui, "Articles by %s%s", folio_sort_name(ui->sort),
	           ui->sort == FOLIO_SORT_DATE ? ", newest first"
	           : ui->sort == FOLIO_SORT_TITLE ? ", A to Z" : ", then newest first");
}

/* Tab: into the article pane (the preview is opened), or back to the list. */
static void switch_pane(struct ui *ui)
{
	int64_t id;
	const struct folio_query *q;
	struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
	if (ui->focus == UI_PANE_ARTICLE)
		ui->focus = UI_PANE_LIST;
	else if (ui_view_opened(ui))
		ui->focus = UI_PANE_ARTICLE;
	else if (list && ui_view_preview(ui, &id, &q))
		list->ops->action(ui, list, FOLIO_ACT_OPEN);
	else if (ui_view_pane(ui, UI_PANE_ARTICLE))
		ui->focus = UI_PANE_ARTICLE;
	else
		ui_message(ui, "No article open: Enter opens the selected one");
}

/*
 * A modal view (help, the prompt) takes every action.  Otherwise the
 * reader's global actions come first, then the view with the keyboard,
 * then what the reader does for every view.
 */
static void dispatch(struct ui *ui, enum folio_action a)
{
	/* confirm-quit: the key after the question answers it */
	ui->quit_was_armed = ui->quit_armed;
	ui->quit_armed = false;
	struct ui_view *v = ui_view_focused(ui);
	/* Space (read-on) pages down a list; only an article goes on to the next */
	if (a == FOLIO_ACT_READ_ON && v->ops->pane != UI_PANE_ARTICLE)
		a = FOLIO_ACT_PAGE_DOWN;
	if (v->ops->pane == UI_PANE_SCREEN || v->ops->pane == UI_PANE_LINE) {
		v->ops->action(ui, v, a);
		return;
	}
	switch (a) {
	case FOLIO_ACT_QUIT:
		ui->quit = true;
		return;
	case FOLIO_ACT_REDRAW:
		clearok(curscr, TRUE);
		return;
	case FOLIO_ACT_HELP:
	case FOLIO_ACT_SEARCH:
		ui_view_open_by(ui, a);
		return;
	case FOLIO_ACT_REFRESH:
		ui_view_reload(ui, true);
		ui_message(ui, "Sources and counts reloaded");
		return;
	default:
		break;
	}
	if (v->ops->action(ui, v, a))
		return;
	switch (a) {
	case FOLIO_ACT_SWITCH_PANE:
		switch_pane(ui);
		break;
	case FOLIO_ACT_TOGGLE_READ:
	case FOLIO_ACT_TOGGLE_FLAG:
		toggle_state(ui, a == FOLIO_ACT_TOGGLE_FLAG);
		break;
	case FOLIO_ACT_PIPE:
	case FOLIO_ACT_COPIES:
	case FOLIO_ACT_MORE_LIKE_THIS:
	case FOLIO_ACT_TIMELINE:
		ui_view_open_by(ui, a);
		break;
	case FOLIO_ACT_PAGER:
		ui_pipe_pager(ui);
		break;
	case FOLIO_ACT_OPEN_URL:
		ui_pipe_open_url(ui);
		break;
	case FOLIO_ACT_DELETE:
		delete_article(ui);
		break;
	case FOLIO_ACT_TAG:
	case FOLIO_ACT_FIND:
		ui_view_open_by(ui, a);
		break;
	case FOLIO_ACT_FILTER:
		filter_list(ui);
		break;
	case FOLIO_ACT_SORT:
		sort_lists(ui);
		break;
	case FOLIO_ACT_MARK_ALL_READ: {
		/* an article has the keyboard: the list it was opened from */
		struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
		if (!list || !list->ops->action(ui, list, a))
			ui_message(ui, "Nothing here to mark: select a source or search");
		break;
	}
	case FOLIO_ACT_READ_ON: /* the article was on its last page: the next unread */
		step_article(ui, 1, true);
		break;
	case FOLIO_ACT_NEXT_ARTICLE:
	case FOLIO_ACT_PREV_ARTICLE:
	case FOLIO_ACT_NEXT_UNREAD:
	case FOLIO_ACT_PREV_UNREAD:
		step_article(ui,
		             a == FOLIO_ACT_NEXT_ARTICLE || a == FOLIO_ACT_NEXT_UNREAD ? 1 : -1,
		             a == FOLIO_ACT_NEXT_UNREAD || a == FOLIO_ACT_PREV_UNREAD);
		break;
	case FOLIO_ACT_SEARCH_CANCEL:
		ui_view_cancel(ui);
		break;
	default:
		break;
	}
}

/* The mouse: how many lines a turn of the wheel moves. */
#define UI_WHEEL_LINES 3

/*
 * A click selects the row under it (in the list) or gives the article the
 * keyboard (a preview is opened, as Tab does); a double click opens the
 * row; the wheel moves the list's cursor or scrolls the article under the
 * pointer.  Modal views (help, a prompt) and the status line take none.
 */
static void handle_mouse(struct ui *ui)
{
	const struct ui_mouse *m = &ui->mouse;
	struct ui_view *top = &ui->stack[ui->depth - 1];
	if (!folio_keymap_settings(ui->km)->mouse || ui->too_small || !ui->list_win || m->y < 0 ||
	    m->y >= ui->rows - 1 ||
	    top->ops->pane == UI_PANE_SCREEN || top->ops->pane == UI_PANE_LINE)
		return;
	int lw = getmaxx(ui->list_win);
	if (!ui->narrow && m->x == lw)
		return; /* the separator */
	enum ui_pane pane = ui->narrow ? ui->focus : m->x < lw ? UI_PANE_LIST : UI_PANE_ARTICLE;
	bool wheel = m->kind == UI_MOUSE_WHEEL_UP || m->kind == UI_MOUSE_WHEEL_DOWN;
	enum folio_action step = m->kind == UI_MOUSE_WHEEL_UP ? FOLIO_ACT_UP : FOLIO_ACT_DOWN;
	if (pane == UI_PANE_LIST) {
		struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
		if (!list)
			return;
		if (wheel) {
			for (int i = 0; i < UI_WHEEL_LINES; i++)
				list->ops->action(ui, list, step);
			return;
		}
		ui->focus = UI_PANE_LIST;
		if (list->ops->click && list->ops->click(ui, list, m->y) && m->kind == UI_MOUSE_DOUBLE)
			list->ops->action(ui, list, FOLIO_ACT_OPEN);
		return;
	}
	struct ui_view *art = ui_view_opened(ui);
	if (!art && ui->focus == UI_PANE_ARTICLE)
		art = ui_view_pane(ui, UI_PANE_ARTICLE);
	if (wheel) {
		for (int i = 0; art && i < UI_WHEEL_LINES; i++)
			art->ops->action(ui, art, step);
		return;
	}
	if (ui->focus != UI_PANE_ARTICLE)
		switch_pane(ui);
}

static bool is_text_key(folio_key k)
{
	return k >= 32 && k != 127 && k < FOLIO_KEY_SPECIAL;
}

static void handle_key(struct ui *ui, folio_key k)
{
	enum folio_action a = FOLIO_ACT_NONE;
	struct ui_view *v = ui_view_focused(ui);
	bool typing = v->ops->typing && v->ops->typing(v);
	if (typing && ui->nseq == 0 && is_text_key(k)) {
		/* a character types itself unless the search context binds it */
		if (folio_keymap_lookup(ui->km, FOLIO_CTX_SEARCH, &k, 1, &a) == FOLIO_KEY_BOUND)
			dispatch(ui, a);
		else
			v->ops->insert(ui, v, k);
		return;
	}
	ui->seq[ui->nseq++] = k;
	switch (folio_keymap_lookup(ui->km, ui_view_context(ui), ui->seq, ui->nseq, &a)) {
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
		if (v->ops->unbound && v->ops->unbound(ui, v, k)) {
			/* the view took it (help closes on any key) */
		} else if (k == FOLIO_KEY_ESC) {
			/* Esc leaves a search (or the prompt) even where no keymap says so */
			ui_view_cancel(ui);
		} else {
			char name[32];
			folio_key_name(k, name, sizeof name);
			ui_message(ui, "%s does nothing here; ? lists the keys", name);
		}
		break;
	}
}

/*
 * Articles imported (or marks written by another folio) while the reader
 * is open show in the counts within a second or so: SQLite's data_version,
 * one cheap read, says whether another connection wrote; only then are the
 * sources and counts read again, with a word when articles came.  The
 * lists open are left as they are (R reads them again).
 */
static void watch_store_start(struct ui *ui)
{
	bool changed;
	int64_t unread;
	char *err = NULL;
	ui_clock(&ui->store_checked);
	if (folio_store_changed(ui->st, &changed, &err) != 0 ||
	    folio_store_totals(ui->st, &ui->known_total, &unread, &err) != 0)
		free(err);
}

static bool watch_store(struct ui *ui)
{
	bool changed;
	int64_t total = ui->known_total, unread;
	char *err = NULL;
	if (ui_elapsed_ms(&ui->store_checked) < UI_WATCH_MS)
		return false;
	ui_clock(&ui->store_checked);
	if (folio_store_changed(ui->st, &changed, &err) != 0) {
		free(err);
		return false;
	}
	if (!changed)
		return false;
	if (folio_store_totals(ui->st, &total, &unread, &err) != 0)
		free(err);
	ui_view_reload(ui, false);
	if (total > ui->known_total && !ui->message[0])
		ui_message(ui, "%lld new article%s in the store (R shows them in the open list)",
		           (long long)(total - ui->known_total), total - ui->known_total == 1 ? "" : "s");
	ui->known_total = total;
	return true;
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
	ui->attr_title = A_BOLD;
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
	/* the keys file's color lines, each its own pair from 3 on */
	const struct folio_settings *set = folio_keymap_settings(ui->km);
	attr_t *attrs[FOLIO_COLOR_ELEMENTS] = { &ui->attr_match, &ui->attr_dim, &ui->attr_status,
		                                &ui->attr_title };
	attr_t base[FOLIO_COLOR_ELEMENTS] = { A_BOLD | A_UNDERLINE, A_NORMAL, A_NORMAL, A_BOLD };
	for (int e = 0; e < FOLIO_COLOR_ELEMENTS; e++) {
		const struct folio_color *c = &set->colors[e];
		short pair = (short)(3 + e);
		if (c->set && pair < COLOR_PAIRS && c->fg < COLORS && c->bg < COLORS &&
		    init_pair(pair, c->fg, c->bg) != ERR)
			*attrs[e] = base[e] | COLOR_PAIR(pair);
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
	ui_view_stop(ui);
	ui_preview_free(ui);
	ui_history_free(&ui->history);
	ui_edit_free(&ui->pipe_last);
	ui_edit_free(&ui->find_last);
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
	if (folio_keymap_settings(km)->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		                  | BUTTON5_PRESSED
#endif
		          ,
		          NULL);
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
	ui.utf8 = !ascii;
	ui.stories = folio_keymap_settings(km)->one_row_a_story;
	ui.sort = folio_keymap_settings(km)->sort_order;
	folio_store_set_stories(st, ui.stories);
	ui_history_load(&ui.history);
	/* the source list; a store that cannot be read says so on the status line */
	if (ui_view_start(&ui) != 0) {
		set_err(err, "out of memory");
		end = FOLIO_UI_NO_TERMINAL;
		goto out;
	}
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
	watch_store_start(&ui);
	layout(&ui);
	render(&ui);

	while (!ui.quit && !ui_signal) {
		folio_key k;
		/* a preview waits for the first moment no key is */
		int wait = ui.preview_wanted ? 0 : ui_view_wait_ms(&ui, UI_TICK_MS);
		enum ui_read r = ui_read_key(&ui, wait, &k);
		if (r == UI_READ_DEAD)
			break;
		if (r == UI_READ_NONE) {
			pending_timeout(&ui);
			bool changed = ui_view_idle(&ui);
			changed = preview_idle(&ui) || changed;
			changed = watch_store(&ui) || changed;
			if (ui_marks_idle(&ui) || changed)
				render(&ui);
			continue;
		}
		/* keys already typed are all handled before the screen is drawn once */
		while (!ui.quit && (r == UI_READ_KEY || r == UI_READ_RESIZE || r == UI_READ_MOUSE)) {
			if (r == UI_READ_MOUSE) {
				ui.message[0] = '\0';
				handle_mouse(&ui);
				follow_cursor(&ui);
			} else if (r == UI_READ_RESIZE) {
				/* what a message said ("End of article") may not hold at the new size */
				ui.message[0] = '\0';
				layout(&ui);
			} else {
				ui.message[0] = '\0';
				handle_key(&ui, k);
				follow_cursor(&ui);
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
