/*
 * ui_status.c: the bottom line.
 *
 * Left: the search bar while it has the keyboard, else a message, else
 * the keys of a sequence being typed, else the topmost view's line (the
 * search bar while its results are shown), else the focused view's hint
 * with the keys this keymap really uses.  Right: where the focused view is
 * ("3 of 120", the percentage through the article) and the help key.  On a
 * narrow line the left part wins.  Everything view-specific comes from the
 * views' ops; nothing here knows which views there are.
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
void ui_key_hint(const struct ui *ui, unsigned ctx, enum folio_action action, const char *label,
                 char *buf, size_t size)
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

/*
 * The right part: where the focused view is; an article's is preceded by
 * that of the list it was opened from ("3 of 120  40%").
 */
static void status_right(struct ui *ui, struct ui_view *v, char *right, size_t size)
{
	right[0] = '\0';
	if (v->ops->status)
		v->ops->status(ui, v, right, size);
	struct ui_view *list = v->ops->pane == UI_PANE_ARTICLE ? ui_view_below(ui, v, UI_PANE_LIST)
	                                                        : NULL;
	if (list && list->ops->status) {
		char a[48], l[64] = "";
		snprintf(a, sizeof a, "%s", right);
		list->ops->status(ui, list, l, sizeof l);
		snprintf(right, size, "%s%s%s", l, *l ? "  " : "", a);
	}
}

void ui_status_draw(struct ui *ui)
{
	WINDOW *w = ui->status_win;
	int cols = ui->cols;
	char right[128] = "";
	char pending[64] = "";
	wbkgdset(w, ' ' | ui->attr_status);
	werase(w);

	struct ui_view *v = ui_view_focused(ui);
	if (v->ops->pane == UI_PANE_LINE) {
		/* a prompt has the whole line */
		int x = v->ops->line(ui, v, w, cols);
		if (x >= 0) {
			wmove(w, 0, x);
			curs_set(1);
		}
		return;
	}
	/* a screen (help) has the keyboard: the panes' bar and hints are not for now */
	bool screen = v->ops->pane == UI_PANE_SCREEN;
	status_right(ui, v, right, sizeof right);
	if (!screen) {
		size_t n = strlen(right);
		if (n)
			snprintf(right + n, sizeof right - n, "  ");
		ui_key_hint(ui, FOLIO_CTX_GLOBAL, FOLIO_ACT_HELP, "help", right, sizeof right);
	}
	for (size_t i = 0; i < ui->nseq; i++) {
		size_t n = strlen(pending);
		folio_key_name(ui->seq[i], pending + n, sizeof pending - n);
	}

	/* the topmost view with a line (the search bar) shows it when nothing else is said */
	struct ui_view *bar = NULL;
	for (size_t i = ui->depth; !screen && !bar && i-- > 0;)
		if (ui->stack[i].ops->line)
			bar = &ui->stack[i];
	bool editing = v->ops->typing && v->ops->typing(v) && v->ops->line;
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
		cursor_x = v->ops->line(ui, v, w, lcols);
	} else if (ui->message[0]) {
		/* messages can quote file names and the store's words: clean them like article text */
		char *msg = ui_display(ui->message);
		if (msg)
			ui_draw_text(w, 0, 0, msg, strlen(msg), lcols, ui->attr_status | A_BOLD, NULL, 0,
			             0, ui);
		free(msg);
	} else if (pending[0]) {
		ui_draw_text(w, 0, 0, pending, strlen(pending), lcols, ui->attr_status, NULL, 0, 0, ui);
	} else if (bar) {
		bar->ops->line(ui, bar, w, lcols);
	} else if (!screen && v->ops->hint) {
		/* what a newcomer most needs next, with the keys this keymap really uses */
		char hint[96] = "";
		v->ops->hint(ui, v, hint, sizeof hint);
		/* the most needed first: what does not fit is left off at a hint's end */
		char *cut;
		while (folio_text_width(hint, strlen(hint)) + 2 > lcols && (cut = strrchr(hint, ' ')))
			*(cut > hint && cut[-1] == ' ' ? cut - 1 : cut) = '\0';
		if (hint[0] && folio_text_width(hint, strlen(hint)) + 2 <= lcols)
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
