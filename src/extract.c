/*
 * extract: the plain text of a scraped news page in, an article out.
 *
 * Pages come from many outlets and eras with the site's furniture still in
 * them, so there are no per-site rules: every page goes through the same
 * steps, which look at the shape of lines and at their neighbours.
 *
 * 1. Clean.  Invalid UTF-8 becomes U+FFFD, controls and invisible format
 *    characters go, tabs and odd spaces become one space, lines are trimmed.
 *    Everything after this can trust the bytes, and every output string is
 *    valid UTF-8.
 * 2. Units.  A block is a run of non-blank lines.  A block of even, run-on
 *    lines (hard-wrapped prose: lines of 40-100 characters, all but the last
 *    near the longest, few ending a sentence) is joined into one unit;
 *    otherwise each line is a unit, so pages that end paragraphs with a
 *    single newline work too.
 * 3. Kinds.  Each unit is classed by lexicons: navigation ("Skip to", "You
 *    are in:", lines with " | ", "»", " > "), droppable furniture
 *    ("Advertisement", "Share this", "Read more:", "Page 1 of 2"), end
 *    markers ("Back to the top", "See also", "E-mail this story", "Most
 *    read", "Related stories"), copyright lines; single-word markers
 *    ("Print", "Related", "Home") only count as a line of their own.  Then
 *    by parsers: byline, date line, credit line ("Washington Post Foreign
 *    Service", "Courier Staff Writer", "Special to ..."), outlet banner, page
 *    title with its outlet ("Headline | The Guardian").  Then by shape:
 *    prose (sentence punctuation and 6+ words, or 25+ words), short
 *    sentence, colon intro, list item ("•", "-", "*", "1.", "a)"), heading
 *    (12 words or fewer, unpunctuated), other.  Then by neighbours: a block
 *    of 2-3 short unpunctuated lines, or a line and its echo, is a photo
 *    caption; 3+ unpunctuated short lines are navigation, or a table when
 *    most carry digits; a list is kept when a line ending in ':' introduces
 *    it or most items read as sentences, else it is a teaser list; a line
 *    seen twice in the page is a repeated teaser (a long paragraph seen
 *    twice is a pull quote: only its later copies go).
 * 4. Body.  The maximum-weight run of units (Kadane): prose weighs its
 *    length, headings, captions, teasers and navigation weigh against it,
 *    meta lines and end markers cut runs, and once 300 characters of prose
 *    are seen an end marker or copyright line ends the page.  The run is
 *    trimmed to start on prose and end on prose or an introduced list; if
 *    one of its first three paragraphs opens with a dateline, the body
 *    starts there (a standfirst above it is left out).  Inside the run,
 *    captions, teasers, repeats and furniture are dropped; headings between
 *    paragraphs, lists (one item a line, bullets written "• ") and tables
 *    stay; paragraphs are separated by one blank line; the dateline lead
 *    stays at the start of the first paragraph as written.
 * 5. Fields, read only from the lines around the body:
 *    - dateline: AP style at the start of the first paragraph: a place in
 *      capitals ("MOSCOW", "ST. LOUIS", "SÃO PAULO"), optional ", Region"
 *      segments, an optional date segment (dropped), an optional wire credit
 *      in parentheses, then "--", an em or en dash, or " - ".  A place in
 *      mixed case counts only with a wire credit ("Paris (AFP) -").
 *    - byline: "By/BY/Par/Von/Por/FROM NAMES" with an optional role, date or
 *      " | ..." after; "NAME, ROLE"; a line of names (or "NAME in PLACE")
 *      right above a credit, date or outlet line; after the body "Contact
 *      NAME at", "NAME can be reached at", "NAME is a staff writer",
 *      "Reporting by NAME".  Names are split on ",", "and", "&", "und",
 *      "et", "y"; words before a name that are roles ("Bureau Chief",
 *      "Correspondent"), possessives ("Online's"), outlets or acronyms are
 *      dropped, and so is " in PLACE" after it.  A name is 2-5 capitalised
 *      words (particles such as "de", "van", "bin" and initials allowed);
 *      names in capitals are title-cased.
 *    - date: the nearest line above the body that is only a date plus
 *      weekday, time, zone, "Page A06", "Updated", "Filed" and such (a
 *      published date beats an updated one), a date after a byline, or a
 *      "Published/Posted/Updated" line below the body.  English, French,
 *      German and Spanish month names, ISO, Y/M/D, D.M.YYYY, D/M/YYYY or
 *      M/D/YYYY only when one part is over 12, and 2003年3月4日.  Days are
 *      checked against the month; a date without a year is no date.
 *    - title: walking up from the body, a headline-shaped line (2-25 words,
 *      no final full stop): one right under a date line; else the first of
 *      a block that also holds the byline or date, or alone in its block;
 *      a long deck under a shorter headline gives the headline; blocks of
 *      caption pairs and echoes are passed over; in a block without blank
 *      lines the line nearest the body wins; navigation ends the walk.
 *    - source: in order, an outlet above the body (a banner line, the
 *      outlet beside a page title, a known outlet opening a line, a paper's
 *      name opening a navigation line), a copyright line, a credit or byline
 *      line naming an outlet, the dateline's wire credit, an outlet line
 *      below the body ("Los Angeles Times Articles", "-- AFP").  Known
 *      outlets (about seventy, with their spellings) map to one display
 *      name; an unknown outlet counts when it is named like a paper
 *      (capitalised words ending in Courier, Times, Gazette, Zeitung, 新聞,
 *      ...) and is not a section ("World News").
 * 6. No article: no prose run, under 100 characters of prose, or a short
 *    page showing two signs of a cookie notice, an error page or a paywall.
 *
 * All work is linear in the input: the repeat check is a hash table, every
 * parser reads a bounded prefix of one line, and the title and byline walks
 * look at a bounded number of lines.
 *
 * What still fools it: a one-line photo caption between paragraphs (read
 * as a sub-heading); a standfirst with no dateline or byline below it
 * (joins the body); comments that outweigh the article with no end marker
 * between; a first paragraph opening with a capitalised acronym and a dash
 * ("NATO -- ..."), read as a dateline; a lone name with no "By", role or
 * date beside it (no byline); a title ending in a full stop, or a page
 * whose only headline-shaped line is a section name; an outlet neither in
 * the lexicon nor named like a paper ("Ledgerport Today"), or a foreign
 * outlet named in a nav line above the page's own; dates in other
 * languages or ambiguous numeric dates (none); bylines and datelines in
 * scripts without case (none); hard-wrapped text with no blank lines
 * between paragraphs (the paragraphs run together); a page holding several
 * articles (a digest) gives the biggest one.
 */
#include "folio/extract.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- UTF-8 -- */

/* Length of the valid UTF-8 sequence at s, or 0 when it is not valid. */
static int u8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0) {
		if (len < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0) {
		if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
		return 0;
	v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
	    ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	if (v < 0x10000 || v > 0x10FFFF)
		return 0;
	*cp = v;
	return 4;
}

/* Decode text already known to be valid (after clean_text). */
static uint32_t cp_at(const char *s, size_t len, size_t *n)
{
	uint32_t cp = 0xFFFD;
	int k = u8_decode((const unsigned char *)s, len, &cp);
	*n = k > 0 ? (size_t)k : 1;
	return cp;
}

static size_t u8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Case for the scripts whose bylines and datelines we can read. */
static bool latin_ext_upper(uint32_t c)
{
	if (c >= 0x100 && c <= 0x137)
		return (c & 1) == 0;
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) == 1;
	if (c >= 0x14A && c <= 0x177)
		return (c & 1) == 0;
	return c == 0x178 || (c >= 0x179 && c <= 0x17E && (c & 1) == 1);
}

static bool cp_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	return latin_ext_upper(c) || (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

static bool cp_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if (c >= 0xDF && c <= 0xFF)
		return c != 0xF7;
	if (c >= 0x100 && c <= 0x17F)
		return !latin_ext_upper(c);
	return (c >= 0x3AC && c <= 0x3CE) || (c >= 0x430 && c <= 0x45F);
}

static uint32_t cp_tolower(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c == 0x178)
		return 0xFF;
	if (latin_ext_upper(c))
		return c + 1;
	if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

static bool cp_cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* A byte that continues a word: ASCII letters and digits, any non-ASCII. */
static bool word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) ||
	       (unsigned char)c >= 0x80;
}

static bool ci_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

/* Does s (len bytes) start with phrase p, ending on a word boundary? */
static bool starts_ci(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	if (n > len || !ci_eq(s, p, n))
		return false;
	return n == len || !word_byte(p[n - 1]) || !word_byte(s[n]);
}

static bool contains_ci(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	for (size_t i = 0; i + n <= len; i++)
		if (ci_eq(s + i, p, n) && (i == 0 || !word_byte(s[i - 1]) || !word_byte(p[0])) &&
		    (i + n == len || !word_byte(s[i + n]) || !word_byte(p[n - 1])))
			return true;
	return false;
}

static bool in_list_ci(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && ci_eq(w, *list, n))
			return true;
	return false;
}

static bool find_bytes(const char *s, size_t len, const char *p, size_t n)
{
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, p, n) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------ buffers -- */

struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

