/*
 * text: the one gate between untrusted bytes and the store or the screen.
 *
 * Everything Unicode comes from libunistring (decoding, NFC, widths, UAX #14
 * line breaks, case folding), and the guess at a legacy charset from
 * uchardet; this file only decides policy:
 *
 *  - which code points may reach a terminal (folio_text_removes(), in
 *    the header, so extract walking a page drops exactly the same);
 *  - what a "cluster" is for cutting text: one code point plus every
 *    following zero-width or combining one, so a cut never strands a mark
 *    or a joiner away from its base;
 *  - how a file's encoding is guessed (see folio_text_decode() in the
 *    header).
 *
 * Clean runs in up to three passes: filter (decode, drop, map newlines),
 * NFC, cap combining runs.  Text with no code point at or above U+0300,
 * other than a few blocks NFC never touches (nfc_inert()), is already NFC
 * and has no combining marks, so it stops after the first pass; that keeps
 * the common case (Latin text with curly quotes, say) to one linear copy.
 *
 * The only global is the ASCII-only flag, set once at start-up.
 */
#include "folio/folio.h"

#include "folio/text.h"

#include "folio/libs.h"

#include <assert.h>
#include <strings.h>

#include <unictype.h>
#include <unilbrk.h>
#include <unicase.h>
#include <uniconv.h>
#include <uninorm.h>
#include <unistr.h>
#include <unistring/version.h>
#include <uniwidth.h>

/* libunistring's uc_width() treats ambiguous-width characters as wide only
 * for CJK legacy encodings; naming UTF-8 makes widths locale-independent. */
#define WIDTH_ENCODING "UTF-8"

#define REPLACEMENT 0xFFFD
#define BINARY_SCAN_LIMIT (64 * 1024)
/* uchardet is sure of a page's charset long before 64 KiB, and unsure with
   fewer than a dozen bytes outside ASCII */
#define CHARSET_SCAN_LIMIT (64 * 1024)
#define CHARSET_MIN_HIGH 12

static bool ascii_only;

/* ---- character classes ---------------------------------------------- */

/*
 * Code points at or above U+0300 that NFC leaves alone wherever they stand:
 * no canonical decomposition, combining class 0, never the second half of a
 * composition, and not marks.  Blocks common in news text (punctuation such
 * as curly quotes, dashes and bullets; currency; CJK ideographs; emoji), so
 * one of them does not send a whole article through u8_normalize, which
 * otherwise costs a quarter of extraction.  test_text checks every code
 * point against libunistring's NFC, so a wrong range here fails there.
 */
static bool nfc_inert(ucs4_t uc)
{
	return (uc >= 0x2010 && uc <= 0x2027) || (uc >= 0x2030 && uc <= 0x205E) ||
	       (uc >= 0x20A0 && uc <= 0x20C0) || (uc >= 0x4E00 && uc <= 0x9FFF) ||
	       (uc >= 0x1F300 && uc <= 0x1FAFF);
}

/* Counted towards FOLIO_TEXT_MAX_COMBINING: marks, and ZWJ, which stacks
 * on the same cell just as well when repeated. */
static bool counts_as_combining(ucs4_t uc)
{
	return uc >= 0x300 && (uc == 0x200D || uc_is_general_category(uc, UC_CATEGORY_M));
}

static int char_width(ucs4_t uc)
{
	if (uc < 0x80)
		return uc >= 0x20 && uc < 0x7F ? 1 : 0;
	int w = uc_width(uc, WIDTH_ENCODING);
	return w < 0 ? 0 : w;
}

/* Stays with the character before it when text is cut. */
static bool is_attached(ucs4_t uc)
{
	if (uc < 0xA0)
		return false;
	return uc_width(uc, WIDTH_ENCODING) == 0 || uc_is_general_category(uc, UC_CATEGORY_M);
}

