/*
 * ui_help.c: the '?' screen.
 *
 * Made at draw time from the one action table and the keymap in use, so it
 * always shows the keys that really work, including the user's own
 * bindings.  Actions that only mean something in the search bar come last
 * under their own heading.
 */
#include "ui_internal.h"

#include <stdlib.h>
#include <string.h>

#include "folio/actions.h"
#include "folio/keymap.h"

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

/* The help lines, in order: index < 0 for the headings. */
enum { HELP_TITLE = -1, HELP_BLANK = -2, HELP_SEARCH_HEAD = -3 };

static size_t help_lines(long *out, size_t max)
{
	size_t n = 0;
	if (n < max)
		out[n++] = HELP_TITLE;
	if (n < max)
		out[n++] = HELP_BLANK;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			if (n < max)
				out[n++] = HELP_BLANK;
			if (n < max)
				out[n++] = HELP_SEARCH_HEAD;
		}
		for (size_t i = 0; i < folio_action_count; i++) {
			bool search_only = folio_actions[i].contexts == FOLIO_CTX_SEARCH;
			if (search_only == (pass == 1) && n < max)
				out[n++] = (long)i;
		}
	}
	return n;
}

static size_t help_count(void)
{
	long lines[256];
	return help_lines(lines, sizeof lines / sizeof lines[0]);
}

void ui_help_draw(struct ui *ui, WINDOW *w)
{
	int h, width;
	getmaxyx(w, h, width);
	ui->help_height = h;
	long lines[256];
	size_t n = help_lines(lines, sizeof lines / sizeof lines[0]);
	size_t max_top = n > (size_t)h ? n - (size_t)h : 0;
	if (ui->help_top > max_top)
		ui->help_top = max_top;
	int keys_cols = width >= 60 ? 20 : width / 3;
	for (int y = 0; y < h && ui->help_top + (size_t)y < n; y++) {
		long item = lines[ui->help_top + (size_t)y];
		const char *text = NULL;
		if (item == HELP_TITLE)
			text = "folio keys (q or Esc closes; your own go in ~/.config/folio/keys)";
		else if (item == HELP_SEARCH_HEAD)
			text = "In the search bar (/)";
		if (text) {
			ui_draw_text(w, y, 1, text, strlen(text), width - 1, A_BOLD, NULL, 0, 0, ui);
			continue;
		}
		if (item < 0)
			continue;
		const struct folio_action_info *info = &folio_actions[item];
		char keys[128];
		size_t klen = folio_keymap_describe(ui->km, first_context(info->contexts),
		                                    info->action, keys, sizeof keys);
		if (klen == 0)
			strcpy(keys, "-");
		char *shown_keys = ui_display(keys), *help = ui_display(info->help);
		int x = 2;
		if (shown_keys)
			ui_draw_text(w, y, x, shown_keys, strlen(shown_keys), keys_cols - 1, A_BOLD,
			             NULL, 0, 0, ui);
		x += keys_cols;
		if (x < width && help)
			ui_draw_text(w, y, x, help, strlen(help), width - x,
			             klen ? A_NORMAL : ui->attr_dim, NULL, 0, 0, ui);
		free(shown_keys);
		free(help);
	}
}

void ui_help_action(struct ui *ui, enum folio_action a)
{
	long h = ui->help_height > 1 ? ui->help_height : 1;
	long top = (long)ui->help_top;
	long max_top = (long)help_count() - h;
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
	case FOLIO_ACT_QUIT: ui->quit = true; return;
	case FOLIO_ACT_REDRAW: clearok(curscr, TRUE); return;
	default:
		/* q, Esc, ? and anything else close the help */
		ui->help = false;
		return;
	}
	if (top > max_top)
		top = max_top;
	if (top < 0)
		top = 0;
	ui->help_top = (size_t)top;
}
