/*
 * extract: the plain text of a scraped news page in, an article out.
 *
 * Pages come from many outlets and eras with the site's furniture still in
 * them, so there are no per-site rules: every page goes through the same
 * steps, which look at the shape of lines and at their neighbours.
 *
 * This file runs the steps below and builds the article.  The word lists
 * (furniture, navigation, end markers, roles, outlets, months...) and the
 * UTF-8 and case helpers are in extract_lexicon.c; the parsers that read
 * one line as a date, byline, credit line, dateline, outlet title or
 * copyright owner are in extract_fields.c; extract_internal.h joins them.
 *
 * 1. Clean.  Invalid UTF-8 becomes U+FFFD, controls and invisible format
 *    characters go, tabs and odd spaces become one space, lines are trimmed.
 *    Everything after this can trust the bytes, and every output string is
 *    valid UTF-8.
 * 2. Units.  A block is a run of non-blank lines.  A block of even, run-on
 *    lines (hard-wrapped prose: lines of 40-100 characters, all but the last
 *    near the longest, few ending a sentence) is joined into one unit;
 *    otherwise each line is a unit, so pages that end paragraphs with a
 *    single newline work too.
 * 3. Kinds.  Each unit is classed by lexicons: navigation ("Skip to", "You
 *    are in:", lines with " | ", "»", " > "), droppable furniture
 *    ("Advertisement", "Share this", "Read more:", "Page 1 of 2"), end
 *    markers ("Back to the top", "See also", "E-mail this story", "Most
 *    read", "Related stories"), copyright lines; single-word markers
 *    ("Print", "Related", "Home") only count as a line of their own.  Then
 *    by parsers: byline, date line, credit line ("Washington Post Foreign
 *    Service", "Courier Staff Writer", "Special to ..."), outlet banner, page
 *    title with its outlet ("Headline | The Guardian").  Then by shape:
 *    prose (sentence punctuation and 6+ words, or 25+ words), short
 *    sentence, colon intro, list item ("•", "-", "*", "1.", "a)"), heading
 *    (12 words or fewer, unpunctuated), other.  Then by neighbours: a block
 *    of 2-3 short unpunctuated lines, or a line and its echo, is a photo
 *    caption; 3+ unpunctuated short lines are navigation, or a table when
 *    most carry digits; a list is kept when a line ending in ':' introduces
 *    it or most items read as sentences, else it is a teaser list; a line
 *    seen twice in the page is a repeated teaser (a long paragraph seen
 *    twice is a pull quote: only its later copies go).
 * 4. Body.  The maximum-weight run of units (Kadane): prose weighs its
 *    length, headings, captions, teasers and navigation weigh against it,
 *    meta lines and end markers cut runs, and once 300 characters of prose
 *    are seen an end marker or copyright line ends the page.  The run is
 *    trimmed to start on a paragraph (so a headline ending in '?' stays
 *    out) and end on a sentence or an introduced list; if one of its first
 *    three paragraphs opens with a dateline, the body starts there (a
 *    standfirst above it is left out).  Inside the run,
 *    captions, teasers, repeats and furniture are dropped; headings between
 *    paragraphs, lists (one item a line, bullets written "• ") and tables
 *    stay; paragraphs are separated by one blank line; the dateline lead
 *    stays at the start of the first paragraph as written.
 * 5. Fields, read only from the lines around the body:
 *    - dateline: AP style at the start of the first paragraph: a place in
 *      capitals ("MOSCOW", "ST. LOUIS", "SÃO PAULO"), optional ", Region"
 *      segments, an optional date segment (dropped), an optional wire credit
 *      in parentheses, then "--", an em or en dash, or " - ".  A place in
 *      mixed case counts only with a wire credit ("Paris (AFP) -").
 *    - byline: "By/BY/Par/Von/Por/FROM NAMES" with an optional role or
 *      date after; "NAME, ROLE"; a line of names (or "NAME in PLACE") right
 *      above a credit, date or outlet line; fields between bars
 *      ("DATE|NAMES|TIMES STAFF WRITERS"); after the body "Contact NAME
 *      at", "NAME can be reached at", "NAME is a staff writer", "Reporting
 *      by NAME".  Names are split on ",", "and", "with", "&", "und", "et",
 *      "y"; words before a name that are roles ("Bureau Chief",
 *      "correspondent"), possessives ("Online's"), outlets or acronyms are
 *      dropped, and so is " in PLACE" after it.  A name is 2-5 capitalised
 *      words (particles such as "de", "van", "bin" and initials allowed);
 *      names in capitals are title-cased.
 *    - date: the nearest line above the body that is only a date plus
 *      weekday, time, zone, "Page A06", "Updated", "Filed" and such (a
 *      published date beats an updated one), a date after a byline, or a
 *      "Published/Posted/Updated" line below the body.  English, French,
 *      German and Spanish month names, ISO, Y/M/D, D.M.YYYY, D/M/YYYY or
 *      M/D/YYYY only when one part is over 12, and 2003年3月4日.  Days are
 *      checked against the month; a date without a year is no date.
 *    - title: walking up from the body, a headline-shaped line (2-25 words,
 *      no final full stop): one right under a date line; else the first of
 *      a block that also holds the byline or date, or alone in its block;
 *      a long deck under a shorter headline gives the headline; blocks of
 *      caption pairs and echoes are passed over; in a block without blank
 *      lines the line nearest the body wins; navigation ends the walk.
 *    - source: in order, an outlet above the body (a banner line, the
 *      outlet beside a page title, a known outlet opening a line, a paper's
 *      name opening a navigation line), a copyright line, a credit or byline
 *      line naming an outlet, the dateline's wire credit, an outlet line
 *      below the body ("Los Angeles Times Articles", "-- AFP").  Known
 *      outlets (about seventy, with their spellings) map to one display
 *      name; an unknown outlet counts when it is named like a paper
 *      (capitalised words ending in Courier, Times, Gazette, Zeitung, 新聞,
 *      ...) and is not a section ("World News").
 * 6. No article: no prose run, under 100 characters of prose, or a short
 *    page showing two signs of a cookie notice, an error page or a paywall.
 *
 * All work is linear in the input: the repeat check is a hash table, every
 * parser reads a bounded prefix of one line, and the title and byline walks
 * look at a bounded number of lines.
 *
 * What still fools it: a one-line photo caption between paragraphs (read
 * as a sub-heading); a standfirst with no dateline or byline below it
 * (joins the body); comments that outweigh the article with no end marker
 * between; a first paragraph opening with a capitalised acronym and a dash
 * ("NATO -- ..."), read as a dateline; a lone name with no "By", role or
 * date beside it (no byline); a title ending in a full stop, or a page
 * whose only headline-shaped line is a section name; an outlet neither in
 * the lexicon nor named like a paper ("Ledgerport Today"), or a foreign
 * outlet named in a nav line above the page's own; dates in other
 * languages or ambiguous numeric dates (none); bylines and datelines in
 * scripts without case (none); hard-wrapped text with no blank lines
 * between paragraphs (the paragraphs run together); a page holding several
 * articles (a digest) gives the biggest one.
 */
