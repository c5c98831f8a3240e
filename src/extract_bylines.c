/*
 * extract_bylines: the parsers that read one line as a byline, in all the
 * forms pages sign with: "By NAME", "NAME, Staff Writer", names and roles
 * between bars or bullets with a date ("DATE|NAME|TIMES STAFF WRITER"), a
 * line of names over a credit, and the trailers after the story ("Reach
 * NAME at", "NAME can be reached at", "Follow NAME on Twitter", a writer's
 * note); credit lines ("Washington Post Foreign Service").  Names come out
 * split on "and", "with", "&" and commas, title-cased when in capitals,
 * without roles, outlets, handles or places.
 *
 * Like extract_fields.c, each parser answers from the span it is given;
 * which line is the byline is the pipeline's business (extract_meta.c).
 */
#include "folio/folio.h"

#include "extract_internal.h"

/* -------------------------------------------------------------- bylines -- */

enum name_case { NOT_NAME, NAME_MIXED, NAME_CAPS, NAME_INITIAL };

/* A word of a name: "Jill", "O'Neill", "Jean-Paul", "MULVEY", or "B.". */
static enum name_case name_word(const struct word *w)
{
	size_t k;
	if (!ex_cp_upper(ex_cp_at(w->s, w->len, &k)))
		return NOT_NAME;
	bool lower = false, upper = false;
	for (size_t i = k; i < w->len;) {
		size_t n;
		uint32_t d = ex_cp_at(w->s + i, w->len - i, &n);
		if (ex_cp_lower(d) || d == 0xFFFD) /* a broken letter is still a letter */
			lower = true;
		else if (ex_cp_upper(d))
			upper = true;
		else if (!(d == '.' || d == '-' || d == '\'' || d == 0x2019))
			return NOT_NAME;
		i += n;
	}
	/* 's ends a possessive ("Online's"), never a name */
	if (w->len > 2 && (ex_ci_eq(w->s + w->len - 2, "'s", 2) ||
	                   (w->len > 4 && memcmp(w->s + w->len - 4, "\xE2\x80\x99s", 4) == 0)))
		return NOT_NAME;
	if (lower)
		return NAME_MIXED;
	return upper && w->s[w->len - 1] != '.' ? NAME_CAPS : NAME_INITIAL;
}

/* Append a name, title-casing it when it is all capitals. */
static void add_name(struct names *out, const struct word *w, size_t n, bool caps)
{
	if (out->n >= MAX_NAMES)
		return;
	char *dst = out->v[out->n];
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (o + w[i].len + 2 >= NAME_CAP)
			return;
		if (i)
			dst[o++] = ' ';
		bool start = true;
		for (size_t j = 0; j < w[i].len;) {
			size_t k;
			uint32_t c = ex_cp_at(w[i].s + j, w[i].len - j, &k);
			if (caps && !start)
				c = ex_cp_tolower(c);
			o += ex_u8_encode(c, dst + o);
			start = c == '-' || c == '\'' || c == 0x2019;
			j += k;
		}
	}
	dst[o] = '\0';
	for (int i = 0; i < out->n; i++)
		if (strcmp(out->v[i], dst) == 0)
			return;
	out->n++;
}

/*
 * One part of a byline between separators: "Jill Dougherty", "CNN Moscow
 * Bureau Chief Jill Dougherty", "Courier Staff Writer".  Returns 1 when a
 * name was added, 0 when the part is a role only, -1 when it is not a
 * byline part at all.
 */
