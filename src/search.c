/*
 * search: what the user types -> a safe FTS5 expression, and where the
 * matches are in a text.
 *
 * The query is cut into items (a word run, a "phrase", OR, a field:value,
 * each maybe negated with '-'), and every item's text is cut into words
 * the way FTS5's unicode61 tokenizer cuts it: letters, digits, private-use
 * characters and the Latin combining accents are word characters,
 * everything else (punctuation, symbols, controls, invalid bytes) separates
 * words.  An item's words are emitted as one double-quoted FTS5 string, so
 * "U.S." becomes the phrase "U S" just as the index holds it, and nothing
 * the user types can be FTS5 syntax: the emitted expression holds only
 * quoted words, AND, OR, NOT, parentheses, column filters and '*'.
 *
 * Rules where the query syntax has to decide:
 *  - Items are ANDed.  OR (upper case, a word of its own) joins the
 *    positive items on either side into one group: `a OR b c` is
 *    (a OR b) AND c.  An OR at the start or end, doubled, or next to a
 *    negative item is ignored; lower-case "or" is a word.
 *  - A negative item (-word, -"phrase", -by:name) excludes.  FTS5 can only
 *    subtract from something, so a query with no positive item has no
 *    match expression at all (match NULL): its negatives are dropped.
 *  - after:/before: take YYYY-MM-DD (quoted or not) and must be a real
 *    date; anything else (including a date still being typed) is ignored.
 *    -after:D means before:D and -before:D means after:D (after is
 *    inclusive, before exclusive, so that is exact).  Repeated limits
 *    narrow: the latest after and the earliest before win.
 *  - An empty field (`source:`) or an item with no words ("--", "!!") is
 *    dropped.
 *  - While typing, the last item is a prefix when it runs to the end of the
 *    input, is not negative, is not a closed quote, and its last word has
 *    four characters or more: "new york" searches new AND york*, "new
 *    york " searches new AND york, and "new yor" new AND yor.  Up to three
 *    letters are left whole because every word of so short a prefix would
 *    have to be merged before the first hit, and the store keeps no prefix
 *    index (schema 6: they were half its size): at 10^5 articles "rea*"
 *    costs a keystroke 46 CPU-ms, "re*" 180, "read*" 3.6, and it grows
 *    with N; "rea*" typed out still asks for it.
 */
#include "folio/folio.h"

#include <assert.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "folio/search.h"
#include "folio/text.h"

/* While typing, a last word this long (in characters) or longer is a prefix. */
#define TYPED_PREFIX_MIN 4

enum field { FIELD_NONE, FIELD_SOURCE, FIELD_BY, FIELD_TITLE, FIELD_AFTER, FIELD_BEFORE, FIELD_TAG };

static const struct {
	const char *prefix;   /* as typed, case-blind, with its colon */
	const char *column;   /* the FTS5 column it filters on */
} fields[] = {
	[FIELD_NONE] = { NULL, NULL },
	[FIELD_SOURCE] = { "source:", "source" },
	[FIELD_BY] = { "by:", "byline" },
	[FIELD_TITLE] = { "title:", "title" },
	[FIELD_AFTER] = { "after:", NULL },
	[FIELD_BEFORE] = { "before:", NULL },
	[FIELD_TAG] = { "tag:", NULL },
};

/* One parsed item of the query. */
struct item {
	bool is_or;
	bool negative;
	bool prefix;
	bool open;        /* unquoted or an unclosed quote: typing may make it a prefix */
	bool at_end;      /* its text runs to the end of the input */
	enum field field;
	char *words;      /* its words, separated by single spaces; never empty */
};

/* A character FTS5's unicode61 tokenizer keeps inside a word. */
static bool is_word_char(ucs4_t c)
{
	if (c >= 0x300 && c <= 0x36f)
		return true; /* the accents remove_diacritics folds away */
	return uc_is_general_category(c, UC_LETTER) || uc_is_general_category(c, UC_NUMBER) ||
	       uc_is_general_category(c, UC_PRIVATE_USE);
}

/* What separates items: spaces and controls (tabs, newlines pasted in). */
static bool is_space(ucs4_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || uc_is_space(c) ||
	       uc_is_general_category(c, UC_SPACE_SEPARATOR);
}

