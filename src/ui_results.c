/*
 * ui_results.c: the search bar and the results list (the view of search hits).
 *
 * What is typed is parsed by the search module (the last word a prefix)
 * and run through the store when no key is waiting, so fast typing over a
 * slow link is not held up by searches nobody will see.  Results replace
 * the source list: title, source and date, and a snippet, with the matches
 * highlighted; Enter opens one with every match highlighted.  Esc (or q in
 * the results) puts the reader back where it was before '/'.
 *
 * Ranking has to score every match (a few hundred ms for a short prefix at
 * 10^5 articles), which no keystroke can wait for.  So a keystroke gets the
 * quick page, the latest matches first (the store stops after one page),
 * headed "latest first…"; when typing pauses for SEARCH_PAUSE_MS, or on
 * Enter, the ranked search replaces it ("best first").  Both run with an
 * interrupt check, so a key typed meanwhile stops a search whose answer is
 * already stale and the old results stay until the next one.
 *
 * No hit is under the cursor while the quick page is shown in the bar
 * (Enter opens the best hit, which is not known yet), and Tab or Down
 * into the hits keeps the order shown: the hit under the cursor is never
 * replaced by another when the ranked order arrives.
 *
 * Up and Down in the bar walk the history (ui_history.c).
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <assert.h>
#include <poll.h>
#include <unistd.h>

#include "folio/text.h"

#define SEARCH_PAGE 50
#define SEARCH_COUNT_CAP 10000
#define HIT_ROWS 3
#define SEARCH_PAUSE_MS 350 /* no key for this long: typing has paused, rank */

struct ui_hit {
	int64_t id;
	char date[11];
	char *title;
	char *source;
	char *snippet;
	char *also; /* "also in: ..." when its story has copies, else NULL */
	struct folio_span *title_spans;
	size_t ntitle_spans;
	struct folio_span *snippet_spans;
	size_t nsnippet_spans;
	bool read;
	bool flagged;
};

struct ui_search {
	struct ui *ui;
	struct ui_view *view; /* set on each call from the reader: the stack may move it */
	bool editing; /* the bar has the keyboard */
	bool dirty;   /* the text changed since the last search */
	struct ui_edit line; /* what is typed */
	size_t hist_pos; /* == ui->history.n when not browsing */
	char *hist_saved; /* the line being typed before browsing */
	struct folio_query q;
	bool have_q;
	struct ui_hit *hits;
	size_t nhits, hits_cap;
	size_t fetched; /* the store's hits read: nhits and the copies passed over */
	struct folio_idset stories; /* the stories of the hits (ui->stories: one hit each) */
	bool at_end;
	bool ranked;      /* best first; false while the quick latest-first page is shown */
	bool interrupted; /* a key arrived while a search ran, and stopped it */
	struct timespec quick_at; /* when the quick page was shown: ranking waits for a pause */
	int64_t count;
	bool count_capped;
	size_t sel;
	size_t top;
	int height;
};

/* ---- the results ---- */

static void hit_free_fields(struct ui_hit *h)
{
	free(h->title);
	free(h->source);
	free(h->snippet);
	free(h->also);
	free(h->title_spans);
	free(h->snippet_spans);
}

static void hits_free(struct ui_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hit_free_fields(&hits[i]);
	free(hits);
}

static void clear_results(struct ui_search *s)
{
	hits_free(s->hits, s->nhits);
	s->hits = NULL;
	s->nhits = s->hits_cap = s->fetched = 0;
	folio_idset_free(&s->stories);
	s->sel = s->top = 0;
	s->count = 0;
	s->count_capped = false;
	s->at_end = true;
	s->ranked = false;
	if (s->have_q)
		folio_query_free(&s->q);
	s->have_q = false;
}

static void results_close(struct ui *ui, struct ui_view *v)
{
	struct ui_search *s = v->data;
	clear_results(s);
	free(s->hist_saved);
	ui_edit_free(&s->line);
	free(s);
}

