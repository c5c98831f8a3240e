/*
 * markup.c: a libxml2 tree (HTML page or feed entry) turned into folio text,
 * and the date forms markup carries.
 *
 * Rendering is one walk over the tree with a pending break (none, a line, a
 * blank line) and a pending space, so block elements become paragraphs and
 * list items lines without ever emitting two blank lines or a space at a
 * line start.  Lists are written the way extract writes them from plain
 * pages ("• item", "1. item"), so a body reads the same whatever it came
 * from.  The walk reads text and CDATA nodes only: an entity reference is a
 * node of its own and is skipped, which keeps any entity an attacker
 * declared from being expanded here.  Recursion is bounded by libxml2's own
 * depth limit on the trees it builds (256 without XML_PARSE_HUGE).
 */
#include "folio/folio.h"

#include "markup.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <strings.h>

#include <unistr.h>

#include "folio/libs.h"
#include "folio/text.h"

struct out {
	struct folio_buf b; /* the text so far */
	int brk;     /* pending break: 0 none, 1 a line, 2 a blank line */
	bool space;  /* pending space between words */
	int pre;     /* inside <pre>: keep white space */
	char bullet[24]; /* a list item's marker, written before its first word */
	bool one_line;
};

static void put(struct out *o, const char *s, size_t n)
{
	folio_buf_add(&o->b, s, n);
}

static void want_break(struct out *o, int level)
{
	if (o->one_line) {
		o->space = true;
		return;
	}
	if (level > o->brk)
		o->brk = level;
	o->space = false;
}

/* Before the first byte of a word: the pending break or space. */
static void start_word(struct out *o)
{
	if (o->b.len > 0 && o->brk) {
		put(o, o->brk == 2 ? "\n\n" : "\n", o->brk);
	} else if (o->b.len > 0 && o->space && o->b.s[o->b.len - 1] != '\n') {
		put(o, " ", 1);
	}
	o->brk = 0;
	o->space = false;
	if (o->bullet[0]) {
		char marker[sizeof o->bullet];
		memcpy(marker, o->bullet, sizeof marker);
		o->bullet[0] = '\0';
		put(o, marker, strlen(marker));
	}
}

static void put_text(struct out *o, const char *t)
{
	const unsigned char *p = (const unsigned char *)t;
	while (*p) {
		size_t n = 1;
		bool blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
		if (p[0] == 0xC2 && p[1] == 0xA0) { /* no-break space */
			blank = true;
			n = 2;
		}
		if (o->pre && !o->one_line && !(blank && n == 2)) {
			start_word(o);
			put(o, (const char *)p, 1);
		} else if (blank) {
			o->space = true;
		} else {
			start_word(o);
			put(o, (const char *)p, 1);
		}
		p += n;
	}
}

/* Never text.  A <form> is not here: pages wrap whole articles in one. */
static const char *const skipped[] = {
	"script", "style", "noscript", "template", "head", "title", "iframe", "svg",
	"canvas", "button", "select", "input", "textarea", "option", "video", "audio",
	"map", "link", "meta", "param", NULL
};
static const char *const paragraphs[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
	"article", "header", "footer", "main", "aside", "nav", "table", "ul", "ol",
	"dl", "pre", "figure", "figcaption", "hr", "address", "details", "summary",
	"center", "caption", "fieldset", "hgroup", "body", NULL
};
static const char *const lines[] = { "li", "tr", "dt", "dd", NULL };

static bool in_list(const xmlNode *node, const char *const *names)
{
	for (; *names; names++)
		if (markup_is(node, *names))
			return true;
	return false;
}

static void walk(struct out *o, const xmlNode *node);

static void walk_children(struct out *o, const xmlNode *node)
{
	for (const xmlNode *c = node->children; c && !o->b.oom; c = c->next)
		walk(o, c);
}

/* The bullet of a list item: "• " under <ul>, "N. " under <ol>, written
 * with its first word, so an item with no text (a picture) has none. */