#include "folio/extract.h"

#include "extract_internal.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ buffers -- */

struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

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

/* ------------------------------------------------------------- clean --- */

static bool cp_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_invisible(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF ||
	       (c >= 0xE0000 && c <= 0xE007F);
}

/*
 * Valid UTF-8, "\n" line ends, no controls, one space between words, no
 * space at either end of a line.  indent[k] (one byte for each line, len
 * + 1 at most) says whether line k began with two spaces or a tab, the
 * only trace of an indented first line once the spaces are gone.
 */
static char *clean_text(const char *in, size_t len, size_t *out_len, unsigned char **indent)
{
	if (len > (SIZE_MAX - 2) / 3)
		return NULL;
	char *out = malloc(len * 3 + 2);
	unsigned char *ind = calloc(len + 1, 1);
	if (!out || !ind) {
		free(out);
		free(ind);
		return NULL;
	}
	size_t o = 0, line = 0, lead = 0;
	bool at_start = true;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = ex_u8_decode((const unsigned char *)in + i, len - i, &cp);
		if (n == 0) {
			cp = 0xFFFD;
			n = 1;
		}
		if (cp == '\r') {
			if (i + 1 < len && in[i + 1] == '\n') {
				i++;
				continue;
			}
			cp = '\n';
		}
		i += (size_t)n;
		if (cp == '\n') {
			while (o > 0 && out[o - 1] == ' ')
				o--;
			out[o++] = '\n';
			assert(line < len);
			line++;
			at_start = true;
			lead = 0;
		} else if (cp_space(cp)) {
			lead += cp == '\t' ? 2 : 1;
			if (o > 0 && out[o - 1] != ' ' && out[o - 1] != '\n')
				out[o++] = ' ';
		} else if (!cp_invisible(cp)) {
			if (at_start)
				ind[line] = lead >= 2;
			at_start = false;
			o += ex_u8_encode(cp, out + o);
		}
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\n'))
		o--;
	out[o] = '\0';
	*out_len = o;
	*indent = ind;
	return out;
}

/* ---------------------------------------------------------------- units -- */

enum kind {
	K_PROSE,     /* a paragraph */
	K_SHORT,     /* a short sentence: "He declined to comment." */
	K_INTRO,     /* a line ending in ':' */
	K_HEADING,   /* short and unpunctuated */
	K_OTHER,     /* long and unpunctuated */
	K_LIST,      /* a list item */
	K_TABLE,     /* a row of a table */
	K_CAPTION,   /* a photo caption */
	K_REPEAT,    /* a line seen elsewhere in the page */
	K_TEASER,    /* an item of a teaser list */
	K_NAV,       /* navigation */
	K_DROP,      /* furniture */
	K_END,       /* an end marker */
	K_BYLINE,    /* meta lines, which also cut the body */
	K_DATE,
	K_CREDIT,
	K_BANNER,
	K_COPYRIGHT
};

enum list_marker { LIST_NONE, LIST_BULLET, LIST_NUMBER };

struct unit {
	char *s;
	size_t len;
	size_t group;
	int words, cps, cjk;
	enum list_marker list;
	size_t content; /* offset of the text after a bullet */
	bool sentence, colon, digit;
	enum kind kind;
	char date[11];      /* date lines and bylines with a date */
	size_t head_off, head_len; /* the headline part of "Headline | Outlet" */
};

static bool is_meta(enum kind k)
{
	return k >= K_BYLINE;
}

static bool is_break(enum kind k)
{
	return k == K_END || is_meta(k);
}

