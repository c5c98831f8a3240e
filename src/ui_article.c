/*
 * ui_article.c: the article pane.
 *
 * An opened article is turned once into display paragraphs (title, two
 * header lines (the dateline only when the body does not start with it),
 * then each line of the body: paragraphs, blank lines and
 * list items as written), with the search matches of each paragraph found
 * once.  Wrapping to the pane's width is cached and redone only when the
 * width changes; the first line shown is remembered as a place in the text,
 * so a resize keeps the reader where they were.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <assert.h>

#include "folio/text.h"

enum ui_para_kind { UI_PARA_TITLE, UI_PARA_META, UI_PARA_BODY };

struct ui_para {
	char *text; /* display form of one line of the article */
	size_t len;
	enum ui_para_kind kind;
	int indent; /* hanging indent of a list item's later lines */
	struct folio_span *spans; /* search matches in text */
	size_t nspans;
};

struct ui_line {
	size_t para;
	size_t start;
	size_t len;
	bool first; /* the first line of its paragraph */
};

struct ui_match {
	size_t para;
	size_t span;
};

struct ui_article {
	int64_t id;
	bool read;
	bool flagged;
	bool from_search;
	struct ui_para *paras;
	size_t npara;
	struct ui_line *lines; /* wrap cache for wrap_cols */
	size_t nlines;
	int wrap_cols;
	size_t top; /* first line shown */
	size_t anchor_para; /* what top shows, kept across a re-wrap */
	size_t anchor_off;
	int height;
	struct ui_match *matches;
	size_t nmatches;
	long cur_match; /* -1 before the first n */
	bool to_first_match; /* opened from a search: show its first match once drawn */
	size_t tags_para; /* the header line of its tags ("" when it has none) */
	int64_t copies;   /* of its story in other outlets */
};

static void paras_free(struct ui_para *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].text);
		free(p[i].spans);
	}
	free(p);
}


/* Columns of the marker that starts a list item ("- ", "* ", "12. "), 0 if none. */
static int list_indent(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	size_t lead = i;
	if (i + 1 < len && (s[i] == '-' || s[i] == '*') && s[i + 1] == ' ')
		return (int)(i + 2);
	if (i + 3 < len && !memcmp(s + i, "\u2022", 3) && s[i + 3] == ' ')
		return (int)(i + 2);
	while (i < len && i - lead < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > lead && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
		return (int)(i + 2);
	return 0;
}

struct para_list {
	struct ui_para *p;
	size_t n;
	size_t size;
};

FOLIO_DEFINE_GROW(grow_paras, struct ui_para)
FOLIO_DEFINE_GROW(grow_lines, struct ui_line)

static bool add_para(struct para_list *pl, const char *s, size_t len, enum ui_para_kind kind,
                     const struct folio_query *q)
{
	if (!grow_paras(&pl->p, &pl->size, pl->n + 1))
		return false;
	struct ui_para *para = &pl->p[pl->n];
	memset(para, 0, sizeof *para);
	para->text = folio_text_display(s, len, &para->len);
	if (!para->text)
		return false;
	para->kind = kind;
	if (kind == UI_PARA_BODY)
		para->indent = list_indent(para->text, para->len);
	if (q && para->len)
		para->nspans = folio_search_highlight(q, para->text, para->len, &para->spans);
	pl->n++;
	return true;
}

/* "a · b · c" of the fields that are there. */
static char *join_fields(const char *const *fields, size_t n, const char *sep)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		if (fields[i] && *fields[i])
			len += strlen(fields[i]) + strlen(sep);
	char *out = malloc(len);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!fields[i] || !*fields[i])
			continue;
		if (out[0])
			strcat(out, sep);
		strcat(out, fields[i]);
	}
	return out;
}

/*
 * Whether the body starts with the dateline ("MOSCOW, Russia (CNN) -- ..."),
 * compared folded and with runs of spaces as one, ending on a word boundary.
 * Extract keeps a dateline lead in the body as written, so the header need
 * not say it again.
 */
