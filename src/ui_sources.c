/*
 * ui_sources.c: the source list pane.
 *
 * "All articles", then every source with unread/total counts; one source at
 * a time is expanded to its articles, newest first.  Sources are few and
 * read whole; articles are not: the pane holds a window of rows fetched a
 * page at a time with keyset queries in either direction, and trims it when
 * it grows, so scrolling through a source of 500,000 articles costs what
 * one of 5 does and memory stays flat.
 *
 * Positions (cursor, top of the pane) are a source index plus a logical row
 * number that stays valid when rows are added or dropped at either end of
 * the window (rows[i] is logical base + i).
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <assert.h>

#include "folio/text.h"

#define LIST_PAGE 100

struct ui_source {
	int64_t id; /* 0: "All articles"; a saved search: -2 - its place */
	char *name; /* display form */
	char *query; /* a saved search's query (as stored), NULL for a source */
	int64_t total;
	int64_t unread;
	bool capped; /* a saved search with more matches than counted */
};

/* A saved search's matches are counted this far (it runs at every reload). */
#define SAVED_COUNT_CAP 10000

struct ui_row {
	int64_t id;
	char date[11];
	char *title; /* display form */
	bool read;
	bool flagged;
};

/* art is UI_SOURCE_ROW for the source row itself, else a logical row index. */
#define UI_SOURCE_ROW INT64_MIN
struct ui_pos {
	int src;
	int64_t art;
};

/*
 * The list is "All articles" and the sources, one of which may be expanded
 * to its articles.  Of those only a window is in memory: rows[i] is the
 * article at logical index base + i, fetched from the store a page at a
 * time in either direction, so a source of 500,000 articles costs what one
 * of 5 does.
 */
struct ui_list {
	struct ui *ui;
	struct ui_source *src; /* src[0] is "All articles" */
	size_t nsrc;
	int exp; /* expanded source index, or -1 */
	struct ui_row *rows;
	size_t nrows, rows_cap;
	int64_t base;
	bool at_start; /* rows[0] is the first article of the source */
	bool at_end;   /* rows[nrows-1] is the last */
	struct ui_pos top;
	struct ui_pos cur;
	int height; /* rows in the pane, from the last draw */
	int64_t pos_id; /* cache of the "3 of 120" position of cur */
	int64_t pos_value;
	int64_t rows_of; /* cache of the 120: the expanded source's id + 1, or 0 */
	int64_t rows_total;
};

static void rows_free(struct ui_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].title);
	free(rows);
}

static void reset_rows(struct ui_list *l)
{
	rows_free(l->rows, l->nrows);
	l->rows = NULL;
	l->nrows = l->rows_cap = 0;
	l->base = 0;
	l->at_start = l->at_end = false;
	l->pos_id = 0;
	l->rows_of = 0;
}

static void sources_free(struct ui_source *src, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(src[i].name);
		free(src[i].query);
	}
	free(src);
}

static void list_free(struct ui_list *l)
{
	reset_rows(l);
	sources_free(l->src, l->nsrc);
	l->src = NULL;
	l->nsrc = 0;
}

static int64_t exp_source_id(const struct ui_list *l)
{
	return l->exp >= 0 ? l->src[l->exp].id : 0;
}

/*
 * Store rows -> display rows; false (and nothing kept) when memory runs out.
 * With sep, each title is led by its source ("AFP · Panda bites farmer"):
 * a list of every source sorted by source shows where each run begins.
 */
static bool convert_rows(struct folio_list_row *in, size_t n, struct ui_row *out,
                         const char *sep)
{
	for (size_t i = 0; i < n; i++) {
		out[i].id = in[i].id;
		memcpy(out[i].date, in[i].date, sizeof out[i].date);
		out[i].date[10] = '\0';
		out[i].read = in[i].read;
		out[i].flagged = in[i].flagged;
		const char *title = in[i].title && *in[i].title ? in[i].title : "(no title)";
		bool lead = sep && in[i].source && *in[i].source;
		char *led = NULL;
		if (lead) {
			struct folio_buf b = { 0 };
			folio_buf_str(&b, in[i].source);
			folio_buf_str(&b, sep);
			folio_buf_str(&b, title);
			led = folio_buf_finish(&b, NULL);
		}
		out[i].title = !lead || led ? ui_display(led ? led : title) : NULL;
		free(led);
		if (!out[i].title) {
			for (size_t j = 0; j < i; j++)
				free(out[j].title);
			return false;
		}
	}
	return true;
}