static int byline_part(const char *s, size_t len, struct names *out)
{
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS);
	/* "Priya Raman @priyaraman": a social handle after the name */
	while (n > 1 && w[n - 1].s[0] == '@')
		n--;
	while (n > 0 && w[n - 1].len > 0 && strchr(",.;:", w[n - 1].s[w[n - 1].len - 1]) &&
	       !(w[n - 1].len <= 3 && w[n - 1].s[w[n - 1].len - 1] == '.')) {
		w[n - 1].len--;
		if (w[n - 1].len == 0)
			n--;
	}
	/* "TOM HALE Associated Press", "Ana Ruiz CNN": an outlet after the name */
	for (size_t k = n > 4 ? 4 : n - (n > 0); k >= 1 && n > k; k--)
		if (ex_outlet_exact(w[n - k].s, (size_t)(w[n - 1].s + w[n - 1].len - w[n - k].s))) {
			n -= k;
			break;
		}
	if (n == 0)
		return 0;
	/* cut at "in" or at the first lower-case word that is neither a particle
	   nor a role: "Ana Ruiz in Moscow", not "Moscow correspondent Ana Ruiz" */
	size_t end = n;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		uint32_t c = ex_cp_at(w[i].s, w[i].len, &k);
		bool in = i > 0 && w[i].len == 2 && ex_ci_eq(w[i].s, "in", 2);
		if (in || (!ex_cp_upper(c) && !ex_in_list_ci(w[i].s, w[i].len, ex_name_particles) &&
		           !ex_in_list_ci(w[i].s, w[i].len, ex_role_words))) {
			if (i == 0)
				return -1;
			end = i;
			break;
		}
	}
	/* the name is the run of name words at the end, after any role words */
	bool mixed = false, caps = false;
	size_t st = end;
	while (st > 0) {
		const struct word *x = &w[st - 1];
		if (ex_in_list_ci(x->s, x->len, ex_name_particles)) {
			st--;
			continue;
		}
		enum name_case c = ex_in_list_ci(x->s, x->len, ex_role_words) ||
		                           ex_in_list_ci(x->s, x->len, ex_link_words) || ex_outlet_exact(x->s, x->len)
		                           ? NOT_NAME : name_word(x);
		/* stop at a role, or at an acronym before a mixed-case name: "CNN" */
		if (c == NOT_NAME || (c == NAME_CAPS && mixed))
			break;
		mixed |= c == NAME_MIXED;
		caps |= c == NAME_CAPS;
		st--;
	}
	while (st < end && ex_in_list_ci(w[st].s, w[st].len, ex_name_particles))
		st++;
	size_t count = end - st;
	if (count == 0)
		return st == 0 ? -1 : 0;
	if (count < 2 || count > 5)
		return -1;
	size_t span = (size_t)(w[end - 1].s + w[end - 1].len - w[st].s);
	if (ex_outlet_exact(w[st].s, span) || ex_paper_name(w[st].s, span) == span)
		return 0; /* "Follow Coastal Weekly on Twitter": a paper, not a person */
	add_name(out, w + st, count, caps && !mixed);
	return 1;
}

/* Length of a separator between names at s[i] (",", " and ", " & "...), or 0. */
static size_t name_sep(const char *s, size_t len, size_t i)
{
	static const char *const joins[] = { " and ", " with ", " und ", " et ", " y ", " & ", NULL };
	if (s[i] == ',' || s[i] == ';')
		return 1;
	for (const char *const *j = joins; *j; j++) {
		size_t n = strlen(*j);
		if (i + n <= len && ex_ci_eq(s + i, *j, n))
			return n;
	}
	return 0;
}

/*
 * A list of names with roles, split on ",", ";", "and", "with", "&" (and
 * "und", "et", "y").  At least one name must come out and no part may be prose.
 */
static bool parse_names(const char *s, size_t len, struct names *out)
{
	static const char *const others[] = { "photos by", "photographs by", "photography by",
		"video by", "videos by", "graphics by", "illustrations by", "editing by",
		"edited by", "additional reporting by", NULL };
	int found = 0;
	size_t st = 0;
	for (size_t i = 0; i <= len;) {
		size_t sep = i == len ? 1 : name_sep(s, len, i);
		if (!sep) {
			i++;
			continue;
		}
		size_t a = st, b = i;
		ex_trim_spaces(s, &a, &b);
		for (const char *const *o = others; *o; o++)
			if (ex_starts_ci(s + a, b - a, *o))
				return found > 0; /* "Story by Ana Ruiz; photos by Tom Hale" */
		int r = byline_part(s + st, i - st, out);
		if (r < 0)
			return false;
		found += r;
		i += sep;
		st = i;
	}
	return found > 0;
}

/* Cut a trailing ", date" or " on date" from a byline line; returns the new length. */
static size_t byline_cut(const char *s, size_t len, char date[11])
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] == ',' && ex_date_line(s + i + 1, len - i - 1, date))
			return i;
		if (s[i] == ' ' && i + 4 < len && ex_ci_eq(s + i, " on ", 4) &&
		    ex_date_line(s + i + 4, len - i - 4, date))
			return i; /* "Posted by Ana Ruiz on March 3, 2014 at 9:00 am" */
	}
	return len;
}

