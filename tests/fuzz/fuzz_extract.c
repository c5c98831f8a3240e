/*
 * fuzz_extract: raw file bytes through the paths import takes (binary
 * check, then by what folio_sniff() sees: the feed parser, the HTML
 * extractor, or decode + the plain-text extractor), checking that whatever
 * comes out is text the store may hold: clean UTF-8, one-line fields
 * without newlines, a real date shape, and all fields NULL when there is no
 * article.
 */
#include "config.h"

#include "folio/extract.h"
#include "folio/feed.h"
#include "folio/html.h"
#include "folio/sniff.h"
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

static void check_result(enum folio_extract_result r, struct folio_article *a,
                         const char *reason)
{
	FUZZ_CHECK(r != FOLIO_EXTRACT_NOMEM, "extract ran out of memory");
	if (r == FOLIO_EXTRACT_OK) {
		check_field(a->source, false);
		check_field(a->title, false);
		check_field(a->byline, false);
		check_field(a->dateline, false);
		check_field(a->body, true);
		FUZZ_CHECK(!a->date || fuzz_is_date(a->date), "date is not YYYY-MM-DD");
		FUZZ_CHECK(a->body && *a->body, "an article without a body");
		FUZZ_CHECK(!strstr(a->body, "\n\n\n"), "paragraphs not separated by one blank line");
	} else {
		FUZZ_CHECK(!a->source && !a->title && !a->byline && !a->date && !a->dateline &&
		           !a->body, "fields left set without an article");
		FUZZ_CHECK(reason && *reason, "no article, and no reason given");
	}
}

static void fuzz_text(const char *bytes, size_t size)
{
	size_t len;
	const char *why;
	char *text = folio_text_decode(bytes, size, &len, &why);
	FUZZ_CHECK(text != NULL, why ? why : "decode ran out of memory");
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
	check_result(r, &a, reason);
	if (r == FOLIO_EXTRACT_OK)
		folio_article_free(&a);
	free(text);
}

static void fuzz_feed(const char *bytes, size_t size)
{
	struct folio_feed_entry *entries = NULL;
	size_t n = 0;
	const char *reason = NULL;
	enum folio_extract_result r = folio_feed_parse(bytes, size, &entries, &n, &reason);
	FUZZ_CHECK(r != FOLIO_EXTRACT_NOMEM, "the feed parser ran out of memory");
	if (r != FOLIO_EXTRACT_OK) {
		FUZZ_CHECK(n == 0 && reason && *reason, "no entries, and no reason given");
		return;
	}
	FUZZ_CHECK(n > 0 && entries, "a feed parsed OK with no entries");
	for (size_t i = 0; i < n; i++) {
		const struct folio_article *e = &entries[i].article;
		/* An entry may be a title alone (a link feed), but never nothing. */
		FUZZ_CHECK((e->title && *e->title) || (e->body && *e->body), "an empty feed entry");
		check_field(e->source, false);
		check_field(e->title, false);
		check_field(e->byline, false);
		check_field(e->dateline, false);
		check_field(e->body, true);
		FUZZ_CHECK(!e->date || fuzz_is_date(e->date), "an entry's date is not YYYY-MM-DD");
		if (entries[i].id)
			FUZZ_CHECK(u8_check((const uint8_t *)entries[i].id, strlen(entries[i].id)) == NULL,
			           "an entry id is not valid UTF-8");
	}
	folio_feed_free(entries, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT || size == 0)
		return 0;
	const char *bytes = (const char *)data;
	if (folio_text_is_binary(bytes, size))
		return 0;
	struct folio_article a;
	const char *reason = NULL;
	switch (folio_sniff(bytes, size)) {
	case FOLIO_KIND_FEED:
		fuzz_feed(bytes, size);
		break;
	case FOLIO_KIND_HTML: {
		enum folio_extract_result r = folio_html_extract(bytes, size, &a, &reason);
		check_result(r, &a, reason);
		if (r == FOLIO_EXTRACT_OK)
			folio_article_free(&a);
		break;
	}
	case FOLIO_KIND_TEXT:
		break;
	}
	/* Plain text is what every input falls back to: always run it too. */
	fuzz_text(bytes, size);
	return 0;
}