static bool convert_hit(const struct folio_query *q, const struct folio_hit *in, struct ui_hit *out)
{
	memset(out, 0, sizeof *out);
	out->id = in->id;
	memcpy(out->date, in->date, sizeof out->date);
	out->date[10] = '\0';
	out->read = in->read;
	out->flagged = in->flagged;
	out->title = ui_display(in->title && *in->title ? in->title : "(no title)");
	out->source = ui_display(in->source);
	out->snippet = ui_display(in->snippet);
	if (!out->title || !out->source || !out->snippet)
		return false;
	out->ntitle_spans = folio_search_highlight(q, out->title, strlen(out->title),
	                                           &out->title_spans);
	out->nsnippet_spans = folio_search_highlight(q, out->snippet, strlen(out->snippet),
	                                             &out->snippet_spans);
	return true;
}

/* The store's interrupt check: a key waiting on the terminal makes the running search stale. */
static int key_waiting(void *arg)
{
	struct ui_search *s = arg;
	if (ui_test_scripted())
		return 0; /* a test script's next keys come after this search */
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&pfd, 1, 0) <= 0)
		return 0;
	s->interrupted = true;
	return 1;
}

enum fetch { FETCH_OK, FETCH_STOPPED, FETCH_INTERRUPTED };

/*
 * Whether a hit is shown: with one hit a story, not when a hit of its
 * story was (stories holds theirs).  *also gets "also in: ..." for a hit
 * whose story has copies.
 */
static bool story_hit(struct ui *ui, struct folio_idset *stories, int64_t id, char **also)
{
	int64_t story, size;
	char *err = NULL;
	*also = NULL;
	if (folio_store_story(ui->st, id, &story, &size, &err) != 0) {
		free(err);
		return true;
	}
	if (size < 2)
		return true;
	if (ui->stories && folio_idset_add(stories, story) == 0)
		return false;
	int64_t copies;
	*also = ui_story_also(ui, id, &copies);
	return true;
}

/*
 * One page of hits for q from offset, ranked or latest first, ready to
 * draw; a hit whose story was shown (stories) is passed over, and *nread
 * counts the store's hits read.  FETCH_STOPPED: an error was shown, and
 * *out holds what was read before it; FETCH_INTERRUPTED (only when
 * interruptible): a key came first, nothing was read.
 */
static enum fetch fetch_page(struct ui_search *s, const struct folio_query *q, bool ranked,
                             size_t offset, bool interruptible, struct folio_idset *stories,
                             struct ui_hit **out, size_t *nout, size_t *nread)
{
	struct ui *ui = s->ui;
	struct folio_hit *hits = NULL;
	size_t n = 0;
	char *err = NULL;
	*out = NULL;
	*nout = *nread = 0;
	s->interrupted = false;
	if (interruptible)
		folio_store_set_interrupt(ui->st, key_waiting, s);
	struct folio_search_opts o = { .match = q->match, .after = q->after, .before = q->before,
	                               .tag = q->tag,
	                               .limit = SEARCH_PAGE, .offset = offset, .recent = !ranked };
	int rc = folio_store_search(ui->st, &o, &hits, &n, &err);
	if (interruptible)
		folio_store_set_interrupt(ui->st, NULL, NULL);
	free(err);
	if (rc != 0) {
		if (s->interrupted)
			return FETCH_INTERRUPTED;
		/* the parser makes every query valid; whatever went wrong, no SQL reaches the screen */
		ui_message(ui, "That search could not be run; try other words");
		return FETCH_STOPPED;
	}
	struct ui_hit *page = n ? calloc(n, sizeof *page) : NULL;
	enum fetch result = FETCH_OK;
	size_t added = 0;
	if (n && !page)
		result = FETCH_STOPPED;
	*nread = n;
	for (size_t i = 0; page && i < n; i++) {
		char *also;
		if (!story_hit(ui, stories, hits[i].id, &also))
			continue;
		if (!convert_hit(q, &hits[i], &page[added])) {
			free(also);
			hit_free_fields(&page[added]);
			result = FETCH_STOPPED;
			break;
		}
		page[added].also = also;
		ui_marks_overlay(ui, page[added].id, &page[added].read, &page[added].flagged);
		added++;
	}
	folio_store_hits_free(hits, n);
	if (result == FETCH_STOPPED)
		ui_message(ui, "out of memory");
	*out = page;
	*nout = added;
	return result;
}