/* "By NAME", "Par NAME", ...: the names, and a date on the same line. */
static bool byline_line(const char *s, size_t len, struct names *out, char date[11])
{
	static const char *const leads[] = { "by ", "par ", "von ", "por ", "written by ", "from ",
		"story by ", "words by ", "text by ", "words: ", "text: ", "updated by ", "posted by ",
		NULL };
	if (len > 200)
		return false;
	for (const char *const *l = leads; *l; l++) {
		size_t n = strlen(*l);
		if (len > n && ex_ci_eq(s, *l, n)) {
			/* "BY" in capitals or "By": a sentence "by the way" is lower case */
			if (s[0] >= 'a' && s[0] <= 'z')
				return false;
			size_t cut = byline_cut(s + n, len - n, date);
			struct names tmp = *out;
			if (parse_names(s + n, cut, &tmp)) {
				*out = tmp;
				return true;
			}
			return false;
		}
	}
	return false;
}

/* A credit line: "Washington Post Foreign Service", "Courier Staff Writer". */
bool ex_credit_line(const char *s, size_t len)
{
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS);
	if (n >= 3 && n <= 7 && ex_starts_ci(s, len, "special to "))
		return true;
	/* "By THE ASSOCIATED PRESS": an outlet where the names would be */
	if (n >= 2 && n <= 7 && ex_starts_ci(s, len, "by ") &&
	    (ex_outlet_exact(s + 3, len - 3) || ex_paper_name(s + 3, len - 3) == len - 3))
		return true;
	if (n == 0 || n > 7 || len > 80 || !ex_ends_with_credit(s, len))
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (!ex_cp_upper(ex_cp_at(w[i].s, w[i].len, &k)) && !ex_in_list_ci(w[i].s, w[i].len, ex_role_words) &&
		    !ex_in_list_ci(w[i].s, w[i].len, ex_link_words))
			return false;
	}
	return true;
}

/* "Jill Dougherty, Staff Writer" */
static bool name_role_line(const char *s, size_t len, struct names *out)
{
	const char *comma = memchr(s, ',', len);
	if (!comma || len > 100 || !ex_ends_with_credit(s, len))
		return false;
	struct names tmp = *out;
	if (parse_names(s, len, &tmp)) {
		*out = tmp;
		return true;
	}
	return false;
}

/* Names from s[st..) up to the first of " at ", ",", " on ", " via ": "Reach Bob Dunn at ...". */
static bool names_until(const char *s, size_t len, size_t st, struct names *out)
{
	static const char *const stops[] = { " at ", ", ", " on ", " via ", " by ", NULL };
	size_t e = len;
	for (const char *const *p = stops; *p; p++) {
		size_t at = ex_find_at(s + st, len - st, *p, strlen(*p));
		if (at != SIZE_MAX && st + at < e)
			e = st + at;
	}
	struct names tmp = *out;
	if (e == len || !parse_names(s + st, e - st, &tmp))
		return false;
	*out = tmp;
	return true;
}

/* A telephone number: "540/374-5413", "(818) 374-1925", "816-234-4435". */
static bool phone_number(const char *s, size_t len)
{
	size_t digits = 0;
	for (size_t i = 0; i < len; i++) {
		if (ex_is_digit(s[i]))
			digits++;
		else if (!strchr(" ()/-.+", s[i]))
			return false;
	}
	return digits >= 7 && digits <= 15;
}

/*
 * One sentence of a trailer that names the writer: "Reach Bob Dunn at
 * ...", "Write to Ana Ruiz at ...", "To reach Tony Rizzo, call ...",
 * "Follow AP correspondent Ana Ruiz on Twitter", "Contact NAME at",
 * "NAME can be reached at", "NAME is a staff writer", "Reporting by NAME;
 * Editing by ..." (the reporters only; in brackets, a wire's credits, none),
 * "NAME: 540/374-5413", "-- NAME", "Read more from NAME's archive", and a writer's note ("NAME serves as a
 * lecturer ... He writes about astronomy ...", when it says "writes").
 */
