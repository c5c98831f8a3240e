/*
 * ui_edit.c: one line of text being typed on the bottom line.
 *
 * The search bar and the pipe prompt both edit a line the same way (the
 * search context's keys: cursor moves, deletes by character, word or
 * line), so the editing lives here once, on a plain buffer with a byte
 * cursor that always sits on a UTF-8 character boundary.  What the line
 * means, and what Enter and Esc do, is the caller's business.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <assert.h>

#include "folio/text.h"

/* Longer lines are not a search or a command anyone types. */
#define UI_EDIT_MAX 1000

void ui_edit_free(struct ui_edit *e)
{
	folio_buf_free(&e->text);
	e->cursor = 0;
}

/* Room for extra more bytes; a failure leaves the line as it was, and
 * the next edit may try again. */
static bool room(struct ui_edit *e, size_t extra)
{
	e->text.oom = false;
	if (!folio_buf_room(&e->text, extra))
		return false;
	if (e->text.len == 0)
		e->text.s[0] = '\0';
	return true;
}

bool ui_edit_set(struct ui_edit *e, const char *text)
{
	size_t len = strlen(text);
	if (!room(e, len > e->text.len ? len - e->text.len : 0))
		return false;
	memcpy(e->text.s, text, len + 1);
	e->text.len = e->cursor = len;
	return true;
}

const char *ui_edit_text(const struct ui_edit *e)
{
	return e->text.s ? e->text.s : "";
}

int ui_edit_insert(struct ui_edit *e, folio_key k)
{
	uint8_t enc[4];
	ucs4_t c = (ucs4_t)k;
	if (c < 32 || c == 127 || k > 0x10FFFF)
		return 0;
	int n = u8_uctomb(enc, c, sizeof enc); /* refuses a surrogate */
	if (n <= 0 || e->text.len + (size_t)n >= UI_EDIT_MAX)
		return 0;
	struct folio_buf *t = &e->text;
	if (!room(e, (size_t)n))
		return -1;
	assert(e->cursor <= t->len);
	memmove(t->s + e->cursor + n, t->s + e->cursor, t->len - e->cursor + 1);
	memcpy(t->s + e->cursor, enc, (size_t)n);
	t->len += (size_t)n;
	e->cursor += (size_t)n;
	return 1;
}

/* The character boundaries are libunistring's; a byte that is no character is one. */
static size_t char_before(const char *b, size_t i)
{
	ucs4_t uc;
	const uint8_t *s = (const uint8_t *)b, *p = i > 0 ? u8_prev(&uc, s + i, s) : NULL;
	return p ? (size_t)(p - s) : i > 0 ? i - 1 : 0;
}

size_t ui_char_after(const char *b, size_t len, size_t i)
{
	if (i >= len)
		return i;
	int n = u8_mblen((const uint8_t *)b + i, len - i);
	return i + (n > 0 ? (size_t)n : 1);
}

