/*
 * extract_fields: the parsers that read one line (or the start of one
 * paragraph) as a field: dates and date lines, AP datelines with and
 * without their dash, page titles with an outlet or a date stamp beside
 * them, the owner named in a copyright line, and a page naming itself.
 * Bylines and credit lines have their own file, extract_bylines.c.
 *
 * Each takes a span of cleaned text and answers from that span alone, with
 * a bounded look at its prefix, so it can be tested and reasoned about one
 * line at a time; where a line sits in the page, and which of several
 * candidates wins, is the pipeline's business (extract.c).  The words they
 * match against are in extract_lexicon.c.
 */
#include "folio/folio.h"

#include "extract_internal.h"

/* ---------------------------------------------------------------- dates -- */

/* A number at the start of a word ("21", "1st", "3."), or -1. */
static int word_number(const struct word *w, int *digits)
{
	int v = 0, nd = 0;
	size_t i = 0;
	while (i < w->len && ex_is_digit(w->s[i]) && nd < 5) {
		v = v * 10 + (w->s[i] - '0');
		i++;
		nd++;
	}
	if (nd == 0 || (i < w->len && ex_is_digit(w->s[i])))
		return -1;
	*digits = nd;
	size_t rest = w->len - i;
	const char *r = w->s + i;
	if (rest == 0)
		return v;
	/* 1st 2nd 3rd 4th, 1er, "15," "2001;" "3." */
	if ((rest >= 2 && (ex_ci_eq(r, "st", 2) || ex_ci_eq(r, "nd", 2) || ex_ci_eq(r, "rd", 2) ||
	                   ex_ci_eq(r, "th", 2) || ex_ci_eq(r, "er", 2))) ||
	    strchr(".,;:", r[0]))
		return v;
	return -1;
}

/* Numeric forms inside one word: 2001-09-15, 15.09.2001, 15/9/2001, 2003年3月4日. */
static bool numeric_date(const char *s, size_t len, int *y, int *m, int *d)
{
	int v[3] = { 0, 0, 0 }, nd[3] = { 0, 0, 0 }, k = 0;
	char sep[2] = { 0, 0 };
	size_t i = 0;
	while (k < 3) {
		while (i < len && ex_is_digit(s[i]) && nd[k] < 5) {
			v[k] = v[k] * 10 + (s[i] - '0');
			nd[k]++;
			i++;
		}
		if (nd[k] == 0)
			return false;
		if (k == 2)
			break;
		if (i < len && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
			sep[k] = s[i];
			i++;
		} else if (i + 3 <= len && (memcmp(s + i, "年", 3) == 0 || memcmp(s + i, "月", 3) == 0)) {
			sep[k] = 'j';
			i += 3;
		} else {
			return false;
		}
		k++;
	}
	if (sep[0] != sep[1])
		return false;
	if (nd[0] == 4) {
		*y = v[0], *m = v[1], *d = v[2];
	} else if (nd[2] == 4 && sep[0] != 'j') {
		*y = v[2];
		if (sep[0] == '.' || v[0] > 12 || v[0] == v[1]) /* D.M.YYYY, 25/12/2003 */
			*d = v[0], *m = v[1];
		else if (v[1] > 12) /* 10/22/2001 */
			*m = v[0], *d = v[1];
		else
			return false; /* 03/04/2003: March or April, we cannot tell */
	} else {
		return false;
	}
	return folio_date_valid(*y, *m, *d);
}

static void iso_date(int y, int m, int d, char out[11])
{
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/*
 * Find a date among words w[0..n).  On success the date words are
 * w[*first..*last] inclusive.
 */
static bool find_date(const struct word *w, size_t n, int *y, int *m, int *d,
                      size_t *first, size_t *last)
{
	for (size_t i = 0; i < n; i++) {
		int nd, mo, v;
		if (numeric_date(w[i].s, w[i].len, y, m, d)) {
			*first = *last = i;
			return true;
		}
		/* D [de] Month [de] YYYY */
		v = word_number(&w[i], &nd);
		if (v > 0 && nd <= 2) {
			size_t j = i + 1;
			if (j < n && ex_in_list_ci(w[j].s, w[j].len, ALIASES("de")))
				j++;
			if (j < n && (mo = ex_month_of(w[j].s, w[j].len)) > 0) {
				size_t k = j + 1;
				if (k < n && ex_in_list_ci(w[k].s, w[k].len, ALIASES("de", "del")))
					k++;
				int yy, yd;
				if (k < n && (yy = word_number(&w[k], &yd)) > 0 && yd == 4 &&
				    folio_date_valid(yy, mo, v)) {
					*y = yy, *m = mo, *d = v;
					*first = i, *last = k;
					return true;
				}
			}
		}
		/* Month D[,] YYYY */
		if ((mo = ex_month_of(w[i].s, w[i].len)) > 0 && i + 2 < n) {
			int dd = word_number(&w[i + 1], &nd), yd, yy;
			if (dd > 0 && nd <= 2 && (yy = word_number(&w[i + 2], &yd)) > 0 &&
			    yd == 4 && folio_date_valid(yy, mo, dd)) {
				*y = yy, *m = mo, *d = dd;
				*first = i, *last = i + 2;
				return true;
			}
		}
	}
	return false;
}

/* A word made of a time (18:52, 3:04, 18h52) or of punctuation. */
static bool time_or_punct(const struct word *w)
{
	for (size_t i = 0; i < w->len; i++) {
		char c = w->s[i];
		if (i + 3 <= w->len && (memcmp(w->s + i, "\xE2\x80\x93", 3) == 0 ||
		                        memcmp(w->s + i, "\xE2\x80\x94", 3) == 0))
			i += 2; /* a dash */
		else if (!ex_is_digit(c) && (c == '\0' || !strchr(":.,;|-()/h", c)))
			return false;
	}
	return true;
}

static bool memchr_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (ex_is_digit(s[i]))
			return true;
	return false;
}