static bool body_starts_with(const char *body, const char *dateline)
{
	while (*body == ' ' || *body == '\t' || *body == '\n' || *body == '\r')
		body++;
	size_t dlen = strlen(dateline), blen = strcspn(body, "\n");
	if (dlen == 0 || blen < dlen)
		return false;
	char *d = folio_text_fold(dateline, dlen, &dlen, NULL);
	char *b = folio_text_fold(body, blen, &blen, NULL);
	bool same = d && b;
	size_t i = 0, j = 0;
	while (same && i < dlen) {
		bool di = d[i] == ' ' || d[i] == '\t', bj = j < blen && (b[j] == ' ' || b[j] == '\t');
		if (di && bj) {
			while (i < dlen && (d[i] == ' ' || d[i] == '\t'))
				i++;
			while (j < blen && (b[j] == ' ' || b[j] == '\t'))
				j++;
		} else if (j < blen && d[i] == b[j]) {
			i++;
			j++;
		} else {
			same = false;
		}
	}
	/* "OSLO" is not the start of "OSLOFJORD": the body's word must end there */
	if (same && j < blen) {
		unsigned char c = (unsigned char)b[j];
		same = !(c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		         (c >= 'A' && c <= 'Z'));
	}
	free(d);
	free(b);
	return same;
}

static bool build_paras(struct para_list *pl, const struct folio_record *r,
                        const struct folio_query *q, const char *sep, const char *tags,
                        const char *also, size_t *tags_at)
{
	const char *title = r->title && *r->title ? r->title : "(no title)";
	char *by = NULL;
	if (r->byline && *r->byline) {
		by = malloc(strlen(r->byline) + 4);
		if (!by)
			return false;
		strcpy(by, "By ");
		strcat(by, r->byline);
	}
	const char *line1[] = { r->source, r->date };
	const char *dateline = r->dateline;
	if (dateline && r->body && body_starts_with(r->body, dateline))
		dateline = NULL;
	const char *line2[] = { by, dateline };
	char *meta1 = join_fields(line1, 2, sep), *meta2 = join_fields(line2, 2, sep);
	bool ok = meta1 && meta2 && add_para(pl, title, strlen(title), UI_PARA_TITLE, q) &&
	          (!*meta1 || add_para(pl, meta1, strlen(meta1), UI_PARA_META, q)) &&
	          (!*meta2 || add_para(pl, meta2, strlen(meta2), UI_PARA_META, q)) &&
	          (!r->url || add_para(pl, r->url, strlen(r->url), UI_PARA_META, NULL)) &&
	          /* always there, empty (no line) without tags, so t can change it */
	          (*tags_at = pl->n, add_para(pl, tags ? tags : "", tags ? strlen(tags) : 0,
	                                      UI_PARA_META, NULL)) &&
	          (!also || add_para(pl, also, strlen(also), UI_PARA_META, NULL)) &&
	          add_para(pl, "", 0, UI_PARA_BODY, NULL);
	free(by);
	free(meta1);
	free(meta2);
	const char *body = r->body ? r->body : "";
	bool blank = true; /* after the header's blank line */
	while (ok && *body) {
		const char *nl = strchr(body, '\n');
		size_t len = nl ? (size_t)(nl - body) : strlen(body);
		size_t i = 0;
		while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r'))
			i++;
		bool is_blank = i == len;
		if (!is_blank || !blank)
			ok = add_para(pl, is_blank ? "" : body, is_blank ? 0 : len, UI_PARA_BODY, q);
		blank = is_blank;
		body += nl ? len + 1 : len;
	}
	/* no blank line at the very end */
	if (ok && pl->n > 1 && pl->p[pl->n - 1].len == 0 && blank) {
		pl->n--;
		free(pl->p[pl->n].text);
		free(pl->p[pl->n].spans);
	}
	return ok;
}

static void article_free(struct ui_article *a)
{
	if (!a)
		return;
	paras_free(a->paras, a->npara);
	free(a->lines);
	free(a->matches);
	free(a);
}

/* Every match of every paragraph, in order, as n/N go through them; false
 * when memory runs out (and the article has none). */
static bool list_matches(struct ui_article *a)
{
	size_t n = 0, m = 0;
	for (size_t i = 0; i < a->npara; i++)
		n += a->paras[i].nspans;
	free(a->matches);
	a->matches = n ? malloc(n * sizeof *a->matches) : NULL;
	a->nmatches = a->matches ? n : 0;
	a->cur_match = -1;
	for (size_t i = 0; i < a->npara && a->matches; i++)
		for (size_t j = 0; j < a->paras[i].nspans; j++)
			a->matches[m++] = (struct ui_match){ i, j };
	return n == 0 || a->matches;
}

