/*
 * ui_copies.c: a short list of articles picked for one article, in the
 * list pane: its story's copies (c: the same text from other outlets,
 * linked at import) and, with the same code, the articles most like it
 * (m, the view ui_similar_view: its most distinctive words through the
 * full-text index, its copies left out).
 *
 * The list is small and read whole when it opens: each row is its date,
 * source and title.  Enter opens one beside it; J/K step through it; q or
 * Esc closes it and gives the keyboard back.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <math.h>

#include "folio/search.h"

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

static bool picks_preview(struct ui *ui, struct ui_view *v, int64_t *id,
                          const struct folio_query **q)
{
	const struct ui_picks *p = v->data;
	if (p->sel >= p->n)
		return false;
	*id = p->rows[p->sel].id;
	*q = NULL;
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
	.preview = picks_preview,
	.target = picks_target,
	.step = picks_step,
	.set_state = picks_set_state,
};

/* ---- more like this ------------------------------------------------------ */

/* The article's words asked about (the most frequent), and used (the rarest of them). */
#define LIKE_CANDIDATES 40
#define LIKE_TERMS 10
#define LIKE_SHOWN 20

struct like_term {
	const char *word;
	double score;
};

static int by_score(const void *a, const void *b)
{
	const struct like_term *x = a, *y = b;
	return x->score > y->score ? -1 : x->score < y->score ? 1 : strcmp(x->word, y->word);
}

/*
 * The query for the articles like article rec: its most frequent words
 * weighed by how rare they are in the store (tf * log(N / df), df counted
 * in the full-text index no further than a tenth of the store, or 50: a
 * word that common says nothing), the best LIKE_TERMS joined by OR.  NULL when
 * nothing is left (or on error, said).
 */
static char *like_query(struct ui *ui, const struct folio_record *rec)
{
	struct folio_buf text = { 0 };
	folio_buf_printf(&text, "%s\n%s", rec->title ? rec->title : "", rec->body ? rec->body : "");
	struct folio_word_count *words = NULL;
	size_t n = 0;
	int64_t total = 0, unread;
	char *err = NULL;
	if (text.oom || folio_search_words(text.s ? text.s : "", text.len, &words, &n) != 0) {
		folio_buf_free(&text);
		ui_message(ui, "out of memory");
		return NULL;
	}
	folio_buf_free(&text);
	if (folio_store_totals(ui->st, &total, &unread, &err) != 0) {
		folio_search_words_free(words, n);
		ui_store_error(ui, err);
		return NULL;
	}
	struct like_term terms[LIKE_CANDIDATES];
	size_t nterms = 0;
	/* a small store has no word in a tenth of it that says nothing */
	int64_t cap = total / 10 > 50 ? total / 10 : 50;
	for (size_t i = 0; i < n && i < LIKE_CANDIDATES; i++) {
		struct folio_query q;
		char quoted[256];
		int64_t docs = 0;
		snprintf(quoted, sizeof quoted, "\"%s\"", words[i].word);
		if (folio_search_parse(quoted, false, &q) != 0)
			break;
		struct folio_search_opts o = { .match = q.match };
		int rc = q.match ? folio_store_search_count(ui->st, &o, cap, &docs, &err) : -1;
		folio_query_free(&q);
		free(err);
		err = NULL;
		/* in no other article, or in too many: nothing to go on */
		if (rc != 0 || docs < 2 || docs >= cap)
			continue;
		terms[nterms].word = words[i].word;
		terms[nterms].score = (double)words[i].count * log((double)(total + 1) / (double)docs);
		nterms++;
	}
	if (nterms)
		qsort(terms, nterms, sizeof *terms, by_score);
	struct folio_buf b = { 0 };
	for (size_t i = 0; i < nterms && i < LIKE_TERMS; i++)
		folio_buf_printf(&b, "%s\"%s\"", i ? " OR " : "", terms[i].word);
	folio_search_words_free(words, n);
	char *query = b.len ? folio_buf_finish(&b, NULL) : NULL;
	if (!b.len)
		folio_buf_free(&b);
	return query;
}

FOLIO_DEFINE_GROW(grow_list_rows, struct folio_list_row)

/* m: the articles most like the one with the keyboard, best first, not its copies. */
static int similar_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	int64_t id, story, size;
	struct folio_record rec;
	char *err = NULL;
	(void)arg;
	if (!ui_view_target(ui, &id, NULL, NULL)) {
		ui_message(ui, "No article selected");
		return -1;
	}
	int rc = folio_store_get(ui->st, id, &rec, &err);
	if (rc != 0) {
		if (rc < 0)
			ui_store_error(ui, err);
		return -1;
	}
	char *query = like_query(ui, &rec);
	folio_record_free(&rec);
	if (!query) {
		if (!ui->message[0])
			ui_message(ui, "This article has no words that other articles share");
		return -1;
	}
	/* its story: itself and its copies are left out */
	struct folio_idset skip = { 0 };
	struct folio_list_row *mine = NULL;
	size_t nmine = 0;
	if (folio_store_story(ui->st, id, &story, &size, &err) == 0 && size > 1 &&
	    folio_store_story_rows(ui->st, story, &mine, &nmine, &err) == 0)
		for (size_t i = 0; i < nmine; i++)
			folio_idset_add(&skip, mine[i].id);
	free(err);
	err = NULL;
	folio_store_rows_free(mine, nmine);
	folio_idset_add(&skip, id);

	struct folio_query q;
	struct folio_hit *hits = NULL;
	size_t nhits = 0;
	rc = folio_search_parse(query, false, &q);
	free(query);
	if (rc == 0 && q.match) {
		struct folio_search_opts o = { .match = q.match, .limit = LIKE_SHOWN + skip.n,
		                               .no_snippets = true };
		rc = folio_store_search(ui->st, &o, &hits, &nhits, &err);
	}
	if (rc == 0)
		folio_query_free(&q);
	struct folio_list_row *rows = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; rc == 0 && i < nhits && n < LIKE_SHOWN; i++) {
		if (folio_idset_has(&skip, hits[i].id))
			continue;
		if (!grow_list_rows(&rows, &cap, n + 1))
			break;
		struct folio_list_row *r = &rows[n++];
		memset(r, 0, sizeof *r);
		r->id = hits[i].id;
		memcpy(r->date, hits[i].date, sizeof r->date);
		r->read = hits[i].read;
		r->flagged = hits[i].flagged;
		/* handed over: the hit keeps NULL */
		r->source = hits[i].source;
		r->title = hits[i].title;
		hits[i].source = hits[i].title = NULL;
	}
	folio_store_hits_free(hits, nhits);
	folio_idset_free(&skip);
	if (rc != 0) {
		folio_store_rows_free(rows, n);
		ui_store_error(ui, err);
		return -1;
	}
	if (n == 0) {
		free(rows);
		ui_message(ui, "No other article is like this one");
		return -1;
	}
	char head[64];
	snprintf(head, sizeof head, "More like this, best first:");
	struct ui_picks *p = picks_new(ui, head, rows, n);
	if (!p)
		return -1;
	v->data = p;
	return 0;
}

const struct ui_view_ops ui_similar_view = {
	.name = "similar",
	.pane = UI_PANE_LIST,
	.context = FOLIO_CTX_SOURCES,
	.opened_by = FOLIO_ACT_MORE_LIKE_THIS,
	.esc_closes = true,
	.open = similar_open,
	.close = picks_close,
	.draw = picks_draw,
	.action = picks_action,
	.status = picks_status,
	.hint = picks_hint,
	.target = picks_target,
	.step = picks_step,
	.set_state = picks_set_state,
};