/* A time zone in capitals: "GMT", "HKT", "MSK". */
static bool time_zone(const struct word *w)
{
	if (w->len < 2 || w->len > 4)
		return false;
	for (size_t i = 0; i < w->len; i++)
		if (w->s[i] < 'A' || w->s[i] > 'Z')
			return false;
	return true;
}

/*
 * Is the line only a date, with the words that go with a date?  ("Sunday,
 * 21 October, 2001, 18:52 GMT 19:52 UK", "Saturday, September 15, 2001;
 * Page A06", "Updated 3:04 PM ET, Mon October 1, 2001")
 */
bool ex_date_line(const char *s, size_t len, char out[11])
{
	struct word w[MAX_WORDS];
	if (len > 160 || !memchr_digit(s, len))
		return false; /* every date has a digit */
	size_t n = ex_split_words(s, len, w, MAX_WORDS);
	int y, m, d;
	size_t first, last;
	if (n == 0 || n > 18 || !find_date(w, n, &y, &m, &d, &first, &last))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (i >= first && i <= last)
			continue;
		/* "Posted on October 2, 2012 by Ana Ruiz": the date ends at "by" */
		if (i > last && w[i].len == 2 && ex_ci_eq(w[i].s, "by", 2))
			break;
		struct word t = w[i];
		while (t.len > 0 && strchr(",.;:|()", t.s[t.len - 1]))
			t.len--;
		while (t.len > 0 && strchr(",.;:|()", t.s[0]))
			t.s++, t.len--;
		if (t.len == 0 || time_or_punct(&t) || ex_in_list_ci(t.s, t.len, ex_date_words) ||
		    time_zone(&t))
			continue;
		/* "Page A06": the word after "page" */
		if (i > 0 && ex_starts_ci(w[i - 1].s, w[i - 1].len, "page"))
			continue;
		return false;
	}
	iso_date(y, m, d, out);
	return true;
}

/*
 * The date of the print issue a note names: "This story appears in the
 * December 12, 2017 issue of Forbes" (a magazine's issue date is the
 * story's), the date right before "issue" or "edition".
 */
bool ex_issue_date(const char *s, size_t len, char out[11])
{
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS), first, last;
	int y, m, d;
	if (!find_date(w, n, &y, &m, &d, &first, &last) || last + 1 >= n ||
	    !ex_in_list_ci(w[last + 1].s, w[last + 1].len, ALIASES("issue", "edition")))
		return false;
	iso_date(y, m, d, out);
	return true;
}

/*
 * A time with no date, or a date relative to when the page was saved:
 * "3 hours ago", "Filed at 10:42 a.m. ET", "Updated yesterday".  It says
 * where the date would be but gives none: the article's date is not when
 * the page was saved.
 */
bool ex_time_line(const char *s, size_t len)
{
	static const char *const relative[] = { "ago", "yesterday", "today", "now", "just",
		"hours", "hour", "hrs", "hr", "h", "minutes", "minute", "mins", "min", "seconds",
		"secs", "days", "day", "weeks", "week", "an", "a", NULL };
	struct word w[16];
	if (len > 60)
		return false;
	size_t n = ex_split_words(s, len, w, 16);
	bool said = false;
	if (n == 0 || n > 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct word t = w[i];
		while (t.len > 0 && strchr(",.;:|()", t.s[t.len - 1]))
			t.len--;
		if (t.len == 0)
			continue;
		if (ex_in_list_ci(t.s, t.len, ALIASES("ago", "yesterday", "today")) ||
		    (memchr(t.s, ':', t.len) && time_or_punct(&t)))
			said = true;
		int nd;
		if (!(time_or_punct(&t) || word_number(&t, &nd) >= 0 || time_zone(&t) ||
		      ex_in_list_ci(t.s, t.len, relative) || ex_in_list_ci(t.s, t.len, ex_date_words)))
			return false;
	}
	return said;
}

/* ------------------------------------------------------------- datelines -- */