/* A malloc'd copy; *oom set when memory runs out. */
static char *dup_n(const char *s, size_t n, bool *oom)
{
	char *p = malloc(n + 1);
	if (!p) {
		*oom = true;
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ------------------------------------------------------------- clean --- */

static bool cp_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_invisible(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF ||
	       (c >= 0xE0000 && c <= 0xE007F);
}

/*
 * Valid UTF-8, "\n" line ends, no controls, one space between words, no
 * space at either end of a line.
 */
static char *clean_text(const char *in, size_t len, size_t *out_len)
{
	if (len > (SIZE_MAX - 2) / 3)
		return NULL;
	char *out = malloc(len * 3 + 2);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = u8_decode((const unsigned char *)in + i, len - i, &cp);
		if (n == 0) {
			cp = 0xFFFD;
			n = 1;
		}
		if (cp == '\r') {
			if (i + 1 < len && in[i + 1] == '\n') {
				i++;
				continue;
			}
			cp = '\n';
		}
		i += (size_t)n;
		if (cp == '\n') {
			while (o > 0 && out[o - 1] == ' ')
				o--;
			out[o++] = '\n';
		} else if (cp_space(cp)) {
			if (o > 0 && out[o - 1] != ' ' && out[o - 1] != '\n')
				out[o++] = ' ';
		} else if (!cp_invisible(cp)) {
			o += u8_encode(cp, out + o);
		}
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\n'))
		o--;
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* -------------------------------------------------------------- lexicons -- */

/*
 * Furniture.  Phrases match at the start of a line of up to 12 words;
 * single words only as a line of their own (give or take a count or a
 * colon: "Comments (12)"), so a headline "Print media in decline" is safe.
 */
/* Lines that end the article when enough of it has been seen. */
static const char *const end_phrases[] = {
	"back to the top", "back to top", "top of page", "return to top", "e-mail this story",
	"email this story", "e-mail this article", "email this article", "send this story",
	"print this story", "print this article", "printable version", "see also",
	"see related", "related stories", "related articles", "related links", "related content",
	"related coverage", "internet links", "links to more", "more on this story", "more from",
	"most read", "most popular", "most viewed", "most shared", "you may also like",
	"recommended for you", "recommended stories", "leave a comment", "show comments",
	"join the conversation", "sign up for", "subscribe to our newsletter",
	"all rights reserved", "external sites are not", "note: pages will open",
	"the bbc is not responsible", "about us", "contact us", "terms of use",
	"privacy policy", "site map", "lire aussi", "mehr zum thema", "ver también", "関連記事", NULL
};
static const char *const end_words[] = {
	"related", "comments", "newsletter", "tags", "topics", "sitemap", "trackback", NULL
};

/* Furniture that is dropped wherever it stands. */
static const char *const drop_phrases[] = {
	"share this", "share on", "share:", "tweet this", "follow us", "read more", "read next",
	"continue reading", "story continues below", "article continues below", "click here",
	"watch:", "listen:", "photo:", "image:", "caption:", "video:", "play video",
	"enlarge this image", "cookie policy", "cookie settings", "manage cookies",
	"accept cookies", "accept all", "related:", "see more:", "more:", "also read",
	"font size", "text size", "a a a", "sponsored content", "skip advertisement",
	"next page", "previous page", "continued on page", "continued from page", NULL
};
static const char *const drop_words[] = {
	"advertisement", "advertising", "sponsored", "print", "e-mail", "email", "save",
	"share", "reprints", "loading", "anzeige", "publicité", "publicidad", "video", "photo",
	"listen", "close", "next", "previous", "more", NULL
};

/* Navigation lines. */
static const char *const nav_phrases[] = {
	"skip to", "jump to", "you are in", "you are here", "main menu", "sign in", "log in",
	"go to", "top stories", "latest news", "in depth", "back to", NULL
};
static const char *const nav_words[] = {
	"home", "menu", "navigation", "search", "login", "register", "subscribe", "sections",
	"breadcrumb", "index", "archive", "archives", NULL
};

/* Words that end a role or credit before a name, never part of a name. */
static const char *const role_words[] = {
	"staff", "writer", "writers", "reporter", "reporters", "correspondent",
	"correspondents", "editor", "editors", "chief", "bureau", "service", "press", "news",
	"online", "desk", "team", "agency", "wire", "times", "post", "associated", "special",
	"contributor", "columnist", "photographer", "analyst", "producer", "senior", "political",
	"foreign", "diplomatic", "the", "our", "and", "by", "with", "in", "for", "from", "at",
	"of", "to", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "sept", "redaktion", "rédaction",
	"envoyé", "spécial", "korrespondent", "corresponsal", "redacción", NULL
};

/* Lower-case words allowed inside a name. */
static const char *const name_particles[] = {
	"de", "da", "del", "della", "di", "van", "von", "der", "den", "du", "la", "le",
	"bin", "ibn", "al", "el", "dos", "das", "ter", "y", "st.", NULL
};

/* The last word of a paper's name. */
static const char *const paper_words[] = {
	"times", "post", "news", "herald", "courier", "tribune", "journal", "gazette",
	"chronicle", "guardian", "observer", "telegraph", "express", "mail", "star", "sun",
	"globe", "daily", "press", "record", "register", "review", "monitor", "examiner",
	"independent", "inquirer", "bulletin", "dispatch", "standard", "mirror", "echo",
	"sentinel", "advocate", "ledger", "mercury", "beacon", "clarion", "enquirer",
	"leader", "argus", "banner", "dealer", "weekly", "magazine", "radio", "television",
	"wire", "agency", "zeitung", "rundschau", "allgemeine", "kurier", "anzeiger",
	"presse", "quotidien", "courrier", "matin", "soir", "diario", "noticias", "correo",
	"heraldo", "periódico", "gaceta", "notícias", "nouvelles", NULL
};

/* Words that make a line a section name rather than a paper's name. */
static const char *const section_words[] = {
	"world", "local", "other", "more", "latest", "top", "breaking", "national",
	"international", "business", "sports", "sport", "politics", "today's", "home",
	"front", "page", "section", "regional", "metro", "science", "health", NULL
};

struct outlet {
	const char *name;           /* how we show it */
	const char *const *aliases; /* how pages write it, lower case */
};

#define ALIASES(...) ((const char *const[]){ __VA_ARGS__, NULL })
static const struct outlet outlets[] = {
	{ "CNN", ALIASES("cnn", "cnn.com", "cnn interactive", "cable news network") },
	{ "BBC News", ALIASES("bbc news", "bbc news online", "bbc", "bbc.co.uk", "news.bbc.co.uk") },
	{ "Reuters", ALIASES("reuters", "thomson reuters", "reuters.com") },
	{ "Associated Press", ALIASES("associated press", "the associated press", "ap") },
	{ "AFP", ALIASES("afp", "agence france-presse", "agence france presse") },
	{ "New York Times", ALIASES("new york times", "the new york times", "nytimes.com") },
	{ "Washington Post", ALIASES("washington post", "the washington post", "washingtonpost.com") },
	{ "Los Angeles Times", ALIASES("los angeles times", "latimes.com") },
	{ "The Guardian", ALIASES("the guardian", "guardian", "guardian unlimited", "theguardian.com") },
	{ "The Times", ALIASES("the times", "times online", "thetimes.co.uk") },
	{ "Wall Street Journal", ALIASES("wall street journal", "the wall street journal", "wsj.com") },
	{ "USA Today", ALIASES("usa today", "usatoday.com") },
	{ "NPR", ALIASES("npr", "national public radio", "npr.org") },
	{ "Bloomberg", ALIASES("bloomberg", "bloomberg news", "bloomberg.com") },
	{ "Al Jazeera", ALIASES("al jazeera", "aljazeera.net", "aljazeera.com", "al jazeera english") },
	{ "The Independent", ALIASES("the independent", "independent.co.uk") },
	{ "Daily Telegraph", ALIASES("daily telegraph", "the daily telegraph", "the telegraph", "telegraph", "telegraph.co.uk") },
	{ "Chicago Tribune", ALIASES("chicago tribune") },
	{ "Boston Globe", ALIASES("boston globe", "the boston globe") },
	{ "ABC News", ALIASES("abc news", "abcnews.com") },
	{ "CBS News", ALIASES("cbs news", "cbsnews.com") },
	{ "NBC News", ALIASES("nbc news", "nbcnews.com", "msnbc") },
	{ "Fox News", ALIASES("fox news", "foxnews.com") },
	{ "Sky News", ALIASES("sky news") },
	{ "The Economist", ALIASES("the economist", "economist.com") },
	{ "Financial Times", ALIASES("financial times", "the financial times", "ft.com") },
	{ "Le Monde", ALIASES("le monde", "lemonde.fr") },
	{ "Le Figaro", ALIASES("le figaro") },
	{ "Der Spiegel", ALIASES("der spiegel", "spiegel online") },
	{ "Süddeutsche Zeitung", ALIASES("süddeutsche zeitung") },
	{ "Frankfurter Allgemeine", ALIASES("frankfurter allgemeine", "frankfurter allgemeine zeitung", "faz") },
	{ "El País", ALIASES("el país", "el pais") },
	{ "Deutsche Welle", ALIASES("deutsche welle", "dw") },
	{ "Xinhua", ALIASES("xinhua", "xinhua news agency") },
	{ "Kyodo News", ALIASES("kyodo", "kyodo news") },
	{ "Interfax", ALIASES("interfax") },
	{ "TASS", ALIASES("tass", "itar-tass") },
	{ "UPI", ALIASES("upi", "united press international") },
	{ "Voice of America", ALIASES("voice of america", "voa") },
	{ "The Observer", ALIASES("the observer") },
	{ "Daily Mail", ALIASES("daily mail", "the daily mail", "mail online") },
	{ "The Irish Times", ALIASES("the irish times", "irish times") },
	{ "Times of India", ALIASES("the times of india", "times of india") },
	{ "The Hindu", ALIASES("the hindu") },
	{ "Sydney Morning Herald", ALIASES("sydney morning herald", "the sydney morning herald") },
	{ "The Globe and Mail", ALIASES("the globe and mail", "globe and mail") },
	{ "Toronto Star", ALIASES("toronto star", "the toronto star") },
	{ "CBC News", ALIASES("cbc news", "cbc") },
	{ "South China Morning Post", ALIASES("south china morning post", "scmp") },
	{ "The Japan Times", ALIASES("the japan times", "japan times") },
	{ "Haaretz", ALIASES("haaretz") },
	{ "Jerusalem Post", ALIASES("jerusalem post", "the jerusalem post") },
	{ "Christian Science Monitor", ALIASES("christian science monitor", "the christian science monitor") },
	{ "San Francisco Chronicle", ALIASES("san francisco chronicle") },
	{ "Houston Chronicle", ALIASES("houston chronicle") },
	{ "Miami Herald", ALIASES("miami herald", "the miami herald") },
	{ "Philadelphia Inquirer", ALIASES("philadelphia inquirer", "the philadelphia inquirer") },
	{ "Seattle Times", ALIASES("seattle times", "the seattle times") },
	{ "Dallas Morning News", ALIASES("dallas morning news", "the dallas morning news") },
	{ "Newsweek", ALIASES("newsweek") },
	{ "Time", ALIASES("time magazine", "time.com") },
	{ "Politico", ALIASES("politico") },
	{ "Euronews", ALIASES("euronews") },
	{ "Radio Free Europe", ALIASES("radio free europe", "rfe/rl", "radio free europe/radio liberty") },
};
#define N_OUTLETS (sizeof outlets / sizeof outlets[0])

/* The outlet whose alias is exactly s[0..n), or NULL. */
static const char *outlet_exact(const char *s, size_t n)
{
	for (size_t i = 0; i < N_OUTLETS; i++)
		for (const char *const *a = outlets[i].aliases; *a; a++)
			if (strlen(*a) == n && ci_eq(s, *a, n))
				return outlets[i].name;
	return NULL;
}

/*
 * The outlet whose alias starts s as a whole word.  Short one-word aliases
 * ("ap", "bbc") only count in capitals and three letters or more, so "Apple"
 * or a sentence is not an outlet.  *used gets the alias length.
 */
static const char *outlet_prefix(const char *s, size_t n, size_t *used)
{
	const char *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < N_OUTLETS; i++)
		for (const char *const *a = outlets[i].aliases; *a; a++) {
			size_t al = strlen(*a);
			if (al <= best_len || !starts_ci(s, n, *a))
				continue;
			if (!strchr(*a, ' ') && !strchr(*a, '.')) {
				bool caps = al >= 3;
				for (size_t k = 0; k < al && caps; k++)
					caps = !(s[k] >= 'a' && s[k] <= 'z');
				if (!caps && al != n)
					continue;
			}
			best = outlets[i].name;
			best_len = al;
		}
	if (used)
		*used = best_len;
	return best;
}

/* ---------------------------------------------------------------- words -- */

struct word {
	const char *s;
	size_t len;
};

/* Split on spaces into at most max words; returns the count (capped). */
static size_t split_words(const char *s, size_t len, struct word *w, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		w[n].s = s + st;
		w[n].len = i - st;
		n++;
	}
	return n;
}

/* ---------------------------------------------------------------- dates -- */

struct month_name {
	const char *name;
	int month;
};

static const struct month_name months[] = {
	{ "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 },
	{ "mar", 3 }, { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "jun", 6 },
	{ "july", 7 }, { "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
	{ "sept", 9 }, { "sep", 9 }, { "october", 10 }, { "oct", 10 }, { "november", 11 },
	{ "nov", 11 }, { "december", 12 }, { "dec", 12 },
	{ "janvier", 1 }, { "février", 2 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "mai", 5 }, { "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "aout", 8 },
	{ "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 }, { "décembre", 12 },
	{ "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "märz", 3 }, { "juni", 6 },
	{ "juli", 7 }, { "oktober", 10 }, { "dezember", 12 },
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 },
	{ "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 },
	{ "setiembre", 9 }, { "octubre", 10 }, { "noviembre", 11 }, { "diciembre", 12 },
};

static int month_of(const char *w, size_t n)
{
	while (n > 0 && strchr(".,;", w[n - 1]))
		n--;
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (strlen(months[i].name) == n && ci_eq(w, months[i].name, n))
			return months[i].month;
	return 0;
}

/* Words that may stand beside a date in a date line. */
static const char *const date_words[] = {
	"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu",
	"thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "lundi", "mardi",
	"mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag",
	"mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes",
	"miércoles", "jueves", "viernes", "sábado", "domingo", "gmt", "utc", "bst", "est",
	"edt", "et", "pt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "cet", "cest", "uk",
	"am", "pm", "a", "m", "p", "h", "updated", "update", "published", "posted", "last",
	"modified", "on", "at", "date", "dated", "le", "de", "del", "mis", "à", "jour",
	"publié", "actualizado", "publicado", "aktualisiert", "veröffentlicht", "stand",
	"um", "uhr", "time", "filed", "page", "edition", "final", "late", "the", "of", "el", "y", NULL
};

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid_date(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

/* A number at the start of a word ("21", "1st", "3."), or -1. */
static int word_number(const struct word *w, int *digits)
{
	int v = 0, nd = 0;
	size_t i = 0;
	while (i < w->len && is_digit(w->s[i]) && nd < 5) {
		v = v * 10 + (w->s[i] - '0');
		i++;
		nd++;
	}
	if (nd == 0 || (i < w->len && is_digit(w->s[i])))
		return -1;
	*digits = nd;
	size_t rest = w->len - i;
	const char *r = w->s + i;
	if (rest == 0)
		return v;
	/* 1st 2nd 3rd 4th, 1er, "15," "2001;" "3." */
	if ((rest >= 2 && (ci_eq(r, "st", 2) || ci_eq(r, "nd", 2) || ci_eq(r, "rd", 2) ||
	                   ci_eq(r, "th", 2) || ci_eq(r, "er", 2))) ||
	    strchr(".,;:", r[0]))
		return v;
	return -1;
}

/* Numeric forms inside one word: 2001-09-15, 15.09.2001, 15/9/2001, 2003年3月4日. */
static bool numeric_date(const char *s, size_t len, int *y, int *m, int *d)
{
	int v[3] = { 0, 0, 0 }, nd[3] = { 0, 0, 0 }, k = 0;
	char sep[2] = { 0, 0 };
	size_t i = 0;
	while (k < 3) {
		while (i < len && is_digit(s[i]) && nd[k] < 5) {
			v[k] = v[k] * 10 + (s[i] - '0');
			nd[k]++;
			i++;
		}
		if (nd[k] == 0)
			return false;
		if (k == 2)
			break;
		if (i < len && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
			sep[k] = s[i];
			i++;
		} else if (i + 3 <= len && (memcmp(s + i, "年", 3) == 0 || memcmp(s + i, "月", 3) == 0)) {
			sep[k] = 'j';
			i += 3;
		} else {
			return false;
		}
		k++;
	}
	if (sep[0] != sep[1])
		return false;
	if (nd[0] == 4) {
		*y = v[0], *m = v[1], *d = v[2];
	} else if (nd[2] == 4 && sep[0] != 'j') {
		*y = v[2];
		if (sep[0] == '.' || v[0] > 12 || v[0] == v[1]) /* D.M.YYYY, 25/12/2003 */
			*d = v[0], *m = v[1];
		else if (v[1] > 12) /* 10/22/2001 */
			*m = v[0], *d = v[1];
		else
			return false; /* 03/04/2003: March or April, we cannot tell */
	} else {
		return false;
	}
	return valid_date(*y, *m, *d);
}

#define MAX_WORDS 64

/*
 * Find a date among words w[0..n).  On success the date words are
 * w[*first..*last] inclusive.
 */
static bool find_date(const struct word *w, size_t n, int *y, int *m, int *d,
                      size_t *first, size_t *last)
{
	for (size_t i = 0; i < n; i++) {
		int nd, mo, v;
		if (numeric_date(w[i].s, w[i].len, y, m, d)) {
			*first = *last = i;
			return true;
		}
		/* D [de] Month [de] YYYY */
		v = word_number(&w[i], &nd);
		if (v > 0 && nd <= 2) {
			size_t j = i + 1;
			if (j < n && in_list_ci(w[j].s, w[j].len, ALIASES("de")))
				j++;
			if (j < n && (mo = month_of(w[j].s, w[j].len)) > 0) {
				size_t k = j + 1;
				if (k < n && in_list_ci(w[k].s, w[k].len, ALIASES("de", "del")))
					k++;
				int yy, yd;
				if (k < n && (yy = word_number(&w[k], &yd)) > 0 && yd == 4 &&
				    valid_date(yy, mo, v)) {
					*y = yy, *m = mo, *d = v;
					*first = i, *last = k;
					return true;
				}
			}
		}
		/* Month D[,] YYYY */
		if ((mo = month_of(w[i].s, w[i].len)) > 0 && i + 2 < n) {
			int dd = word_number(&w[i + 1], &nd), yd, yy;
			if (dd > 0 && nd <= 2 && (yy = word_number(&w[i + 2], &yd)) > 0 &&
			    yd == 4 && valid_date(yy, mo, dd)) {
				*y = yy, *m = mo, *d = dd;
				*first = i, *last = i + 2;
				return true;
			}
		}
	}
	return false;
}

/* A word made of a time (18:52, 3:04, 18h52) or of punctuation. */
static bool time_or_punct(const struct word *w)
{
	for (size_t i = 0; i < w->len; i++) {
		char c = w->s[i];
		if (i + 3 <= w->len && (memcmp(w->s + i, "\xE2\x80\x93", 3) == 0 ||
		                        memcmp(w->s + i, "\xE2\x80\x94", 3) == 0))
			i += 2; /* a dash */
		else if (!is_digit(c) && (c == '\0' || !strchr(":.,;|-()/h", c)))
			return false;
	}
	return true;
}

/* A time zone in capitals: "GMT", "HKT", "MSK". */
static bool time_zone(const struct word *w)
{
	if (w->len < 2 || w->len > 4)
		return false;
	for (size_t i = 0; i < w->len; i++)
		if (w->s[i] < 'A' || w->s[i] > 'Z')
			return false;
	return true;
}

/*
 * Is the line only a date, with the words that go with a date?  ("Sunday,
 * 21 October, 2001, 18:52 GMT 19:52 UK", "Saturday, September 15, 2001;
 * Page A06", "Updated 3:04 PM ET, Mon October 1, 2001")
 */
static bool date_line(const char *s, size_t len, char out[11])
{
	struct word w[MAX_WORDS];
	if (len > 160)
		return false;
	size_t n = split_words(s, len, w, MAX_WORDS);
	int y, m, d;
	size_t first, last;
	if (n == 0 || n > 18 || !find_date(w, n, &y, &m, &d, &first, &last))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (i >= first && i <= last)
			continue;
		struct word t = w[i];
		while (t.len > 0 && strchr(",.;:|()", t.s[t.len - 1]))
			t.len--;
		while (t.len > 0 && strchr(",.;:|()", t.s[0]))
			t.s++, t.len--;
		if (t.len == 0 || time_or_punct(&t) || in_list_ci(t.s, t.len, date_words) ||
		    time_zone(&t))
			continue;
		/* "Page A06": the word after "page" */
		if (i > 0 && starts_ci(w[i - 1].s, w[i - 1].len, "page"))
			continue;
		return false;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return true;
}

/* -------------------------------------------------------------- bylines -- */

#define MAX_NAMES 6
#define NAME_CAP 96

struct names {
	char v[MAX_NAMES][NAME_CAP];
	int n;
};

enum name_case { NOT_NAME, NAME_MIXED, NAME_CAPS, NAME_INITIAL };

/* A word of a name: "Jill", "O'Neill", "Jean-Paul", "MULVEY", or "B.". */
static enum name_case name_word(const struct word *w)
{
	size_t k;
	if (!cp_upper(cp_at(w->s, w->len, &k)))
		return NOT_NAME;
	bool lower = false, upper = false;
	for (size_t i = k; i < w->len;) {
		size_t n;
		uint32_t d = cp_at(w->s + i, w->len - i, &n);
		if (cp_lower(d) || d == 0xFFFD) /* a broken letter is still a letter */
			lower = true;
		else if (cp_upper(d))
			upper = true;
		else if (!(d == '.' || d == '-' || d == '\'' || d == 0x2019))
			return NOT_NAME;
		i += n;
	}
	/* 's ends a possessive ("Online's"), never a name */
	if (w->len > 2 && (ci_eq(w->s + w->len - 2, "'s", 2) ||
	                   (w->len > 4 && memcmp(w->s + w->len - 4, "\xE2\x80\x99s", 4) == 0)))
		return NOT_NAME;
	if (lower)
		return NAME_MIXED;
	return upper && w->s[w->len - 1] != '.' ? NAME_CAPS : NAME_INITIAL;
}

/* Append a name, title-casing it when it is all capitals. */
static void add_name(struct names *out, const struct word *w, size_t n, bool caps)
{
	if (out->n >= MAX_NAMES)
		return;
	char *dst = out->v[out->n];
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (o + w[i].len + 2 >= NAME_CAP)
			return;
		if (i)
			dst[o++] = ' ';
		bool start = true;
		for (size_t j = 0; j < w[i].len;) {
			size_t k;
			uint32_t c = cp_at(w[i].s + j, w[i].len - j, &k);
			if (caps && !start)
				c = cp_tolower(c);
			o += u8_encode(c, dst + o);
			start = c == '-' || c == '\'' || c == 0x2019;
			j += k;
		}
	}
	dst[o] = '\0';
	for (int i = 0; i < out->n; i++)
		if (strcmp(out->v[i], dst) == 0)
			return;
	out->n++;
}

/*
 * One part of a byline between separators: "Jill Dougherty", "CNN Moscow
 * Bureau Chief Jill Dougherty", "Courier Staff Writer".  Returns 1 when a
 * name was added, 0 when the part is a role only, -1 when it is not a
 * byline part at all.
 */
static int byline_part(const char *s, size_t len, struct names *out)
{
	struct word w[MAX_WORDS];
	size_t n = split_words(s, len, w, MAX_WORDS);
	while (n > 0 && w[n - 1].len > 0 && strchr(",.;:", w[n - 1].s[w[n - 1].len - 1]) &&
	       !(w[n - 1].len <= 3 && w[n - 1].s[w[n - 1].len - 1] == '.')) {
		w[n - 1].len--;
		if (w[n - 1].len == 0)
			n--;
	}
	if (n == 0)
		return 0;
	/* cut at the first lower-case word that is not a particle: "in Moscow" */
	size_t end = n;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		uint32_t c = cp_at(w[i].s, w[i].len, &k);
		bool in = i > 0 && w[i].len == 2 && ci_eq(w[i].s, "in", 2);
		if (in || (!cp_upper(c) && !in_list_ci(w[i].s, w[i].len, name_particles))) {
			if (i == 0)
				return -1;
			end = i;
			break;
		}
	}
	/* the name is the run of name words at the end, after any role words */
	bool mixed = false, caps = false;
	size_t st = end;
	while (st > 0) {
		const struct word *x = &w[st - 1];
		if (in_list_ci(x->s, x->len, name_particles)) {
			st--;
			continue;
		}
		enum name_case c = in_list_ci(x->s, x->len, role_words) || outlet_exact(x->s, x->len)
		                           ? NOT_NAME : name_word(x);
		/* stop at a role, or at an acronym before a mixed-case name: "CNN" */
		if (c == NOT_NAME || (c == NAME_CAPS && mixed))
			break;
		mixed |= c == NAME_MIXED;
		caps |= c == NAME_CAPS;
		st--;
	}
	while (st < end && in_list_ci(w[st].s, w[st].len, name_particles))
		st++;
	size_t count = end - st;
	if (count == 0)
		return st == 0 ? -1 : 0;
	if (count < 2 || count > 5)
		return -1;
	if (outlet_exact(w[st].s, (size_t)(w[end - 1].s + w[end - 1].len - w[st].s)))
		return 0;
	add_name(out, w + st, count, caps && !mixed);
	return 1;
}

/* Length of a separator between names at s[i] (",", " and ", " & "...), or 0. */
static size_t name_sep(const char *s, size_t len, size_t i)
{
	static const char *const joins[] = { " and ", " und ", " et ", " y ", " & ", NULL };
	if (s[i] == ',' || s[i] == ';')
		return 1;
	for (const char *const *j = joins; *j; j++) {
		size_t n = strlen(*j);
		if (i + n <= len && ci_eq(s + i, *j, n))
			return n;
	}
	return 0;
}

/*
 * A list of names with roles, split on ",", ";", "and", "&" (and "und",
 * "et", "y").  At least one name must come out and no part may be prose.
 */
static bool parse_names(const char *s, size_t len, struct names *out)
{
	int found = 0;
	size_t st = 0;
	for (size_t i = 0; i <= len;) {
		size_t sep = i == len ? 1 : name_sep(s, len, i);
		if (!sep) {
			i++;
			continue;
		}
		int r = byline_part(s + st, i - st, out);
		if (r < 0)
			return false;
		found += r;
		i += sep;
		st = i;
	}
	return found > 0;
}

/* Cut a trailing " | date" or ", date" from a byline line; returns the new length. */
static size_t byline_cut(const char *s, size_t len, char date[11])
{
	for (size_t i = 0; i + 2 < len; i++)
		if (s[i] == ' ' && s[i + 1] == '|') {
			date_line(s + i + 2, len - i - 2, date);
			return i;
		}
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == ',' && date_line(s + i + 1, len - i - 1, date))
			return i;
	return len;
}

/* "By NAME", "Par NAME", ...: the names, and a date on the same line. */
static bool byline_line(const char *s, size_t len, struct names *out, char date[11])
{
	static const char *const leads[] = { "by ", "par ", "von ", "por ", "written by ", "from ", NULL };
	if (len > 200)
		return false;
	for (const char *const *l = leads; *l; l++) {
		size_t n = strlen(*l);
		if (len > n && ci_eq(s, *l, n)) {
			/* "BY" in capitals or "By": a sentence "by the way" is lower case */
			if (s[0] >= 'a' && s[0] <= 'z')
				return false;
			size_t cut = byline_cut(s + n, len - n, date);
			struct names tmp = *out;
			if (parse_names(s + n, cut, &tmp)) {
				*out = tmp;
				return true;
			}
			return false;
		}
	}
	return false;
}

/* Credit roles that may follow a name: "Jill Dougherty, Staff Writer". */
static const char *const credit_ends[] = {
	"staff writer", "staff writers", "staff reporter", "foreign service", "correspondent",
	"writer", "reporter", "editor", "bureau chief", "bureau", "staff", "columnist",
	"contributor", "special correspondent", NULL
};

static bool ends_with_credit(const char *s, size_t len)
{
	while (len > 0 && strchr(" .,", s[len - 1]))
		len--;
	for (const char *const *c = credit_ends; *c; c++) {
		size_t n = strlen(*c);
		if (len >= n && ci_eq(s + len - n, *c, n) && (len == n || s[len - n - 1] == ' '))
			return true;
	}
	return false;
}

/* A credit line: "Washington Post Foreign Service", "Courier Staff Writer". */
static bool credit_line(const char *s, size_t len)
{
	struct word w[MAX_WORDS];
	size_t n = split_words(s, len, w, MAX_WORDS);
	if (n >= 3 && n <= 7 && starts_ci(s, len, "special to "))
		return true;
	if (n == 0 || n > 7 || len > 80 || !ends_with_credit(s, len))
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (!cp_upper(cp_at(w[i].s, w[i].len, &k)) && !in_list_ci(w[i].s, w[i].len, role_words))
			return false;
	}
	return true;
}

/* "Jill Dougherty, Staff Writer" */
static bool name_role_line(const char *s, size_t len, struct names *out)
{
	const char *comma = memchr(s, ',', len);
	if (!comma || len > 100 || !ends_with_credit(s, len))
		return false;
	struct names tmp = *out;
	if (parse_names(s, len, &tmp)) {
		*out = tmp;
		return true;
	}
	return false;
}

/* Bylines after the body: "Contact NAME at ...", "Reporting by NAME; ...". */
static bool trailer_byline(const char *s, size_t len, struct names *out)
{
	static const char *const after[] = { " can be reached at", " can be reached by",
	                                     " is a staff writer", " is a reporter",
	                                     " is a correspondent", " is the ", " writes for",
	                                     NULL };
	struct names tmp = *out;
	if (len > 200)
		return false;
	if (starts_ci(s, len, "contact ") || starts_ci(s, len, "e-mail ") ||
	    starts_ci(s, len, "email ")) {
		const char *sp = memchr(s, ' ', len);
		size_t st = (size_t)(sp - s) + 1;
		for (size_t i = st; i + 4 <= len; i++)
			if (memcmp(s + i, " at ", 4) == 0 && parse_names(s + st, i - st, &tmp)) {
				*out = tmp;
				return true;
			}
		return false;
	}
	if (starts_ci(s, len, "reporting by ")) {
		size_t st = 13, e = st;
		while (e < len && s[e] != ';' && s[e] != '.')
			e++;
		if (parse_names(s + st, e - st, &tmp)) {
			*out = tmp;
			return true;
		}
		return false;
	}
	for (const char *const *a = after; *a; a++)
		for (size_t i = 0, n = strlen(*a); i + n <= len && i < 80; i++)
			if (ci_eq(s + i, *a, n)) {
				/* "NAME is the mayor" is not a byline; "NAME is the X editor" is */
				if (strcmp(*a, " is the ") == 0 && !contains_ci(s, len, "correspondent") &&
				    !contains_ci(s, len, "editor") && !contains_ci(s, len, "reporter") &&
				    !contains_ci(s, len, "writer"))
					return false;
				if (parse_names(s, i, &tmp)) {
					*out = tmp;
					return true;
				}
				return false;
			}
	return false;
}

/* Any of the byline forms; the names go to *out, a date on the line to date. */
static bool byline_names(const char *s, size_t len, struct names *out, char date[11])
{
	return byline_line(s, len, out, date) || name_role_line(s, len, out) ||
	       trailer_byline(s, len, out);
}

static char *format_names(const struct names *nm, bool *oom)
{
	struct sbuf b = { 0 };
	for (int i = 0; i < nm->n; i++) {
		if (i)
			sb_str(&b, i == nm->n - 1 ? " and " : ", ");
		sb_str(&b, nm->v[i]);
	}
	if (b.oom) {
		free(b.p);
		*oom = true;
		return NULL;
	}
	return b.p;
}

/* ------------------------------------------------------------- datelines -- */

static size_t dash_at(const char *s, size_t len, size_t i)
{
	if (i + 1 < len && s[i] == '-' && s[i + 1] == '-')
		return 2;
	if (i + 3 <= len && (memcmp(s + i, "\xE2\x80\x94", 3) == 0 || memcmp(s + i, "\xE2\x80\x93", 3) == 0))
		return 3;
	return 0;
}

/* A word of a place in capitals: "MOSCOW", "ST.", "SÃO", "WINSTON-SALEM". */
static bool caps_word(const char *s, size_t len, bool *mixed)
{
	int letters = 0;
	bool lower = false;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t c = cp_at(s + i, len - i, &n);
		if (cp_upper(c))
			letters++;
		else if (cp_lower(c))
			lower = true, letters++;
		else if (!(c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '/'))
			return false;
		i += n;
	}
	*mixed = lower;
	return letters > 0;
}

/*
 * The dateline lead of a first paragraph: "MOSCOW, Russia (CNN) -- ",
 * "MOSCOW, Sept. 14 -- ", "MOSCOW — ", "NEW YORK (Reuters) - ".  Returns the
 * place in place[] and the wire credit (if any) in credit[].
 */
static bool parse_dateline(const char *s, size_t len, char *place, size_t place_cap,
                           char *credit, size_t credit_cap)
{
	size_t i = 0, lim = len < 100 ? len : 100;
	size_t place_end = 0, words = 0;
	bool mixed_city = false, in_city = true, have_credit = false;
	int segments = 0;
	credit[0] = '\0';
	while (i < lim) {
		/* a word */
		size_t st = i;
		while (i < lim && s[i] != ' ' && s[i] != ',' && s[i] != '(' && !dash_at(s, len, i))
			i++;
		bool mixed;
		if (i == st)
			return false;
		if (in_city) {
			if (!caps_word(s + st, i - st, &mixed) || ++words > 4)
				return false;
			mixed_city |= mixed;
			place_end = i;
		} else {
			struct word w = { s + st, i - st };
			int nd;
			if (++words > 10)
				return false;
			/* a region word is capitalised, a date word is a month or a number */
			size_t k;
			if (month_of(w.s, w.len) == 0 && word_number(&w, &nd) < 0 &&
			    !cp_upper(cp_at(w.s, w.len, &k)))
				return false;
		}
		while (i < lim && s[i] == ' ')
			i++;
		if (i >= lim)
			return false;
		size_t dl = dash_at(s, len, i);
		if (s[i] == ',' || s[i] == '(' || dl || (s[i] == '-' && i + 1 < len && s[i + 1] == ' ')) {
			if (!in_city) {
				/* close the segment that just ended: keep it unless it is a date */
				struct word w[8];
				size_t seg_start = place_end;
				while (seg_start < len && (s[seg_start] == ',' || s[seg_start] == ' '))
					seg_start++;
				size_t n = split_words(s + seg_start, i - seg_start, w, 8);
				bool is_date = n > 0 && (month_of(w[0].s, w[0].len) > 0 ||
				                         (n > 1 && month_of(w[1].s, w[1].len) > 0));
				if (!is_date && segments <= 2)
					place_end = i;
				while (place_end > 0 && s[place_end - 1] == ' ')
					place_end--;
			}
			in_city = false;
		}
		if (s[i] == ',') {
			if (++segments > 3)
				return false;
			i++;
			while (i < lim && s[i] == ' ')
				i++;
			continue;
		}
		if (s[i] == '(') {
			const char *close = memchr(s + i, ')', lim - i);
			if (!close || close - (s + i) > 40 || close == s + i + 1)
				return false;
			size_t cl = (size_t)(close - (s + i)) - 1;
			if (cl + 1 > credit_cap)
				return false;
			memcpy(credit, s + i + 1, cl);
			credit[cl] = '\0';
			have_credit = true;
			i = (size_t)(close - s) + 1;
			while (i < lim && s[i] == ' ')
				i++;
			dl = dash_at(s, len, i);
			if (!dl && !(i < lim && s[i] == '-'))
				return false;
		}
		if (dl || (i < lim && s[i] == '-' && (i + 1 >= len || s[i + 1] == ' '))) {
			size_t after = i + (dl ? dl : 1);
			while (after < len && s[after] == ' ')
				after++;
			if (after >= len || (mixed_city && !have_credit))
				return false;
			if (place_end + 1 > place_cap)
				return false;
			memcpy(place, s, place_end);
			place[place_end] = '\0';
			return true;
		}
	}
	return false;
}

/* ---------------------------------------------------------------- units -- */

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
	enum kind kind;
	char date[11];      /* date lines and bylines with a date */
	size_t head_off, head_len; /* the headline part of "Headline | Outlet" */
};

static bool is_meta(enum kind k)
{
	return k >= K_BYLINE;
}

static bool is_break(enum kind k)
{
	return k == K_END || is_meta(k);
}

/* Bullets: • · ▪ ■ ◦ ‣ ● * - – ; numbers: 1. 1) (1) a) */
static enum list_marker list_marker(const char *s, size_t len, size_t *content)
{
	static const char *const bullets[] = { "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA",
	                                       "\xE2\x96\xA0", "\xE2\x97\xA6", "\xE2\x80\xA3",
	                                       "\xE2\x97\x8F", "*", "-", "\xE2\x80\x93", "+", NULL };
	for (const char *const *b = bullets; *b; b++) {
		size_t n = strlen(*b);
		if (len > n + 1 && memcmp(s, *b, n) == 0 && s[n] == ' ') {
			*content = n + 1;
			return LIST_BULLET;
		}
	}
	size_t i = s[0] == '(' ? 1 : 0, d = 0;
	while (i < len && is_digit(s[i]) && d < 3)
		i++, d++;
	if (d == 0 && i < len && s[i] >= 'a' && s[i] <= 'h' && i + 1 < len && s[i + 1] == ')')
		i++, d++;
	if (d > 0 && i + 2 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
		*content = 0;
		return LIST_NUMBER;
	}
	return LIST_NONE;
}

static bool ends_sentence(const char *s, size_t len)
{
	while (len > 0) {
		unsigned char c = (unsigned char)s[len - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*')
			len--;
		else if (len >= 3 && memcmp(s + len - 3, "\xEF\xBF\xBD", 3) == 0)
			len -= 3; /* a broken character after the full stop */
		else if (len >= 3 && (memcmp(s + len - 3, "\xE2\x80\x9D", 3) == 0 ||
		                      memcmp(s + len - 3, "\xE2\x80\x99", 3) == 0 ||
		                      memcmp(s + len - 3, "\xE3\x80\x8D", 3) == 0))
			len -= 3;
		else if (len >= 2 && memcmp(s + len - 2, "\xC2\xBB", 2) == 0)
			len -= 2;
		else
			break;
	}
	if (len == 0)
		return false;
	char c = s[len - 1];
	if (c == '.' || c == '!' || c == '?')
		return true;
	return len >= 3 && (memcmp(s + len - 3, "\xE2\x80\xA6", 3) == 0 ||
	                    memcmp(s + len - 3, "\xE3\x80\x82", 3) == 0 ||
	                    memcmp(s + len - 3, "\xEF\xBC\x81", 3) == 0 ||
	                    memcmp(s + len - 3, "\xEF\xBC\x9F", 3) == 0);
}

static void measure(struct unit *u)
{
	u->list = list_marker(u->s, u->len, &u->content);
	u->head_off = 0;
	u->head_len = u->len;
	u->words = u->cps = u->cjk = 0;
	u->digit = false;
	bool in_word = false;
	for (size_t i = 0; i < u->len;) {
		size_t n;
		uint32_t c = cp_at(u->s + i, u->len - i, &n);
		u->cps++;
		if (cp_cjk(c))
			u->cjk++;
		if (c < 0x80 && is_digit((char)c))
			u->digit = true;
		if (c == ' ')
			in_word = false;
		else if (!in_word)
			in_word = true, u->words++;
		i += n;
	}
	/* a CJK sentence has no spaces: count two characters a word */
	u->words += u->cjk / 2;
	u->sentence = ends_sentence(u->s, u->len);
	u->colon = u->len > 0 && (u->s[u->len - 1] == ':' ||
	                          (u->len >= 3 && memcmp(u->s + u->len - 3, "\xEF\xBC\x9A", 3) == 0));
}

/*
 * Does the line look like the name of a paper: "The Ledgerport Courier",
 * "Montemar Noticias English Edition"?  Returns the length of the name
 * (without an edition word after it), or 0.
 */
static size_t paper_name(const char *s, size_t len)
{
	static const char *const small[] = { "of", "the", "and", "de", "la", "le", "el", "del",
	                                     "der", "die", NULL };
	static const char *const editions[] = { "edition", "english", "online", "digital",
	                                        "international", "weekend", NULL };
	static const char *const cjk_papers[] = { "新聞", "新闻", "日報", "日报", "時報", "时报", NULL };
	struct word w[8];
	if (len > 60)
		return 0;
	size_t n = split_words(s, len, w, 8);
	if (n == 0 || n > 6)
		return 0;
	for (const char *const *p = cjk_papers; *p; p++) {
		size_t pl = strlen(*p);
		if (n == 1 && len > pl && len <= 30 && memcmp(s + len - pl, *p, pl) == 0)
			return len;
	}
	while (n > 2 && in_list_ci(w[n - 1].s, w[n - 1].len, editions))
		n--;
	if (n < 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		uint32_t c = cp_at(w[i].s, w[i].len, &k);
		/* "World News", "Other Sports News" are sections, not papers */
		if (in_list_ci(w[i].s, w[i].len, section_words))
			return 0;
		if (!cp_upper(c) && !in_list_ci(w[i].s, w[i].len, small))
			return 0;
		for (size_t j = 0; j < w[i].len; j++)
			if (!word_byte(w[i].s[j]) && w[i].s[j] != '-' && w[i].s[j] != '\'')
				return 0;
	}
	if (!in_list_ci(w[n - 1].s, w[n - 1].len, paper_words))
		return 0;
	return (size_t)(w[n - 1].s + w[n - 1].len - s);
}

/*
 * Copy a paper's name, title-cased if it is written in capitals ("THE
 * NORTHMOOR GAZETTE" -> "The Northmoor Gazette").
 */
static bool copy_name(const char *s, size_t len, char *buf, size_t cap)
{
	bool lower = false;
	for (size_t i = 0; i < len;) {
		size_t n;
		lower |= cp_lower(cp_at(s + i, len - i, &n));
		i += n;
	}
	if (len * 2 + 1 > cap)
		return false;
	size_t o = 0;
	bool start = true;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t c = cp_at(s + i, len - i, &n);
		if (!lower && !start)
			c = cp_tolower(c);
		o += u8_encode(c, buf + o);
		start = c == ' ' || c == '-';
		i += n;
	}
	buf[o] = '\0';
	return true;
}

/*
 * "Ferry strike ends | The Guardian", "CNN.com - Ferry strike ends": a page
 * title with the outlet beside it.  Returns the outlet (static, or copied
 * into buf) and the headline's span, or NULL.
 */
static const char *headline_outlet(const char *s, size_t len, size_t *off, size_t *hlen,
                                   char *buf, size_t cap)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL };
	if (len > 240)
		return NULL;
	for (const char *const *sep = seps; *sep; sep++) {
		size_t n = strlen(*sep), first = SIZE_MAX, last = SIZE_MAX;
		for (size_t i = 0; i + n <= len; i++)
			if (memcmp(s + i, *sep, n) == 0) {
				if (first == SIZE_MAX)
					first = i;
				last = i;
			}
		if (first == SIZE_MAX)
			continue;
		const char *r;
		size_t pl;
		/* outlet after the headline */
		const char *right = s + last + n;
		size_t rl = len - last - n;
		if ((r = outlet_exact(right, rl)) ||
		    ((pl = paper_name(right, rl)) == rl && copy_name(right, rl, buf, cap) && (r = buf))) {
			*off = 0;
			*hlen = last;
			return r;
		}
		/* outlet before it: "CNN.com - Ferry strike ends" */
		if ((r = outlet_exact(s, first)) ||
		    ((pl = paper_name(s, first)) == first && first && copy_name(s, first, buf, cap) && (r = buf))) {
			*off = first + n;
			*hlen = len - first - n;
			return r;
		}
	}
	return NULL;
}

