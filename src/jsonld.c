/*
 * jsonld.c: the article in a news page's JSON-LD, read with json-c.
 *
 * Pages describe their article in schema.org JSON-LD: headline, author,
 * datePublished, publisher.  json-c parses the block leniently (real pages
 * put raw newlines in strings and comments around the data), bounded in
 * depth and in size so hostile input costs little; broken JSON gives nothing.
 */
#include "folio/folio.h"

#include <json-c/json.h>
#include <limits.h>

#include "jsonld.h"

#define JSONLD_MAX_DEPTH 64
/* A tree costs some 70 bytes a value: past this a block is not read (an
 * article's JSON-LD, body and all, is a few hundred KiB at most). */
#define JSONLD_MAX_BYTES (2u << 20)

static const char *string_of(json_object *v)
{
	return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static json_object *member(json_object *obj, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(obj, key, &v) ? v : NULL;
}

static bool article_type(const char *t)
{
	size_t n = strlen(t);
	return (n >= 7 && strcmp(t + n - 7, "Article") == 0) ||
	       (n >= 7 && strcmp(t + n - 7, "Posting") == 0) || strcmp(t, "Report") == 0;
}

/* Whether obj's @type (a string or an array of them) passes test, or is name. */
static bool has_type(json_object *obj, bool (*test)(const char *), const char *name)
{
	json_object *t = member(obj, "@type");
	size_t n = json_object_is_type(t, json_type_array) ? json_object_array_length(t) : 1;
	for (size_t i = 0; i < n; i++) {
		const char *s = string_of(json_object_is_type(t, json_type_array)
		                                  ? json_object_array_get_idx(t, i) : t);
		if (s && (test ? test(s) : strcmp(s, name) == 0))
			return true;
	}
	return false;
}

/* A name: a string, or an object's "name". */
static const char *name_of(json_object *n)
{
	if (json_object_is_type(n, json_type_object))
		return string_of(member(n, "name"));
	return string_of(n);
}

/* A person's name: name_of() unless the object is an organisation (a
 * byline names people). */
static const char *person_of(json_object *n)
{
	return json_object_is_type(n, json_type_object) && has_type(n, NULL, "Organization")
	               ? NULL : name_of(n);
}

static int set_copy(char **field, const char *value)
{
	if (*field || !value || !*value)
		return 0;
	*field = strdup(value);
	return *field ? 0 : -1;
}

/* Authors joined "A", "A and B", "A, B and C". */
static int set_authors(char **field, json_object *author)
{
	if (*field || !author)
		return 0;
	if (!json_object_is_type(author, json_type_array))
		return set_copy(field, person_of(author));
	size_t count = 0, n = json_object_array_length(author);
	for (size_t i = 0; i < n; i++)
		count += person_of(json_object_array_get_idx(author, i)) != NULL;
	if (count == 0)
		return 0;
	struct folio_buf b = { 0 };
	for (size_t i = 0, done = 0; i < n; i++) {
		const char *name = person_of(json_object_array_get_idx(author, i));
		if (name)
			folio_buf_list(&b, done++, count, name);
	}
	return (*field = folio_buf_finish(&b, NULL)) ? 0 : -1;
}

static int visit(json_object *n, struct jsonld_article *out)
{
	if (json_object_is_type(n, json_type_object) && has_type(n, article_type, NULL)) {
		json_object *publisher = member(n, "publisher");
		if (set_copy(&out->headline, string_of(member(n, "headline"))) ||
		    set_copy(&out->name, string_of(member(n, "name"))) ||
		    set_copy(&out->date, string_of(member(n, "datePublished"))) ||
		    set_copy(&out->created, string_of(member(n, "dateCreated"))) ||
		    set_authors(&out->author, member(n, "author")) ||
		    (publisher && set_copy(&out->publisher, name_of(publisher))) ||
		    set_copy(&out->body, string_of(member(n, "articleBody"))))
			return -1;
		return 0;
	}
	if (json_object_is_type(n, json_type_object)) {
		json_object_object_foreach(n, key, child) {
			(void)key;
			if (visit(child, out) != 0)
				return -1;
		}
	} else if (json_object_is_type(n, json_type_array)) {
		for (size_t i = 0, len = json_object_array_length(n); i < len; i++)
			if (visit(json_object_array_get_idx(n, i), out) != 0)
				return -1;
	}
	return 0;
}

int jsonld_article(const char *json, size_t len, struct jsonld_article *out)
{
	if (len > JSONLD_MAX_BYTES)
		return 0;
	json_tokener *tok = json_tokener_new_ex(JSONLD_MAX_DEPTH);
	if (!tok)
		return -1;
	json_object *root = json_tokener_parse_ex(tok, json, (int)len);
	json_tokener_free(tok);
	int rc = root ? visit(root, out) : 0;
	json_object_put(root);
	return rc;
}

void jsonld_article_free(struct jsonld_article *a)
{
	free(a->headline);
	free(a->date);
	free(a->author);
	free(a->publisher);
	free(a->body);
	free(a->created);
	free(a->name);
	memset(a, 0, sizeof *a);
}