FOLIO_DEFINE_GROW(grow_hits, struct ui_hit)

/* The next page of hits; false when there are no more (or an error was shown). */
static bool fetch_more(struct ui_search *s)
{
	struct ui *ui = s->ui;
	if (s->at_end || !s->have_q)
		return false;
	struct ui_hit *page;
	size_t n, nread;
	enum fetch rc = fetch_page(s, &s->q, s->ranked, s->fetched, false, &s->stories, &page, &n,
	                           &nread);
	s->fetched += nread;
	s->at_end = rc != FETCH_OK || nread < SEARCH_PAGE;
	if (!grow_hits(&s->hits, &s->hits_cap, s->nhits + n)) {
		hits_free(page, n);
		s->at_end = true;
		ui_message(ui, "out of memory");
		return false;
	}
	if (n)
		memcpy(s->hits + s->nhits, page, n * sizeof *page);
	free(page);
	s->nhits += n;
	return n > 0;
}

/*
 * Search for what is in the bar: ranked, or the quick latest-first page
 * (without a count, which would cost as much again).  Returns false, with
 * the results shown before kept, when a key interrupted it.
 */
static bool run_query(struct ui_search *s, bool ranked, bool interruptible)
{
	struct ui *ui = s->ui;
	struct folio_query q;
	if (folio_search_parse(ui_edit_text(&s->line), true, &q) != 0) {
		clear_results(s);
		s->dirty = false;
		ui_message(ui, "out of memory");
		return true;
	}
	ranked = ranked || !q.match; /* dates alone: newest first is the only order */
	struct ui_hit *page = NULL;
	size_t n = 0, nread = 0;
	struct folio_idset stories = { 0 };
	enum fetch rc = FETCH_OK;
	if (!q.empty) {
		rc = fetch_page(s, &q, ranked, 0, interruptible, &stories, &page, &n, &nread);
		if (rc == FETCH_INTERRUPTED) {
			folio_idset_free(&stories);
			folio_query_free(&q);
			return false;
		}
	}
	clear_results(s);
	s->dirty = false;
	s->q = q;
	s->have_q = true;
	s->hits = page;
	s->nhits = s->hits_cap = n;
	s->fetched = nread;
	s->stories = stories;
	s->ranked = ranked || n <= 1; /* one hit or none: no order to improve */
	if (q.empty)
		return true;
	s->at_end = rc != FETCH_OK || nread < SEARCH_PAGE;
	s->count = (int64_t)n;
	s->count_capped = !s->at_end;
	if (!s->ranked) {
		ui_clock(&s->quick_at);
		return true;
	}
	char *err = NULL;
	int64_t count = 0;
	if (interruptible)
		folio_store_set_interrupt(ui->st, key_waiting, s);
	struct folio_search_opts o = { .match = s->q.match, .after = s->q.after,
	                               .before = s->q.before, .tag = s->q.tag };
	int counted = folio_store_search_count(ui->st, &o, SEARCH_COUNT_CAP, &count, &err);
	if (interruptible)
		folio_store_set_interrupt(ui->st, NULL, NULL);
	free(err);
	if (counted == 0) {
		s->count = count;
		s->count_capped = count >= SEARCH_COUNT_CAP;
	}
	return true;
}

/* Rank what is typed if it is not yet: before Enter opens the best hit. */
static void settle(struct ui_search *s)
{
	if (s->dirty || (s->have_q && !s->ranked))
		run_query(s, true, false);
}

/* Whether the quick page waits to be ranked: only while the bar has the keyboard. */
static bool rank_due(const struct ui_search *s)
{
	return s->have_q && !s->ranked && s->editing;
}

static int results_wait_ms(struct ui *ui, struct ui_view *v, int idle_ms)
{
	struct ui_search *s = v->data;
	if (s->dirty)
		return 0;
	if (!rank_due(s))
		return idle_ms;
	long left = SEARCH_PAUSE_MS - ui_elapsed_ms(&s->quick_at);
	return left <= 0 ? 0 : left < idle_ms ? (int)left : idle_ms;
}

