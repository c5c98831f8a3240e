/*
 * fuzz.h: what the fuzz targets share: the invariants every piece of text
 * must keep on its way to the store or the screen, checked the same way by
 * the libFuzzer build (make fuzz) and by the plain replay build (make check).
 *
 * A broken invariant prints what broke and aborts: under libFuzzer that is a
 * finding with its input saved; under replay it fails the test.
 */
#ifndef FOLIO_FUZZ_H
#define FOLIO_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "folio/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, what) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, what); \
	} while (0)

static inline void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
	abort();
}

/* A date as folio stores and compares them: YYYY-MM-DD, month 1-12, day 1-31. */
static inline bool fuzz_is_date(const char *d)
{
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return false;
	int month = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* A code point that must never reach a terminal (see folio_text_clean()). */
static inline bool fuzz_is_forbidden(ucs4_t uc)
{
	return uc < 0x20 || (uc >= 0x7F && uc <= 0x9F) || uc == 0x061C || uc == 0x200E ||
	       uc == 0x200F || (uc >= 0x202A && uc <= 0x202E) ||
	       (uc >= 0x2066 && uc <= 0x2069) || (uc >= 0xE0000 && uc <= 0xE007F) ||
	       uc == 0xFEFF || (uc >= 0xFDD0 && uc <= 0xFDEF) || (uc & 0xFFFE) == 0xFFFE;
}

/*
 * s[0..len) is text folio may store or show: valid UTF-8, no NUL inside,
 * nothing forbidden (newline and tab only where allowed), and no run of
 * more than FOLIO_TEXT_MAX_COMBINING marks.
 */
static inline void fuzz_check_clean(const char *s, size_t len, bool newlines_allowed)
{
	FUZZ_CHECK(s != NULL, "text is NULL");
	FUZZ_CHECK(s[len] == '\0', "text is not NUL-terminated at its length");
	FUZZ_CHECK(memchr(s, '\0', len) == NULL, "text holds a NUL byte");
	FUZZ_CHECK(u8_check((const uint8_t *)s, len) == NULL, "text is not valid UTF-8");
	int run = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		FUZZ_CHECK(n > 0, "u8_mbtouc made no progress");
		if (!(newlines_allowed && (uc == '\n' || uc == '\t')))
			FUZZ_CHECK(!fuzz_is_forbidden(uc), "a control, bidi, tag or nonchar survived");
		FUZZ_CHECK(uc != 0x2028 && uc != 0x2029, "a Unicode line separator survived");
		if (uc >= 0x300 && (uc == 0x200D || uc_is_general_category(uc, UC_CATEGORY_M)))
			FUZZ_CHECK(++run <= FOLIO_TEXT_MAX_COMBINING, "combining run over the cap");
		else
			run = 0;
		i += (size_t)n;
	}
}

/* A NUL-terminated copy of the fuzzer's bytes (it gives none). */
static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	FUZZ_CHECK(s != NULL, "out of memory copying the input");
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