/*
 * Does the line start with one of the markers?  A single-word marker must
 * be followed by nothing but a count or a colon.
 */
static bool marker_line(const char *s, size_t len, const char *const *list, bool alone)
{
	for (; *list; list++) {
		size_t n = strlen(*list);
		if (!starts_ci(s, len, *list))
			continue;
		if (!alone)
			return true;
		size_t i = n;
		while (i < len && (strchr(" :()[]|-", s[i]) || is_digit(s[i])))
			i++;
		if (i == len)
			return true;
	}
	return false;
}

/* Lexicon and parser classes; NULL-safe for units of any length. */
static enum kind classify_line(struct unit *u)
{
	const char *s = u->s;
	size_t len = u->len;
	if (len == 0)
		return K_DROP;
	if (find_bytes(s, len < 40 ? len : 40, "\xC2\xA9", 2) || starts_ci(s, len, "copyright") ||
	    starts_ci(s, len, "(c) "))
		return K_COPYRIGHT;
	if (u->words <= 5 && starts_ci(s, len, "page") && len > 5 && is_digit(s[5]))
		return K_DROP; /* "Page 1 of 2" */
	if (u->words <= 12) {
		if (marker_line(s, len, end_phrases, false) ||
		    (u->words <= 3 && !u->sentence && marker_line(s, len, end_words, true)))
			return K_END;
		if (marker_line(s, len, drop_phrases, false) ||
		    (u->words <= 3 && !u->sentence && marker_line(s, len, drop_words, true)))
			return K_DROP;
	}
	if (u->words <= 25) {
		struct names names = { .n = 0 };
		u->date[0] = '\0';
		if (byline_names(s, len, &names, u->date))
			return K_BYLINE;
		if (date_line(s, len, u->date))
			return K_DATE;
		if (credit_line(s, len))
			return K_CREDIT;
		if (!u->sentence && (outlet_exact(s, len) || paper_name(s, len)))
			return K_BANNER;
	}
	char scratch[128];
	if (!u->sentence && u->words <= 30 &&
	    headline_outlet(s, len, &u->head_off, &u->head_len, scratch, sizeof scratch)) {
		struct word w[4];
		if (split_words(s + u->head_off, u->head_len, w, 4) >= 2)
			return K_HEADING;
		u->head_off = 0;
		u->head_len = len;
	}
	if (u->words <= 12 && (marker_line(s, len, nav_phrases, false) ||
	                       (u->words <= 3 && marker_line(s, len, nav_words, true))))
		return K_NAV;
	if (!u->sentence && u->words <= 40 &&
	    (find_bytes(s, len, " | ", 3) || find_bytes(s, len, "\xC2\xBB", 2) ||
	     find_bytes(s, len, "\xE2\x80\xBA", 3) || find_bytes(s, len, " > ", 3) || s[0] == '/' ||
	     s[0] == '|'))
		return K_NAV;
	if (u->list != LIST_NONE)
		return K_LIST;
	if (u->colon && u->words >= 3)
		return K_INTRO;
	if ((u->sentence && u->words >= 6) || u->words >= 25 || (u->cjk >= 20 && u->sentence))
		return K_PROSE;
	if (u->sentence && u->words >= 2)
		return K_SHORT;
	if (!u->sentence && u->words <= 12 && u->cps <= 120)
		return K_HEADING;
	return K_OTHER;
}

