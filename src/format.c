/*
 * format.c: one definition of "an article as text", so `folio show`,
 * `folio export` and the reader's pipe and pager can never disagree.
 */
#include "folio/folio.h"

#include "folio/format.h"
#include "folio/json.h"
#include "folio/text.h"

void folio_format_field(FILE *out, const char *s)
{
	if (!s)
		return;
	char *safe = folio_text_display(s, strlen(s), NULL);
	if (safe)
		fputs(safe, out);
	free(safe);
}

void folio_format_header(FILE *out, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	fprintf(out, "%s: ", label);
	folio_format_field(out, value);
	putc('\n', out);
}

void folio_format_body(FILE *out, const char *body)
{
	const char *p = body;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *safe = folio_text_display(p, len, NULL);
		if (safe)
			fputs(safe, out);
		free(safe);
		putc('\n', out);
		p = nl ? nl + 1 : NULL;
	}
}

/*
 * A file name as it is shown: every byte that is not plain text escaped
 * (\x1B, \xFF, \u{202E}, \\), as ls -b does, so the name shown names the
 * file exactly and drives no terminal.  NULL: none, or out of memory.
 */
static char *shown_path(const char *path)
{
	return path ? folio_text_escape(path, strlen(path)) : NULL;
}

void folio_format_record_text(FILE *out, const struct folio_record *r)
{
	char *path = shown_path(r->path);
	folio_format_header(out, "Title", r->title);
	folio_format_header(out, "Source", r->source);
	folio_format_header(out, "By", r->byline);
	folio_format_header(out, "Date", r->date);
	folio_format_header(out, "Dateline", r->dateline);
	folio_format_header(out, "URL", r->url);
	folio_format_header(out, "File", path);
	free(path);
	putc('\n', out);
	folio_format_body(out, r->body);
}

void folio_format_record_json(struct folio_json *j, const struct folio_record *r)
{
	folio_json_begin(j);
	folio_json_int(j, "id", r->id);
	folio_json_text(j, "source", r->source);
	folio_json_text(j, "title", r->title);
	folio_json_text(j, "byline", r->byline);
	/* The store's "" means undated. */
	folio_json_text(j, "date", r->date && *r->date ? r->date : NULL);
	folio_json_text(j, "dateline", r->dateline);
	char *path = shown_path(r->path);
	if (r->path && !path)
		j->oom = true;
	folio_json_text(j, "path", path);
	free(path);
	folio_json_text(j, "url", r->url);
	folio_json_bool(j, "read", r->read);
	folio_json_bool(j, "flagged", r->flagged);
	folio_json_text(j, "body", r->body);
}