static bool trailer_sentence(const char *s, size_t len, bool writes, struct names *out)
{
	static const char *const leads[] = { "contact ", "e-mail ", "email ", "reach ", "write to ",
		"to reach ", NULL };
	static const char *const after[] = { " can be reached at", " can be reached by",
		" can be reached via", " is a staff writer", " is a reporter", " is a correspondent",
		" is the ", " writes for", NULL };
	static const char *const notes[] = { " serves as ", " is a ", " is an ", " writes about",
		NULL };
	struct names tmp = *out;
	for (const char *const *l = leads; *l; l++)
		if (ex_starts_ci(s, len, *l))
			return names_until(s, len, strlen(*l), out);
	if (ex_starts_ci(s, len, "follow ") &&
	    (ex_contains_ci(s, len, "on twitter") || ex_contains_ci(s, len, "on facebook") ||
	     ex_contains_ci(s, len, "on instagram")))
		return names_until(s, len, 7, out);
	/* a columnist's: "Read more from Dana Milbank's archive, follow him ..." */
	if (ex_starts_ci(s, len, "read more from ")) {
		size_t at = ex_find_at(s, len, "'s archive", 10);
		size_t curly = ex_find_at(s, len, "\xE2\x80\x99s archive", 12);
		if (curly < at)
			at = curly;
		if (at == SIZE_MAX || at <= 15 || !parse_names(s + 15, at - 15, &tmp))
			return false;
		*out = tmp;
		return true;
	}
	if (ex_starts_ci(s, len, "reporting by ")) {
		size_t st = 13, e = st;
		while (e < len && s[e] != ';' && s[e] != '.')
			e++;
		if (parse_names(s + st, e - st, &tmp)) {
			*out = tmp;
			return true;
		}
		return false;
	}
	/* "Robyn Sidersky: 540/374-5413" */
	const char *colon = memchr(s, ':', len < 60 ? len : 60);
	if (colon && colon + 1 < s + len && phone_number(colon + 1, (size_t)(s + len - colon) - 1))
		return ex_names_only_line(s, (size_t)(colon - s), out);
	/* "-- Anna Griffin" */
	size_t d = ex_dash_at(s, len, 0);
	if (d && len > d + 1 && s[d] == ' ')
		return ex_names_only_line(s + d + 1, len - d - 1, out);
	for (size_t i = 0; i < len && i < 80; i++) {
		if (s[i] != ' ')
			continue;
		for (const char *const *a = after; *a; a++) {
			size_t n = strlen(*a);
			if (i + n > len || !ex_ci_eq(s + i, *a, n))
				continue;
			/* "NAME is the mayor" is not a byline; "NAME is the X editor" is */
			if (strcmp(*a, " is the ") == 0 && !ex_contains_ci(s, len, "correspondent") &&
			    !ex_contains_ci(s, len, "editor") && !ex_contains_ci(s, len, "reporter") &&
			    !ex_contains_ci(s, len, "writer"))
				return false;
			if (parse_names(s, i, &tmp)) {
				*out = tmp;
				return true;
			}
			return false;
		}
	}
	if (!writes)
		return false;
	for (const char *const *a = notes; *a; a++) {
		size_t at = ex_find_at(s, len < 80 ? len : 80, *a, strlen(*a));
		if (at != SIZE_MAX && at > 0 && parse_names(s, at, &tmp) && tmp.n == 1) {
			*out = tmp;
			return true;
		}
	}
	return false;
}

/*
 * Does the line hold a word every trailer byline form needs ("reach",
 * "follow", "staff", "writes"...), a colon or a leading dash?  One pass,
 * so the sentences of the many lines that are no trailer go unread.
 */
static bool trailer_cue(const char *s, size_t len)
{
	static const char *const cues[] = { "reach", "reached", "contact", "e-mail", "email",
		"write", "writes", "writer", "follow", "reporting", "reporter", "correspondent",
		"editor", "serves", "staff", "archive", NULL };
	if (ex_dash_at(s, len, 0) || memchr(s, ':', len))
		return true;
	for (size_t i = 0; i < len;) {
		while (i < len && s[i] == ' ')
			i++;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		size_t e = i;
		while (e > st && strchr(",.;", s[e - 1]))
			e--;
		if (e - st >= 4 && ex_in_list_ci(s + st, e - st, cues))
			return true;
	}
	return false;
}