/* "Tags: a, b" for the header, or NULL when it has none. */
static char *article_tags(struct ui *ui, int64_t id)
{
	struct folio_tag_row *tags = NULL;
	size_t n = 0;
	char *err = NULL;
	if (folio_store_tags_of(ui->st, id, &tags, &n, &err) != 0 || n == 0) {
		free(err);
		return NULL;
	}
	struct folio_buf b = { 0 };
	folio_buf_str(&b, "Tags: ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			folio_buf_str(&b, ", ");
		folio_buf_str(&b, tags[i].name);
	}
	folio_store_tags_free(tags, n);
	return folio_buf_finish(&b, NULL);
}

/*
 * Article id made ready to draw, with q's matches found in it (q may be
 * NULL); NULL when it cannot be read (quiet: without a word, for a preview,
 * whose pane says so).  It opens at its first match, once its size is known.
 */
static struct ui_article *article_load(struct ui *ui, int64_t id, const struct folio_query *q,
                                       bool quiet)
{
	struct folio_record rec;
	char *err = NULL;
	int rc = folio_store_get(ui->st, id, &rec, &err);
	if (rc < 0) {
		if (quiet)
			free(err);
		else
			ui_store_error(ui, err);
		return NULL;
	}
	if (rc > 0) {
		if (!quiet)
			ui_message(ui, "That article is no longer in the store");
		return NULL;
	}
	struct para_list pl = { 0 };
	char *tags = article_tags(ui, rec.id);
	int64_t copies = 0;
	size_t tags_at = 0;
	char *also = ui_story_also(ui, id, &copies);
	bool ok = build_paras(&pl, &rec, q, ui->separator, tags, also, &tags_at);
	free(tags);
	free(also);
	struct ui_article *a = ok ? calloc(1, sizeof *a) : NULL;
	if (a) {
		a->paras = pl.p;
		a->npara = pl.n;
	}
	if (!a || !list_matches(a)) {
		if (a)
			article_free(a);
		else
			paras_free(pl.p, pl.n);
		folio_record_free(&rec);
		ui_message(ui, "out of memory");
		return NULL;
	}
	a->id = id;
	a->read = rec.read;
	a->flagged = rec.flagged;
	a->from_search = q != NULL;
	ui_marks_overlay(ui, a->id, &a->read, &a->flagged);
	a->to_first_match = a->nmatches > 0;
	a->tags_para = tags_at;
	a->copies = copies;
	folio_record_free(&rec);
	return a;
}

/* Read article arg->id, mark it read, and show arg->query's matches in it. */
static int article_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	struct ui_article *a = article_load(ui, arg->id, arg->query, false);
	if (!a)
		return -1;
	v->data = a;
	/* opening an article marks it read (it is not on the stack yet to hear it) */
	if (!a->read && folio_keymap_settings(ui->km)->mark_read_on_open) {
		a->read = true;
		ui_marks_set(ui, a->id, true, a->flagged);
	}
	/* and its copies: the same story is not news twice */
	if (a->copies && a->read && folio_keymap_settings(ui->km)->mark_read_on_open)
		ui_story_read(ui, a->id);
	if (a->nmatches > 0)
		ui_message(ui, "Match 1 of %zu: n/N to jump", a->nmatches);
	return 0;
}

/* Wrap every paragraph to cols, keeping the first line shown on the same text. */
static void rewrap(struct ui *ui, struct ui_article *a, int cols)
{
	struct ui_line *lines = NULL;
	size_t n = 0, size = 0;
	for (size_t i = 0; i < a->npara; i++) {
		const struct ui_para *p = &a->paras[i];
		if (p->kind == UI_PARA_META && p->len == 0)
			continue; /* a header field it does not have */
		int wcols = cols - p->indent > cols / 2 ? cols - p->indent : cols;
		struct folio_line *fl = NULL;
		size_t nl = folio_text_wrap(p->text, p->len, wcols, &fl);
		if (nl == 0) {
			free(lines);
			ui_message(ui, "out of memory");
			return;
		}
		if (!grow_lines(&lines, &size, n + nl)) {
			free(fl);
			free(lines);
			ui_message(ui, "out of memory");
			return;
		}
		for (size_t j = 0; j < nl; j++)
			lines[n++] = (struct ui_line){ i, fl[j].start, fl[j].len, j == 0 };
		free(fl);
	}
	free(a->lines);
	a->lines = lines;
	a->nlines = n;
	a->wrap_cols = cols;
}

