/*
 * ui_internal.h: what the reader's files share, private to src/ui*.c.
 *
 * struct ui holds the terminal's windows, the stack of views, and what
 * belongs to the whole session (the keymap, marks waiting to be saved,
 * search history, the status line's message).  Each view keeps its own
 * state in its file, behind struct ui_view (folio/ui_view.h); the helpers
 * here (drawing text, the edit line, marks, history) are for every view.
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
#include "folio/ui_view.h"

/*
 * From this width the list and the article pane stand side by side, the
 * article pane previewing the row under the cursor; below it one pane is
 * shown at a time and the list has the whole width (titles cut to 25
 * columns beside a 40-column preview were the complaint at 80 columns).
 */
#define UI_SPLIT_COLS 100
/* The most columns of article text on a wide screen. */
#define UI_TEXT_MAX_COLS 90
/* Smaller than this, only "terminal too small" is shown. */
#define UI_MIN_COLS 16
#define UI_MIN_ROWS 3

/* ---- a line typed on the bottom line (ui_edit.c) ---- */

struct ui_edit {
	struct folio_buf text; /* UTF-8; text.s is NULL until first set */
	size_t cursor;         /* byte offset in text, on a character boundary */
};

/* ---- earlier searches (ui_history.c), kept for the whole session ---- */

struct ui_history {
	char **items; /* oldest first */
	size_t n, cap;
	char *path;
};

/* ---- marks waiting to be saved (ui_marks.c) ---- */

struct ui_marks {
	struct folio_marks *q; /* one entry per article: the marks it should have */
	size_t n, cap;
	bool failed; /* a write failed for another reason than the lock: tried again at exit */
};

/* What UI_READ_MOUSE read (ui->mouse), in screen cells. */
enum ui_mouse_kind { UI_MOUSE_CLICK, UI_MOUSE_DOUBLE, UI_MOUSE_WHEEL_UP, UI_MOUSE_WHEEL_DOWN };
struct ui_mouse {
	enum ui_mouse_kind kind;
	int y, x;
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
	WINDOW *help_win; /* a UI_PANE_SCREEN view's */
	int rows;
	int cols;
	bool narrow; /* one pane at a time: under UI_SPLIT_COLS */
	bool too_small;
	struct ui_view stack[UI_STACK_MAX]; /* the open views, the bottom one first */
	size_t depth;
	enum ui_pane focus; /* the pane with the keyboard: UI_PANE_LIST or UI_PANE_ARTICLE */
	struct ui_history history;
	struct ui_edit pipe_last; /* the last command piped to, for Up in the prompt */
	struct ui_edit find_last; /* the last find in an article, for Up in its prompt */
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
	bool stories; /* lists and hits show one article a story (near duplicates linked at import) */
	enum folio_sort sort; /* the article lists' order: S cycles it */
	bool utf8;    /* the locale draws UTF-8 (block characters, not ASCII) */
	const char *ellipsis;  /* "…", or "~" when the locale is ASCII only */
	const char *separator; /* between header fields: " · " or " - " */
	attr_t attr_match;     /* a search match */
	attr_t attr_cur_match; /* the match n/N went to */
	attr_t attr_dim;       /* secondary text: dates, sources, counts */
	attr_t attr_status;    /* the bottom line */
	attr_t attr_title;     /* an article's title */
	struct ui_preview *preview; /* the selected row as the article pane shows it (ui_article.c) */
	bool preview_wanted;   /* the pane waits for a preview: read it when no key is waiting */
	struct ui_mouse mouse; /* the last mouse event read */
	struct timespec store_checked; /* when the store was last asked whether it changed */
	int64_t known_total;   /* articles in the store then: more now are new */
	bool quit_armed;       /* confirm-quit: q at the top asked; the next key decides */
	bool quit_was_armed;
};

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
/* Append "KEY:label" for the key bound to action in ctx (nothing when none is). */
void ui_key_hint(const struct ui *ui, unsigned ctx, enum folio_action action, const char *label,
                 char *buf, size_t size);

/* ui_input.c */
enum ui_read { UI_READ_KEY, UI_READ_NONE, UI_READ_RESIZE, UI_READ_DEAD, UI_READ_MOUSE };
enum ui_read ui_read_key(struct ui *ui, int timeout_ms, folio_key *key);
long ui_elapsed_ms(const struct timespec *since);