/* Decode one code point; invalid bytes read as U+FFFD, always progressing. */
static size_t next_uc(const uint8_t *s, size_t len, size_t pos, ucs4_t *uc)
{
	assert(pos < len);
	if (s[pos] < 0x80) {
		*uc = s[pos];
		return 1;
	}
	int n = u8_mbtouc(uc, s + pos, len - pos);
	assert(n > 0);
	return (size_t)n;
}

/* End of the cluster starting at pos; *width gets its columns. */
static size_t cluster_end(const uint8_t *s, size_t len, size_t pos, int *width)
{
	ucs4_t uc;
	pos += next_uc(s, len, pos, &uc);
	int w = char_width(uc);
	while (pos < len && s[pos] >= 0x80) {
		size_t n = next_uc(s, len, pos, &uc);
		if (!is_attached(uc))
			break;
		w += char_width(uc);
		pos += n;
	}
	*width = w;
	return pos;
}

/* ---- clean ------------------------------------------------------------ */

/*
 * Pass 1: invalid -> U+FFFD, drop what folio_text_removes() says, newlines and
 * tabs kept or turned to spaces.  With crlf, CR LF and a lone CR read as a
 * newline (for files; clean() on its own removes CR like any control).
 * *needs_nfc is set when a code point may change under NFC or be a mark:
 * any at or above U+0300 but the inert ones.
 */
static char *filter(const uint8_t *s, size_t len, bool keep_newlines, bool crlf,
                    size_t *out_len, bool *needs_nfc)
{
	struct folio_buf b;
	folio_buf_init(&b, len);
	*needs_nfc = false;
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			/* printable ASCII, most of any text, is kept as it is: a run at a time */
			size_t j = i + 1;
			while (j < len && s[j] >= 0x20 && s[j] < 0x7F)
				j++;
			folio_buf_add(&b, s + i, j - i);
			i = j;
			continue;
		}
		i += next_uc(s, len, i, &uc);
		if (uc == '\r' && crlf) {
			if (i < len && s[i] == '\n')
				i++;
			uc = '\n';
		}
		if (uc == 0x2028 || uc == 0x2029)
			uc = '\n';  /* Unicode's own line and paragraph separators */
		if (uc == '\n' || uc == '\t') {
			folio_buf_byte(&b, keep_newlines ? (char)uc : ' ');
			continue;
		}
		if (folio_text_removes(uc))
			continue;
		if (uc >= 0x300 && !nfc_inert(uc))
			*needs_nfc = true;
		folio_buf_uc(&b, uc);
	}
	return folio_buf_finish(&b, out_len);
}

/* Pass 3: keep at most FOLIO_TEXT_MAX_COMBINING marks after each base. */
static char *cap_combining(const uint8_t *s, size_t len, size_t *out_len)
{
	struct folio_buf b;
	folio_buf_init(&b, len);
	int run = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		size_t n = next_uc(s, len, i, &uc);
		if (counts_as_combining(uc)) {
			if (++run <= FOLIO_TEXT_MAX_COMBINING)
				folio_buf_add(&b, s + i, n);
		} else {
			run = 0;
			folio_buf_add(&b, s + i, n);
		}
		i += n;
	}
	return folio_buf_finish(&b, out_len);
}

static char *clean(const char *s, size_t len, bool keep_newlines, bool crlf, size_t *out_len)
{
	size_t flen;
	bool needs_nfc;
	char *filtered = filter((const uint8_t *)s, len, keep_newlines, crlf, &flen, &needs_nfc);
	if (!filtered || !needs_nfc) {
		if (filtered && out_len)
			*out_len = flen;
		return filtered;
	}
	size_t nlen;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)filtered, flen, NULL, &nlen);
	free(filtered);
	if (!nfc)
		return NULL;
	char *capped = cap_combining(nfc, nlen, out_len);
	free(nfc);
	return capped;
}

char *folio_text_clean(const char *s, size_t len, bool keep_newlines, size_t *out_len)
{
	return clean(s, len, keep_newlines, false, out_len);
}

