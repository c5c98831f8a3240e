/*
 * format: an article as folio writes it for people and pipes outside the
 * reader (`folio show`, `folio export`, the reader's | and o): header
 * lines, a blank line, the body; or one JSON object.
 *
 * Every text field passes through the text module's display rule (plain
 * form) or its cleaning (JSON), so nothing written here can drive a
 * terminal.
 */
#ifndef FOLIO_FORMAT_H
#define FOLIO_FORMAT_H

#include <stdio.h>

#include "folio/json.h"
#include "folio/store.h"

/* s on one line through the display rule: no TAB, newline or escape left. */
void folio_format_field(FILE *out, const char *s);

/* "Label: value" and a newline; nothing when value is NULL or empty. */
void folio_format_header(FILE *out, const char *label, const char *value);

/* A body line by line through the display rule, its paragraphs kept. */
void folio_format_body(FILE *out, const char *body);

/*
 * Title, Source, By, Date, Dateline, URL, File headers (those known), a blank
 * line, the body.  The file name (here and in JSON) is escaped byte for
 * byte where it is not plain text (\x1B, \xFF), as ls -b shows names.
 */
void folio_format_record_text(FILE *out, const struct folio_record *r);

/* The object of `show --json` and `export --json`, built in *j: id, source,
 * title, byline, date, dateline, path, url, read, flagged, body (null where
 * unknown). */
void folio_format_record_json(struct folio_json *j, const struct folio_record *r);

#endif