static bool results_idle(struct ui *ui, struct ui_view *v)
{
	struct ui_search *s = v->data;
	s->view = v;
	if (s->dirty)
		return run_query(s, false, true);
	if (rank_due(s) && ui_elapsed_ms(&s->quick_at) >= SEARCH_PAUSE_MS)
		return run_query(s, true, true);
	return false;
}

static void results_set_state(struct ui *ui, struct ui_view *v, int64_t id, bool read,
                              bool flagged)
{
	struct ui_search *s = v->data;
	for (size_t i = 0; i < s->nhits; i++) {
		if (s->hits[i].id == id) {
			s->hits[i].read = read;
			s->hits[i].flagged = flagged;
		}
	}
}

static int results_height(const struct ui_search *s)
{
	int h = s->height > 0 ? s->height : s->ui->rows - 1;
	int per = (h - 1) / HIT_ROWS;
	return per > 0 ? per : 1;
}

static void select_hit(struct ui_search *s, long sel)
{
	while (sel >= (long)s->nhits && fetch_more(s))
		;
	if (sel >= (long)s->nhits)
		sel = (long)s->nhits - 1;
	if (sel < 0)
		sel = 0;
	s->sel = (size_t)sel;
	/* keep a page ahead loaded so the count of pages is never a surprise */
	if (s->sel + (size_t)results_height(s) >= s->nhits)
		fetch_more(s);
	size_t per = (size_t)results_height(s);
	if (s->sel < s->top)
		s->top = s->sel;
	else if (s->sel >= s->top + per)
		s->top = s->sel - per + 1;
}

/* Down or Tab out of the bar: the hits of what is typed, in the order shown. */
static void leave_bar(struct ui_search *s)
{
	if (s->dirty)
		run_query(s, false, false);
	if (s->nhits) {
		s->editing = false;
		select_hit(s, 0);
	}
}

/* J/K from an article opened here: select the neighbouring hit (the reader then opens it). */
static bool results_step(struct ui *ui, struct ui_view *v, int64_t from, int dir,
                         bool unread_only)
{
	struct ui_search *s = v->data;
	s->view = v;
	long i = (long)s->sel;
	for (;;) {
		i += dir;
		if (i < 0)
			return false;
		while (i >= (long)s->nhits && fetch_more(s))
			;
		if (i >= (long)s->nhits)
			return false;
		if (!unread_only || !s->hits[i].read)
			break;
	}
	select_hit(s, i);
	return true;
}

static void open_selected(struct ui_search *s)
{
	struct ui *ui = s->ui;
	if (s->sel >= s->nhits) {
		ui_message(ui, s->have_q && !s->q.empty ? "No articles match"
		                                        : "Type words to search for");
		return;
	}
	s->editing = false;
	ui_view_open_article(ui, s->view, s->hits[s->sel].id, s->have_q ? &s->q : NULL);
}

/* ---- the bar ---- */

/* '/': a new search starts empty (Up recalls the last); '/' on shown results refines them. */
static int results_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	struct ui_search *s = calloc(1, sizeof *s);
	if (!s || !ui_edit_set(&s->line, "")) {
		free(s);
		ui_message(ui, "out of memory");
		return -1;
	}
	s->ui = ui;
	s->editing = true;
	s->hist_pos = ui->history.n;
	s->at_end = true;
	v->data = s;
	if (arg && arg->text && arg->action == FOLIO_ACT_FILTER) {
		/* L: the scope of the list typed for the user, who types on */
		if (!ui_edit_set(&s->line, arg->text))
			ui_message(ui, "out of memory");
		s->line.cursor = s->line.text.len;
		s->dirty = s->line.text.len > 0;
	} else if (arg && arg->text) {
		/* a search asked for (a period of a timeline): run, the hits have the keyboard */
		if (!ui_edit_set(&s->line, arg->text)) {
			ui_message(ui, "out of memory");
		} else {
			s->line.cursor = s->line.text.len;
			ui_history_add(&ui->history, arg->text);
			s->hist_pos = ui->history.n;
			run_query(s, true, false);
			s->editing = false;
		}
	}
	return 0;
}

