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

struct find_prompt {
	struct ui_edit line; /* first: a prompt's (ui_prompt_insert) */
};

static int find_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	(void)arg;
	struct ui_view *art = ui_view_focused(ui);
	if (!art->ops->find) {
		ui_message(ui, "Nothing to find in: open an article (s searches every article)");
		return -1;
	}
	struct find_prompt *p = calloc(1, sizeof *p);
	if (!p || !ui_edit_set(&p->line, "")) {
		free(p);
		ui_message(ui, "out of memory");
		return -1;
	}
	v->data = p;
	return 0;
}

static void find_close(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	struct find_prompt *p = v->data;
	ui_edit_free(&p->line);
	free(p);
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

static int find_line(struct ui *ui, struct ui_view *v, WINDOW *w, int cols)
{
	struct find_prompt *p = v->data;
	return ui_edit_draw(ui, w, &p->line, "Find: ", cols, ui->attr_status, true);
}

const struct ui_view_ops ui_find_view = {
	.name = "find",
	.pane = UI_PANE_LINE,
	.context = FOLIO_CTX_SEARCH,
	.opened_by = FOLIO_ACT_FIND,
	.esc_closes = true,
	.open = find_open,
	.close = find_close,
	.draw = ui_prompt_draw,
	.action = find_action,
	.typing = ui_prompt_typing,
	.insert = ui_prompt_insert,
	.line = find_line,
};