/* The character at s (of n > 0 bytes); invalid bytes read as U+FFFD, one at a time. */
static size_t next_char(const char *s, size_t n, ucs4_t *c)
{
	int len = u8_mbtouc(c, (const uint8_t *)s, n);
	return len > 0 ? (size_t)len : 1;
}

/* The words of s[0..n) joined by single spaces, or NULL (with *ok kept) when there are none. */
static char *words_of(const char *s, size_t n, bool *ok)
{
	struct folio_buf b = { 0 };
	bool in_word = false;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t len = next_char(s + i, n - i, &c);
		if (is_word_char(c)) {
			if (!in_word && b.len > 0)
				folio_buf_add(&b, " ", 1);
			folio_buf_add(&b, s + i, len);
			in_word = true;
		} else {
			in_word = false;
		}
		i += len;
	}
	if (b.oom)
		*ok = false;
	return b.len ? folio_buf_finish(&b, NULL) : NULL; /* NULL when nothing was added */
}

/* s[0..n) is YYYY-MM-DD naming a day an article may have (util's calendar). */
static bool is_date(const char *s, size_t n)
{
	int y, m, d;
	return n == 10 && folio_date_iso(s, n, &y, &m, &d);
}

/* Keep the narrower of a limit already set and a new one. */
static int set_limit(char **limit, const char *date, bool keep_later)
{
	if (*limit && (strcmp(date, *limit) > 0) != keep_later)
		return 0;
	char *copy = strndup(date, 10);
	if (!copy)
		return -1;
	free(*limit);
	*limit = copy;
	return 0;
}

struct parser {
	const char *in;
	size_t len, pos;
	struct item *items;
	size_t n, cap;
	struct folio_query *q;
};

FOLIO_DEFINE_GROW(grow_items, struct item)

/* Keep the first thing wrong with the query, as a sentence naming the word. */
static int note_problem(struct parser *p, const char *fmt, const char *word, size_t n)
{
	if (p->q->problem)
		return 0;
	char *escaped = folio_text_escape(word, n);
	if (!escaped || asprintf(&p->q->problem, fmt, escaped) < 0) {
		p->q->problem = NULL;
		free(escaped);
		return -1;
	}
	free(escaped);
	return 0;
}

/* Letters and a colon at s, then more: what an operator looks like.  The length of
 * "name:" when s starts so, else 0. */
static size_t operator_like(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	if (i == 0 || i + 1 >= n || s[i] != ':' || s[i + 1] == ' ')
		return 0;
	return i + 1;
}

static int add_item(struct parser *p, const struct item *it)
{
	if (!grow_items(&p->items, &p->cap, p->n + 1))
		return -1;
	p->items[p->n++] = *it;
	return 0;
}

static enum field field_at(const char *s, size_t n, size_t *used)
{
	for (size_t f = FIELD_SOURCE; f <= FIELD_TAG; f++) {
		size_t plen = strlen(fields[f].prefix);
		if (n >= plen && strncasecmp(s, fields[f].prefix, plen) == 0) {
			*used = plen;
			return (enum field)f;
		}
	}
	return FIELD_NONE;
}

