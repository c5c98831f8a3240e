/*
 * ui_timeline.c: the articles of a source or a search over time, in the
 * list pane (T, from the source list or the search results).
 *
 * One line a bucket (a day, week, month or year: the finest that gives at
 * most FOLIO_CLI_TIMELINE_BARS, as `folio timeline` picks), its label, count
 * and a bar in block characters (or '#' where the locale is not UTF-8),
 * the undated counted on the last line.  The counts come from the store's
 * indexes (folio_store_days), read once when the view opens.  Moving along
 * the bars narrows the list under them to that period (its first articles,
 * read again as the cursor moves); Enter shows the whole period as search
 * results above it (the search bar gets "QUERY after:START before:END"),
 * where its articles open as any hit does, and Esc comes back to the bars.
 * q or Esc, or T again, closes it.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include "folio/text.h"
#include "folio/cli.h" /* FOLIO_CLI_TIMELINE_BARS: the same fit as the command */
#include "folio/timeline.h"

struct ui_period_row {
	char date[11];
	char *title; /* display form */
};

struct ui_timeline {
	struct ui_scope scope;
	struct folio_query q; /* the search's, when scope.query */
	bool have_q;
	struct folio_timeline t;
	char **lines;  /* display form of each bar's line, then the undated line */
	size_t nlines;
	int lines_cols; /* the width they were drawn for */
	size_t sel, top;
	int height;
	/* the list under the bars: the selected period's first articles */
	struct ui_period_row *rows;
	size_t nrows;
	size_t rows_of; /* the bar they are of + 1, or 0 */
};

static void free_lines(struct ui_timeline *tl)
{
	for (size_t i = 0; i < tl->nlines; i++)
		free(tl->lines[i]);
	free(tl->lines);
	tl->lines = NULL;
	tl->nlines = 0;
}

static void free_rows(struct ui_timeline *tl)
{
	for (size_t i = 0; i < tl->nrows; i++)
		free(tl->rows[i].title);
	free(tl->rows);
	tl->rows = NULL;
	tl->nrows = 0;
	tl->rows_of = 0;
}

static void timeline_close(struct ui *ui, struct ui_view *v)
{
	struct ui_timeline *tl = v->data;
	free_lines(tl);
	free_rows(tl);
	folio_timeline_free(&tl->t);
	if (tl->have_q)
		folio_query_free(&tl->q);
	ui_scope_free(&tl->scope);
	free(tl);
}

static int timeline_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	struct ui_timeline *tl = calloc(1, sizeof *tl);
	if (!tl) {
		ui_message(ui, "out of memory");
		return -1;
	}
	if (!ui_view_scope(ui, &tl->scope)) {
		free(tl);
		ui_message(ui, "Nothing to show over time: choose a source or search first");
		return -1;
	}
	struct folio_search_opts o = { 0 };
	if (tl->scope.query) {
		if (folio_search_parse(tl->scope.query, false, &tl->q) != 0) {
			ui_scope_free(&tl->scope);
			free(tl);
			ui_message(ui, "out of memory");
			return -1;
		}
		tl->have_q = true;
		o = (struct folio_search_opts){ .match = tl->q.match, .after = tl->q.after,
		                                .before = tl->q.before, .tag = tl->q.tag };
	}
	struct folio_day_count *days = NULL;
	size_t n = 0;
	char *err = NULL;
	int rc = folio_store_days(ui->st, tl->scope.source_id,
	                          tl->have_q && !tl->q.empty ? &o : NULL, &days, &n, &err);
	if (rc == 0)
		rc = folio_timeline_build(days, n, 0, FOLIO_BY_FIT, FOLIO_CLI_TIMELINE_BARS, &tl->t);
	free(days);
	if (rc != 0) {
		v->data = tl;
		timeline_close(ui, v);
		if (err)
			ui_store_error(ui, err);
		else
			ui_message(ui, "out of memory");
		return -1;
	}
	tl->sel = tl->t.n ? tl->t.n - 1 : 0; /* the latest period first */
	v->data = tl;
	return 0;
}

/* The bars' lines for cols columns, through the text gate. */
static void draw_lines(struct ui *ui, struct ui_timeline *tl, int cols)
{
	if (tl->lines && tl->lines_cols == cols)
		return;
	free_lines(tl);
	char *drawn = folio_timeline_draw(&tl->t, cols, ui->utf8);
	size_t count = 0;
	for (const char *p = drawn; p && *p; p++)
		count += *p == '\n';
	if (!drawn || !(tl->lines = calloc(count ? count : 1, sizeof *tl->lines))) {
		free(drawn);
		ui_message(ui, "out of memory");
		return;
	}
	const char *line = drawn;
	for (size_t i = 0; i < count; i++) {
		const char *nl = strchr(line, '\n');
		tl->lines[i] = folio_text_display(line, (size_t)(nl - line), NULL);
		if (!tl->lines[i])
			break;
		tl->nlines = i + 1;
		line = nl + 1;
	}
	free(drawn);
	tl->lines_cols = cols;
}