char *folio_text_url(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
		len--;
	size_t scheme = len >= 8 && strncasecmp(s, "https://", 8) == 0 ? 8
	              : len >= 7 && strncasecmp(s, "http://", 7) == 0 ? 7 : 0;
	if (!scheme || len == scheme || len > 2048 || s[scheme] == '/')
		return NULL;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return NULL;
	char *clean = folio_text_clean(s, len, false, NULL);
	if (clean && strcspn(clean, " ") != strlen(clean)) { /* cleaning made a space: not one */
		free(clean);
		return NULL;
	}
	return clean;
}

bool folio_text_is_clean(const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s;
	bool needs_nfc = false;
	bool checked = false; /* u8_check from the first byte that is not ASCII */
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		/* ASCII, most of any text, is clean unless it is a control: nothing to decode */
		if (u[i] < 0x80) {
			if (folio_text_removes(u[i]) && u[i] != '\n' && u[i] != '\t')
				return false;
			i++;
			continue;
		}
		if (!checked && u8_check(u + i, len - i))
			return false;
		checked = true;
		i += next_uc(u, len, i, &uc);
		if ((folio_text_removes(uc) && uc != '\n' && uc != '\t') || uc == 0x2028 || uc == 0x2029)
			return false;
		if (uc >= 0x300 && !nfc_inert(uc))
			needs_nfc = true;
	}
	if (!needs_nfc)
		return true;
	/* Rare (marks, scripts NFC may change): what clean makes of it must be it. */
	size_t clen;
	char *cleaned = clean(s, len, true, false, &clen);
	bool same = cleaned && clen == len && memcmp(cleaned, s, len) == 0;
	free(cleaned);
	return same;
}

/* ---- decode ----------------------------------------------------------- */

/* Windows-1252 0x80-0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static void from_cp1252(struct folio_buf *b, const uint8_t *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t c = s[i];
		if (c < 0x80)
			folio_buf_byte(b, (char)c);
		else if (c < 0xA0)
			folio_buf_uc(b, cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : REPLACEMENT);
		else
			folio_buf_uc(b, c);
	}
}

/* UTF-16 after its BOM: unpaired surrogates and an odd last byte -> U+FFFD. */
static void from_utf16(struct folio_buf *b, const uint8_t *s, size_t len, bool big_endian)
{
	size_t i = 0;
	while (i + 1 < len) {
		ucs4_t u = big_endian ? (ucs4_t)(s[i] << 8 | s[i + 1]) : (ucs4_t)(s[i + 1] << 8 | s[i]);
		i += 2;
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
			ucs4_t lo = big_endian ? (ucs4_t)(s[i] << 8 | s[i + 1])
			                       : (ucs4_t)(s[i + 1] << 8 | s[i]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		folio_buf_uc(b, u >= 0xD800 && u <= 0xDFFF ? REPLACEMENT : u);
	}
	if (i < len)
		folio_buf_uc(b, REPLACEMENT);
}

/*
 * Invalid UTF-8 is read as Windows-1252 only when invalid sequences
 * outnumber valid multibyte ones: a 1252 file's accented letters are almost
 * all invalid UTF-8, while a damaged UTF-8 file has far more good sequences
 * than bad ones and is better repaired with U+FFFD.
 */
static bool looks_like_cp1252(const uint8_t *s, size_t len)
{
	size_t valid = 0, invalid = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t uc;
		if (u8_mbtoucr(&uc, s + i, len - i) > 0)
			valid++;
		else
			invalid++;
		/* step over a bad sequence the way the repair will, so it counts once */
		i += (size_t)u8_mbtouc(&uc, s + i, len - i);
	}
	return invalid > valid;
}

