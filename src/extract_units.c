/*
 * extract_units: the first steps of extract, from the bytes of a page to
 * classed units (see the steps in extract.c's header comment).
 *
 * clean: valid UTF-8, one space between words, trimmed lines, with a note
 * of which lines began indented.  units: blocks of lines become units: a
 * hard-wrapped block is joined into paragraphs (split at short
 * sentence-ending lines and indented first lines), a byline lead alone on
 * its line ("By") is joined to the name under it, other lines stand
 * alone.  kinds: each unit is classed by the lexicons and the line parsers
 * of extract_fields.c, then by its own shape.  What depends on neighbours
 * (captions, teasers, repeats) is extract.c's business.
 */
#include "folio/folio.h"

#include "extract_internal.h"
#include "folio/text.h"

#include <assert.h>

/* ------------------------------------------------------------- clean --- */

static bool cp_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/*
 * Valid UTF-8, "\n" line ends, no controls, one space between words, no
 * space at either end of a line.  indent[k] (one byte for each line, len
 * + 1 at most) says whether line k began with two spaces or a tab, the
 * only trace of an indented first line once the spaces are gone.
 */
char *ex_clean_text(const char *in, size_t len, size_t *out_len, unsigned char **indent)
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
		unsigned char c = (unsigned char)in[i];
		if (c > 0x20 && c < 0x7F) {
			/* a run of printable ASCII but spaces, most of any text, is copied as it is */
			size_t j = i + 1;
			while (j < len && (unsigned char)in[j] > 0x20 && (unsigned char)in[j] < 0x7F)
				j++;
			if (at_start)
				ind[line] = lead >= 2;
			at_start = false;
			memcpy(out + o, in + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		size_t n;
		uint32_t cp = ex_cp_at(in + i, len - i, &n);
		if (cp == '\r') {
			if (i + 1 < len && in[i + 1] == '\n') {
				i++;
				continue;
			}
			cp = '\n';
		}
		if (cp == 0x2028 || cp == 0x2029)
			cp = '\n'; /* Unicode's line and paragraph separators, as clean reads them */
		i += n;
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
		} else if (!folio_text_removes(cp)) { /* the text module's rule, not one of ours */
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

/*
 * A quotation closed and attributed, its full stop lost: "'It's unsettling
 * when it happens this close to home,' he said".
 */
static bool quote_then_said(const char *s, size_t len)
{
	static const char *const closes[] = { "\xE2\x80\x9D", ",\"", "?\"", "!\"", NULL };
	if (len < 5 || (memcmp(s + len - 5, " said", 5) != 0 && memcmp(s + len - 5, " says", 5) != 0))
		return false;
	for (const char *const *c = closes; *c; c++)
		if (ex_find_bytes(s, len, *c, strlen(*c)))
			return true;
	return false;
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
	u->sentence = ex_ends_sentence(u->s, u->len) || quote_then_said(u->s, u->len);
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
		if (!ex_starts_ci(s, len, *list))
			continue;
		size_t n = strlen(*list);
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
		ex_trim_spaces(s, &a, &b);
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

/* What an embedded post leaves of itself: "BF1T7M0neXB", "dQw4w9WgXcQ". */
static bool embed_code(const char *s, size_t len)
{
	bool upper = false, lower = false, digit = false;
	if (len < 8 || len > 40)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		upper |= c >= 'A' && c <= 'Z';
		lower |= c >= 'a' && c <= 'z';
		digit |= ex_is_digit(c);
		if (!(ex_is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
		      c == '-'))
			return false;
	}
	return upper && lower && digit;
}

/* A picture's credit in brackets closing the line, after a sentence. */
static bool credit_in_brackets(const char *s, size_t len)
{
	size_t open = ex_closing_aside(s, len, 80);
	if (open == SIZE_MAX || s[open] != '(')
		return false;
	const char *c = s + open + 1;
	size_t cl = len - open - 2;
	struct word w[10];
	size_t n = ex_split_words(c, cl, w, 10);
	return n >= 1 && n <= 9 && memchr(c, '/', cl) &&
	       ex_credit_only(c, cl, (int)n, ex_ends_sentence(c, cl));
}

/*
 * "SEE ALSO: Apple unveils a phone": an end marker with its one teaser on
 * the same line stands alone in the story; "See also:" or "More from the
 * Courier:" opens a box of teasers below.
 */
static bool inline_teaser(const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len);
	if (!colon || colon == s + len - 1)
		return false;
	size_t rest = (size_t)(s + len - colon) - 1;
	struct word w[2];
	return ex_split_words(colon + 1, rest, w, 2) >= 2;
}

/* Lexicon and parser classes; NULL-safe for units of any length. */
static enum kind classify_line(struct unit *u, const struct furniture_index *fx)
{
	const char *s = u->s;
	size_t len = u->len;
	if (len == 0)
		return K_DROP;
	if (ex_find_bytes(s, len < 40 ? len : 40, "\xC2\xA9", 2) || ex_starts_ci(s, len, "copyright") ||
	    ex_starts_ci(s, len, "(c) "))
		return K_COPYRIGHT;
	if (ex_crawl_notice(u) || (u->words == 1 && embed_code(s, len)))
		return K_DROP;
	if (u->words <= 5 && ex_starts_ci(s, len, "page") && len > 5 && ex_is_digit(s[5]))
		return K_DROP; /* "Page 1 of 2" */
	/* markers are read after a bullet: "■ Related: ..." */
	const char *m = s + (u->list == LIST_BULLET ? u->content : 0);
	size_t mlen = len - (size_t)(m - s);
	/* "A version of this article appears in print on page A12 of ..." */
	if (marker_line(m, mlen, ex_print_notes, false)) {
		if (!ex_issue_date(s, len, u->date))
			u->date[0] = '\0';
		return K_END;
	}
	if (u->words <= 12) {
		if (marker_line(m, mlen, ex_end_phrases, false) ||
		    (u->words <= 3 && !u->sentence && marker_line(m, mlen, ex_end_words, true)))
			return inline_teaser(m, mlen) ? K_TEASER : K_END;
		if (marker_line(m, mlen, ex_drop_phrases, false) ||
		    (u->words <= 3 && !u->sentence && marker_line(m, mlen, ex_drop_words, true)))
			return K_DROP;
	}
	if (u->words <= 25) {
		struct names names = { .n = 0 };
		u->date[0] = '\0';
		if (ex_byline_names(s, len, &names, u->date) || ex_broken_byline(s, len))
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
	struct names writer = { .n = 0 };
	if (u->words > 25 && u->words <= 60 && ex_trailer_byline(s, len, &writer))
		return K_BYLINE; /* "... contributed to this report. NAME can be reached at ..." */
	switch (ex_furniture(u, fx)) {
	case FURN_EMBED:
		u->post = true;
		return K_CAPTION;
	case FURN_CAPTION:
		return K_CAPTION;
	case FURN_PROMPT:
	case FURN_RULE:
		return K_DROP;
	case FURN_TRAILER:
		return K_TRAILER;
	case FURN_NONE:
		break;
	}
	if (bracketed_note(u) || (u->words <= 16 && button_row(s, len)))
		return K_DROP;
	if (u->words <= 40 && credit_in_brackets(s, len))
		return K_CAPTION; /* "A cooing dove. (Tobias Riede/Midwestern University)" */
	char scratch[128];
	if (!u->sentence && u->words <= 30 &&
	    ex_headline_outlet(s, len, &u->head_off, &u->head_len, scratch, sizeof scratch)) {
		struct word w[4];
		if (ex_split_words(s + u->head_off, u->head_len, w, 4) >= 2)
			return K_HEADING;
		u->head_off = 0;
		u->head_len = len;
	}
	if (!u->sentence && u->words <= 60 &&
	    ex_headline_stamp(s, len, &u->head_off, &u->head_len, u->date))
		return K_HEADING;
	u->head_off = 0;
	u->head_len = len;
	u->date[0] = '\0';
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
	/* a paragraph leading into a quote or a video is still a paragraph */
	if (u->colon && u->words >= 3 && u->words < 25)
		return K_INTRO;
	/* a headline asking or exclaiming, in title case: "Why Did I Wake Up in a Can?" */
	if (u->sentence && u->words <= 20 && len > 0 && s[len - 1] != '.' &&
	    ex_title_case(s, len))
		return K_HEADING;
	if ((u->sentence && u->words >= 6) || u->words >= 25 || (u->cjk >= 20 && u->sentence))
		return K_PROSE;
	if (u->sentence && u->words >= 2)
		return K_SHORT;
	if (!u->sentence && u->words <= 12 && u->cps <= 120)
		return K_HEADING;
	return K_OTHER;
}

struct line {
	char *s;
	size_t len, cps;
	bool indent;
};

/*
 * A dateline alone on its line ("CASSELBERRY, Fla. -") leads the paragraph
 * under it: the two become one line, as the story wrote them.  The next
 * line moves left in the buffer, so a unit stays one span of it.
 */
static void join_lone_datelines(struct line *ln, size_t nl)
{
	for (size_t k = 0; k + 1 < nl; k++) {
		if (ln[k].len == 0 || (k > 0 && ln[k - 1].len > 0) || ln[k + 1].len > 0 ||
		    !ex_dateline_alone(ln[k].s, ln[k].len))
			continue;
		size_t m = k + 1;
		while (m < nl && ln[m].len == 0)
			m++;
		if (m == nl || ln[m].cps < 40)
			continue;
		char *to = ln[k].s + ln[k].len;
		*to++ = ' ';
		memmove(to, ln[m].s, ln[m].len);
		to[ln[m].len] = '\0';
		ln[m].s = ln[k].s;
		ln[m].len += ln[k].len + 1;
		ln[m].cps += ln[k].cps + 1;
		ln[m].indent = ln[k].indent;
		ln[k].len = 0;
	}
}

static bool wrap_width(const struct line *l)
{
	return l->cps >= 40 && l->cps <= 110;
}

/*
 * Hard-wrapped text printed double-spaced (a document's scan: every line
 * of 80-100 characters its own block) is wrapped text again once the
 * blank lines inside it go; the wrapped-block rules below then join it
 * into paragraphs.  A page is so printed when it has eight or more such
 * lines standing alone, most of them running on into the next and a
 * quarter into a line that starts in lower case.  On such
 * a page a blank line goes when the line above is of that width and runs
 * on, or the line below is of that width too.  The lines move left over
 * the blank lines' bytes, so that each block stays one span of the buffer.
 */
static size_t close_double_spacing(struct line *ln, size_t nl)
{
	size_t alone = 0, running = 0, lower = 0;
	for (size_t k = 0; k < nl; k++)
		if (ln[k].len > 0 && wrap_width(&ln[k]) && (k == 0 || ln[k - 1].len == 0) &&
		    (k + 1 == nl || ln[k + 1].len == 0)) {
			size_t n;
			alone++;
			running += !ex_ends_sentence(ln[k].s, ln[k].len);
			/* a sentence carried on to the line after the blank one */
			lower += k + 2 < nl && ln[k + 2].len > 0 &&
			         ex_cp_lower(ex_cp_at(ln[k + 2].s, ln[k + 2].len, &n));
		}
	/* headlines and highlights stand alone too, but none runs on in lower case */
	if (alone < 8 || running * 2 < alone || lower * 4 < alone)
		return nl;
	size_t out = 0;
	char *to = NULL; /* where the current block's next line goes */
	for (size_t k = 0; k < nl; k++) {
		bool gap = ln[k].len == 0 && out > 0 && ln[out - 1].len > 0 && k + 1 < nl &&
		           ln[k + 1].len > 0;
		if (gap) {
			const struct line *up = &ln[out - 1], *down = &ln[k + 1];
			if (wrap_width(up) && (!ex_ends_sentence(up->s, up->len) || wrap_width(down)))
				continue; /* the blank line goes */
		}
		if (ln[k].len > 0 && out > 0 && ln[out - 1].len > 0 && to) {
			memmove(to, ln[k].s, ln[k].len + 1);
			ln[k].s = to;
		}
		ln[out++] = ln[k];
		to = ln[k].len > 0 ? ln[k].s + ln[k].len + 1 : NULL;
	}
	return out;
}

/*
 * One block of lines (no blank line inside, no list marker after its
 * first line) into units: hard-wrapped prose is joined into paragraphs,
 * other lines stand alone.
 */
static void emit_block(struct page *pg, struct line *ln, size_t a, size_t b, size_t group)
{
	size_t maxc = 0, ends = 0, shortl = 0;
	for (size_t k = a; k < b; k++)
		if (ln[k].cps > maxc)
			maxc = ln[k].cps;
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
	bool wrapped = inner >= 1 && maxc >= 40 && maxc <= 120 && shortl == 0 &&
	               ends * 2 <= inner &&
	               (ex_ends_sentence(ln[b - 1].s, ln[b - 1].len) ||
	                (inner >= 2 && lower_starts * 2 >= inner));
	/* several wrapped paragraphs with no blank line between: most
	   lines long and running on, a third of them into lower case */
	bool paragraphs = !wrapped && inner >= 2 && maxc >= 40 && maxc <= 120 &&
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
}

/* Lines -> units: hard-wrapped blocks are joined, other lines stand alone. */
int ex_build_units(struct page *pg, size_t buflen)
{
	size_t nlines = 1;
	for (size_t i = 0; i < buflen; i++)
		nlines += pg->buf[i] == '\n';
	pg->u = calloc(nlines, sizeof *pg->u);
	if (!pg->u)
		return -1;
	struct line *ln = calloc(nlines, sizeof *ln);
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
	join_lone_datelines(ln, nl);
	nl = close_double_spacing(ln, nl);
	size_t group = 0;
	for (size_t a = 0; a < nl;) {
		if (ln[a].len == 0) {
			a++;
			continue;
		}
		size_t b = a + 1;
		while (b < nl && ln[b].len > 0)
			b++;
		/* a list marker starts an item: "a) Neither the application ..."
		   wrapped over the lines under it is one item, the next marker
		   another */
		size_t from = a;
		for (size_t k = a + 1; k < b; k++) {
			size_t c;
			if (list_marker(ln[k].s, ln[k].len, &c) != LIST_NONE) {
				emit_block(pg, ln, from, k, group);
				from = k;
			}
		}
		emit_block(pg, ln, from, b, group);
		group++;
		a = b;
	}
	free(ln);
	pg->len = buflen;
	pg->lower = malloc(buflen + 1);
	if (!pg->lower)
		return -1;
	for (size_t i = 0; i <= buflen; i++)
		pg->lower[i] = pg->buf[i] >= 'A' && pg->buf[i] <= 'Z' ? (char)(pg->buf[i] + 32) : pg->buf[i];
	struct furniture_index fx;
	ex_furniture_index(&fx);
	for (size_t i = 0; i < pg->n; i++) {
		pg->u[i].lc = pg->lower + (pg->u[i].s - pg->buf);
		measure(&pg->u[i]);
		pg->u[i].kind = classify_line(&pg->u[i], &fx);
	}
	return 0;
}