/* The line that shows the anchor: where the reader was, whatever the size. */
static void top_from_anchor(struct ui_article *a)
{
	a->top = 0;
	for (size_t i = 0; i < a->nlines; i++) {
		const struct ui_line *l = &a->lines[i];
		if (l->para > a->anchor_para || (l->para == a->anchor_para && l->start > a->anchor_off))
			break;
		a->top = i;
	}
}

static size_t max_top(const struct ui_article *a)
{
	size_t h = a->height > 0 ? (size_t)a->height : 1;
	return a->nlines > h ? a->nlines - h : 0;
}

static void set_top(struct ui_article *a, long top)
{
	if (top < 0)
		top = 0;
	if ((size_t)top > max_top(a))
		top = (long)max_top(a);
	a->top = (size_t)top;
	if (a->top < a->nlines) {
		a->anchor_para = a->lines[a->top].para;
		a->anchor_off = a->lines[a->top].start;
	}
}

static size_t match_line(const struct ui_article *a, const struct ui_match *m)
{
	assert(m->para < a->npara && m->span < a->paras[m->para].nspans);
	size_t start = a->paras[m->para].spans[m->span].start;
	size_t found = 0;
	for (size_t i = 0; i < a->nlines; i++) {
		if (a->lines[i].para < m->para)
			continue;
		if (a->lines[i].para > m->para)
			break;
		if (a->lines[i].start <= start)
			found = i;
	}
	return found;
}

static void jump_match(struct ui *ui, struct ui_article *a, int dir)
{
	if (a->nmatches == 0) {
		ui_message(ui, a->from_search ? "No matches in this article"
		                              : "Nothing to go to: / finds in the article");
		return;
	}
	long n = (long)a->nmatches;
	long next;
	if (a->cur_match < 0) {
		/* the first match at or below the top of the pane (above it for N) */
		next = dir > 0 ? 0 : n - 1;
		for (long i = 0; i < n; i++) {
			long k = dir > 0 ? i : n - 1 - i;
			size_t line = match_line(a, &a->matches[k]);
			if (dir > 0 ? line >= a->top : line < a->top + (size_t)a->height) {
				next = k;
				break;
			}
		}
	} else {
		next = a->cur_match + dir;
		if (next >= n || next < 0) {
			next = next >= n ? 0 : n - 1;
			ui_message(ui, "Search wrapped to the %s", dir > 0 ? "top" : "bottom");
		}
	}
	a->cur_match = next;
	size_t line = match_line(a, &a->matches[next]);
	if (line < a->top || line >= a->top + (size_t)a->height)
		set_top(a, (long)line - a->height / 3);
	if (!ui->message[0])
		ui_message(ui, "Match %ld of %ld", next + 1, n);
}

/*
 * / in the article: text found in it, read as the search bar reads it but
 * each word a prefix ("miss" finds "missile"), in every line shown; the
 * first match at or below the top of the pane is shown.
 */
static void article_find(struct ui *ui, struct ui_view *v, const char *text)
{
	struct ui_article *a = v->data;
	struct folio_query q;
	if (folio_search_parse(text, false, &q) != 0) {
		ui_message(ui, "out of memory");
		return;
	}
	for (size_t t = 0; t < q.nterms; t++)
		q.terms[t].prefix = true;
	for (size_t i = 0; i < a->npara; i++) {
		struct ui_para *p = &a->paras[i];
		free(p->spans);
		p->spans = NULL;
		p->nspans = folio_search_highlight(&q, p->text, p->len, &p->spans);
	}
	folio_query_free(&q);
	a->from_search = true;
	a->to_first_match = false;
	if (!list_matches(a))
		ui_message(ui, "out of memory");
	else if (a->nmatches == 0)
		ui_message(ui, "Not found in this article");
	else
		jump_match(ui, a, 1);
}

