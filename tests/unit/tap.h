/*
 * tap.h: the few checks our unit tests need, printed as TAP so automake's
 * tap-driver counts every assertion.  Header-only; each test program
 * includes it once.
 *
 *     ok(cond, "name %d", i);          is_int(got, want, "name");
 *     is_str(got, want, "name");       (NULL is compared as a value)
 *     return tap_done();
 */
#ifndef FOLIO_TAP_H
#define FOLIO_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

static void tap_vreport(int pass, const char *file, int line, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	printf("\n");
	if (!pass)
		printf("#   failed at %s:%d\n", file, line);
	fflush(stdout);
}

static int tap_ok(int pass, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_vreport(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...) do { \
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	if (!tap_ok(tap_g_ == tap_w_, __FILE__, __LINE__, __VA_ARGS__)) \
		printf("#   got %lld, want %lld\n", tap_g_, tap_w_); \
} while (0)

#define is_str(got, want, ...) do { \
	const char *tap_g_ = (got), *tap_w_ = (want); \
	int tap_same_ = (tap_g_ == NULL || tap_w_ == NULL) ? tap_g_ == tap_w_ \
	                                                     : strcmp(tap_g_, tap_w_) == 0; \
	if (!tap_ok(tap_same_, __FILE__, __LINE__, __VA_ARGS__)) \
		printf("#   got  \"%s\"\n#   want \"%s\"\n", tap_g_ ? tap_g_ : "(null)", \
		       tap_w_ ? tap_w_ : "(null)"); \
} while (0)

/* Print the plan; the exit status says whether everything passed. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
