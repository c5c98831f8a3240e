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

#include "folio/util.h"

/* A whole file, NUL-terminated; NULL when it cannot be read. */
static inline char *read_file(const char *path, size_t *len)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct folio_buf b = { 0 };
	size_t got;
	while (folio_buf_room(&b, 4096) && (got = fread(b.s + b.len, 1, b.cap - b.len - 1, f)) > 0)
		b.len += got;
	fclose(f);
	return folio_buf_finish(&b, len);
}

/* True when s is valid UTF-8 with no control bytes but newline. */
static inline int valid_text(const char *s)
{
	size_t n = strlen(s);
	if (u8_check((const uint8_t *)s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7F)
			return 0;
	return 1;
}

static inline int ends_with(const char *s, const char *t)
{
	size_t a = strlen(s), b = strlen(t);
	return a >= b && strcmp(s + a - b, t) == 0;
}

/* A copy of s with each "\n" written out turned into a newline. */
static inline char *unescape(const char *s)
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
static inline size_t split_lines(char *text, size_t len, char **lines, size_t max)
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
static inline const char *value_of(const char *line, const char *key)
{
	size_t k = strlen(key);
	return strncmp(line, key, k) == 0 && line[k] == ':' && line[k + 1] == ' ' ? line + k + 2 : NULL;
}

/* One body_first / body_last / body_has line checked against body. */
static inline void check_body_line(const char *name, const char *line, const char *body)
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

static inline int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The names in dir that have a NAME.expect beside them, without ".expect", sorted. */
static inline size_t expect_names(const char *dir, char **names, size_t max)
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
