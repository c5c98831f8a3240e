/*
 * near: which near-duplicate test folio should use, measured (issue 19).
 *
 *   tests/bench/near FILE...
 *
 * Each file is extracted as folio import would, and its body is compared:
 * - with copies of itself made as outlets make them ("true" pairs): wire
 *   furniture added (a caption, an "Updated" line, "Related:" lines, a
 *   newsletter prompt, a credit), one paragraph dropped, or the last third
 *   cut;
 * - with the other files of the same event ("event" pairs: a corpus whose
 *   names are mn-NNN-K shares NNN between reports of one news event, which
 *   name the same people and quote the same words but are other text);
 * - with files of other events ("other" pairs).
 * For each test it prints how many pairs of each kind it links, the
 * closest false pair and the farthest true one, the time to sign a body
 * and what it stores per article.  MinHash + LSH banding is folio's (near.c);
 * SimHash (Charikar; Manku et al.'s distance <= 3 over 64 bits, found
 * through 4 tables of 16-bit keys) is written here to be measured against it.
 */
#include "folio/folio.h"

#include <math.h>
#include <time.h>

#include "folio/extract.h"
#include "folio/near.h"

struct body {
	char *name;
	char *text;
	int event; /* NNN of mn-NNN-K, or -1 */
};

static double now_s(void)
{
	/* CPU time: the machine may be shared */
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct folio_buf b = { 0 };
	char chunk[65536];
	size_t got;
	if (!f)
		return NULL;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		folio_buf_add(&b, chunk, got);
	fclose(f);
	return folio_buf_finish(&b, len);
}

/* ---- variants: what an outlet does to a wire report ---- */

static char *with_furniture(const char *body, unsigned seed)
{
	struct folio_buf b = { 0 };
	folio_buf_printf(&b, "FILE - A man walks past the building on Tuesday. (AP Photo/Staff, File)\n\n"
	                     "Updated %u:%02u p.m.\n\n", 1 + seed % 11, seed % 60);
	folio_buf_str(&b, body);
	folio_buf_str(&b, "\n\nRelated: Officials weigh the next steps after the vote\n\n"
	                  "Related: What we know so far\n\n"
	                  "Sign up for our morning newsletter and get the news in your inbox.\n\n"
	                  "Copyright 2016 The Associated Press. All rights reserved. This material "
	                  "may not be published, broadcast, rewritten or redistributed.");
	return folio_buf_finish(&b, NULL);
}

/* paragraphs: split at blank lines */
static size_t paragraphs(const char *body, const char **starts, size_t max)
{
	size_t n = 0;
	const char *p = body;
	while (*p && n < max) {
		starts[n++] = p;
		const char *end = strstr(p, "\n\n");
		if (!end)
			break;
		p = end + 2;
	}
	return n;
}

static char *drop_one(const char *body, unsigned seed)
{
	const char *st[4096];
	size_t n = paragraphs(body, st, 4096);
	struct folio_buf b = { 0 };
	if (n < 4)
		return with_furniture(body, seed);
	size_t drop = 1 + seed % (n - 2);
	folio_buf_add(&b, body, (size_t)(st[drop] - body));
	folio_buf_str(&b, st[drop + 1]);
	return folio_buf_finish(&b, NULL);
}

static char *cut_end(const char *body, unsigned seed)
{
	const char *st[4096];
	size_t n = paragraphs(body, st, 4096);
	struct folio_buf b = { 0 };
	if (n < 3)
		return with_furniture(body, seed);
	size_t keep = (n * 2 + 2) / 3;
	folio_buf_add(&b, body, (size_t)(st[keep] - body));
	return folio_buf_finish(&b, NULL);
}

/* ---- SimHash ---- */