static void put_bullet(struct out *o, const xmlNode *li)
{
	const xmlNode *list = li->parent;
	if (list && markup_is(list, "ol")) {
		int n = 1;
		for (const xmlNode *s = li->prev; s; s = s->prev)
			if (s->type == XML_ELEMENT_NODE && markup_is(s, "li"))
				n++;
		snprintf(o->bullet, sizeof o->bullet, "%d. ", n);
	} else {
		snprintf(o->bullet, sizeof o->bullet, "\xE2\x80\xA2 ");
	}
}
/* MathML: its alttext when it has one, else its tokens a space apart. */
static void put_math(struct out *o, const xmlNode *node)
{
	char *alt = markup_attr(node, "alttext");
	if (alt) {
		o->space = true;
		put_text(o, alt);
		o->space = true;
		(*folio_xml.xmlFree)(alt);
		return;
	}
	for (const xmlNode *c = node->children; c; c = c->next) {
		if (markup_is(c, "annotation") || markup_is(c, "annotation-xml"))
			continue;
		if (c->type == XML_TEXT_NODE && c->content)
			put_text(o, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			put_math(o, c);
		o->space = true;
	}
}

static void walk(struct out *o, const xmlNode *node)
{
	assert(node);
	switch (node->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (node->content)
			put_text(o, (const char *)node->content);
		return;
	case XML_ELEMENT_NODE:
		break;
	case XML_DOCUMENT_NODE:
	case XML_HTML_DOCUMENT_NODE:
		walk_children(o, node);
		return;
	default: /* comments, PIs, entity references: never text */
		return;
	}
	if (in_list(node, skipped))
		return;
	if (markup_is(node, "br")) {
		/* a second <br> in a row ends a paragraph */
		const xmlNode *prev = node->prev;
		while (prev && prev->type == XML_TEXT_NODE && prev->content &&
		       !prev->content[strspn((const char *)prev->content, " \t\r\n")])
			prev = prev->prev;
		want_break(o, prev && markup_is(prev, "br") ? 2 : 1);
		return;
	}
	if (markup_is(node, "embed") || markup_is(node, "object") || markup_is(node, "applet")) {
		/* never text itself; but the parser hangs what follows an unclosed
		 * one (or an <object>'s fallback text) under it */
		for (const xmlNode *c = node->children; c && !o->b.oom; c = c->next)
			if (!markup_is(c, "param"))
				walk(o, c);
		return;
	}
	if (markup_is(node, "math")) {
		put_math(o, node);
		return;
	}
	if (markup_is(node, "td") || markup_is(node, "th")) {
		const xmlNode *prev = node->prev;
		while (prev && prev->type != XML_ELEMENT_NODE)
			prev = prev->prev;
		if (prev && !o->one_line) {
			o->space = false;
			start_word(o);
			put(o, " | ", 3);
		}
		walk_children(o, node);
		return;
	}
	int level = in_list(node, paragraphs) ? 2 : in_list(node, lines) ? 1 : 0;
	if ((markup_is(node, "ul") || markup_is(node, "ol")) && node->parent &&
	    markup_is(node->parent, "li"))
		level = 1; /* a list inside a list item: its items are lines too */
	if (level)
		want_break(o, level);
	if (markup_is(node, "li") && !o->one_line)
		put_bullet(o, node);
	bool pre = markup_is(node, "pre");
	o->pre += pre;
	walk_children(o, node);
	o->pre -= pre;
	if (level)
		want_break(o, level);
}

/* Trim each line, drop blank lines beyond one, and trim the ends. */
static size_t tidy(char *s, size_t len)
{
	size_t w = 0, i = 0;
	int blank_run = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && s[end] != '\n')
			end++;
		size_t a = i, b = end;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (a == b) {
			blank_run++;
		} else {
			if (w > 0)
				s[w++] = '\n';
			if (w > 0 && blank_run)
				s[w++] = '\n';
			memmove(s + w, s + a, b - a);
			w += b - a;
			blank_run = 0;
		}
		i = end + 1;
	}
	s[w] = '\0';
	return w;
}

