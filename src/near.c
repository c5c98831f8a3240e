/*
 * near: MinHash signatures of article bodies and their LSH band keys
 * (folio/near.h says what and why).
 *
 * Words are runs of ASCII letters and digits and of any other non-ASCII
 * character, ASCII folded to lower case; punctuation of the General
 * Punctuation block (curly quotes, dashes) separates words as ASCII
 * punctuation does, so "Smith’s" and "Smith's" shingle alike.  The hashes
 * are stored (as band keys and packed signatures): changing any of this
 * makes stored articles unlinkable to new ones.
 */
#include "folio/folio.h"

#include "folio/near.h"

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t folio_near_mix(uint64_t x)
{
	/* splitmix64's finalizer */
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* U+2000..U+206F, the General Punctuation block: E2 80 xx and E2 81 xx. */
static size_t punctuation_at(const unsigned char *p)
{
	return p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2] >= 0x80 && p[2] <= 0xBF ? 3
	                                                                                      : 0;
}

/* A walk over the words of a body: the last w word hashes make a shingle. */
struct walk {
	int w;
	uint64_t ring[8];
	size_t words;
	uint64_t *out;
	size_t n, cap;
	bool oom;
	bool keep; /* keep every shingle in out */
	struct folio_near *sig;
};

FOLIO_DEFINE_GROW(grow_u64, uint64_t)

/*
 * One-permutation MinHash (Li, Owen and Zhang 2012): a shingle's hash picks
 * one of the FOLIO_NEAR_HASHES bins by its high half and competes there
 * with its low half, so a shingle costs one comparison, not one per hash
 * function (48 multiplications a shingle took 90 us an article at 10^4).
 */
static void shingle(struct walk *wk, uint64_t h)
{
	if (wk->sig) {
		size_t bin = (size_t)(((h >> 32) * FOLIO_NEAR_HASHES) >> 32);
		uint32_t v = (uint32_t)h;
		if (v < wk->sig->min[bin])
			wk->sig->min[bin] = v;
	}
	if (wk->keep) {
		if (wk->oom || !grow_u64(&wk->out, &wk->cap, wk->n + 1)) {
			wk->oom = true;
			return;
		}
		wk->out[wk->n++] = h;
	}
}

static void add_word(struct walk *wk, uint64_t word)
{
	size_t w = (size_t)wk->w;
	wk->ring[wk->words % w] = word;
	wk->words++;
	if (wk->words < w)
		return;
	/* the ring from its oldest word on, without a division a word */
	uint64_t h = 0;
	for (size_t i = 0, at = wk->words % w; i < w; i++, at = at + 1 == w ? 0 : at + 1)
		h = folio_near_mix(h ^ wk->ring[at]);
	shingle(wk, h);
}

static void walk_words(const char *body, struct walk *wk)
{
	const unsigned char *p = (const unsigned char *)body;
	while (*p) {
		if (!word_byte(*p) || punctuation_at(p)) {
			p += punctuation_at(p) ? 3 : 1;
			continue;
		}
		uint64_t h = FNV_OFFSET;
		while (*p && word_byte(*p) && !punctuation_at(p)) {
			unsigned char c = *p++;
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			h = (h ^ c) * FNV_PRIME;
		}
		add_word(wk, h);
	}
}

uint64_t *folio_near_shingles(const char *body, int w, size_t *n, size_t *words)
{
	struct walk wk = { .w = w < 1 ? 1 : w > 8 ? 8 : w, .keep = true };
	walk_words(body ? body : "", &wk);
	*words = wk.words;
	*n = wk.oom ? 0 : wk.n;
	if (wk.oom || wk.n == 0) {
		free(wk.out);
		return NULL;
	}
	return wk.out;
}

bool folio_near_sign(const char *body, struct folio_near *sig)
{
	struct walk wk = { .w = FOLIO_NEAR_WORDS, .sig = sig };
	for (int i = 0; i < FOLIO_NEAR_HASHES; i++)
		sig->min[i] = UINT32_MAX;
	walk_words(body ? body : "", &wk);
	if (wk.words < FOLIO_NEAR_MIN_WORDS)
		return false;
	/*
	 * Densify (Shrivastava and Li 2014): an empty bin takes the value of the
	 * next full one to its right, moved by how far it looked, so two bodies
	 * with the same shingles fill their empty bins alike.
	 */
	uint32_t filled[FOLIO_NEAR_HASHES];
	memcpy(filled, sig->min, sizeof filled);
	for (int i = 0; i < FOLIO_NEAR_HASHES; i++) {
		int k = 0;
		while (filled[(i + k) % FOLIO_NEAR_HASHES] == UINT32_MAX)
			if (++k == FOLIO_NEAR_HASHES)
				return false; /* no shingle at all */
		if (k > 0)
			sig->min[i] = filled[(i + k) % FOLIO_NEAR_HASHES] + (uint32_t)k * UINT32_C(0x9E3779B9);
	}
	return true;
}

void folio_near_bands(const struct folio_near *sig, int64_t keys[FOLIO_NEAR_BANDS])
{
	for (int b = 0; b < FOLIO_NEAR_BANDS; b++) {
		uint64_t h = folio_near_mix(UINT64_C(0x62616e64) + (uint64_t)b);
		for (int r = 0; r < FOLIO_NEAR_ROWS; r++)
			h = folio_near_mix(h ^ sig->min[b * FOLIO_NEAR_ROWS + r]);
		keys[b] = (int64_t)(h >> 1);
	}
}

void folio_near_pack(const struct folio_near *sig, unsigned char out[FOLIO_NEAR_PACKED])
{
	for (int i = 0; i < FOLIO_NEAR_HASHES; i++) {
		out[2 * i] = (unsigned char)(sig->min[i] & 0xff);
		out[2 * i + 1] = (unsigned char)((sig->min[i] >> 8) & 0xff);
	}
}

double folio_near_similarity(const unsigned char *a, const unsigned char *b)
{
	int same = 0;
	for (int i = 0; i < FOLIO_NEAR_HASHES; i++)
		same += a[2 * i] == b[2 * i] && a[2 * i + 1] == b[2 * i + 1];
	/* 16 bits agree by chance once in 65536: too rare to correct for */
	return (double)same / FOLIO_NEAR_HASHES;
}
