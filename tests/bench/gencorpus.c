/*
 * gencorpus: write N invented news pages for folio's benchmarks.
 *
 *   gencorpus [-s SEED] [-f FIRST] N DIR   write articles FIRST..N-1 under DIR
 *   gencorpus [-s SEED] -q                 print the benchmark's queries
 *   gencorpus [-s SEED] -r FEEDS N DIR     write articles 0..N-1 as FEEDS
 *                                          RSS feeds, DIR/feed-00.xml...
 *
 * The pages look like the scraped pages folio is built for: navigation
 * furniture, an outlet banner, a headline, a "By NAME" byline, a date line
 * in the outlet's style, a dateline lead "CITY, Region (Outlet) -- ", 8-40
 * paragraphs, sometimes a list, then the footer ("Back to the top", a
 * copyright line).  Words come from a generated vocabulary of 50,000 words
 * drawn with a Zipf law, about 1% of them with non-ASCII letters and a few
 * CJK, so the full-text index sees a realistic spread of terms.
 *
 * Everything is a function of the seed: the vocabulary of the seed alone,
 * article i of the seed and i alone.  So a corpus of 10^5 articles is the
 * first 10^5 articles of a corpus of 10^6, and a cached corpus can be grown
 * with -f instead of being written again.  The PRNG is our own (splitmix64
 * to seed xoshiro256**), so the output is the same on every libc.
 *
 * Files go 1000 to a folder: DIR/0000/0000000.txt, DIR/0001/0001000.txt...
 *
 * With -r the same vocabulary makes feed items instead of scraped pages (for
 * the side-by-side with other readers, which read feeds, not pages): article
 * k is an item of feed k % FEEDS, which is an outlet's section ("Tidewater
 * Wire: World"), with a headline, a byline, a date, a link, and its body as
 * HTML paragraphs in the description, about 5 kB like the pages.
 */
#define _DEFAULT_SOURCE  /* strdup, mkdir under -std=c11 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define VOCAB_SIZE 50000
#define ZIPF_S 1.0
#define PER_FOLDER 1000

/* ---- PRNG ---- */

struct rng {
	uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, n): the modulo bias is far below anything a benchmark sees. */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(rng_next(r) % n);
}

