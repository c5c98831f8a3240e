/*
 * actions: the one list of everything a key can do.
 *
 * FOLIO_ACTIONS below is the only place an action is written: its enum
 * name, its name in keymap files, the contexts it works in and its help
 * line.  The X-macro makes the enum and the table indexed by it
 * (src/actions.c); key lookup, the '?' help screen, `folio --list-actions`
 * and the ACTIONS section of folio-keys(5) (made at build time by
 * doc/gen-actions.c) all read that table, so none of them can drift.  The
 * list is in help-screen order.
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

/* Actions about the panes can be bound anywhere but the search bar. */
#define FOLIO_CTX_PANES (FOLIO_CTX_GLOBAL | FOLIO_CTX_SOURCES | FOLIO_CTX_ARTICLE)
#define FOLIO_CTX_EVERYWHERE (FOLIO_CTX_PANES | FOLIO_CTX_SEARCH)

/* X(ID, "name", contexts, "help"): FOLIO_ACT_ID, in help-screen order. */
#define FOLIO_ACTIONS(X) \
	/* moving */ \
	X(DOWN, "down", FOLIO_CTX_PANES, "Move down one line") \
	X(UP, "up", FOLIO_CTX_PANES, "Move up one line") \
	X(PAGE_DOWN, "page-down", FOLIO_CTX_PANES, "Move down one page") \
	X(READ_ON, "read-on", FOLIO_CTX_ARTICLE, "Page down; at the end of the article, open the next unread") \
	X(PAGE_UP, "page-up", FOLIO_CTX_PANES, "Move up one page") \
	X(HALF_DOWN, "half-page-down", FOLIO_CTX_PANES, "Move down half a page") \
	X(HALF_UP, "half-page-up", FOLIO_CTX_PANES, "Move up half a page") \
	X(TOP, "top", FOLIO_CTX_PANES, "Go to the top") \
	X(BOTTOM, "bottom", FOLIO_CTX_PANES, "Go to the bottom") \
	/* views */ \
	X(OPEN, "open", FOLIO_CTX_PANES, "Open the selected source, article or search hit") \
	X(BACK, "back", FOLIO_CTX_PANES, "Go back one level (quits at the top)") \
	X(QUIT, "quit", FOLIO_CTX_PANES, "Quit folio") \
	X(SWITCH_PANE, "switch-pane", FOLIO_CTX_PANES, "Switch between the list and the article (opening the row under the cursor)") \
	X(HELP, "help", FOLIO_CTX_EVERYWHERE, "Show the keys and what they do") \
	X(REDRAW, "redraw", FOLIO_CTX_EVERYWHERE, "Redraw the screen") \
	X(REFRESH, "refresh", FOLIO_CTX_PANES, "Reload sources and counts from the store") \
	/* articles */ \
	X(NEXT_ARTICLE, "next-article", FOLIO_CTX_PANES, "Open the next article") \
	X(PREV_ARTICLE, "prev-article", FOLIO_CTX_PANES, "Open the previous article") \
	X(NEXT_UNREAD, "next-unread", FOLIO_CTX_PANES, "Go to the next unread article") \
	X(PREV_UNREAD, "prev-unread", FOLIO_CTX_PANES, "Go to the previous unread article") \
	X(TOGGLE_READ, "toggle-read", FOLIO_CTX_PANES, "Mark the article read or unread") \
	X(TOGGLE_FLAG, "toggle-flag", FOLIO_CTX_PANES, "Flag or unflag the article") \
	X(PIPE, "pipe", FOLIO_CTX_PANES, "Pipe the article to a shell command (asked for on the bottom line)") \
	X(PAGER, "pager", FOLIO_CTX_PANES, "Read the article in $PAGER (less if unset)") \
	X(OPEN_URL, "open-url", FOLIO_CTX_PANES, "Open the article's web address in $BROWSER (or show it)") \
	X(MARK_ALL_READ, "mark-all-read", FOLIO_CTX_PANES, "Mark every article of the selected source, or every hit, read") \
	X(DELETE, "delete", FOLIO_CTX_PANES, "Delete the article (importing its file again leaves it out)") \
	X(TAG, "tag", FOLIO_CTX_PANES, "Tag the article (asked for on the bottom line; -NAME removes it)") \
	X(COPIES, "copies", FOLIO_CTX_PANES, "List the article's copies: the same story from other outlets") \
	X(MORE_LIKE_THIS, "more-like-this", FOLIO_CTX_PANES, "List the articles most like this one (its rarest words), not its copies") \
	X(SORT, "sort", FOLIO_CTX_PANES, "Sort the article lists by date, title or source (the next of the three)") \
	/* search */ \
	X(SEARCH, "search", FOLIO_CTX_PANES, "Search every article (the search bar)") \
	X(FIND, "find", FOLIO_CTX_ARTICLE, "Find in the article (asked for on the bottom line)") \
	X(FILTER, "filter", FOLIO_CTX_PANES, "Filter the list: search within the selected source or saved search, or refine the hits") \
	X(TIMELINE, "timeline", FOLIO_CTX_PANES, "Show the source's or the search's articles over time") \
	X(NEXT_MATCH, "next-match", FOLIO_CTX_PANES, "Go to the next match of the find, or of the search") \
	X(PREV_MATCH, "prev-match", FOLIO_CTX_PANES, "Go to the previous match of the find, or of the search") \
	X(SEARCH_SUBMIT, "search-submit", FOLIO_CTX_SEARCH, "Run the search and show the hits") \
	X(SEARCH_CANCEL, "search-cancel", FOLIO_CTX_EVERYWHERE, "Leave search") \
	X(HISTORY_PREV, "history-prev", FOLIO_CTX_SEARCH, "Recall the previous search") \
	X(HISTORY_NEXT, "history-next", FOLIO_CTX_SEARCH, "Recall the next search") \
	X(CURSOR_LEFT, "cursor-left", FOLIO_CTX_SEARCH, "Move the cursor left") \
	X(CURSOR_RIGHT, "cursor-right", FOLIO_CTX_SEARCH, "Move the cursor right") \
	X(LINE_START, "line-start", FOLIO_CTX_SEARCH, "Move the cursor to the start") \
	X(LINE_END, "line-end", FOLIO_CTX_SEARCH, "Move the cursor to the end") \
	X(DELETE_BACK, "delete-back", FOLIO_CTX_SEARCH, "Delete the character before the cursor") \
	X(DELETE_FORWARD, "delete-forward", FOLIO_CTX_SEARCH, "Delete the character under the cursor") \
	X(DELETE_WORD, "delete-word", FOLIO_CTX_SEARCH, "Delete the word before the cursor") \
	X(DELETE_LINE, "delete-line", FOLIO_CTX_SEARCH, "Delete the whole search text")