char *markup_clean_body(const char *s, size_t len, bool *nomem)
{
	size_t n;
	*nomem = false;
	char *clean = folio_text_clean(s, len, true, &n);
	if (!clean) {
		*nomem = true;
		return NULL;
	}
	n = tidy(clean, n);
	if (n == 0) {
		free(clean);
		return NULL;
	}
	return clean;
}

char *markup_render(const xmlNode *node, size_t *out_len)
{
	struct out o = { 0 };
	walk(&o, node);
	size_t len;
	char *text = folio_buf_finish(&o.b, &len);
	if (!text)
		return NULL;
	bool nomem;
	char *body = markup_clean_body(text, len, &nomem);
	free(text);
	if (nomem)
		return NULL;
	if (!body)
		body = strdup("");
	if (body && out_len)
		*out_len = strlen(body);
	return body;
}

/* One character reference at s ("&#8217;", "&#x2019;", "&rsquo;"): its
 * code point and length, or 0 when s holds none we may decode. */
static size_t char_ref(const char *s, uint32_t *cp)
{
	if (s[0] != '&')
		return 0;
	const char *end = strchr(s, ';');
	if (!end || end - s > 12 || end - s < 3)
		return 0;
	unsigned long v = 0;
	if (s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		const char *d = s + (hex ? 3 : 2);
		if (d == end)
			return 0;
		for (const char *p = d; p < end; p++) {
			if (!(hex ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p)))
				return 0;
			v = v * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)*p) ? *p - '0'
			                                         : tolower((unsigned char)*p) - 'a' + 10);
			if (v > 0x10FFFF)
				return 0;
		}
	} else {
		char name[16];
		size_t n = (size_t)(end - s - 1);
		memcpy(name, s + 1, n);
		name[n] = '\0';
		const htmlEntityDesc *e = folio_xml.htmlEntityLookup((const xmlChar *)name);
		if (!e)
			return 0;
		v = e->value;
	}
	if (v == 0 || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = (uint32_t)v;
	return (size_t)(end - s) + 1;
}

/* Character references left in text (pages and feeds escape twice:
 * "&amp;#8217;" reaches us as "&#8217;"), decoded in place, twice over at
 * most.  A reference is never shorter than the UTF-8 it stands for. */
static void decode_refs(char *s)
{
	for (int round = 0; round < 2 && strchr(s, '&'); round++) {
		char *w = s;
		for (const char *r = s; *r;) {
			uint32_t cp;
			size_t n = char_ref(r, &cp);
			if (n > 0) {
				int k = u8_uctomb((uint8_t *)w, cp, 4);
				if (k > 0 && (size_t)k <= n) {
					w += k;
					r += n;
					continue;
				}
			}
			*w++ = *r++;
		}
		*w = '\0';
	}
}

char *markup_clean_line(const char *s)
{
	if (!s)
		return NULL;
	char *refs = strdup(s);
	if (!refs)
		return NULL;
	decode_refs(refs);
	size_t n;
	char *line = folio_text_clean(refs, strlen(refs), false, &n);
	free(refs);
	if (!line)
		return NULL;
	/* Collapse runs of spaces (newlines became spaces) and trim. */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		bool sp = line[i] == ' ';
		if (!sp && (unsigned char)line[i] == 0xC2 && i + 1 < n &&
		    (unsigned char)line[i + 1] == 0xA0) {
			sp = true;
			i++;
		}
		if (sp) {
			if (w > 0 && line[w - 1] != ' ')
				line[w++] = ' ';
		} else {
			line[w++] = line[i];
		}
	}
	while (w > 0 && line[w - 1] == ' ')
		w--;
	line[w] = '\0';
	if (w == 0) {
		free(line);
		return NULL;
	}
	return line;
}

char *markup_line(const xmlNode *node)
{
	struct out o = { .one_line = true };
	walk_children(&o, node); /* the node's own tag may be one we skip (<title>) */
	char *text = folio_buf_finish(&o.b, NULL);
	if (!text)
		return NULL;
	char *line = markup_clean_line(text);
	free(text);
	return line;
}