static unsigned rng_between(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* ---- fixed lists (all invented for this benchmark) ---- */

/* Named like papers ("... Wire", "... Times"), as folio's extractor expects
 * of an outlet it has never heard of. */
struct outlet {
	const char *name;
	const char *nav;      /* the navigation line that opens the page */
	int style;            /* which layout the outlet's pages use */
};

static const struct outlet outlets[] = {
	{"Tidewater Wire", "Skip to main content /WORLD /NATION /BUSINESS", 0},
	{"Harbor Gazette", "Skip to navigation | Home | Local | Weather | Sports", 1},
	{"Northfield Ledger", "YOU ARE HERE: Ledger Home > Collections > World", 2},
	{"Meridian News", "World | Europe | Asia | Americas | Africa | Science", 3},
	{"Valley Courier", "Home | News | Opinion | Obituaries | Classifieds", 1},
	{"Coastline Post", "Skip to main content /POLITICS /WORLD /HEALTH", 0},
	{"Eastbridge Times", "YOU ARE HERE: Times Home > Archive > Foreign", 2},
	{"Globewatch Daily", "Front Page | World | Business | Technology | Talking Point", 3},
	{"Prairie Herald", "Skip to navigation | Front page | Farm | County | Schools", 1},
	{"Summit Observer", "Skip to main content /US /WORLD /MONEY /TRAVEL", 0},
	{"Lakeside Dispatch", "YOU ARE HERE: Dispatch Home > Collections > Nation", 2},
	{"Beacon Wire", "World | Markets | Energy | Climate | In Depth", 3},
};
#define NOUTLETS (sizeof outlets / sizeof outlets[0])

static const char *const first_names[] = {
	"Martha", "Daniel", "Priya", "Tomas", "Helen", "Oluwaseun", "Marco", "Ingrid",
	"Samuel", "Keiko", "Rafael", "Joanna", "Aleksei", "Fatima", "Lucas", "Nadia",
	"Pieter", "Grace", "Hamid", "Colette", "Victor", "Amara", "Stefan", "Lena",
	"Jorge", "Rosa", "Henrik", "Mei", "Conor", "Yasmin", "Felix", "Beatriz",
};
static const char *const last_names[] = {
	"Okafor", "Lindqvist", "Marsh", "Delacroix", "Brennan", "Haddad", "Novak",
	"Castellanos", "Whitlow", "Iyer", "Kowalczyk", "Ferreira", "Ashdown", "Mbeki",
	"Rourke", "Sandoval", "Takeda", "Vollmer", "Quist", "Abernathy", "Oyelaran",
	"Petrakis", "Lund", "Carraway", "Demir", "Halloran", "Esposito", "Fairbanks",
	"Grunewald", "Achterberg", "Baptiste", "Mendel",
};
struct city {
	const char *city, *region;
};
static const struct city cities[] = {
	{"LEDGERPORT", "Maine"}, {"ASHFORD", "Ontario"}, {"VELMORA", "Portugal"},
	{"KESTREL BAY", "New South Wales"}, {"ORVIN", "Bavaria"}, {"MARLOW FALLS", "Oregon"},
	{"SANTA IRENE", "Chile"}, {"DUNHOLM", "Scotland"}, {"PELLAR", "Greece"},
	{"NORTH CALLOW", "Vermont"}, {"TERESINA NOVA", "Brazil"}, {"HALVIK", "Norway"},
	{"GRANITE CITY", "Nevada"}, {"OSTREV", "Croatia"}, {"BRAMBLE CREEK", "Texas"},
	{"KAMIYAMA", "Japan"}, {"ST. AUDRIC", "Quebec"}, {"MOSSGIEL", "Ireland"},
	{"ZARINSK", "Kazakhstan"}, {"PORT ELWIN", "Kenya"},
};
#define NCITIES (sizeof cities / sizeof cities[0])

static const char *const weekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
static const char *const months[] = {"January", "February", "March", "April", "May",
                                     "June", "July", "August", "September",
                                     "October", "November", "December"};

/* The most frequent words of any English text: the head of the Zipf law. */
static const char *const function_words[] = {
	"the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "on", "was",
	"with", "he", "as", "at", "by", "said", "from", "his", "an", "be", "have",
	"has", "are", "but", "not", "they", "this", "were", "had", "which", "its",
	"their", "been", "who", "would", "will", "more", "after",
};
#define NFUNCTION (sizeof function_words / sizeof function_words[0])

/* ---- vocabulary ---- */

struct vocab {
	char *words[VOCAB_SIZE];
	double cdf[VOCAB_SIZE];
};

static const char *const onsets[] = {
	"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v",
	"w", "br", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "ch", "",
};
static const char *const nuclei[] = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ea", "ou", "y"};
static const char *const codas[] = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng"};
/* Replacements that make a word non-ASCII: vowels with accents, n with tilde. */
static const char *const accented[] = {"é", "ü", "ñ", "ø", "å", "ç", "è", "ö", "í", "ã"};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* One invented word: more syllables further down the ranks, as in real text. */
static void make_latin_word(struct rng *r, unsigned rank, char *buf, size_t size)
{
	unsigned syllables = rank < 500 ? 1 : rank < 5000 ? rng_between(r, 1, 2) : rng_between(r, 2, 3);
	buf[0] = '\0';
	for (unsigned i = 0; i < syllables; i++) {
		strncat(buf, onsets[rng_below(r, sizeof onsets / sizeof onsets[0])], size - strlen(buf) - 1);
		strncat(buf, nuclei[rng_below(r, sizeof nuclei / sizeof nuclei[0])], size - strlen(buf) - 1);
		if (i + 1 == syllables || rng_below(r, 3) == 0)
			strncat(buf, codas[rng_below(r, sizeof codas / sizeof codas[0])], size - strlen(buf) - 1);
	}
}

/* Swap one letter of an ASCII word for an accented one (the word stays unique-ish). */
static void accent_word(struct rng *r, char *buf, size_t size)
{
	size_t len = strlen(buf);
	size_t at = len > 1 ? 1 + rng_below(r, (unsigned)(len - 1)) : 0;
	const char *acc = accented[rng_below(r, sizeof accented / sizeof accented[0])];
	char tail[64];
	snprintf(tail, sizeof tail, "%s", buf + at + 1);
	snprintf(buf + at, size - at, "%s%s", acc, tail);
}

/* Two or three ideographs from the CJK Unified block, UTF-8 encoded. */
static void make_cjk_word(struct rng *r, char *buf, size_t size)
{
	unsigned n = rng_between(r, 2, 3);
	size_t o = 0;
	for (unsigned i = 0; i < n && o + 4 < size; i++) {
		unsigned cp = 0x4E00 + rng_below(r, 0x9FA5 - 0x4E00);
		buf[o++] = (char)(0xE0 | (cp >> 12));
		buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[o++] = (char)(0x80 | (cp & 0x3F));
	}
	buf[o] = '\0';
}

/* Open-addressing set of the words made so far, so every rank has its own word. */
static int vocab_build(struct vocab *v, uint64_t seed)
{
	size_t cap = 1 << 17;
	const char **seen = calloc(cap, sizeof *seen);
	if (!seen)
		return -1;
	struct rng r;
	rng_seed(&r, seed ^ 0x766F636162756CULL);
	double total = 0;
	for (unsigned rank = 0; rank < VOCAB_SIZE; rank++) {
		char buf[64];
		for (;;) {
			if (rank < NFUNCTION)
				snprintf(buf, sizeof buf, "%s", function_words[rank]);
			else if (rank % 1000 == 537)
				make_cjk_word(&r, buf, sizeof buf);
			else {
				make_latin_word(&r, rank, buf, sizeof buf);
				/* every hundredth rank: spread over the whole Zipf range,
				 * so about 1% of the running text is non-ASCII */
				if (rank % 100 == 37 || rank % 200 == 73)
					accent_word(&r, buf, sizeof buf);
			}
			size_t h = hash_str(buf) & (cap - 1);
			while (seen[h] && strcmp(seen[h], buf) != 0)
				h = (h + 1) & (cap - 1);
			if (!seen[h]) {
				if (!(v->words[rank] = strdup(buf))) {
					free(seen);
					return -1;
				}
				seen[h] = v->words[rank];
				break;
			}
		}
		total += 1.0 / pow(rank + 1.0, ZIPF_S);
		v->cdf[rank] = total;
	}
	for (unsigned rank = 0; rank < VOCAB_SIZE; rank++)
		v->cdf[rank] /= total;
	free(seen);
	return 0;
}

static void vocab_free(struct vocab *v)
{
	for (unsigned i = 0; i < VOCAB_SIZE; i++)
		free(v->words[i]);
}

static const char *zipf_word(const struct vocab *v, struct rng *r)
{
	double u = rng_unit(r);
	unsigned lo = 0, hi = VOCAB_SIZE - 1;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		if (v->cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v->words[lo];
}

/* ---- writing one page ---- */

struct out {
	char *buf;
	size_t len, cap;
};

static void put(struct out *o, const char *s)
{
	size_t n = strlen(s);
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 16384;
		while (o->len + n + 1 > cap)
			cap *= 2;
		char *p = realloc(o->buf, cap);
		if (!p) {
			fputs("gencorpus: out of memory\n", stderr);
			exit(1);
		}
		o->buf = p;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n + 1);
	o->len += n;
}

static void putf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(struct out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	put(o, tmp);
}

/* A word with its first letter capitalised when it is ASCII. */
static void put_capitalised(struct out *o, const char *w)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s", w);
	if (tmp[0] >= 'a' && tmp[0] <= 'z')
		tmp[0] = (char)(tmp[0] - 'a' + 'A');
	put(o, tmp);
}