/* Bullets: • · ▪ ■ ◦ ‣ ● * - – ; numbers: 1. 1) (1) a) */
static enum list_marker list_marker(const char *s, size_t len, size_t *content)
{
	static const char *const bullets[] = { "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA",
	                                       "\xE2\x96\xA0", "\xE2\x97\xA6", "\xE2\x80\xA3",
	                                       "\xE2\x97\x8F", "*", "-", "\xE2\x80\x93", "+", NULL };
	for (const char *const *b = bullets; *b; b++) {
		size_t n = strlen(*b);
		if (len > n + 1 && memcmp(s, *b, n) == 0 && s[n] == ' ') {
			*content = n + 1;
			return LIST_BULLET;
		}
	}
	size_t i = s[0] == '(' ? 1 : 0, d = 0;
	while (i < len && ex_is_digit(s[i]) && d < 3)
		i++, d++;
	if (d == 0 && i < len && s[i] >= 'a' && s[i] <= 'h' && i + 1 < len && s[i + 1] == ')')
		i++, d++;
	if (d > 0 && i + 2 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
		*content = 0;
		return LIST_NUMBER;
	}
	return LIST_NONE;
}

static void measure(struct unit *u)
{
	u->list = list_marker(u->s, u->len, &u->content);
	u->head_off = 0;
	u->head_len = u->len;
	u->words = u->cps = u->cjk = 0;
	u->digit = false;
	bool in_word = false;
	for (size_t i = 0; i < u->len;) {
		size_t n;
		uint32_t c = ex_cp_at(u->s + i, u->len - i, &n);
		u->cps++;
		if (ex_cp_cjk(c))
			u->cjk++;
		if (c < 0x80 && ex_is_digit((char)c))
			u->digit = true;
		if (c == ' ')
			in_word = false;
		else if (!in_word)
			in_word = true, u->words++;
		i += n;
	}
	/* a CJK sentence has no spaces: count two characters a word */
	u->words += u->cjk / 2;
	u->sentence = ex_ends_sentence(u->s, u->len);
	u->colon = u->len > 0 && (u->s[u->len - 1] == ':' ||
	                          (u->len >= 3 && memcmp(u->s + u->len - 3, "\xEF\xBC\x9A", 3) == 0));
}

/*
 * Does the line start with one of the markers?  A single-word marker must
 * be followed by nothing but a count or a colon.
 */
static bool marker_line(const char *s, size_t len, const char *const *list, bool alone)
{
	for (; *list; list++) {
		size_t n = strlen(*list);
		if (!ex_starts_ci(s, len, *list))
			continue;
		if (!alone)
			return true;
		size_t i = n;
		while (i < len && (strchr(" :()[]|-", s[i]) || ex_is_digit(s[i])))
			i++;
		if (i == len)
			return true;
	}
	return false;
}

/*
 * A row of buttons: "Share 48 | Tweet | Email | Print", each field a
 * furniture word with perhaps a count.
 */
static bool button_row(const char *s, size_t len)
{
	size_t fields = 0;
	for (size_t st = 0, i = 0; i <= len; i++) {
		if (i < len && s[i] != '|')
			continue;
		size_t a = st, b = i;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		st = i + 1;
		if (a == b)
			continue;
		if (!marker_line(s + a, b - a, ex_drop_words, true) &&
		    !marker_line(s + a, b - a, ex_end_words, true))
			return false;
		fields++;
	}
	return fields >= 2;
}

/* A short line wholly in brackets: "(Photo: Ana Ruiz/Getty Images)", "[Editor: Li Wei]". */
static bool bracketed_note(const struct unit *u)
{
	return u->words <= 12 && u->len > 2 &&
	       ((u->s[0] == '(' && u->s[u->len - 1] == ')') ||
	        (u->s[0] == '[' && u->s[u->len - 1] == ']'));
}