/* The selected period's first articles (as many as max), newest or best first. */
static void load_rows(struct ui *ui, struct ui_timeline *tl, size_t max)
{
	if (tl->rows_of == tl->sel + 1 || tl->t.n == 0)
		return;
	free_rows(tl);
	tl->rows_of = tl->sel + 1;
	if (max == 0)
		return;
	const struct folio_bar *bar = &tl->t.bars[tl->sel];
	char end[11];
	folio_timeline_end(&tl->t, tl->sel, end);
	char *err = NULL;
	if (!(tl->rows = calloc(max, sizeof *tl->rows))) {
		ui_message(ui, "out of memory");
		return;
	}
	if (tl->have_q && tl->q.match) {
		/* the search's matches in the period, best first */
		const char *after = tl->q.after && strcmp(tl->q.after, bar->start) > 0 ? tl->q.after
		                                                                          : bar->start;
		const char *before = tl->q.before && strcmp(tl->q.before, end) < 0 ? tl->q.before : end;
		struct folio_search_opts o = { .match = tl->q.match, .after = after, .before = before,
		                               .tag = tl->q.tag, .limit = max, .no_snippets = true };
		struct folio_hit *hits;
		size_t n;
		if (folio_store_search(ui->st, &o, &hits, &n, &err) != 0) {
			free(err);
			return;
		}
		for (size_t i = 0; i < n; i++) {
			memcpy(tl->rows[i].date, hits[i].date, sizeof tl->rows[i].date);
			tl->rows[i].title = ui_display(hits[i].title && *hits[i].title ? hits[i].title
			                                                               : "(no title)");
			if (tl->rows[i].title)
				tl->nrows = i + 1;
			else
				break;
		}
		folio_store_hits_free(hits, n);
		return;
	}
	/* a source's (or every) article, newest first, from the period's end down to its start */
	struct folio_list_key key = { .id = INT64_MIN };
	memcpy(key.date, end, sizeof key.date);
	struct folio_list_row *rows;
	size_t n;
	if (folio_store_list(ui->st, tl->scope.source_id, &key, false, false, max, &rows, &n,
	                     &err) != 0) {
		free(err);
		return;
	}
	for (size_t i = 0; i < n && strcmp(rows[i].date, bar->start) >= 0; i++) {
		memcpy(tl->rows[i].date, rows[i].date, sizeof tl->rows[i].date);
		tl->rows[i].title = ui_display(rows[i].title && *rows[i].title ? rows[i].title
		                                                               : "(no title)");
		if (!tl->rows[i].title)
			break;
		tl->nrows = i + 1;
	}
	folio_store_rows_free(rows, n);
}

/* Rows of bars on screen: the pane less the head, and less the list when there is room. */
static int bar_rows(const struct ui_timeline *tl)
{
	int h = tl->height > 0 ? tl->height : 10;
	int rows = h >= 10 ? (h - 2) / 2 : h - 1;
	return rows > 0 ? rows : 1;
}

static void select_bar(struct ui_timeline *tl, long sel)
{
	if (tl->t.n == 0)
		return;
	if (sel >= (long)tl->t.n)
		sel = (long)tl->t.n - 1;
	if (sel < 0)
		sel = 0;
	tl->sel = (size_t)sel;
	size_t per = (size_t)bar_rows(tl);
	if (tl->sel < tl->top)
		tl->top = tl->sel;
	else if (tl->sel >= tl->top + per)
		tl->top = tl->sel - per + 1;
}

/* Enter: the whole period as search results. */
static void open_period(struct ui *ui, struct ui_timeline *tl)
{
	if (tl->t.n == 0)
		return;
	char end[11];
	folio_timeline_end(&tl->t, tl->sel, end);
	struct folio_buf b = { 0 };
	if (tl->scope.query)
		folio_buf_printf(&b, "%s ", tl->scope.query);
	else if (tl->scope.source_id)
		folio_buf_printf(&b, "source:\"%s\" ", tl->scope.name);
	folio_buf_printf(&b, "after:%s before:%s", tl->t.bars[tl->sel].start, end);
	char *text = folio_buf_finish(&b, NULL);
	if (!text) {
		ui_message(ui, "out of memory");
		return;
	}
	ui_view_search(ui, text);
	free(text);
}

