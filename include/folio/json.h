/*
 * json: folio's JSON, both ways, through json-c.
 *
 * Writing: every --json output is built as json-c objects, one record at a
 * time, and written here, so the punctuation and the escaping are json-c's
 * and the layout is the same everywhere: an array is "[", then each item on
 * its own line after two spaces, then "]".  Text fields are cleaned by the
 * text module first, so no output carries a control character raw.
 *
 * Reading: json-c's tokener, used incrementally, so an array is read one
 * element at a time, from text that may arrive in pieces, and only that
 * element is ever a tree in memory (folio's own export read back).  JSON-LD
 * in web pages is parsed whole by html's jsonld.c, also with json-c.
 */
#ifndef FOLIO_JSON_H
#define FOLIO_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <json-c/json.h>

/*
 * One JSON object being built.  A field that could not be added (memory ran
 * out) sets oom; folio_json_write() then writes nothing and fails, so an
 * object is never written with a field silently turned into null.
 */
struct folio_json {
	json_object *obj;
	bool oom;
};

void folio_json_begin(struct folio_json *j);

/* key: s cleaned (newlines kept), or null when s is NULL. */
void folio_json_text(struct folio_json *j, const char *key, const char *s);
void folio_json_int(struct folio_json *j, const char *key, int64_t v);
void folio_json_bool(struct folio_json *j, const char *key, bool v);
/* v in six significant digits ("%.6g"), as a number. */
void folio_json_number(struct folio_json *j, const char *key, double v);

/* key: an array of the n objects built in items (each handed over, freed or not). */
void folio_json_objects(struct folio_json *j, const char *key, struct folio_json *items,
                        size_t n);

/* Write the object (no newline) and free it.  -1 when memory ran out while
 * building or writing it (then nothing is written). */
int folio_json_write(struct folio_json *j, FILE *out);

/* An array written as it is produced: its items need not all be in memory. */
struct folio_json_list {
	FILE *out;
	size_t items;
};

/* Writes "[". */
void folio_json_list_begin(struct folio_json_list *l, FILE *out);
/* Writes the object as the next item (and frees it); -1: out of memory. */
int folio_json_list_item(struct folio_json_list *l, struct folio_json *j);
/* Writes "]" and a newline. */
void folio_json_list_end(struct folio_json_list *l);

/* Called for each element of an array, borrowed (freed after the call); a
 * non-zero return stops the walk. */
typedef int folio_json_item_fn(void *ctx, json_object *item);

/*
 * An array read element by element as its text arrives: each element is
 * parsed by json-c's tokener (strict RFC 8259, at most max_depth levels
 * inside the array) from where the last one ended, and passed to fn.
 */
struct folio_json_reader {
	json_tokener *tok;
	int state;
	folio_json_item_fn *fn;
	void *ctx;
	const char *reason; /* why the text is not such an array */
};

/* 0, or -1 when memory ran out. */
int folio_json_reader_open(struct folio_json_reader *r, int max_depth, folio_json_item_fn *fn,
                           void *ctx);
/*
 * The next piece of the text (any length, cut anywhere).  Returns 0 so far
 * so good, 1 when the text is not such an array (r->reason says why; the
 * elements before the fault were passed), -1 when memory ran out, or fn's
 * non-zero return.  NULs are part of the text.
 */
int folio_json_reader_feed(struct folio_json_reader *r, const char *text, size_t len);
/* The text has ended: 0 when it was a whole array, else 1 with r->reason.
 * Frees the reader either way. */
int folio_json_reader_close(struct folio_json_reader *r);

/* The reader on one whole text: folio_json_reader_feed()'s returns. */
int folio_json_array_each(const char *text, size_t len, int max_depth,
                          folio_json_item_fn *fn, void *ctx, const char **reason);

/*
 * The string member key of obj with its length (a JSON string may hold
 * U+0000), or NULL when obj is not an object, or key is absent, null or not
 * a string.
 */
const char *folio_json_get_string(json_object *obj, const char *key, size_t *len);

#endif
