/*
 * text: every string that reaches the store or the screen passes through here.
 *
 * Article bytes are untrusted.  On the way in they are decoded (UTF-8, UTF-16
 * with a BOM, else the legacy charset uchardet names, else Windows-1252),
 * NFC-normalised and stripped of everything
 * that could drive a terminal: C0 controls except newline and tab, DEL, C1,
 * bidi controls and tag characters.  On the way out the same rule is applied
 * again, because the store may have been written by something else.
 *
 * All functions take UTF-8 with an explicit length and never read past it.
 * Functions returning char * return malloc'd, NUL-terminated strings, or
 * NULL when memory runs out.  Widths, breaks and folding come from
 * libunistring.
 */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <unitypes.h>

/* Most combining marks kept after one base character (Zalgo defence). */
#define FOLIO_TEXT_MAX_COMBINING 4

/*
 * Decode the raw bytes of a file: a UTF-8 BOM is dropped, UTF-16 with a BOM
 * is converted, valid UTF-8 is kept, anything else is read in the charset
 * folio_text_guess_charset() names (a character it cannot convert becomes
 * '?'), else as Windows-1252.
 * Line endings (CR LF, lone CR) become "\n".  The result is clean in the
 * sense of folio_text_clean() with newlines kept.
 *
 * Invalid UTF-8 without a BOM is read as a legacy charset only when its invalid
 * sequences outnumber its valid multibyte ones (a 1252 file's accents are
 * nearly all invalid UTF-8); otherwise it is UTF-8 with some damage, and
 * each bad sequence becomes U+FFFD.  After a UTF-8 BOM, never 1252.  The
 * five bytes 1252 leaves undefined, unpaired UTF-16 surrogates and an odd
 * last byte of UTF-16 become U+FFFD.
 *
 * NULL when memory runs out (*why NULL), or when the bytes need uchardet's
 * guess and it cannot be loaded (*why, static text, names it: see
 * folio/libs.h).
 */
char *folio_text_decode(const char *bytes, size_t len, size_t *out_len, const char **why);

/*
 * The charset bytes that are not UTF-8 are most likely in, as uchardet
 * (Mozilla's detector, Debian's libuchardet) names it: "WINDOWS-1251",
 * "SHIFT_JIS", "GB18030"...  iconv knows the names.  False when it cannot
 * tell, and with *why (static text naming the library) set when uchardet
 * cannot be loaded; *why is left alone otherwise.  Only the first 64 KiB
 * are read.
 */
#define FOLIO_CHARSET_CAP 48
bool folio_text_guess_charset(const char *bytes, size_t len, char name[FOLIO_CHARSET_CAP],
                              const char **why);

/*
 * Clean text that should be UTF-8 (from the store, the command line, a
 * parser): invalid sequences become U+FFFD, the text is NFC-normalised,
 * controls, DEL, C1, bidi controls and tag characters are removed, and runs
 * of combining marks are capped.  With keep_newlines false, newlines and
 * tabs become spaces (for one-line fields such as titles).
 *
 * In detail: removed are U+0000-U+001F except \n and \t (so CR too; only
 * folio_text_decode() reads CR as a line end), U+007F-U+009F, U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+E0000-U+E007F, U+FEFF
 * and the noncharacters (U+FDD0-U+FDEF, U+xxFFFE, U+xxFFFF).  U+2028 and
 * U+2029 count as newlines.  Private-use characters, ZWJ and variation
 * selectors are kept.  The cap counts marks (category M) and ZWJ after
 * each base.  clean(clean(x)) == clean(x).
 */
char *folio_text_clean(const char *s, size_t len, bool keep_newlines, size_t *out_len);

/*
 * s[0..len) as a web address folio keeps and opens: spaces around it
 * trimmed, then http:// or https:// (any case) and a host, no space or
 * control inside, at most 2048 bytes.  A malloc'd clean copy, or NULL when
 * it is not one (or memory runs out): a relative or javascript: link, a
 * mailto:, text.
 */
char *folio_text_url(const char *s, size_t len);

/*
 * The code points folio_text_clean() removes (newline and tab aside, which
 * it keeps or turns into spaces): C0 controls, DEL, C1, the bidi controls
 * that make text read otherwise than it is stored, tag characters that hide
 * text, a BOM inside text, noncharacters.  Private-use characters, ZWJ,
 * ZWNJ and variation selectors are kept.  The one policy: code that walks
 * text itself (extract) asks this rather than keep a list of its own.
 */
static inline bool folio_text_removes(ucs4_t uc)
{
	if (uc < 0x20 || (uc >= 0x7F && uc <= 0x9F))
		return true;
	if (uc < 0x300)
		return false;
	return uc == 0x061C || uc == 0x200E || uc == 0x200F || (uc >= 0x202A && uc <= 0x202E) ||
	       (uc >= 0x2066 && uc <= 0x2069) || (uc >= 0xE0000 && uc <= 0xE007F) ||
	       uc == 0xFEFF || (uc >= 0xFDD0 && uc <= 0xFDEF) || (uc & 0xFFFE) == 0xFFFE;
}

/*
 * Whether s is what folio_text_clean() with newlines kept would make of it
 * (false also when memory runs out checking).  Linear and without copying
 * for text that needs no NFC; the store checks every field with it.
 */