static int fetch(struct ui_list *l, const struct folio_list_key *after, bool backward,
                 bool from_end, size_t limit, struct ui_row **out, size_t *n)
{
	struct ui *ui = l->ui;
	struct folio_list_row *rows = NULL;
	char *err = NULL;
	*out = NULL;
	*n = 0;
	if (folio_store_list_sorted(ui->st, ui->sort, exp_source_id(l), after, backward, from_end,
	                            limit, &rows, n, &err) != 0) {
		ui_store_error(ui, err);
		return -1;
	}
	if (*n == 0) {
		folio_store_rows_free(rows, 0);
		return 0;
	}
	*out = calloc(*n, sizeof **out);
	bool lead = ui->sort == FOLIO_SORT_SOURCE && exp_source_id(l) == 0;
	if (!*out || !convert_rows(rows, *n, *out, lead ? ui->separator : NULL)) {
		free(*out);
		*out = NULL;
		folio_store_rows_free(rows, *n);
		*n = 0;
		ui_message(ui, "out of memory");
		return -1;
	}
	folio_store_rows_free(rows, *n);
	for (size_t i = 0; i < *n; i++)
		ui_marks_overlay(ui, (*out)[i].id, &(*out)[i].read, &(*out)[i].flagged);
	return 0;
}

static struct folio_list_key row_key(const struct ui_row *r)
{
	struct folio_list_key k;
	memcpy(k.date, r->date, sizeof k.date);
	k.id = r->id;
	return k;
}

/* The first (or last) page of the expanded source, replacing the window. */
static void load_edge(struct ui_list *l, bool from_end)
{
	struct ui_row *rows;
	size_t n;
	reset_rows(l);
	if (fetch(l, NULL, false, from_end, LIST_PAGE, &rows, &n) != 0) {
		l->at_start = l->at_end = true;
		return;
	}
	l->rows = rows;
	l->nrows = l->rows_cap = n;
	l->at_start = !from_end || n < LIST_PAGE;
	l->at_end = from_end || n < LIST_PAGE;
}

FOLIO_DEFINE_GROW(grow_rows, struct ui_row)

/* One more page after the window (dir > 0) or before it; false when there is none. */
static bool extend(struct ui_list *l, int dir)
{
	struct ui *ui = l->ui;
	if (l->nrows == 0)
		return false;
	struct folio_list_key key = row_key(dir > 0 ? &l->rows[l->nrows - 1] : &l->rows[0]);
	struct ui_row *rows;
	size_t n;
	if (fetch(l, &key, dir < 0, false, LIST_PAGE, &rows, &n) != 0) {
		if (dir > 0)
			l->at_end = true;
		else
			l->at_start = true;
		return false;
	}
	if (n < LIST_PAGE) {
		if (dir > 0)
			l->at_end = true;
		else
			l->at_start = true;
	}
	if (n == 0)
		return false;
	if (!grow_rows(&l->rows, &l->rows_cap, l->nrows + n)) {
		rows_free(rows, n);
		ui_message(ui, "out of memory");
		return false;
	}
	if (dir > 0) {
		memcpy(l->rows + l->nrows, rows, n * sizeof *rows);
	} else {
		memmove(l->rows + n, l->rows, l->nrows * sizeof *rows);
		memcpy(l->rows, rows, n * sizeof *rows);
		l->base -= (int64_t)n;
	}
	l->nrows += n;
	free(rows);
	return true;
}

static int pos_cmp(struct ui_pos a, struct ui_pos b)
{
	if (a.src != b.src)
		return a.src < b.src ? -1 : 1;
	if (a.art != b.art)
		return a.art < b.art ? -1 : 1;
	return 0;
}

static bool is_article(const struct ui_list *l, struct ui_pos p)
{
	return p.art != UI_SOURCE_ROW && p.src == l->exp && p.art >= l->base &&
	       p.art < l->base + (int64_t)l->nrows;
}

static struct ui_row *row_at(struct ui_list *l, struct ui_pos p)
{
	return is_article(l, p) ? &l->rows[p.art - l->base] : NULL;
}

static bool pos_next(struct ui_list *l, struct ui_pos *p)
{
	if (p->src == l->exp) {
		if (p->art == UI_SOURCE_ROW) {
			if (!l->at_start)
				load_edge(l, false);
			if (l->nrows > 0) {
				p->art = l->base;
				return true;
			}
		} else {
			if (p->art + 1 >= l->base + (int64_t)l->nrows && !l->at_end)
				extend(l, 1);
			if (p->art + 1 < l->base + (int64_t)l->nrows) {
				p->art++;
				return true;
			}
		}
	}
	if ((size_t)p->src + 1 < l->nsrc) {
		p->src++;
		p->art = UI_SOURCE_ROW;
		return true;
	}
	return false;
}