/* -------------------------------------------------------------- context -- */

struct page {
	char *buf;
	struct unit *u;
	size_t n;
};

/* Lines -> units: hard-wrapped blocks are joined, other lines stand alone. */
static int build_units(struct page *pg, size_t buflen)
{
	size_t nlines = 1;
	for (size_t i = 0; i < buflen; i++)
		nlines += pg->buf[i] == '\n';
	pg->u = calloc(nlines, sizeof *pg->u);
	if (!pg->u)
		return -1;
	struct { char *s; size_t len, cps; } *ln = calloc(nlines, sizeof *ln);
	if (!ln)
		return -1;
	size_t nl = 0;
	for (char *p = pg->buf, *end = pg->buf + buflen; p <= end && nl < nlines;) {
		char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		*e = '\0';
		ln[nl].s = p;
		ln[nl].len = (size_t)(e - p);
		size_t cps = 0;
		for (char *q = p; q < e; q++)
			cps += ((unsigned char)*q & 0xC0) != 0x80;
		ln[nl].cps = cps;
		nl++;
		p = e + 1;
	}
	size_t group = 0;
	for (size_t a = 0; a < nl;) {
		if (ln[a].len == 0) {
			a++;
			continue;
		}
		size_t b = a, maxc = 0, ends = 0, shortl = 0;
		bool marked = false;
		while (b < nl && ln[b].len > 0) {
			size_t c;
			marked |= list_marker(ln[b].s, ln[b].len, &c) != LIST_NONE;
			if (ln[b].cps > maxc)
				maxc = ln[b].cps;
			b++;
		}
		size_t lower_starts = 0;
		for (size_t k = a; k + 1 < b; k++) {
			size_t n;
			ends += ends_sentence(ln[k].s, ln[k].len);
			shortl += ln[k].cps * 4 < maxc * 3;
			lower_starts += cp_lower(cp_at(ln[k + 1].s, ln[k + 1].len, &n));
		}
		/* wrapped prose: even lines that run on into the next; a list of
		   headlines is even too, but its lines all start with capitals */
		size_t inner = b - a - 1;
		bool wrapped = inner >= 1 && !marked && maxc >= 40 && maxc <= 100 && shortl == 0 &&
		               ends * 2 <= inner &&
		               (ends_sentence(ln[b - 1].s, ln[b - 1].len) ||
		                (inner >= 2 && lower_starts * 2 >= inner));
		if (wrapped) {
			for (size_t k = a; k + 1 < b; k++)
				ln[k].s[ln[k].len] = ' ';
			struct unit *u = &pg->u[pg->n++];
			u->s = ln[a].s;
			u->len = (size_t)(ln[b - 1].s + ln[b - 1].len - ln[a].s);
			u->group = group;
		} else {
			for (size_t k = a; k < b; k++) {
				struct unit *u = &pg->u[pg->n++];
				u->s = ln[k].s;
				u->len = ln[k].len;
				u->group = group;
			}
		}
		group++;
		a = b;
	}
	free(ln);
	for (size_t i = 0; i < pg->n; i++) {
		measure(&pg->u[i]);
		pg->u[i].kind = classify_line(&pg->u[i]);
	}
	return 0;
}