size_t ex_dash_at(const char *s, size_t len, size_t i)
{
	/* "--", and the ">>" some papers print: "WOODLAND HILLS >> Detectives ..." */
	if (i + 1 < len && ((s[i] == '-' && s[i + 1] == '-') || (s[i] == '>' && s[i + 1] == '>')))
		return 2;
	if (i + 3 <= len && (memcmp(s + i, "\xE2\x80\x94", 3) == 0 || memcmp(s + i, "\xE2\x80\x93", 3) == 0))
		return 3;
	return 0;
}

/* Capital leads that are labels, not places: "BREAKING Police say ...". */
static const char *const caps_labels[] = { "breaking", "update", "updated", "exclusive",
	"watch", "video", "photos", "close", "live", "urgent", "analysis", "opinion", "editorial",
	"commentary", "review", "file", "new", "the", "spoiler", "warning", "alert", "correction",
	"note", "read", "more", "latest", "developing", "advertisement", NULL };

/* The end of a word starting at i: at a space, comma, bracket or colon. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != ' ' && s[i] != ',' && s[i] != '(' && s[i] != ':')
		i++;
	return i;
}

static bool starts_capital(const char *s, size_t len)
{
	size_t k;
	while (len > 0 && strchr("\"'", s[0]))
		s++, len--;
	if (len >= 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x98", 3) == 0))
		s += 3, len -= 3;
	return len > 0 && (ex_cp_upper(ex_cp_at(s, len, &k)) || ex_is_digit(s[0]));
}

/* A word of a place in capitals: "MOSCOW", "ST.", "SÃO", "WINSTON-SALEM". */
static bool caps_word(const char *s, size_t len, bool *mixed)
{
	int letters = 0;
	bool lower = false;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t c = ex_cp_at(s + i, len - i, &n);
		if (ex_cp_upper(c))
			letters++;
		else if (ex_cp_lower(c))
			lower = true, letters++;
		else if (!(c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '/'))
			return false;
		i += n;
	}
	*mixed = lower;
	return letters > 0;
}

/*
 * The dateline lead of a first paragraph: "MOSCOW, Russia (CNN) -- ",
 * "MOSCOW, Sept. 14 -- ", "MOSCOW — ", "NEW YORK (Reuters) - ".  Returns the
 * place in place[] and the wire credit (if any) in credit[].
 */
static bool parse_dateline(const char *s, size_t len, char *place, size_t place_cap,
                           char *credit, size_t credit_cap, bool alone);

bool ex_parse_dateline(const char *s, size_t len, char *place, size_t place_cap,
                       char *credit, size_t credit_cap)
{
	return parse_dateline(s, len, place, place_cap, credit, credit_cap, false);
}

/* A dateline lead on a line of its own: "CASSELBERRY, Fla. -", "SEATTLE (AP) —". */
bool ex_dateline_alone(const char *s, size_t len)
{
	char place[128], credit[48];
	return parse_dateline(s, len, place, sizeof place, credit, sizeof credit, true);
}

/* With alone, the lead must end the line; without, text must follow it. */
static bool parse_dateline(const char *s, size_t len, char *place, size_t place_cap,
                           char *credit, size_t credit_cap, bool alone)
{
	size_t i = 0, lim = len < 100 ? len : 100;
	size_t place_end = 0, words = 0;
	bool mixed_city = false, in_city = true, have_credit = false;
	int segments = 0;
	credit[0] = '\0';
	while (i < lim) {
		/* a word */
		size_t st = i;
		while (i < lim && s[i] != ' ' && s[i] != ',' && s[i] != '(' && !ex_dash_at(s, len, i))
			i++;
		bool mixed;
		if (i == st)
			return false;
		if (in_city) {
			if (!caps_word(s + st, i - st, &mixed) || ++words > 4 || !starts_capital(s + st, 1))
				return false;
			mixed_city |= mixed;
			if (mixed_city && words > 3)
				return false; /* a headline, not a place: "App Tracks Workers, ..." */
			place_end = i;
		} else {
			struct word w = { s + st, i - st };
			int nd;
			if (++words > 10)
				return false;
			/* a region word is capitalised, a date word is a month or a number */
			size_t k;
			if (ex_month_of(w.s, w.len) == 0 && word_number(&w, &nd) < 0 &&
			    !ex_cp_upper(ex_cp_at(w.s, w.len, &k)))
				return false;
		}
		while (i < lim && s[i] == ' ')
			i++;
		if (i >= lim)
			return false;
		size_t dl = ex_dash_at(s, len, i);
		if (s[i] == ',' || s[i] == '(' || dl || (s[i] == '-' && i + 1 < len && s[i + 1] == ' ')) {
			if (!in_city) {
				/* close the segment that just ended: keep it unless it is a date */
				struct word w[8];
				size_t seg_start = place_end;
				while (seg_start < len && (s[seg_start] == ',' || s[seg_start] == ' '))
					seg_start++;
				size_t n = ex_split_words(s + seg_start, i - seg_start, w, 8);
				bool is_date = n > 0 && (ex_month_of(w[0].s, w[0].len) > 0 ||
				                         (n > 1 && ex_month_of(w[1].s, w[1].len) > 0));
				if (!is_date && segments <= 2)
					place_end = i;
				while (place_end > 0 && s[place_end - 1] == ' ')
					place_end--;
			}
			in_city = false;
		}
		if (s[i] == ',') {
			if (++segments > 3)
				return false;
			i++;
			while (i < lim && s[i] == ' ')
				i++;
			continue;
		}
		if (s[i] == '(') {
			const char *close = memchr(s + i, ')', lim - i);
			if (!close || close - (s + i) > 40 || close == s + i + 1)
				return false;
			size_t cl = (size_t)(close - (s + i)) - 1;
			if (cl + 1 > credit_cap)
				return false;
			memcpy(credit, s + i + 1, cl);
			credit[cl] = '\0';
			have_credit = true;
			i = (size_t)(close - s) + 1;
			while (i < lim && s[i] == ' ')
				i++;
			dl = ex_dash_at(s, len, i);
			if (!dl && !(i < lim && s[i] == '-'))
				return false;
		}
		if (dl || (i < lim && s[i] == '-' && (i + 1 >= len || s[i + 1] == ' '))) {
			size_t after = i + (dl ? dl : 1);
			while (after < len && s[after] == ' ')
				after++;
			if ((after >= len) != alone || (mixed_city && !have_credit))
				return false;
			if (place_end + 1 > place_cap)
				return false;
			memcpy(place, s, place_end);
			place[place_end] = '\0';
			return true;
		}
	}
	return false;
}

