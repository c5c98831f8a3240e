/*
 * ui_find.c: / in an article: find in its text, as less, mutt's pager and
 * tig do (s, or / from a list, searches every article).
 *
 * "Find: " on the bottom line (a prompt, like | and t); Enter asks the
 * reader to find what was typed in the article with the keyboard, which
 * highlights every match and shows the first one at or below the top of
 * the pane; n and N go on from there.  What is typed is read as the search
 * bar reads it (words folded, "a phrase"), each word a prefix: "miss"
 * finds "missile".  Up recalls the last find.
 */
#include "folio/folio.h"

#include "ui_internal.h"

static int find_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	(void)arg;
	struct ui_view *art = ui_view_focused(ui);
	if (!art->ops->find) {
		ui_message(ui, "Nothing to find in: open an article (s searches every article)");
		return -1;
	}
	return ui_prompt_open(ui, v, "Find: ") ? 0 : -1;
}

static bool find_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	char *typed;
	/* closed: the article has the keyboard again */
	if (ui_prompt_action(ui, v, a, &ui->find_last, &typed) && typed && *typed)
		ui_view_find(ui, typed);
	free(typed);
	return true;
}

const struct ui_view_ops ui_find_view = {
	.name = "find",
	.opened_by = FOLIO_ACT_FIND,
	.open = find_open,
	.action = find_action,
	UI_PROMPT_OPS,
};