/* over words, each weighted by its count (Charikar's form over tf) */
static uint64_t simhash(const char *body, int w)
{
	size_t n, words;
	uint64_t *sh = folio_near_shingles(body, w, &n, &words);
	int acc[64] = { 0 };
	uint64_t out = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t h = folio_near_mix(sh[i]);
		for (int bit = 0; bit < 64; bit++)
			acc[bit] += (h >> bit) & 1 ? 1 : -1;
	}
	for (int bit = 0; bit < 64; bit++)
		if (acc[bit] > 0)
			out |= UINT64_C(1) << bit;
	free(sh);
	return out;
}

static int popcount64(uint64_t x)
{
	int c = 0;
	for (; x; x &= x - 1)
		c++;
	return c;
}

/* ---- exact Jaccard of shingle sets ---- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static size_t uniq(uint64_t *v, size_t n)
{
	size_t k = 0;
	qsort(v, n, sizeof *v, cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

static double jaccard(const char *x, const char *y)
{
	size_t nx, ny, wx, wy, i = 0, j = 0, both = 0;
	uint64_t *a = folio_near_shingles(x, FOLIO_NEAR_WORDS, &nx, &wx);
	uint64_t *b = folio_near_shingles(y, FOLIO_NEAR_WORDS, &ny, &wy);
	nx = a ? uniq(a, nx) : 0;
	ny = b ? uniq(b, ny) : 0;
	while (i < nx && j < ny) {
		if (a[i] == b[j])
			both++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	free(a);
	free(b);
	return nx + ny - both ? (double)both / (double)(nx + ny - both) : 0.0;
}

/* ---- one pair under every test ---- */

enum kind { TRUE_PAIR, EVENT_PAIR, OTHER_PAIR, KINDS };
static const char *const kind_name[KINDS] = { "true", "event", "other" };

enum test { T_EXACT, T_MINHASH, T_SIMHASH_W1, T_SIMHASH_W4, TESTS };
static const char *const test_name[TESTS] = {
	"exact Jaccard >= 0.5 (what MinHash estimates)",
	"MinHash 16x3 bands, estimate >= 0.5 (folio)",
	"SimHash 64 over words, distance <= 3",
	"SimHash 64 over 4-word shingles, distance <= 3",
};

struct tally {
	size_t pairs[KINDS], linked[KINDS];
	double worst_true, best_false; /* score: similarity, or 64 - distance */
} tally[TESTS];

static void count(enum test t, enum kind k, bool linked, double score)
{
	struct tally *y = &tally[t];
	y->pairs[k]++;
	y->linked[k] += linked;
	if (k == TRUE_PAIR && (y->pairs[k] == 1 || score < y->worst_true))
		y->worst_true = score;
	if (k != TRUE_PAIR && (y->pairs[EVENT_PAIR] + y->pairs[OTHER_PAIR] == 1 ||
	                       score > y->best_false))
		y->best_false = score;
}

static void compare(const char *x, const char *y, enum kind k)
{
	struct folio_near sx, sy;
	unsigned char px[FOLIO_NEAR_PACKED], py[FOLIO_NEAR_PACKED];
	int64_t bx[FOLIO_NEAR_BANDS], by[FOLIO_NEAR_BANDS];
	if (!folio_near_sign(x, &sx) || !folio_near_sign(y, &sy))
		return; /* too short to be linked by any test */
	double j = jaccard(x, y);
	count(T_EXACT, k, j >= FOLIO_NEAR_THRESHOLD, j);

	folio_near_bands(&sx, bx);
	folio_near_bands(&sy, by);
	bool candidate = false;
	for (int i = 0; i < FOLIO_NEAR_BANDS; i++)
		candidate |= bx[i] == by[i];
	folio_near_pack(&sx, px);
	folio_near_pack(&sy, py);
	double est = folio_near_similarity(px, py);
	count(T_MINHASH, k, candidate && est >= FOLIO_NEAR_THRESHOLD, est);

	int d1 = popcount64(simhash(x, 1) ^ simhash(y, 1));
	count(T_SIMHASH_W1, k, d1 <= 3, 64 - d1);
	int d4 = popcount64(simhash(x, 4) ^ simhash(y, 4));
	count(T_SIMHASH_W4, k, d4 <= 3, 64 - d4);
}