/* Lexicon and parser classes; NULL-safe for units of any length. */
static enum kind classify_line(struct unit *u)
{
	const char *s = u->s;
	size_t len = u->len;
	if (len == 0)
		return K_DROP;
	if (ex_find_bytes(s, len < 40 ? len : 40, "\xC2\xA9", 2) || ex_starts_ci(s, len, "copyright") ||
	    ex_starts_ci(s, len, "(c) "))
		return K_COPYRIGHT;
	if (u->words <= 5 && ex_starts_ci(s, len, "page") && len > 5 && ex_is_digit(s[5]))
		return K_DROP; /* "Page 1 of 2" */
	/* "A version of this article appears in print on page A12 of ..." */
	if (marker_line(s, len, ex_print_notes, false))
		return K_END;
	if (u->words <= 12) {
		if (marker_line(s, len, ex_end_phrases, false) ||
		    (u->words <= 3 && !u->sentence && marker_line(s, len, ex_end_words, true)))
			return K_END;
		if (marker_line(s, len, ex_drop_phrases, false) ||
		    (u->words <= 3 && !u->sentence && marker_line(s, len, ex_drop_words, true)))
			return K_DROP;
	}
	if (u->words <= 25) {
		struct names names = { .n = 0 };
		u->date[0] = '\0';
		if (ex_byline_names(s, len, &names, u->date))
			return K_BYLINE;
		if (ex_date_line(s, len, u->date) || ex_dated_fields(s, len, u->date))
			return K_DATE;
		u->date[0] = '\0';
		if (ex_time_line(s, len))
			return K_DATE; /* a date line that gives no date */
		if (ex_credit_line(s, len))
			return K_CREDIT;
		if (!u->sentence && (ex_outlet_exact(s, len) || ex_paper_name(s, len)))
			return K_BANNER;
	}
	if (bracketed_note(u) || (u->words <= 16 && button_row(s, len)))
		return K_DROP;
	char scratch[128];
	if (!u->sentence && u->words <= 30 &&
	    ex_headline_outlet(s, len, &u->head_off, &u->head_len, scratch, sizeof scratch)) {
		struct word w[4];
		if (ex_split_words(s + u->head_off, u->head_len, w, 4) >= 2)
			return K_HEADING;
		u->head_off = 0;
		u->head_len = len;
	}
	if (u->words <= 12 && (marker_line(s, len, ex_nav_phrases, false) ||
	                       (u->words <= 3 && marker_line(s, len, ex_nav_words, true))))
		return K_NAV;
	if (!u->sentence && u->words <= 40 &&
	    (ex_find_bytes(s, len, " | ", 3) || ex_find_bytes(s, len, "\xC2\xBB", 2) ||
	     ex_find_bytes(s, len, "\xE2\x80\xBA", 3) || ex_find_bytes(s, len, " > ", 3) || s[0] == '/' ||
	     s[0] == '|'))
		return K_NAV;
	if (u->list != LIST_NONE)
		return K_LIST;
	if (u->colon && u->words >= 3)
		return K_INTRO;
	if ((u->sentence && u->words >= 6) || u->words >= 25 || (u->cjk >= 20 && u->sentence))
		return K_PROSE;
	if (u->sentence && u->words >= 2)
		return K_SHORT;
	if (!u->sentence && u->words <= 12 && u->cps <= 120)
		return K_HEADING;
	return K_OTHER;
}

/* -------------------------------------------------------------- context -- */

struct page {
	char *buf;
	unsigned char *indent; /* per line of buf: an indented first line */
	struct unit *u;
	size_t n;
};

/* Lines -> units: hard-wrapped blocks are joined, other lines stand alone. */
static int build_units(struct page *pg, size_t buflen)
{
	size_t nlines = 1;
	for (size_t i = 0; i < buflen; i++)
		nlines += pg->buf[i] == '\n';
	pg->u = calloc(nlines, sizeof *pg->u);
	if (!pg->u)
		return -1;
	struct { char *s; size_t len, cps; bool indent; } *ln = calloc(nlines, sizeof *ln);
	if (!ln)
		return -1;
	size_t nl = 0;
	for (char *p = pg->buf, *end = pg->buf + buflen; p <= end && nl < nlines;) {
		char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		*e = '\0';
		ln[nl].s = p;
		ln[nl].len = (size_t)(e - p);
		size_t cps = 0;
		for (char *q = p; q < e; q++)
			cps += ((unsigned char)*q & 0xC0) != 0x80;
		ln[nl].cps = cps;
		ln[nl].indent = pg->indent[nl];
		nl++;
		p = e + 1;
	}
	size_t group = 0;
	for (size_t a = 0; a < nl;) {
		if (ln[a].len == 0) {
			a++;
			continue;
		}
		size_t b = a, maxc = 0, ends = 0, shortl = 0;
		bool marked = false;
		while (b < nl && ln[b].len > 0) {
			size_t c;
			marked |= list_marker(ln[b].s, ln[b].len, &c) != LIST_NONE;
			if (ln[b].cps > maxc)
				maxc = ln[b].cps;
			b++;
		}
		size_t lower_starts = 0, indented = 0;
		for (size_t k = a; k + 1 < b; k++) {
			size_t n;
			ends += ex_ends_sentence(ln[k].s, ln[k].len);
			shortl += ln[k].cps * 4 < maxc * 3;
			lower_starts += ex_cp_lower(ex_cp_at(ln[k + 1].s, ln[k + 1].len, &n));
			indented += ln[k + 1].indent;
		}
		/* wrapped prose: even lines that run on into the next; a list of
		   headlines is even too, but its lines all start with capitals */
		size_t inner = b - a - 1;
		bool wrapped = inner >= 1 && !marked && maxc >= 40 && maxc <= 100 && shortl == 0 &&
		               ends * 2 <= inner &&
		               (ex_ends_sentence(ln[b - 1].s, ln[b - 1].len) ||
		                (inner >= 2 && lower_starts * 2 >= inner));
		/* several wrapped paragraphs with no blank line between: most
		   lines long and running on, a third of them into lower case */
		bool paragraphs = !wrapped && inner >= 2 && !marked && maxc >= 40 && maxc <= 100 &&
		                  shortl * 2 <= inner + 1 && ends * 2 <= inner + 1 && lower_starts * 3 >= inner;
		if (!wrapped) {
			/* "By" on a line of its own, the name on the next */
			for (size_t k = a; k + 1 < b; k++)
				if (ex_in_list_ci(ln[k].s, ln[k].len, ex_byline_leads) &&
				    ln[k + 1].cps <= 60) {
					ln[k].s[ln[k].len] = ' ';
					ln[k].len += 1 + ln[k + 1].len;
					ln[k].cps += 1 + ln[k + 1].cps;
					for (size_t j = k + 1; j + 1 < b; j++)
						ln[j] = ln[j + 1];
					b--;
					ln[b].len = 0;
				}
		}
		if (wrapped || paragraphs) {
			/* a paragraph ends on a short line that ends a sentence, or
			   before an indented first line (when indents are first lines) */
			bool first_indents = indented * 2 <= inner + 1 && indented + ln[a].indent < b - a;
			for (size_t p = a; p < b;) {
				size_t q = p + 1;
				while (q < b && !(ex_ends_sentence(ln[q - 1].s, ln[q - 1].len) &&
				                  ln[q - 1].cps * 100 < maxc * 85) &&
				       !(first_indents && ln[q].indent))
					q++;
				for (size_t k = p; k + 1 < q; k++)
					ln[k].s[ln[k].len] = ' ';
				struct unit *u = &pg->u[pg->n++];
				u->s = ln[p].s;
				u->len = (size_t)(ln[q - 1].s + ln[q - 1].len - ln[p].s);
				u->group = group;
				p = q;
			}
		} else {
			for (size_t k = a; k < b; k++) {
				struct unit *u = &pg->u[pg->n++];
				u->s = ln[k].s;
				u->len = ln[k].len;
				u->group = group;
			}
		}
		group++;
		a = b;
	}
	free(ln);
	for (size_t i = 0; i < pg->n; i++) {
		measure(&pg->u[i]);
		pg->u[i].kind = classify_line(&pg->u[i]);
	}
	return 0;
}

