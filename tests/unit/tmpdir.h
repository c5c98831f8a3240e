/*
 * tmpdir.h: a private folder for a test's files, shared by the store tests.
 * tmpdir_make() creates it under $TMPDIR (or /tmp), path_in() names a file
 * in it, tmpdir_remove() deletes it with everything in it, even folders a
 * test made unreadable.  Header-only; include after tap.h.
 */
#ifndef FOLIO_TEST_TMPDIR_H
#define FOLIO_TEST_TMPDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static char tmpdir[4096];

/* Make the folder, named after the test; 0, or -1 (with the reason printed). */
static inline int tmpdir_make(const char *test)
{
	const char *base = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/folio-%s-XXXXXX", base && *base ? base : "/tmp", test);
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return -1;
	}
	return 0;
}

/* TMPDIR/name, malloc'd. */
static inline char *path_in(const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", tmpdir, name) < 0)
		abort();
	return p;
}

static inline int tmpdir_remove_entry(const char *path, const struct stat *sb, int type,
                                      struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (type == FTW_DP || type == FTW_D)
		chmod(path, 0700);
	return remove(path);
}

static inline void tmpdir_remove(void)
{
	nftw(tmpdir, tmpdir_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