static bool pos_prev(struct ui_list *l, struct ui_pos *p)
{
	if (p->art != UI_SOURCE_ROW) {
		if (p->art - 1 < l->base && !l->at_start)
			extend(l, -1);
		if (p->art - 1 >= l->base)
			p->art--;
		else
			p->art = UI_SOURCE_ROW;
		return true;
	}
	if (p->src == 0)
		return false;
	p->src--;
	if (p->src == l->exp) {
		if (!l->at_end)
			load_edge(l, true);
		if (l->nrows > 0)
			p->art = l->base + (int64_t)l->nrows - 1;
	}
	return true;
}

static int pane_height(const struct ui_list *l)
{
	return l->height > 0 ? l->height : (l->ui->rows > 1 ? l->ui->rows - 1 : 1);
}

/* Scroll so the cursor is on screen, keeping top where it is when it can. */
static void ensure_visible(struct ui_list *l)
{
	int h = pane_height(l);
	if (pos_cmp(l->cur, l->top) < 0) {
		l->top = l->cur;
		return;
	}
	struct ui_pos p = l->top;
	int d = 0;
	while (d < h && pos_cmp(p, l->cur) < 0 && pos_next(l, &p))
		d++;
	if (d >= h || pos_cmp(p, l->cur) != 0) {
		l->top = l->cur;
		for (int i = 0; i < h - 1 && pos_prev(l, &l->top); i++)
			;
		return;
	}
	/* no empty rows at the bottom while there are rows above the top */
	for (; d < h - 1 && pos_next(l, &p); d++)
		;
	for (; d < h - 1 && pos_prev(l, &l->top); d++)
		;
}

/* Keep the window of rows bounded, around the cursor and the top of the pane. */
static void trim(struct ui_list *l)
{
	size_t cap = (size_t)pane_height(l) * 6;
	if (cap < 6 * LIST_PAGE)
		cap = 6 * LIST_PAGE;
	if (l->nrows <= cap)
		return;
	int64_t anchor;
	if (is_article(l, l->top))
		anchor = l->top.art;
	else if (is_article(l, l->cur))
		anchor = l->cur.art;
	else if (l->top.src <= l->exp)
		anchor = l->base;
	else
		anchor = l->base + (int64_t)l->nrows - 1;
	int64_t lo = anchor - (int64_t)cap / 4;
	if (lo < l->base)
		lo = l->base;
	int64_t hi = lo + (int64_t)cap; /* exclusive */
	if (hi > l->base + (int64_t)l->nrows) {
		hi = l->base + (int64_t)l->nrows;
		lo = hi - (int64_t)cap;
	}
	size_t drop_front = (size_t)(lo - l->base);
	size_t keep = (size_t)(hi - lo);
	assert(drop_front + keep <= l->nrows);
	for (size_t i = 0; i < drop_front; i++)
		free(l->rows[i].title);
	for (size_t i = drop_front + keep; i < l->nrows; i++)
		free(l->rows[i].title);
	memmove(l->rows, l->rows + drop_front, keep * sizeof *l->rows);
	if (drop_front)
		l->at_start = false;
	if (drop_front + keep < l->nrows)
		l->at_end = false;
	l->base = lo;
	l->nrows = keep;
}

static int find_source(const struct ui_list *l, int64_t id)
{
	for (size_t i = 0; i < l->nsrc; i++)
		if (l->src[i].id == id)
			return (int)i;
	return -1;
}

/* A saved search as a source: its name, query and counts (capped); false on no memory. */
static bool saved_source(struct ui *ui, const struct folio_saved_search *r, struct ui_source *out)
{
	struct folio_query q;
	out->name = ui_display(r->name);
	out->query = strdup(r->query);
	if (!out->name || !out->query || folio_search_parse(r->query, false, &q) != 0)
		return false;
	struct folio_search_opts o = { .match = q.match, .after = q.after, .before = q.before,
	                               .tag = q.tag };
	char *err = NULL;
	if (!q.empty &&
	    (folio_store_search_count(ui->st, &o, SAVED_COUNT_CAP, &out->total, &err) != 0 ||
	     folio_store_search_count_unread(ui->st, &o, SAVED_COUNT_CAP, &out->unread, &err) != 0))
		free(err); /* shown as 0/0: the search itself will say what is wrong */
	out->capped = out->total >= SAVED_COUNT_CAP;
	folio_query_free(&q);
	return true;
}