static bool content_kind(enum kind k)
{
	return k == K_PROSE || k == K_SHORT || k == K_HEADING || k == K_OTHER || k == K_INTRO;
}

/* Captions, navigation blocks, tables and teaser lists, by their block. */
static void classify_groups(struct page *pg)
{
	for (size_t a = 0; a < pg->n;) {
		size_t b = a;
		while (b < pg->n && pg->u[b].group == pg->u[a].group)
			b++;
		size_t n = b - a, punct = 0, digits = 0, maxw = 0, listed = 0, meta = 0;
		for (size_t k = a; k < b; k++) {
			struct unit *u = &pg->u[k];
			punct += u->sentence;
			digits += u->digit;
			listed += u->list != LIST_NONE;
			meta += is_meta(u->kind) || u->kind == K_END;
			if ((size_t)u->words > maxw)
				maxw = (size_t)u->words;
		}
		if (meta == 0 && listed == 0 && n >= 2) {
			struct unit *f = &pg->u[a];
			bool echo = n == 2 && f->len > 0 && pg->u[a + 1].len >= f->len &&
			            memcmp(pg->u[a + 1].s, f->s, f->len) == 0;
			bool table = n >= 3 && digits * 3 >= n * 2 && maxw <= 14;
			enum kind k = K_OTHER;
			if (echo || (n <= 3 && punct == 0 && f->words <= 10 && maxw <= 20 && !table))
				k = K_CAPTION;
			else if (table)
				k = K_TABLE;
			else if (n >= 3 && punct == 0 && maxw <= 15)
				k = K_NAV;
			if (k != K_OTHER)
				for (size_t j = a; j < b; j++)
					if (content_kind(pg->u[j].kind))
						pg->u[j].kind = k;
		}
		a = b;
	}

	/* lists: a run of items, with unmarked lines between items counted in */
	for (size_t i = 0; i < pg->n;) {
		if (pg->u[i].kind != K_LIST) {
			i++;
			continue;
		}
		size_t a = i, b = i + 1;
		for (;;) {
			size_t j = b;
			while (j < pg->n && pg->u[j].group == pg->u[a].group && pg->u[j].kind != K_LIST &&
			       content_kind(pg->u[j].kind) && pg->u[j].words <= 12)
				j++;
			if (j < pg->n && pg->u[j].kind == K_LIST && j - b <= 1)
				b = j + 1;
			else
				break;
		}
		size_t items = b - a, good = 0;
		for (size_t k = a; k < b; k++)
			good += pg->u[k].sentence || pg->u[k].words >= 8;
		bool intro = a > 0 && pg->u[a - 1].kind == K_INTRO;
		bool keep = intro || good * 2 > items;
		for (size_t k = a; k < b; k++)
			pg->u[k].kind = keep ? K_LIST : K_TEASER;
		i = b;
	}
}

