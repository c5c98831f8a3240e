/*
 * ui_status.c: the bottom line.
 *
 * Left: the search bar while it is open or its results are shown, else a
 * message, else the keys of a sequence being typed, else a hint with the
 * keys this keymap really uses.  Right: where the reader is ("3 of 120",
 * the percentage through the article) and the help key.  On a narrow line
 * the left part wins.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include "folio/text.h"

/* Whether the ", "-separated list holds the key name name[0..n) as a whole item. */
static bool in_list(const char *list, const char *name, size_t n)
{
	while (*list) {
		size_t len = strcspn(list, ",");
		if (len == n && memcmp(list, name, n) == 0)
			return true;
		list += len;
		while (*list == ',' || *list == ' ')
			list++;
	}
	return false;
}

/*
 * Append "KEY:label" for a key bound to action ("<Enter>" shown as "Enter");
 * nothing when the action has no key.  Of the keys that work here, a global
 * one is preferred: it works everywhere (Enter, not the Right arrow the
 * panes also take).
 */
static void key_hint(const struct ui *ui, unsigned ctx, enum folio_action action,
                     const char *label, char *buf, size_t size)
{
	char keys[64], global[64];
	if (folio_keymap_describe(ui->km, ctx, action, keys, sizeof keys) == 0)
		return;
	if (folio_keymap_describe(ui->km, FOLIO_CTX_GLOBAL, action, global, sizeof global) == 0)
		global[0] = '\0';
	char *k = keys;
	for (char *p = keys; *p;) {
		size_t n = strcspn(p, ",");
		if (in_list(global, p, n)) {
			k = p;
			break;
		}
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	size_t n = strcspn(k, ",");
	k[n] = '\0';
	if (n > 2 && k[0] == '<' && k[n - 1] == '>') {
		k[n - 1] = '\0';
		k++;
	}
	size_t used = strlen(buf);
	snprintf(buf + used, size - used, "%s:%s", k, label);
}

void ui_status_draw(struct ui *ui)
{
	WINDOW *w = ui->status_win;
	int cols = ui->cols;
	char right[128] = "";
	char pending[64] = "";
	wbkgdset(w, ' ' | ui->attr_status);
	werase(w);

	if (ui->help) {
		snprintf(right, sizeof right, "j/k:scroll  q:close help");
	} else if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open) {
		char a[48], l[64] = "";
		ui_article_status(ui, a, sizeof a);
		if (ui->search.active && ui->art.from_search)
			ui_search_status(ui, l, sizeof l);
		else
			ui_list_status(ui, l, sizeof l);
		snprintf(right, sizeof right, "%s%s%s", l, *l ? "  " : "", a);
	} else if (ui->search.active) {
		ui_search_status(ui, right, sizeof right);
	} else {
		ui_list_status(ui, right, sizeof right);
	}
	if (!ui->help) {
		size_t n = strlen(right);
		if (n)
			snprintf(right + n, sizeof right - n, "  ");
		key_hint(ui, FOLIO_CTX_GLOBAL, FOLIO_ACT_HELP, "help", right, sizeof right);
	}
	for (size_t i = 0; i < ui->nseq; i++) {
		size_t n = strlen(pending);
		folio_key_name(ui->seq[i], pending + n, sizeof pending - n);
	}

	if (ui->prompt.active && !ui->help) {
		/* the command being typed has the whole line */
		int x = ui_pipe_draw_prompt(ui, w, cols);
		if (x >= 0) {
			wmove(w, 0, x);
			curs_set(1);
		}
		return;
	}
	bool editing = ui->search.editing && !ui->help;
	if (editing && ui->message[0]) {
		/* the bar has the left: a message ("No articles match") takes the counts' place */
		char *msg = ui_display(ui->message);
		if (msg)
			snprintf(right, sizeof right, "%s", msg);
		free(msg);
	}
	int rw = folio_text_width(right, strlen(right));
	/* On a narrow line the left part (bar, message) wins over the counts. */
	int left_min = editing ? 12 : (ui->message[0] ? cols : 0);
	if (rw + 1 > cols - left_min)
		rw = 0;
	if (rw > 0)
		ui_draw_text(w, 0, cols - rw, right, strlen(right), rw, ui->attr_status, NULL, 0, 0, ui);
	int lcols = cols - (rw ? rw + 1 : 0);
	int cursor_x = -1;
	if (editing) {
		cursor_x = ui_search_draw_bar(ui, w, lcols);
	} else if (ui->message[0]) {
		/* messages can quote file names and the store's words: clean them like article text */
		char *msg = ui_display(ui->message);
		if (msg)
			ui_draw_text(w, 0, 0, msg, strlen(msg), lcols, ui->attr_status | A_BOLD, NULL, 0,
			             0, ui);
		free(msg);
	} else if (pending[0]) {
		ui_draw_text(w, 0, 0, pending, strlen(pending), lcols, ui->attr_status, NULL, 0, 0, ui);
	} else if (ui->search.active && !ui->help) {
		ui_search_draw_bar(ui, w, lcols);
	} else if (!ui->help) {
		/* what a newcomer most needs next, with the keys this keymap really uses */
		char hint[96] = "";
		unsigned ctx = ui_current_context(ui);
		if (ui->focus == UI_FOCUS_ARTICLE && ui->art.open) {
			key_hint(ui, ctx, FOLIO_ACT_PAGE_DOWN, "page  ", hint, sizeof hint);
			key_hint(ui, ctx, FOLIO_ACT_BACK, "back", hint, sizeof hint);
		} else {
			key_hint(ui, ctx, FOLIO_ACT_OPEN, "open  ", hint, sizeof hint);
			key_hint(ui, ctx, FOLIO_ACT_SEARCH, "search", hint, sizeof hint);
		}
		if (folio_text_width(hint, strlen(hint)) + 2 <= lcols)
			ui_draw_text(w, 0, 1, hint, strlen(hint), lcols - 1, ui->attr_status, NULL, 0, 0,
			             ui);
	}
	if (cursor_x >= 0) {
		wmove(w, 0, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
}