/*
 * A wire credit in brackets ("CNN", "Reuters", "WXII/WNCN"): copied to
 * credit; returns the offset after ")" and one space, or 0.
 */
static size_t bracketed_credit(const char *s, size_t len, size_t i, char *credit, size_t cap)
{
	const char *close = i < len && s[i] == '(' ? memchr(s + i, ')', len - i < 42 ? len - i : 42) : NULL;
	size_t cl = close ? (size_t)(close - s) - i - 1 : 0;
	if (!close || cl == 0 || cl + 1 > cap)
		return 0;
	if (!ex_outlet_exact(s + i + 1, cl) && !ex_credit_name(s + i + 1, cl))
		return 0;
	memcpy(credit, s + i + 1, cl);
	credit[cl] = '\0';
	size_t after = (size_t)(close - s) + 1;
	if (after + 1 < len && s[after] == ' ' && ex_dash_at(s, len, after + 1))
		after += 1 + ex_dash_at(s, len, after + 1); /* "(CNN) -- A ferry ..." */
	return after < len && s[after] == ' ' ? after + 1 : 0;
}

/*
 * The dateline forms with no dash, where a page lost it: "WASHINGTON
 * Obesity is ...", "JAKARTA/PANGKALAN BUN, Indonesia Search teams ...",
 * "BAKERSFIELD, Calif. (CN) A company ...", "(CNN) A woman killed ...",
 * and the colon some papers use instead: "NEW DELHI: The government ..."
 * (only when colon_ok: lower in a story "MAYOR: We ..." is a transcript's
 * speaker).  The place (maybe empty) and the credit (maybe empty) as
 * ex_parse_dateline.
 * With no credit the place must be in capitals, five letters or more or
 * several words, and not a label ("BREAKING").
 */
