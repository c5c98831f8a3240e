/*
 * actions: the one table of everything a key can do, made from the
 * FOLIO_ACTIONS list in folio/actions.h.
 *
 * Key lookup, the '?' help screen, `folio --list-actions` and the man page
 * all read this table, so a name or a help line is written exactly once.
 * The table is in help-screen order, which is the enum's order, so an
 * action's entry is found by index.
 */
#include "folio/folio.h"

#include <assert.h>

#include "folio/actions.h"

#define FOLIO_ACTION_ENTRY(id, name, contexts, help) { FOLIO_ACT_##id, name, contexts, help },
const struct folio_action_info folio_actions[] = { FOLIO_ACTIONS(FOLIO_ACTION_ENTRY) };
#undef FOLIO_ACTION_ENTRY

const size_t folio_action_count = sizeof folio_actions / sizeof folio_actions[0];

/* The enum and the table come from one list: entry a - 1 is action a. */
_Static_assert(sizeof folio_actions / sizeof folio_actions[0] == FOLIO_ACT_COUNT - 1,
               "one table entry per action");

const struct folio_action_info *folio_action_info(enum folio_action action)
{
	if (action <= FOLIO_ACT_NONE || action >= FOLIO_ACT_COUNT)
		return NULL;
	assert(folio_actions[action - 1].action == action);
	return &folio_actions[action - 1];
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