/* Bylines after the body, in any sentence of a trailer line. */
bool ex_trailer_byline(const char *s, size_t len, struct names *out)
{
	if (len > 400 || (len > 0 && s[0] == '(') || !trailer_cue(s, len))
		return false; /* "(Reporting by ...; Editing by ...)": a wire's credits */
	bool writes = ex_contains_ci(s, len, "writes");
	for (size_t st = 0, i = 0; i <= len; i++) {
		/* a sentence ends at ". " before a capital, not after an initial ("Gerald F. Seib") */
		bool end = i == len;
		if (!end && i >= 2 && i + 2 < len && strchr(".!?", s[i]) && s[i + 1] == ' ' &&
		    s[i - 2] != ' ' && s[i - 2] != '.') {
			size_t k;
			end = ex_cp_upper(ex_cp_at(s + i + 2, len - i - 2, &k));
		}
		if (!end)
			continue;
		size_t a = st, b = i;
		ex_trim_spaces(s, &a, &b);
		if (b > a && trailer_sentence(s + a, b - a, writes, out))
			return true;
		st = i + 1;
	}
	return false;
}

/* A line of names only, perhaps "in PLACE": "Ian Traynor in Moscow". */
bool ex_names_only_line(const char *s, size_t len, struct names *out)
{
	struct word w[16];
	size_t n = ex_split_words(s, len, w, 16), end = n;
	if (n == 0 || n > 10 || ex_ends_sentence(s, len))
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (i > 0 && i + 1 < n && i + 4 >= n && w[i].len == 2 && memcmp(w[i].s, "in", 2) == 0) {
			end = i;
			continue;
		}
		if (!ex_cp_upper(ex_cp_at(w[i].s, w[i].len, &k)) && i < end &&
		    !ex_in_list_ci(w[i].s, w[i].len, ex_name_particles) &&
		    !ex_in_list_ci(w[i].s, w[i].len, ALIASES("and", "&")))
			return false;
		if (i > end && !ex_cp_upper(ex_cp_at(w[i].s, w[i].len, &k)))
			return false;
	}
	size_t cut = end < n ? (size_t)(w[end].s - s) - 1 : len;
	struct names tmp = *out;
	if (!parse_names(s, cut, &tmp) || tmp.n > 3)
		return false;
	*out = tmp;
	return true;
}

/*
 * The length of a separator between the fields of a credit line at s[i]:
 * "|", or a bullet, middle dot or dash with a space either side.
 */
static size_t spaced_sep(const char *s, size_t len, size_t i)
{
	static const char *const seps[] = { " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x94 ",
	                                    " \xE2\x80\x93 ", NULL };
	for (const char *const *p = seps; *p; p++) {
		size_t n = strlen(*p);
		if (i + n <= len && memcmp(s + i, *p, n) == 0)
			return n;
	}
	return 0;
}

/* A field separator at s[i]: its length, or 0.  Asked of every byte of a line. */
static inline size_t field_sep(const char *s, size_t len, size_t i)
{
	if (s[i] == '|')
		return 1;
	/* every other one is a space and a character of C2 or E2: most bytes stop here */
	return s[i] == ' ' && i + 1 < len &&
	               ((unsigned char)s[i + 1] == 0xC2 || (unsigned char)s[i + 1] == 0xE2)
	           ? spaced_sep(s, len, i) : 0;
}

static bool has_fields(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (field_sep(s, len, i))
			return true;
	return false;
}

/* Split a line into at most max trimmed fields; returns the count. */
static size_t split_fields(const char *s, size_t len, struct word *seg, size_t max)
{
	size_t n = 0;
	for (size_t i = 0, st = 0; i <= len && n < max;) {
		size_t sep = i == len ? 1 : field_sep(s, len, i);
		if (!sep) {
			i++;
			continue;
		}
		size_t a = st, b = i;
		ex_trim_spaces(s, &a, &b);
		seg[n].s = s + a;
		seg[n++].len = b - a;
		i += sep;
		st = i;
	}
	return n;
}

/* A labelled field such as "Source: Xinhua" or "Editor: Zhang Min". */
static bool label_field(const char *s, size_t len)
{
	struct word w[8];
	size_t n = ex_split_words(s, len, w, 8);
	if (n < 2 || n > 6)
		return false;
	for (size_t i = 0; i < 2 && i + 1 < n; i++)
		if (w[i].len > 1 && w[i].s[w[i].len - 1] == ':')
			return true;
	return false;
}

/*
 * A byline in fields: "November 11, 2001|ROBYN DIXON|TIMES STAFF WRITER",
 * "By Ana Ruiz | March 4, 2003", "By Ana Ruiz • Staff Writer • 3 March
 * 2014", "Ana Ruiz — Correspondent — 12 April 2016", in any order.  A bare
 * name counts beside a credit.
 */