/* Read one item starting at p->pos (not a space); returns -1 when memory runs out. */
static int parse_item(struct parser *p)
{
	const char *in = p->in;
	size_t len = p->len, start, end, used;
	struct item it = { 0 };
	bool ok = true;

	if (in[p->pos] == '-' && p->pos + 1 < len) {
		ucs4_t c;
		next_char(in + p->pos + 1, len - p->pos - 1, &c);
		if (!is_space(c)) {
			it.negative = true;
			p->pos++;
		}
	}
	if (!it.negative && len - p->pos >= 2 && memcmp(in + p->pos, "OR", 2) == 0) {
		ucs4_t c = ' ';
		if (p->pos + 2 < len)
			next_char(in + p->pos + 2, len - p->pos - 2, &c);
		if (is_space(c)) {
			p->pos += 2;
			it.is_or = true;
			return add_item(p, &it);
		}
	}
	size_t field_start = p->pos;
	it.field = field_at(in + p->pos, len - p->pos, &used);
	if (it.field != FIELD_NONE) {
		p->pos += used;
	} else if ((used = operator_like(in + p->pos, len - p->pos)) &&
	           note_problem(p, "unknown operator '%s' (put the word in quotes to search for it)",
	                        in + p->pos, used) != 0) {
		return -1;
	}

	if (p->pos < len && in[p->pos] == '"') {
		start = ++p->pos;
		const char *close = memchr(in + start, '"', len - start);
		end = close ? (size_t)(close - in) : len;
		it.open = !close;
		it.at_end = !close;
		p->pos = close ? end + 1 : len;
		if (p->pos < len && in[p->pos] == '*') {
			it.prefix = true;
			p->pos++;
		}
	} else {
		/* a bare run ends at a space or a quote, which starts the next item */
		start = p->pos;
		while (p->pos < len && in[p->pos] != '"') {
			ucs4_t c;
			size_t clen = next_char(in + p->pos, len - p->pos, &c);
			if (is_space(c))
				break;
			p->pos += clen;
		}
		end = p->pos;
		it.open = true;
		it.at_end = end == len;
		while (end > start && in[end - 1] == '*') {
			it.prefix = true;
			end--;
		}
	}

	if (it.field == FIELD_AFTER || it.field == FIELD_BEFORE) {
		if (!is_date(in + start, end - start))
			return note_problem(p, "%s is not a date: after: and before: take YYYY-MM-DD",
			                    in + field_start, p->pos - field_start);
		/* "not after D" is "before D": after is inclusive, before exclusive */
		bool after = (it.field == FIELD_AFTER) != it.negative;
		return after ? set_limit(&p->q->after, in + start, true)
		             : set_limit(&p->q->before, in + start, false);
	}
	if (it.field == FIELD_TAG) {
		/* a tag is a name, kept as typed (the store compares it case-blind) */
		if (it.negative || p->q->tag || end == start)
			return note_problem(p, "%s: one tag:NAME a query, not negated",
			                    in + field_start, p->pos - field_start);
		return (p->q->tag = strndup(in + start, end - start)) ? 0 : -1;
	}
	it.words = words_of(in + start, end - start, &ok);
	if (!ok)
		return -1;
	if (!it.words)
		return 0;
	if (add_item(p, &it) != 0) {
		free(it.words);
		return -1;
	}
	return 0;
}

/* Append one item as FTS5: [column : ] "words" [*]. */
static void emit_item(struct folio_buf *b, const struct item *it)
{
	if (fields[it->field].column) {
		folio_buf_str(b, fields[it->field].column);
		folio_buf_str(b, " : ");
	}
	/* words hold no '"' today; doubling keeps the quoting right if that changes */
	folio_buf_add(b, "\"", 1);
	for (const char *s = it->words; *s; s++)
		folio_buf_add(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
	folio_buf_add(b, "\"", 1);
	if (it->prefix)
		folio_buf_add(b, "*", 1);
}

/*
 * Build the expression: positive items in OR groups joined by AND, then
 * NOT for each negative item.  Leaves b empty when there is no positive item.
 */
static void emit(struct folio_buf *b, const struct item *items, size_t n)
{
	const struct item **pos = malloc((n ? n : 1) * sizeof *pos);
	bool *joined = malloc(n ? n : 1); /* pos[i] is ORed to pos[i - 1] */
	size_t npos = 0, groups = 0, negatives = 0;
	bool or_pending = false, last_positive = false;

	if (!pos || !joined) {
		b->oom = true;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (items[i].is_or) {
			or_pending = last_positive;
		} else if (items[i].negative) {
			negatives++;
			or_pending = last_positive = false;
		} else {
			joined[npos] = or_pending;
			groups += !or_pending;
			pos[npos++] = &items[i];
			or_pending = false;
			last_positive = true;
		}
	}
	if (npos == 0)
		goto out;

	bool wrap = negatives > 0 && groups > 1;
	if (wrap)
		folio_buf_add(b, "(", 1);
	for (size_t i = 0; i < npos;) {
		size_t end = i + 1;
		while (end < npos && joined[end])
			end++;
		if (i > 0)
			folio_buf_str(b, " AND ");
		if (end - i > 1)
			folio_buf_add(b, "(", 1);
		for (size_t k = i; k < end; k++) {
			if (k > i)
				folio_buf_str(b, " OR ");
			emit_item(b, pos[k]);
		}
		if (end - i > 1)
			folio_buf_add(b, ")", 1);
		i = end;
	}
	if (wrap)
		folio_buf_add(b, ")", 1);
	for (size_t i = 0; i < n; i++) {
		if (items[i].negative) {
			folio_buf_str(b, " NOT ");
			emit_item(b, &items[i]);
		}
	}
out:
	free(pos);
	free(joined);
}

/* The highlight terms: positive items but source:, folded and re-cut into words. */
static int collect_terms(struct folio_query *q, const struct item *items, size_t n)
{
	q->terms = calloc(n ? n : 1, sizeof *q->terms);
	if (!q->terms)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
		size_t flen;
		bool ok = true;
		if (it->is_or || it->negative || it->field == FIELD_SOURCE)
			continue;
		char *folded = folio_text_fold(it->words, strlen(it->words), &flen, NULL);
		if (!folded)
			return -1;
		char *words = words_of(folded, flen, &ok);
		free(folded);
		if (!ok)
			return -1;
		if (!words)
			continue;
		q->terms[q->nterms].text = words;
		q->terms[q->nterms].prefix = it->prefix;
		q->nterms++;
	}
	return 0;
}

