/*
 * folio.h: included first by every .c of folio (as tig's tig.h is), so
 * each file starts from the same ground: the build's configuration (which
 * must come before any system header), the C library headers nearly every
 * file uses, and the shared primitives of folio/util.h.  Module headers
 * and the headers of libraries are included after it, file by file.
 *
 * Who owns an error message (the one rule for every module):
 *
 *   1. A module says what failed where it knows it, and never prints it.
 *      Code that does I/O (store, import, json, keymap) returns -1 (or a
 *      result enum) with a malloc'd message in *err that names the thing
 *      that failed (the store's path, the file, the line); pure code
 *      (extract, html, feed, sniff, search) returns a result and a static
 *      *reason, since it must not allocate to fail.  err may be NULL when
 *      the caller wants no message; *err is NULL when memory ran out.
 *   2. The message belongs to the caller from then on.  A layer between
 *      may add what it knows in front ("import: FILE: ...") and passes it
 *      up; it never prints it and also returns it.
 *   3. It is shown once, by whoever talks to the user, through the text
 *      gate: the command line with folio_cli_error()/folio_warn() (stderr),
 *      the reader with ui_store_error()/ui_message() (the status line),
 *      import's skips through the caller's on_skip.  Only cli.c, main.c and
 *      ui*.c write to stderr or the terminal.
 */
#ifndef FOLIO_FOLIO_H
#define FOLIO_FOLIO_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/util.h"

/*
 * Every allocation of folio's own goes through util.h's allocator, so the
 * unit tests can make any one of them fail (tests/unit/test_oom.c).  Only
 * the allocator itself (the end of util.c) goes around it.
 */
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup
#define malloc(n) folio_malloc(n)
#define calloc(n, size) folio_calloc(n, size)
#define realloc(p, n) folio_realloc(p, n)
#define strdup(s) folio_strdup(s)
#define strndup(s, n) folio_strndup(s, n)

#endif
