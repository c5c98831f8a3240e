/*
 * sniff.c: tell a feed, a web page and a plain-text page apart by content.
 *
 * Files in a pile are often misnamed (.txt pages that are HTML, feeds saved
 * as .xml or with no extension), so the name is never consulted.  The first
 * element decides, found by stepping over what may legally come before it.
 * Only SNIFF_WINDOW bytes are read: whatever precedes the first element in
 * real files is far shorter, and a file that is all comment is not a page.
 */
#include "folio/folio.h"

#include "folio/sniff.h"
#include "folio/text.h"

#include <ctype.h>
#include <strings.h>

#define SNIFF_WINDOW 4096

/* Elements that start an HTML document or fragment saved without <html>. */
static const char *const html_starts[] = {
	"html", "head", "body", "meta", "title", "link", "style", "script", "div", "p",
	"article", "main", "header", "section", "table", "h1", "h2", "base", NULL
};

/* The first SNIFF_WINDOW bytes as ASCII: UTF-16 and UTF-32 (with a BOM or
 * without) narrowed, a UTF-8 BOM dropped.  Returns the length written. */
static size_t ascii_view(const unsigned char *b, size_t len, char *out)
{
	size_t n = 0, bom;
	const char *wide = folio_text_wide_form((const char *)b, len, &bom);
	if (wide) {
		size_t unit = wide[4] == '3' ? 4 : 2;
		bool big = wide[strlen(wide) - 2] == 'B';
		for (size_t i = bom; i + unit <= len && n < SNIFF_WINDOW; i += unit) {
			uint32_t c = 0;
			for (size_t k = 0; k < unit; k++)
				c |= (uint32_t)b[i + k] << (8 * (big ? unit - 1 - k : k));
			out[n++] = c < 0x80 ? (char)c : '?';
		}
		return n;
	}
	size_t start = len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
	for (size_t i = start; i < len && n < SNIFF_WINDOW; i++)
		out[n++] = (char)b[i];
	return n;
}

static bool starts(const char *s, const char *end, const char *with)
{
	size_t k = strlen(with);
	return (size_t)(end - s) >= k && strncasecmp(s, with, k) == 0;
}

/* Step over "<!--...-->", "<?...?>" and "<!...>"; NULL if one is unterminated. */
static const char *skip_markup(const char *p, const char *end, const char *close)
{
	size_t k = strlen(close);
	for (; p + k <= end; p++)
		if (memcmp(p, close, k) == 0)
			return p + k;
	return NULL;
}

/* Step over "<!DOCTYPE x [ internal subset ]>" or "<!...>". */
static const char *skip_declaration(const char *p, const char *end)
{
	size_t to_close = strcspn(p, ">"), to_subset = strcspn(p, "[");
	if (to_subset < to_close && p + to_subset < end) {
		p = skip_markup(p + to_subset, end, "]");
		if (!p)
			return NULL;
	}
	return skip_markup(p, end, ">");
}

enum folio_kind folio_sniff(const char *bytes, size_t len)
{
	char view[SNIFF_WINDOW + 1];
	size_t n = ascii_view((const unsigned char *)bytes, len, view);
	view[n] = '\0'; /* for strcspn() in skip_declaration() */
	const char *p = view, *end = view + n;
	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end || *p != '<')
			return FOLIO_KIND_TEXT;
		if (starts(p, end, "<!--"))
			p = skip_markup(p + 4, end, "-->");
		else if (starts(p, end, "<?"))
			p = skip_markup(p + 2, end, "?>");
		else if (starts(p, end, "<!DOCTYPE html"))
			return FOLIO_KIND_HTML;
		else if (starts(p, end, "<!"))
			p = skip_declaration(p + 2, end);
		else
			break;
		if (!p)
			return FOLIO_KIND_TEXT;
	}
	const char *name = ++p;
	while (p < end && (isalnum((unsigned char)*p) || *p == ':' || *p == '-' || *p == '_'))
		p++;
	size_t k = (size_t)(p - name);
	if (k == 0 || (p < end && !isspace((unsigned char)*p) && *p != '>' && *p != '/'))
		return FOLIO_KIND_TEXT;
	const char *local = memchr(name, ':', k);
	local = local ? local + 1 : name;
	size_t lk = k - (size_t)(local - name);
	if ((lk == 3 && strncasecmp(local, "rss", 3) == 0) ||
	    (lk == 4 && strncasecmp(local, "feed", 4) == 0) ||
	    (lk == 3 && strncmp(local, "RDF", 3) == 0))
		return FOLIO_KIND_FEED;
	for (const char *const *h = html_starts; *h; h++)
		if (strlen(*h) == k && strncasecmp(name, *h, k) == 0)
			return FOLIO_KIND_HTML;
	return FOLIO_KIND_TEXT;
}