char *markup_fragment_body(const char *html, size_t len, bool *nomem)
{
	*nomem = false;
	if (len > INT32_MAX)
		len = INT32_MAX;
	const char *why;
	if (markup_ready(&why) != 0)
		return NULL; /* never: the page or feed it came from was parsed */
	htmlDocPtr doc = folio_xml.htmlReadMemory(html, (int)len, NULL, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	if (!doc)
		return NULL; /* nothing libxml2 could read: no body */
	size_t n;
	char *body = markup_render((xmlNode *)doc, &n);
	folio_xml.xmlFreeDoc(doc);
	if (!body) {
		*nomem = true;
		return NULL;
	}
	if (n == 0) {
		free(body);
		return NULL;
	}
	return body;
}

bool markup_is(const xmlNode *node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && node->name &&
	       strcasecmp((const char *)node->name, name) == 0;
}

char *markup_attr(const xmlNode *node, const char *name)
{
	for (const xmlAttr *a = node->properties; a; a = a->next)
		if (a->name && strcasecmp((const char *)a->name, name) == 0 &&
		    a->children && a->children->type == XML_TEXT_NODE)
			return (char *)folio_xml.xmlStrdup(a->children->content);
	return NULL;
}

static char *format_day(int y, int m, int d)
{
	if (!folio_date_valid(y, m, d))
		return NULL;
	char *s = malloc(11);
	if (s) /* folio_date_valid() bounds the fields, so they fit */
		snprintf(s, 11, "%04u-%02u-%02u", (unsigned)y % 10000, (unsigned)m % 100, (unsigned)d % 100);
	return s;
}

char *markup_iso_date(const char *s)
{
	if (!s)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	int y, m, d;
	return folio_date_iso(s, strlen(s), &y, &m, &d) ? format_day(y, m, d) : NULL;
}

char *markup_rfc822_date(const char *s)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	if (!s)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	const char *comma = strchr(s, ',');
	if (comma && comma - s <= 10) /* "Tue," or "Tuesday," */
		s = comma + 1;
	int day = 0, year = 0;
	char mon[4] = "";
	int used = 0;
	if (sscanf(s, " %2d %3s %4d%n", &day, mon, &year, &used) != 3)
		return markup_iso_date(s); /* some feeds put ISO dates in pubDate */
	if (year < 100) /* RFC 822's two-digit years */
		year += year < 50 ? 2000 : 1900;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(mon, months + 3 * i, 3) == 0)
			return format_day(year, i + 1, day);
	return NULL;
}

/* ---- input encodings ---- */

