/*
 * samples.h: what test_html and test_feed share for reading sample files
 * and their .expect files (the format test_extract reads; see there).
 * Header-only; include after tap.h.
 */
#ifndef FOLIO_TEST_SAMPLES_H
#define FOLIO_TEST_SAMPLES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole file, NUL-terminated; NULL when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
		if (n + 1 == cap) {
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

/* True when s is valid UTF-8 with no control bytes but newline. */
static int valid_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned char c = *p;
		int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (n == 0 || (c < 0x20 && c != '\n') || c == 0x7F || (n == 2 && c < 0xC2))
			return 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static int ends_with(const char *s, const char *t)
{
	size_t a = strlen(s), b = strlen(t);
	return a >= b && strcmp(s + a - b, t) == 0;
}

/* A copy of s with each "\n" written out turned into a newline. */
static char *unescape(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	if (!out)
		return NULL;
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*o++ = '\n';
			s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

/* The .expect file split into lines in place; returns the number of lines. */
static size_t split_lines(char *text, size_t len, char **lines, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			text[i] = '\0';
	for (char *line = text; line < text + len && n < max; line += strlen(line) + 1)
		lines[n++] = line;
	return n;
}

/* The value of "key: value", or NULL when line is not that key. */
static const char *value_of(const char *line, const char *key)
{
	size_t k = strlen(key);
	return strncmp(line, key, k) == 0 && line[k] == ':' && line[k + 1] == ' ' ? line + k + 2 : NULL;
}

/* One body_first / body_last / body_has line checked against body. */
static void check_body_line(const char *name, const char *line, const char *body)
{
	const char *v;
	if ((v = value_of(line, "body_first"))) {
		if (!ok(body && strncmp(body, v, strlen(v)) == 0, "%s: body starts right", name))
			printf("#   body starts: %.120s\n", body ? body : "(null)");
	} else if ((v = value_of(line, "body_last"))) {
		if (!ok(body && ends_with(body, v), "%s: body ends right", name))
			printf("#   body ends: %s\n", body && strlen(body) > 120 ? body + strlen(body) - 120 : body);
	} else if ((v = value_of(line, "body_has"))) {
		char *has = unescape(v);
		if (!ok(has && body && strstr(body, has), "%s: body has \"%s\"", name, v))
			printf("#   body: %s\n", body ? body : "(null)");
		free(has);
	}
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The names in dir that have a NAME.expect beside them, without ".expect", sorted. */
static size_t expect_names(const char *dir, char **names, size_t max)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max) {
		size_t l = strlen(e->d_name);
		if (l > 7 && strcmp(e->d_name + l - 7, ".expect") == 0 && (names[n] = strdup(e->d_name)))
			names[n++][l - 7] = '\0';
	}
	closedir(d);
	qsort(names, n, sizeof names[0], by_name);
	return n;
}

#endif
