/*
 * util: the primitives every module shares, one of each.
 */
#ifndef FOLIO_UTIL_H
#define FOLIO_UTIL_H

#include <assert.h>
#include <stdbool.h>

/*
 * An invariant the code also defends (SQLite's ALWAYS): FOLIO_ALWAYS(x) is
 * x, and a debug build (no NDEBUG) stops at once where it is false, so a
 * test finds the bug; a release build takes the defensive branch instead.
 *
 *     if (!FOLIO_ALWAYS(folio_text_is_clean(s, n))) return refuse(...);
 */
#ifdef NDEBUG
#define FOLIO_ALWAYS(x) (x)
#else
#define FOLIO_ALWAYS(x) ((x) ? true : (assert(!"invariant: " #x), false))
#endif

#endif