/* Returns whether anything was deleted. */
static bool delete_range(struct ui_edit *e, size_t from, size_t to)
{
	assert(to <= e->text.len);
	if (from >= to)
		return false;
	memmove(e->text.s + from, e->text.s + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cursor = from;
	return true;
}

int ui_edit_action(struct ui_edit *e, enum folio_action a)
{
	if (!e->text.s)
		return a >= FOLIO_ACT_CURSOR_LEFT && a <= FOLIO_ACT_DELETE_LINE ? 0 : -1;
	switch (a) {
	case FOLIO_ACT_CURSOR_LEFT: e->cursor = char_before(e->text.s, e->cursor); return 0;
	case FOLIO_ACT_CURSOR_RIGHT: e->cursor = ui_char_after(e->text.s, e->text.len, e->cursor); return 0;
	case FOLIO_ACT_LINE_START: e->cursor = 0; return 0;
	case FOLIO_ACT_LINE_END: e->cursor = e->text.len; return 0;
	case FOLIO_ACT_DELETE_BACK:
		return delete_range(e, char_before(e->text.s, e->cursor), e->cursor);
	case FOLIO_ACT_DELETE_FORWARD:
		return delete_range(e, e->cursor, ui_char_after(e->text.s, e->text.len, e->cursor));
	case FOLIO_ACT_DELETE_WORD: {
		size_t i = e->cursor;
		while (i > 0 && e->text.s[i - 1] == ' ')
			i--;
		while (i > 0 && e->text.s[i - 1] != ' ')
			i--;
		return delete_range(e, i, e->cursor);
	}
	case FOLIO_ACT_DELETE_LINE:
		return delete_range(e, 0, e->text.len);
	default:
		return -1;
	}
}

int ui_edit_draw(struct ui *ui, WINDOW *w, const struct ui_edit *e, const char *prompt,
                 int cols, attr_t attr, bool editing)
{
	int pw = folio_text_width(prompt, strlen(prompt));
	if (cols < pw + 1)
		return -1;
	const char *text = ui_edit_text(e);
	size_t dlen = 0, clen = 0;
	char *shown = folio_text_display(text, e->text.len, &dlen);
	char *before = folio_text_display(text, e->cursor, &clen);
	if (!shown || !before) {
		free(shown);
		free(before);
		return -1;
	}
	int cursor_col = folio_text_width(before, clen);
	free(before);
	/* scroll the text left so the cursor stays on the line */
	size_t skip = 0;
	int room = cols - pw - 1;
	while (cursor_col > room && skip < dlen) {
		size_t next = ui_char_after(shown, dlen, skip);
		cursor_col -= folio_text_width(shown + skip, next - skip);
		skip = next;
	}
	ui_draw_text(w, 0, 0, prompt, strlen(prompt), cols, attr | (editing ? A_BOLD : A_NORMAL),
	             NULL, 0, 0, ui);
	size_t fit = folio_text_fit(shown + skip, dlen - skip, cols - pw, NULL);
	wattrset(w, attr);
	mvwaddnstr(w, 0, pw, shown + skip, (int)fit);
	wattrset(w, A_NORMAL);
	free(shown);
	return editing ? pw + cursor_col : -1;
}

/* ---- a prompt on the bottom line: |, t and / in an article ---- */

struct ui_prompt *ui_prompt_open(struct ui *ui, struct ui_view *v, const char *prefix)
{
	struct ui_prompt *p = calloc(1, sizeof *p);
	if (!p || !ui_edit_set(&p->line, "")) {
		free(p);
		ui_message(ui, "out of memory");
		return NULL;
	}
	snprintf(p->prefix, sizeof p->prefix, "%s", prefix);
	v->data = p;
	return p;
}

void ui_prompt_close(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	struct ui_prompt *p = v->data;
	ui_edit_free(&p->line);
	free(p);
}

int ui_prompt_line(struct ui *ui, struct ui_view *v, WINDOW *w, int cols)
{
	struct ui_prompt *p = v->data;
	return ui_edit_draw(ui, w, &p->line, p->prefix, cols, ui->attr_status, true);
}

bool ui_prompt_action(struct ui *ui, struct ui_view *v, enum folio_action a,
                      struct ui_edit *last, char **typed)
{
	struct ui_edit *e = &((struct ui_prompt *)v->data)->line;
	*typed = NULL;
	switch (a) {
	case FOLIO_ACT_SEARCH_SUBMIT:
	case FOLIO_ACT_OPEN:
		*typed = strdup(ui_edit_text(e));
		if (!*typed || (last && **typed && !ui_edit_set(last, *typed)))
			ui_message(ui, "out of memory");
		ui_view_close(ui, v);
		return true;
	case FOLIO_ACT_SEARCH_CANCEL:
	case FOLIO_ACT_BACK:
		ui_view_close(ui, v);
		return true;
	case FOLIO_ACT_HISTORY_PREV:
		if (last && last->text.s && !ui_edit_set(e, last->text.s))
			ui_message(ui, "out of memory");
		return false;
	case FOLIO_ACT_REDRAW:
		clearok(curscr, TRUE);
		return false;
	case FOLIO_ACT_DELETE_BACK:
		/* Backspace on an empty line leaves it, as the search bar does */
		if (e->text.len == 0) {
			ui_view_close(ui, v);
			return true;
		}
		break;
	default:
		break;
	}
	ui_edit_action(e, a);
	return false;
}

bool ui_prompt_typing(const struct ui_view *v)
{
	(void)v;
	return true;
}

void ui_prompt_insert(struct ui *ui, struct ui_view *v, folio_key k)
{
	struct ui_edit *line = &((struct ui_prompt *)v->data)->line;
	if (ui_edit_insert(line, k) < 0)
		ui_message(ui, "out of memory");
}

void ui_prompt_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	(void)ui, (void)v, (void)w; /* the panes stay as they are: a prompt is only its line */
}