static void no_message(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void no_error(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

/* This thread's failed allocations when the parse began: see markup_out_of_memory(). */
static __thread unsigned long failures_at_start;

bool markup_out_of_memory(void)
{
	return folio_alloc_failures() != failures_at_start;
}

int markup_ready(const char **reason)
{
	if (folio_libxml2(reason) != 0)
		return -1;
	failures_at_start = folio_alloc_failures();
	folio_xml.xmlSetGenericErrorFunc(NULL, no_message);
	folio_xml.xmlSetStructuredErrorFunc(NULL, no_error);
	return 0;
}

/* The charset a page's <meta> or a feed's XML declaration names, into
 * name (lower case); false when it names none. */
static bool declared_charset(const char *s, size_t len, bool xml, char *name, size_t cap)
{
	const char *key = xml ? "encoding" : "charset";
	size_t window = len < 16384 ? len : 16384;
	const char *end = s + window, *p = s;
	if (xml) {
		if (window < 5 || strncmp(s, "<?xml", 5) != 0)
			return false;
		const char *close = memchr(s, '>', window);
		end = close ? close : end;
	}
	for (; p + 8 < end; p++) {
		if (strncasecmp(p, key, strlen(key)) != 0)
			continue;
		if (!xml) { /* only inside a <meta ...> tag */
			const char *open = p;
			while (open > s && *open != '<' && *open != '>')
				open--;
			if (*open != '<' || strncasecmp(open, "<meta", 5) != 0)
				continue;
		}
		const char *q = p + strlen(key);
		while (q < end && (*q == ' ' || *q == '='  || *q == '"' || *q == '\''))
			q++;
		size_t n = 0;
		while (q < end && n + 1 < cap && (isalnum((unsigned char)*q) || strchr("-_.:", *q)))
			name[n++] = (char)tolower((unsigned char)*q++);
		name[n] = '\0';
		if (n > 0)
			return true;
	}
	return false;
}

/* What iconv should read for a declared label: the WHATWG encoding
 * standard's reading of the common labels (Latin-1 is really Windows-1252,
 * GB2312 really GB18030 ...); NULL for UTF-8 and the labels that are never
 * right on bytes that are not UTF-16. */
static const char *iconv_name(const char *label)
{
	static const char *const map[][2] = {
		{ "iso-8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
		{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
		{ "iso8859-1", "WINDOWS-1252" }, { "gb2312", "GB18030" }, { "gbk", "GB18030" },
		{ "x-gbk", "GB18030" }, { "shift_jis", "CP932" }, { "sjis", "CP932" },
		{ "x-sjis", "CP932" }, { "euc-kr", "CP949" }, { "iso-8859-9", "WINDOWS-1254" },
		{ "tis-620", "CP874" }, { "iso-8859-11", "CP874" },
	};
	if (strncmp(label, "utf", 3) == 0 || strcmp(label, "unicode") == 0)
		return NULL;
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(label, map[i][0]) == 0)
			return map[i][1];
	return label;
}

/* bytes converted from charset to UTF-8, U+FFFD for each bad unit; NULL
 * when iconv does not know charset (*nomem false) or memory ran out. */
static char *convert(const char *bytes, size_t len, const char *charset, size_t unit,
                     size_t *out_len, bool *nomem)
{
	*nomem = false;
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return NULL;
	struct folio_buf out;
	folio_buf_init(&out, len * 2 + 16);
	char *in = (char *)bytes;
	size_t left = len;
	/* room for any character, U+FFFD and the NUL */
	while (left > 0 && folio_buf_room(&out, 16)) {
		char *o = out.s + out.len;
		size_t room = out.cap - out.len - 8;
		size_t rc = iconv(cd, &in, &left, &o, &room);
		out.len = (size_t)(o - out.s);
		if (rc != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ, or a unit cut off at the end: U+FFFD, then the next unit */
		folio_buf_uc(&out, 0xFFFD);
		size_t skip = left < unit ? left : unit;
		in += skip;
		left -= skip;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	char *s = folio_buf_finish(&out, out_len);
	*nomem = s == NULL;
	return s;
}

int markup_input(const char *bytes, size_t len, bool xml, struct markup_input *in,
                 const char **reason)
{
	*in = (struct markup_input){ bytes, len, NULL };
	size_t bom;
	bool nomem = false;
	const char *wide = folio_text_wide_form(bytes, len, &bom);
	if (wide) {
		in->owned = convert(bytes + bom, len - bom, wide, wide[4] == '3' ? 4 : 2, &in->len, &nomem);
	} else {
		if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
			in->s += 3;
			in->len -= 3;
		}
		if (u8_check((const uint8_t *)in->s, in->len) == NULL)
			return 0;
		char label[40];
		const char *charset = declared_charset(bytes, len, xml, label, sizeof label)
		                    ? iconv_name(label) : NULL;
		if (charset)
			in->owned = convert(bytes, len, charset, 1, &in->len, &nomem);
	}
	if (!in->owned && !nomem) /* nothing declared, or nothing iconv knows */
		in->owned = folio_text_decode(bytes, len, &in->len, reason);
	if (!in->owned)
		return -1;
	in->s = in->owned;
	return 0;
}

/* ---- a feed streamed in pieces ---- */

#define STREAM_IN (64 * 1024)

struct markup_stream {
	const char *head;
	size_t head_len;
	long (*more)(void *ctx, char *buf, size_t len);
	void *more_ctx;
	iconv_t cd;
	size_t unit;
	char in[STREAM_IN];
	size_t in_len;
	bool eof;
	const char *failed;
};

/* Valid UTF-8 but for a character cut off at the end of the head. */
static bool head_is_utf8(const char *s, size_t len, bool *ascii)
{
	size_t cut = 0;
	while (cut < 3 && cut < len && ((unsigned char)s[len - 1 - cut] & 0xC0) == 0x80)
		cut++;
	if (cut < len && (unsigned char)s[len - 1 - cut] >= 0xC0)
		len -= cut + 1;
	*ascii = true;
	for (size_t i = 0; i < len && *ascii; i++)
		*ascii = (unsigned char)s[i] < 0x80;
	return u8_check((const uint8_t *)s, len) == NULL;
}

struct markup_stream *markup_stream_open(const char *head, size_t head_len,
                                         long (*more)(void *ctx, char *buf, size_t len),
                                         void *more_ctx)
{
	struct markup_stream *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->more = more;
	s->more_ctx = more_ctx;
	s->unit = 1;
	size_t bom = 0;
	const char *charset = folio_text_wide_form(head, head_len, &bom);
	char label[40], guess[FOLIO_CHARSET_CAP];
	if (charset) {
		s->unit = charset[4] == '3' ? 4 : 2;
	} else {
		bool ascii;
		if (head_len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
			bom = 3;
		bool utf8 = head_is_utf8(head + bom, head_len - bom, &ascii);
		if (!(utf8 && !ascii) && !bom &&
		    declared_charset(head, head_len, true, label, sizeof label))
			charset = iconv_name(label);
		const char *why = NULL;
		if (!charset && !utf8 && !bom && folio_text_guess_charset(head, head_len, guess, &why))
			charset = guess;
		if (why) { /* not read as UTF-8 when it is likely something else */
			s->failed = why;
			s->eof = true;
			head_len = 0;
		}
	}
	s->cd = charset ? iconv_open("UTF-8", charset) : (iconv_t)-1;
	if (s->cd == (iconv_t)-1) {
		s->unit = 1;
		s->cd = iconv_open("UTF-8", "UTF-8");
	}
	if (s->cd == (iconv_t)-1) {
		free(s);
		return NULL;
	}
	s->head = head + bom;
	s->head_len = head_len - bom;
	return s;
}

/* More raw bytes after what is left in s->in: false at the end. */
static bool refill(struct markup_stream *s)
{
	if (s->eof || s->in_len == STREAM_IN)
		return false;
	size_t room = STREAM_IN - s->in_len;
	if (s->head_len > 0) {
		size_t take = s->head_len < room ? s->head_len : room;
		memcpy(s->in + s->in_len, s->head, take);
		s->head += take;
		s->head_len -= take;
		s->in_len += take;
		return true;
	}
	long got = s->more ? s->more(s->more_ctx, s->in + s->in_len, room) : 0;
	if (got < 0)
		s->failed = "the file could not be read to its end";
	if (got <= 0) {
		s->eof = true;
		return false;
	}
	s->in_len += (size_t)got;
	return true;
}

int markup_stream_read(struct markup_stream *s, char *buf, int len)
{
	char *out = buf;
	size_t room = len > 0 ? (size_t)len : 0;
	while (room >= 4) {
		if (s->in_len == 0 && !refill(s))
			break;
		char *in = s->in;
		size_t left = s->in_len;
		size_t rc = iconv(s->cd, &in, &left, &out, &room);
		int err = rc == (size_t)-1 ? errno : 0;
		memmove(s->in, in, left);
		s->in_len = left;
		if (err == 0 || err == E2BIG)
			continue;
		if (err == EINVAL && refill(s)) /* a character cut by the read */
			continue;
		/* EILSEQ, or a character cut off at the end: U+FFFD, then the next unit */
		if (room < 3)
			break;
		memcpy(out, "\xEF\xBF\xBD", 3);
		out += 3;
		room -= 3;
		size_t skip = s->in_len < s->unit ? s->in_len : s->unit;
		memmove(s->in, s->in + skip, s->in_len - skip);
		s->in_len -= skip;
		iconv(s->cd, NULL, NULL, NULL, NULL);
	}
	return (int)(out - buf);
}

const char *markup_stream_failed(const struct markup_stream *s)
{
	return s->failed;
}

void markup_stream_close(struct markup_stream *s)
{
	if (s) {
		iconv_close(s->cd);
		free(s);
	}
}
