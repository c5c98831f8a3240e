/*
 * ui_view: the reader's views and the stack that holds them (as tig's
 * view_ops).
 *
 * Every view (the source list, the search hits, an article, the help
 * screen, the pipe prompt) is one file that fills one struct ui_view_ops
 * and keeps its state private behind ui_view.data.  The reader holds the
 * open views in a stack, the first view (the source list) at the bottom;
 * ui.c and ui_status.c never ask which view is open, they ask the stack:
 *
 *   - where a view is drawn is its ops->pane.  The list pane shows the
 *     topmost UI_PANE_LIST view, the article pane the article opened from
 *     it (a UI_PANE_ARTICLE view above it) or else a preview of its
 *     ->preview row, or when there is none the ->aside of the lowest view
 *     that has one (the welcome).  An article opened from the list closes
 *     when the list's cursor leaves it, so the pane follows the cursor.
 *     A UI_PANE_SCREEN view on top
 *     (help) takes the whole screen above the bottom line, a UI_PANE_LINE
 *     view on top (the pipe prompt) the whole bottom line.
 *   - who gets a key: a SCREEN or LINE view on top gets every action (it is
 *     modal); otherwise ui->focus names a pane and its topmost view is the
 *     focused one.  The reader runs the global actions (quit, help, search,
 *     redraw, refresh) first, then offers the action to the focused view's
 *     ->action, then runs what is left (switch pane, marks, pipe, the
 *     next/previous article, leaving a search).
 *   - the status line is the focused view's ->status (an article's is
 *     preceded by the status of the list it was opened from), its ->hint,
 *     and the topmost ->line (the search bar).
 *
 * Views never call one another.  A list view asks the reader to open an
 * article (ui_view_open_article); the reader decides where it goes in the
 * stack.  What every view must hear (marks changed, the store read again)
 * is broadcast by the reader to each view on the stack (->set_state,
 * ->reload).  A view closes itself, and everything above it, with
 * ui_view_close().
 *
 * A new view is one file filling a struct ui_view_ops named ui_NAME_view,
 * one X(NAME) line in UI_VIEWS below, and the file's name in Makefile.am.
 * A view with ->opened_by set is opened by that action (and, if one is
 * already on the stack, the action goes to it instead); others are opened
 * through a request of the reader's (ui_view_open_article).
 */
#ifndef FOLIO_UI_VIEW_H
#define FOLIO_UI_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "folio/actions.h"
#include "folio/keymap.h"

struct ui;
struct folio_query;

enum ui_pane {
	UI_PANE_LIST,    /* the left pane: what to choose from (sources, search hits) */
	UI_PANE_ARTICLE, /* the right pane: what was chosen (an article) */
	UI_PANE_SCREEN,  /* the screen above the bottom line; modal (help) */
	UI_PANE_LINE     /* the bottom line alone; modal (the pipe prompt) */
};

/* What a view is opened with; each view reads the fields it needs. */
struct ui_view_arg {
	int64_t id;                    /* an article */
	const struct folio_query *query; /* its matches to highlight, or NULL */
	enum folio_action action;      /* the action that opened it (pipe or pager) */
	const char *text;              /* the search: what its bar starts with, run at once */
};

/* What a list view lists, for a view of it over time (ui_view_scope()). */
struct ui_scope {
	int64_t source_id; /* a source's articles; 0: all, or the search's */
	char *name;        /* display form: "All articles", the source, the search's text */
	char *query;       /* the search's text as typed, or NULL for a source */
};

struct ui_view;

struct ui_view_ops {
	const char *name;
	enum ui_pane pane;
	unsigned context;            /* the keymap context while it has the keyboard */
	enum folio_action opened_by; /* the action that opens it, or FOLIO_ACT_NONE */
	bool esc_closes;             /* Esc (unbound) and search-cancel close it from anywhere above */

	/* Required. */
	/* Make v->data for arg (NULL when opened by an action); -1 when it cannot
	 * open (a message says why) and the stack is left as it was. */
	int (*open)(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg);
	/* Free v->data: the view is leaving the stack. */
	void (*close)(struct ui *ui, struct ui_view *v);
	/* Draw into w, which was erased (a LINE view: the bottom line; see ->line). */
	void (*draw)(struct ui *ui, struct ui_view *v, WINDOW *w);
	/* An action while it has the keyboard; false when it does not take it. */
	bool (*action)(struct ui *ui, struct ui_view *v, enum folio_action a);

