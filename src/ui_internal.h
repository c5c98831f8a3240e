/*
 * ui_internal.h: the state the reader's views share, private to src/ui*.c.
 *
 * One struct ui holds everything: the windows, the source list, the open
 * article, the search bar and its results.  Each view (ui_sources.c,
 * ui_article.c, ui_search.c, ui_help.c) draws into the window ui.c gives it
 * and handles the actions ui.c dispatches to it; none of them touches the
 * terminal set-up, the layout or the input loop.
 */
#ifndef FOLIO_UI_INTERNAL_H
#define FOLIO_UI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "folio/keymap.h"
#include "folio/search.h"
#include "folio/store.h"
#include "folio/ui.h"

/* Below this width the panes are shown one at a time. */
#define UI_NARROW_COLS 70
/*
 * Below this width an article being read takes the whole width (Tab or q
 * brings the list back): a full-width pane scrolls with the terminal's own
 * scrolling, a line for tens of bytes instead of a repaint of the pane.
 */
#define UI_READ_SPLIT_COLS 120
/* The most columns of article text on a wide screen. */
#define UI_TEXT_MAX_COLS 90
/* Smaller than this, only "terminal too small" is shown. */
#define UI_MIN_COLS 16
#define UI_MIN_ROWS 3

enum ui_focus { UI_FOCUS_LIST, UI_FOCUS_ARTICLE };

/* ---- source list (ui_sources.c) ---- */

struct ui_source {
	int64_t id; /* 0: "All articles" */
	char *name; /* display form */
	int64_t total;
	int64_t unread;
};

struct ui_row {
	int64_t id;
	char date[11];
	char *title; /* display form */
	bool read;
	bool flagged;
};

/* art is UI_SOURCE_ROW for the source row itself, else a logical row index. */
#define UI_SOURCE_ROW INT64_MIN
struct ui_pos {
	int src;
	int64_t art;
};

/*
 * The list is "All articles" and the sources, one of which may be expanded
 * to its articles.  Of those only a window is in memory: rows[i] is the
 * article at logical index base + i, fetched from the store a page at a
 * time in either direction, so a source of 500,000 articles costs what one
 * of 5 does.
 */
struct ui_list {
	struct ui_source *src; /* src[0] is "All articles" */
	size_t nsrc;
	int exp; /* expanded source index, or -1 */
	struct ui_row *rows;
	size_t nrows, rows_cap;
	int64_t base;
	bool at_start; /* rows[0] is the first article of the source */
	bool at_end;   /* rows[nrows-1] is the last */
	struct ui_pos top;
	struct ui_pos cur;
	int height; /* rows in the pane, from the last draw */
	int64_t pos_id; /* cache of the "3 of 120" position of cur */
	int64_t pos_value;
};

/* ---- article (ui_article.c) ---- */

enum ui_para_kind { UI_PARA_TITLE, UI_PARA_META, UI_PARA_BODY };

struct ui_para {
	char *text; /* display form of one line of the article */
	size_t len;
	enum ui_para_kind kind;
	int indent; /* hanging indent of a list item's later lines */
	struct folio_span *spans; /* search matches in text */
	size_t nspans;
};

struct ui_line {
	size_t para;
	size_t start;
	size_t len;
	bool first; /* the first line of its paragraph */
};

struct ui_match {
	size_t para;
	size_t span;
};

struct ui_article {
	bool open;
	int64_t id;
	bool read;
	bool flagged;
	bool from_search;
	struct ui_para *paras;
	size_t npara;
	struct ui_line *lines; /* wrap cache for wrap_cols */
	size_t nlines;
	int wrap_cols;
	size_t top; /* first line shown */
	size_t anchor_para; /* what top shows, kept across a re-wrap */
	size_t anchor_off;
	int height;
	struct ui_match *matches;
	size_t nmatches;
	long cur_match; /* -1 before the first n */
};

/* ---- a line typed on the bottom line (ui_edit.c) ---- */

struct ui_edit {
	struct folio_buf text; /* UTF-8; text.s is NULL until first set */
	size_t cursor;         /* byte offset in text, on a character boundary */
};

/* ---- search bar and results (ui_search.c) ---- */

struct ui_hit {
	int64_t id;
	char date[11];
	char *title;
	char *source;
	char *snippet;
	struct folio_span *title_spans;
	size_t ntitle_spans;
	struct folio_span *snippet_spans;
	size_t nsnippet_spans;
	bool read;
	bool flagged;
};