static bool results_scope(struct ui *ui, struct ui_view *v, struct ui_scope *out)
{
	struct ui_search *s = v->data;
	const char *text = ui_edit_text(&s->line);
	memset(out, 0, sizeof *out);
	if (!text || !*text)
		return false;
	out->query = strdup(text);
	out->name = ui_display(text);
	if (!out->query || !out->name) {
		ui_scope_free(out);
		ui_message(ui, "out of memory");
		return false;
	}
	return true;
}

static void refine(struct ui_search *s)
{
	s->editing = true;
	s->hist_pos = s->ui->history.n;
	s->line.cursor = s->line.text.len;
}

static void close_search(struct ui_search *s)
{
	ui_view_close(s->ui, s->view);
}

static bool set_text(struct ui_search *s, const char *text)
{
	if (!ui_edit_set(&s->line, text))
		return false;
	s->dirty = true;
	return true;
}

static void results_insert(struct ui *ui, struct ui_view *v, folio_key k)
{
	struct ui_search *s = v->data;
	int rc = ui_edit_insert(&s->line, k);
	if (rc < 0) {
		ui_message(ui, "out of memory");
		return;
	}
	if (rc > 0) {
		s->dirty = true;
		s->hist_pos = ui->history.n;
	}
}

static void history_move(struct ui_search *s, int dir)
{
	struct ui *ui = s->ui;
	if (dir < 0) {
		if (s->hist_pos == 0) {
			ui_message(ui, ui->history.n ? "Oldest search" : "No earlier searches");
			return;
		}
		if (s->hist_pos == ui->history.n) {
			free(s->hist_saved);
			s->hist_saved = strdup(ui_edit_text(&s->line));
		}
		s->hist_pos--;
		set_text(s, ui->history.items[s->hist_pos]);
		return;
	}
	if (s->hist_pos >= ui->history.n) {
		/* past the newest: go down into the results */
		leave_bar(s);
		return;
	}
	s->hist_pos++;
	set_text(s, s->hist_pos == ui->history.n ? (s->hist_saved ? s->hist_saved : "")
	                                       : ui->history.items[s->hist_pos]);
}

/* Actions while the bar has the keyboard; false for those it leaves to the panes. */
static bool edit_action(struct ui_search *s, enum folio_action a)
{
	struct ui *ui = s->ui;
	switch (a) {
	case FOLIO_ACT_SEARCH_SUBMIT:
	case FOLIO_ACT_OPEN:
		if (s->line.text.len == 0) {
			/* Enter on an empty bar: nothing to search, go back as Esc does */
			close_search(s);
			return true;
		}
		settle(s);
		if (s->line.text.len) {
			ui_history_add(&ui->history, s->line.text.s);
			ui_history_save(&ui->history);
			s->hist_pos = ui->history.n;
		}
		if (s->nhits == 0 && s->have_q && !s->q.empty)
			ui_message(ui, "No articles match: try fewer words or a shorter prefix");
		else
			open_selected(s);
		return true;
	case FOLIO_ACT_SEARCH_CANCEL:
	case FOLIO_ACT_BACK:
		close_search(s);
		return true;
	case FOLIO_ACT_SWITCH_PANE:
		/* Tab leaves the bar for the hits, as Down does past the newest search */
		leave_bar(s);
		return true;
	case FOLIO_ACT_HISTORY_PREV: history_move(s, -1); return true;
	case FOLIO_ACT_HISTORY_NEXT: history_move(s, 1); return true;
	case FOLIO_ACT_DELETE_BACK:
		if (s->line.text.len == 0) {
			close_search(s);
			return true;
		}
		break;
	default:
		break;
	}
	int rc = ui_edit_action(&s->line, a);
	if (rc > 0)
		s->dirty = true;
	return rc >= 0;
}

