/*
 * ui_copies.c: a short list of articles picked for one article, in the
 * list pane: its story's copies (c: the same text from other outlets,
 * linked at import) and, with the same code, the articles most like it
 * (m: its most distinctive words through the full-text index).
 *
 * The list is small and read whole when it opens: each row is its date,
 * source and title.  Enter opens one beside it; J/K step through it; q or
 * Esc closes it and gives the keyboard back.
 */
#include "folio/folio.h"

#include "ui_internal.h"

struct ui_pick {
	int64_t id;
	char date[11];
	char *source; /* display form */
	char *title;  /* display form */
	bool read;
	bool flagged;
};

struct ui_picks {
	char *head; /* display form: what the list is */
	struct ui_pick *rows;
	size_t n;
	size_t sel, top;
	int height;
};

static void picks_free(struct ui_picks *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->rows[i].source);
		free(p->rows[i].title);
	}
	free(p->rows);
	free(p->head);
	free(p);
}

/* The view's data from store rows (taken, freed here); NULL when memory ran out. */
static struct ui_picks *picks_new(struct ui *ui, const char *head, struct folio_list_row *rows,
                                  size_t n)
{
	struct ui_picks *p = calloc(1, sizeof *p);
	bool ok = p && (p->head = ui_display(head)) &&
	          (!n || (p->rows = calloc(n, sizeof *p->rows)));
	for (size_t i = 0; ok && i < n; i++) {
		struct ui_pick *r = &p->rows[i];
		r->id = rows[i].id;
		memcpy(r->date, rows[i].date, sizeof r->date);
		r->date[10] = '\0';
		r->read = rows[i].read;
		r->flagged = rows[i].flagged;
		ui_marks_overlay(ui, r->id, &r->read, &r->flagged);
		r->source = ui_display(rows[i].source);
		r->title = ui_display(rows[i].title && *rows[i].title ? rows[i].title : "(no title)");
		p->n = i + 1;
		ok = r->source && r->title;
	}
	folio_store_rows_free(rows, n);
	if (!ok && p) {
		picks_free(p);
		p = NULL;
	}
	if (!p)
		ui_message(ui, "out of memory");
	return p;
}

/* c: the story of the article with the keyboard (or selected). */
static int copies_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	int64_t id, story, size;
	struct folio_list_row *rows;
	size_t n;
	char *err = NULL;
	(void)arg;
	if (!ui_view_target(ui, &id, NULL, NULL)) {
		ui_message(ui, "No article selected");
		return -1;
	}
	if (folio_store_story(ui->st, id, &story, &size, &err) != 0 ||
	    (size > 1 && folio_store_story_rows(ui->st, story, &rows, &n, &err) != 0)) {
		ui_store_error(ui, err);
		return -1;
	}
	if (size < 2) {
		ui_message(ui, "This article has no copies in the store");
		return -1;
	}
	char head[64];
	snprintf(head, sizeof head, "One story, %zu articles:", n);
	struct ui_picks *p = picks_new(ui, head, rows, n);
	if (!p)
		return -1;
	/* the cursor starts on the article it was opened from */
	for (size_t i = 0; i < p->n; i++)
		if (p->rows[i].id == id)
			p->sel = i;
	v->data = p;
	return 0;
}

static void picks_close(struct ui *ui, struct ui_view *v)
{
	picks_free(v->data);
}

static int picks_height(const struct ui_picks *p)
{
	return p->height > 1 ? p->height - 1 : 1; /* the head takes a line */
}

static void picks_select(struct ui_picks *p, long sel)
{
	if (sel >= (long)p->n)
		sel = (long)p->n - 1;
	if (sel < 0)
		sel = 0;
	p->sel = (size_t)sel;
	size_t h = (size_t)picks_height(p);
	if (p->sel < p->top)
		p->top = p->sel;
	else if (p->sel >= p->top + h)
		p->top = p->sel - h + 1;
}

