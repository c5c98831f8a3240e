/*
 * ui_view.c: the stack of views (see folio/ui_view.h for the interface).
 *
 * The stack decides what each pane shows (its topmost view of that pane)
 * and, with ui->focus, which view has the keyboard.  Views are opened on
 * top and closed with everything above them; the focus a view took when it
 * opened is given back when it closes.  Everything here is about the
 * stack: no view's state is read but through its ops.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <assert.h>

#define UI_VIEW_ENTRY(name) &ui_##name##_view,
static const struct ui_view_ops *const registry[] = { UI_VIEWS(UI_VIEW_ENTRY) };
#undef UI_VIEW_ENTRY
#define NVIEWS (sizeof registry / sizeof registry[0])

static bool modal(const struct ui_view *v)
{
	return v->ops->pane == UI_PANE_SCREEN || v->ops->pane == UI_PANE_LINE;
}

struct ui_view *ui_view_pane(const struct ui *ui, enum ui_pane pane)
{
	for (size_t i = ui->depth; i-- > 0;)
		if (ui->stack[i].ops->pane == pane)
			return (struct ui_view *)&ui->stack[i];
	return NULL;
}

struct ui_view *ui_view_focused(const struct ui *ui)
{
	assert(ui->depth > 0);
	const struct ui_view *top = &ui->stack[ui->depth - 1];
	if (modal(top))
		return (struct ui_view *)top;
	struct ui_view *v = ui_view_pane(ui, ui->focus);
	return v ? v : ui_view_pane(ui, UI_PANE_LIST);
}

bool ui_view_has_focus(const struct ui *ui, const struct ui_view *v)
{
	return ui_view_pane(ui, ui->focus) == v;
}

struct ui_view *ui_view_below(const struct ui *ui, const struct ui_view *v, enum ui_pane pane)
{
	for (const struct ui_view *p = v; p-- > ui->stack;)
		if (p->ops->pane == pane)
			return (struct ui_view *)p;
	return NULL;
}

unsigned ui_view_context(const struct ui *ui)
{
	const struct ui_view *v = ui_view_focused(ui);
	if (v->ops->typing && v->ops->typing(v))
		return FOLIO_CTX_SEARCH;
	return v->ops->context;
}

/* Close the views from the top down to index i (included), giving back the focus. */
static void pop_to(struct ui *ui, size_t i)
{
	while (ui->depth > i) {
		struct ui_view *v = &ui->stack[--ui->depth];
		enum ui_pane focus = v->saved_focus;
		v->ops->close(ui, v);
		memset(v, 0, sizeof *v);
		if (focus == UI_PANE_LIST || focus == UI_PANE_ARTICLE)
			ui->focus = ui_view_pane(ui, focus) ? focus : UI_PANE_LIST;
	}
}

void ui_view_close(struct ui *ui, struct ui_view *v)
{
	size_t i = (size_t)(v - ui->stack);
	assert(i < ui->depth);
	/* the bottom view stays: the reader always has something to show */
	pop_to(ui, i > 0 ? i : 1);
}

/* Open ops into slot i (the top, or a slot being replaced); the focus goes to it. */
static struct ui_view *open_at(struct ui *ui, size_t i, const struct ui_view_ops *ops,
                               const struct ui_view_arg *arg)
{
	struct ui_view v = { .ops = ops, .saved_focus = ui->focus };
	if (i >= UI_STACK_MAX) {
		ui_message(ui, "Too many views open");
		return NULL;
	}
	if (ops->open(ui, &v, arg) != 0)
		return NULL;
	if (i < ui->depth) {
		/* replacing a view in place (what is above it stays): it hands on its saved focus */
		v.saved_focus = ui->stack[i].saved_focus;
		ui->stack[i].ops->close(ui, &ui->stack[i]);
	} else {
		ui->depth = i + 1;
	}
	ui->stack[i] = v;
	if (ops->pane == UI_PANE_LIST || ops->pane == UI_PANE_ARTICLE)
		ui->focus = ops->pane;
	return &ui->stack[i];
}

struct ui_view *ui_view_push(struct ui *ui, const struct ui_view_ops *ops,
                             const struct ui_view_arg *arg)
{
	return open_at(ui, ui->depth, ops, arg);
}

int ui_view_start(struct ui *ui)
{
	ui->depth = 0;
	ui->focus = UI_PANE_LIST;
	return ui_view_push(ui, registry[0], NULL) ? 0 : -1;
}

void ui_view_stop(struct ui *ui)
{
	pop_to(ui, 0);
}

bool ui_view_cancel(struct ui *ui)
{
	for (size_t i = ui->depth; i-- > 1;) {
		if (ui->stack[i].ops->esc_closes) {
			pop_to(ui, i);
			return true;
		}
	}
	return false;
}

/*
 * An article opened from a list replaces the article opened from it
 * before (the view just above it), whatever is above that; otherwise it
 * goes on top, closing what was above the list.
 */