/* Read the sources and their counts again, keeping the cursor on the same source. */
static void reload_sources(struct ui_list *l)
{
	struct ui *ui = l->ui;
	struct folio_source_row *rows = NULL;
	struct folio_saved_search *saved = NULL;
	size_t n = 0, nsaved = 0;
	int64_t total = 0, unread = 0;
	char *err = NULL;
	if (folio_store_sources(ui->st, &rows, &n, &err) != 0 ||
	    folio_store_totals(ui->st, &total, &unread, &err) != 0 ||
	    folio_store_saved_searches(ui->st, &saved, &nsaved, &err) != 0) {
		folio_store_sources_free(rows, n);
		ui_store_error(ui, err);
		return;
	}
	struct ui_source *src = calloc(n + 1 + nsaved, sizeof *src);
	bool ok = src != NULL;
	if (ok) {
		src[0].name = ui_display("All articles");
		src[0].total = total;
		src[0].unread = unread;
		ok = src[0].name != NULL;
	}
	for (size_t i = 0; ok && i < n; i++) {
		src[i + 1].id = rows[i].id;
		src[i + 1].name = ui_display(rows[i].name && *rows[i].name ? rows[i].name
		                                                           : "(no source)");
		src[i + 1].total = rows[i].total;
		src[i + 1].unread = rows[i].unread;
		ok = src[i + 1].name != NULL;
	}
	/* the saved searches after the sources, as newsboat's query feeds */
	for (size_t i = 0; ok && i < nsaved; i++) {
		src[n + 1 + i].id = -2 - (int64_t)i;
		ok = saved_source(ui, &saved[i], &src[n + 1 + i]);
	}
	folio_store_sources_free(rows, n);
	folio_store_saved_searches_free(saved, nsaved);
	if (!ok) {
		if (src)
			sources_free(src, n + 1 + nsaved);
		ui_message(ui, "out of memory");
		return;
	}
	int64_t exp_id = l->exp >= 0 ? l->src[l->exp].id : -1;
	int64_t cur_id = l->nsrc ? l->src[l->cur.src].id : 0;
	int64_t top_id = l->nsrc ? l->src[l->top.src].id : 0;
	sources_free(l->src, l->nsrc);
	l->src = src;
	l->nsrc = n + 1 + nsaved;
	int exp = exp_id >= 0 ? find_source(l, exp_id) : -1;
	if (exp != l->exp || exp < 0) {
		if (exp < 0 && l->exp >= 0)
			reset_rows(l);
		l->exp = exp;
	}
	int cur = find_source(l, cur_id), top = find_source(l, top_id);
	if (cur < 0 || top < 0 || (exp < 0 && (l->cur.art != UI_SOURCE_ROW ||
	                                       l->top.art != UI_SOURCE_ROW))) {
		l->cur = l->top = (struct ui_pos){ 0, UI_SOURCE_ROW };
	} else {
		l->cur.src = cur;
		l->top.src = top;
	}
}

static void expand(struct ui_list *l, int src)
{
	reset_rows(l);
	l->exp = src;
	if (src >= 0)
		load_edge(l, false);
	/* top may have been a row of the source that closed */
	if (l->top.art != UI_SOURCE_ROW)
		l->top.art = UI_SOURCE_ROW;
	if (l->cur.art != UI_SOURCE_ROW)
		l->cur.art = UI_SOURCE_ROW;
}

/* Put the cursor on article id of the expanded source, fetching the rows around it. */
static bool goto_id(struct ui_list *l, int64_t id)
{
	struct ui *ui = l->ui;
	assert(l->exp >= 0);
	for (size_t i = 0; i < l->nrows; i++) {
		if (l->rows[i].id == id) {
			l->cur = (struct ui_pos){ l->exp, l->base + (int64_t)i };
			ensure_visible(l);
			return true;
		}
	}
	struct folio_record rec;
	char *err = NULL;
	int rc = folio_store_get(ui->st, id, &rec, &err);
	if (rc != 0) {
		if (rc < 0)
			ui_store_error(ui, err);
		return false;
	}
	struct ui_row target = { .id = id, .read = rec.read, .flagged = rec.flagged };
	ui_marks_overlay(ui, id, &target.read, &target.flagged);
	if (rec.date)
		snprintf(target.date, sizeof target.date, "%s", rec.date);
	target.title = ui_display(rec.title && *rec.title ? rec.title : "(no title)");
	folio_record_free(&rec);
	if (!target.title) {
		ui_message(ui, "out of memory");
		return false;
	}
	struct folio_list_key key = row_key(&target);
	struct ui_row *before = NULL, *after = NULL, *rows = NULL;
	size_t nb = 0, na = 0;
	if (fetch(l, &key, true, false, LIST_PAGE / 2, &before, &nb) != 0 ||
	    fetch(l, &key, false, false, LIST_PAGE / 2, &after, &na) != 0 ||
	    !(rows = malloc((nb + na + 1) * sizeof *rows))) {
		rows_free(before, nb);
		rows_free(after, na);
		free(target.title);
		return false;
	}
	if (nb)
		memcpy(rows, before, nb * sizeof *rows);
	rows[nb] = target;
	if (na)
		memcpy(rows + nb + 1, after, na * sizeof *rows);
	free(before);
	free(after);
	reset_rows(l);
	l->rows = rows;
	l->nrows = l->rows_cap = nb + na + 1;
	l->at_start = nb < LIST_PAGE / 2;
	l->at_end = na < LIST_PAGE / 2;
	l->cur = l->top = (struct ui_pos){ l->exp, (int64_t)nb };
	for (int i = 0; i < pane_height(l) / 3 && pos_prev(l, &l->top); i++)
		;
	return true;
}