int main(int argc, char **argv)
{
	struct body *bodies = calloc((size_t)argc, sizeof *bodies);
	size_t n = 0;
	for (int i = 1; i < argc; i++) {
		size_t len;
		char *text = slurp(argv[i], &len);
		struct folio_article a = { 0 };
		const char *reason;
		if (!text)
			continue;
		if (folio_extract(text, len, &a, &reason) == FOLIO_EXTRACT_OK && a.body) {
			const char *base = strrchr(argv[i], '/');
			base = base ? base + 1 : argv[i];
			int ev = -1, k;
			if (sscanf(base, "mn-%d-%d", &ev, &k) != 2)
				ev = -1;
			bodies[n].name = argv[i];
			bodies[n].text = a.body;
			bodies[n].event = ev;
			a.body = NULL;
			n++;
		}
		folio_article_free(&a);
		free(text);
	}
	printf("bodies %zu\n", n);

	for (size_t i = 0; i < n; i++) {
		char *v[3] = { with_furniture(bodies[i].text, (unsigned)i),
			       drop_one(bodies[i].text, (unsigned)i),
			       cut_end(bodies[i].text, (unsigned)i) };
		for (int k = 0; k < 3; k++) {
			compare(bodies[i].text, v[k], TRUE_PAIR);
			free(v[k]);
		}
		for (size_t j = i + 1; j < n; j++) {
			if (bodies[i].event >= 0 && bodies[i].event == bodies[j].event)
				compare(bodies[i].text, bodies[j].text, EVENT_PAIR);
			else
				compare(bodies[i].text, bodies[j].text, OTHER_PAIR);
		}
	}
	for (int t = 0; t < TESTS; t++) {
		struct tally *y = &tally[t];
		printf("\n%s\n", test_name[t]);
		for (int k = 0; k < KINDS; k++)
			printf("  %-5s pairs %6zu linked %6zu (%.1f%%)\n", kind_name[k], y->pairs[k],
			       y->linked[k], y->pairs[k] ? 100.0 * y->linked[k] / y->pairs[k] : 0.0);
		if (t == T_SIMHASH_W1 || t == T_SIMHASH_W4)
			printf("  farthest true pair: distance %.0f; closest false pair: distance %.0f\n",
			       64 - y->worst_true, 64 - y->best_false);
		else
			printf("  farthest true pair: %.3f; closest false pair: %.3f\n", y->worst_true,
			       y->best_false);
	}

	/* the cost of a signature, over every body 20 times */
	double t0 = now_s();
	size_t signed_n = 0;
	for (int r = 0; r < 20; r++)
		for (size_t i = 0; i < n; i++) {
			struct folio_near s;
			signed_n += folio_near_sign(bodies[i].text, &s);
		}
	double t1 = now_s();
	volatile uint64_t sink = 0;
	for (int r = 0; r < 20; r++)
		for (size_t i = 0; i < n; i++)
			sink ^= simhash(bodies[i].text, 1);
	double t2 = now_s();
	printf("\nsign.minhash.us_per_body %.1f\n", (t1 - t0) * 1e6 / (20.0 * n));
	printf("sign.simhash.us_per_body %.1f\n", (t2 - t1) * 1e6 / (20.0 * n));
	printf("stored.minhash.rows_per_article %d (band keys) + %d bytes (signature)\n",
	       FOLIO_NEAR_BANDS, FOLIO_NEAR_PACKED);
	printf("stored.simhash.rows_per_article 4 (16-bit keys) + 8 bytes (fingerprint)\n");
	for (size_t i = 0; i < n; i++)
		free(bodies[i].text);
	free(bodies);
	return 0;
}
