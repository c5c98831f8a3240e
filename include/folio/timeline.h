/*
 * timeline: articles over time, counted into buckets and drawn as text
 * bars (issue 19).  Pure: it takes counts by day (the store gives them,
 * from an index) and gives bars and text; no I/O, no SQL.
 */
#ifndef FOLIO_TIMELINE_H
#define FOLIO_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "folio/store.h" /* struct folio_day_count */

enum folio_bucket { FOLIO_BY_DAY, FOLIO_BY_WEEK, FOLIO_BY_MONTH, FOLIO_BY_YEAR, FOLIO_BY_FIT };

/* The name of a bucket ("day", "week", "month", "year"); parse one: -1 if none. */
const char *folio_bucket_name(enum folio_bucket by);
int folio_bucket_parse(const char *name);


/* One bar: its bucket's first day, and its label: that day for a day or a
 * week (weeks start on Monday), "2016-03" for a month, "2016" for a year. */
struct folio_bar {
	char start[11];
	char label[11];
	int64_t count;
};

struct folio_timeline {
	enum folio_bucket by;
	struct folio_bar *bars; /* every bucket from the first dated article's to the last's */
	size_t n;
	int64_t dated, undated, max; /* max: the largest bar */
};

/*
 * Count days (any order; a date that is no day of the calendar is counted
 * undated) into buckets of by; FOLIO_BY_FIT picks the finest bucket that
 * gives at most max_bars bars (years when none does).  undated is counted
 * apart, never placed.  0, or -1 when memory ran out.
 */
int folio_timeline_build(const struct folio_day_count *days, size_t n, int64_t undated,
                         enum folio_bucket by, size_t max_bars, struct folio_timeline *out);
void folio_timeline_free(struct folio_timeline *t);

/* The first day after bar i ("YYYY-MM-DD"): the next bucket's start, for before:. */
void folio_timeline_end(const struct folio_timeline *t, size_t i, char end[11]);

/*
 * The timeline as text, one line a bar: its label, its count right-aligned,
 * and a bar scaled so the largest fills what is left of width columns
 * (eighths of a cell with block characters when utf8, '#' otherwise; a bar
 * of at least one article never draws as nothing); then a line for the
 * undated.  malloc'd, or NULL when memory ran out.
 */
char *folio_timeline_draw(const struct folio_timeline *t, int width, bool utf8);

#endif