static bool content_kind(enum kind k)
{
	return k == K_PROSE || k == K_SHORT || k == K_HEADING || k == K_OTHER || k == K_INTRO;
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
			if (k != K_OTHER)
				for (size_t j = a; j < b; j++)
					if (content_kind(pg->u[j].kind))
						pg->u[j].kind = k;
		}
		a = b;
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
		for (size_t k = a; k < b; k++)
			pg->u[k].kind = keep ? K_LIST : K_TEASER;
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
		if (pg->u[i].words < 25 || i != f)
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
		return -10;
	case K_NAV:
		return -(long)u->cps - 20;
	case K_OTHER:
		return -(long)u->cps;
	default:
		return 0;
	}
}

/* A body ends on a sentence; it starts on a paragraph (a headline ending in '?' is short). */
static bool can_end(const struct unit *u)
{
	return u->kind == K_PROSE || u->kind == K_SHORT;
}

static bool kept_in_body(enum kind k)
{
	return k == K_PROSE || k == K_SHORT || k == K_INTRO || k == K_HEADING || k == K_LIST ||
	       k == K_TABLE;
}

/*
 * The body: the run of units with the greatest weight, cut by meta lines
 * and end markers, trimmed to start on a paragraph and end on a sentence or
 * an introduced list.  Returns false if none.
 */
static bool find_body(const struct page *pg, size_t *start, size_t *end)
{
	size_t limit = pg->n, seen = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const struct unit *u = &pg->u[i];
		if (u->kind == K_PROSE)
			seen += (size_t)u->cps;
		if ((u->kind == K_END || u->kind == K_COPYRIGHT) && seen >= 300) {
			limit = i;
			break;
		}
	}
	long best = 0, cur = 0;
	size_t cur_start = 0, bs = 0, be = 0;
	bool found = false;
	for (size_t i = 0; i < limit; i++) {
		const struct unit *u = &pg->u[i];
		if (is_break(u->kind)) {
			cur = 0;
			cur_start = i + 1;
			continue;
		}
		if (cur <= 0) {
			cur = 0;
			cur_start = i;
		}
		cur += weight(u);
		if (cur > best && (can_end(u) || u->kind == K_LIST || u->kind == K_TABLE)) {
			best = cur;
			bs = cur_start;
			be = i;
			found = true;
		}
	}
	if (!found)
		return false;
	while (bs <= be && pg->u[bs].kind != K_PROSE)
		bs++;
	/* end on prose, or on a list or table that a colon line introduced */
	while (be > bs && !can_end(&pg->u[be])) {
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
	*start = bs;
	*end = be;
	return true;
}

/* ---------------------------------------------------------------- title -- */

static bool headline_shaped(const struct unit *u)
{
	if (u->kind == K_NAV || u->kind == K_DROP || u->kind == K_END || is_meta(u->kind) ||
	    u->list != LIST_NONE || u->colon || u->cps > 200)
		return false;
	if (u->cjk > 0 ? (u->cps < 4 || u->cps > 80) : (u->words < 2 || u->words > 25))
		return false;
	if (u->len > 0 && u->s[u->len - 1] == '.') {
		/* "... in the U.S." ends in an abbreviation, not a sentence */
		const char *sp = u->s + u->len - 1;
		while (sp > u->s && sp[-1] != ' ')
			sp--;
		size_t wl = (size_t)(u->s + u->len - sp);
		if (!(wl >= 4 && memchr(sp, '.', wl - 1)))
			return false;
	}
	if (u->len >= 3 && memcmp(u->s + u->len - 3, "\xE3\x80\x82", 3) == 0)
		return false;
	return true;
}

/* Is unit k's text seen again in units [a, b)?  A teaser and its echo. */
static bool echoed(const struct page *pg, size_t a, size_t b, size_t k)
{
	for (size_t j = a; j < b && j < a + 32; j++)
		if (j != k && pg->u[j].len == pg->u[k].len &&
		    memcmp(pg->u[j].s, pg->u[k].s, pg->u[k].len) == 0)
			return true;
	return false;
}

