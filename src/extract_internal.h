/*
 * extract_internal.h: what the three parts of extract share; markup
 * (html.c, markup_fields.c) uses its field parsers and outlet table too, so
 * there is one of each.  extract.c runs the pipeline; extract_lexicon.c holds the
 * word lists and the character tests they rest on; extract_fields.c parses
 * single lines into fields.  Everything here is pure, like the module.
 * Shared names carry an ex_ prefix so they cannot meet another module's in
 * the library.
 */
#ifndef FOLIO_EXTRACT_INTERNAL_H
#define FOLIO_EXTRACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#define ALIASES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* A word of a line: a span of it, not a copy. */
struct word {
	const char *s;
	size_t len;
};

#define MAX_WORDS 64

/* The names of a byline, title-cased. */
#define MAX_NAMES 6
#define NAME_CAP 96

struct names {
	char v[MAX_NAMES][NAME_CAP];
	int n;
};
/* ---------------------------------------- extract_lexicon.c: characters -- */

/*
 * Code points and case come from libunistring, in every script it knows
 * (a byline in Romanian, Armenian or Georgian reads as one in English);
 * these are its calls with the ASCII answer inlined, because the pipeline
 * asks them of nearly every byte of a page.
 */

/* The code point at s (len > 0 bytes); an invalid byte reads as U+FFFD. */
static inline uint32_t ex_cp_at(const char *s, size_t len, size_t *n)
{
	ucs4_t cp;
	int k = u8_mbtouc(&cp, (const uint8_t *)s, len);
	*n = k > 0 ? (size_t)k : 1;
	return cp;
}

/* cp as UTF-8 into out (room for 4); its length. */
static inline size_t ex_u8_encode(uint32_t cp, char *out)
{
	int n = u8_uctomb((uint8_t *)out, cp, 4);
	return n > 0 ? (size_t)n : 0;
}

static inline bool ex_cp_upper(uint32_t c)
{
	return c < 0x80 ? c >= 'A' && c <= 'Z' : uc_is_upper(c);
}

static inline bool ex_cp_lower(uint32_t c)
{
	return c < 0x80 ? c >= 'a' && c <= 'z' : uc_is_lower(c);
}

static inline uint32_t ex_cp_tolower(uint32_t c)
{
	return c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : uc_tolower(c);
}