/* ui_test.c: the test hooks (FOLIO_TEST_SCRIPT, FOLIO_TEST_SYNC) and the clock */
void ui_clock(struct timespec *now); /* CLOCK_MONOTONIC, or a test script's clock */
bool ui_test_scripted(void);
SCREEN *ui_test_newterm(void);
enum ui_read ui_test_read(struct ui *ui, int timeout_ms, folio_key *key);
void ui_test_drawn(const struct ui *ui);

/* ui_marks.c */
/* set an article's marks: shown at once, saved now or when the store is free */
void ui_marks_set(struct ui *ui, int64_t id, bool read, bool flagged);
/* the marks to show for an article read from the store: queued ones win */
void ui_marks_overlay(const struct ui *ui, int64_t id, bool *read, bool *flagged);
/* an idle moment: write what waits if the lock is free; true when the screen must change */
bool ui_marks_idle(struct ui *ui);
/* Write the queued marks now, not waiting; true when none is left (a write
 * over many articles goes after them, never under them). */
bool ui_marks_flush(struct ui *ui);
/* O: the article with the keyboard's web address in the browser, or shown. */
void ui_pipe_open_url(struct ui *ui);
/* at exit: write what waits, waiting while give_up says 0; what was not saved, or NULL */
char *ui_marks_finish(struct ui *ui, int (*give_up)(void *arg), void *arg);
void ui_marks_free(struct ui_marks *m);

/* ui_article.c: the preview.  Reading an article costs more than a list
 * move, so a preview is read only when no key is waiting (ui.c). */
/* Whether the preview of id (with q's matches) is read. */
bool ui_preview_ready(const struct ui *ui, int64_t id, const struct folio_query *q);
/* Read it; true when the pane must be drawn again. */
bool ui_preview_load(struct ui *ui, int64_t id, const struct folio_query *q);
void ui_preview_draw(struct ui *ui, WINDOW *w);
void ui_preview_free(struct ui *ui);

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

/*
 * A prompt: a UI_PANE_LINE view (|, t, / in an article) whose data is a
 * struct ui_prompt, made by ui_prompt_open() in the view's own open.
 * ui_prompt_action() does what an action does to it: edits its line, or
 * closes it (Esc, Backspace on an empty line, Enter) and returns true, with
 * *typed the text Enter submitted (malloc'd; NULL otherwise).  last, when
 * not NULL, is the line Up recalls and Enter keeps.  The rest are its ops'
 * close, line, typing, insert and draw.
 */
struct ui_prompt {
	struct ui_edit line; /* what is typed */
	int64_t id;          /* the article it is about (|, t) */
	char prefix[96];     /* what the line starts with: "| ", "Tag (has a b; ...): " */
};
/* v->data: a new empty prompt after prefix; NULL (said) when memory ran out. */
struct ui_prompt *ui_prompt_open(struct ui *ui, struct ui_view *v, const char *prefix);
void ui_prompt_close(struct ui *ui, struct ui_view *v);
int ui_prompt_line(struct ui *ui, struct ui_view *v, WINDOW *w, int cols);
bool ui_prompt_action(struct ui *ui, struct ui_view *v, enum folio_action a,
                      struct ui_edit *last, char **typed);
bool ui_prompt_typing(const struct ui_view *v);
void ui_prompt_insert(struct ui *ui, struct ui_view *v, folio_key k);
void ui_prompt_draw(struct ui *ui, struct ui_view *v, WINDOW *w);
/* What every prompt's ops table holds; its own name, opened_by, open and action go before. */
#define UI_PROMPT_OPS                                                                    \
	.pane = UI_PANE_LINE, .context = FOLIO_CTX_SEARCH, .esc_closes = true,           \
	.close = ui_prompt_close, .draw = ui_prompt_draw, .typing = ui_prompt_typing,    \
	.insert = ui_prompt_insert, .line = ui_prompt_line

/* ui_pipe.c (besides the prompt view) */
void ui_pipe_pager(struct ui *ui); /* the article with the keyboard in $PAGER */

/* ui_story.c: near duplicates linked at import (folio_store_story()) */
/* "also in: AP, The Guardian, +7" (display form) for article id, and *copies
 * its story's other articles; NULL when it has none (or on error). */
char *ui_story_also(struct ui *ui, int64_t id, int64_t *copies);
/* article id was read: its copies are marked read too */
void ui_story_read(struct ui *ui, int64_t id);

/* ui_history.c */
void ui_history_load(struct ui_history *h);
void ui_history_add(struct ui_history *h, const char *line);
void ui_history_save(const struct ui_history *h);
void ui_history_free(struct ui_history *h);

#endif