/* Walk up from the body; the first headline-shaped line that leads its block. */
static const struct unit *find_title(const struct page *pg, size_t body_start,
                                     const struct unit *byline)
{
	const struct unit *fallback = NULL;
	size_t i = body_start, groups = 0;
	while (i > 0 && groups < 10) {
		size_t b = i, a = i - 1;
		while (a > 0 && pg->u[a - 1].group == pg->u[b - 1].group)
			a--;
		groups++;
		size_t cand[32], nc = 0, meta = 0, nav = 0;
		for (size_t k = a; k < b; k++) {
			enum kind kd = pg->u[k].kind;
			if (is_meta(kd))
				meta++;
			else if (kd == K_NAV)
				nav++;
			else if (kd != K_DROP && kd != K_END && nc < 32 && &pg->u[k] != byline &&
			         !echoed(pg, a, b, k))
				cand[nc++] = k;
		}
		if (nc > 0) {
			/* a headline right under a date line: "Sunday, 21 October, 2001" */
			for (size_t k = 0; k < nc; k++)
				if (cand[k] > a && pg->u[cand[k] - 1].kind == K_DATE &&
				    headline_shaped(&pg->u[cand[k]]))
					return &pg->u[cand[k]];
			const struct unit *f = &pg->u[cand[0]];
			bool big = b - a > 6, any_sentence = false;
			for (size_t k = 0; k < nc; k++)
				any_sentence |= pg->u[cand[k]].sentence;
			/* a long unpunctuated deck under a shorter headline */
			const struct unit *up = a > 0 ? &pg->u[a - 1] : NULL;
			if (nc == 1 && meta == 0 && headline_shaped(f) && f->words > 12 && up &&
			    headline_shaped(up) && up->words < f->words &&
			    (a < 2 || pg->u[a - 2].group != up->group))
				return up;
			/* a headline leads the block of its byline and date */
			if (!big && (meta > 0 || nc == 1) && headline_shaped(f))
				return f;
			if (!big && nc <= 3 && !any_sentence) {
				/* a photo and its caption, or a section over a headline */
				if (!fallback && headline_shaped(f))
					fallback = f;
			} else {
				/* lines with no blank between: nearest the body first */
				for (size_t k = nc; k-- > 0;)
					if (headline_shaped(&pg->u[cand[k]]) && pg->u[cand[k]].kind != K_CAPTION)
						return &pg->u[cand[k]];
			}
		}
		if (nav > 0 && nc == 0)
			break;
		i = a;
	}
	return fallback;
}

/* --------------------------------------------------------------- source -- */

/* A known outlet at the start of a line that is not a sentence. */
static const char *outlet_line(const struct unit *u)
{
	if (u->sentence || u->words > 25 || u->kind == K_PROSE)
		return NULL;
	size_t used, i = 0;
	while (i < u->len && (u->s[i] == '-' || u->s[i] == ' ' || ex_dash_at(u->s, u->len, i)))
		i += ex_dash_at(u->s, u->len, i) ? ex_dash_at(u->s, u->len, i) : 1;
	return ex_outlet_prefix(u->s + i, u->len - i, &used);
}

static const char *find_source(const struct page *pg, size_t bs, size_t be,
                               const struct unit *title, const char *credit,
                               char *buf, size_t cap)
{
	size_t top = bs > 80 ? bs - 80 : 0, bottom = be + 60 < pg->n ? be + 60 : pg->n;
	const char *r;
	/* a banner above the body */
	for (size_t i = top; i < bs; i++) {
		const struct unit *u = &pg->u[i];
		size_t ho, hl;
		if (u->kind == K_HEADING && u->head_len < u->len &&
		    (r = ex_headline_outlet(u->s, u->len, &ho, &hl, buf, cap)))
			return r;
		if (u == title)
			continue;
		if (u->kind == K_BANNER) {
			r = ex_outlet_exact(u->s, u->len);
			if (r)
				return r;
			size_t nl = ex_paper_name(u->s, u->len);
			if (nl > 0 && ex_copy_name(u->s, nl, buf, cap))
				return buf;
		}
		if (u->kind != K_BYLINE && u->kind != K_CREDIT && (r = outlet_line(u)))
			return r;
		/* "The Northmoor Gazette | News | Council" */
		if (u->kind == K_NAV) {
			size_t e = 0;
			while (e + 2 < u->len && !(u->s[e] == ' ' && strchr("|>", u->s[e + 1])))
				e++;
			if (e + 2 < u->len && ex_paper_name(u->s, e) && ex_copy_name(u->s, e, buf, cap))
				return buf;
		}
	}
	/* a copyright line anywhere */
	for (size_t i = 0; i < pg->n; i++)
		if (pg->u[i].kind == K_COPYRIGHT &&
		    (r = ex_copyright_owner(pg->u[i].s, pg->u[i].len, false, buf, cap)))
			return r;
	/* a credit line: "Washington Post Foreign Service" */
	for (size_t i = top; i < bottom; i++)
		if ((pg->u[i].kind == K_CREDIT || pg->u[i].kind == K_BYLINE) && (i < bs || i > be)) {
			const struct unit *u = &pg->u[i];
			const char *s = u->s;
			size_t len = u->len;
			if (u->kind == K_BYLINE && ex_starts_ci(s, len, "by "))
				s += 3, len -= 3;
			/* "Washington Post Foreign Service", "Ana Ruiz, CNN Staff Writer",
			   "Scott Peter | Staff writer of The Christian Science Monitor" */
			for (size_t k = 0; k < len; k++)
				if ((k == 0 || s[k - 1] == ' ') && (r = ex_outlet_prefix(s + k, len - k, NULL)))
					return r;
		}
	/* the wire credit of the dateline */
	if (credit && credit[0]) {
		r = ex_outlet_exact(credit, strlen(credit));
		if (r)
			return r;
		if (ex_paper_name(credit, strlen(credit)) && strlen(credit) < cap) {
			strcpy(buf, credit);
			return buf;
		}
	}
	/* an outlet line below the body */
	for (size_t i = be + 1; i < bottom; i++) {
		const struct unit *u = &pg->u[i];
		size_t nl;
		if (u->kind == K_BANNER && (r = ex_outlet_exact(u->s, u->len)))
			return r;
		if (u->kind == K_BANNER && (nl = ex_paper_name(u->s, u->len)) > 0 &&
		    ex_copy_name(u->s, nl, buf, cap))
			return buf;
		if ((r = outlet_line(u)))
			return r;
	}
	/* a wire not named like one: "PORT ELLIS (Tidewire) --" */
	if (credit && ex_credit_name(credit, strlen(credit)) && strlen(credit) < cap) {
		strcpy(buf, credit);
		return buf;
	}
	/* last, any copyright owner: "© 2004 Brightwater Media" */
	for (size_t i = 0; i < pg->n; i++)
		if (pg->u[i].kind == K_COPYRIGHT &&
		    (r = ex_copyright_owner(pg->u[i].s, pg->u[i].len, true, buf, cap)))
			return r;
	return NULL;
}