/* Kana, CJK ideographs and Hangul: scripts written without spaces between words. */
static inline bool ex_cp_cjk(uint32_t c)
{
	return c >= 0x3040 && ((c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	                       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	                       (c >= 0xF900 && c <= 0xFAFF));
}

static inline bool ex_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool ex_ci_eq(const char *a, const char *b, size_t n);
bool ex_starts_ci(const char *s, size_t len, const char *p);
bool ex_starts_any_ci(const char *s, size_t len, const char *const *list);
size_t ex_closing_aside(const char *s, size_t len, size_t reach);
bool ex_contains_ci(const char *s, size_t len, const char *p);
bool ex_has_phrase(const char *lc, size_t len, const char *p);
bool ex_has_any(const char *lc, size_t len, const char *const *list);
bool ex_in_list_ci(const char *w, size_t n, const char *const *list);
size_t ex_find_at(const char *s, size_t len, const char *p, size_t n);
bool ex_find_bytes(const char *s, size_t len, const char *p, size_t n);
size_t ex_split_words(const char *s, size_t len, struct word *w, size_t max);
void ex_trim_spaces(const char *s, size_t *start, size_t *end);
bool ex_ends_sentence(const char *s, size_t len);
int ex_sentences(const char *s, size_t len);
bool ex_own_voice(const char *s, size_t len);
bool ex_title_case(const char *s, size_t len);

/* ------------------------------------------ extract_lexicon.c: lexicons -- */

extern const char *const ex_end_phrases[];
extern const char *const ex_end_words[];
extern const char *const ex_print_notes[];
extern const char *const ex_drop_phrases[];
extern const char *const ex_drop_words[];
extern const char *const ex_nav_phrases[];
extern const char *const ex_nav_words[];
extern const char *const ex_role_words[];
extern const char *const ex_link_words[];
extern const char *const ex_byline_leads[];
extern const char *const ex_name_particles[];
extern const char *const ex_date_words[];
bool ex_ends_with_credit(const char *s, size_t len);
const char *ex_outlet_exact(const char *s, size_t n);
const char *ex_outlet_prefix(const char *s, size_t n, size_t *used);
size_t ex_paper_name(const char *s, size_t len);
bool ex_paper_word(const char *s, size_t len);
int ex_month_of(const char *w, size_t n);

/* ---------------------------------------------------- extract_bylines.c -- */

bool ex_dated_fields(const char *s, size_t len, char date[11]);
bool ex_credit_line(const char *s, size_t len);
bool ex_names_only_line(const char *s, size_t len, struct names *out);
bool ex_byline_names(const char *s, size_t len, struct names *out, char date[11]);
bool ex_broken_byline(const char *s, size_t len);
bool ex_trailer_byline(const char *s, size_t len, struct names *out);
const char *ex_byline_outlet(const char *s, size_t len, bool one_word, char *buf, size_t cap);

/* ----------------------------------------------------- extract_fields.c -- */

bool ex_date_line(const char *s, size_t len, char out[11]);
bool ex_time_line(const char *s, size_t len);
bool ex_issue_date(const char *s, size_t len, char out[11]);
size_t ex_dash_at(const char *s, size_t len, size_t i);
bool ex_parse_dateline(const char *s, size_t len, char *place, size_t place_cap,
                       char *credit, size_t credit_cap);
bool ex_dateline_alone(const char *s, size_t len);
bool ex_dateline_loose(const char *s, size_t len, char *place, size_t place_cap,
                       char *credit, size_t credit_cap, bool colon_ok);
bool ex_copy_name(const char *s, size_t len, char *buf, size_t cap);
const char *ex_headline_outlet(const char *s, size_t len, size_t *off, size_t *hlen,
                               char *buf, size_t cap);
const char *ex_copyright_owner(const char *s, size_t len, bool loose, char *buf, size_t cap);
bool ex_credit_name(const char *s, size_t len);
const char *ex_self_reference(const char *s, const char *lc, size_t len, bool prose, char *buf,
                              size_t cap);
bool ex_headline_stamp(const char *s, size_t len, size_t *off, size_t *hlen, char date[11]);

/* -------------------------------------------------- extract_furniture.c -- */

enum furniture {
	FURN_NONE,
	FURN_CAPTION, /* a photo caption or credit, gallery or video text */
	FURN_EMBED,   /* an embedded social-media post */
	FURN_PROMPT,  /* newsletter, app, share, comment prompts; bracketed teasers */
	FURN_RULE,    /* "___", "* * *" */
	FURN_TRAILER  /* "... contributed to this report", "(Reporting by ...)", addresses */
};

/* The furniture tables sorted by first byte, built once per page. */
#define FURN_MAX_PHRASES 128
#define FURN_MAX_LEADS 160
struct furniture_index {
	unsigned short phrase_first[257], lead_first[257];
	unsigned char phrase_order[FURN_MAX_PHRASES], phrase_len[FURN_MAX_PHRASES];
	unsigned char lead_order[FURN_MAX_LEADS], lead_len[FURN_MAX_LEADS];
};

struct unit;
void ex_furniture_index(struct furniture_index *fx);
enum furniture ex_furniture(const struct unit *u, const struct furniture_index *fx);
bool ex_credit_word(const char *s, size_t len);
bool ex_credit_only(const char *s, size_t len, int words, bool sentence);
int ex_gallery_slide(const char *s, size_t len);

/* ------------------------------------------------------------ the page -- */

/* What a unit (a paragraph, or one line) of the page is. */
enum kind {
	K_PROSE,     /* a paragraph */
	K_SHORT,     /* a short sentence: "He declined to comment." */
	K_INTRO,     /* a line ending in ':' */
	K_HEADING,   /* short and unpunctuated */
	K_OTHER,     /* long and unpunctuated */
	K_LIST,      /* a list item */
	K_TABLE,     /* a row of a table */
	K_CAPTION,   /* a photo caption */
	K_REPEAT,    /* a line seen elsewhere in the page */
	K_TEASER,    /* an item of a teaser list */
	K_NAV,       /* navigation */
	K_DROP,      /* furniture */
	K_TRAILER,   /* a trailer glued to the story: "... contributed to this report" */
	K_END,       /* an end marker */
	K_BYLINE,    /* meta lines, which also cut the body */
	K_DATE,
	K_CREDIT,
	K_BANNER,
	K_COPYRIGHT
};

enum list_marker { LIST_NONE, LIST_BULLET, LIST_NUMBER };

struct unit {
	char *s;
	size_t len;
	size_t group;
	int words, cps, cjk;
	enum list_marker list;
	size_t content; /* offset of the text after a bullet */
	bool sentence, colon, digit;
	bool post;          /* the stamp of an embedded post: "— Ann Lee (@annlee) May 2, 2018" */
	enum kind kind;
	char date[11];      /* date lines and bylines with a date */
	size_t head_off, head_len; /* the headline part of "Headline | Outlet" */
	const char *lc;     /* the same len bytes in ASCII lower case */
};

/* A line of text that may belong to the story, before the body is chosen. */
static inline bool content_kind(enum kind k)
{
	return k == K_PROSE || k == K_SHORT || k == K_HEADING || k == K_OTHER || k == K_INTRO;
}

static inline bool is_meta(enum kind k)
{
	return k >= K_BYLINE;
}

static inline bool is_break(enum kind k)
{
	return k == K_END || is_meta(k);
}


/* The cleaned page: its text, and its units in order. */
struct page {
	char *buf;
	size_t len;            /* of buf and lower */
	char *lower;           /* buf in ASCII lower case, for finding phrases */
	unsigned char *indent; /* per line of buf: an indented first line */
	struct unit *u;
	size_t n;
};


/* The story found on a page. */
struct story {
	size_t bs, be;            /* its units, first and last */
	size_t prose;             /* characters of prose in it */
	bool dateline;            /* one of its first paragraphs opens with a dateline */
	char place[128], credit[48];
	const struct unit *title; /* NULL: no headline on evidence */
	struct names names;       /* the byline's names */
};

/* The fields as spans of the page and buffers; extract.c copies them out. */
struct ex_fields {
	const char *title, *dateline, *date, *source;
	size_t title_len;
	bool has_byline;
	char byline[MAX_NAMES * (NAME_CAP + 5)];
	char source_buf[128];
};

/* ------------------------------------------------------ extract_units.c -- */

char *ex_clean_text(const char *in, size_t len, size_t *out_len, unsigned char **indent);
int ex_build_units(struct page *pg, size_t buflen);

/* ------------------------------------------------------- extract_meta.c -- */

void ex_find_header(const struct page *pg, struct story *st);
void ex_find_fields(const struct page *pg, const struct story *st, struct ex_fields *f);

/* ---------------------------------------------------- extract_verdict.c -- */

bool ex_crawl_notice(const struct unit *u);
const char *ex_no_story_reason(const struct page *pg, const char *raw, size_t raw_len);
const char *ex_verdict(const struct page *pg, const char *raw, size_t raw_len,
                       const struct story *st, size_t body_len);

#endif