/* Western single-byte charsets, which from_cp1252() reads as well as iconv would. */
static bool western(const char *charset)
{
	static const char *const names[] = { "WINDOWS-1252", "ISO-8859-1", "ISO-8859-15", "ASCII",
		"UTF-8", NULL };
	for (const char *const *n = names; *n; n++)
		if (strcasecmp(charset, *n) == 0)
			return true;
	return false;
}

bool folio_text_guess_charset(const char *bytes, size_t len, char name[FOLIO_CHARSET_CAP],
                              const char **why)
{
	if (folio_uchardet(why) != 0)
		return false;
	uchardet_t ud = folio_chardet.uchardet_new();
	if (!ud)
		return false;
	size_t n = len < CHARSET_SCAN_LIMIT ? len : CHARSET_SCAN_LIMIT;
	bool ok = folio_chardet.uchardet_handle_data(ud, bytes, n) == 0;
	folio_chardet.uchardet_data_end(ud);
	const char *cs = ok ? folio_chardet.uchardet_get_charset(ud) : NULL;
	ok = cs && cs[0] && strlen(cs) < FOLIO_CHARSET_CAP;
	if (ok)
		strcpy(name, cs);
	folio_chardet.uchardet_delete(ud);
	return ok;
}

/*
 * Bytes in a legacy charset uchardet recognises, converted to UTF-8; NULL
 * when it names none, a Western one (Windows-1252 is read below), or one
 * iconv does not know, or (*why set) when uchardet cannot be loaded.
 */
static char *from_guessed_charset(const char *bytes, size_t len, size_t *ulen, const char **why)
{
	/* a guess needs letters to go on: a few stray bytes are 1252 punctuation */
	size_t high = 0;
	for (size_t i = 0; i < len && i < CHARSET_SCAN_LIMIT; i++)
		high += (unsigned char)bytes[i] >= 0x80;
	char cs[FOLIO_CHARSET_CAP];
	if (high < CHARSET_MIN_HIGH || !folio_text_guess_charset(bytes, len, cs, why) || western(cs))
		return NULL;
	return (char *)u8_conv_from_encoding(cs, iconveh_question_mark, bytes, len, NULL, NULL, ulen);
}

char *folio_text_decode(const char *bytes, size_t len, size_t *out_len, const char **why)
{
	*why = NULL;
	const uint8_t *s = (const uint8_t *)bytes;
	bool le = len >= 2 && s[0] == 0xFF && s[1] == 0xFE;
	bool be = len >= 2 && s[0] == 0xFE && s[1] == 0xFF;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return clean(bytes + 3, len - 3, true, true, out_len);
	if (!le && !be && (u8_check(s, len) == NULL || !looks_like_cp1252(s, len)))
		return clean(bytes, len, true, true, out_len);

	size_t ulen;
	char *utf8 = le || be ? NULL : from_guessed_charset(bytes, len, &ulen, why);
	if (*why)
		return NULL; /* not read as 1252 when it is likely something else */
	if (!utf8) {
		struct folio_buf b;
		folio_buf_init(&b, len + len / 2);
		if (le || be)
			from_utf16(&b, s + 2, len - 2, be);
		else
			from_cp1252(&b, s, len);
		utf8 = folio_buf_finish(&b, &ulen);
	}
	if (!utf8)
		return NULL;
	char *out = clean(utf8, ulen, true, true, out_len);
	free(utf8);
	return out;
}

const char *folio_text_wide_form(const char *bytes, size_t len, size_t *bom)
{
	const uint8_t *s = (const uint8_t *)bytes;
	*bom = 0;
	if (len < 2)
		return NULL;
	if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)
		return *bom = 4, "UTF-32BE";
	if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)
		return *bom = 4, "UTF-32LE";
	if (s[0] == 0xFE && s[1] == 0xFF)
		return *bom = 2, "UTF-16BE";
	if (s[0] == 0xFF && s[1] == 0xFE)
		return *bom = 2, "UTF-16LE";
	if (len < 4)
		return NULL;
	/* No BOM: markup's first character ('<' or white space) in each form. */