/* ---------------------------------------------------------------- body --- */

static char *assemble_body(const struct page *pg, size_t bs, size_t be)
{
	struct sbuf b = { 0 };
	const struct unit *prev = NULL;
	for (size_t i = bs; i <= be; i++) {
		const struct unit *u = &pg->u[i];
		if (!kept_in_body(u->kind))
			continue;
		/* a heading only between paragraphs */
		if (u->kind == K_HEADING) {
			size_t j = i + 1;
			while (j <= be && !kept_in_body(pg->u[j].kind))
				j++;
			if (j > be || pg->u[j].kind == K_HEADING)
				continue;
		}
		bool line_item = (u->kind == K_LIST || u->kind == K_TABLE);
		if (prev) {
			bool same_list = line_item && (prev->kind == K_LIST || prev->kind == K_TABLE) &&
			                 prev->kind == u->kind;
			sb_str(&b, same_list ? "\n" : "\n\n");
		}
		if (u->list == LIST_BULLET && u->kind == K_LIST) {
			sb_str(&b, "\xE2\x80\xA2 ");
			sb_put(&b, u->s + u->content, u->len - u->content);
		} else {
			sb_put(&b, u->s, u->len);
		}
		prev = u;
	}
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p ? b.p : calloc(1, 1);
}

/*
 * A short page that is only a cookie notice, an error page or a paywall:
 * two signs of the same kind in its text and title.  One sign is not
 * enough ("Bakery sells 10,000 cookies", "Route 404 reopens").
 */
static const char *junk_page(const char *body, size_t len, const struct unit *title)
{
	static const struct {
		const char *reason;
		const char *signs[8];
	} kinds[] = {
		{ "cookie or consent notice", { "cookies", "cookie policy", "consent", "accept all",
		                                "your device", "our partners", "privacy settings",
		                                "manage preferences" } },
		{ "error page", { "404", "page not found", "could not be found", "cannot be found",
		                  "no longer available", "access denied", "internal server error",
		                  "moved or deleted" } },
		{ "paywall", { "subscribe to continue", "subscribers only", "already a subscriber",
		               "to continue reading", "subscription required", "log in to read",
		               "sign in to read", "free trial" } },
	};
	if (len > 700)
		return NULL;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		int seen = 0;
		for (size_t i = 0; i < 8 && kinds[k].signs[i]; i++)
			seen += ex_contains_ci(body, len, kinds[k].signs[i]) ||
			        (title && ex_contains_ci(title->s, title->len, kinds[k].signs[i]));
		if (seen >= 2)
			return kinds[k].reason;
	}
	return NULL;
}

/* --------------------------------------------------------------- public -- */

void folio_article_free(struct folio_article *a)
{
	if (!a)
		return;
	free(a->source);
	free(a->title);
	free(a->byline);
	free(a->date);
	free(a->dateline);
	free(a->body);
	memset(a, 0, sizeof *a);
}

static const struct unit *find_meta(const struct page *pg, size_t bs, size_t be,
                                    enum kind want, bool need_date)
{
	size_t top = bs > 40 ? bs - 40 : 0;
	const struct unit *updated = NULL;
	for (size_t i = bs; i-- > top;) {
		const struct unit *u = &pg->u[i];
		if (u->kind != want || (need_date && !u->date[0]))
			continue;
		/* the article's date is when it was published, not last updated */
		if (want == K_DATE && (ex_starts_ci(u->s, u->len, "updated") ||
		                       ex_starts_ci(u->s, u->len, "last updated") ||
		                       ex_starts_ci(u->s, u->len, "last modified"))) {
			if (!updated)
				updated = u;
			continue;
		}
		return u;
	}
	if (updated)
		return updated;
	for (size_t i = be + 1; i < pg->n && i <= be + 30; i++) {
		const struct unit *u = &pg->u[i];
		if (u->kind != want || (need_date && !u->date[0]))
			continue;
		/* below the body a date counts only when it says it is the date */
		if (want == K_DATE && !(ex_starts_ci(u->s, u->len, "published") ||
		                        ex_starts_ci(u->s, u->len, "posted") ||
		                        ex_starts_ci(u->s, u->len, "updated") ||
		                        ex_starts_ci(u->s, u->len, "date")))
			continue;
		return u;
	}
	return NULL;
}

