/*
 * extract: the plain text of a scraped news page in, an article out.
 *
 * Pages come from many outlets and eras with the site's furniture still in
 * them, so there are no per-site rules: every page goes through the same
 * steps, which look at the wording and shape of lines and at their
 * neighbours.  Two rules run through all of them: losing part of the story
 * is worse than keeping a line of junk, so furniture is dropped line by
 * line and no single line can cut a story short; and a field is filled
 * only on evidence, since most scraped pages carry no headline and a guess
 * is worse than nothing.
 *
 * The parts: extract_units.c (steps 1-3, up to the class a line earns
 * alone), extract_furniture.c (the wording of captions, embedded posts,
 * prompts, rules and trailers), extract_fields.c and extract_bylines.c
 * (parsers that read one line as a date, dateline, byline, credit, page
 * title, copyright owner or self-reference), extract_lexicon.c (word
 * lists, known outlets and the UTF-8 and case helpers), this file (classes
 * by neighbours, step 4 and the body), extract_meta.c (step 5) and
 * extract_verdict.c (step 6); extract_internal.h joins them.
 *
 * 1. Clean.  Invalid UTF-8 becomes U+FFFD, controls and invisible format
 *    characters go, tabs and odd spaces become one space, lines are
 *    trimmed.  Every output string is valid UTF-8.
 * 2. Units.  A block is a run of non-blank lines.  Hard-wrapped prose
 *    (even lines of 40-120 characters running on into the next) is joined
 *    into paragraphs, split at short sentence-ending lines or indented
 *    first lines; a page printed double-spaced (eight or more such lines
 *    standing alone) loses the blank lines inside its wrapped text first.
 *    A byline lead alone on its line ("By") joins the name under it, a
 *    dateline alone on its line ("CASSELBERRY, Fla. -") the paragraph
 *    under it; otherwise each line is a unit.
 * 3. Kinds.  Each unit is classed alone: copyright lines; end markers
 *    ("See also", "Most read"; with its teaser on the same line, "SEE ALSO:
 *    headline" is a teaser instead); droppable furniture; bylines, date
 *    lines, credit lines and banners by their parsers; trailers and
 *    writers' notes that name the writer; captions and credits (agency
 *    credits, "FILE -" leads, the weekday and full date only captions
 *    carry, "(2nd L)", "Label: description" with no full stop, transcript
 *    paragraphs in capitals), embedded posts ("(@handle) Month D, YYYY",
 *    pic.twitter.com), prompts (newsletters, apps, share buttons, "Story
 *    continues below", bracketed teasers, "... Read more", a headline under
 *    a label in capitals: "COURT DOCUMENTS: Dad To Judge: I Want More
 *    Money!"), rules ("___");
 *    headlines with their page stamps glued on; navigation; then by shape:
 *    prose, short sentence, lead-in ending in ':', list item, heading
 *    (a question in title case is one), other.  Then by neighbours: blocks
 *    of short unpunctuated lines are captions, navigation or tables; lists
 *    are kept when introduced or made of sentences; repeated lines and pull
 *    quotes go (three copies in a row all go), and so does a line above
 *    the story holding a later paragraph whole (a caption or summary glued
 *    to the story's opening); two or more "N/M" slides of one gallery are
 *    captions, and so is the heading over them that titles them; a
 *    sentence over a line that is only a picture credit is its caption;
 *    after an end marker, lines are teasers until long prose resumes.
 * 4. Body.  The maximum-weight run of units (Kadane): prose weighs its
 *    length, headings, captions, teasers and navigation weigh against it.
 *    A meta line, end marker or copyright line ends the run above the
 *    story (before 600 characters of it) and only weighs against it
 *    inside, so what follows joins when it outweighs the border.  The run
 *    starts on a paragraph that ends as a sentence (a standfirst stays out;
 *    a brief of one short sentence is a story) and ends on a sentence, an
 *    introduced list, or a last lead-in line after prose.  If one of its
 *    first three paragraphs opens with a dateline, dashed or not ("CITY
 *    (AP) --", "WASHINGTON Lawmakers ...", "(CNN) A ..."), the body starts
 *    there.  Inside, furniture goes line by line; headings between
 *    paragraphs, lists and tables stay; a bracketed link glued after a
 *    paragraph's last sentence goes, and so does a desk's sign-off after
 *    the story's last one ("... Bahrain. AO/HJL/IS"); the dateline lead
 *    stays as written.  A colon dateline ("NEW DELHI: The ...") counts
 *    only in the first paragraph: lower down it is a transcript's speaker.
 * 5. Fields (extract_meta.c), read around the body:
 *    - dateline: the place of the dateline above.
 *    - byline: the nearest byline above the body, else a line of names over
 *      a credit or date, else a trailer below it ("Reach NAME at", "NAME
 *      can be reached at", "Follow NAME on Twitter", "NAME: phone", "--
 *      NAME", a writer's note); a wire's "(Reporting by ...)" names none.
 *    - date: the nearest date line above (published before updated), a date
 *      in a byline, a "Posted/Published" line below, or a headline's stamp.
 *    - title: walking up from the body, a headline-shaped line, kept only
 *      on evidence: a page title with its outlet or stamp, under a date
 *      line, over the byline or date (over a run of highlights, the first),
 *      or the page's first line of text reading as a headline (three words
 *      or more, two over a dateline; title case, or 14 words at most).
 *    - source: an outlet above the body, a copyright line, an outlet in a
 *      credit or byline, the dateline's wire credit, an outlet line below,
 *      the page naming itself ("Originally published on", "stay with X for
 *      more", "stories on X:", "NBC News' Ana Ruiz contributed"), the owner
 *      of any copyright line; an outlet that only contributed or a photo
 *      credit names someone else.  Known outlets (about 170, with their
 *      spellings) show under one name; an unknown one counts when named
 *      like a paper or a web address.
 * 6. No article (extract_verdict.c), only on positive evidence: a
 *    tab-separated data file, a web-archive crawl notice, spam, a
 *    scientific paper's text, a cookie notice, error page, permissions
 *    notice or paywall around a short story, a sentence among five or more
 *    links with no headline or dateline; with no story at all, what the
 *    page held instead.
 *
 * All work is linear in the input: the repeat check is a hash table, every
 * parser reads a bounded prefix of one line, and the title and byline walks
 * look at a bounded number of lines.
 *
 * What still fools it: a one-line photo caption written as a full sentence
 * with no credit, date or caption wording (kept in the body); a standfirst
 * that ends as a sentence with no dateline or byline below it (joins the
 * body); the first paragraph of a story that stands above a date line or
 * letterhead (left out as header); comments that outweigh the article with
 * no end marker between; a pull quote reworded from the paragraph it
 * repeats; scanned documents whose wrapped lines hold list items or
 * footnotes (lines left apart and dropped); a first paragraph opening with
 * a capitalised acronym and a dash ("NATO -- ..."), read as a dateline; a
 * lone name with no "By", role or date beside it (no byline); an outlet
 * neither in the lexicon nor named like a paper ("Ledgerport Today"); dates
 * in other languages or ambiguous numeric dates (none); bylines and
 * datelines in scripts without case (none); a page holding several
 * articles (a digest) gives the biggest one.
 */