static void put_words(struct out *o, const struct vocab *v, struct rng *r, unsigned n, int capital)
{
	for (unsigned i = 0; i < n; i++) {
		if (i)
			put(o, " ");
		if (i == 0 && capital)
			put_capitalised(o, zipf_word(v, r));
		else
			put(o, zipf_word(v, r));
	}
}

static void put_sentence(struct out *o, const struct vocab *v, struct rng *r)
{
	put_words(o, v, r, rng_between(r, 8, 24), 1);
	put(o, rng_below(r, 12) == 0 ? "?" : ".");
}

static void put_name(struct out *o, struct rng *r)
{
	putf(o, "%s %s", first_names[rng_below(r, sizeof first_names / sizeof first_names[0])],
	     last_names[rng_below(r, sizeof last_names / sizeof last_names[0])]);
}

static void put_paragraph(struct out *o, const struct vocab *v, struct rng *r)
{
	if (rng_below(r, 5) == 0) {  /* a quotation */
		put(o, "\"");
		put_sentence(o, v, r);
		o->len--;  /* the full stop becomes the comma before the attribution */
		put(o, ",\" said ");
		put_name(o, r);
		put(o, ".");
	} else {
		unsigned sentences = rng_between(r, 1, 4);
		for (unsigned i = 0; i < sentences; i++) {
			if (i)
				put(o, " ");
			put_sentence(o, v, r);
		}
	}
	put(o, "\n\n");
}

