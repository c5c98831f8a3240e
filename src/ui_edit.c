/*
 * ui_edit.c: one line of text being typed on the bottom line.
 *
 * The search bar and the pipe prompt both edit a line the same way (the
 * search context's keys: cursor moves, deletes by character, word or
 * line), so the editing lives here once, on a plain buffer with a byte
 * cursor that always sits on a UTF-8 character boundary.  What the line
 * means, and what Enter and Esc do, is the caller's business.
 */
#include "ui_internal.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "folio/text.h"

/* Longer lines are not a search or a command anyone types. */
#define UI_EDIT_MAX 1000

void ui_edit_free(struct ui_edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

static bool reserve(struct ui_edit *e, size_t len)
{
	if (len + 1 <= e->size)
		return true;
	size_t size = (len + 1) * 2;
	char *b = realloc(e->buf, size);
	if (!b)
		return false;
	if (!e->buf)
		b[0] = '\0';
	e->buf = b;
	e->size = size;
	return true;
}

bool ui_edit_set(struct ui_edit *e, const char *text)
{
	size_t len = strlen(text);
	if (!reserve(e, len))
		return false;
	memcpy(e->buf, text, len + 1);
	e->len = e->cursor = len;
	return true;
}

const char *ui_edit_text(const struct ui_edit *e)
{
	return e->buf ? e->buf : "";
}

int ui_edit_insert(struct ui_edit *e, folio_key k)
{
	char enc[4];
	size_t n;
	uint32_t c = (uint32_t)k;
	if (c < 32 || c == 127 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	if (c < 0x80) {
		enc[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		enc[0] = (char)(0xC0 | c >> 6);
		enc[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		enc[0] = (char)(0xE0 | c >> 12);
		enc[1] = (char)(0x80 | (c >> 6 & 0x3F));
		enc[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		enc[0] = (char)(0xF0 | c >> 18);
		enc[1] = (char)(0x80 | (c >> 12 & 0x3F));
		enc[2] = (char)(0x80 | (c >> 6 & 0x3F));
		enc[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	if (e->len + n >= UI_EDIT_MAX)
		return 0;
	if (!reserve(e, e->len + n))
		return -1;
	assert(e->cursor <= e->len);
	memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, enc, n);
	e->len += n;
	e->cursor += n;
	return 1;
}

static size_t char_before(const char *b, size_t i)
{
	while (i > 0 && ((unsigned char)b[--i] & 0xC0) == 0x80)
		;
	return i;
}

size_t ui_char_after(const char *b, size_t len, size_t i)
{
	if (i < len)
		i++;
	while (i < len && ((unsigned char)b[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Returns whether anything was deleted. */
static bool delete_range(struct ui_edit *e, size_t from, size_t to)
{
	assert(to <= e->len);
	if (from >= to)
		return false;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	return true;
}

int ui_edit_action(struct ui_edit *e, enum folio_action a)
{
	if (!e->buf)
		return a >= FOLIO_ACT_CURSOR_LEFT && a <= FOLIO_ACT_DELETE_LINE ? 0 : -1;
	switch (a) {
	case FOLIO_ACT_CURSOR_LEFT: e->cursor = char_before(e->buf, e->cursor); return 0;
	case FOLIO_ACT_CURSOR_RIGHT: e->cursor = ui_char_after(e->buf, e->len, e->cursor); return 0;
	case FOLIO_ACT_LINE_START: e->cursor = 0; return 0;
	case FOLIO_ACT_LINE_END: e->cursor = e->len; return 0;
	case FOLIO_ACT_DELETE_BACK:
		return delete_range(e, char_before(e->buf, e->cursor), e->cursor);
	case FOLIO_ACT_DELETE_FORWARD:
		return delete_range(e, e->cursor, ui_char_after(e->buf, e->len, e->cursor));
	case FOLIO_ACT_DELETE_WORD: {
		size_t i = e->cursor;
		while (i > 0 && e->buf[i - 1] == ' ')
			i--;
		while (i > 0 && e->buf[i - 1] != ' ')
			i--;
		return delete_range(e, i, e->cursor);
	}
	case FOLIO_ACT_DELETE_LINE:
		return delete_range(e, 0, e->len);
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
	char *shown = folio_text_display(text, e->len, &dlen);
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