#include "folio/folio.h"

#include "folio/extract.h"

#include "extract_internal.h"
#include "folio/text.h"

#include <assert.h>

/* ------------------------------------------------------------ buffers -- */

/* A malloc'd copy; *oom set when memory runs out. */
static char *dup_n(const char *s, size_t n, bool *oom)
{
	char *p = malloc(n + 1);
	if (!p) {
		*oom = true;
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * Does a lone list item at i - 1 head a section: a paragraph of its own
 * follows, perhaps after one short line ("> Occupation: Director of the
 * FBI").  A listicle's "3. James Comey" is such a head; a box of teasers
 * is items one after another.
 */
static bool heads_a_section(const struct page *pg, size_t i)
{
	if (i < pg->n && pg->u[i].kind != K_PROSE && pg->u[i].words <= 12 &&
	    content_kind(pg->u[i].kind))
		i++;
	return i < pg->n && pg->u[i].kind == K_PROSE && pg->u[i].words >= 20;
}

/* Captions, navigation blocks, tables and teaser lists, by their block. */
static void classify_groups(struct page *pg)
{
	for (size_t a = 0; a < pg->n;) {
		size_t b = a;
		while (b < pg->n && pg->u[b].group == pg->u[a].group)
			b++;
		size_t n = b - a, punct = 0, digits = 0, maxw = 0, listed = 0, meta = 0;
		for (size_t k = a; k < b; k++) {
			struct unit *u = &pg->u[k];
			punct += u->sentence;
			digits += u->digit;
			listed += u->list != LIST_NONE;
			meta += is_meta(u->kind) || u->kind == K_END;
			if ((size_t)u->words > maxw)
				maxw = (size_t)u->words;
		}
		if (meta == 0 && listed == 0 && n >= 2) {
			struct unit *f = &pg->u[a];
			bool echo = n == 2 && f->len > 0 && pg->u[a + 1].len >= f->len &&
			            memcmp(pg->u[a + 1].s, f->s, f->len) == 0;
			bool table = n >= 3 && digits * 3 >= n * 2 && maxw <= 14;
			enum kind k = K_OTHER;
			if (echo || (n <= 3 && punct == 0 && f->words <= 10 && maxw <= 20 && !table))
				k = K_CAPTION;
			else if (table)
				k = K_TABLE;
			else if (n >= 3 && punct == 0 && maxw <= 15)
				k = K_NAV;
			/* "So far, the team is as below:" over its names is a list */
			size_t from = a;
			if (k == K_NAV && f->kind == K_INTRO && f->words >= 5) {
				k = K_LIST;
				from = a + 1;
			}
			if (k != K_OTHER)
				for (size_t j = from; j < b; j++)
					if (content_kind(pg->u[j].kind))
						pg->u[j].kind = k;
		}
		a = b;
	}

	/* short lines under a colon line are the items it introduces, though
	   unmarked: "The team is as below:" over "observer: Ada Fenwick" */
	for (size_t i = 0; i + 2 < pg->n; i++) {
		size_t j = i + 1;
		while (j < pg->n && pg->u[j].kind == K_HEADING)
			j++;
		if (pg->u[i].kind != K_INTRO || j - i - 1 < 2)
			continue;
		for (size_t k = i + 1; k < j; k++)
			pg->u[k].kind = K_LIST;
		i = j - 1;
	}

	/* lists: a run of items, with unmarked lines between items counted in */
	for (size_t i = 0; i < pg->n;) {
		if (pg->u[i].kind != K_LIST) {
			i++;
			continue;
		}
		size_t a = i, b = i + 1;
		for (;;) {
			size_t j = b;
			while (j < pg->n && pg->u[j].group == pg->u[a].group && pg->u[j].kind != K_LIST &&
			       content_kind(pg->u[j].kind) && pg->u[j].words <= 12)
				j++;
			if (j < pg->n && pg->u[j].kind == K_LIST && j - b <= 1)
				b = j + 1;
			else
				break;
		}
		size_t items = b - a, good = 0;
		for (size_t k = a; k < b; k++)
			good += pg->u[k].sentence || pg->u[k].words >= 8;
		bool intro = a > 0 && pg->u[a - 1].kind == K_INTRO;
		bool keep = intro || good * 2 > items;
		enum kind k_run = keep ? K_LIST : K_TEASER;
		if (!keep && items == 1 && heads_a_section(pg, b))
			k_run = K_HEADING; /* "3. James Comey" over its paragraphs */
		for (size_t k = a; k < b; k++)
			pg->u[k].kind = k_run;
		i = b;
	}
}

/* FNV-1a, for the repeated-line table. */
static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* The length of a quotation mark opening (at 0) or closing s, or 0. */
static size_t quote_mark(const char *s, size_t len, bool closing)
{
	static const char *const marks[] = { "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
	                                     "\xC2\xBB", NULL };
	for (const char *const *m = marks; *m; m++) {
		size_t n = strlen(*m);
		if (len >= n && memcmp(closing ? s + len - n : s, *m, n) == 0)
			return n;
	}
	return 0;
}

/*
 * A pull quote: a short line wholly in quotation marks whose words are
 * also inside a paragraph near it.  Only neighbours are searched, so the
 * cost stays linear.
 */
static void mark_pull_quotes(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		struct unit *u = &pg->u[i];
		if (!content_kind(u->kind) || u->words > 40 || u->len < 24)
			continue;
		size_t open = quote_mark(u->s, u->len, false), close = quote_mark(u->s, u->len, true);
		if (!open || !close || open + close >= u->len)
			continue;
		const char *inner = u->s + open;
		size_t n = u->len - open - close;
		if (memchr(inner, '"', n) || ex_find_bytes(inner, n, "\xE2\x80\x9D", 3))
			continue; /* two quotations and words between: a paragraph */
		size_t lo = i > 8 ? i - 8 : 0, hi = i + 9 < pg->n ? i + 9 : pg->n;
		for (size_t j = lo; j < hi; j++)
			if (j != i && pg->u[j].kind == K_PROSE && pg->u[j].len > u->len &&
			    ex_find_bytes(pg->u[j].s, pg->u[j].len, inner, n)) {
				u->kind = K_REPEAT;
				break;
			}
	}
}

/*
 * A line that appears twice is a teaser or a caption; a long paragraph that
 * appears twice is a pull quote, so only its later copies go.
 */
static int mark_repeats(struct page *pg)
{
	size_t cap = 16;
	while (cap < pg->n * 2)
		cap *= 2;
	size_t *slot = malloc(cap * sizeof *slot);
	size_t *count = calloc(pg->n ? pg->n : 1, sizeof *count);
	if (!slot || !count) {
		free(slot);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < cap; i++)
		slot[i] = SIZE_MAX;
	size_t *first = malloc((pg->n ? pg->n : 1) * sizeof *first);
	if (!first) {
		free(slot);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < pg->n; i++) {
		struct unit *u = &pg->u[i];
		first[i] = i;
		if (!content_kind(u->kind) && u->kind != K_CAPTION)
			continue;
		size_t h = (size_t)hash_bytes(u->s, u->len) & (cap - 1);
		while (slot[h] != SIZE_MAX) {
			struct unit *v = &pg->u[slot[h]];
			if (v->len == u->len && memcmp(v->s, u->s, u->len) == 0)
				break;
			h = (h + 1) & (cap - 1);
		}
		if (slot[h] == SIZE_MAX)
			slot[h] = i;
		first[i] = slot[h];
		count[slot[h]]++;
	}
	for (size_t i = 0; i < pg->n; i++) {
		size_t f = first[i];
		if (count[f] < 2)
			continue;
		/* three copies in a row are a carousel of summaries, not a quote */
		bool carousel = count[f] >= 3 && i + 1 < pg->n && first[i + 1] == f;
		if (pg->u[i].words < 25 || i != f || carousel)
			pg->u[i].kind = K_REPEAT;
	}
	free(slot);
	free(count);
	free(first);
	return 0;
}

static long weight(const struct unit *u)
{
	switch (u->kind) {
	case K_PROSE:
		return u->cps + 2L * u->cjk;
	case K_SHORT:
	case K_INTRO:
		return u->cps / 2;
	case K_LIST:
		return u->cps / 3;
	case K_TABLE:
		return -3;
	case K_HEADING:
		return -15;
	case K_CAPTION:
	case K_REPEAT:
	case K_TEASER:
		return -25;
	case K_DROP:
	case K_TRAILER:
		return -10;
	case K_NAV:
		return -(long)u->cps - 20;
	case K_OTHER:
		return -(long)u->cps;
	default:
		return 0;
	}
}

/*
 * A body ends on a sentence, or on an item long enough to be a paragraph
 * ("5) The application also mentions ... election."); it starts on a
 * paragraph (a headline ending in '?' is short).
 */
static bool can_end(const struct unit *u)
{
	return u->kind == K_PROSE || u->kind == K_SHORT ||
	       (u->kind == K_LIST && u->sentence && u->words >= 20);
}

static bool kept_in_body(enum kind k)
{
	return k == K_PROSE || k == K_SHORT || k == K_INTRO || k == K_HEADING || k == K_LIST ||
	       k == K_TABLE;
}

/*
 * A sentence right above a line that is only a picture credit, between
 * paragraphs, is that picture's caption: "An ancient sea once covered ..."
 * over "NASA/VILLANUEVA/MUMMA ET AL.".  A paragraph of several sentences
 * is not, nor a line in the writer's or a speaker's voice, nor the story's
 * last paragraph over a "Source:" note.
 */
static void mark_credited_captions(struct page *pg)
{
	for (size_t i = 1; i + 1 < pg->n; i++) {
		struct unit *u = &pg->u[i], *up = &pg->u[i - 1];
		/* a picture's credit between two paragraphs, not a source note at the end */
		if ((u->kind == K_CAPTION || u->kind == K_DROP) &&
		    ex_credit_only(u->s, u->len, u->words, u->sentence) &&
		    !ex_starts_ci(u->s, u->len, "source:") && content_kind(pg->u[i + 1].kind) &&
		    content_kind(up->kind) && up->words <= 40 && ex_sentences(up->s, up->len) <= 1 &&
		    !ex_own_voice(up->s, up->len))
			up->kind = K_CAPTION;
	}
}

/* Does a line tag or name an account as posts do: "#breaking", "@ABC7"? */
static bool post_marks(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if ((s[i] == '#' || s[i] == '@') && (i == 0 || s[i - 1] == ' ') &&
		    ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')))
			return true;
	return false;
}

/*
 * The text of an embedded post is the paragraph right above its stamp
 * ("... #lancaster ... — Leanne Suter (@abc7leanne) August 12, 2018"),
 * when it is short and tags or names an account as posts do: a story's
 * own paragraph has no "#breaking".
 */
static void mark_post_texts(struct page *pg)
{
	for (size_t i = 1; i < pg->n; i++) {
		struct unit *up = &pg->u[i - 1];
		if (pg->u[i].post && content_kind(up->kind) && up->words <= 60 &&
		    post_marks(up->s, up->len))
			up->kind = K_CAPTION;
	}
}

/* Slides of a gallery: two lines or more opening "N/18 ..." with the same count. */
static void mark_galleries(struct page *pg)
{
	unsigned char seen[1000] = { 0 }; /* slides seen per count, up to two */
	for (size_t i = 0; i < pg->n; i++) {
		int total = ex_gallery_slide(pg->u[i].s, pg->u[i].len);
		if (total > 0 && seen[total] < 2)
			seen[total]++;
	}
	for (size_t i = 0; i < pg->n; i++) {
		if (seen[ex_gallery_slide(pg->u[i].s, pg->u[i].len)] < 2)
			continue;
		pg->u[i].kind = K_CAPTION;
		/* the gallery's title: a heading over its first slide, or over a
		   line repeating it there ("18 show all <title>") */
		struct unit *up = i > 0 ? &pg->u[i - 1] : NULL;
		if (up && up->kind != K_HEADING && i > 1 && pg->u[i - 2].kind == K_HEADING &&
		    memmem(up->s, up->len, pg->u[i - 2].s, pg->u[i - 2].len))
			up = &pg->u[i - 2];
		if (up && up->kind == K_HEADING)
			up->kind = K_CAPTION;
	}
}

/*
 * What follows an end marker ("Related stories", "More from ...", "SEE
 * ALSO: ...") is a box of teasers until the article's prose resumes: a
 * line of 20 words or more that ends a sentence.
 */
static void mark_boxes(struct page *pg)
{
	bool in_box = false, prose_seen = false;
	for (size_t i = 0; i < pg->n; i++) {
		struct unit *u = &pg->u[i];
		if (u->kind == K_END) {
			in_box = true;
		} else if (in_box) {
			/* over the page's first paragraph ("This story appears in the
			   May 2 issue") a marker boxes nothing of the story */
			if (u->kind == K_PROSE && (u->words >= 20 || !prose_seen))
				in_box = false;
			else if (content_kind(u->kind) || u->kind == K_LIST)
				u->kind = K_TEASER;
		}
		prose_seen |= u->kind == K_PROSE;
	}
}

/*
 * A meta line, an end marker or a copyright line is a border.  Above the
 * article (before 600 characters of a run, among the page's first dozen
 * units) it ends the run: the header is cut off from the story.  Inside
 * the article it only weighs against the run, so one odd line cannot cut a
 * story short: what follows joins when it outweighs the border.
 */
#define HEADER_CPS 600
#define HEADER_UNITS 12
#define BORDER_WEIGHT 200
/* a standfirst is a sentence or two: a longer line over the story is its text */
#define STANDFIRST_WORDS 80

/*
 * The body: the run of units with the greatest weight, trimmed to start on
 * a paragraph and end on a sentence or an introduced list.  Returns false
 * if none.
 */
static bool find_body(const struct page *pg, size_t *start, size_t *end)
{
	long best = 0, cur = 0;
	size_t cur_start = 0, bs = 0, be = 0, last = pg->n;
	bool found = false;
	/* the page's last line of text may lead into what the page lost (a
	   video, a quoted post): "... told Eurogamer that:" ends the story */
	while (last > 0 && !content_kind(pg->u[last - 1].kind))
		last--;
	if (last < 2 || pg->u[last - 1].kind != K_INTRO || pg->u[last - 2].kind == K_INTRO)
		last = SIZE_MAX; /* a run of such lines introduced pictures, not the story's end */
	for (size_t i = 0; i < pg->n; i++) {
		const struct unit *u = &pg->u[i];
		if (is_break(u->kind)) {
			/* a header stands near the top: lower down, a short run over an
			   odd line is the story's start, not a standfirst */
			if (cur < HEADER_CPS && (i < HEADER_UNITS || cur < 150)) {
				cur = 0;
				cur_start = i + 1;
			} else {
				cur -= BORDER_WEIGHT;
			}
			continue;
		}
		if (cur <= 0) {
			cur = 0;
			cur_start = i;
		}
		cur += weight(u);
		bool ends = can_end(u) || u->kind == K_LIST || u->kind == K_TABLE ||
		            (u->kind == K_INTRO && i + 1 == last);
		if (cur > best && ends) {
			best = cur;
			bs = cur_start;
			be = i;
			found = true;
		}
	}
	if (!found)
		return false;
	/* start on a paragraph; a standfirst over it never ends as a sentence
	   does, nor runs past STANDFIRST_WORDS (text that long is the story's) */
	while (bs < be && (pg->u[bs].kind != K_PROSE ||
	                   (!pg->u[bs].sentence && !pg->u[bs].colon &&
	                    pg->u[bs].words <= STANDFIRST_WORDS)))
		bs++;
	/* end on prose, or on a list or table that a colon line introduced */
	while (be > bs && !can_end(&pg->u[be]) && !(pg->u[be].kind == K_INTRO && be + 1 == last)) {
		if (pg->u[be].kind == K_LIST || pg->u[be].kind == K_TABLE) {
			size_t k = be;
			while (k > bs && (pg->u[k].kind == K_LIST || pg->u[k].kind == K_TABLE))
				k--;
			if (pg->u[k].kind == K_INTRO)
				break;
		}
		be--;
	}
	if (bs > be || pg->u[bs].kind != K_PROSE)
		return false;
	/* a numbered list's first head over the first paragraph: "1. Anthony
	   Scaramucci", perhaps over a subhead, opens the body it numbers */
	size_t head = bs;
	while (head > 0 && bs - head < 2 && pg->u[head - 1].kind == K_HEADING)
		head--;
	while (head < bs && !(pg->u[head].list == LIST_NUMBER && pg->u[head].s[0] == '1' &&
	                      !ex_is_digit(pg->u[head].s[1])))
		head++;
	bs = head;
	*start = bs;
	*end = be;
	return true;
}

/* ---------------------------------------------------------------- body --- */

/*
 * Does a paragraph follow unit i, within the body (up to be), after at
 * most `heads` more headings: a section head over a subhead ("2. Chris
 * Christie" over "> Occupation: Governor") is kept, a stack of stray
 * lines ("Instagram", "IMDb", ...) is not.
 */
static bool over_paragraph(const struct page *pg, size_t i, size_t be, int heads)
{
	for (; i <= be; i++) {
		enum kind k = pg->u[i].kind;
		if (!kept_in_body(k))
			continue;
		if (k != K_HEADING)
			return true;
		if (heads-- == 0)
			return false;
	}
	return false;
}

/*
 * "... in 1962. [13 Ways to Hunt Intelligent Aliens]", "... at night. (Learn
 * more about how feathers evolved.)": a link to another story glued to the
 * end of a paragraph, after its last sentence.  Returns the length to cut
 * (the teaser and the space before it), or 0.  Brackets inside a sentence
 * ("[sic]", "[Rubio]") are the story's own, and so is an aside in
 * parentheses unless it sends the reader elsewhere.
 */
static size_t bracketed_teaser(const char *s, size_t len)
{
	static const char *const sends[] = { "see ", "learn ", "read ", "watch ", "listen ",
		"related:", "explore ", "find out ", "also read", "also see", NULL };
	size_t open = ex_closing_aside(s, len, 160);
	if (open == SIZE_MAX)
		return 0;
	if (s[open] == '(' && !ex_starts_any_ci(s + open + 1, len - open - 2, sends))
		return 0;
	struct word w[4];
	if (ex_split_words(s + open + 1, len - open - 2, w, 4) < 3)
		return 0;
	return len - open + 1;
}

/*
 * The length of a wire desk's sign-off glued after the story's last
 * sentence: "... Egypt and Bahrain. AO/HJL/IS" (editors' initials, two
 * groups or more, all capitals or all small letters), else 0.
 */
static size_t desk_signoff(const char *s, size_t len)
{
	size_t start = len, groups = 1, run = 0;
	bool upper = false, lower = false;
	while (start > 0 && s[start - 1] != ' ') {
		char c = s[--start];
		if (c == '/') {
			if (run == 0)
				return 0;
			groups++;
			run = 0;
		} else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
			upper |= c <= 'Z';
			lower |= c >= 'a';
			if (++run > 4)
				return 0;
		} else {
			return 0;
		}
	}
	if (start < 2 || run == 0 || groups < 2 || (upper && lower) ||
	    !strchr(".\"\x9D)", s[start - 2]))
		return 0;
	return len - start + 1;
}

static char *assemble_body(const struct page *pg, size_t bs, size_t be)
{
	struct folio_buf b = { 0 };
	const struct unit *prev = NULL;
	for (size_t i = bs; i <= be; i++) {
		const struct unit *u = &pg->u[i];
		if (!kept_in_body(u->kind))
			continue;
		/* a heading only between paragraphs; a picture credit alone there
		   ("Instagram", "Getty") is no heading */
		if (u->kind == K_HEADING && u->words == 1 && ex_credit_word(u->s, u->len))
			continue;
		/* a paragraph cut off by the page: "His ..." */
		if (u->words < 4 && u->len >= 3 && (memcmp(u->s + u->len - 3, "...", 3) == 0 ||
		                                    memcmp(u->s + u->len - 3, "\xE2\x80\xA6", 3) == 0))
			continue;
		if (u->kind == K_HEADING && !over_paragraph(pg, i + 1, be, 1))
			continue;
		bool line_item = (u->kind == K_LIST || u->kind == K_TABLE);
		if (prev) {
			bool same_list = line_item && (prev->kind == K_LIST || prev->kind == K_TABLE) &&
			                 prev->kind == u->kind;
			folio_buf_str(&b, same_list ? "\n" : "\n\n");
		}
		if (u->list == LIST_BULLET && u->kind == K_LIST) {
			folio_buf_str(&b, "\xE2\x80\xA2 ");
			folio_buf_add(&b, u->s + u->content, u->len - u->content);
		} else {
			size_t cut = bracketed_teaser(u->s, u->len);
			if (i == be && !cut)
				cut = desk_signoff(u->s, u->len);
			folio_buf_add(&b, u->s, u->len - cut);
		}
		prev = u;
	}
	return folio_buf_finish(&b, NULL);
}

/* --------------------------------------------------------------- public -- */

static const char *kind_name(enum kind k)
{
	static const char *const names[] = {
		[K_PROSE] = "prose", [K_SHORT] = "short", [K_INTRO] = "intro",
		[K_HEADING] = "heading", [K_OTHER] = "other", [K_LIST] = "list",
		[K_TABLE] = "table", [K_CAPTION] = "caption", [K_REPEAT] = "repeat",
		[K_TEASER] = "teaser", [K_NAV] = "nav", [K_DROP] = "drop",
		[K_TRAILER] = "trailer", [K_END] = "end",
		[K_BYLINE] = "byline", [K_DATE] = "date", [K_CREDIT] = "credit",
		[K_BANNER] = "banner", [K_COPYRIGHT] = "copyright",
	};
	return names[k];
}

/* Every unit to the trace, with whether the body [bs, be] kept it. */
static void trace_units(const struct page *pg, bool found, size_t bs, size_t be,
                        folio_extract_trace *trace, void *ctx)
{
	for (size_t i = 0; trace && i < pg->n; i++) {
		const struct unit *u = &pg->u[i];
		trace(ctx, kind_name(u->kind), found && i >= bs && i <= be && kept_in_body(u->kind), u->s,
		      u->len);
	}
}

enum folio_extract_result folio_extract(const char *text, size_t len,
                                        struct folio_article *out, const char **reason)
{
	return folio_extract_traced(text, len, out, reason, NULL, NULL);
}

/*
 * Above the story, a line holding a later paragraph whole with more around
 * it is a caption or a summary glued to the story's opening: "A woman waves
 * the flag ... [first paragraph]".  Only long paragraphs count, so a short
 * sentence quoted again cannot make one.
 */
#define GLUED_MIN_WORDS 20
#define GLUED_LOOKAHEAD 32
static void mark_glued_summaries(struct page *pg)
{
	for (size_t i = 0; i < pg->n && i < HEADER_UNITS; i++) {
		struct unit *u = &pg->u[i];
		if (!content_kind(u->kind) || u->words <= GLUED_MIN_WORDS)
			continue;
		for (size_t j = i + 1; j < pg->n && j <= i + GLUED_LOOKAHEAD; j++) {
			const struct unit *v = &pg->u[j];
			if (v->kind == K_PROSE && v->words >= GLUED_MIN_WORDS && v->len < u->len &&
			    memmem(u->s, u->len, v->s, v->len)) {
				u->kind = K_REPEAT;
				break;
			}
		}
	}
}

/* Classes by neighbours, after each unit's own class. */
static bool classify_page(struct page *pg)
{
	classify_groups(pg);
	if (mark_repeats(pg) < 0)
		return false;
	mark_glued_summaries(pg);
	mark_pull_quotes(pg);
	mark_galleries(pg);
	mark_credited_captions(pg);
	mark_post_texts(pg);
	mark_boxes(pg);
	return true;
}

/* A dateline among the first paragraphs starts the story. */
static void find_dateline(const struct page *pg, struct story *st)
{
	/* a lead-in right above the story may open it: "CITY (AP) — The Latest on ...:" */
	size_t from = st->bs > 0 && pg->u[st->bs - 1].kind == K_INTRO ? st->bs - 1 : st->bs;
	for (size_t i = from, seen = 0; i <= st->be && seen < 3; i++) {
		const struct unit *u = &pg->u[i];
		if (u->kind != K_PROSE && u->kind != K_SHORT && u->kind != K_INTRO)
			continue; /* "CITY (AP) — The Latest on the storm (all times local):" */
		seen++;
		/* the colon form only opens the first paragraph */
		if (ex_parse_dateline(u->s, u->len, st->place, sizeof st->place, st->credit,
		                      sizeof st->credit) ||
		    ex_dateline_loose(u->s, u->len, st->place, sizeof st->place, st->credit,
		                      sizeof st->credit, seen == 1)) {
			st->bs = i;
			st->dateline = true;
			break;
		}
	}
	for (size_t i = st->bs; i <= st->be; i++)
		if (pg->u[i].kind == K_PROSE || pg->u[i].kind == K_SHORT)
			st->prose += (size_t)pg->u[i].cps + 2 * (size_t)pg->u[i].cjk;
}

/* The fields found into malloc'd strings of out; false when memory runs out. */
static bool copy_fields(const struct ex_fields *f, struct folio_article *out)
{
	bool oom = false;
	if (f->title)
		out->title = dup_n(f->title, f->title_len, &oom);
	if (f->dateline)
		out->dateline = dup_n(f->dateline, strlen(f->dateline), &oom);
	if (f->has_byline)
		out->byline = dup_n(f->byline, strlen(f->byline), &oom);
	if (f->date)
		out->date = dup_n(f->date, strlen(f->date), &oom);
	if (f->source)
		out->source = dup_n(f->source, strlen(f->source), &oom);
	return !oom;
}

/*
 * The address a plain page states for itself: a line of its own that is
 * "Permalink: URL", "URL: URL", "Read or Share this story: URL" and the
 * like, or a page whose first line is an address alone (as some save
 * tools write it).  The first found; NULL when none (or memory ran out:
 * the article is still worth keeping without it).
 */
static char *stated_url(const char *text, size_t len)
{
	static const char *const labels[] = { "permalink", "url", "link", "source", "source url",
	                                      "original url", "canonical url", "original article",
	                                      "read or share this story", "article url", NULL };
	bool first = true;
	for (size_t at = 0; at < len;) {
		const char *line = text + at;
		const char *nl = memchr(line, '\n', len - at);
		size_t n = nl ? (size_t)(nl - line) : len - at;
		at += n + 1;
		const char *colon = memchr(line, ':', n);
		size_t skip = 0;
		if (colon && colon[1] == ' ') {
			size_t label = (size_t)(colon - line);
			for (const char *const *l = labels; *l; l++)
				if (strlen(*l) == label && strncasecmp(line, *l, label) == 0)
					skip = label + 2;
		}
		if (skip || (first && n > 0)) {
			char *url = folio_text_url(line + skip, n - skip);
			if (url)
				return url;
		}
		if (n > 0)
			first = false;
	}
	return NULL;
}

enum folio_extract_result folio_extract_traced(const char *text, size_t len,
                                               struct folio_article *out, const char **reason,
                                               folio_extract_trace *trace, void *ctx)
{
	assert(out && reason);
	memset(out, 0, sizeof *out);
	*reason = NULL;
	if (!text || len == 0) {
		*reason = "no article text (an empty page)";
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct page pg = { 0 };
	struct story st = { 0 };
	struct ex_fields fields;
	size_t buflen;
	enum folio_extract_result rc = FOLIO_EXTRACT_NOMEM;
	pg.buf = ex_clean_text(text, len, &buflen, &pg.indent);
	if (!pg.buf || ex_build_units(&pg, buflen) < 0 || !classify_page(&pg))
		goto done;

	bool found = find_body(&pg, &st.bs, &st.be);
	trace_units(&pg, found, st.bs, st.be, trace, ctx);
	if (!found) {
		*reason = ex_no_story_reason(&pg, text, len);
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	find_dateline(&pg, &st);
	out->body = assemble_body(&pg, st.bs, st.be);
	if (!out->body)
		goto done;
	ex_find_header(&pg, &st);
	*reason = ex_verdict(&pg, text, len, &st, strlen(out->body));
	if (*reason) {
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	ex_find_fields(&pg, &st, &fields);
	rc = copy_fields(&fields, out) ? FOLIO_EXTRACT_OK : FOLIO_EXTRACT_NOMEM;
	if (rc == FOLIO_EXTRACT_OK)
		out->url = stated_url(text, len);
done:
	if (rc != FOLIO_EXTRACT_OK) {
		folio_article_free(out);
		if (rc == FOLIO_EXTRACT_NOMEM)
			*reason = "out of memory";
	}
	free(pg.u);
	free(pg.buf);
	free(pg.lower);
	free(pg.indent);
	return rc;
}