/* Actions on the results list (the bar closed, the results still shown). */
static bool list_action(struct ui_search *s, enum folio_action a)
{
	long per = results_height(s);
	long sel = (long)s->sel;
	switch (a) {
	case FOLIO_ACT_DOWN:
	case FOLIO_ACT_NEXT_MATCH: select_hit(s, sel + 1); break;
	case FOLIO_ACT_UP:
	case FOLIO_ACT_PREV_MATCH: select_hit(s, sel - 1); break;
	case FOLIO_ACT_PAGE_DOWN: select_hit(s, sel + per); break;
	case FOLIO_ACT_PAGE_UP: select_hit(s, sel - per); break;
	case FOLIO_ACT_HALF_DOWN: select_hit(s, sel + (per + 1) / 2); break;
	case FOLIO_ACT_HALF_UP: select_hit(s, sel - (per + 1) / 2); break;
	case FOLIO_ACT_TOP: select_hit(s, 0); break;
	case FOLIO_ACT_BOTTOM:
		while (fetch_more(s))
			;
		select_hit(s, (long)s->nhits - 1);
		break;
	case FOLIO_ACT_OPEN: open_selected(s); break;
	case FOLIO_ACT_BACK:
	case FOLIO_ACT_SEARCH_CANCEL: close_search(s); break;
	default: return false;
	}
	return true;
}

/* A: every match of the query read, not only the page shown. */
static void mark_hits_read(struct ui *ui, struct ui_search *s)
{
	if (!s->have_q || s->q.empty) {
		ui_message(ui, "No search: type words first");
		return;
	}
	if (!ui_marks_flush(ui)) {
		ui_message(ui, "Marks are waiting for the store; try again in a moment");
		return;
	}
	struct folio_hit *hits = NULL;
	size_t n = 0;
	char *err = NULL;
	int64_t changed = 0, *ids = NULL;
	struct folio_search_opts o = { .match = s->q.match, .after = s->q.after,
	                               .before = s->q.before, .tag = s->q.tag,
	                               .limit = (size_t)INT64_MAX, .no_snippets = true };
	if (folio_store_search(ui->st, &o, &hits, &n, &err) != 0) {
		ui_store_error(ui, err);
		return;
	}
	if (n && !(ids = malloc(n * sizeof *ids))) {
		folio_store_hits_free(hits, n);
		ui_message(ui, "out of memory");
		return;
	}
	for (size_t i = 0; i < n; i++)
		ids[i] = hits[i].id;
	folio_store_hits_free(hits, n);
	int rc = folio_store_mark_ids(ui->st, ids, n, true, &changed, &err);
	free(ids);
	if (rc != 0) {
		ui_store_error(ui, err);
		return;
	}
	ui_message(ui, "%lld of %zu hit%s marked read", (long long)changed, n, n == 1 ? "" : "s");
	ui_view_reload(ui, true);
}

static bool results_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_search *s = v->data;
	s->view = v;
	if (a == FOLIO_ACT_MARK_ALL_READ && !s->editing) {
		mark_hits_read(ui, s);
		return true;
	}
	if (a == FOLIO_ACT_SEARCH) {
		/* '/' again: back to the bar, to refine what is shown */
		refine(s);
		return true;
	}
	if (s->editing && edit_action(s, a))
		return true;
	return list_action(s, a);
}

static void draw_hint(struct ui *ui, WINDOW *w, int width)
{
	static const char *const lines[] = {
		"Type to search every article.",
		"",
		"words   all must match",
		"\"a b\"   a phrase",
		"port*   a prefix",
		"a OR b  either; -word: without",
		"source:NAME  by:NAME  title:WORD",
		"tag:NAME (t tags an article)",
		"after:2003-01-31  before:...",
		"",
		"Enter opens the best hit, Down",
		"goes to the list, Esc goes back.",
	};
	int h = getmaxy(w);
	for (int i = 0; i < (int)(sizeof lines / sizeof lines[0]) && i < h; i++)
		ui_draw_text(w, i, 1, lines[i], strlen(lines[i]), width - 1,
		             i == 0 ? A_BOLD : ui->attr_dim, NULL, 0, 0, ui);
}