bool ex_dateline_loose(const char *s, size_t len, char *place, size_t place_cap,
                       char *credit, size_t credit_cap, bool colon_ok)
{
	size_t i = 0, place_end = 0, words = 0, letters = 0, text;
	bool mixed = false;
	credit[0] = place[0] = '\0';
	if (len > 400)
		len = 400;
	if ((text = bracketed_credit(s, len, 0, credit, credit_cap)) > 0)
		return starts_capital(s + text, len - text) && ex_outlet_exact(credit, strlen(credit));
	/* the place: up to four words in capitals, or capitalised ("Beijing") */
	while (i < len && words < 4) {
		size_t e = word_end(s, len, i);
		bool m;
		if (e == i || !caps_word(s + i, e - i, &m) || ex_dash_at(s, len, i) ||
		    (words > 0 && m != mixed) || !starts_capital(s + i, 1))
			break;
		mixed = m;
		letters += e - i;
		words++;
		place_end = e;
		i = e;
		if (i < len && s[i] == ' ' && i + 1 < len && s[i + 1] != '(')
			i++;
		else
			break;
	}
	if (words == 0 || (words == 1 && ex_in_list_ci(s, place_end, caps_labels)))
		return false;
	/* ", Region": capitalised words; the last of them may start the story */
	size_t region_end = place_end, j = place_end, cap_words = 0, last_cap = 0;
	if (j + 1 < len && s[j] == ',' && s[j + 1] == ' ') {
		j += 2;
		while (j < len && cap_words < 4) {
			size_t e = word_end(s, len, j);
			if (e == j || !starts_capital(s + j, e - j))
				break;
			cap_words++;
			last_cap = j;
			region_end = e;
			if (e < len && s[e] == ' ' && e + 1 < len && s[e + 1] != '(')
				j = e + 1;
			else
				break;
		}
	}
	i = region_end;
	/* "NEW DELHI: The government ...", the colon of South Asian papers */
	if (colon_ok && i + 2 < len && s[i] == ':' && s[i + 1] == ' ' && !mixed && cap_words == 0 &&
	    (words > 1 || letters >= 5) && starts_capital(s + i + 2, len - i - 2)) {
		memcpy(place, s, i < place_cap ? i : 0);
		place[i < place_cap ? i : 0] = '\0';
		return i < place_cap;
	}
	if (i < len && s[i] == ' ' && i + 1 < len && s[i + 1] == '(') {
		text = bracketed_credit(s, len, i + 1, credit, credit_cap);
		if (!text || !starts_capital(s + text, len - text))
			return false;
		place_end = region_end;
	} else {
		/* no credit: the story starts at a capital after the place */
		if (mixed || (words == 1 && letters < 5))
			return false;
		if (cap_words > 0) {
			if (cap_words < 2)
				return false;
			region_end = last_cap - 1; /* "Indonesia Search teams": "Search" starts it */
			text = last_cap;
		} else {
			text = place_end + 1;
			if (place_end >= len || s[place_end] != ' ' || !starts_capital(s + text, len - text))
				return false;
		}
		place_end = region_end;
		/* a sentence must follow: a lower-case word soon after */
		struct word w[4];
		size_t n = ex_split_words(s + text, len - text, w, 4), k, lower = 0;
		for (size_t q = 1; q < n; q++)
			lower += ex_cp_lower(ex_cp_at(w[q].s, w[q].len, &k));
		if (lower == 0)
			return false;
	}
	while (place_end > 0 && (s[place_end - 1] == ' ' || s[place_end - 1] == ','))
		place_end--;
	if (place_end + 1 > place_cap)
		return false;
	memcpy(place, s, place_end);
	place[place_end] = '\0';
	return true;
}

/* --------------------------------------------------------- source lines -- */

/*
 * Copy a paper's name, title-cased if it is written in capitals ("THE
 * NORTHMOOR GAZETTE" -> "The Northmoor Gazette").
 */
bool ex_copy_name(const char *s, size_t len, char *buf, size_t cap)
{
	bool lower = false;
	for (size_t i = 0; i < len;) {
		size_t n;
		lower |= ex_cp_lower(ex_cp_at(s + i, len - i, &n));
		i += n;
	}
	if (len * 2 + 1 > cap)
		return false;
	size_t o = 0;
	bool start = true;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t c = ex_cp_at(s + i, len - i, &n);
		if (!lower && !start)
			c = ex_cp_tolower(c);
		o += ex_u8_encode(c, buf + o);
		start = c == ' ' || c == '-';
		i += n;
	}
	buf[o] = '\0';
	return true;
}

/*
 * "Ferry strike ends | The Guardian", "CNN.com - Ferry strike ends": a page
 * title with the outlet beside it.  Returns the outlet (static, or copied
 * into buf) and the headline's span, or NULL.
 */
const char *ex_headline_outlet(const char *s, size_t len, size_t *off, size_t *hlen,
                               char *buf, size_t cap)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL };
	if (len > 240)
		return NULL;
	for (const char *const *sep = seps; *sep; sep++) {
		size_t n = strlen(*sep), first = ex_find_at(s, len, *sep, n), last = first;
		if (first == SIZE_MAX)
			continue;
		for (size_t at; (at = ex_find_at(s + last + 1, len - last - 1, *sep, n)) != SIZE_MAX;)
			last += at + 1;
		const char *r;
		size_t pl;
		/* outlet after the headline; a name before it is a byline: "Ana Ruiz | Reuters" */
		const char *right = s + last + n;
		size_t rl = len - last - n;
		struct names who = { .n = 0 };
		if (ex_names_only_line(s, first, &who))
			return NULL;
		if ((r = ex_outlet_exact(right, rl)) ||
		    ((pl = ex_paper_name(right, rl)) == rl && ex_copy_name(right, rl, buf, cap) && (r = buf))) {
			*off = 0;
			*hlen = last;
			return r;
		}
		/* outlet before it: "CNN.com - Ferry strike ends" */
		if ((r = ex_outlet_exact(s, first)) ||
		    ((pl = ex_paper_name(s, first)) == first && first && ex_copy_name(s, first, buf, cap) && (r = buf))) {
			*off = first + n;
			*hlen = len - first - n;
			return r;
		}
	}
	return NULL;
}

/* Does the text hold a clock time, "2:54" or "18:52"? */
static bool clock_time(const char *s, size_t len)
{
	for (size_t i = 1; i + 2 < len; i++)
		if (s[i] == ':' && ex_is_digit(s[i - 1]) && ex_is_digit(s[i + 1]) && ex_is_digit(s[i + 2]))
			return true;
	return false;
}

