/*
 * ui_help.c: the '?' screen.
 *
 * Made at draw time from the one action table and the keymap in use, so it
 * always shows the keys that really work, including the user's own
 * bindings.  Actions that only mean something in the search bar come last
 * under their own heading.  A UI_PANE_SCREEN view: it has the whole
 * screen and every key; an unbound key closes it.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include "folio/actions.h"
#include "folio/keymap.h"
#include "folio/text.h"

/* The context whose bindings a line shows: the first one the action works in. */
static unsigned first_context(unsigned contexts)
{
	static const unsigned order[] = { FOLIO_CTX_GLOBAL, FOLIO_CTX_SOURCES, FOLIO_CTX_ARTICLE,
	                                  FOLIO_CTX_SEARCH };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (contexts & order[i])
			return order[i];
	return FOLIO_CTX_GLOBAL;
}

/*
 * One entry of the screen: a heading (action < 0) or an action with its
 * keys and help, each wrapped to its column; an entry takes as many rows
 * as its longer column needs.
 */
enum { HELP_TITLE = -1, HELP_BLANK = -2, HELP_SEARCH_HEAD = -3, HELP_LEGEND = -4 };

static const char *heading(long item)
{
	switch (item) {
	case HELP_TITLE: return "folio keys: q or Esc closes this; your own keys go in ~/.config/folio/keys";
	case HELP_LEGEND: return "In the lists N marks an unread article, ! a flagged one; counts are unread/total.";
	case HELP_SEARCH_HEAD: return "In the search bar (/)";
	default: return "";
	}
}

/* The entries in order: headings, actions that work in the panes, then the search bar's. */
static size_t help_entries(long *out, size_t max)
{
	size_t n = 0;
	out[n++] = HELP_TITLE;
	out[n++] = HELP_LEGEND;
	out[n++] = HELP_BLANK;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && n + 2 <= max) {
			out[n++] = HELP_BLANK;
			out[n++] = HELP_SEARCH_HEAD;
		}
		for (size_t i = 0; i < folio_action_count && n < max; i++) {
			bool search_only = folio_actions[i].contexts == FOLIO_CTX_SEARCH;
			if (search_only == (pass == 1))
				out[n++] = (long)i;
		}
	}
	return n;
}

struct help {
	size_t top;    /* first row shown */
	int height;    /* rows on screen, from the last draw */
	size_t rows;   /* rows the help took at the last draw */
};

struct help_entry {
	char *left;  /* display form: the keys, or the heading */
	char *right; /* display form: the help text */
	struct folio_line *lw, *rw;
	size_t nl, nr;
	attr_t right_attr;
};

static void entry_free(struct help_entry *e)
{
	free(e->left);
	free(e->right);
	free(e->lw);
	free(e->rw);
}

/* Wrap one entry for a screen width; false when memory runs out. */
static bool entry_make(struct ui *ui, long item, int width, int keys_cols, struct help_entry *e)
{
	memset(e, 0, sizeof *e);
	if (item < 0) {
		e->left = ui_display(heading(item));
		if (!e->left)
			return false;
		e->nl = folio_text_wrap(e->left, strlen(e->left), width - 1, &e->lw);
		return e->nl > 0;
	}
	const struct folio_action_info *info = &folio_actions[item];
	char keys[128];
	/* a pane action's keys as the list takes them: its own (<Right>) and the global ones */
	unsigned ctx = info->contexts & FOLIO_CTX_SOURCES ? FOLIO_CTX_SOURCES
	                                                   : first_context(info->contexts);
	if (folio_keymap_describe(ui->km, ctx, info->action, keys, sizeof keys) == 0)
		strcpy(keys, "-");
	e->left = ui_display(keys);
	e->right = ui_display(info->help);
	e->right_attr = strcmp(keys, "-") ? A_NORMAL : ui->attr_dim;
	if (!e->left || !e->right)
		return false;
	e->nl = folio_text_wrap(e->left, strlen(e->left), keys_cols - 1, &e->lw);
	e->nr = folio_text_wrap(e->right, strlen(e->right), width - 2 - keys_cols, &e->rw);
	return e->nl > 0 && e->nr > 0;
}