void ui_view_open_article(struct ui *ui, struct ui_view *from, int64_t id,
                          const struct folio_query *query)
{
	size_t i = (size_t)(from - ui->stack) + 1;
	struct ui_view_arg arg = { .id = id, .query = query };
	if (i < ui->depth && ui->stack[i].ops == &ui_article_view) {
		open_at(ui, i, &ui_article_view, &arg);
		return;
	}
	struct ui_view v = { .ops = &ui_article_view, .saved_focus = ui->focus };
	if (ui_article_view.open(ui, &v, &arg) != 0)
		return;
	pop_to(ui, i);
	ui->stack[ui->depth++] = v;
	ui->focus = UI_PANE_ARTICLE;
}

void ui_view_filter(struct ui *ui, const char *text)
{
	struct ui_view_arg arg = { .action = FOLIO_ACT_FILTER, .text = text };
	ui_view_push(ui, &ui_results_view, &arg);
}

void ui_view_search(struct ui *ui, const char *text)
{
	struct ui_view_arg arg = { .action = FOLIO_ACT_SEARCH, .text = text };
	ui_view_push(ui, &ui_results_view, &arg);
}

void ui_view_find(struct ui *ui, const char *text)
{
	struct ui_view *v = ui_view_focused(ui);
	if (v->ops->find)
		v->ops->find(ui, v, text);
}

bool ui_view_scope(struct ui *ui, struct ui_scope *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = ui->depth; i-- > 0;) {
		struct ui_view *v = &ui->stack[i];
		if (v->ops->pane == UI_PANE_LIST && v->ops->scope)
			return v->ops->scope(ui, v, out);
	}
	return false;
}

void ui_scope_free(struct ui_scope *s)
{
	free(s->name);
	free(s->query);
	memset(s, 0, sizeof *s);
}

bool ui_view_open_by(struct ui *ui, enum folio_action a)
{
	for (size_t k = 0; k < NVIEWS; k++) {
		if (registry[k]->opened_by != a)
			continue;
		for (size_t i = ui->depth; i-- > 0;) {
			struct ui_view *v = &ui->stack[i];
			if (v->ops == registry[k]) {
				/* already open: it has the keyboard again, and the action */
				if (v->ops->pane == UI_PANE_LIST || v->ops->pane == UI_PANE_ARTICLE)
					ui->focus = v->ops->pane;
				v->ops->action(ui, v, a);
				return true;
			}
		}
		struct ui_view_arg arg = { .action = a };
		ui_view_push(ui, registry[k], &arg);
		return true;
	}
	return false;
}

bool ui_view_step(struct ui *ui, int dir, bool unread_only)
{
	struct ui_view *v = ui_view_focused(ui);
	struct ui_view *list = v->ops->pane == UI_PANE_ARTICLE ? ui_view_below(ui, v, UI_PANE_LIST)
	                                                        : v;
	if (!list || !list->ops->step)
		return false;
	/* the article open from the list: the step is from it, not from the cursor */
	int64_t from = 0;
	struct ui_view *above = list + 1;
	if (above < ui->stack + ui->depth && above->ops->pane == UI_PANE_ARTICLE &&
	    above->ops->target)
		above->ops->target(ui, above, &from, NULL, NULL);
	if (!list->ops->step(ui, list, from, dir, unread_only))
		return false;
	if (v != list)
		list->ops->action(ui, list, FOLIO_ACT_OPEN);
	return true;
}

struct ui_view *ui_view_opened(const struct ui *ui)
{
	struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
	struct ui_view *art = ui_view_pane(ui, UI_PANE_ARTICLE);
	return art && list && art > list ? art : NULL;
}

bool ui_view_preview(struct ui *ui, int64_t *id, const struct folio_query **q)
{
	struct ui_view *list = ui_view_pane(ui, UI_PANE_LIST);
	*q = NULL;
	return list && list->ops->preview && list->ops->preview(ui, list, id, q);
}

bool ui_view_target(struct ui *ui, int64_t *id, bool *read, bool *flagged)
{
	struct ui_view *v = ui_view_focused(ui);
	bool r, f;
	if (!v->ops->target || !v->ops->target(ui, v, id, &r, &f))
		return false;
	if (read)
		*read = r;
	if (flagged)
		*flagged = f;
	return true;
}

void ui_view_set_state(struct ui *ui, int64_t id, bool read, bool flagged)
{
	for (size_t i = 0; i < ui->depth; i++)
		if (ui->stack[i].ops->set_state)
			ui->stack[i].ops->set_state(ui, &ui->stack[i], id, read, flagged);
}

void ui_view_reload(struct ui *ui, bool all)
{
	ui_preview_free(ui); /* its marks or tags may have changed: read it again */
	for (size_t i = 0; i < ui->depth; i++)
		if (ui->stack[i].ops->reload)
			ui->stack[i].ops->reload(ui, &ui->stack[i], all);
}

int ui_view_wait_ms(struct ui *ui, int idle_ms)
{
	int ms = idle_ms;
	for (size_t i = 0; i < ui->depth; i++) {
		if (!ui->stack[i].ops->wait_ms)
			continue;
		int w = ui->stack[i].ops->wait_ms(ui, &ui->stack[i], idle_ms);
		if (w < ms)
			ms = w;
	}
	return ms;
}

bool ui_view_idle(struct ui *ui)
{
	bool changed = false;
	for (size_t i = 0; i < ui->depth; i++)
		if (ui->stack[i].ops->idle && ui->stack[i].ops->idle(ui, &ui->stack[i]))
			changed = true;
	return changed;
}
