/*
 * replay: the plain-build half of fuzzing.  Feeds every saved input to one
 * fuzz target's entry point (linked in by the Makefile: replay_extract,
 * replay_query, replay_display) and prints TAP, one line per input.
 *
 * Inputs: tests/fuzz/regress/TARGET/ (every past finding, kept forever),
 * tests/fuzz/seeds/TARGET/ and the sample pages and feeds in tests/data, found under
 * $top_srcdir.  An input that breaks an invariant aborts inside the target,
 * which fails the test with the message and the file name just printed.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/util.h"
#include "fuzz.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET=\"name\""
#endif

static int count;

FOLIO_DEFINE_GROW(grow_names, char *)

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("not ok %d - %s: %s\n", ++count, path, strerror(errno));
		return;
	}
	struct folio_buf b = { 0 };
	size_t got, len;
	while (folio_buf_room(&b, 4096) && (got = fread(b.s + b.len, 1, b.cap - b.len - 1, f)) > 0)
		b.len += got;
	fclose(f);
	uint8_t *buf = (uint8_t *)folio_buf_finish(&b, &len);
	if (!buf) {
		printf("not ok %d - %s: out of memory\n", ++count, path);
		return;
	}
	/* Said before the call, so a crash inside is pinned on this file. */
	fprintf(stderr, "# replaying %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(buf, len);
	printf("ok %d - " FUZZ_TARGET ": %s\n", ++count, path);
	free(buf);
}

/* Every file in dir but those named *skip, in name order; a missing folder is nothing to replay. */
static void replay_dir(const char *dir, const char *skip)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' ||
		    (skip && len >= strlen(skip) && strcmp(e->d_name + len - strlen(skip), skip) == 0))
			continue;
		if (!grow_names(&names, &cap, n + 1) || !(names[n] = strdup(e->d_name))) {
			fputs("replay: out of memory\n", stderr);
			exit(99);
		}
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char *path;
		if (asprintf(&path, "%s/%s", dir, names[i]) < 0)
			exit(99);
		replay_file(path);
		free(path);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	char *dir;
	if (!top)
		top = ".";
	if (argc > 1) { /* files named on the command line: replay just those */
		for (int i = 1; i < argc; i++)
			replay_file(argv[i]);
	} else {
		static const char *const dirs[][2] = {
			{ "tests/fuzz/regress/" FUZZ_TARGET, NULL },
			{ "tests/fuzz/seeds/" FUZZ_TARGET, NULL },
			{ "tests/data/articles", ".expect" },
			{ "tests/data/extract", ".expect" },
			{ "tests/data/html", ".expect" },
			{ "tests/data/feeds", ".expect" },
		};
		for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
			if (asprintf(&dir, "%s/%s", top, dirs[i][0]) < 0)
				return 99;
			replay_dir(dir, dirs[i][1]);
			free(dir);
		}
	}
	printf("1..%d\n", count);
	return 0;
}
