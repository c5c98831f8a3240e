/*
 * explain: why extract chose what it chose.  For each FILE, every unit of
 * the page (a paragraph or a line) on a line of its own: '+' when the body
 * kept it, '-' when not, its class, and its first 100 bytes; then the
 * fields.  A tool for whoever works on extract; `make tests/tools/explain`.
 */
#include "folio/extract.h"
#include "folio/text.h"
#include "folio/util.h"

#include <stdio.h>
#include <stdlib.h>

static void show_unit(void *ctx, const char *kind, int in_body, const char *text, size_t len)
{
	(void)ctx;
	printf("%c %-9s %.*s%s\n", in_body ? '+' : '-', kind, (int)(len > 100 ? 100 : len), text,
	       len > 100 ? "..." : "");
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct folio_buf b = { 0 };
	size_t got;
	while (folio_buf_room(&b, 1 << 16) && (got = fread(b.s + b.len, 1, b.cap - b.len - 1, f)) > 0)
		b.len += got;
	fclose(f);
	return folio_buf_finish(&b, len);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		size_t raw_len, len;
		char *raw = slurp(argv[i], &raw_len);
		const char *why = NULL;
		char *text = raw ? folio_text_decode(raw, raw_len, &len, &why) : NULL;
		free(raw);
		if (!text) {
			if (why)
				fprintf(stderr, "%s: %s\n", argv[i], why);
			else
				perror(argv[i]);
			continue;
		}
		struct folio_article a;
		const char *reason = NULL;
		printf("==== %s\n", argv[i]);
		if (folio_extract_traced(text, len, &a, &reason, show_unit, NULL) == FOLIO_EXTRACT_OK) {
			printf("source=%s | title=%s | byline=%s | date=%s | dateline=%s\n",
			       a.source ? a.source : "-", a.title ? a.title : "-",
			       a.byline ? a.byline : "-", a.date ? a.date : "-",
			       a.dateline ? a.dateline : "-");
			folio_article_free(&a);
		} else {
			printf("no article: %s\n", reason);
		}
		free(text);
	}
	return 0;
}
