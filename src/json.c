/*
 * json.c: folio's JSON through json-c (Debian's libjson-c).
 *
 * json-c rather than a parser of our own: its tokener is fuzzed and kept by
 * others, it parses incrementally and says at which byte a value ended
 * (json_tokener_get_parse_end), which is what reading an export element by
 * element, in pieces, needs.  What stays here is folio's layout and the text
 * gate on the way out.
 */
#include "folio/folio.h"

#include <limits.h>

#include "folio/json.h"
#include "folio/text.h"

/* "/" is not escaped: paths and URLs stay readable. */
#define WRITE_FLAGS (JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE)

void folio_json_begin(struct folio_json *j)
{
	j->obj = json_object_new_object();
	j->oom = !j->obj;
}

/* Add value under key; a NULL value is null unless had_value says it was
 * meant to be something (then memory ran out making it). */
static void add(struct folio_json *j, const char *key, json_object *value, bool had_value)
{
	if (j->oom || (had_value && !value) ||
	    json_object_object_add_ex(j->obj, key, value, JSON_C_OBJECT_ADD_KEY_IS_NEW |
	                                                      JSON_C_OBJECT_ADD_CONSTANT_KEY) != 0) {
		json_object_put(value);
		j->oom = true;
	}
}

void folio_json_text(struct folio_json *j, const char *key, const char *s)
{
	json_object *v = NULL;
	if (s) {
		size_t len;
		char *clean = folio_text_clean(s, strlen(s), true, &len);
		v = clean && len <= INT_MAX ? json_object_new_string_len(clean, (int)len) : NULL;
		free(clean);
	}
	add(j, key, v, s != NULL);
}

void folio_json_objects(struct folio_json *j, const char *key, struct folio_json *items,
                        size_t n)
{
	json_object *array = json_object_new_array_ext((int)n);
	bool oom = !array;
	for (size_t i = 0; i < n; i++) {
		if (oom || items[i].oom || json_object_array_add(array, items[i].obj) != 0) {
			json_object_put(items[i].obj);
			oom = true;
		}
		items[i].obj = NULL;
	}
	if (oom) {
		json_object_put(array);
		array = NULL;
	}
	add(j, key, array, true);
}

void folio_json_int(struct folio_json *j, const char *key, int64_t v)
{
	add(j, key, json_object_new_int64(v), true);
}

void folio_json_bool(struct folio_json *j, const char *key, bool v)
{
	add(j, key, json_object_new_boolean(v), true);
}

void folio_json_number(struct folio_json *j, const char *key, double v)
{
	char text[32];
	snprintf(text, sizeof text, "%.6g", v);
	add(j, key, json_object_new_double_s(v, text), true);
}

int folio_json_write(struct folio_json *j, FILE *out)
{
	const char *text = j->oom ? NULL : json_object_to_json_string_ext(j->obj, WRITE_FLAGS);
	if (text)
		fputs(text, out);
	json_object_put(j->obj);
	j->obj = NULL;
	return text ? 0 : -1;
}

void folio_json_list_begin(struct folio_json_list *l, FILE *out)
{
	l->out = out;
	l->items = 0;
	fputc('[', out);
}

int folio_json_list_item(struct folio_json_list *l, struct folio_json *j)
{
	fputs(l->items ? ",\n  " : "\n  ", l->out);
	l->items++;
	return folio_json_write(j, l->out);
}

void folio_json_list_end(struct folio_json_list *l)
{
	fputs(l->items ? "\n]\n" : "]\n", l->out);
}

/* Where the reader is between elements. */
enum {
	BEFORE_ARRAY, /* nothing but white space yet */
	FIRST_ITEM,   /* after "[": an element or "]" */
	NEXT_ITEM,    /* after ",": an element */
	IN_ITEM,      /* the tokener holds part of an element */
	AFTER_ITEM,   /* "," or "]" */
	AFTER_ARRAY,  /* nothing but white space */
	BROKEN,
};

int folio_json_reader_open(struct folio_json_reader *r, int max_depth, folio_json_item_fn *fn,
                           void *ctx)
{
	/* json-c counts the element itself as a level. */
	r->tok = json_tokener_new_ex(max_depth + 1);
	if (!r->tok)
		return -1;
	json_tokener_set_flags(r->tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
	r->state = BEFORE_ARRAY;
	r->fn = fn;
	r->ctx = ctx;
	r->reason = NULL;
	return 0;
}

static int broken(struct folio_json_reader *r, const char *reason)
{
	r->state = BROKEN;
	r->reason = reason;
	return 1;
}

/* The element that starts (or goes on) at *p; moves *p past what was used. */
static int parse_item(struct folio_json_reader *r, const char **p, const char *end)
{
	int chunk = end - *p > INT_MAX ? INT_MAX : (int)(end - *p);
	json_object *item = json_tokener_parse_ex(r->tok, *p, chunk);
	enum json_tokener_error err = json_tokener_get_error(r->tok);
	if (!item && err == json_tokener_continue) {
		*p += chunk; /* all of it belongs to this element */
		return 0;
	}
	if (!item)
		return broken(r, json_tokener_error_desc(err));
	*p += json_tokener_get_parse_end(r->tok);
	json_tokener_reset(r->tok);
	r->state = AFTER_ITEM;
	int rc = r->fn(r->ctx, item);
	json_object_put(item);
	if (rc != 0)
		r->state = BROKEN;
	return rc;
}

int folio_json_reader_feed(struct folio_json_reader *r, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		if (r->state == BROKEN)
			return 1;
		if (r->state == IN_ITEM) {
			int rc = parse_item(r, &p, end);
			if (rc != 0)
				return rc;
			continue;
		}
		char c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			p++;
			continue;
		}
		switch (r->state) {
		case BEFORE_ARRAY:
			if (c != '[')
				return broken(r, "not a JSON array");
			r->state = FIRST_ITEM;
			p++;
			break;
		case FIRST_ITEM:
		case NEXT_ITEM:
			if (c == ']' && r->state == FIRST_ITEM) {
				r->state = AFTER_ARRAY;
				p++;
			} else {
				r->state = IN_ITEM;
			}
			break;
		case AFTER_ITEM:
			if (c != ',' && c != ']')
				return broken(r, "items not separated by ','");
			r->state = c == ',' ? NEXT_ITEM : AFTER_ARRAY;
			p++;
			break;
		default: /* AFTER_ARRAY */
			return broken(r, "text after the array");
		}
	}
	return r->state == BROKEN;
}

int folio_json_reader_close(struct folio_json_reader *r)
{
	int rc = 0;
	if (r->state == BROKEN)
		rc = 1;
	else if (r->state != AFTER_ARRAY)
		rc = broken(r, r->state == BEFORE_ARRAY ? "not a JSON array" : "the array is cut short");
	json_tokener_free(r->tok);
	r->tok = NULL;
	return rc;
}

int folio_json_array_each(const char *text, size_t len, int max_depth,
                          folio_json_item_fn *fn, void *ctx, const char **reason)
{
	struct folio_json_reader r;
	*reason = NULL;
	if (folio_json_reader_open(&r, max_depth, fn, ctx) != 0)
		return -1;
	int rc = folio_json_reader_feed(&r, text, len);
	int closed = folio_json_reader_close(&r);
	if (rc == 0)
		rc = closed;
	*reason = r.reason;
	return rc;
}

const char *folio_json_get_string(json_object *obj, const char *key, size_t *len)
{
	json_object *v;
	if (!json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string(v);
}