/* FNV-1a, for the repeated-line table. */
static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/*
 * A line that appears twice is a teaser or a caption; a long paragraph that
 * appears twice is a pull quote, so only its later copies go.
 */
static int mark_repeats(struct page *pg)
{
	size_t cap = 16;
	while (cap < pg->n * 2)
		cap *= 2;
	size_t *slot = malloc(cap * sizeof *slot);
	size_t *count = calloc(pg->n ? pg->n : 1, sizeof *count);
	if (!slot || !count) {
		free(slot);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < cap; i++)
		slot[i] = SIZE_MAX;
	size_t *first = malloc((pg->n ? pg->n : 1) * sizeof *first);
	if (!first) {
		free(slot);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < pg->n; i++) {
		struct unit *u = &pg->u[i];
		first[i] = i;
		if (!content_kind(u->kind) && u->kind != K_CAPTION)
			continue;
		size_t h = (size_t)hash_bytes(u->s, u->len) & (cap - 1);
		while (slot[h] != SIZE_MAX) {
			struct unit *v = &pg->u[slot[h]];
			if (v->len == u->len && memcmp(v->s, u->s, u->len) == 0)
				break;
			h = (h + 1) & (cap - 1);
		}
		if (slot[h] == SIZE_MAX)
			slot[h] = i;
		first[i] = slot[h];
		count[slot[h]]++;
	}
	for (size_t i = 0; i < pg->n; i++) {
		size_t f = first[i];
		if (count[f] < 2)
			continue;
		if (pg->u[i].words < 25 || i != f)
			pg->u[i].kind = K_REPEAT;
	}
	free(slot);
	free(count);
	free(first);
	return 0;
}

