/*
 * util.c: the shared primitives (see folio/util.h).
 */
#include "folio/folio.h"

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>

void folio_buf_init(struct folio_buf *b, size_t hint)
{
	*b = (struct folio_buf){ 0 };
	folio_buf_room(b, hint);
}

bool folio_buf_grow(struct folio_buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (extra > SIZE_MAX - 1 - b->len) {
		b->oom = true;
		return false;
	}
	size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		b->oom = true;
		return false;
	}
	b->s = s;
	b->cap = cap;
	return true;
}

void folio_buf_printf(struct folio_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!folio_buf_room(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *folio_buf_finish(struct folio_buf *b, size_t *len)
{
	if (!folio_buf_room(b, 0)) {
		folio_buf_free(b);
		return NULL;
	}
	b->s[b->len] = '\0';
	if (len)
		*len = b->len;
	char *s = b->s;
	*b = (struct folio_buf){ 0 };
	return s;
}

void folio_buf_free(struct folio_buf *b)
{
	free(b->s);
	*b = (struct folio_buf){ 0 };
}

bool folio_grow_raw(void **v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t next = *cap ? *cap : 16;
	while (next < need)
		next = next > SIZE_MAX / 2 ? need : next * 2;
	if (size && next > SIZE_MAX / size)
		return false;
	void *p = realloc(*v, next * size);
	if (!p)
		return false;
	*v = p;
	*cap = next;
	return true;
}

static size_t idset_home(const struct folio_idset *s, int64_t id)
{
	size_t i = (size_t)((uint64_t)id * UINT64_C(0x9E3779B97F4A7C15) >> 7) & (s->cap - 1);
	while (s->slot[i] && s->slot[i] != id)
		i = (i + 1) & (s->cap - 1);
	return i;
}

int folio_idset_add(struct folio_idset *s, int64_t id)
{
	assert(id != 0);
	if (2 * (s->n + 1) > s->cap) {
		struct folio_idset bigger = { .cap = s->cap ? 2 * s->cap : 64 };
		if (!(bigger.slot = calloc(bigger.cap, sizeof *bigger.slot)))
			return -1;
		for (size_t i = 0; i < s->cap; i++)
			if (s->slot[i])
				bigger.slot[idset_home(&bigger, s->slot[i])] = s->slot[i];
		bigger.n = s->n;
		free(s->slot);
		*s = bigger;
	}
	size_t i = idset_home(s, id);
	if (s->slot[i])
		return 0;
	s->slot[i] = id;
	s->n++;
	return 1;
}

bool folio_idset_has(const struct folio_idset *s, int64_t id)
{
	return s->cap && s->slot[idset_home(s, id)] == id;
}

void folio_idset_free(struct folio_idset *s)
{
	free(s->slot);
	memset(s, 0, sizeof *s);
}

bool folio_date_valid(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < FOLIO_YEAR_MIN || y > FOLIO_YEAR_MAX || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

static int number(const char *s, int digits)
{
	int v = 0;
	for (int i = 0; i < digits; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool folio_date_iso(const char *s, size_t len, int *y, int *m, int *d)
{
	if (len < 10 || s[4] != '-' || s[7] != '-' || (len > 10 && s[10] >= '0' && s[10] <= '9'))
		return false;
	*y = number(s, 4);
	*m = number(s + 5, 2);
	*d = number(s + 8, 2);
	return folio_date_valid(*y, *m, *d);
}

char *folio_xdg_path(enum folio_xdg kind, const char *name)
{
	static const struct {
		const char *variable, *under_home;
	} where[] = {
		[FOLIO_XDG_DATA] = { "XDG_DATA_HOME", ".local/share" },
		[FOLIO_XDG_CONFIG] = { "XDG_CONFIG_HOME", ".config" },
		[FOLIO_XDG_STATE] = { "XDG_STATE_HOME", ".local/state" },
	};
	const char *base = getenv(where[kind].variable), *home = getenv("HOME");
	struct folio_buf path = { 0 };
	if (base && base[0] == '/')
		folio_buf_printf(&path, "%s/folio/%s", base, name);
	else if (home && *home)
		folio_buf_printf(&path, "%s/%s/folio/%s", home, where[kind].under_home, name);
	else {
		errno = ENOENT;
		return NULL;
	}
	char *s = folio_buf_finish(&path, NULL);
	if (!s)
		errno = ENOMEM;
	return s;
}

/* ---- memory ------------------------------------------------------------------ */

/* The real allocator: folio/folio.h's macros are not wanted here. */
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup

static _Atomic unsigned long alloc_fail_at; /* 0: never */
static _Atomic unsigned long alloc_count;
static _Atomic bool alloc_did_fail;
static __thread unsigned long alloc_failures; /* this thread's */

unsigned long folio_alloc_failures(void)
{
	return alloc_failures;
}

/* p from an allocation of n bytes: a failure is counted. */
static inline void *counted(void *p, size_t n)
{
	if (!p && n)
		alloc_failures++;
	return p;
}

void folio_alloc_fail_at(unsigned long n)
{
	atomic_store(&alloc_count, 0);
	atomic_store(&alloc_did_fail, false);
	atomic_store(&alloc_fail_at, n);
}

unsigned long folio_alloc_count(void)
{
	return atomic_load(&alloc_count);
}

bool folio_alloc_failed(void)
{
	return atomic_load(&alloc_did_fail);
}

/* Whether this allocation is the one a test asked to fail. */
static inline bool alloc_fails(void)
{
	if (atomic_load_explicit(&alloc_fail_at, memory_order_relaxed) == 0)
		return false;
	unsigned long n = atomic_fetch_add(&alloc_count, 1) + 1;
	if (n != atomic_load(&alloc_fail_at))
		return false;
	atomic_store(&alloc_did_fail, true);
	alloc_failures++;
	errno = ENOMEM;
	return true;
}

void *folio_malloc(size_t n)
{
	return alloc_fails() ? NULL : counted(malloc(n), n);
}

void *folio_calloc(size_t n, size_t size)
{
	return alloc_fails() ? NULL : counted(calloc(n, size), n * size);
}

void *folio_realloc(void *p, size_t n)
{
	return alloc_fails() ? NULL : counted(realloc(p, n), n);
}

char *folio_strdup(const char *s)
{
	return alloc_fails() ? NULL : counted(strdup(s), 1);
}

char *folio_strndup(const char *s, size_t n)
{
	return alloc_fails() ? NULL : counted(strndup(s, n), 1);
}