/*
 * A byline without "By": a line of names right above a credit, date or
 * outlet line ("Ana Ruiz" / "Staff Writer", "Ian Traynor in Moscow" /
 * "Monday October 22, 2001").  Returns the unit, or NULL.
 */
static const struct unit *name_over_meta(const struct page *pg, size_t bs, struct names *out)
{
	size_t top = bs > 40 ? bs - 40 : 0;
	for (size_t i = bs; i-- > top + 1;) {
		const struct unit *u = &pg->u[i], *up = &pg->u[i - 1];
		if ((u->kind == K_CREDIT || u->kind == K_DATE || u->kind == K_BANNER) &&
		    up->group == u->group && content_kind(up->kind) && ex_names_only_line(up->s, up->len, out))
			return up;
	}
	return NULL;
}

static char *format_names(const struct names *nm, bool *oom)
{
	struct sbuf b = { 0 };
	for (int i = 0; i < nm->n; i++) {
		if (i)
			sb_str(&b, i == nm->n - 1 ? " and " : ", ");
		sb_str(&b, nm->v[i]);
	}
	if (b.oom) {
		free(b.p);
		*oom = true;
		return NULL;
	}
	return b.p;
}

enum folio_extract_result folio_extract(const char *text, size_t len,
                                        struct folio_article *out, const char **reason)
{
	static const char *const no_text = "no article text (empty page, link list or navigation)";
	assert(out && reason);
	memset(out, 0, sizeof *out);
	*reason = NULL;
	if (!text || len == 0) {
		*reason = no_text;
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct page pg = { 0 };
	size_t buflen;
	enum folio_extract_result rc = FOLIO_EXTRACT_NOMEM;
	bool oom = false;
	pg.buf = clean_text(text, len, &buflen, &pg.indent);
	if (!pg.buf || build_units(&pg, buflen) < 0)
		goto done;
	classify_groups(&pg);
	if (mark_repeats(&pg) < 0)
		goto done;
	mark_pull_quotes(&pg);

	size_t bs, be;
	if (!find_body(&pg, &bs, &be)) {
		*reason = no_text;
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	/* a dateline among the first paragraphs starts the story */
	char place[128], credit[48];
	bool have_dateline = false;
	for (size_t i = bs, seen = 0; i <= be && seen < 3; i++) {
		if (pg.u[i].kind != K_PROSE && pg.u[i].kind != K_SHORT)
			continue;
		seen++;
		if (ex_parse_dateline(pg.u[i].s, pg.u[i].len, place, sizeof place, credit, sizeof credit)) {
			bs = i;
			have_dateline = true;
			break;
		}
	}
	size_t prose = 0;
	for (size_t i = bs; i <= be; i++)
		if (pg.u[i].kind == K_PROSE || pg.u[i].kind == K_SHORT)
			prose += (size_t)pg.u[i].cps + 2 * (size_t)pg.u[i].cjk;
	if (prose < 100) {
		*reason = no_text;
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	out->body = assemble_body(&pg, bs, be);
	if (!out->body)
		goto done;
	struct names names = { .n = 0 };
	char by_date[11];
	const struct unit *by = find_meta(&pg, bs, be, K_BYLINE, false), *name_line = NULL;
	if (by)
		ex_byline_names(by->s, by->len, &names, by_date);
	else
		name_line = name_over_meta(&pg, bs, &names);
	const struct unit *title = find_title(&pg, bs, name_line);
	const char *junk = junk_page(out->body, strlen(out->body), title);
	if (junk) {
		*reason = junk;
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	if (title)
		out->title = dup_n(title->s + title->head_off, title->head_len, &oom);
	if (have_dateline && place[0])
		out->dateline = dup_n(place, strlen(place), &oom);

	if (names.n > 0)
		out->byline = format_names(&names, &oom);

	const struct unit *dl = find_meta(&pg, bs, be, K_DATE, true);
	if (!dl)
		dl = find_meta(&pg, bs, be, K_BYLINE, true);
	if (dl)
		out->date = dup_n(dl->date, strlen(dl->date), &oom);

	char sbuf[128];
	const char *src = find_source(&pg, bs, be, title, have_dateline ? credit : NULL, sbuf,
	                              sizeof sbuf);
	if (src)
		out->source = dup_n(src, strlen(src), &oom);
	rc = oom ? FOLIO_EXTRACT_NOMEM : FOLIO_EXTRACT_OK;
done:
	if (rc != FOLIO_EXTRACT_OK) {
		folio_article_free(out);
		if (rc == FOLIO_EXTRACT_NOMEM)
			*reason = "out of memory";
	}
	free(pg.u);
	free(pg.buf);
	free(pg.indent);
	return rc;
}