static bool byline_fields(const char *s, size_t len, struct names *out, char date[11])
{
	struct word seg[6];
	size_t n = split_fields(s, len, seg, 6);
	bool credit = false, found = false;
	for (size_t k = 0; k < n; k++)
		credit |= ex_credit_line(seg[k].s, seg[k].len) || ex_outlet_exact(seg[k].s, seg[k].len);
	for (size_t k = 0; k < n; k++) {
		char d[11];
		if (seg[k].len == 0)
			continue;
		/* "By Ana Ruiz, Times Staff Writer" is a byline before it is a credit */
		if (ex_date_line(seg[k].s, seg[k].len, d))
			memcpy(date, d, sizeof d);
		else if (byline_line(seg[k].s, seg[k].len, out, d) ||
		         name_role_line(seg[k].s, seg[k].len, out) ||
		         (credit && !ex_credit_line(seg[k].s, seg[k].len) &&
		          !ex_outlet_exact(seg[k].s, seg[k].len) &&
		          ex_names_only_line(seg[k].s, seg[k].len, out)))
			found = true;
	}
	return found;
}

/*
 * The outlet a byline or credit names when the lexicon does not know it:
 * "By Ana Ruiz of the Harbor City Times", "Ana Ruiz, Gazette Staff",
 * "Ledgerport Courier Staff Writer", "Ana Ruiz is a staff writer for The
 * Ledgerport Gazette."  The name must read as a paper's, or
 * with one_word be one paper word ("Gazette"), a weaker sign kept for when
 * nothing else names the page.  Returns it in buf, or NULL.
 */
const char *ex_byline_outlet(const char *s, size_t len, bool one_word, char *buf, size_t cap)
{
	static const char *const roles[] = { "staff", "writer", "writers", "reporter", "reporters",
		"correspondent", "columnist", "contributor", "editor", NULL };
	struct word seg[6];
	size_t parts = 0;
	/* the parts between commas, bars and bullets */
	for (size_t i = 0, st = 0; i <= len && parts < 6; i++) {
		size_t sep = i == len ? 1 : s[i] == ',' ? 1 : field_sep(s, len, i);
		if (!sep)
			continue;
		size_t a = st, b = i;
		ex_trim_spaces(s, &a, &b);
		seg[parts].s = s + a;
		seg[parts++].len = b - a;
		i += sep - 1;
		st = i + 1;
	}
	for (size_t k = 0; k < parts; k++) {
		const char *p = seg[k].s;
		size_t n = seg[k].len;
		/* "... of the Harbor City Times", "... staff writer for The Gazette." */
		static const char *const links[] = { " of ", " for ", " at ", NULL };
		for (const char *const *l = links; *l; l++) {
			size_t at = ex_find_at(p, n, *l, strlen(*l));
			if (at == SIZE_MAX)
				continue;
			const char *x = p + at + strlen(*l);
			size_t xl = n - at - strlen(*l);
			while (xl > 0 && strchr(".;", x[xl - 1]))
				xl--;
			if (ex_starts_ci(x, xl, "the "))
				x += 4, xl -= 4;
			const char *known = ex_outlet_exact(x, xl);
			if (known && strlen(known) < cap)
				return strcpy(buf, known);
			if (xl > 0 && ex_paper_name(x, xl) == xl && ex_copy_name(x, xl, buf, cap))
				return buf;
		}
		struct word w[8];
		size_t nw = ex_split_words(p, n, w, 8), end = nw;
		while (end > 0 && ex_in_list_ci(w[end - 1].s, w[end - 1].len, roles))
			end--;
		if (end == nw || end == 0)
			continue;
		/* "AP Science Writer", "Reuters Health Correspondent": an outlet, then a beat */
		const char *known = ex_outlet_exact(p, (size_t)(w[0].s + w[0].len - p));
		if (known && end <= 3 && strlen(known) < cap) {
			strcpy(buf, known);
			return buf;
		}
		if (end > 4)
			continue;
		size_t xl = (size_t)(w[end - 1].s + w[end - 1].len - p), k2;
		bool paper = ex_paper_name(p, xl) == xl ||
		             (one_word && end == 1 && ex_paper_word(p, xl) && ex_cp_upper(ex_cp_at(p, xl, &k2)));
		if (paper && ex_copy_name(p, xl, buf, cap))
			return buf;
	}
	return NULL;
}