#define MARKUP_START(c) ((c) == '<' || (c) == ' ' || (c) == '\n' || (c) == '\r' || (c) == '\t')
	bool a0 = MARKUP_START(s[0]), a1 = MARKUP_START(s[1]), a3 = MARKUP_START(s[3]);
#undef MARKUP_START
	if (!s[0] && !s[1] && !s[2] && a3)
		return "UTF-32BE";
	if (a0 && !s[1] && !s[2] && !s[3])
		return "UTF-32LE";
	if (!s[0] && a1 && !s[2])
		return "UTF-16BE";
	if (a0 && !s[1] && !s[3])
		return "UTF-16LE";
	return NULL;
}

bool folio_text_is_binary(const char *bytes, size_t len)
{
	const uint8_t *s = (const uint8_t *)bytes;
	size_t bom;
	if (folio_text_wide_form(bytes, len, &bom))
		return false;  /* UTF-16 or UTF-32: its NUL bytes are text */
	size_t n = len < BINARY_SCAN_LIMIT ? len : BINARY_SCAN_LIMIT;
	size_t controls = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == 0)
			return true;
		if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
			controls++;
	}
	return controls * 10 > n;
}

/* ---- display and measuring -------------------------------------------- */

void folio_text_set_ascii_only(bool on)
{
	ascii_only = on;
}

bool folio_text_ascii_only(void)
{
	return ascii_only;
}

/* A cluster with an ASCII base keeps the base and loses its marks; any
 * other cluster becomes one '?'. */
static char *to_ascii(const uint8_t *s, size_t len, size_t *out_len)
{
	struct folio_buf b;
	folio_buf_init(&b, len);
	for (size_t i = 0; i < len;) {
		int w;
		size_t end = cluster_end(s, len, i, &w);
		folio_buf_byte(&b, s[i] < 0x80 ? (char)s[i] : '?');
		i = end;
	}
	return folio_buf_finish(&b, out_len);
}

char *folio_text_display(const char *s, size_t len, size_t *out_len)
{
	size_t clen;
	char *cleaned = clean(s, len, false, false, &clen);
	if (!cleaned || !ascii_only) {
		if (cleaned && out_len)
			*out_len = clen;
		return cleaned;
	}
	char *ascii = to_ascii((const uint8_t *)cleaned, clen, out_len);
	free(cleaned);
	return ascii;
}

int folio_text_width(const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s;
	int width = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		i += next_uc(u, len, i, &uc);
		width += char_width(uc);
	}
	return width;
}

size_t folio_text_fit(const char *s, size_t len, int cols, int *width)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t pos = 0;
	int used = 0;
	while (pos < len && cols > 0) {
		int w;
		size_t end = cluster_end(u, len, pos, &w);
		if (used + w > cols)
			break;
		used += w;
		pos = end;
	}
	if (width)
		*width = used;
	return pos;
}

char *folio_text_truncate(const char *s, size_t len, int cols)
{
	static const char ellipsis[] = "\xE2\x80\xA6";
	struct folio_buf b;
	folio_buf_init(&b, 16);
	if (cols > 0) {
		size_t whole = folio_text_fit(s, len, cols, NULL);
		if (whole == len) {
			folio_buf_add(&b, s, len);
		} else {
			folio_buf_add(&b, s, folio_text_fit(s, len, cols - 1, NULL));
			folio_buf_add(&b, ellipsis, sizeof ellipsis - 1);
		}
	}
	return folio_buf_finish(&b, NULL);
}

/* ---- wrap ------------------------------------------------------------- */

struct line_list {
	struct folio_line *v;
	size_t n, cap;
	bool oom;
};

/* Add [start, end) without its trailing spaces; empty lines are skipped
 * unless forced (a mandatory break). */
FOLIO_DEFINE_GROW(grow_lines, struct folio_line)

