/*
 * fuzz_extract: raw file bytes through the path import takes (binary check,
 * decode, extract), checking that whatever comes out is text the store may
 * hold: clean UTF-8, one-line fields without newlines, a real date shape,
 * and all fields NULL when there is no article.
 */
#include "config.h"

#include "folio/extract.h"
#include "fuzz.h"

#define FUZZ_MAX_INPUT (256 * 1024)

static void check_field(const char *s, bool multiline)
{
	if (!s)
		return;
	size_t len = strlen(s);
	fuzz_check_clean(s, len, multiline);
	if (!multiline)
		FUZZ_CHECK(!memchr(s, '\n', len) && !memchr(s, '\t', len),
		           "a one-line field holds a newline or tab");
}

static bool is_date(const char *d)
{
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return false;
	int month = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT || size == 0)
		return 0;
	const char *bytes = (const char *)data;
	if (folio_text_is_binary(bytes, size))
		return 0;
	size_t len;
	char *text = folio_text_decode(bytes, size, &len);
	FUZZ_CHECK(text != NULL, "decode ran out of memory");
	fuzz_check_clean(text, len, true);

	/* Decoding is the same cleaning as folio_text_clean(): a second pass changes nothing. */
	size_t again_len;
	char *again = folio_text_clean(text, len, true, &again_len);
	FUZZ_CHECK(again && again_len == len && memcmp(again, text, len) == 0,
	           "clean(decode(x)) != decode(x)");
	free(again);

	struct folio_article a;
	const char *reason = NULL;
	enum folio_extract_result r = folio_extract(text, len, &a, &reason);
	FUZZ_CHECK(r != FOLIO_EXTRACT_NOMEM, "extract ran out of memory");
	if (r == FOLIO_EXTRACT_OK) {
		check_field(a.source, false);
		check_field(a.title, false);
		check_field(a.byline, false);
		check_field(a.dateline, false);
		check_field(a.body, true);
		FUZZ_CHECK(!a.date || is_date(a.date), "date is not YYYY-MM-DD");
		FUZZ_CHECK(a.body && *a.body, "an article without a body");
		FUZZ_CHECK(!strstr(a.body, "\n\n\n"), "paragraphs not separated by one blank line");
		folio_article_free(&a);
	} else {
		FUZZ_CHECK(!a.source && !a.title && !a.byline && !a.date && !a.dateline && !a.body,
		           "fields left set without an article");
		FUZZ_CHECK(reason && *reason, "no article, and no reason given");
	}
	free(text);
	return 0;
}