/* J/K/]/[: select the next article (or unread one) after from (the open article), or the cursor. */
static bool list_step(struct ui *ui, struct ui_view *v, int64_t from, int dir, bool unread_only)
{
	struct ui_list *l = v->data;
	int64_t found_id;
	int64_t *id = &found_id;
	if (!from && row_at(l, l->cur))
		from = row_at(l, l->cur)->id;
	if (l->src[l->cur.src].query && (l->exp < 0 || !from))
		return false; /* a saved search is not expanded: Enter shows its hits */
	if (l->exp < 0 || (!from && l->cur.src != l->exp))
		expand(l, l->cur.src);
	if (!from) {
		/* on a source row: its first (unread) article */
		if (dir < 0 || l->cur.src != l->exp)
			return false;
		if (!l->at_start)
			load_edge(l, false);
		if (l->nrows == 0)
			return false;
		if (!unread_only || !l->rows[0].read) {
			*id = l->rows[0].id;
			return goto_id(l, *id);
		}
		from = l->rows[0].id;
	}
	bool found = false;
	char *err = NULL;
	if (folio_store_neighbour_sorted(ui->st, ui->sort, exp_source_id(l), from, dir, unread_only,
	                                 id, &found, &err) != 0) {
		ui_store_error(ui, err);
		return false;
	}
	return found && goto_id(l, *id);
}

/* R: read the sources and the open list again (another folio may have imported). */
static void list_refresh(struct ui_list *l)
{
	struct ui_row *r = row_at(l, l->cur);
	int64_t id = r ? r->id : 0;
	reload_sources(l);
	if (l->exp < 0)
		return;
	reset_rows(l);
	if (!id || !goto_id(l, id)) {
		l->cur.art = l->top.art = UI_SOURCE_ROW;
		l->top.src = l->cur.src;
	}
	ensure_visible(l);
}

static void list_set_state(struct ui *ui, struct ui_view *v, int64_t id, bool read, bool flagged)
{
	struct ui_list *l = v->data;
	for (size_t i = 0; i < l->nrows; i++) {
		if (l->rows[i].id == id) {
			l->rows[i].read = read;
			l->rows[i].flagged = flagged;
		}
	}
}

static void move_cursor(struct ui_list *l, int steps)
{
	for (int i = 0; i < steps && pos_next(l, &l->cur); i++)
		;
	for (int i = 0; i < -steps && pos_prev(l, &l->cur); i++)
		;
}

/* Page moves scroll the pane with the cursor, as less does. */
static void page(struct ui_list *l, int steps)
{
	int moved = 0;
	if (steps > 0) {
		while (moved < steps && pos_next(l, &l->cur))
			moved++;
		for (int i = 0; i < moved && pos_next(l, &l->top); i++)
			;
	} else {
		while (moved < -steps && pos_prev(l, &l->cur))
			moved++;
		for (int i = 0; i < moved && pos_prev(l, &l->top); i++)
			;
	}
}

static void go_bottom(struct ui_list *l)
{
	int last = (int)l->nsrc - 1;
	l->cur = (struct ui_pos){ last, UI_SOURCE_ROW };
	if (l->exp == last) {
		if (!l->at_end)
			load_edge(l, true);
		if (l->nrows)
			l->cur.art = l->base + (int64_t)l->nrows - 1;
	}
	l->top = l->cur;
	for (int i = 0; i < pane_height(l) - 1 && pos_prev(l, &l->top); i++)
		;
}

/* A: every article of the source under the cursor (of All articles: every one) read. */
static void mark_source_read(struct ui *ui, struct ui_list *l)
{
	const struct ui_source *s = &l->src[l->cur.src];
	int64_t changed = 0;
	char *err = NULL;
	if (s->query) {
		ui_message(ui, "Enter shows the search's hits; A there marks them all read");
		return;
	}
	if (!ui_marks_flush(ui)) {
		ui_message(ui, "Marks are waiting for the store; try again in a moment");
		return;
	}
	if (folio_store_mark_source(ui->st, s->id, true, &changed, &err) != 0) {
		ui_store_error(ui, err);
		return;
	}
	ui_message(ui, "%lld article%s of %s marked read", (long long)changed,
	           changed == 1 ? "" : "s", s->name);
	ui_view_reload(ui, true);
}

