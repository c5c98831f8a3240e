/*
 * json: folio's own JSON, both ways.
 *
 * Writing: strings escaped as RFC 8259 requires, after the text module's
 * cleaning, so --json output never carries a control character raw.
 * Reading: just enough to take back what `folio export --json` wrote, an
 * array of flat objects whose values are strings, numbers, booleans or
 * null.  Nesting, or anything malformed, makes the whole document invalid;
 * nothing is guessed.
 */
#ifndef FOLIO_JSON_H
#define FOLIO_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* s as a JSON string (cleaned text), or null when s is NULL. */
void folio_json_put_string(FILE *out, const char *s);

/* "key": value, followed by ", " unless last. */
void folio_json_put_field(FILE *out, const char *key, const char *value, bool last);

/*
 * The text of a JSON string: *pos points just after its opening quote and
 * moves past the closing one.  Escapes are undone (surrogate pairs joined, a
 * lone surrogate becomes U+FFFD).  strict refuses raw control characters
 * and unknown escapes, as RFC 8259 does; lenient keeps them, for JSON found
 * in web pages.  Returns malloc'd text, or NULL with *reason set (malformed)
 * or NULL (out of memory).
 */
char *folio_json_string(const char **pos, const char *end, bool strict, const char **reason);

/* One member of a flat object: value is the string's text (unescaped), the
 * number or true/false as written, or NULL for null. */
struct folio_json_member {
	char *key;
	char *value;
};

/* Called for each object of the array; a non-zero return stops the walk. */
typedef int folio_json_object_fn(void *ctx, const struct folio_json_member *members,
                                 size_t n);

/*
 * Walk a JSON array of flat objects.  Returns 0 when the whole text was such
 * an array (each object passed to fn), 1 when it is not (nothing or only
 * part was passed; *reason says what was wrong), -1 when memory ran out, or
 * fn's non-zero return.
 */
int folio_json_objects(const char *text, size_t len, folio_json_object_fn *fn, void *ctx,
                       const char **reason);

/* Whether key is among members (its value may be null). */
bool folio_json_has(const struct folio_json_member *members, size_t n, const char *key);

/* The value of key among members, or NULL (absent or null). */
const char *folio_json_get(const struct folio_json_member *members, size_t n, const char *key);

#endif