/* Where a photo credit ends inside a line: "... 2016 campaign. | AP Photo Trump: ...". */
static size_t credit_split(const char *s, size_t len)
{
	static const char *const credits[] = { " | AP Photo ", " | Getty Images ", " | Getty ",
		" | Reuters ", " | AFP ", " | EPA ", NULL };
	for (const char *const *c = credits; *c; c++) {
		size_t at = ex_find_at(s, len, *c, strlen(*c));
		if (at != SIZE_MAX)
			return at + strlen(*c);
	}
	return 0;
}

/*
 * A headline with its page's stamps glued on: "Father of Victim Says
 * Justice Will Be Served Posted: Wednesday, June 27, 2012 1:32 PM EDT
 * Updated: ...", "moms Classroom 'terror' adopted by teacher July 15, 2014
 * at 2:54 PM ET", "... campaign. | AP Photo Trump: My social media use is
 * 'modern day presidential'".  Gives the headline's span and the date (the
 * published one before an updated one); false when the line is not so.
 */
bool ex_headline_stamp(const char *s, size_t len, size_t *off, size_t *hlen, char date[11])
{
	struct word w[MAX_WORDS];
	size_t st = credit_split(s, len), n, cut = len;
	bool dated = false;
	date[0] = '\0';
	if (len > 400)
		return false;
	n = ex_split_words(s + st, len - st, w, MAX_WORDS);
	for (size_t i = 3; i < n && !dated; i++) {
		const char *from = w[i].s;
		size_t rest = (size_t)(s + len - from);
		if (ex_starts_ci(from, rest, "posted:") || ex_starts_ci(from, rest, "published:") ||
		    ex_starts_ci(from, rest, "updated:")) {
			/* the stamp runs to the next stamp: "Posted: DATE Updated: DATE" */
			size_t end = rest;
			for (size_t j = i + 1; j < n; j++)
				if (ex_starts_ci(w[j].s, (size_t)(s + len - w[j].s), "updated:")) {
					end = (size_t)(w[j].s - from);
					break;
				}
			dated = ex_date_line(from, end, date);
		} else {
			/* unlabelled, a stamp gives the time too ("July 15, 2014 at 2:54 PM
			   ET"), and follows the headline's last word, not a comma: "...
			   outside the courthouse, June 3, 2015" is a caption */
			char before = from > s + 1 ? from[-2] : ' ';
			dated = clock_time(from, rest) && !strchr(",;:(", before) &&
			        ex_date_line(from, rest, date);
		}
		if (dated)
			cut = (size_t)(from - s);
	}
	if (!dated && st == 0)
		return false;
	size_t a = st, b = cut;
	ex_trim_spaces(s, &a, &b);
	/* a section's name glued in front in lower case: "moms Classroom ..." */
	if (dated && n >= 5 && w[0].len < 16) {
		bool lower = true;
		for (size_t k = 0; k < w[0].len; k++)
			lower &= w[0].s[k] >= 'a' && w[0].s[k] <= 'z';
		size_t k;
		if (lower && ex_cp_upper(ex_cp_at(w[1].s, w[1].len, &k)))
			a = (size_t)(w[1].s - s);
	}
	/* a headline of words, not a row of links ("Home | News | DATE") */
	struct word hw[4];
	if (b <= a || memchr(s + a, '|', b - a) || ex_split_words(s + a, b - a, hw, 4) < 3)
		return false;
	*off = a;
	*hlen = b - a;
	return true;
}

/*
 * An outlet's name at s: a known outlet ("NBC News"), a web name
 * ("ClickOrlando.com", "Space.com"), or a paper's name ("San Francisco
 * Chronicle"); with known_only, only a known outlet.  Returns the name
 * (static or in buf), or NULL.
 */
static const char *outlet_at(const char *s, size_t len, bool known_only, char *buf, size_t cap)
{
	size_t used, e = 0;
	/* the whole name up to a mark: "Source: Xinhua | 2015-03-03" */
	while (e < len && !strchr("|,;(", s[e]) && !(s[e] == '.' && (e + 1 == len || s[e + 1] == ' ')))
		e++;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	const char *r = ex_outlet_exact(s, e);
	if (!r)
		r = ex_outlet_prefix(s, len, &used);
	if (r || known_only)
		return r;
	e = 0;
	while (e < len && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != ':')
		e++;
	size_t word = e;
	while (word > 0 && strchr(".)", s[word - 1]))
		word--;
	static const char *const webs[] = { ".com", ".org", ".net", ".co.uk", ".tv", NULL };
	for (const char *const *w = webs; *w; w++) {
		size_t n = strlen(*w);
		size_t k;
		if (word > n + 1 && ex_ci_eq(s + word - n, *w, n) && ex_cp_upper(ex_cp_at(s, len, &k)) &&
		    ex_copy_name(s, word, buf, cap))
			return buf;
	}
	/* a paper's name: the longest run of capitalised words that is one */
	struct word w[6];
	size_t n = ex_split_words(s, len < 80 ? len : 80, w, 6);
	for (size_t k = n; k >= 2; k--) {
		size_t end = (size_t)(w[k - 1].s + w[k - 1].len - s);
		while (end > 0 && strchr(".,;:", s[end - 1]))
			end--;
		if (ex_paper_name(s, end) == end && ex_copy_name(s, end, buf, cap))
			return buf;
	}
	return NULL;
}