bool folio_text_is_clean(const char *s, size_t len);

/*
 * True when the bytes are not text: a NUL byte, or more than 10% control
 * bytes other than \t \n \r \f, in the first 64 KiB.  Bytes in UTF-16 or
 * UTF-32 (folio_text_wide_form()) are text, NULs and all.
 */
bool folio_text_is_binary(const char *bytes, size_t len);

/*
 * Whether bytes are UTF-16 or UTF-32, and which: told by a BOM, else by the
 * zero bytes around a first '<' or white space (a feed or page, as XML 1.0
 * appendix F reads them).  Returns "UTF-16LE", "UTF-16BE",
 * "UTF-32LE", "UTF-32BE" (names iconv knows), or NULL for anything else;
 * *bom gets the length of the BOM, 0 when there is none.
 */
const char *folio_text_wide_form(const char *bytes, size_t len, size_t *bom);

/*
 * In an ASCII-only locale (LANG=C) the screen gets '?' for every non-ASCII
 * character.  Set once at start-up from the locale; read by
 * folio_text_display().
 */
void folio_text_set_ascii_only(bool ascii_only);
bool folio_text_ascii_only(void);

/*
 * The display rule: folio_text_clean() with newlines and tabs turned into
 * spaces, then, in an ASCII-only locale, every non-ASCII character replaced
 * by '?'.  Whatever this returns can be written to the terminal as is.
 *
 * "Character" here and below is a cluster: one code point plus the
 * zero-width and combining code points after it.  In ASCII-only mode a
 * cluster with a non-ASCII base becomes one '?' (so a wide CJK character
 * becomes one column); an ASCII base keeps itself and loses its marks.
 */
char *folio_text_display(const char *s, size_t len, size_t *out_len);

/*
 * Columns that clean UTF-8 text takes on the screen (CJK and emoji count 2),
 * the sum of uc_width() over its code points as a terminal adds them up;
 * controls count 0 and invalid bytes 1 (as U+FFFD).  Locale-independent.
 */
int folio_text_width(const char *s, size_t len);

/*
 * How many bytes of s fit in cols columns, cut on a character boundary with
 * combining marks kept on their base.  *width (if not NULL) gets the columns
 * those bytes take.
 */
size_t folio_text_fit(const char *s, size_t len, int cols, int *width);

/*
 * s cut to at most cols columns, ending with "…" (one column) when anything
 * was cut; "" when cols <= 0.  A wide character that would straddle the
 * limit is left out whole.
 */
char *folio_text_truncate(const char *s, size_t len, int cols);

/* One screen line of a wrapped paragraph: a byte range of the paragraph. */
struct folio_line {
	size_t start;
	size_t len;
	int width;
};

/*
 * Wrap one paragraph (no newline inside) to cols columns at the line breaks
 * libunistring allows (UAX #14); a word wider than cols is cut at a
 * character boundary.  Trailing spaces are left off each line.  Returns the
 * number of lines and sets *lines to a malloc'd array (an empty paragraph is
 * one empty line).  Returns 0 with *lines NULL when memory runs out.
 *
 * cols < 1 counts as 1.  Only a single character wider than cols (a CJK
 * character in one column) makes a line wider than cols; it goes on a line
 * of its own.  Spaces between lines belong to no line, and apart from those
 * every byte is in exactly one line.  Should a newline slip in anyway, the
 * line ends there and the newline belongs to no line.  Linear time.
 */
size_t folio_text_wrap(const char *para, size_t len, int cols, struct folio_line **lines);

/*
 * A case- and accent-folded copy for matching ("Café" -> "cafe"), the same
 * folding the FTS5 index uses.  When map is not NULL it gets a malloc'd array
 * of *out_len + 1 entries: map[i] is the byte offset in s of the character
 * that produced folded byte i (map[*out_len] == len), so a match in the
 * folded text can be turned back into a byte range of s.
 *
 * Full case folding plus compatibility decomposition, with nonspacing and
 * enclosing marks dropped.  That matches what FTS5's unicode61
 * remove_diacritics=2 matches for case and accents ("CAFÉ", "Café",
 * "Cafe" + U+0301 -> "cafe"), and a little more: "ß"/"ss", ligatures
 * ("ﬁ"/"fi"), Greek final sigma, which the index keeps apart.  So a
 * highlight may mark "Straße" in an article that FTS5 found by "strasse",
 * but FTS5 will not find an article by "strasse" if it only says "Straße".
 * The map never decreases; one source character may give several bytes
 * ("ß" -> "ss") or none (a combining mark).  Returns NULL (and sets no map)
 * when memory runs out.
 */
char *folio_text_fold(const char *s, size_t len, size_t *out_len, size_t **map);

/*
 * A one-line, printable form of a name for messages (file names in errors):
 * control bytes and invalid UTF-8 become \n, \t, \r, \xHH; a backslash
 * becomes "\\".  C1, bidi and tag characters, U+FEFF, U+2028, U+2029 and
 * noncharacters become \u{XXXX}.  Valid printable UTF-8 is kept.
 */
char *folio_text_escape(const char *s, size_t len);

/* The libunistring version in use ("1.0"), for --version. */
const char *folio_text_unistring_version(void);

#endif