#define FOLIO_ACTION_ENUM(id, name, contexts, help) FOLIO_ACT_##id,
enum folio_action {
	FOLIO_ACT_NONE = 0,
	FOLIO_ACTIONS(FOLIO_ACTION_ENUM)
	FOLIO_ACT_COUNT
};
#undef FOLIO_ACTION_ENUM

struct folio_action_info {
	enum folio_action action;
	const char *name;      /* as written in keymap files: "page-down" */
	unsigned contexts;     /* enum folio_context bits where it means something */
	const char *help;      /* one line for '?' and the man page */
};

/*
 * The table, in FOLIO_ACTIONS order: folio_actions[a - 1] is action a
 * (FOLIO_ACT_NONE is not in it), so folio_action_info() is an index.
 */
extern const struct folio_action_info folio_actions[];
extern const size_t folio_action_count;

/* Action's entry; NULL for FOLIO_ACT_NONE, FOLIO_ACT_COUNT or no action. */
const struct folio_action_info *folio_action_info(enum folio_action action);
/* The action of a keymap name ("page-down"), or NULL.  Keymaps are read once,
 * at start: a linear walk of the few dozen names. */
const struct folio_action_info *folio_action_by_name(const char *name);

/* "global", "sources", "article", "search" <-> the bit; 0 (or NULL) when unknown. */
unsigned folio_context_by_name(const char *name);
const char *folio_context_name(unsigned context);

#endif