/*
 * A snippet on one line: when its first match would fall past the end of
 * the line (a narrow screen), start it a little before the match instead,
 * after an ellipsis, so the reason for the hit is always visible.
 */
static void draw_snippet(struct ui *ui, WINDOW *w, int y, int x, int cols,
                         const struct ui_hit *hit, attr_t sel)
{
	const char *text = hit->snippet;
	size_t len = strlen(text), skip = 0;
	if (hit->nsnippet_spans > 0 && cols > 12) {
		const struct folio_span *first = &hit->snippet_spans[0];
		int before = folio_text_width(text, first->start);
		int match = folio_text_width(text + first->start, first->len);
		if (before + match > cols - 2) {
			/* keep about a quarter of the line before the match */
			int drop = before - cols / 4;
			while (skip < first->start && drop > 0) {
				size_t next = ui_char_after(text, len, skip);
				drop -= folio_text_width(text + skip, next - skip);
				skip = next;
			}
			/* back to the start of the word it cut, if that is near */
			size_t word = skip;
			while (word > 0 && skip - word < 16 && text[word - 1] != ' ')
				word--;
			if (word == 0 || text[word - 1] == ' ')
				skip = word;
		}
	}
	if (skip == 0) {
		ui_draw_text(w, y, x, text, len, cols, sel, hit->snippet_spans, hit->nsnippet_spans,
		             ui->attr_match, ui);
		return;
	}
	struct folio_span spans[32];
	size_t n = 0;
	for (size_t i = 0; i < hit->nsnippet_spans && n < 32; i++) {
		const struct folio_span *sp = &hit->snippet_spans[i];
		if (sp->start >= skip)
			spans[n++] = (struct folio_span){ sp->start - skip, sp->len };
	}
	int lead = ui_draw_text(w, y, x, ui->ellipsis, strlen(ui->ellipsis), cols, sel, NULL, 0, 0, ui);
	ui_draw_text(w, y, x + lead, text + skip, len - skip, cols - lead, sel, spans, n,
	             ui->attr_match, ui);
}

static void results_draw(struct ui *ui, struct ui_view *v, WINDOW *w)
{
	struct ui_search *s = v->data;
	int h, width;
	getmaxyx(w, h, width);
	s->height = h;
	if (!ui->narrow && width > 1)
		width--; /* a gutter before the separator */
	if (!s->have_q || s->q.empty) {
		draw_hint(ui, w, width);
		return;
	}
	char head[96];
	if (s->nhits == 0)
		snprintf(head, sizeof head, "No articles match");
	else
		snprintf(head, sizeof head, "%lld%s %s, %s%s", (long long)s->count,
		         s->count_capped ? "+" : "",
		         s->count == 1 && !s->count_capped ? "article matches" : "articles match",
		         !s->ranked ? "latest first" : s->q.match ? "best first" : "newest first",
		         rank_due(s) ? ui->ellipsis : "");
	ui_draw_text(w, 0, 1, head, strlen(head), width - 1, A_BOLD, NULL, 0, 0, ui);
	size_t per = (size_t)results_height(s);
	if (s->sel >= s->top + per)
		s->top = s->sel - per + 1;
	/* in the bar, the hit Enter opens; none while the best is not known */
	attr_t sel_attr = ui_view_has_focus(ui, v) && !s->editing ? A_REVERSE
	                  : rank_due(s)                           ? 0
	                                                          : A_UNDERLINE;
	for (size_t i = 0; i < per && s->top + i < s->nhits; i++) {
		const struct ui_hit *hit = &s->hits[s->top + i];
		int y = 1 + (int)i * HIT_ROWS;
		attr_t sel = s->top + i == s->sel ? sel_attr : 0;
		if (sel) {
			wattrset(w, sel);
			for (int r = 0; r < HIT_ROWS && y + r < h; r++)
				mvwhline(w, y + r, 0, ' ', width);
		}
		const char *mark = hit->flagged ? "!" : (hit->read ? " " : "N");
		ui_draw_text(w, y, 0, mark, 1, width, sel | A_BOLD, NULL, 0, 0, ui);
		ui_draw_text(w, y, 2, hit->title, strlen(hit->title), width - 2,
		             sel | (hit->read ? A_NORMAL : A_BOLD), hit->title_spans,
		             hit->ntitle_spans, ui->attr_match, ui);
		if (y + 1 < h) {
			struct folio_buf meta = { 0 };
			folio_buf_printf(&meta, "%s%s%s%s%s", hit->source,
			                 *hit->source && *hit->date ? ", " : "", hit->date,
			                 hit->also ? ui->separator : "", hit->also ? hit->also : "");
			if (meta.s)
				ui_draw_text(w, y + 1, 2, meta.s, meta.len, width - 2, sel | ui->attr_dim,
				             NULL, 0, 0, ui);
			folio_buf_free(&meta);
		}
		if (y + 2 < h)
			draw_snippet(ui, w, y + 2, 2, width - 2, hit, sel);
	}
}