int folio_search_parse(const char *input, bool typing, struct folio_query *q)
{
	struct parser p = { .in = input ? input : "", .q = q };
	struct folio_buf expr = { 0 };
	int rc = -1;

	assert(q);
	memset(q, 0, sizeof *q);
	p.len = strlen(p.in);
	while (p.pos < p.len) {
		ucs4_t c;
		size_t clen = next_char(p.in + p.pos, p.len - p.pos, &c);
		if (is_space(c)) {
			p.pos += clen;
			continue;
		}
		if (parse_item(&p) != 0)
			goto out;
	}
	if (typing && p.n > 0) {
		struct item *last = &p.items[p.n - 1];
		if (!last->is_or && !last->negative && last->open && last->at_end) {
			const char *word = strrchr(last->words, ' ');
			word = word ? word + 1 : last->words;
			if (u8_mbsnlen((const uint8_t *)word, strlen(word)) >= TYPED_PREFIX_MIN)
				last->prefix = true;
		}
	}
	emit(&expr, p.items, p.n);
	if (expr.oom || collect_terms(q, p.items, p.n) != 0)
		goto out;
	if (expr.len && !(q->match = folio_buf_finish(&expr, NULL)))
		goto out;
	q->empty = !q->match && !q->after && !q->before && !q->tag;
	rc = 0;
out:
	for (size_t i = 0; i < p.n; i++)
		free(p.items[i].words);
	free(p.items);
	folio_buf_free(&expr);
	if (rc != 0)
		folio_query_free(q);
	return rc;
}

void folio_query_free(struct folio_query *q)
{
	if (!q)
		return;
	free(q->match);
	free(q->after);
	free(q->before);
	free(q->problem);
	free(q->tag);
	for (size_t i = 0; i < q->nterms; i++)
		free(q->terms[i].text);
	free(q->terms);
	memset(q, 0, sizeof *q);
}

/* Where words start and end in a folded text, one flag byte per text byte. */
enum { WORD_START = 1, WORD_END = 2 };

static unsigned char *word_bounds(const char *s, size_t n)
{
	unsigned char *flags = calloc(n + 1, 1);
	bool in_word = false;

	if (!flags)
		return NULL;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t len = next_char(s + i, n - i, &c);
		bool word = is_word_char(c);
		if (word && !in_word)
			flags[i] |= WORD_START;
		if (!word && in_word)
			flags[i] |= WORD_END;
		in_word = word;
		i += len;
	}
	if (in_word)
		flags[n] |= WORD_END;
	return flags;
}

/*
 * Whether term matches the folded text f at i (a word start); *end gets
 * the end of the match.  A phrase's words may be separated by any run of
 * non-word characters; every word but a prefix term's last must end where
 * a word ends, and a prefix term's last runs on to the end of its word.
 */
static bool match_at(const struct folio_term *term, const char *f, size_t n,
                     const unsigned char *flags, size_t i, size_t *end)
{
	const char *w = term->text;

	for (;;) {
		const char *space = strchr(w, ' ');
		size_t wlen = space ? (size_t)(space - w) : strlen(w);
		if (!(flags[i] & WORD_START) || n - i < wlen || memcmp(f + i, w, wlen) != 0)
			return false;
		i += wlen;
		if (!space) {
			if (!term->prefix && !(flags[i] & WORD_END))
				return false;
			/* a prefix covers the whole word it matched: "gran*" marks "Granite" */
			while (i < n && !(flags[i] & WORD_END))
				i++;
			*end = i;
			return true;
		}
		if (!(flags[i] & WORD_END))
			return false;
		while (i < n && !(flags[i] & WORD_START))
			i++;
		if (i == n)
			return false;
		w = space + 1;
	}
}