static bool article_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_article *art = v->data;
	long h = art->height > 1 ? art->height : 1;
	long top = (long)art->top;
	switch (a) {
	case FOLIO_ACT_DOWN: set_top(art, top + 1); break;
	case FOLIO_ACT_UP: set_top(art, top - 1); break;
	case FOLIO_ACT_PAGE_DOWN:
		if (art->top >= max_top(art))
			ui_message(ui, "End of article: J opens the next");
		set_top(art, top + (h > 2 ? h - 1 : 1));
		break;
	case FOLIO_ACT_READ_ON:
		/* Space on the last page: the reader opens the next unread (not
		 * before it is laid out: keys typed ahead of the first draw) */
		if (art->nlines > 0 && art->top >= max_top(art))
			return false;
		set_top(art, top + (h > 2 ? h - 1 : 1));
		break;
	case FOLIO_ACT_PAGE_UP: set_top(art, top - (h > 2 ? h - 1 : 1)); break;
	case FOLIO_ACT_HALF_DOWN: set_top(art, top + (h > 1 ? h / 2 : 1)); break;
	case FOLIO_ACT_HALF_UP: set_top(art, top - (h > 1 ? h / 2 : 1)); break;
	case FOLIO_ACT_TOP: set_top(art, 0); break;
	case FOLIO_ACT_BOTTOM: set_top(art, (long)max_top(art)); break;
	case FOLIO_ACT_NEXT_MATCH: jump_match(ui, art, 1); break;
	case FOLIO_ACT_PREV_MATCH: jump_match(ui, art, -1); break;
	/* back to the list; the article stays open beside it (Tab returns) */
	case FOLIO_ACT_BACK: ui->focus = UI_PANE_LIST; break;
	default: return false;
	}
	return true;
}

/* Text width for a pane: the pane less a margin, at most UI_TEXT_MAX_COLS. */
static int text_cols(int width)
{
	int cols = width > 4 ? width - 2 : width;
	return cols > UI_TEXT_MAX_COLS ? UI_TEXT_MAX_COLS : cols;
}

/* The first match, a third of the way down the pane (the title's is on top). */
static void first_match(struct ui_article *a)
{
	a->to_first_match = false;
	if (a->nmatches == 0)
		return;
	a->cur_match = 0;
	size_t line = match_line(a, &a->matches[0]);
	if (line >= a->top + (size_t)a->height)
		set_top(a, (long)line - a->height / 3);
}

static void text_draw(struct ui *ui, struct ui_article *a, WINDOW *w)
{
	int h, width;
	getmaxyx(w, h, width);
	bool resized = h != a->height;
	a->height = h;
	int cols = text_cols(width);
	int margin = width > cols ? 1 : 0;
	if (cols != a->wrap_cols) {
		rewrap(ui, a, cols);
		resized = true;
	}
	if (resized)
		top_from_anchor(a);
	if (a->to_first_match)
		first_match(a);
	/* a taller screen may show the end sooner; the anchor stays for the way back */
	if (a->top > max_top(a))
		a->top = max_top(a);
	assert(a->cur_match < (long)a->nmatches);
	const struct ui_match *cur = a->cur_match >= 0 ? &a->matches[a->cur_match] : NULL;
	for (int y = 0; y < h && a->top + (size_t)y < a->nlines; y++) {
		const struct ui_line *ln = &a->lines[a->top + (size_t)y];
		const struct ui_para *p = &a->paras[ln->para];
		int x = margin + (ln->first ? 0 : p->indent);
		attr_t attr = p->kind == UI_PARA_TITLE ? ui->attr_title
		              : p->kind == UI_PARA_META ? ui->attr_dim : A_NORMAL;
		/* this line's share of the paragraph's matches, relative to the line */
		struct folio_span local[64];
		size_t nlocal = 0;
		for (size_t i = 0; i < p->nspans && nlocal < 64; i++) {
			size_t s = p->spans[i].start, e = s + p->spans[i].len;
			if (e <= ln->start || s >= ln->start + ln->len)
				continue;
			if (s < ln->start)
				s = ln->start;
			if (e > ln->start + ln->len)
				e = ln->start + ln->len;
			local[nlocal++] = (struct folio_span){ s - ln->start, e - s };
		}
		ui_draw_text(w, y, x, p->text + ln->start, ln->len, width - x, attr, local, nlocal,
		             ui->attr_match, ui);
		if (cur && cur->para == ln->para) {
			const struct folio_span *sp = &p->spans[cur->span];
			if (sp->start >= ln->start && sp->start < ln->start + ln->len) {
				size_t len = sp->len;
				if (sp->start + len > ln->start + ln->len)
					len = ln->start + ln->len - sp->start;
				int before = folio_text_width(p->text + ln->start, sp->start - ln->start);
				if (x + before < width)
					ui_draw_text(w, y, x + before, p->text + sp->start, len,
					             width - x - before, attr | ui->attr_cur_match, NULL, 0,
					             0, ui);
			}
		}
	}
}

static void article_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	text_draw(ui, v->data, w);
}

static void article_close(struct ui *ui, struct ui_view *v)
{
	article_free(v->data);
}

