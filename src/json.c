/*
 * json.c: write folio's JSON, and read back the one shape folio writes for
 * other folios (an array of flat objects, `folio export --json`).
 *
 * The reader is a strict recursive-descent-free scanner: flat objects only,
 * so there is no depth to bound, and every string is copied out unescaped
 * (surrogate pairs joined, a lone surrogate becomes U+FFFD).  It reads
 * within len and never trusts a NUL terminator.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "folio/json.h"
#include "folio/text.h"

#define MAX_MEMBERS 64

void folio_json_put_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	char *clean = folio_text_clean(s, strlen(s), true, NULL);
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)(clean ? clean : ""); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				putc(*p, out);
		}
	}
	putc('"', out);
	free(clean);
}

void folio_json_put_field(FILE *out, const char *key, const char *value, bool last)
{
	fprintf(out, "\"%s\": ", key);
	folio_json_put_string(out, value);
	if (!last)
		fputs(", ", out);
}

struct scanner {
	const char *p, *end;
	const char *reason;
};

static void skip_space(struct scanner *sc)
{
	while (sc->p < sc->end && (*sc->p == ' ' || *sc->p == '\t' || *sc->p == '\n' ||
	                           *sc->p == '\r'))
		sc->p++;
}

static bool take(struct scanner *sc, char c)
{
	skip_space(sc);
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

char *folio_json_string(const char **pos, const char *end, bool strict, const char **reason)
{
	/* Unescaped text is never longer than the escaped text. */
	const char *p = *pos;
	size_t cap = 1;
	for (const char *q = p; q < end && *q != '"'; q++) {
		cap++;
		if (*q == '\\' && q + 1 < end)
			cap++, q++;
	}
	char *out = malloc(cap + 4);
	size_t n = 0;
	*reason = NULL;
	if (!out)
		return NULL;
	while (p < end && *p != '"') {
		unsigned char c = (unsigned char)*p++;
		if (c < 0x20 && strict) {
			*reason = "a control character inside a string";
			goto bad;
		}
		if (c != '\\') {
			out[n++] = (char)c;
			continue;
		}
		if (p >= end)
			break;
		char e = *p++;
		switch (e) {
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'u': {
			int cp = end - p >= 4 ? hex4(p) : -1;
			if (cp < 0) {
				*reason = "a bad \\u escape";
				goto bad;
			}
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
				int low = hex4(p + 2);
				if (low >= 0xDC00 && low <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
					p += 6;
				}
			}
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD; /* a lone surrogate */
			n += put_utf8(out + n, (unsigned)cp);
			break;
		}
		default:
			if (strict && e != '"' && e != '\\' && e != '/') {
				*reason = "a bad escape";
				goto bad;
			}
			out[n++] = e; /* \" \\ \/ (and, leniently, anything else) as itself */
		}
	}
	if (p >= end) {
		*reason = "a string that never ends";
		goto bad;
	}
	*pos = p + 1; /* past the closing quote */
	out[n] = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

/* A string at sc->p (just after its opening quote), strictly. */
static char *scan_string(struct scanner *sc)
{
	return folio_json_string(&sc->p, sc->end, true, &sc->reason);
}

/* A value that is not a string: a number, true, false or null, copied as written. */
static int scan_bare(struct scanner *sc, char **value)
{
	const char *start = sc->p;
	while (sc->p < sc->end && strchr("+-.0123456789eEtruefalsn", *sc->p) && *sc->p)
		sc->p++;
	size_t len = (size_t)(sc->p - start);
	*value = NULL;
	if (len == 4 && memcmp(start, "null", 4) == 0)
		return 0;
	bool number = len > 0 && strchr("-0123456789", *start);
	if (!number && !(len == 4 && memcmp(start, "true", 4) == 0) &&
	    !(len == 5 && memcmp(start, "false", 5) == 0)) {
		sc->reason = len ? "an unknown word" : "a nested or missing value";
		return 1;
	}
	if (!(*value = malloc(len + 1)))
		return -1;
	memcpy(*value, start, len);
	(*value)[len] = '\0';
	return 0;
}

static void free_members(struct folio_json_member *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].key);
		free(m[i].value);
	}
}

/* One flat object, after its '{'. */
static int scan_object(struct scanner *sc, struct folio_json_member *m, size_t *n)
{
	*n = 0;
	if (take(sc, '}'))
		return 0;
	for (;;) {
		if (*n == MAX_MEMBERS) {
			sc->reason = "an object with too many members";
			return 1;
		}
		if (!take(sc, '"')) {
			sc->reason = "a member without a quoted name";
			return 1;
		}
		m[*n].value = NULL;
		if (!(m[*n].key = scan_string(sc)))
			return sc->reason ? 1 : -1;
		(*n)++;
		if (!take(sc, ':')) {
			sc->reason = "a member without ':'";
			return 1;
		}
		skip_space(sc);
		if (sc->p < sc->end && *sc->p == '"') {
			sc->p++;
			if (!(m[*n - 1].value = scan_string(sc)))
				return sc->reason ? 1 : -1;
		} else {
			int rc = scan_bare(sc, &m[*n - 1].value);
			if (rc)
				return rc;
		}
		if (take(sc, '}'))
			return 0;
		if (!take(sc, ',')) {
			sc->reason = "members not separated by ','";
			return 1;
		}
	}
}

int folio_json_objects(const char *text, size_t len, folio_json_object_fn *fn, void *ctx,
                       const char **reason)
{
	struct scanner sc = { text, text + len, NULL };
	struct folio_json_member members[MAX_MEMBERS];
	int rc = 1;

	if (!take(&sc, '[')) {
		*reason = "not a JSON array";
		return 1;
	}
	if (take(&sc, ']'))
		goto end;
	for (;;) {
		size_t n = 0;
		if (!take(&sc, '{')) {
			sc.reason = "an array item that is not an object";
			break;
		}
		rc = scan_object(&sc, members, &n);
		if (rc == 0)
			rc = fn(ctx, members, n);
		free_members(members, n);
		if (rc != 0)
			break;
		rc = 1;
		if (take(&sc, ']'))
			goto end;
		if (!take(&sc, ',')) {
			sc.reason = "items not separated by ','";
			break;
		}
	}
	*reason = sc.reason ? sc.reason : "malformed JSON";
	return rc;
end:
	skip_space(&sc);
	if (sc.p != sc.end) {
		*reason = "text after the array";
		return 1;
	}
	*reason = NULL;
	return 0;
}

bool folio_json_has(const struct folio_json_member *members, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(members[i].key, key) == 0)
			return true;
	return false;
}

const char *folio_json_get(const struct folio_json_member *members, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(members[i].key, key) == 0)
			return members[i].value;
	return NULL;
}