static int by_start(const void *a, const void *b)
{
	const struct folio_span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

FOLIO_DEFINE_GROW(grow_spans, struct folio_span)

size_t folio_search_highlight(const struct folio_query *q, const char *text, size_t len,
                              struct folio_span **spans)
{
	struct folio_span *v = NULL;
	size_t n = 0, cap = 0, flen = 0, *map = NULL;
	unsigned char *flags = NULL;
	char *f = NULL;

	assert(q && spans);
	*spans = NULL;
	if (q->nterms == 0 || !text || len == 0)
		return 0;
	f = folio_text_fold(text, len, &flen, &map);
	if (!f || !(flags = word_bounds(f, flen)))
		goto fail;

	for (size_t t = 0; t < q->nterms; t++) {
		const struct folio_term *term = &q->terms[t];
		assert(term->text && term->text[0]);
		for (size_t i = 0; i < flen; i++) {
			size_t end;
			if (!(flags[i] & WORD_START) || !match_at(term, f, flen, flags, i, &end))
				continue;
			/* a prefix may end inside what one character folded to ("ß" -> "ss") */
			while (end < flen && end > i && map[end] == map[end - 1])
				end++;
			if (map[end] <= map[i])
				continue;
			if (!grow_spans(&v, &cap, n + 1))
				goto fail;
			v[n].start = map[i];
			v[n].len = map[end] - map[i];
			n++;
		}
	}
	free(f);
	free(map);
	free(flags);
	if (n == 0) {
		free(v);
		return 0;
	}

	qsort(v, n, sizeof *v, by_start);
	size_t out = 0;
	for (size_t i = 1; i < n; i++) {
		size_t last_end = v[out].start + v[out].len;
		if (v[i].start <= last_end) {
			size_t e = v[i].start + v[i].len;
			if (e > last_end)
				v[out].len = e - v[out].start;
		} else {
			v[++out] = v[i];
		}
	}
	*spans = v;
	return out + 1;

fail:
	/* out of memory: no highlight is better than a wrong one */
	free(f);
	free(map);
	free(flags);
	free(v);
	return 0;
}

/* ---- an article's words ------------------------------------------------ */

static int by_word(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_count(const void *a, const void *b)
{
	const struct folio_word_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->word, y->word);
}

FOLIO_DEFINE_GROW(grow_ptrs, char *)
FOLIO_DEFINE_GROW(grow_counts, struct folio_word_count)

int folio_search_words(const char *text, size_t len, struct folio_word_count **words,
                       size_t *n)
{
	size_t flen;
	bool ok = true;
	char *folded = folio_text_fold(text, len, &flen, NULL);
	char *all = folded ? words_of(folded, flen, &ok) : NULL;
	char **list = NULL;
	size_t nlist = 0, cap = 0;
	struct folio_word_count *out = NULL;
	size_t nout = 0, ocap = 0;

	*words = NULL;
	*n = 0;
	free(folded);
	if (!folded || !ok)
		return -1;
	for (char *w = all; w && *w;) {
		char *sp = strchr(w, ' ');
		if (sp)
			*sp = '\0';
		size_t chars = u8_mbsnlen((const uint8_t *)w, strlen(w));
		if (chars >= 3 && strspn(w, "0123456789") < strlen(w)) {
			if (!grow_ptrs(&list, &cap, nlist + 1)) {
				ok = false;
				break;
			}
			list[nlist++] = w;
		}
		w = sp ? sp + 1 : w + strlen(w);
	}
	if (ok && nlist)
		qsort(list, nlist, sizeof *list, by_word);
	for (size_t i = 0; ok && i < nlist; i++) {
		if (nout && strcmp(out[nout - 1].word, list[i]) == 0) {
			out[nout - 1].count++;
			continue;
		}
		if (!grow_counts(&out, &ocap, nout + 1) || !(out[nout].word = strdup(list[i]))) {
			ok = false;
			break;
		}
		out[nout++].count = 1;
	}
	free(list);
	free(all);
	if (!ok) {
		folio_search_words_free(out, nout);
		return -1;
	}
	if (nout)
		qsort(out, nout, sizeof *out, by_count);
	*words = out;
	*n = nout;
	return 0;
}

void folio_search_words_free(struct folio_word_count *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(words[i].word);
	free(words);
}