struct ui_search {
	bool active;  /* results replace the source list */
	bool editing; /* the bar has the keyboard */
	bool dirty;   /* the text changed since the last search */
	struct ui_edit line; /* what is typed */
	char **history;
	size_t nhistory, history_cap;
	size_t hist_pos; /* == nhistory when not browsing */
	char *hist_saved; /* the line being typed before browsing */
	char *history_path;
	struct folio_query q;
	bool have_q;
	struct ui_hit *hits;
	size_t nhits, hits_cap;
	bool at_end;
	bool ranked;      /* best first; false while the quick latest-first page is shown */
	bool interrupted; /* a key arrived while a search ran, and stopped it */
	struct timespec quick_at; /* when the quick page was shown: ranking waits for a pause */
	int64_t count;
	bool count_capped;
	size_t sel;
	size_t top;
	int height;
	char *error;
	/* where the reader was before '/', to go back on Esc */
	enum ui_focus saved_focus;
	bool saved_article_open;
	int64_t saved_article_id;
	size_t saved_anchor_para;
	size_t saved_anchor_off;
};

/* ---- the pipe prompt (ui_pipe.c) ---- */

struct ui_prompt {
	bool active; /* the bottom line asks for a command and has the keyboard */
	struct ui_edit line;
	struct ui_edit last; /* the last command run, for Up */
	int64_t id;          /* the article it will get */
};

/* ---- marks waiting to be saved (ui_marks.c) ---- */

struct ui_marks {
	struct folio_marks *q; /* one entry per article: the marks it should have */
	size_t n, cap;
	bool failed; /* a write failed for another reason than the lock: tried again at exit */
};

/* ---- the whole reader ---- */

struct ui {
	struct folio_store *st;
	const struct folio_keymap *km;
	WINDOW *input; /* a 1x1 window never drawn, read for keys */
	WINDOW *list_win;
	WINDOW *art_win;
	WINDOW *sep_win;
	WINDOW *status_win;
	WINDOW *help_win;
	int rows;
	int cols;
	bool narrow; /* one pane at a time: a narrow screen, or reading under UI_READ_SPLIT_COLS */
	bool too_small;
	enum ui_focus focus;
	bool help;
	size_t help_top;
	int help_height;
	size_t help_rows; /* rows the help took at the last draw */
	struct ui_list list;
	struct ui_article art;
	struct ui_search search;
	struct ui_prompt prompt;
	struct ui_marks marks;
	char *fatal; /* the store was found damaged: the reader stops and says this */
	char message[256];
	int fast_errors; /* get_wch failures in a row that came too soon */
	unsigned long nkeys; /* keys read so far (FOLIO_TEST_SYNC reports it) */
	folio_key seq[FOLIO_KEY_MAX_SEQ];
	size_t nseq;
	enum folio_action pending; /* what seq means alone, run if no longer binding follows */
	struct timespec pending_since;
	bool quit;
	const char *ellipsis;  /* "…", or "~" when the locale is ASCII only */
	const char *separator; /* between header fields: " · " or " - " */
	attr_t attr_match;     /* a search match */
	attr_t attr_cur_match; /* the match n/N went to */
	attr_t attr_dim;       /* secondary text: dates, sources, counts */
	attr_t attr_status;    /* the bottom line */
};

/* ui.c */
void ui_open_article(struct ui *ui, int64_t id, bool from_search);
unsigned ui_current_context(const struct ui *ui);
/* The article an action on "this article" means: the open one, else the selected row or hit. */
bool ui_target_article(const struct ui *ui, int64_t *id, bool *read, bool *flagged);

/* ui_draw.c */
void ui_message(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_store_error(struct ui *ui, char *err);
char *ui_display(const char *s);
int ui_draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int cols, attr_t attr,
                 const struct folio_span *spans, size_t nspans, attr_t hl,
                 const struct ui *ui);

/* ui_status.c */
void ui_status_draw(struct ui *ui);

/* ui_input.c */
enum ui_read { UI_READ_KEY, UI_READ_NONE, UI_READ_RESIZE, UI_READ_DEAD };
enum ui_read ui_read_key(struct ui *ui, int timeout_ms, folio_key *key);
long ui_elapsed_ms(const struct timespec *since);

/* ui_test.c: the test hooks (FOLIO_TEST_SCRIPT, FOLIO_TEST_SYNC) and the clock */
void ui_clock(struct timespec *now); /* CLOCK_MONOTONIC, or a test script's clock */
bool ui_test_scripted(void);
SCREEN *ui_test_newterm(void);
enum ui_read ui_test_read(struct ui *ui, int timeout_ms, folio_key *key);
void ui_test_drawn(const struct ui *ui);

