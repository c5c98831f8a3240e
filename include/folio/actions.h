/*
 * actions: the one table of everything a key can do.
 *
 * Each action has a name (used in keymap files), the contexts it works in,
 * and a one-line help text.  Key lookup, the '?' help screen,
 * `folio --list-actions` and the man page are all made from this table, so
 * they cannot drift apart.
 */
#ifndef FOLIO_ACTIONS_H
#define FOLIO_ACTIONS_H

#include <stddef.h>

/* Where a binding applies.  A key is looked up in the current context first, then in global. */
enum folio_context {
	FOLIO_CTX_GLOBAL = 1 << 0,
	FOLIO_CTX_SOURCES = 1 << 1,
	FOLIO_CTX_ARTICLE = 1 << 2,
	FOLIO_CTX_SEARCH = 1 << 3  /* the search bar is open and has the keyboard */
};

enum folio_action {
	FOLIO_ACT_NONE = 0,
	/* moving */
	FOLIO_ACT_DOWN,
	FOLIO_ACT_UP,
	FOLIO_ACT_PAGE_DOWN,
	FOLIO_ACT_PAGE_UP,
	FOLIO_ACT_HALF_DOWN,
	FOLIO_ACT_HALF_UP,
	FOLIO_ACT_TOP,
	FOLIO_ACT_BOTTOM,
	/* views */
	FOLIO_ACT_OPEN,
	FOLIO_ACT_BACK,
	FOLIO_ACT_QUIT,
	FOLIO_ACT_SWITCH_PANE,
	FOLIO_ACT_HELP,
	FOLIO_ACT_REDRAW,
	FOLIO_ACT_REFRESH,
	/* articles */
	FOLIO_ACT_NEXT_ARTICLE,
	FOLIO_ACT_PREV_ARTICLE,
	FOLIO_ACT_NEXT_UNREAD,
	FOLIO_ACT_PREV_UNREAD,
	FOLIO_ACT_TOGGLE_READ,
	FOLIO_ACT_TOGGLE_FLAG,
	/* search */
	FOLIO_ACT_SEARCH,
	FOLIO_ACT_NEXT_MATCH,
	FOLIO_ACT_PREV_MATCH,
	FOLIO_ACT_SEARCH_SUBMIT,
	FOLIO_ACT_SEARCH_CANCEL,
	FOLIO_ACT_HISTORY_PREV,
	FOLIO_ACT_HISTORY_NEXT,
	FOLIO_ACT_CURSOR_LEFT,
	FOLIO_ACT_CURSOR_RIGHT,
	FOLIO_ACT_LINE_START,
	FOLIO_ACT_LINE_END,
	FOLIO_ACT_DELETE_BACK,
	FOLIO_ACT_DELETE_FORWARD,
	FOLIO_ACT_DELETE_WORD,
	FOLIO_ACT_DELETE_LINE,
	FOLIO_ACT_COUNT
};

struct folio_action_info {
	enum folio_action action;
	const char *name;      /* as written in keymap files: "page-down" */
	unsigned contexts;     /* enum folio_context bits where it means something */
	const char *help;      /* one line for '?' and the man page */
};

/* The table, in the order the help screen shows it; FOLIO_ACT_NONE is not in it. */
extern const struct folio_action_info folio_actions[];
extern const size_t folio_action_count;

const struct folio_action_info *folio_action_info(enum folio_action action);
const struct folio_action_info *folio_action_by_name(const char *name);

/* "global", "sources", "article", "search" <-> the bit; 0 (or NULL) when unknown. */
unsigned folio_context_by_name(const char *name);
const char *folio_context_name(unsigned context);

#endif
