/*
 * actions: the one table of everything a key can do.
 *
 * Key lookup, the '?' help screen, `folio --list-actions` and the man page
 * all read this table, so a name or a help line is written exactly once.
 * The table is in help-screen order; lookups are linear because there are
 * a few dozen actions and they are looked up only while loading keymaps.
 */
#include "folio/folio.h"

#include <assert.h>

#include "folio/actions.h"

/* Actions about the panes can be bound anywhere but the search bar. */
#define PANES (FOLIO_CTX_GLOBAL | FOLIO_CTX_SOURCES | FOLIO_CTX_ARTICLE)
#define EVERYWHERE (PANES | FOLIO_CTX_SEARCH)

const struct folio_action_info folio_actions[] = {
	{ FOLIO_ACT_DOWN, "down", PANES, "Move down one line" },
	{ FOLIO_ACT_UP, "up", PANES, "Move up one line" },
	{ FOLIO_ACT_PAGE_DOWN, "page-down", PANES, "Move down one page" },
	{ FOLIO_ACT_PAGE_UP, "page-up", PANES, "Move up one page" },
	{ FOLIO_ACT_HALF_DOWN, "half-page-down", PANES, "Move down half a page" },
	{ FOLIO_ACT_HALF_UP, "half-page-up", PANES, "Move up half a page" },
	{ FOLIO_ACT_TOP, "top", PANES, "Go to the top" },
	{ FOLIO_ACT_BOTTOM, "bottom", PANES, "Go to the bottom" },
	{ FOLIO_ACT_OPEN, "open", PANES, "Open the selected source, article or search hit" },
	{ FOLIO_ACT_BACK, "back", PANES, "Go back one level (quits at the top)" },
	{ FOLIO_ACT_QUIT, "quit", PANES, "Quit folio" },
	{ FOLIO_ACT_SWITCH_PANE, "switch-pane", PANES, "Switch between the source list and the article" },
	{ FOLIO_ACT_HELP, "help", EVERYWHERE, "Show the keys and what they do" },
	{ FOLIO_ACT_REDRAW, "redraw", EVERYWHERE, "Redraw the screen" },
	{ FOLIO_ACT_REFRESH, "refresh", PANES, "Reload sources and counts from the store" },
	{ FOLIO_ACT_NEXT_ARTICLE, "next-article", PANES, "Open the next article" },
	{ FOLIO_ACT_PREV_ARTICLE, "prev-article", PANES, "Open the previous article" },
	{ FOLIO_ACT_NEXT_UNREAD, "next-unread", PANES, "Go to the next unread article" },
	{ FOLIO_ACT_PREV_UNREAD, "prev-unread", PANES, "Go to the previous unread article" },
	{ FOLIO_ACT_TOGGLE_READ, "toggle-read", PANES, "Mark the article read or unread" },
	{ FOLIO_ACT_TOGGLE_FLAG, "toggle-flag", PANES, "Flag or unflag the article" },
	{ FOLIO_ACT_PIPE, "pipe", PANES, "Pipe the article to a shell command (asked for on the bottom line)" },
	{ FOLIO_ACT_PAGER, "pager", PANES, "Read the article in $PAGER (less if unset)" },
	{ FOLIO_ACT_SEARCH, "search", PANES, "Open the search bar" },
	{ FOLIO_ACT_NEXT_MATCH, "next-match", PANES, "Go to the next search match" },
	{ FOLIO_ACT_PREV_MATCH, "prev-match", PANES, "Go to the previous search match" },
	{ FOLIO_ACT_SEARCH_SUBMIT, "search-submit", FOLIO_CTX_SEARCH, "Run the search and show the hits" },
	{ FOLIO_ACT_SEARCH_CANCEL, "search-cancel", EVERYWHERE, "Leave search" },
	{ FOLIO_ACT_HISTORY_PREV, "history-prev", FOLIO_CTX_SEARCH, "Recall the previous search" },
	{ FOLIO_ACT_HISTORY_NEXT, "history-next", FOLIO_CTX_SEARCH, "Recall the next search" },
	{ FOLIO_ACT_CURSOR_LEFT, "cursor-left", FOLIO_CTX_SEARCH, "Move the cursor left" },
	{ FOLIO_ACT_CURSOR_RIGHT, "cursor-right", FOLIO_CTX_SEARCH, "Move the cursor right" },
	{ FOLIO_ACT_LINE_START, "line-start", FOLIO_CTX_SEARCH, "Move the cursor to the start" },
	{ FOLIO_ACT_LINE_END, "line-end", FOLIO_CTX_SEARCH, "Move the cursor to the end" },
	{ FOLIO_ACT_DELETE_BACK, "delete-back", FOLIO_CTX_SEARCH, "Delete the character before the cursor" },
	{ FOLIO_ACT_DELETE_FORWARD, "delete-forward", FOLIO_CTX_SEARCH, "Delete the character under the cursor" },
	{ FOLIO_ACT_DELETE_WORD, "delete-word", FOLIO_CTX_SEARCH, "Delete the word before the cursor" },
	{ FOLIO_ACT_DELETE_LINE, "delete-line", FOLIO_CTX_SEARCH, "Delete the whole search text" },
};

const size_t folio_action_count = sizeof folio_actions / sizeof folio_actions[0];

const struct folio_action_info *folio_action_info(enum folio_action action)
{
	for (size_t i = 0; i < folio_action_count; i++)
		if (folio_actions[i].action == action)
			return &folio_actions[i];
	return NULL;
}

const struct folio_action_info *folio_action_by_name(const char *name)
{
	assert(name);
	for (size_t i = 0; i < folio_action_count; i++)
		if (strcmp(folio_actions[i].name, name) == 0)
			return &folio_actions[i];
	return NULL;
}

static const struct {
	unsigned bit;
	const char *name;
} contexts[] = {
	{ FOLIO_CTX_GLOBAL, "global" },
	{ FOLIO_CTX_SOURCES, "sources" },
	{ FOLIO_CTX_ARTICLE, "article" },
	{ FOLIO_CTX_SEARCH, "search" },
};

unsigned folio_context_by_name(const char *name)
{
	assert(name);
	for (size_t i = 0; i < sizeof contexts / sizeof contexts[0]; i++)
		if (strcmp(contexts[i].name, name) == 0)
			return contexts[i].bit;
	return 0;
}

const char *folio_context_name(unsigned context)
{
	for (size_t i = 0; i < sizeof contexts / sizeof contexts[0]; i++)
		if (contexts[i].bit == context)
			return contexts[i].name;
	return NULL;
}