static bool list_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_list *l = v->data;
	int h = pane_height(l);
	if (l->nsrc == 0) {
		if (a != FOLIO_ACT_BACK)
			return false;
		ui->quit = true;
		return true;
	}
	switch (a) {
	case FOLIO_ACT_DOWN: move_cursor(l, 1); break;
	case FOLIO_ACT_UP: move_cursor(l, -1); break;
	case FOLIO_ACT_PAGE_DOWN: page(l, h > 1 ? h - 1 : 1); break;
	case FOLIO_ACT_PAGE_UP: page(l, -(h > 1 ? h - 1 : 1)); break;
	case FOLIO_ACT_HALF_DOWN: page(l, h > 1 ? h / 2 : 1); break;
	case FOLIO_ACT_HALF_UP: page(l, -(h > 1 ? h / 2 : 1)); break;
	case FOLIO_ACT_TOP:
		l->cur = l->top = (struct ui_pos){ 0, UI_SOURCE_ROW };
		break;
	case FOLIO_ACT_BOTTOM:
		go_bottom(l);
		break;
	case FOLIO_ACT_OPEN: {
		struct ui_row *r = row_at(l, l->cur);
		if (r)
			ui_view_open_article(ui, v, r->id, NULL);
		else if (l->src[l->cur.src].query)
			ui_view_search(ui, l->src[l->cur.src].query);
		else
			expand(l, l->exp == l->cur.src ? -1 : l->cur.src);
		break;
	}
	case FOLIO_ACT_BACK:
		/* one level at a time, like a tree: out of the articles, then shut
		 * the open source, and only then quit, so Left alone cannot quit
		 * from a source someone has open */
		if (l->cur.art != UI_SOURCE_ROW) {
			l->cur.art = UI_SOURCE_ROW;
			expand(l, -1);
		} else if (l->exp >= 0) {
			expand(l, -1);
		} else if (folio_keymap_settings(ui->km)->confirm_quit && !ui->quit_was_armed) {
			/* q, q, q backing out should not end the session unasked */
			ui->quit_armed = true;
			ui_message(ui, "Quit folio? q again quits, any other key stays");
		} else {
			ui->quit = true;
		}
		break;
	case FOLIO_ACT_NEXT_MATCH:
	case FOLIO_ACT_PREV_MATCH:
		ui_message(ui, "No search: / searches every article");
		break;
	case FOLIO_ACT_MARK_ALL_READ:
		mark_source_read(ui, l);
		return true;
	default:
		return false;
	}
	ensure_visible(l);
	trim(l);
	return true;
}

static void format_count(char *buf, size_t size, int64_t unread, int64_t total, bool capped)
{
	snprintf(buf, size, "%lld%s/%lld%s", (long long)unread,
	         capped && unread >= SAVED_COUNT_CAP ? "+" : "", (long long)total, capped ? "+" : "");
}

static void draw_source(struct ui_list *l, WINDOW *w, int y, int width, int src, attr_t sel)
{
	struct ui *ui = l->ui;
	const struct ui_source *s = &l->src[src];
	char count[48];
	format_count(count, sizeof count, s->unread, s->total, s->capped);
	int cw = (int)strlen(count);
	attr_t attr = sel | (s->unread ? A_BOLD : A_NORMAL);
	if (sel) {
		wattrset(w, sel);
		mvwhline(w, y, 0, ' ', width);
	}
	/* a saved search opens as a search does */
	const char *mark = s->query ? "/ " : l->exp == src ? "v " : "> ";
	int x = ui_draw_text(w, y, 0, mark, strlen(mark), width, sel, NULL, 0, 0, ui);
	int name_cols = width - x - (cw + 1 < width - x ? cw + 1 : 0);
	ui_draw_text(w, y, x, s->name, strlen(s->name), name_cols, attr, NULL, 0, 0, ui);
	if (cw + 1 < width - x)
		ui_draw_text(w, y, width - cw, count, (size_t)cw, cw, sel | ui->attr_dim, NULL, 0, 0,
		             ui);
}

