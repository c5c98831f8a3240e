/*
 * jsonld.c: a small JSON reader for the JSON-LD block of a news page.
 *
 * Pages describe their article in schema.org JSON-LD: headline, author,
 * datePublished, publisher.  We need four strings from it, not a JSON
 * library: this is a recursive-descent parser into a small tree, bounded in
 * depth (JSONLD_MAX_DEPTH) and in nodes (JSONLD_MAX_NODES) so hostile input
 * costs little, and strict enough that broken JSON simply gives nothing.
 */
#include "config.h"

#include "folio/json.h"
#include "jsonld.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define JSONLD_MAX_DEPTH 64
#define JSONLD_MAX_NODES 100000

enum jtype { J_OBJECT, J_ARRAY, J_STRING, J_OTHER };

struct jnode {
	enum jtype type;
	char *key;   /* member name inside an object, else NULL */
	char *str;   /* J_STRING's value */
	struct jnode *child, *next;
};

struct parser {
	const char *p, *end;
	size_t nodes;
	bool oom;
};

static void jfree(struct jnode *n)
{
	while (n) {
		struct jnode *next = n->next;
		jfree(n->child);
		free(n->key);
		free(n->str);
		free(n);
		n = next;
	}
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

/* JSON-LD in real pages is often sloppy (raw newlines in strings): read it leniently. */
static char *parse_string(struct parser *ps)
{
	const char *reason;
	assert(ps->p < ps->end && *ps->p == '"');
	ps->p++;
	char *text = folio_json_string(&ps->p, ps->end, false, &reason);
	if (!text && !reason)
		ps->oom = true;
	return text;
}

static struct jnode *parse_value(struct parser *ps, int depth);

static struct jnode *new_node(struct parser *ps, enum jtype type)
{
	if (++ps->nodes > JSONLD_MAX_NODES)
		return NULL;
	struct jnode *n = calloc(1, sizeof *n);
	if (!n)
		ps->oom = true;
	else
		n->type = type;
	return n;
}

/* The members of an object or the items of an array, after the bracket. */
static struct jnode *parse_container(struct parser *ps, int depth, bool object)
{
	struct jnode *n = new_node(ps, object ? J_OBJECT : J_ARRAY), **tail;
	if (!n)
		return NULL;
	tail = &n->child;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
		ps->p++;
		return n;
	}
	for (;;) {
		char *key = NULL;
		skip_ws(ps);
		if (object) {
			if (ps->p >= ps->end || *ps->p != '"' || !(key = parse_string(ps)))
				goto bad;
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				free(key);
				goto bad;
			}
			ps->p++;
		}
		struct jnode *v = parse_value(ps, depth + 1);
		if (!v) {
			free(key);
			goto bad;
		}
		v->key = key;
		*tail = v;
		tail = &v->next;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
			ps->p++;
			return n;
		}
		goto bad;
	}
bad:
	jfree(n);
	return NULL;
}

static struct jnode *parse_value(struct parser *ps, int depth)
{
	skip_ws(ps);
	if (ps->p >= ps->end || depth > JSONLD_MAX_DEPTH)
		return NULL;
	if (*ps->p == '{' || *ps->p == '[')
		return parse_container(ps, depth, *ps->p == '{');
	if (*ps->p == '"') {
		char *s = parse_string(ps);
		struct jnode *n = s ? new_node(ps, J_STRING) : NULL;
		if (!n) {
			free(s);
			return NULL;
		}
		n->str = s;
		return n;
	}
	/* Numbers, true, false, null: we only need to step over them. */
	const char *start = ps->p;
	while (ps->p < ps->end && (strchr("+-.eE", *ps->p) || (*ps->p >= '0' && *ps->p <= '9') ||
	                           (*ps->p >= 'a' && *ps->p <= 'z')))
		ps->p++;
	return ps->p > start ? new_node(ps, J_OTHER) : NULL;
}