/* The bar on the status line; returns the column of the cursor. */
static int results_line(struct ui *ui, struct ui_view *v, WINDOW *w, int cols)
{
	struct ui_search *s = v->data;
	return ui_edit_draw(ui, w, &s->line, "/", cols, ui->attr_status, s->editing);
}

static void results_status(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	struct ui_search *s = v->data;
	buf[0] = '\0';
	if (!s->have_q || s->q.empty || s->nhits == 0)
		return;
	if (s->editing)
		snprintf(buf, size, "%lld%s found", (long long)s->count, s->count_capped ? "+" : "");
	else
		snprintf(buf, size, "%zu of %lld%s", s->sel + 1, (long long)s->count,
		         s->count_capped ? "+" : "");
}

static void results_hint(struct ui *ui, struct ui_view *v, char *buf, size_t size)
{
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_OPEN, "open  ", buf, size);
	ui_key_hint(ui, FOLIO_CTX_SOURCES, FOLIO_ACT_SEARCH, "search", buf, size);
}

static bool results_typing(const struct ui_view *v)
{
	const struct ui_search *s = v->data;
	return s->editing;
}

/* The mouse: the hit drawn at line y (its three lines; line 0 is the heading). */
static bool results_click(struct ui *ui, struct ui_view *v, int y)
{
	struct ui_search *s = v->data;
	s->view = v;
	if (y < 1 || !s->have_q || s->q.empty)
		return false;
	size_t i = s->top + (size_t)((y - 1) / HIT_ROWS);
	if (i >= s->nhits)
		return false;
	s->editing = false; /* out of the bar, the hits in the order shown, as Down does */
	select_hit(s, (long)i);
	return true;
}

static bool results_preview(struct ui *ui, struct ui_view *v, int64_t *id,
                            const struct folio_query **q)
{
	struct ui_search *s = v->data;
	if (s->sel >= s->nhits || rank_due(s))
		return false;
	*id = s->hits[s->sel].id;
	*q = &s->q;
	return true;
}

static bool results_target(struct ui *ui, struct ui_view *v, int64_t *id, bool *read,
                           bool *flagged)
{
	struct ui_search *s = v->data;
	if (s->sel >= s->nhits)
		return false;
	const struct ui_hit *h = &s->hits[s->sel];
	*id = h->id;
	*read = h->read;
	*flagged = h->flagged;
	return true;
}

const struct ui_view_ops ui_results_view = {
	.name = "results",
	.pane = UI_PANE_LIST,
	.context = FOLIO_CTX_SOURCES,
	.opened_by = FOLIO_ACT_SEARCH,
	.esc_closes = true,
	.open = results_open,
	.close = results_close,
	.draw = results_draw,
	.action = results_action,
	.typing = results_typing,
	.insert = results_insert,
	.status = results_status,
	.hint = results_hint,
	.line = results_line,
	.preview = results_preview,
	.click = results_click,
	.target = results_target,
	.scope = results_scope,
	.step = results_step,
	.set_state = results_set_state,
	.wait_ms = results_wait_ms,
	.idle = results_idle,
};