static void draw_article(struct ui_list *l, WINDOW *w, int y, int width, const struct ui_row *r,
                         attr_t sel)
{
	struct ui *ui = l->ui;
	char date[32] = "";
	int date_cols = width >= 36 ? 10 : 8;
	const char *format = folio_keymap_settings(ui->km)->date_format;
	if (width < 24)
		date_cols = 0;
	if (date_cols && *format) {
		/* the user's date-format: as wide as the format makes a date */
		struct tm tm = { .tm_year = 100, .tm_mon = 11, .tm_mday = 31 };
		date_cols = (int)strftime(date, sizeof date, format, &tm);
		int yy, mm, dd;
		date[0] = '\0';
		if (r->date[0] && folio_date_iso(r->date, 10, &yy, &mm, &dd)) {
			tm = (struct tm){ .tm_year = yy - 1900, .tm_mon = mm - 1, .tm_mday = dd };
			mktime(&tm); /* the day of the week, for %a */
			if (!strftime(date, sizeof date, format, &tm))
				date[0] = '\0';
		}
		if (date_cols > width / 3)
			date_cols = 0;
	} else if (date_cols == 10) {
		snprintf(date, sizeof date, "%s", r->date);
	} else if (date_cols == 8 && r->date[0]) {
		snprintf(date, sizeof date, "%s", r->date + 2);
	}
	if (sel) {
		wattrset(w, sel);
		mvwhline(w, y, 0, ' ', width);
	}
	const char *mark = r->flagged ? "  !" : (r->read ? "   " : "  N");
	int x = ui_draw_text(w, y, 0, mark, 3, width, sel | A_BOLD, NULL, 0, 0, ui) + 1;
	if (date_cols && x + date_cols + 1 < width) {
		ui_draw_text(w, y, x, date, strlen(date), date_cols, sel | ui->attr_dim, NULL, 0, 0, ui);
		x += date_cols + 1;
	}
	ui_draw_text(w, y, x, r->title, strlen(r->title), width - x,
	             sel | (r->read ? A_NORMAL : A_BOLD), NULL, 0, 0, ui);
}

static void draw_welcome(struct ui *ui, const struct ui_list *l, WINDOW *w, int y);

static void list_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	struct ui_list *l = v->data;
	int h, width;
	getmaxyx(w, h, width);
	l->height = h;
	if (!ui->narrow && width > 1)
		width--; /* a gutter before the separator */
	if (l->nsrc == 0) {
		const char *msg = "The store cannot be read.";
		ui_draw_text(w, 0, 0, msg, strlen(msg), width, A_NORMAL, NULL, 0, 0, ui);
		return;
	}
	ensure_visible(l);
	attr_t sel_attr = ui_view_has_focus(ui, v) ? A_REVERSE : A_UNDERLINE;
	struct ui_pos p = l->top;
	int y = 0;
	for (; y < h; y++) {
		attr_t sel = pos_cmp(p, l->cur) == 0 ? sel_attr : 0;
		struct ui_row *r = row_at(l, p);
		if (r)
			draw_article(l, w, y, width, r, sel);
		else
			draw_source(l, w, y, width, p.src, sel);
		if (!pos_next(l, &p))
			break;
	}
	/* one pane: the welcome the article pane would show goes under the sources */
	if (ui->narrow && l->exp < 0 && y + 9 <= h && l->src[0].total > 0)
		draw_welcome(ui, l, w, y + 2);
	if (l->src[0].total == 0 && h > 3) {
		const char *hint = "No articles yet: folio import PATH";
		ui_draw_text(w, 2, 1, hint, strlen(hint), width - 1, ui->attr_dim, NULL, 0, 0, ui);
	}
}

static void list_status(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	struct ui_list *l = v->data;
	struct ui_row *r = row_at(l, l->cur);
	buf[0] = '\0';
	if (!r) {
		/* a source row shows its own counts; an order other than the default is said */
		if (ui->sort != FOLIO_SORT_DATE)
			snprintf(buf, size, "by %s", folio_sort_name(ui->sort));
		return;
	}
	if (l->pos_id != r->id) {
		/* the window is contiguous: count from the last known row, not from the top */
		int64_t cur = l->cur.art - l->base;
		for (size_t i = 0; l->pos_id && i < l->nrows; i++) {
			if (l->rows[i].id == l->pos_id) {
				l->pos_value += cur - (int64_t)i;
				l->pos_id = r->id;
				break;
			}
		}
	}
	if (l->pos_id != r->id) {
		struct folio_list_key key = row_key(r);
		char *err = NULL;
		int64_t pos;
		if (folio_store_list_position_sorted(ui->st, ui->sort, exp_source_id(l), &key, &pos,
		                                     &err) != 0) {
			free(err);
			return;
		}
		l->pos_id = r->id;
		l->pos_value = pos + 1;
	}
	/* one row a story: the rows are counted once a source is opened, not its articles */
	if (l->rows_of != l->src[l->exp].id + 1) {
		char *err = NULL;
		l->rows_total = l->src[l->exp].total;
		if (ui->stories &&
		    folio_store_list_count(ui->st, exp_source_id(l), &l->rows_total, &err) != 0)
			free(err);
		l->rows_of = l->src[l->exp].id + 1;
	}
	/* an order other than the default says so */
	if (ui->sort != FOLIO_SORT_DATE)
		snprintf(buf, size, "by %s  %lld of %lld", folio_sort_name(ui->sort),
		         (long long)l->pos_value, (long long)l->rows_total);
	else
		snprintf(buf, size, "%lld of %lld", (long long)l->pos_value,
		         (long long)l->rows_total);
}