static const struct jnode *member(const struct jnode *obj, const char *key)
{
	for (const struct jnode *c = obj->child; c; c = c->next)
		if (c->key && strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

static bool article_type(const char *t)
{
	size_t n = strlen(t);
	return (n >= 7 && strcmp(t + n - 7, "Article") == 0) || (n >= 7 && strcmp(t + n - 7, "Posting") == 0) ||
	       strcmp(t, "Report") == 0;
}

static bool is_article(const struct jnode *obj)
{
	const struct jnode *t = member(obj, "@type");
	if (!t)
		return false;
	if (t->type == J_STRING)
		return article_type(t->str);
	if (t->type == J_ARRAY)
		for (const struct jnode *c = t->child; c; c = c->next)
			if (c->type == J_STRING && article_type(c->str))
				return true;
	return false;
}

static bool typed(const struct jnode *obj, const char *type)
{
	const struct jnode *t = member(obj, "@type");
	if (t && t->type == J_STRING)
		return strcmp(t->str, type) == 0;
	if (t && t->type == J_ARRAY)
		for (const struct jnode *c = t->child; c; c = c->next)
			if (c->type == J_STRING && strcmp(c->str, type) == 0)
				return true;
	return false;
}

/* A name: a string, or an object's "name". */
static const char *name_of(const struct jnode *n)
{
	if (n->type == J_STRING)
		return n->str;
	if (n->type == J_OBJECT) {
		const struct jnode *name = member(n, "name");
		if (name && name->type == J_STRING)
			return name->str;
	}
	return NULL;
}

/* A person's name: name_of() unless the object is an organisation (a
 * byline names people). */
static const char *person_of(const struct jnode *n)
{
	return n->type == J_OBJECT && typed(n, "Organization") ? NULL : name_of(n);
}

static int set_copy(char **field, const char *value)
{
	if (*field || !value || !*value)
		return 0;
	*field = strdup(value);
	return *field ? 0 : -1;
}

/* Authors joined "A", "A and B", "A, B and C". */
static int set_authors(char **field, const struct jnode *author)
{
	if (*field || !author)
		return 0;
	if (author->type != J_ARRAY)
		return set_copy(field, person_of(author));
	size_t total = 1, count = 0;
	for (const struct jnode *c = author->child; c; c = c->next)
		if (person_of(c)) {
			total += strlen(person_of(c)) + 5;
			count++;
		}
	if (count == 0)
		return 0;
	char *s = malloc(total);
	if (!s)
		return -1;
	s[0] = '\0';
	size_t i = 0;
	for (const struct jnode *c = author->child; c; c = c->next) {
		const char *name = person_of(c);
		if (!name)
			continue;
		if (i > 0)
			strcat(s, i + 1 == count ? " and " : ", ");
		strcat(s, name);
		i++;
	}
	*field = s;
	return 0;
}

static int visit(const struct jnode *n, struct jsonld_article *out)
{
	if (n->type == J_OBJECT && is_article(n)) {
		const struct jnode *v;
		if ((v = member(n, "headline")) && v->type == J_STRING && set_copy(&out->headline, v->str))
			return -1;
		if ((v = member(n, "name")) && v->type == J_STRING && set_copy(&out->name, v->str))
			return -1;
		if ((v = member(n, "datePublished")) && v->type == J_STRING && set_copy(&out->date, v->str))
			return -1;
		if ((v = member(n, "dateCreated")) && v->type == J_STRING && set_copy(&out->created, v->str))
			return -1;
		if (set_authors(&out->author, member(n, "author")))
			return -1;
		if ((v = member(n, "publisher")) && set_copy(&out->publisher, name_of(v)))
			return -1;
		if ((v = member(n, "articleBody")) && v->type == J_STRING && set_copy(&out->body, v->str))
			return -1;
		return 0;
	}
	if (n->type == J_OBJECT || n->type == J_ARRAY)
		for (const struct jnode *c = n->child; c; c = c->next)
			if (visit(c, out) != 0)
				return -1;
	return 0;
}

int jsonld_article(const char *json, size_t len, struct jsonld_article *out)
{
	struct parser ps = { .p = json, .end = json + len };
	struct jnode *root = parse_value(&ps, 0);
	if (!root)
		return ps.oom ? -1 : 0;
	int rc = visit(root, out);
	jfree(root);
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