static long weight(const struct unit *u)
{
	switch (u->kind) {
	case K_PROSE:
		return u->cps + 2L * u->cjk;
	case K_SHORT:
	case K_INTRO:
		return u->cps / 2;
	case K_LIST:
		return u->cps / 3;
	case K_TABLE:
		return -3;
	case K_HEADING:
		return -15;
	case K_CAPTION:
	case K_REPEAT:
	case K_TEASER:
		return -25;
	case K_DROP:
		return -10;
	case K_NAV:
		return -(long)u->cps - 20;
	case K_OTHER:
		return -(long)u->cps;
	default:
		return 0;
	}
}

static bool can_start(const struct unit *u)
{
	return u->kind == K_PROSE || u->kind == K_SHORT;
}

static bool kept_in_body(enum kind k)
{
	return k == K_PROSE || k == K_SHORT || k == K_INTRO || k == K_HEADING || k == K_LIST ||
	       k == K_TABLE;
}

/*
 * The body: the run of units with the greatest weight, cut by meta lines
 * and end markers, trimmed to start on prose.  Returns false if none.
 */
static bool find_body(const struct page *pg, size_t *start, size_t *end)
{
	size_t limit = pg->n, seen = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const struct unit *u = &pg->u[i];
		if (u->kind == K_PROSE)
			seen += (size_t)u->cps;
		if ((u->kind == K_END || u->kind == K_COPYRIGHT) && seen >= 300) {
			limit = i;
			break;
		}
	}
	long best = 0, cur = 0;
	size_t cur_start = 0, bs = 0, be = 0;
	bool found = false;
	for (size_t i = 0; i < limit; i++) {
		const struct unit *u = &pg->u[i];
		if (is_break(u->kind)) {
			cur = 0;
			cur_start = i + 1;
			continue;
		}
		if (cur <= 0) {
			cur = 0;
			cur_start = i;
		}
		cur += weight(u);
		if (cur > best && can_start(&pg->u[i]) ) {
			best = cur;
			bs = cur_start;
			be = i;
			found = true;
		} else if (cur > best && (u->kind == K_LIST || u->kind == K_TABLE)) {
			best = cur;
			bs = cur_start;
			be = i;
			found = true;
		}
	}
	if (!found)
		return false;
	while (bs <= be && !can_start(&pg->u[bs]))
		bs++;
	/* end on prose, or on a list or table that a colon line introduced */
	while (be > bs && !can_start(&pg->u[be])) {
		if (pg->u[be].kind == K_LIST || pg->u[be].kind == K_TABLE) {
			size_t k = be;
			while (k > bs && (pg->u[k].kind == K_LIST || pg->u[k].kind == K_TABLE))
				k--;
			if (pg->u[k].kind == K_INTRO)
				break;
		}
		be--;
	}
	if (bs > be || !can_start(&pg->u[bs]))
		return false;
	*start = bs;
	*end = be;
	return true;
}

/* ---------------------------------------------------------------- title -- */

static bool headline_shaped(const struct unit *u)
{
	if (u->kind == K_NAV || u->kind == K_DROP || u->kind == K_END || is_meta(u->kind) ||
	    u->list != LIST_NONE || u->colon || u->cps > 200)
		return false;
	if (u->cjk > 0 ? (u->cps < 4 || u->cps > 80) : (u->words < 2 || u->words > 25))
		return false;
	if (u->len > 0 && u->s[u->len - 1] == '.') {
		/* "... in the U.S." ends in an abbreviation, not a sentence */
		const char *sp = u->s + u->len - 1;
		while (sp > u->s && sp[-1] != ' ')
			sp--;
		size_t wl = (size_t)(u->s + u->len - sp);
		if (!(wl >= 4 && memchr(sp, '.', wl - 1)))
			return false;
	}
	if (u->len >= 3 && memcmp(u->s + u->len - 3, "\xE3\x80\x82", 3) == 0)
		return false;
	return true;
}

/* Is unit k's text seen again in units [a, b)?  A teaser and its echo. */
static bool echoed(const struct page *pg, size_t a, size_t b, size_t k)
{
	for (size_t j = a; j < b && j < a + 32; j++)
		if (j != k && pg->u[j].len == pg->u[k].len &&
		    memcmp(pg->u[j].s, pg->u[k].s, pg->u[k].len) == 0)
			return true;
	return false;
}

/* Walk up from the body; the first headline-shaped line that leads its block. */
static const struct unit *find_title(const struct page *pg, size_t body_start,
                                     const struct unit *byline)
{
	const struct unit *fallback = NULL;
	size_t i = body_start, groups = 0;
	while (i > 0 && groups < 10) {
		size_t b = i, a = i - 1;
		while (a > 0 && pg->u[a - 1].group == pg->u[b - 1].group)
			a--;
		groups++;
		size_t cand[32], nc = 0, meta = 0, nav = 0;
		for (size_t k = a; k < b; k++) {
			enum kind kd = pg->u[k].kind;
			if (is_meta(kd))
				meta++;
			else if (kd == K_NAV)
				nav++;
			else if (kd != K_DROP && kd != K_END && nc < 32 && &pg->u[k] != byline &&
			         !echoed(pg, a, b, k))
				cand[nc++] = k;
		}
		if (nc > 0) {
			/* a headline right under a date line: "Sunday, 21 October, 2001" */
			for (size_t k = 0; k < nc; k++)
				if (cand[k] > a && pg->u[cand[k] - 1].kind == K_DATE &&
				    headline_shaped(&pg->u[cand[k]]))
					return &pg->u[cand[k]];
			const struct unit *f = &pg->u[cand[0]];
			bool big = b - a > 6, any_sentence = false;
			for (size_t k = 0; k < nc; k++)
				any_sentence |= pg->u[cand[k]].sentence;
			/* a long unpunctuated deck under a shorter headline */
			const struct unit *up = a > 0 ? &pg->u[a - 1] : NULL;
			if (nc == 1 && meta == 0 && headline_shaped(f) && f->words > 12 && up &&
			    headline_shaped(up) && up->words < f->words &&
			    (a < 2 || pg->u[a - 2].group != up->group))
				return up;
			/* a headline leads the block of its byline and date */
			if (!big && (meta > 0 || nc == 1) && headline_shaped(f))
				return f;
			if (!big && nc <= 3 && !any_sentence) {
				/* a photo and its caption, or a section over a headline */
				if (!fallback && headline_shaped(f))
					fallback = f;
			} else {
				/* lines with no blank between: nearest the body first */
				for (size_t k = nc; k-- > 0;)
					if (headline_shaped(&pg->u[cand[k]]) && pg->u[cand[k]].kind != K_CAPTION)
						return &pg->u[cand[k]];
			}
		}
		if (nav > 0 && nc == 0)
			break;
		i = a;
	}
	return fallback;
}

/* --------------------------------------------------------------- source -- */

/* "© 2001 The Washington Post Company" -> "Washington Post". */
static const char *copyright_owner(const char *s, size_t len, char *buf, size_t cap)
{
	struct word w[MAX_WORDS];
	size_t n = split_words(s, len, w, MAX_WORDS), o = 0;
	static const char *const skip[] = { "copyright", "(c)", "©", "company", "co.", "inc.",
		"inc", "ltd", "ltd.", "limited", "llc", "plc", "corporation", "corp.", "group", "gmbh", "s.a.",
		"newspapers", "media", "publishing", "holdings", NULL };
	for (size_t i = 0; i < n; i++) {
		struct word t = w[i];
		if (starts_ci(t.s, t.len, "all") && i + 1 < n && starts_ci(w[i + 1].s, w[i + 1].len, "rights"))
			break;
		while (t.len > 0 && strchr(",.;:", t.s[t.len - 1]) &&
		       !(t.len == 3 && ci_eq(t.s, "co.", 3)))
			t.len--;
		bool number = t.len > 0;
		for (size_t k = 0; k < t.len; k++)
			number &= is_digit(t.s[k]) || t.s[k] == '-' || t.s[k] == '/';
		bool roman = t.len > 1;
		for (size_t k = 0; k < t.len; k++)
			roman &= strchr("MDCLXVI", t.s[k]) != NULL;
		if (t.len == 0 || number || roman || in_list_ci(t.s, t.len, skip) ||
		    (o == 0 && in_list_ci(t.s, t.len, ALIASES("of", "by"))) ||
		    (t.len == 2 && memcmp(t.s, "\xC2\xA9", 2) == 0))
			continue;
		if (o + t.len + 2 > cap)
			return NULL;
		if (o)
			buf[o++] = ' ';
		memcpy(buf + o, t.s, t.len);
		o += t.len;
		if (t.len < w[i].len && w[i].s[t.len] == '.')
			break; /* "The Ledgerport Courier. All ..." */
	}
	buf[o] = '\0';
	if (o == 0)
		return NULL;
	const char *known = outlet_exact(buf, o);
	if (known)
		return known;
	o = paper_name(buf, o);
	buf[o] = '\0';
	return o ? buf : NULL;
}

/* A known outlet at the start of a line that is not a sentence. */
static const char *outlet_line(const struct unit *u)
{
	if (u->sentence || u->words > 25 || u->kind == K_PROSE)
		return NULL;
	size_t used, i = 0;
	while (i < u->len && (u->s[i] == '-' || u->s[i] == ' ' || dash_at(u->s, u->len, i)))
		i += dash_at(u->s, u->len, i) ? dash_at(u->s, u->len, i) : 1;
	return outlet_prefix(u->s + i, u->len - i, &used);
}

static const char *find_source(const struct page *pg, size_t bs, size_t be,
                               const struct unit *title, const char *credit,
                               char *buf, size_t cap)
{
	size_t top = bs > 80 ? bs - 80 : 0, bottom = be + 60 < pg->n ? be + 60 : pg->n;
	const char *r;
	/* a banner above the body */
	for (size_t i = top; i < bs; i++) {
		const struct unit *u = &pg->u[i];
		size_t ho, hl;
		if (u->kind == K_HEADING && u->head_len < u->len &&
		    (r = headline_outlet(u->s, u->len, &ho, &hl, buf, cap)))
			return r;
		if (u == title)
			continue;
		if (u->kind == K_BANNER) {
			r = outlet_exact(u->s, u->len);
			if (r)
				return r;
			size_t nl = paper_name(u->s, u->len);
			if (nl > 0 && copy_name(u->s, nl, buf, cap))
				return buf;
		}
		if (u->kind != K_BYLINE && u->kind != K_CREDIT && (r = outlet_line(u)))
			return r;
		/* "The Northmoor Gazette | News | Council" */
		if (u->kind == K_NAV) {
			size_t e = 0;
			while (e + 2 < u->len && !(u->s[e] == ' ' && strchr("|>", u->s[e + 1])))
				e++;
			if (e + 2 < u->len && paper_name(u->s, e) && copy_name(u->s, e, buf, cap))
				return buf;
		}
	}
	/* a copyright line anywhere */
	for (size_t i = 0; i < pg->n; i++)
		if (pg->u[i].kind == K_COPYRIGHT &&
		    (r = copyright_owner(pg->u[i].s, pg->u[i].len, buf, cap)))
			return r;
	/* a credit line: "Washington Post Foreign Service" */
	for (size_t i = top; i < bottom; i++)
		if ((pg->u[i].kind == K_CREDIT || pg->u[i].kind == K_BYLINE) && (i < bs || i > be)) {
			const struct unit *u = &pg->u[i];
			const char *s = u->s;
			size_t len = u->len;
			if (u->kind == K_BYLINE && starts_ci(s, len, "by "))
				s += 3, len -= 3;
			/* "Washington Post Foreign Service", "Ana Ruiz, CNN Staff Writer",
			   "Scott Peter | Staff writer of The Christian Science Monitor" */
			for (size_t k = 0; k < len; k++)
				if ((k == 0 || s[k - 1] == ' ') && (r = outlet_prefix(s + k, len - k, NULL)))
					return r;
		}
	/* the wire credit of the dateline */
	if (credit && credit[0]) {
		r = outlet_exact(credit, strlen(credit));
		if (r)
			return r;
		if (paper_name(credit, strlen(credit)) && strlen(credit) < cap) {
			strcpy(buf, credit);
			return buf;
		}
	}
	/* an outlet line below the body */
	for (size_t i = be + 1; i < bottom; i++) {
		const struct unit *u = &pg->u[i];
		if (u->kind == K_BANNER && (r = outlet_exact(u->s, u->len)))
			return r;
		if ((r = outlet_line(u)))
			return r;
	}
	return NULL;
}