static void list_hint(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_OPEN, "open  ", buf, size);
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_SEARCH, "search", buf, size);
}

static bool list_target(struct ui *ui, struct ui_view *v, int64_t *id, bool *read,
                        bool *flagged)
{
	struct ui_list *l = v->data;
	struct ui_row *row = row_at(l, l->cur);
	if (!row)
		return false;
	*id = row->id;
	*read = row->read;
	*flagged = row->flagged;
	return true;
}

/* The mouse: the row drawn at line y of the pane. */
static bool list_click(struct ui *ui, struct ui_view *v, int y)
{
	struct ui_list *l = v->data;
	if (l->nsrc == 0)
		return false;
	struct ui_pos p = l->top;
	for (int i = 0; i < y; i++)
		if (!pos_next(l, &p))
			return false;
	l->cur = p;
	ensure_visible(l);
	trim(l);
	return true;
}

static bool list_preview(struct ui *ui, struct ui_view *v, int64_t *id,
                         const struct folio_query **q)
{
	struct ui_list *l = v->data;
	struct ui_row *row = row_at(l, l->cur);
	if (!row)
		return false;
	*id = row->id;
	*q = NULL;
	return true;
}

/* The source under the cursor (or the one its article is in); All articles is source 0. */
static bool list_scope(struct ui *ui, struct ui_view *v, struct ui_scope *out)
{
	struct ui_list *l = v->data;
	memset(out, 0, sizeof *out);
	if (l->nsrc == 0)
		return false;
	const struct ui_source *s = &l->src[l->cur.src];
	out->source_id = s->query ? 0 : s->id; /* a saved search: its query's articles */
	if (!(out->name = strdup(s->name)) || (s->query && !(out->query = strdup(s->query)))) {
		ui_scope_free(out);
		ui_message(ui, "out of memory");
		return false;
	}
	return true;
}

static void list_reload(struct ui *ui, struct ui_view *v, bool all)
{
	if (all)
		list_refresh(v->data);
	else
		reload_sources(v->data);
}

/* The welcome with the store's counts, from row y of w. */
static void draw_welcome(struct ui *ui, const struct ui_list *l, WINDOW *w, int y)
{
	int h, width;
	getmaxyx(w, h, width);
	char counts[96] = "";
	size_t sources = 0; /* not counting the saved searches */
	for (size_t i = 1; i < l->nsrc; i++)
		sources += !l->src[i].query;
	if (l->nsrc > 0)
		snprintf(counts, sizeof counts, "%lld articles in %zu sources, %lld unread.",
		         (long long)l->src[0].total, sources, (long long)l->src[0].unread);
	const char *const lines[] = {
		"folio", "", counts, "",
		"j/k or the arrows move, Enter opens,",
		"/ searches every article,",
		"? lists every key, q goes back or quits.",
	};
	int x = width > 2 ? 1 : 0;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0] && y < h; i++) {
		struct folio_line *wl = NULL;
		size_t n = folio_text_wrap(lines[i], strlen(lines[i]), width - x, &wl);
		for (size_t j = 0; j < n && y < h; j++, y++)
			ui_draw_text(w, y, x, lines[i] + wl[j].start, wl[j].len, width - x,
			             i == 0 ? A_BOLD : A_NORMAL, NULL, 0, 0, ui);
		free(wl);
	}
}

/* The article pane while the cursor is on no article: the welcome. */
static void list_aside(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	draw_welcome(ui, v->data, w, 1);
}

/* The bottom view: opened once, with the reader (a store that cannot be read says so). */
static int list_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	struct ui_list *l = calloc(1, sizeof *l);
	if (!l)
		return -1;
	l->ui = ui;
	l->exp = -1;
	l->cur = l->top = (struct ui_pos){ 0, UI_SOURCE_ROW };
	reload_sources(l);
	v->data = l;
	return 0;
}

static void list_close(struct ui *ui, struct ui_view *v)
{
	list_free(v->data);
	free(v->data);
}

const struct ui_view_ops ui_sources_view = {
	.name = "sources",
	.pane = UI_PANE_LIST,
	.context = FOLIO_CTX_SOURCES,
	.open = list_open,
	.close = list_close,
	.draw = list_draw,
	.action = list_action,
	.status = list_status,
	.hint = list_hint,
	.aside = list_aside,
	.preview = list_preview,
	.click = list_click,
	.target = list_target,
	.scope = list_scope,
	.step = list_step,
	.set_state = list_set_state,
	.reload = list_reload,
};