static size_t entry_rows(const struct help_entry *e)
{
	return e->nl > e->nr ? e->nl : e->nr;
}

static void help_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	struct help *hp = v->data;
	int h, width;
	getmaxyx(w, h, width);
	hp->height = h;
	int keys_cols = width >= 60 ? 20 : width * 2 / 5;
	if (width < 8)
		return;
	long items[256];
	size_t n = help_entries(items, sizeof items / sizeof items[0]);
	struct help_entry *entries = calloc(n, sizeof *entries);
	if (!entries)
		return;
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!entry_make(ui, items[i], width, keys_cols, &entries[i]))
			entries[i].nl = entries[i].nr = 0;
		total += entry_rows(&entries[i]);
	}
	hp->rows = total;
	size_t max_top = total > (size_t)h ? total - (size_t)h : 0;
	if (hp->top > max_top)
		hp->top = max_top;
	size_t row = 0;
	for (size_t i = 0; i < n; i++) {
		const struct help_entry *e = &entries[i];
		for (size_t r = 0; r < entry_rows(e); r++, row++) {
			if (row < hp->top || row >= hp->top + (size_t)h)
				continue;
			int y = (int)(row - hp->top);
			if (items[i] < 0) {
				ui_draw_text(w, y, 1, e->left + e->lw[r].start, e->lw[r].len, width - 1,
				             items[i] == HELP_LEGEND ? A_NORMAL : A_BOLD, NULL, 0, 0, ui);
				continue;
			}
			if (r < e->nl)
				ui_draw_text(w, y, 2, e->left + e->lw[r].start, e->lw[r].len,
				             keys_cols - 1, A_BOLD, NULL, 0, 0, ui);
			if (r < e->nr)
				ui_draw_text(w, y, 2 + keys_cols, e->right + e->rw[r].start,
				             e->rw[r].len, width - 2 - keys_cols, e->right_attr, NULL, 0,
				             0, ui);
		}
	}
	for (size_t i = 0; i < n; i++)
		entry_free(&entries[i]);
	free(entries);
}

static bool help_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct help *hp = v->data;
	long h = hp->height > 1 ? hp->height : 1;
	long top = (long)hp->top;
	long max_top = (long)hp->rows - h;
	if (max_top < 0)
		max_top = 0;
	switch (a) {
	case FOLIO_ACT_DOWN: top++; break;
	case FOLIO_ACT_UP: top--; break;
	case FOLIO_ACT_PAGE_DOWN: top += h - 1; break;
	case FOLIO_ACT_PAGE_UP: top -= h - 1; break;
	case FOLIO_ACT_HALF_DOWN: top += h / 2; break;
	case FOLIO_ACT_HALF_UP: top -= h / 2; break;
	case FOLIO_ACT_TOP: top = 0; break;
	case FOLIO_ACT_BOTTOM: top = max_top; break;
	case FOLIO_ACT_QUIT: ui->quit = true; return true;
	case FOLIO_ACT_REDRAW: clearok(curscr, TRUE); return true;
	default:
		/* q, Esc, ? and anything else close the help */
		ui_view_close(ui, v);
		return true;
	}
	if (top > max_top)
		top = max_top;
	if (top < 0)
		top = 0;
	hp->top = (size_t)top;
	return true;
}

static bool help_unbound(struct ui *ui, struct ui_view *v, folio_key k)
{
	ui_view_close(ui, v);
	return true;
}

static void help_status(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	snprintf(buf, size, "j/k:scroll  q:close help");
}

static int help_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	v->data = calloc(1, sizeof(struct help));
	if (!v->data) {
		ui_message(ui, "out of memory");
		return -1;
	}
	return 0;
}

static void help_close(struct ui *ui, struct ui_view *v)
{
	free(v->data);
}

const struct ui_view_ops ui_help_view = {
	.name = "help",
	.pane = UI_PANE_SCREEN,
	.context = FOLIO_CTX_SOURCES,
	.opened_by = FOLIO_ACT_HELP,
	.open = help_open,
	.close = help_close,
	.draw = help_draw,
	.action = help_action,
	.unbound = help_unbound,
	.status = help_status,
};
