/*
 * ui_draw.c: how every view puts text on the screen, and the one-line
 * messages they leave for the status line.
 *
 * Text reaches curses only through ui_draw_text(), and only after
 * folio_text_display() (ui_display() here): widths come from the text
 * module, so CJK and emoji keep the columns aligned and a cut always falls
 * on a character boundary with an ellipsis.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <assert.h>
#include <stdarg.h>

#include "folio/text.h"

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
}

/* Show a store error on the status line and free it. */
void ui_store_error(struct ui *ui, char *err)
{
	/* A damaged store stops the reader: what is read from it can no longer be trusted. */
	if (folio_store_damaged(ui->st) && !ui->fatal) {
		ui->fatal = err ? err : strdup("the store is damaged");
		ui->quit = true;
		return;
	}
	ui_message(ui, "%s", err ? err : "out of memory");
	free(err);
}

/* The display form of a possibly NULL field; NULL only when memory runs out. */
char *ui_display(const char *s)
{
	if (!s)
		s = "";
	return folio_text_display(s, strlen(s), NULL);
}

/*
 * Draw clean text at (y, x) in at most cols columns, ending with "…" when it
 * does not fit; the byte ranges in spans get hl on top of attr.  Returns the
 * columns drawn.
 */
int ui_draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int cols, attr_t attr,
                 const struct folio_span *spans, size_t nspans, attr_t hl,
                 const struct ui *ui)
{
	if (cols <= 0 || !s)
		return 0;
	int width = 0;
	size_t fit = folio_text_fit(s, len, cols, &width);
	bool cut = fit < len;
	if (cut)
		fit = folio_text_fit(s, len, cols - 1, &width);
	assert(fit <= len);
	if (wmove(w, y, x) == ERR)
		return 0;
	size_t pos = 0, si = 0;
	while (pos < fit) {
		while (si < nspans && spans[si].start + spans[si].len <= pos)
			si++;
		size_t end = fit;
		attr_t a = attr;
		if (si < nspans && spans[si].start <= pos) {
			if (spans[si].start + spans[si].len < end)
				end = spans[si].start + spans[si].len;
			a |= hl;
		} else if (si < nspans && spans[si].start < end) {
			end = spans[si].start;
		}
		wattrset(w, a);
		waddnstr(w, s + pos, (int)(end - pos));
		pos = end;
	}
	if (cut) {
		wattrset(w, attr);
		waddstr(w, ui->ellipsis);
		width++;
	}
	wattrset(w, A_NORMAL);
	return width;
}