/*
 * A page naming itself: "Source: Xinhua", "Originally published on Live Science.", "stay
 * with ClickOrlando.com for more", "Related stories on AOL:", "here at
 * Space.com", "Sign up for POLITICO Playbook", "View all New York Times
 * newsletters", "This article appeared on
 * page A-10 of the San Francisco Chronicle", "NBC News' Ana Ruiz
 * contributed to this report".  An outlet that only contributed ("The
 * Associated Press contributed to this report") is not the page's own.  In
 * the story's own sentences (prose) only the leads that cannot be about
 * someone else count ("here at", not "follow").
 */
const char *ex_self_reference(const char *s, const char *lc, size_t len, bool prose, char *buf,
                              size_t cap)
{
	static const struct {
		const char *lead;
		bool known_only; /* newsletters and teasers name other things too */
		bool in_prose;   /* also in the story's own sentences */
	} leads[] = {
		{ "originally published on ", false, true }, { "originally appeared on ", false, true },
		{ "first published on ", false, true }, { "stay with ", false, true },
		{ "here at ", false, true }, { "stories on ", false, false },
		{ "more from ", true, false }, { "sign up for ", true, false },
		{ "subscribe to ", true, false }, { "follow ", true, false },
		{ "source: ", false, false }, { "view all ", true, false },
		{ "special offers for ", true, false },
	};
	const char *r;
	if (len > 2000)
		return NULL;
	for (size_t k = 0; k < sizeof leads / sizeof leads[0]; k++) {
		size_t n = strlen(leads[k].lead);
		if (!leads[k].in_prose && prose)
			continue;
		for (const char *q = lc, *end = lc + len, *hit;
		     (hit = memmem(q, (size_t)(end - q), leads[k].lead, n)) != NULL; q = hit + 1) {
			size_t i = (size_t)(hit - lc);
			if ((i == 0 || lc[i - 1] == ' ') && i + n < len &&
			    (r = outlet_at(s + i + n, len - i - n, leads[k].known_only, buf, cap)))
				return r;
		}
	}
	/* "... appeared on page A - 10 of the San Francisco Chronicle", "... ran in
	   the Dec. 7 issue of TIME magazine": the outlet after the page or issue */
	size_t from = SIZE_MAX;
	if (ex_has_phrase(lc, len, "appeared on page") || ex_has_phrase(lc, len, "appears on page"))
		from = ex_find_at(s, len, " page ", 6);
	else if (ex_has_phrase(lc, len, "ran in the") || ex_has_phrase(lc, len, "appeared in the") ||
	         ex_has_phrase(lc, len, "appears in the"))
		from = ex_find_at(s, len, " issue of ", 10);
	if (from != SIZE_MAX) {
		size_t at = ex_find_at(s + from, len - from, " of ", 4);
		if (at != SIZE_MAX) {
			at += from + 4;
			if (ex_starts_ci(s + at, len - at, "the "))
				at += 4;
			if ((r = outlet_at(s + at, len - at, false, buf, cap)))
				return r;
		}
	}
	/* a colleague of the page: "NBC News' Ana Ruiz contributed", "Associated Press
	   writer Ana Ruiz contributed" */
	if (ex_has_phrase(lc, len, "contributed")) {
		size_t i = 0, used;
		while (i < len && (s[i] == ' ' || ex_dash_at(s, len, i) || s[i] == '-'))
			i += ex_dash_at(s, len, i) ? ex_dash_at(s, len, i) : 1;
		if (ex_starts_ci(s + i, len - i, "the "))
			i += 4;
		r = ex_outlet_prefix(s + i, len - i, &used);
		if (r && i + used < len) {
			const char *after = s + i + used;
			size_t rest = len - i - used;
			if (ex_starts_ci(after, rest, "'") || ex_starts_ci(after, rest, "'s") ||
			    ex_starts_ci(after, rest, "\xE2\x80\x99") || ex_starts_ci(after, rest, " writer") ||
			    ex_starts_ci(after, rest, " writers") || ex_starts_ci(after, rest, " reporter") ||
			    ex_starts_ci(after, rest, " correspondent") || ex_starts_ci(after, rest, " staff"))
				return r;
		}
	}
	return NULL;
}

/*
 * Does a dateline's wire credit read as an outlet's name: "Tidewire",
 * "CNNMoney", "Kyodo News"?  One to three capitalised words, no role,
 * month or small word among them.
 */
