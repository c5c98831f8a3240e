/*
 * near: whether two article bodies are mostly the same text, without
 * comparing them.  Pure: no SQL, no I/O.
 *
 * A body is cut into word shingles (FOLIO_NEAR_WORDS words in a row, case
 * and punctuation ignored), and one-permutation MinHash keeps, in each of
 * FOLIO_NEAR_HASHES bins, the least hash of the shingles that fall in it:
 * two bodies agree on a bin about as often as their shingle sets' Jaccard
 * similarity.  Locality-sensitive banding turns the minima into
 * FOLIO_NEAR_BANDS keys of FOLIO_NEAR_ROWS minima each: bodies that share a
 * key are candidates, and the store confirms a candidate on the packed
 * signature.  So an article costs a constant number of index lookups, never
 * a scan of the store.  tests/bench/near.c measured this against SimHash
 * (tests/bench/RESULTS.md says why this one).
 */
#ifndef FOLIO_NEAR_H
#define FOLIO_NEAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FOLIO_NEAR_WORDS 4    /* words in a shingle */
#define FOLIO_NEAR_BANDS 16   /* band keys per article */
#define FOLIO_NEAR_ROWS 3     /* minima in a band */
#define FOLIO_NEAR_HASHES (FOLIO_NEAR_BANDS * FOLIO_NEAR_ROWS)
/* Bodies of fewer words say too little to be linked ("Watch the video"). */
#define FOLIO_NEAR_MIN_WORDS 40
/* Estimated Jaccard similarity at or above which two bodies are one story. */
#define FOLIO_NEAR_THRESHOLD 0.5
/* The packed signature: each minimum's low 16 bits, little-endian. */
#define FOLIO_NEAR_PACKED (FOLIO_NEAR_HASHES * 2)

struct folio_near {
	uint32_t min[FOLIO_NEAR_HASHES];
};

/*
 * The signature of body (UTF-8).  False when it has fewer than
 * FOLIO_NEAR_MIN_WORDS words: such a body is never linked.
 */
bool folio_near_sign(const char *body, struct folio_near *sig);

/* Its band keys: one 63-bit key a band, the band's number mixed in. */
void folio_near_bands(const struct folio_near *sig, int64_t keys[FOLIO_NEAR_BANDS]);

void folio_near_pack(const struct folio_near *sig, unsigned char out[FOLIO_NEAR_PACKED]);

/* The estimated Jaccard similarity (0..1) of two packed signatures. */
double folio_near_similarity(const unsigned char *a, const unsigned char *b);

/*
 * The shingles of body, w words each, as 64-bit hashes in text order
 * (repeats kept): *n of them in a malloc'd array, or NULL when none or out
 * of memory.  *words gets the number of words.  For tools and benches.
 */
uint64_t *folio_near_shingles(const char *body, int w, size_t *n, size_t *words);

/* The mixing function behind the hashes (a 64-bit finalizer), for benches. */
uint64_t folio_near_mix(uint64_t x);

#endif
