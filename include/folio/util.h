/*
 * util: the primitives every module shares, one of each (tig's util.h is
 * the model): the invariant check, the string buffer, array growth, the
 * calendar, where the XDG folders are, and the one allocator.  Before writing a helper like
 * these, use the one here.  Included by folio/folio.h, so every .c has it.
 */
#ifndef FOLIO_UTIL_H
#define FOLIO_UTIL_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

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

/* ---- the string buffer --------------------------------------------------- */

/*
 * A growable string.  Start from { 0 } (or folio_buf_init() to reserve
 * room first); every add may fail for memory, which sets oom and makes the
 * later adds do nothing, so a caller checks once, at folio_buf_finish().
 * s is NUL-terminated whenever anything was added.
 */
struct folio_buf {
	char *s;
	size_t len, cap;
	bool oom;
};

void folio_buf_init(struct folio_buf *b, size_t hint);
/* The slow half of folio_buf_room(). */
bool folio_buf_grow(struct folio_buf *b, size_t extra);

/* Room for extra more bytes and the NUL; false (oom set) when memory ran out. */
static inline bool folio_buf_room(struct folio_buf *b, size_t extra)
{
	return (!b->oom && b->cap - b->len > extra) || folio_buf_grow(b, extra);
}

static inline void folio_buf_add(struct folio_buf *b, const void *s, size_t n)
{
	if (!folio_buf_room(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void folio_buf_str(struct folio_buf *b, const char *s)
{
	folio_buf_add(b, s, strlen(s));
}

static inline void folio_buf_byte(struct folio_buf *b, char c)
{
	if (!folio_buf_room(b, 1))
		return;
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* A code point as UTF-8 (libunistring's encoder). */
static inline void folio_buf_uc(struct folio_buf *b, ucs4_t uc)
{
	if (!folio_buf_room(b, 4))
		return;
	int n = u8_uctomb((uint8_t *)b->s + b->len, uc, 4);
	b->len += n > 0 ? (size_t)n : 0;
	b->s[b->len] = '\0';
}

void folio_buf_printf(struct folio_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What stands before item i of n listed as English does: "A", "A and B",
 * "A, B and C". */
static inline const char *folio_list_sep(size_t i, size_t n)
{
	return i == 0 ? "" : i + 1 == n ? " and " : ", ";
}

/* Item i of n, so listed. */
static inline void folio_buf_list(struct folio_buf *b, size_t i, size_t n, const char *item)
{
	folio_buf_str(b, folio_list_sep(i, n));
	folio_buf_str(b, item);
}

/* Hand over the text (NUL-terminated, "" when nothing was added; the caller
 * frees it), or NULL (and free everything) when memory ran out. */
char *folio_buf_finish(struct folio_buf *b, size_t *len);

void folio_buf_free(struct folio_buf *b);

/* ---- growing arrays -------------------------------------------------------- */

/*
 * Room for need items in *v, an array of *cap items of size bytes: the
 * capacity doubles (from 16), never overflowing.  False, with *v and *cap
 * as they were, when memory runs out.
 */
bool folio_grow_raw(void **v, size_t *cap, size_t need, size_t size);

/*
 * FOLIO_DEFINE_GROW(grow_rows, struct row) defines
 *     static bool grow_rows(struct row **v, size_t *cap, size_t need);
 * the typed form of folio_grow_raw() (as tig's DEFINE_ALLOCATOR).
 */
#define FOLIO_DEFINE_GROW(name, type)                                            \
	static inline bool name(type **v, size_t *cap, size_t need)              \
	{                                                                        \
		void *p = *v;                                                    \
		bool ok = folio_grow_raw(&p, cap, need, sizeof(type));           \
		*v = p;                                                          \
		return ok;                                                       \
	}

/* ---- a set of ids ------------------------------------------------------------ */

/*
 * A set of non-zero int64 ids (open addressing), as the stories a list has
 * shown.  Zeroed is empty; folio_idset_free() gives it back.
 */
struct folio_idset {
	int64_t *slot; /* 0: empty */
	size_t cap, n;
};
/* 1 added, 0 already there, -1 memory ran out (the set is as it was). */
int folio_idset_add(struct folio_idset *s, int64_t id);
bool folio_idset_has(const struct folio_idset *s, int64_t id);
void folio_idset_free(struct folio_idset *s);

/* ---- the calendar ------------------------------------------------------------ */

/* The years an article may be dated: any other "date" is a misreading. */
#define FOLIO_YEAR_MIN 1900
#define FOLIO_YEAR_MAX 2199

/* y-m-d is a day of the Gregorian calendar, in the years above. */
bool folio_date_valid(int y, int m, int d);

/*
 * s (len bytes) starts with "YYYY-MM-DD" naming such a day, not followed by
 * another digit ("2024-02-09T10:00" is fine).  *y, *m, *d get it.
 */
bool folio_date_iso(const char *s, size_t len, int *y, int *m, int *d);

/* ---- where folio keeps its files -------------------------------------------- */

enum folio_xdg {
	FOLIO_XDG_DATA,   /* $XDG_DATA_HOME, else ~/.local/share */
	FOLIO_XDG_CONFIG, /* $XDG_CONFIG_HOME, else ~/.config */
	FOLIO_XDG_STATE,  /* $XDG_STATE_HOME, else ~/.local/state */
};

/*
 * "BASE/folio/name" for the XDG folder asked for: its variable when that is
 * an absolute path (the spec says to ignore a relative one), else under
 * $HOME.  NULL with errno ENOENT when neither is set, ENOMEM when memory ran
 * out.
 */
char *folio_xdg_path(enum folio_xdg kind, const char *name);

/* ---- memory ------------------------------------------------------------------ */

/*
 * Every allocation folio makes goes through these (folio/folio.h maps
 * malloc, calloc, realloc, strdup and strndup onto them in every .c), so a
 * test can make one of them fail: the branches that handle running out of
 * memory run in the unit tests (tests/unit/test_oom.c), not only in
 * production.  Allocations made inside libraries (SQLite, libxml2, json-c,
 * asprintf, getline) are theirs and are not counted.
 */
void *folio_malloc(size_t n);
void *folio_calloc(size_t n, size_t size);
void *folio_realloc(void *p, size_t n);
char *folio_strdup(const char *s);
char *folio_strndup(const char *s, size_t n);

/*
 * Tests only: the nth allocation from now fails (1: the next one), once;
 * 0 turns failing off.  folio_alloc_count() is how many allocations were
 * made since the last call of folio_alloc_fail_at(), and
 * folio_alloc_failed() whether the one chosen has failed yet: a run that
 * made fewer than n allocations ran clean.  Safe from several threads.
 */
void folio_alloc_fail_at(unsigned long n);
unsigned long folio_alloc_count(void);
bool folio_alloc_failed(void);

/* How many of this thread's allocations have failed (really, or as a test
 * asked), ever: code whose helpers answer NULL both for "none" and for "no
 * memory" compares it before and after to tell which. */
unsigned long folio_alloc_failures(void);

#endif