static bool picks_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_picks *p = v->data;
	long h = picks_height(p), sel = (long)p->sel;
	switch (a) {
	case FOLIO_ACT_DOWN: picks_select(p, sel + 1); break;
	case FOLIO_ACT_UP: picks_select(p, sel - 1); break;
	case FOLIO_ACT_PAGE_DOWN: picks_select(p, sel + (h > 1 ? h - 1 : 1)); break;
	case FOLIO_ACT_PAGE_UP: picks_select(p, sel - (h > 1 ? h - 1 : 1)); break;
	case FOLIO_ACT_HALF_DOWN: picks_select(p, sel + (h > 1 ? h / 2 : 1)); break;
	case FOLIO_ACT_HALF_UP: picks_select(p, sel - (h > 1 ? h / 2 : 1)); break;
	case FOLIO_ACT_TOP: picks_select(p, 0); break;
	case FOLIO_ACT_BOTTOM: picks_select(p, (long)p->n - 1); break;
	case FOLIO_ACT_OPEN:
		if (p->sel < p->n)
			ui_view_open_article(ui, v, p->rows[p->sel].id, NULL);
		break;
	case FOLIO_ACT_BACK:
		ui_view_close(ui, v);
		break;
	default:
		return false;
	}
	return true;
}

static void picks_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	struct ui_picks *p = v->data;
	int h, width;
	getmaxyx(w, h, width);
	p->height = h;
	if (!ui->narrow && width > 1)
		width--; /* a gutter before the separator */
	picks_select(p, (long)p->sel);
	ui_draw_text(w, 0, 1, p->head, strlen(p->head), width - 1, A_BOLD, NULL, 0, 0, ui);
	attr_t sel_attr = ui_view_has_focus(ui, v) ? A_REVERSE : A_UNDERLINE;
	for (int y = 1; y < h && p->top + (size_t)(y - 1) < p->n; y++) {
		const struct ui_pick *r = &p->rows[p->top + (size_t)(y - 1)];
		attr_t sel = p->top + (size_t)(y - 1) == p->sel ? sel_attr : 0;
		if (sel) {
			wattrset(w, sel);
			mvwhline(w, y, 0, ' ', width);
		}
		const char *mark = r->flagged ? "  !" : (r->read ? "   " : "  N");
		int x = ui_draw_text(w, y, 0, mark, 3, width, sel | A_BOLD, NULL, 0, 0, ui) + 1;
		if (width >= 40 && r->date[0]) {
			ui_draw_text(w, y, x, r->date, 10, 10, sel | ui->attr_dim, NULL, 0, 0, ui);
			x += 11;
		}
		int scols = width - x > 48 ? 18 : (width - x) / 3;
		if (scols > 0 && x + scols < width) {
			ui_draw_text(w, y, x, r->source, strlen(r->source), scols, sel | ui->attr_dim,
			             NULL, 0, 0, ui);
			x += scols + 1;
		}
		ui_draw_text(w, y, x, r->title, strlen(r->title), width - x,
		             sel | (r->read ? A_NORMAL : A_BOLD), NULL, 0, 0, ui);
	}
}

static void picks_status(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	const struct ui_picks *p = v->data;
	snprintf(buf, size, "%zu of %zu", p->sel + 1, p->n);
}

static void picks_hint(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_OPEN, "open  ", buf, size);
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_BACK, "back", buf, size);
}

static bool picks_target(struct ui *ui, struct ui_view *v, int64_t *id, bool *read,
                         bool *flagged)
{
	const struct ui_picks *p = v->data;
	if (p->sel >= p->n)
		return false;
	*id = p->rows[p->sel].id;
	*read = p->rows[p->sel].read;
	*flagged = p->rows[p->sel].flagged;
	return true;
}

static bool picks_step(struct ui *ui, struct ui_view *v, int64_t from, int dir, bool unread_only)
{
	struct ui_picks *p = v->data;
	for (long i = (long)p->sel + dir; i >= 0 && i < (long)p->n; i += dir) {
		if (!unread_only || !p->rows[i].read) {
			picks_select(p, i);
			return true;
		}
	}
	return false;
}

static void picks_set_state(struct ui *ui, struct ui_view *v, int64_t id, bool read, bool flagged)
{
	struct ui_picks *p = v->data;
	for (size_t i = 0; i < p->n; i++) {
		if (p->rows[i].id == id) {
			p->rows[i].read = read;
			p->rows[i].flagged = flagged;
		}
	}
}

const struct ui_view_ops ui_copies_view = {
	.name = "copies",
	.pane = UI_PANE_LIST,
	.context = FOLIO_CTX_SOURCES,
	.opened_by = FOLIO_ACT_COPIES,
	.esc_closes = true,
	.open = copies_open,
	.close = picks_close,
	.draw = picks_draw,
	.action = picks_action,
	.status = picks_status,
	.hint = picks_hint,
	.target = picks_target,
	.step = picks_step,
	.set_state = picks_set_state,
};
