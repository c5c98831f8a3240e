/*
 * test_util: the shared primitives: the string buffer, array growth, the
 * calendar and the XDG folders.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "folio/util.h"
#include "tap.h"

static void test_buf(void)
{
	struct folio_buf b = { 0 };
	char *s = folio_buf_finish(&b, NULL);
	is_str(s, "", "an empty buffer finishes as \"\"");
	free(s);

	size_t len;
	for (int i = 0; i < 1000; i++)
		folio_buf_str(&b, "ab");
	folio_buf_byte(&b, '!');
	folio_buf_uc(&b, 0xE9);
	folio_buf_uc(&b, 0x1F600);
	folio_buf_printf(&b, " %d-%s", 42, "x");
	s = folio_buf_finish(&b, &len);
	ok(s && len == 2000 + 1 + 2 + 4 + 5 && strncmp(s, "abab", 4) == 0 &&
	   strcmp(s + 2000, "!\xc3\xa9\xf0\x9f\x98\x80 42-x") == 0,
	   "adds of bytes, strings, code points (UTF-8) and printf, grown as needed");
	is_int(b.s == NULL && b.len == 0, 1, "finishing hands the text over and empties the buffer");
	free(s);

	const char *names[] = { "Ann", "Bo", "Cy" };
	for (size_t n = 1; n <= 3; n++) {
		for (size_t i = 0; i < n; i++)
			folio_buf_list(&b, i, n, names[i]);
		s = folio_buf_finish(&b, NULL);
		is_str(s, n == 1 ? "Ann" : n == 2 ? "Ann and Bo" : "Ann, Bo and Cy",
		       "a list of %zu as English writes it", n);
		free(s);
	}

	b.oom = true;
	folio_buf_str(&b, "lost");
	ok(!folio_buf_finish(&b, NULL) && !b.s, "after a failure adds do nothing and finish says so");
}

FOLIO_DEFINE_GROW(grow_ints, int)

static void test_grow(void)
{
	int *v = NULL;
	size_t cap = 0, n = 0;
	bool all = true;
	for (int i = 0; i < 10000; i++) {
		all = all && grow_ints(&v, &cap, n + 1);
		v[n++] = i;
	}
	bool same = true;
	for (int i = 0; i < 10000; i++)
		same = same && v[i] == i;
	ok(all && same && cap >= 10000 && cap < 20000 * 2, "an array grown one at a time keeps its items");
	int *before = v;
	size_t cap_before = cap;
	ok(grow_ints(&v, &cap, 5) && v == before && cap == cap_before, "room already there: nothing moves");
	ok(!grow_ints(&v, &cap, SIZE_MAX / 2) && v == before && cap == cap_before,
	   "an impossible size fails, the array as it was");
	free(v);
}

static void test_calendar(void)
{
	ok(folio_date_valid(2024, 2, 29), "2024-02-29 is a day");
	ok(!folio_date_valid(2023, 2, 29), "2023-02-29 is not");
	ok(folio_date_valid(2000, 2, 29) && !folio_date_valid(1900, 2, 29), "century leap years");
	ok(!folio_date_valid(2024, 4, 31) && !folio_date_valid(2024, 13, 1) && !folio_date_valid(2024, 0, 1),
	   "no April 31, no month 13 or 0");
	ok(folio_date_valid(FOLIO_YEAR_MIN, 1, 1) && folio_date_valid(FOLIO_YEAR_MAX, 12, 31) &&
	   !folio_date_valid(FOLIO_YEAR_MIN - 1, 12, 31) && !folio_date_valid(FOLIO_YEAR_MAX + 1, 1, 1),
	   "the years an article may have, and no others");
	int y, m, d;
	ok(folio_date_iso("2024-02-09T10:00:00Z", 20, &y, &m, &d) && y == 2024 && m == 2 && d == 9,
	   "YYYY-MM-DD at the start of a timestamp");
	ok(!folio_date_iso("2024-02-091", 11, &y, &m, &d), "not followed by another digit");
	ok(!folio_date_iso("2024-2-09", 9, &y, &m, &d) && !folio_date_iso("2024-02-0", 9, &y, &m, &d),
	   "the shape is exact");
	ok(!folio_date_iso("2024-02-09", 9, &y, &m, &d), "and read within its length");
}

static void test_xdg(void)
{
	setenv("HOME", "/home/u", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	unsetenv("XDG_CONFIG_HOME");
	setenv("XDG_STATE_HOME", "relative/state", 1);
	char *p = folio_xdg_path(FOLIO_XDG_DATA, "folio.db");
	is_str(p, "/data/folio/folio.db", "an absolute $XDG_DATA_HOME is used");
	free(p);
	p = folio_xdg_path(FOLIO_XDG_CONFIG, "keys");
	is_str(p, "/home/u/.config/folio/keys", "no $XDG_CONFIG_HOME: under $HOME");
	free(p);
	p = folio_xdg_path(FOLIO_XDG_STATE, "history");
	is_str(p, "/home/u/.local/state/folio/history", "a relative $XDG_STATE_HOME is ignored");
	free(p);
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	errno = 0;
	p = folio_xdg_path(FOLIO_XDG_DATA, "folio.db");
	ok(!p && errno == ENOENT, "neither: NULL, ENOENT");
}

int main(void)
{
	test_buf();
	test_grow();
	test_calendar();
	test_xdg();
	return tap_done();
}