/* Marks or tags changed (t): its tags line is read again. */
static void article_reload(struct ui *ui, struct ui_view *v, bool all)
{
	struct ui_article *a = v->data;
	char *tags = article_tags(ui, a->id);
	size_t len;
	char *text = folio_text_display(tags ? tags : "", tags ? strlen(tags) : 0, &len);
	free(tags);
	if (!text)
		return;
	struct ui_para *p = &a->paras[a->tags_para];
	free(p->text);
	p->text = text;
	p->len = len;
	a->wrap_cols = 0; /* wrapped again when drawn, keeping its place */
}

/* ---- the preview: the list's selected row, read when no key is waiting ---- */

struct ui_preview {
	int64_t id;  /* 0: none read yet */
	char *match; /* the query it was read for (its FTS5 expression), or NULL */
	struct ui_article *a; /* NULL: it could not be read */
};

static bool same_query(const struct ui_preview *p, const struct folio_query *q)
{
	const char *m = q ? q->match : NULL;
	return (!m && !p->match) || (m && p->match && strcmp(m, p->match) == 0);
}

bool ui_preview_ready(const struct ui *ui, int64_t id, const struct folio_query *q)
{
	const struct ui_preview *p = ui->preview;
	return p && p->id == id && same_query(p, q);
}

bool ui_preview_load(struct ui *ui, int64_t id, const struct folio_query *q)
{
	if (ui_preview_ready(ui, id, q))
		return false;
	struct ui_preview *p = ui->preview;
	if (!p && !(p = ui->preview = calloc(1, sizeof *p))) {
		ui_message(ui, "out of memory");
		return false;
	}
	char *match = q && q->match ? strdup(q->match) : NULL;
	if (q && q->match && !match) {
		ui_message(ui, "out of memory");
		return false;
	}
	article_free(p->a);
	free(p->match);
	p->a = article_load(ui, id, q, true);
	p->id = id;
	p->match = match;
	return true;
}

void ui_preview_draw(struct ui *ui, WINDOW *w)
{
	struct ui_preview *p = ui->preview;
	if (!p)
		return;
	if (!p->a) {
		const char *msg = "This article cannot be read.";
		ui_draw_text(w, 1, 1, msg, strlen(msg), getmaxx(w) - 1, ui->attr_dim, NULL, 0, 0, ui);
		return;
	}
	text_draw(ui, p->a, w);
}

void ui_preview_free(struct ui *ui)
{
	struct ui_preview *p = ui->preview;
	if (!p)
		return;
	article_free(p->a);
	free(p->match);
	free(p);
	ui->preview = NULL;
}

static void article_status(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	const struct ui_article *a = v->data;
	if (a->nlines == 0) {
		buf[0] = '\0';
		return;
	}
	size_t shown = a->top + (size_t)(a->height > 0 ? a->height : 1);
	if (shown > a->nlines)
		shown = a->nlines;
	snprintf(buf, size, "%zu%%", shown * 100 / a->nlines);
}

static void article_hint(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	ui_key_hint(ui, FOLIO_CTX_ARTICLE, FOLIO_ACT_READ_ON, "page  ", buf, size);
	ui_key_hint(ui, FOLIO_CTX_ARTICLE, FOLIO_ACT_BACK, "back  ", buf, size);
	ui_key_hint(ui, FOLIO_CTX_ARTICLE, FOLIO_ACT_FIND, "find", buf, size);
}

static bool article_target(struct ui *ui, struct ui_view *v, int64_t *id, bool *read,
                           bool *flagged)
{
	const struct ui_article *a = v->data;
	*id = a->id;
	if (read)
		*read = a->read;
	if (flagged)
		*flagged = a->flagged;
	return true;
}

static void article_set_state(struct ui *ui, struct ui_view *v, int64_t id, bool read,
                              bool flagged)
{
	struct ui_article *a = v->data;
	if (a->id == id) {
		a->read = read;
		a->flagged = flagged;
	}
}

const struct ui_view_ops ui_article_view = {
	.name = "article",
	.pane = UI_PANE_ARTICLE,
	.context = FOLIO_CTX_ARTICLE,
	.open = article_open,
	.close = article_close,
	.draw = article_draw,
	.action = article_action,
	.status = article_status,
	.hint = article_hint,
	.find = article_find,
	.target = article_target,
	.set_state = article_set_state,
	.reload = article_reload,
};