bool ex_credit_name(const char *s, size_t len)
{
	struct word w[4];
	if (len < 2 || len > 30)
		return false;
	size_t n = ex_split_words(s, len, w, 4);
	if (n == 0 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (!ex_cp_upper(ex_cp_at(w[i].s, w[i].len, &k)) ||
		    ex_in_list_ci(w[i].s, w[i].len, ex_role_words) ||
		    ex_in_list_ci(w[i].s, w[i].len, ex_link_words) || ex_month_of(w[i].s, w[i].len))
			return false;
		for (size_t j = 0; j < w[i].len; j++)
			if (ex_is_digit(w[i].s[j]) || strchr(",;:()\"", w[i].s[j]))
				return false;
	}
	return true;
}

/* Add word t to the name in buf[0..*o), after a space; false when cap is too small. */
static bool append_word(char *buf, size_t cap, size_t *o, struct word t)
{
	if (*o + t.len + 2 > cap)
		return false;
	if (*o)
		buf[(*o)++] = ' ';
	memcpy(buf + *o, t.s, t.len);
	*o += t.len;
	return true;
}

/*
 * "© 2001 The Washington Post Company" -> "Washington Post".  With loose,
 * an owner not named like a paper is taken as written, less its legal
 * suffix ("© 2004 Brightwater Media Ltd." -> "Brightwater Media"), when it
 * is one to five capitalised words: for pages that name no better source.
 */
const char *ex_copyright_owner(const char *s, size_t len, bool loose, char *buf, size_t cap)
{
	if (loose) {
		static const char *const legal[] = { "company", "co.", "co", "inc.", "inc", "ltd",
			"ltd.", "limited", "llc", "plc", "corporation", "corp.", "gmbh", "s.a.", NULL };
		struct word w[MAX_WORDS];
		size_t n = ex_split_words(s, len, w, MAX_WORDS), st = 0, o = 0;
		/* skip the marks, the years and "by" */
		while (st < n && (ex_in_list_ci(w[st].s, w[st].len, ALIASES("copyright", "(c)", "\xC2\xA9", "by")) ||
		                  ex_is_digit(w[st].s[0])))
			st++;
		size_t e = st;
		while (e < n && e - st < 6) {
			struct word t = w[e];
			bool stop = t.s[t.len - 1] == '.' || t.s[t.len - 1] == ',';
			while (t.len > 0 && strchr(",.;:", t.s[t.len - 1]) && !ex_in_list_ci(t.s, t.len, legal))
				t.len--;
			size_t k;
			if (t.len == 0 || ex_in_list_ci(t.s, t.len, legal) ||
			    !ex_cp_upper(ex_cp_at(t.s, t.len, &k)) ||
			    (t.len >= 3 && ex_ci_eq(t.s, "all", 3) && t.len == 3))
				break;
			if (!append_word(buf, cap, &o, t))
				return NULL;
			e++;
			if (stop)
				break;
		}
		buf[o] = '\0';
		return o > 0 && e - st <= 5 ? buf : NULL;
	}
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS), o = 0;
	static const char *const skip[] = { "copyright", "(c)", "©", "company", "co.", "inc.",
		"inc", "ltd", "ltd.", "limited", "llc", "plc", "corporation", "corp.", "group", "gmbh", "s.a.",
		"newspapers", "media", "publishing", "holdings", NULL };
	for (size_t i = 0; i < n; i++) {
		struct word t = w[i];
		if (ex_starts_ci(t.s, t.len, "all") && i + 1 < n && ex_starts_ci(w[i + 1].s, w[i + 1].len, "rights"))
			break;
		while (t.len > 0 && strchr(",.;:", t.s[t.len - 1]) &&
		       !(t.len == 3 && ex_ci_eq(t.s, "co.", 3)))
			t.len--;
		bool number = t.len > 0;
		for (size_t k = 0; k < t.len; k++)
			number &= ex_is_digit(t.s[k]) || t.s[k] == '-' || t.s[k] == '/';
		bool roman = t.len > 1;
		for (size_t k = 0; k < t.len; k++)
			roman &= strchr("MDCLXVI", t.s[k]) != NULL;
		if (t.len == 0 || number || roman || ex_in_list_ci(t.s, t.len, skip) ||
		    (o == 0 && ex_in_list_ci(t.s, t.len, ALIASES("of", "by"))) ||
		    (t.len == 2 && memcmp(t.s, "\xC2\xA9", 2) == 0))
			continue;
		if (!append_word(buf, cap, &o, t))
			return NULL;
		if (t.len < w[i].len && w[i].s[t.len] == '.')
			break; /* "The Ledgerport Courier. All ..." */
	}
	buf[o] = '\0';
	if (o == 0)
		return NULL;
	const char *known = ex_outlet_exact(buf, o);
	if (known)
		return known;
	o = ex_paper_name(buf, o);
	buf[o] = '\0';
	return o ? buf : NULL;
}