struct date {
	int year, month, day, weekday;
};

static struct date random_date(struct rng *r)
{
	struct date d;
	d.year = (int)rng_between(r, 1998, 2012);
	d.month = (int)rng_between(r, 1, 12);
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	d.day = (int)rng_between(r, 1, (unsigned)mdays[d.month - 1]);
	/* Zeller's congruence, 0 = Saturday, turned into 0 = Sunday */
	int m = d.month, y = d.year;
	if (m < 3) {
		m += 12;
		y -= 1;
	}
	int h = (d.day + 13 * (m + 1) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7;
	d.weekday = (h + 6) % 7;
	return d;
}

static void put_date_line(struct out *o, const struct outlet *ol, struct date d, struct rng *r)
{
	switch (ol->style) {
	case 0:
		putf(o, "%s, %s %d, %d Posted: %d:%02d %s EDT\n\n", weekdays[d.weekday], months[d.month - 1],
		     d.day, d.year, (int)rng_between(r, 1, 12), (int)rng_below(r, 60), rng_below(r, 2) ? "AM" : "PM");
		break;
	case 1:
		putf(o, "%s, %s %d, %d\n\n", weekdays[d.weekday], months[d.month - 1], d.day, d.year);
		break;
	case 2:
		putf(o, "%s %d, %d\n", months[d.month - 1], d.day, d.year);
		break;
	default:
		putf(o, "%s, %d %s, %d, %02d:%02d GMT\n", weekdays[d.weekday], d.day, months[d.month - 1],
		     d.year, (int)rng_below(r, 24), (int)rng_below(r, 60));
		break;
	}
}

static void put_headline(struct out *o, const struct vocab *v, struct rng *r)
{
	put_words(o, v, r, rng_between(r, 4, 10), 1);
	put(o, "\n\n");
}

static void put_list(struct out *o, const struct vocab *v, struct rng *r, int html)
{
	unsigned items = rng_between(r, 3, 6);
	put(o, html ? "<ul>" : "");
	for (unsigned i = 0; i < items; i++) {
		put(o, html ? "<li>" : " • ");
		put_words(o, v, r, rng_between(r, 2, 6), 1);
		put(o, html ? "</li>" : "\n");
	}
	put(o, html ? "</ul>\n" : "\n");
}

/* The paragraphs after the lead, sometimes with a list: as text, or as HTML. */
static void put_body(struct out *o, const struct vocab *v, struct rng *r, int html)
{
	unsigned paragraphs = rng_between(r, 8, 40);
	unsigned list_at = rng_below(r, 6) == 0 ? rng_between(r, 2, paragraphs - 1) : 0;
	for (unsigned p = 1; p < paragraphs; p++) {
		if (p == list_at)
			put_list(o, v, r, html);
		put(o, html ? "<p>" : "");
		put_paragraph(o, v, r);
		if (html) {
			o->len -= 2;  /* its blank line */
			put(o, "</p>\n");
		}
	}
}

static void write_page(struct out *o, const struct vocab *v, uint64_t seed, size_t index)
{
	struct rng r;
	rng_seed(&r, seed * 0x100000001B3ULL ^ (uint64_t)index * 0x9E3779B97F4A7C15ULL);
	const struct outlet *ol = &outlets[rng_below(&r, NOUTLETS)];
	const struct city *c = &cities[rng_below(&r, NCITIES)];
	struct date d = random_date(&r);

	o->len = 0;
	put(o, ol->nav);
	put(o, "\n\n");
	switch (ol->style) {
	case 0:  /* wire style: nav, headline, deck, byline, date, dateline lead */
		put_headline(o, v, &r);
		put_sentence(o, v, &r);
		put(o, "\n\nBy ");
		put_name(o, &r);
		put(o, "\n");
		put_date_line(o, ol, d, &r);
		break;
	case 1:  /* local paper: banner, headline, byline, staff credit, date */
		putf(o, "%s\n\n", ol->name);
		put_headline(o, v, &r);
		put(o, "By ");
		put_name(o, &r);
		putf(o, "\n%s Staff Writer\n", ol->name);
		put_date_line(o, ol, d, &r);
		break;
	case 2:  /* collections page: section, headline, deck, "date|By NAME" */
		put(o, "Other World News\n\n");
		put_headline(o, v, &r);
		put_sentence(o, v, &r);
		put(o, "\n\n");
		put_date_line(o, ol, d, &r);
		put(o, "By ");
		put_name(o, &r);
		putf(o, ", %s Staff Writer\n\n", ol->name);
		break;
	default:  /* broadcaster: "You are in", date first, headline, caption, byline */
		put(o, " You are in: World\n");
		put_date_line(o, ol, d, &r);
		put_words(o, v, &r, rng_between(&r, 4, 10), 1);
		put(o, "\n");
		put_words(o, v, &r, rng_between(&r, 5, 9), 1);
		put(o, "\nBy ");
		put_name(o, &r);
		put(o, "\n\n");
		break;
	}

	/* the dateline lead: "CITY, Region (Outlet) -- first sentence" */
	putf(o, "%s, %s (%s) -- ", c->city, c->region, ol->name);
	put_sentence(o, v, &r);
	put(o, "\n\n");

	put_body(o, v, &r, 0);

	put(o, "Back to the top\n");
	putf(o, "© %d %s. All rights reserved.\n", d.year, ol->name);
	if (rng_below(&r, 2))
		put(o, "E-mail this story | Print this page\n");
}

/* One RSS item: the page's parts without its furniture, the body as HTML. */
static void write_item(struct out *o, const struct vocab *v, uint64_t seed, size_t index,
                       const struct outlet *ol)
{
	struct rng r;
	rng_seed(&r, seed * 0x100000001B3ULL ^ (uint64_t)index * 0x9E3779B97F4A7C15ULL);
	const struct city *c = &cities[rng_below(&r, NCITIES)];
	struct date d = random_date(&r);
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

	o->len = 0;
	put(o, "<item><title>");
	put_words(o, v, &r, rng_between(&r, 4, 10), 1);
	putf(o, "</title>\n<link>https://feeds.example/%zu</link><guid>https://feeds.example/%zu</guid>\n",
	     index, index);
	putf(o, "<pubDate>%.3s, %02d %s %d %02d:%02d:00 GMT</pubDate>\n<author>", weekdays[d.weekday],
	     d.day, mon[d.month - 1], d.year, (int)rng_below(&r, 24), (int)rng_below(&r, 60));
	put_name(o, &r);
	putf(o, "</author>\n<description><![CDATA[<p>%s, %s (%s) -- ", c->city, c->region, ol->name);
	put_sentence(o, v, &r);
	put(o, "</p>\n");
	put_body(o, v, &r, 1);
	put(o, "]]></description></item>\n");
}

/* ---- files ---- */

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "gencorpus: cannot create %s: %s\n", path, strerror(errno));
	return -1;
}