static void add_line(struct line_list *l, const uint8_t *s, size_t start, size_t end,
                     int width, bool force)
{
	while (end > start && s[end - 1] == ' ') {
		end--;
		width--;
	}
	if ((end == start && !force) || l->oom)
		return;
	if (!grow_lines(&l->v, &l->cap, l->n + 1)) {
		l->oom = true;
		return;
	}
	l->v[l->n++] = (struct folio_line){ .start = start, .len = end - start, .width = width };
}

/*
 * Greedy, one pass: spaces hang past the margin (they are trimmed anyway);
 * anything else that would overflow breaks the line at the last opportunity
 * UAX #14 gave, or, with none on the line, right here.  A cluster wider than
 * the whole line still goes on one, so the loop always progresses.
 */
size_t folio_text_wrap(const char *para, size_t len, int cols, struct folio_line **lines)
{
	const uint8_t *s = (const uint8_t *)para;
	struct line_list l = { 0 };
	char *breaks = NULL;
	*lines = NULL;
	if (cols < 1)
		cols = 1;
	if (len > 0) {
		breaks = malloc(len);
		if (!breaks)
			return 0;
		u8_possible_linebreaks(s, len, WIDTH_ENCODING, breaks);
	}

	size_t start = 0, last_break = 0;
	int width = 0, width_at_break = 0;
	for (size_t pos = 0; pos < len;) {
		int w;
		size_t end = cluster_end(s, len, pos, &w);
		if (breaks[pos] == UC_BREAK_MANDATORY) {
			add_line(&l, s, start, pos, width, true);
			start = pos = end;
			last_break = start;
			width = width_at_break = 0;
			continue;
		}
		if (pos > start && (breaks[pos] == UC_BREAK_POSSIBLE ||
		                    breaks[pos] == UC_BREAK_HYPHENATION)) {
			last_break = pos;
			width_at_break = width;
		}
		bool hanging_space = s[pos] == ' ' && end == pos + 1;
		if (!hanging_space && width + w > cols) {
			if (last_break > start) {
				add_line(&l, s, start, last_break, width_at_break, false);
				start = last_break;
				width -= width_at_break;
			}
			if (width + w > cols && pos > start) {
				add_line(&l, s, start, pos, width, false);
				start = pos;
				width = 0;
			}
			last_break = start;
			width_at_break = 0;
		}
		width += w;
		pos = end;
	}
	add_line(&l, s, start, len, width, l.n == 0);
	free(breaks);
	if (l.oom) {
		free(l.v);
		return 0;
	}
	assert(l.n > 0);
	*lines = l.v;
	return l.n;
}

/* ---- fold ------------------------------------------------------------- */

struct fold_out {
	struct folio_buf b;
	size_t *map;
	size_t map_cap;
	bool want_map;
};

FOLIO_DEFINE_GROW(grow_map, size_t)

static void fold_put(struct fold_out *f, const uint8_t *s, size_t n, size_t src)
{
	size_t before = f->b.len;
	folio_buf_add(&f->b, s, n);
	if (!f->want_map || f->b.oom)
		return;
	if (!grow_map(&f->map, &f->map_cap, f->b.len + 1)) {
		f->b.oom = true;
		return;
	}
	for (size_t i = before; i < f->b.len; i++)
		f->map[i] = src;
}

/*
 * One source character at a time: full case folding with compatibility
 * decomposition (so "ß" -> "ss", "ﬁ" -> "fi", "É" -> "e" + U+0301), then
 * nonspacing and enclosing marks dropped.  Folding each character on its
 * own is what makes the map exact: every folded byte comes from one source
 * character, and offsets only grow.
 */