/* ---------------------------------------------------------------- body --- */

static char *assemble_body(const struct page *pg, size_t bs, size_t be)
{
	struct sbuf b = { 0 };
	const struct unit *prev = NULL;
	for (size_t i = bs; i <= be; i++) {
		const struct unit *u = &pg->u[i];
		if (!kept_in_body(u->kind))
			continue;
		/* a heading only between paragraphs */
		if (u->kind == K_HEADING) {
			size_t j = i + 1;
			while (j <= be && !kept_in_body(pg->u[j].kind))
				j++;
			if (j > be || pg->u[j].kind == K_HEADING)
				continue;
		}
		bool line_item = (u->kind == K_LIST || u->kind == K_TABLE);
		if (prev) {
			bool same_list = line_item && (prev->kind == K_LIST || prev->kind == K_TABLE) &&
			                 prev->kind == u->kind;
			sb_str(&b, same_list ? "\n" : "\n\n");
		}
		if (u->list == LIST_BULLET && u->kind == K_LIST) {
			sb_str(&b, "\xE2\x80\xA2 ");
			sb_put(&b, u->s + u->content, u->len - u->content);
		} else {
			sb_put(&b, u->s, u->len);
		}
		prev = u;
	}
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p ? b.p : calloc(1, 1);
}

/*
 * A short page that is only a cookie notice, an error page or a paywall:
 * two signs of the same kind in its text and title.  One sign is not
 * enough ("Bakery sells 10,000 cookies", "Route 404 reopens").
 */
static const char *junk_page(const char *body, size_t len, const struct unit *title)
{
	static const struct {
		const char *reason;
		const char *signs[8];
	} kinds[] = {
		{ "cookie or consent notice", { "cookies", "cookie policy", "consent", "accept all",
		                                "your device", "our partners", "privacy settings",
		                                "manage preferences" } },
		{ "error page", { "404", "page not found", "could not be found", "cannot be found",
		                  "no longer available", "access denied", "internal server error",
		                  "moved or deleted" } },
		{ "paywall", { "subscribe to continue", "subscribers only", "already a subscriber",
		               "to continue reading", "subscription required", "log in to read",
		               "sign in to read", "free trial" } },
	};
	if (len > 700)
		return NULL;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		int seen = 0;
		for (size_t i = 0; i < 8 && kinds[k].signs[i]; i++)
			seen += contains_ci(body, len, kinds[k].signs[i]) ||
			        (title && contains_ci(title->s, title->len, kinds[k].signs[i]));
		if (seen >= 2)
			return kinds[k].reason;
	}
	return NULL;
}

/* --------------------------------------------------------------- public -- */

void folio_article_free(struct folio_article *a)
{
	if (!a)
		return;
	free(a->source);
	free(a->title);
	free(a->byline);
	free(a->date);
	free(a->dateline);
	free(a->body);
	memset(a, 0, sizeof *a);
}

static const struct unit *find_meta(const struct page *pg, size_t bs, size_t be,
                                    enum kind want, bool need_date)
{
	size_t top = bs > 40 ? bs - 40 : 0;
	const struct unit *updated = NULL;
	for (size_t i = bs; i-- > top;) {
		const struct unit *u = &pg->u[i];
		if (u->kind != want || (need_date && !u->date[0]))
			continue;
		/* the article's date is when it was published, not last updated */
		if (want == K_DATE && (starts_ci(u->s, u->len, "updated") ||
		                       starts_ci(u->s, u->len, "last updated") ||
		                       starts_ci(u->s, u->len, "last modified"))) {
			if (!updated)
				updated = u;
			continue;
		}
		return u;
	}
	if (updated)
		return updated;
	for (size_t i = be + 1; i < pg->n && i <= be + 30; i++) {
		const struct unit *u = &pg->u[i];
		if (u->kind != want || (need_date && !u->date[0]))
			continue;
		/* below the body a date counts only when it says it is the date */
		if (want == K_DATE && !(starts_ci(u->s, u->len, "published") ||
		                        starts_ci(u->s, u->len, "posted") ||
		                        starts_ci(u->s, u->len, "updated") ||
		                        starts_ci(u->s, u->len, "date")))
			continue;
		return u;
	}
	return NULL;
}

/* A line of names only, perhaps "in PLACE": "Ian Traynor in Moscow". */
static bool names_only_line(const char *s, size_t len, struct names *out)
{
	struct word w[16];
	size_t n = split_words(s, len, w, 16), end = n;
	if (n == 0 || n > 10 || ends_sentence(s, len))
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (i > 0 && i + 1 < n && i + 4 >= n && w[i].len == 2 && memcmp(w[i].s, "in", 2) == 0) {
			end = i;
			continue;
		}
		if (!cp_upper(cp_at(w[i].s, w[i].len, &k)) && i < end &&
		    !in_list_ci(w[i].s, w[i].len, name_particles) &&
		    !in_list_ci(w[i].s, w[i].len, ALIASES("and", "&")))
			return false;
		if (i > end && !cp_upper(cp_at(w[i].s, w[i].len, &k)))
			return false;
	}
	size_t cut = end < n ? (size_t)(w[end].s - s) - 1 : len;
	struct names tmp = *out;
	if (!parse_names(s, cut, &tmp) || tmp.n > 3)
		return false;
	*out = tmp;
	return true;
}

/*
 * A byline without "By": a line of names right above a credit, date or
 * outlet line ("Ana Ruiz" / "Staff Writer", "Ian Traynor in Moscow" /
 * "Monday October 22, 2001").  Returns the unit, or NULL.
 */
static const struct unit *name_over_meta(const struct page *pg, size_t bs, struct names *out)
{
	size_t top = bs > 40 ? bs - 40 : 0;
	for (size_t i = bs; i-- > top + 1;) {
		const struct unit *u = &pg->u[i], *up = &pg->u[i - 1];
		if ((u->kind == K_CREDIT || u->kind == K_DATE || u->kind == K_BANNER) &&
		    up->group == u->group && content_kind(up->kind) && names_only_line(up->s, up->len, out))
			return up;
	}
	return NULL;
}

enum folio_extract_result folio_extract(const char *text, size_t len,
                                        struct folio_article *out, const char **reason)
{
	static const char *const no_text = "no article text (empty page, link list or navigation)";
	assert(out && reason);
	memset(out, 0, sizeof *out);
	*reason = NULL;
	if (!text || len == 0) {
		*reason = no_text;
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	struct page pg = { 0 };
	size_t buflen;
	enum folio_extract_result rc = FOLIO_EXTRACT_NOMEM;
	bool oom = false;
	pg.buf = clean_text(text, len, &buflen);
	if (!pg.buf || build_units(&pg, buflen) < 0)
		goto done;
	classify_groups(&pg);
	if (mark_repeats(&pg) < 0)
		goto done;

	size_t bs, be;
	if (!find_body(&pg, &bs, &be)) {
		*reason = no_text;
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	/* a dateline among the first paragraphs starts the story */
	char place[128], credit[48];
	bool have_dateline = false;
	for (size_t i = bs, seen = 0; i <= be && seen < 3; i++) {
		if (pg.u[i].kind != K_PROSE && pg.u[i].kind != K_SHORT)
			continue;
		seen++;
		if (parse_dateline(pg.u[i].s, pg.u[i].len, place, sizeof place, credit, sizeof credit)) {
			bs = i;
			have_dateline = true;
			break;
		}
	}
	size_t prose = 0;
	for (size_t i = bs; i <= be; i++)
		if (pg.u[i].kind == K_PROSE || pg.u[i].kind == K_SHORT)
			prose += (size_t)pg.u[i].cps + 2 * (size_t)pg.u[i].cjk;
	if (prose < 100) {
		*reason = no_text;
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	out->body = assemble_body(&pg, bs, be);
	if (!out->body)
		goto done;
	struct names names = { .n = 0 };
	char by_date[11];
	const struct unit *by = find_meta(&pg, bs, be, K_BYLINE, false), *name_line = NULL;
	if (by)
		byline_names(by->s, by->len, &names, by_date);
	else
		name_line = name_over_meta(&pg, bs, &names);
	const struct unit *title = find_title(&pg, bs, name_line);
	const char *junk = junk_page(out->body, strlen(out->body), title);
	if (junk) {
		*reason = junk;
		rc = FOLIO_EXTRACT_NO_ARTICLE;
		goto done;
	}
	if (title)
		out->title = dup_n(title->s + title->head_off, title->head_len, &oom);
	if (have_dateline && place[0])
		out->dateline = dup_n(place, strlen(place), &oom);

	if (names.n > 0)
		out->byline = format_names(&names, &oom);

	const struct unit *dl = find_meta(&pg, bs, be, K_DATE, true);
	if (!dl)
		dl = find_meta(&pg, bs, be, K_BYLINE, true);
	if (dl)
		out->date = dup_n(dl->date, strlen(dl->date), &oom);

	char sbuf[128];
	const char *src = find_source(&pg, bs, be, title, have_dateline ? credit : NULL, sbuf,
	                              sizeof sbuf);
	if (src)
		out->source = dup_n(src, strlen(src), &oom);
	rc = oom ? FOLIO_EXTRACT_NOMEM : FOLIO_EXTRACT_OK;
done:
	if (rc != FOLIO_EXTRACT_OK) {
		folio_article_free(out);
		if (rc == FOLIO_EXTRACT_NOMEM)
			*reason = "out of memory";
	}
	free(pg.u);
	free(pg.buf);
	return rc;
}