static int write_file(const char *path, const struct out *o)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "gencorpus: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t n = fwrite(o->buf, 1, o->len, f);
	if (fclose(f) != 0 || n != o->len) {
		fprintf(stderr, "gencorpus: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Articles 0..n-1 as nfeeds RSS feeds, written side by side. */
static int write_feeds(const struct vocab *v, uint64_t seed, size_t nfeeds, size_t n, const char *dir)
{
	static const char *const sections[] = {"World", "Nation", "Business", "Science"};
	FILE **f = calloc(nfeeds, sizeof *f);
	size_t size = strlen(dir) + 32;
	char *path = malloc(size);
	struct out o = {0};
	int rc = f && path && make_dir(dir) == 0 ? 0 : 1;
	for (size_t i = 0; rc == 0 && i < nfeeds; i++) {
		snprintf(path, size, "%s/feed-%02zu.xml", dir, i);
		if (!(f[i] = fopen(path, "wb"))) {
			fprintf(stderr, "gencorpus: cannot write %s: %s\n", path, strerror(errno));
			rc = 1;
			break;
		}
		fprintf(f[i], "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n"
		        "<title>%s: %s</title><link>https://feeds.example/%zu/</link>\n"
		        "<description>Invented news for a benchmark</description>\n",
		        outlets[i % NOUTLETS].name, sections[i / NOUTLETS % 4], i);
	}
	for (size_t k = 0; rc == 0 && k < n; k++) {
		write_item(&o, v, seed, k, &outlets[k % nfeeds % NOUTLETS]);
		if (fwrite(o.buf, 1, o.len, f[k % nfeeds]) != o.len)
			rc = 1;
	}
	for (size_t i = 0; f && i < nfeeds && f[i]; i++) {
		fputs("</channel></rss>\n", f[i]);
		if (fclose(f[i]) != 0)
			rc = 1;
	}
	if (rc)
		fprintf(stderr, "gencorpus: cannot write the feeds in %s\n", dir);
	free(o.buf);
	free(path);
	free(f);
	return rc;
}

/*
 * The benchmark's queries, one a line: kind, the query in folio's search
 * syntax, the same as a bare FTS5 expression for the floor's one-column
 * index, and for folio's index (columns title, byline, source, body), all
 * separated by tabs.  They are picked by rank, so they mean the same at
 * every size: the rare word is in about 0.2% of articles, the common one in
 * most, the phrase pairs the two most frequent invented words.
 */
static void print_queries(const struct vocab *v)
{
	const char *rare = v->words[20000 + 1], *common = v->words[NFUNCTION + 10];
	const char *p1 = v->words[NFUNCTION], *p2 = v->words[NFUNCTION + 1];
	const char *other = v->words[NFUNCTION + 200], *outlet = outlets[0].name;
	printf("rare\t%s\t%s\t%s\n", rare, rare, rare);
	printf("common\t%s\t%s\t%s\n", common, common, common);
	printf("phrase\t\"%s %s\"\t\"%s %s\"\t\"%s %s\"\n", p1, p2, p1, p2, p1, p2);
	/* a prefix that stops inside a frequent word, as typing does */
	unsigned r = NFUNCTION + 60;
	while (strlen(v->words[r]) < 4 || (unsigned char)v->words[r][0] >= 0x80)
		r++;
	printf("prefix\t%.3s*\t%.3s*\t%.3s*\n", v->words[r], v->words[r], v->words[r]);
	/* the outlet's first word: one token of the index's source column */
	int w = (int)strcspn(outlet, " ");
	printf("source\tsource:%.*s %s\t%.*s AND %s\tsource : \"%.*s\" AND %s\n", w, outlet,
	       other, w, outlet, other, w, outlet, other);
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-')
		return -1;
	*out = (size_t)n;
	return 0;
}

static int usage(void)
{
	fputs("usage: gencorpus [-s SEED] [-f FIRST] N DIR\n"
	      "       gencorpus [-s SEED] -q\n"
	      "       gencorpus [-s SEED] -r FEEDS N DIR\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	size_t seed = 1, first = 0, n = 0, nfeeds = 0;
	int queries = 0, i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-q") == 0)
			queries = 1;
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc && parse_size(argv[i + 1], &seed) == 0)
			i++;
		else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc && parse_size(argv[i + 1], &first) == 0)
			i++;
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc && parse_size(argv[i + 1], &nfeeds) == 0 &&
		         nfeeds > 0 && nfeeds <= 1000)
			i++;
		else
			return usage();
	}
	if (queries ? i != argc : (i + 2 != argc || parse_size(argv[i], &n) != 0))
		return usage();

	static struct vocab v;
	if (vocab_build(&v, seed) != 0) {
		fputs("gencorpus: out of memory\n", stderr);
		return 1;
	}
	int rc = 0;
	if (queries) {
		print_queries(&v);
	} else if (nfeeds) {
		rc = write_feeds(&v, seed, nfeeds, n, argv[i + 1]);
	} else {
		const char *dir = argv[i + 1];
		struct out o = {0};
		size_t dirlen = strlen(dir);
		char *path = malloc(dirlen + 32);
		if (!path || make_dir(dir) != 0) {
			rc = 1;
		}
		for (size_t k = first; rc == 0 && k < n; k++) {
			if (k == first || k % PER_FOLDER == 0) {
				snprintf(path, dirlen + 32, "%s/%04zu", dir, k / PER_FOLDER);
				if (make_dir(path) != 0) {
					rc = 1;
					break;
				}
			}
			write_page(&o, &v, seed, k);
			snprintf(path, dirlen + 32, "%s/%04zu/%07zu.txt", dir, k / PER_FOLDER, k);
			if (write_file(path, &o) != 0)
				rc = 1;
		}
		free(path);
		free(o.buf);
	}
	vocab_free(&v);
	return rc;
}