static void fold_one(struct fold_out *f, const uint8_t *s, size_t n, ucs4_t uc, size_t src)
{
	uint8_t small[64];
	size_t flen = sizeof small;
	uint8_t tmp[4];
	if (uc == REPLACEMENT) {  /* invalid input: fold the character it became */
		n = (size_t)u8_uctomb(tmp, uc, sizeof tmp);
		s = tmp;
	}
	uint8_t *folded = u8_casefold(s, n, NULL, UNINORM_NFKD, small, &flen);
	if (!folded) {
		f->b.oom = true;
		return;
	}
	for (size_t i = 0; i < flen;) {
		ucs4_t c;
		size_t k = next_uc(folded, flen, i, &c);
		if (!uc_is_general_category(c, UC_CATEGORY_Mn) &&
		    !uc_is_general_category(c, UC_CATEGORY_Me))
			fold_put(f, folded + i, k, src);
		i += k;
	}
	if (folded != small)
		free(folded);
}

char *folio_text_fold(const char *s, size_t len, size_t *out_len, size_t **map)
{
	const uint8_t *u = (const uint8_t *)s;
	struct fold_out f = { .want_map = map != NULL };
	folio_buf_init(&f.b, len);
	for (size_t i = 0; i < len && !f.b.oom;) {
		ucs4_t uc;
		size_t n = next_uc(u, len, i, &uc);
		if (uc < 0x80) {
			uint8_t c = (uint8_t)(uc >= 'A' && uc <= 'Z' ? uc + ('a' - 'A') : uc);
			fold_put(&f, &c, 1, i);
		} else {
			fold_one(&f, u + i, n, uc, i);
		}
		i += n;
	}
	fold_put(&f, (const uint8_t *)"", 0, len);  /* make room for map[len] */
	size_t flen;
	char *out = folio_buf_finish(&f.b, &flen);
	if (!out || (map && !f.map)) {
		free(out);
		free(f.map);
		return NULL;
	}
	if (map) {
		f.map[flen] = len;
		*map = f.map;
	}
	if (out_len)
		*out_len = flen;
	return out;
}

/* ---- escape ----------------------------------------------------------- */

/* Past ASCII: what clean removes, and the line separators it turns into newlines. */
static bool needs_unicode_escape(ucs4_t uc)
{
	return (uc >= 0x80 && folio_text_removes(uc)) || uc == 0x2028 || uc == 0x2029;
}

char *folio_text_escape(const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	const uint8_t *u = (const uint8_t *)s;
	struct folio_buf b;
	folio_buf_init(&b, len + 8);
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, u + i, len - i);
		if (n < 0) {  /* invalid or cut short: one byte at a time */
			char esc[4] = { '\\', 'x', hex[u[i] >> 4], hex[u[i] & 15] };
			folio_buf_add(&b, esc, 4);
			i++;
			continue;
		}
		i += (size_t)n;
		if (uc == '\n')
			folio_buf_add(&b, "\\n", 2);
		else if (uc == '\t')
			folio_buf_add(&b, "\\t", 2);
		else if (uc == '\r')
			folio_buf_add(&b, "\\r", 2);
		else if (uc == '\\')
			folio_buf_add(&b, "\\\\", 2);
		else if (uc < 0x20 || uc == 0x7F) {
			char esc[4] = { '\\', 'x', hex[uc >> 4], hex[uc & 15] };
			folio_buf_add(&b, esc, 4);
		} else if (needs_unicode_escape(uc)) {
			char esc[16];
			int k = snprintf(esc, sizeof esc, "\\u{%04X}", (unsigned)uc);
			assert(k > 0 && (size_t)k < sizeof esc);
			folio_buf_add(&b, esc, (size_t)k);
		} else {
			folio_buf_add(&b, u + i - (size_t)n, (size_t)n);
		}
	}
	return folio_buf_finish(&b, NULL);
}

const char *folio_text_unistring_version(void)
{
	/* (major << 16) + (minor << 8) + subminor, as unistring/version.h says */
	static char version[24];
	int v = _libunistring_version;
	snprintf(version, sizeof version, "%d.%d.%d", v >> 16, (v >> 8) & 0xff, v & 0xff);
	return version;
}