	/* Optional: NULL when the view has none. */
	/* Whether typed characters are text (the search bar, the prompt):
	 * then the context is FOLIO_CTX_SEARCH and ->insert takes them. */
	bool (*typing)(const struct ui_view *v);
	void (*insert)(struct ui *ui, struct ui_view *v, folio_key k);
	/* A key no binding takes; true when the view used it (help closes). */
	bool (*unbound)(struct ui *ui, struct ui_view *v, folio_key k);
	/* The mouse: put the cursor on the row drawn at line y of the pane; false
	 * when there is none there. */
	bool (*click)(struct ui *ui, struct ui_view *v, int y);
	/* Where the reader is in it, for the right of the status line ("3 of 120"). */
	void (*status)(struct ui *ui, struct ui_view *v, char *buf, size_t size);
	/* The hint on the left of the status line when nothing else is there. */
	void (*hint)(struct ui *ui, struct ui_view *v, char *buf, size_t size);
	/* Draw its line (the bar) on the left of the status line in cols
	 * columns; the cursor's column when it has the keyboard, else -1. */
	int (*line)(struct ui *ui, struct ui_view *v, WINDOW *w, int cols);
	/* What the list shows (a source, a search), malloc'd into *out; false when
	 * it shows none (a source list's cursor on nothing). */
	bool (*scope)(struct ui *ui, struct ui_view *v, struct ui_scope *out);
	/* Draw the article pane while no article view is open (the welcome). */
	void (*aside)(struct ui *ui, struct ui_view *v, WINDOW *w);
	/* The article the article pane previews while the list has the keyboard
	 * (the row under the cursor) and the query whose matches it shows; false
	 * when the cursor is on no article. */
	bool (*preview)(struct ui *ui, struct ui_view *v, int64_t *id,
	                const struct folio_query **q);
	/* Find text in what it shows (/ in an article): every match highlighted,
	 * the first at or below the top of the pane shown; n/N go on from it. */
	void (*find)(struct ui *ui, struct ui_view *v, const char *text);
	/* The article an action on "this article" means: its selected one. */
	bool (*target)(struct ui *ui, struct ui_view *v, int64_t *id, bool *read, bool *flagged);
	/* Select the next (dir > 0) or previous article, only unread ones if
	 * asked, after from (the article open from it) or the selection; false
	 * when there is none.  Then ->action(FOLIO_ACT_OPEN) opens it. */
	bool (*step)(struct ui *ui, struct ui_view *v, int64_t from, int dir, bool unread_only);
	/* An article's marks changed: show them. */
	void (*set_state)(struct ui *ui, struct ui_view *v, int64_t id, bool read, bool flagged);
	/* The store changed under it: the counts only, or (all) everything. */
	void (*reload)(struct ui *ui, struct ui_view *v, bool all);
	/* How long the reader may wait for a key before ->idle has work. */
	int (*wait_ms)(struct ui *ui, struct ui_view *v, int idle_ms);
	/* No key is waiting: do deferred work; true when the screen must be drawn. */
	bool (*idle)(struct ui *ui, struct ui_view *v);
};

struct ui_view {
	const struct ui_view_ops *ops;
	void *data;
	enum ui_pane saved_focus; /* the focus when it opened, given back when it closes */
};

/* The views, bottom one first: X(NAME) declares ui_NAME_view. */
#define UI_VIEWS(X) \
	X(sources)  \
	X(results)  \
	X(article)  \
	X(help)     \
	X(prompt)   \
	X(tag)      \
	X(find)     \
	X(copies)   \
	X(similar)  \
	X(timeline)

#define UI_VIEW_DECLARE(name) extern const struct ui_view_ops ui_##name##_view;
UI_VIEWS(UI_VIEW_DECLARE)
#undef UI_VIEW_DECLARE

#define UI_STACK_MAX 8

/* ---- the stack (ui_view.c) ---- */

/* Open the bottom view; -1 if it cannot open. */
int ui_view_start(struct ui *ui);
/* Close every view, top first. */
void ui_view_stop(struct ui *ui);
/* The view with the keyboard: a modal view on top, else the focused pane's. */
struct ui_view *ui_view_focused(const struct ui *ui);
/* The topmost view drawn in pane, or NULL. */
struct ui_view *ui_view_pane(const struct ui *ui, enum ui_pane pane);
/* Whether v is the view of the focused pane (it shows its selection as focused). */
bool ui_view_has_focus(const struct ui *ui, const struct ui_view *v);
/* Open the view ops above the top of the stack and give it the keyboard. */
struct ui_view *ui_view_push(struct ui *ui, const struct ui_view_ops *ops,
                             const struct ui_view_arg *arg);
/* Close v and every view above it; the focus goes back to where it was before v. */
void ui_view_close(struct ui *ui, struct ui_view *v);
/* Close the topmost view that Esc closes; false when there is none. */
bool ui_view_cancel(struct ui *ui);
/* A list view's request: open article id (highlighting query) from it. */
void ui_view_open_article(struct ui *ui, struct ui_view *from, int64_t id,
                          const struct folio_query *query);
/* A request: the search bar on top, holding text and still being typed in
 * (L: the list filtered); Esc comes back to the view that asked. */
void ui_view_filter(struct ui *ui, const char *text);
/* A request: a search for text on top (Esc comes back to the view that asked). */
void ui_view_search(struct ui *ui, const char *text);
/* A request: text found in the view with the keyboard (its ->find). */
void ui_view_find(struct ui *ui, const char *text);
/* What the list view with the keyboard (or the nearest below it) lists. */
bool ui_view_scope(struct ui *ui, struct ui_scope *out);
void ui_scope_free(struct ui_scope *s);
/* An action that opens a view (help, search): true when one did. */
bool ui_view_open_by(struct ui *ui, enum folio_action a);
/* Select the next/previous article in the list the focus is in or came from,
 * opening it when an article has the keyboard; false when there is none. */
bool ui_view_step(struct ui *ui, int dir, bool unread_only);
/* The article opened from the list shown (a view above it), or NULL. */
struct ui_view *ui_view_opened(const struct ui *ui);
/* The row the article pane previews: the shown list's ->preview. */
bool ui_view_preview(struct ui *ui, int64_t *id, const struct folio_query **q);
/* The article an action on "this article" means (the focused view's). */
bool ui_view_target(struct ui *ui, int64_t *id, bool *read, bool *flagged);
/* The broadcasts: to every view on the stack that has the op. */
void ui_view_set_state(struct ui *ui, int64_t id, bool read, bool flagged);
void ui_view_reload(struct ui *ui, bool all);
int ui_view_wait_ms(struct ui *ui, int idle_ms);
bool ui_view_idle(struct ui *ui);
/* The list view v was opened from (the nearest list view below it), or NULL. */
struct ui_view *ui_view_below(const struct ui *ui, const struct ui_view *v, enum ui_pane pane);
/* The keymap context of the view with the keyboard. */
unsigned ui_view_context(const struct ui *ui);

#endif