/* "November 11, 2001|From Times Wire Reports": a date beside credits only. */
bool ex_dated_fields(const char *s, size_t len, char date[11])
{
	struct word seg[6];
	bool dated = false;
	if (len > 200 || !has_fields(s, len))
		return false;
	size_t n = split_fields(s, len, seg, 6);
	for (size_t k = 0; k < n; k++) {
		if (seg[k].len == 0 || ex_credit_line(seg[k].s, seg[k].len) ||
		    label_field(seg[k].s, seg[k].len))
			continue;
		if (dated || !ex_date_line(seg[k].s, seg[k].len, date))
			return false;
		dated = true;
	}
	return dated;
}

/* Any of the byline forms; the names go to *out, a date on the line to date. */
/*
 * A copy of a byline without what a broken page left in it: the rest of a
 * terminal colour code whose ESC the text gate took out ("J[0mohn") and
 * printf conversions never filled in ("By %s").  Returns the new length,
 * or 0 when there was nothing to take out.
 */
static size_t without_residue(const char *s, size_t len, char *buf, size_t cap)
{
	size_t o = 0;
	bool cut = false;
	for (size_t i = 0; i < len && o + 1 < cap;) {
		size_t k = i + 1;
		if (s[i] == '[') { /* "[0m", "[1;31m" */
			while (k < len && (ex_is_digit(s[k]) || s[k] == ';'))
				k++;
			if (k < len && s[k] == 'm' && k > i + 1) {
				i = k + 1, cut = true;
				continue;
			}
		} else if (s[i] == '%' && i + 1 < len && strchr("sdiuxf", s[i + 1])) {
			i += 2, cut = true;
			continue;
		}
		if (!(s[i] == ' ' && (o == 0 || buf[o - 1] == ' ')))
			buf[o++] = s[i];
		i++;
	}
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	return cut ? o : 0;
}

/*
 * A Chinese reporter credit: "本报记者 张伟 李娜", "新华社记者：王强".  The
 * names are the words of two to four Han characters after 记者 (reporter).
 */
static bool reporter_credit(const char *s, size_t len, struct names *out)
{
	static const char reporter[] = "\xE8\xAE\xB0\xE8\x80\x85";
	size_t at = ex_find_at(s, len, reporter, 6);
	if (len > 120 || at == SIZE_MAX)
		return false;
	struct names tmp = *out;
	size_t i = at + 6, found = 0;
	while (i < len) {
		size_t n, st = i, chars = 0;
		while (i < len && (s[i] == ' ' || s[i] == ':' ||
		                   ex_find_at(s + i, len - i, "\xEF\xBC\x9A", 3) == 0 ||
		                   ex_find_at(s + i, len - i, "\xE3\x80\x81", 3) == 0))
			i += (unsigned char)s[i] < 0x80 ? 1 : 3; /* space, colons, 、 */
		st = i;
		while (i < len && ex_cp_cjk(ex_cp_at(s + i, len - i, &n)))
			i += n, chars++;
		if (chars == 0 && i < len)
			return false; /* something other than a name */
		if (chars == 0)
			break;
		if (chars < 2 || chars > 4)
			return false;
		struct word w = { s + st, i - st };
		add_name(&tmp, &w, 1, false);
		found++;
	}
	if (found == 0)
		return false;
	*out = tmp;
	return true;
}

/*
 * A byline so broken that no name is left: "By %s %s, %d staff".  It is
 * still the byline's line, so the headline over it stays a headline.
 */
bool ex_broken_byline(const char *s, size_t len)
{
	char clean[256];
	return len < sizeof clean && len > 3 && s[0] == 'B' && ex_starts_ci(s, len, "by ") &&
	       without_residue(s, len, clean, sizeof clean) > 0;
}

bool ex_byline_names(const char *s, size_t len, struct names *out, char date[11])
{
	char clean[256];
	size_t n = len < sizeof clean ? without_residue(s, len, clean, sizeof clean) : 0;
	if (n > 0)
		return ex_byline_names(clean, n, out, date);
	if (reporter_credit(s, len, out))
		return true;
	if (has_fields(s, len))
		return byline_fields(s, len, out, date);
	return byline_line(s, len, out, date) || name_role_line(s, len, out) ||
	       ex_trailer_byline(s, len, out);
}