/* ui_sources.c */
void ui_list_init(struct ui *ui);
void ui_list_free(struct ui_list *l);
void ui_list_draw(struct ui *ui, WINDOW *w);
void ui_list_action(struct ui *ui, enum folio_action a);
void ui_list_status(struct ui *ui, char *buf, size_t size);
void ui_list_reload_sources(struct ui *ui);
void ui_list_refresh(struct ui *ui);
void ui_list_set_state(struct ui *ui, int64_t id, bool read, bool flagged);
bool ui_list_step(struct ui *ui, int dir, bool unread_only, int64_t *id);

/* ui_article.c */
int ui_article_load(struct ui *ui, int64_t id, const struct folio_query *q);
void ui_article_free(struct ui_article *a);
void ui_article_draw(struct ui *ui, WINDOW *w);
void ui_article_action(struct ui *ui, enum folio_action a);
void ui_article_status(struct ui *ui, char *buf, size_t size);

/* ui_search.c */
void ui_search_init(struct ui *ui);
void ui_search_free(struct ui_search *s);
void ui_search_open(struct ui *ui);
void ui_search_close(struct ui *ui);
void ui_search_insert(struct ui *ui, folio_key k);
bool ui_search_edit_action(struct ui *ui, enum folio_action a);
void ui_search_results_action(struct ui *ui, enum folio_action a);
void ui_search_run(struct ui *ui);
/* how long the input loop may wait for a key before ui_search_idle() has work */
int ui_search_wait_ms(struct ui *ui, int idle_ms);
/* a search due while no key waits: true when the screen must be drawn again */
bool ui_search_idle(struct ui *ui);
void ui_search_draw_results(struct ui *ui, WINDOW *w);
int ui_search_draw_bar(struct ui *ui, WINDOW *w, int cols);
void ui_search_status(struct ui *ui, char *buf, size_t size);
void ui_search_set_state(struct ui *ui, int64_t id, bool read, bool flagged);
bool ui_search_step(struct ui *ui, int dir, bool unread_only, int64_t *id);

/* ui_marks.c */
/* set an article's marks: shown at once, saved now or when the store is free */
void ui_marks_set(struct ui *ui, int64_t id, bool read, bool flagged);
/* the marks to show for an article read from the store: queued ones win */
void ui_marks_overlay(const struct ui *ui, int64_t id, bool *read, bool *flagged);
/* an idle moment: write what waits if the lock is free; true when the screen must change */
bool ui_marks_idle(struct ui *ui);
/* at exit: write what waits, waiting while give_up says 0; what was not saved, or NULL */
char *ui_marks_finish(struct ui *ui, int (*give_up)(void *arg), void *arg);
void ui_marks_free(struct ui_marks *m);

/* ui_edit.c */
/* the byte offset of the UTF-8 character after the one at i (len at the end) */
size_t ui_char_after(const char *b, size_t len, size_t i);
void ui_edit_free(struct ui_edit *e);
bool ui_edit_set(struct ui_edit *e, const char *text);
const char *ui_edit_text(const struct ui_edit *e);
/* 1 typed, 0 not typeable (or the line is full), -1 out of memory */
int ui_edit_insert(struct ui_edit *e, folio_key k);
/* 1 the text changed, 0 only the cursor moved, -1 not an editing action */
int ui_edit_action(struct ui_edit *e, enum folio_action a);
/* prompt then the text, scrolled to keep the cursor; returns the cursor column or -1 */
int ui_edit_draw(struct ui *ui, WINDOW *w, const struct ui_edit *e, const char *prompt,
                 int cols, attr_t attr, bool editing);

/* ui_history.c */
void ui_history_load(struct ui_search *s);
void ui_history_add(struct ui_search *s, const char *line);
void ui_history_save(struct ui_search *s);

/* ui_pipe.c */
void ui_pipe_open(struct ui *ui, enum folio_action a); /* pipe: the prompt; pager: runs it */
void ui_pipe_insert(struct ui *ui, folio_key k);
void ui_pipe_action(struct ui *ui, enum folio_action a);
int ui_pipe_draw_prompt(struct ui *ui, WINDOW *w, int cols);
void ui_pipe_free(struct ui_prompt *p);

/* ui_help.c */
void ui_help_draw(struct ui *ui, WINDOW *w);
void ui_help_action(struct ui *ui, enum folio_action a);

#endif
