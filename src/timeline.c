/*
 * timeline: counts by day into buckets, and buckets into text bars
 * (folio/timeline.h).  Days are numbered from 1970-01-01 (Hinnant's
 * days_from_civil), so weeks (Monday to Sunday) and gaps are arithmetic.
 */
#include "folio/folio.h"

#include <inttypes.h>

#include "folio/timeline.h"

static const char *const bucket_names[] = { "day", "week", "month", "year" };

const char *folio_bucket_name(enum folio_bucket by)
{
	return by < FOLIO_BY_FIT ? bucket_names[by] : "fit";
}

int folio_bucket_parse(const char *name)
{
	for (int i = 0; i < FOLIO_BY_FIT; i++)
		if (strcmp(name, bucket_names[i]) == 0)
			return i;
	return -1;
}

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The bucket of a day, as a number that counts buckets: consecutive buckets differ by 1. */
static int64_t bucket_of(int64_t day, enum folio_bucket by)
{
	int y, m, d;
	switch (by) {
	case FOLIO_BY_DAY:
		return day;
	case FOLIO_BY_WEEK: /* 1970-01-05 was a Monday */
		return (day - 4 >= 0 ? day - 4 : day - 10) / 7;
	case FOLIO_BY_MONTH:
		civil_from_days(day, &y, &m, &d);
		return (int64_t)y * 12 + (m - 1);
	default:
		civil_from_days(day, &y, &m, &d);
		return y;
	}
}

static void describe(int64_t bucket, enum folio_bucket by, struct folio_bar *bar)
{
	int y, m = 1, d = 1;
	switch (by) {
	case FOLIO_BY_DAY:
	case FOLIO_BY_WEEK:
		civil_from_days(by == FOLIO_BY_DAY ? bucket : bucket * 7 + 4, &y, &m, &d);
		break;
	case FOLIO_BY_MONTH:
		y = (int)(bucket / 12);
		m = (int)(bucket % 12) + 1;
		break;
	default:
		y = (int)bucket;
		break;
	}
	/* dates are of FOLIO_YEAR_MIN..MAX (folio_date_iso), so four digits */
	unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
	snprintf(bar->start, sizeof bar->start, "%04u-%02u-%02u", uy, um, ud);
	if (by == FOLIO_BY_MONTH)
		snprintf(bar->label, sizeof bar->label, "%04u-%02u", uy, um);
	else if (by == FOLIO_BY_YEAR)
		snprintf(bar->label, sizeof bar->label, "%04u", uy);
	else
		memcpy(bar->label, bar->start, sizeof bar->label);
}

int folio_timeline_build(const struct folio_day_count *days, size_t n, int64_t undated,
                         enum folio_bucket by, size_t max_bars, struct folio_timeline *out)
{
	int64_t first = INT64_MAX, last = INT64_MIN;
	memset(out, 0, sizeof *out);
	out->undated = undated;
	for (size_t i = 0; i < n; i++) {
		int y, m, d;
		if (!folio_date_iso(days[i].date, strlen(days[i].date), &y, &m, &d)) {
			out->undated += days[i].count;
			continue;
		}
		int64_t day = days_from_civil(y, m, d);
		first = day < first ? day : first;
		last = day > last ? day : last;
		out->dated += days[i].count;
	}
	if (by == FOLIO_BY_FIT) {
		by = FOLIO_BY_DAY;
		while (by < FOLIO_BY_YEAR && first <= last &&
		       (size_t)(bucket_of(last, by) - bucket_of(first, by) + 1) > max_bars)
			by++;
	}
	out->by = by;
	if (first > last)
		return 0;
	int64_t lo = bucket_of(first, by), hi = bucket_of(last, by);
	out->n = (size_t)(hi - lo + 1);
	if (!(out->bars = calloc(out->n, sizeof *out->bars))) {
		out->n = 0;
		return -1;
	}
	for (size_t i = 0; i < out->n; i++)
		describe(lo + (int64_t)i, by, &out->bars[i]);
	for (size_t i = 0; i < n; i++) {
		int y, m, d;
		if (!folio_date_iso(days[i].date, strlen(days[i].date), &y, &m, &d))
			continue;
		struct folio_bar *bar = &out->bars[bucket_of(days_from_civil(y, m, d), by) - lo];
		bar->count += days[i].count;
		if (bar->count > out->max)
			out->max = bar->count;
	}
	return 0;
}

void folio_timeline_end(const struct folio_timeline *t, size_t i, char end[11])
{
	int y, m, d;
	struct folio_bar next;
	if (!folio_date_iso(t->bars[i].start, strlen(t->bars[i].start), &y, &m, &d)) {
		end[0] = '\0';
		return;
	}
	describe(bucket_of(days_from_civil(y, m, d), t->by) + 1, t->by, &next);
	memcpy(end, next.start, sizeof next.start);
}

void folio_timeline_free(struct folio_timeline *t)
{
	free(t->bars);
	memset(t, 0, sizeof *t);
}

/* U+2588 FULL BLOCK, then U+2589..U+258F: seven eighths down to one. */
static const char *const eighths[8] = {
	"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D",
	"\xE2\x96\x8C", "\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89",
};
#define FULL_BLOCK "\xE2\x96\x88"

char *folio_timeline_draw(const struct folio_timeline *t, int width, bool utf8)
{
	struct folio_buf b = { 0 };
	int label_w = t->by == FOLIO_BY_DAY || t->by == FOLIO_BY_WEEK ? 10 : 7; /* "undated" */
	int count_w = snprintf(NULL, 0, "%" PRId64, t->max > t->undated ? t->max : t->undated);
	int bar_w = width - label_w - count_w - 2;
	if (bar_w < 1)
		bar_w = 1;
	for (size_t i = 0; i < t->n; i++) {
		const struct folio_bar *bar = &t->bars[i];
		folio_buf_printf(&b, "%-*s %*" PRId64 " ", label_w, bar->label, count_w, bar->count);
		/* in eighths of a cell, rounded; a bar of one article shows */
		int64_t len = t->max ? (bar->count * bar_w * 8 + t->max / 2) / t->max : 0;
		if (bar->count > 0 && len < 1)
			len = 1;
		if (utf8) {
			for (int64_t k = 0; k < len / 8; k++)
				folio_buf_str(&b, FULL_BLOCK);
			folio_buf_str(&b, eighths[len % 8]);
		} else {
			int64_t cells = (len + 4) / 8;
			if (bar->count > 0 && cells < 1)
				cells = 1;
			for (int64_t k = 0; k < cells; k++)
				folio_buf_byte(&b, '#');
		}
		/* no trailing space on an empty bar */
		while (b.len > 0 && b.s[b.len - 1] == ' ')
			b.s[--b.len] = '\0';
		folio_buf_byte(&b, '\n');
	}
	folio_buf_printf(&b, "%-*s %*" PRId64 "\n", label_w, "undated", count_w, t->undated);
	return folio_buf_finish(&b, NULL);
}