static bool timeline_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_timeline *tl = v->data;
	long per = bar_rows(tl), sel = (long)tl->sel;
	switch (a) {
	case FOLIO_ACT_DOWN: select_bar(tl, sel + 1); break;
	case FOLIO_ACT_UP: select_bar(tl, sel - 1); break;
	case FOLIO_ACT_PAGE_DOWN: select_bar(tl, sel + (per > 1 ? per - 1 : 1)); break;
	case FOLIO_ACT_PAGE_UP: select_bar(tl, sel - (per > 1 ? per - 1 : 1)); break;
	case FOLIO_ACT_HALF_DOWN: select_bar(tl, sel + (per > 1 ? per / 2 : 1)); break;
	case FOLIO_ACT_HALF_UP: select_bar(tl, sel - (per > 1 ? per / 2 : 1)); break;
	case FOLIO_ACT_TOP: select_bar(tl, 0); break;
	case FOLIO_ACT_BOTTOM: select_bar(tl, (long)tl->t.n - 1); break;
	case FOLIO_ACT_OPEN: open_period(ui, tl); break;
	case FOLIO_ACT_BACK:
	case FOLIO_ACT_TIMELINE:
		ui_view_close(ui, v);
		break;
	default:
		return false;
	}
	return true;
}

static void timeline_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	struct ui_timeline *tl = v->data;
	int h, width;
	getmaxyx(w, h, width);
	tl->height = h;
	if (!ui->narrow && width > 1)
		width--; /* a gutter before the separator */
	char head[64];
	snprintf(head, sizeof head, "%s: ", tl->t.n ? folio_bucket_name(tl->t.by) : "timeline");
	int x = ui_draw_text(w, 0, 1, head, strlen(head), width - 1, A_BOLD, NULL, 0, 0, ui);
	ui_draw_text(w, 0, 1 + x, tl->scope.name, strlen(tl->scope.name), width - 1 - x, A_BOLD,
	             NULL, 0, 0, ui);
	if (tl->t.n == 0) {
		char none[64];
		snprintf(none, sizeof none, "No dated articles (%lld undated)",
		         (long long)tl->t.undated);
		ui_draw_text(w, 1, 1, none, strlen(none), width - 1, ui->attr_dim, NULL, 0, 0, ui);
		return;
	}
	draw_lines(ui, tl, width - 1);
	select_bar(tl, (long)tl->sel);
	int per = bar_rows(tl);
	attr_t sel_attr = ui_view_has_focus(ui, v) ? A_REVERSE : A_UNDERLINE;
	int y = 1;
	for (size_t i = tl->top; i < tl->nlines && y <= per; i++, y++) {
		attr_t sel = i == tl->sel ? sel_attr : 0;
		if (sel) {
			wattrset(w, sel);
			mvwhline(w, y, 0, ' ', width);
		}
		ui_draw_text(w, y, 1, tl->lines[i], strlen(tl->lines[i]), width - 1,
		             sel | (i < tl->t.n ? A_NORMAL : ui->attr_dim), NULL, 0, 0, ui);
	}
	/* the list under the bars: the selected period's articles */
	int list_y = per + 2;
	if (list_y >= h)
		return;
	const struct folio_bar *bar = &tl->t.bars[tl->sel];
	load_rows(ui, tl, (size_t)(h - list_y - 1));
	char what[96];
	snprintf(what, sizeof what, "%s: %lld article%s%s", bar->label, (long long)bar->count,
	         bar->count == 1 ? "" : "s", bar->count ? " (Enter lists them)" : "");
	ui_draw_text(w, list_y, 1, what, strlen(what), width - 1, A_BOLD, NULL, 0, 0, ui);
	for (size_t i = 0; i < tl->nrows && list_y + 1 + (int)i < h; i++) {
		int ry = list_y + 1 + (int)i, rx = 1;
		if (width >= 36) {
			ui_draw_text(w, ry, rx, tl->rows[i].date, strlen(tl->rows[i].date), 10,
			             ui->attr_dim, NULL, 0, 0, ui);
			rx += 11;
		}
		ui_draw_text(w, ry, rx, tl->rows[i].title, strlen(tl->rows[i].title), width - rx,
		             A_NORMAL, NULL, 0, 0, ui);
	}
}

static void timeline_status(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	const struct ui_timeline *tl = v->data;
	buf[0] = '\0';
	if (tl->t.n)
		snprintf(buf, size, "%lld dated, %lld undated", (long long)tl->t.dated,
		         (long long)tl->t.undated);
}

static void timeline_hint(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_OPEN, "list period  ", buf, size);
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_BACK, "back", buf, size);
}

const struct ui_view_ops ui_timeline_view = {
	.name = "timeline",
	.pane = UI_PANE_LIST,
	.context = FOLIO_CTX_SOURCES,
	.opened_by = FOLIO_ACT_TIMELINE,
	.esc_closes = true,
	.open = timeline_open,
	.close = timeline_close,
	.draw = timeline_draw,
	.action = timeline_action,
	.status = timeline_status,
	.hint = timeline_hint,
};
