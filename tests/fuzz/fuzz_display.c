/*
 * fuzz_display: the last gate before the terminal.  Whatever bytes a store
 * or a file name holds, folio_text_display() must give clean one-line UTF-8
 * (pure printable ASCII in an ASCII-only locale), truncation and fitting
 * must stay within their columns, wrapping must cover the paragraph with
 * lines no wider than allowed, and an escaped name must be printable.
 *
 * The first byte chooses the locale mode and the column count; the rest is
 * the text.
 */
#include "config.h"

#include <uniwidth.h>

#include "fuzz.h"

#define FUZZ_MAX_INPUT (64 * 1024)

static const char ellipsis[] = "\xe2\x80\xa6";

static void check_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		FUZZ_CHECK((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F,
		           "a byte outside printable ASCII in ASCII-only mode");
}

static void check_truncate(const char *d, size_t dlen, int cols)
{
	char *t = folio_text_truncate(d, dlen, cols);
	FUZZ_CHECK(t != NULL, "truncate ran out of memory");
	size_t tlen = strlen(t);
	fuzz_check_clean(t, tlen, false);
	int w = folio_text_width(t, tlen);
	FUZZ_CHECK(w <= (cols > 0 ? cols : 0), "truncated text wider than its columns");
	size_t keep = tlen;
	if (tlen >= 3 && memcmp(t + tlen - 3, ellipsis, 3) == 0 &&
	    (tlen - 3 > dlen || memcmp(t, d, tlen) != 0))
		keep = tlen - 3;
	FUZZ_CHECK(keep <= dlen && memcmp(t, d, keep) == 0, "truncation is not a prefix");
	if (folio_text_width(d, dlen) <= cols)
		FUZZ_CHECK(tlen == dlen, "text that fits was cut");
	free(t);
}

static void check_fit(const char *d, size_t dlen, int cols)
{
	int w = -1;
	size_t n = folio_text_fit(d, dlen, cols, &w);
	FUZZ_CHECK(n <= dlen, "fit past the end");
	FUZZ_CHECK(u8_check((const uint8_t *)d, n) == NULL, "fit cuts a character");
	FUZZ_CHECK(w == folio_text_width(d, n), "fit's width is not the bytes' width");
	FUZZ_CHECK(w <= (cols > 0 ? cols : 0), "fit wider than its columns");
}

static void check_wrap(const char *d, size_t dlen, int cols)
{
	struct folio_line *lines = NULL;
	size_t n = folio_text_wrap(d, dlen, cols, &lines);
	FUZZ_CHECK(n >= 1 && lines, "wrap gave no lines");
	size_t end = 0;
	int limit = cols < 1 ? 1 : cols;
	for (size_t i = 0; i < n; i++) {
		const struct folio_line *l = &lines[i];
		FUZZ_CHECK(l->start >= end && l->start + l->len <= dlen, "lines out of order");
		for (size_t k = end; k < l->start; k++)
			FUZZ_CHECK(d[k] == ' ', "bytes between lines that are not spaces");
		FUZZ_CHECK(u8_check((const uint8_t *)d + l->start, l->len) == NULL,
		           "a line cuts a character");
		FUZZ_CHECK(l->width == folio_text_width(d + l->start, l->len),
		           "a line's width is not its bytes' width");
		if (l->width > limit) {
			/* Only one character (a cluster: a base and what attaches to it,
			 * as folio_text_fit() cuts) wider than the columns may overflow, alone. */
			int clusters = 0;
			for (size_t k = l->start; k < l->start + l->len;) {
				ucs4_t uc;
				k += (size_t)u8_mbtouc(&uc, (const uint8_t *)d + k, l->start + l->len - k);
				bool attached = uc >= 0xA0 && (uc_width(uc, "UTF-8") == 0 ||
				                               uc_is_general_category(uc, UC_CATEGORY_M));
				clusters += !attached;
			}
			FUZZ_CHECK(clusters == 1, "a line wider than its columns");
		}
		end = l->start + l->len;
	}
	for (size_t k = end; k < dlen; k++)
		FUZZ_CHECK(d[k] == ' ', "text after the last line that is not spaces");
	free(lines);
}

static void check_escape(const char *raw, size_t len)
{
	char *e = folio_text_escape(raw, len);
	FUZZ_CHECK(e != NULL, "escape ran out of memory");
	size_t elen = strlen(e);
	FUZZ_CHECK(u8_check((const uint8_t *)e, elen) == NULL, "escaped name is not valid UTF-8");
	for (size_t i = 0; i < elen;) {
		ucs4_t uc;
		i += (size_t)u8_mbtouc(&uc, (const uint8_t *)e + i, elen - i);
		FUZZ_CHECK(!fuzz_is_forbidden(uc) && uc != 0x2028 && uc != 0x2029,
		           "an escaped name holds a control, bidi or tag character");
	}
	free(e);
}

static void check_fold(const char *d, size_t dlen)
{
	size_t flen, *map = NULL;
	char *f = folio_text_fold(d, dlen, &flen, &map);
	FUZZ_CHECK(f && map, "fold ran out of memory");
	FUZZ_CHECK(map[flen] == dlen, "fold map does not end at the text's end");
	for (size_t i = 0; i < flen; i++)
		FUZZ_CHECK(map[i] <= map[i + 1], "fold map goes backwards");
	free(f);
	free(map);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > FUZZ_MAX_INPUT)
		return 0;
	bool ascii_only = data[0] & 0x80;
	int cols = (int)(data[0] & 0x7F) - 2; /* -2 .. 125: no columns, one, a phone, a wide pane */
	const char *raw = (const char *)data + 1;
	size_t len = size - 1;

	folio_text_set_ascii_only(ascii_only);
	size_t dlen;
	char *d = folio_text_display(raw, len, &dlen);
	FUZZ_CHECK(d != NULL, "display ran out of memory");
	fuzz_check_clean(d, dlen, false);
	if (ascii_only)
		check_ascii(d, dlen);
	size_t again_len;
	char *again = folio_text_display(d, dlen, &again_len);
	FUZZ_CHECK(again && again_len == dlen && memcmp(again, d, dlen) == 0,
	           "display(display(x)) != display(x)");
	free(again);

	check_truncate(d, dlen, cols);
	check_fit(d, dlen, cols);
	check_wrap(d, dlen, cols);
	check_fold(d, dlen);
	check_escape(raw, len);
	free(d);
	folio_text_set_ascii_only(false);
	return 0;
}
