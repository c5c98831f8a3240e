/*
 * extract_verdict: whether a page holds an article at all, and if not,
 * why, in words a user can act on.
 *
 * The evidence for "no article" must be positive: a web-archive crawl
 * notice, a data file, advertising spam, a scientific paper's text, a
 * cookie notice, error page, permissions notice or paywall, a link list.
 * Shortness alone is not evidence: a one-sentence wire brief under a
 * headline is an article.
 */
#include "folio/folio.h"

#include "extract_internal.h"

/* A data file: most lines hold two tabs or more ("id\tname\tvalue"). */
static bool data_file(const char *raw, size_t len)
{
	size_t lines = 0, tabbed = 0, tabs = 0;
	if (!memchr(raw, '\t', len))
		return false;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && raw[i] != '\n') {
			tabs += raw[i] == '\t';
			continue;
		}
		if (i > 0 && raw[i - 1] != '\n') {
			lines++;
			tabbed += tabs >= 2;
		}
		tabs = 0;
	}
	return lines >= 3 && tabbed * 10 >= lines * 6;
}

/*
 * How many of the phrases appear in the page, each counted once.  The
 * page's text is one buffer (its lines end in NUL bytes, which no phrase
 * crosses), so each phrase is one search of it.
 */
static size_t phrases_in(const struct page *pg, const char *const *phrases)
{
	size_t n = 0;
	for (const char *const *p = phrases; *p; p++)
		n += ex_has_phrase(pg->lower, pg->len, *p);
	return n;
}

/*
 * How many times, in all, the phrases (case kept) appear at the start of a
 * word of the page's units.  Counted unit by unit: the buffer may hold
 * stale bytes where lines were joined.
 */
static size_t mentions(const struct page *pg, const char *const *phrases)
{
	size_t n = 0;
	for (const char *const *p = phrases; *p; p++) {
		size_t pl = strlen(*p);
		if (!memmem(pg->buf, pg->len, *p, pl))
			continue; /* most pages cite no figure at all */
		for (size_t i = 0; i < pg->n; i++) {
			const struct unit *u = &pg->u[i];
			for (const char *q = u->s, *end = u->s + u->len, *hit;
			     (hit = memmem(q, (size_t)(end - q), *p, pl)) != NULL; q = hit + 1)
				n += hit == u->s || hit[-1] == ' ' || hit[-1] == '(';
		}
	}
	return n;
}

/* Under a crawl notice, fewer bytes than this are what the crawl left, not a story. */
#define CRAWL_RESIDUE 300

/* The notice the Internet Archive puts over pages Alexa crawled. */
bool ex_crawl_notice(const struct unit *u)
{
	return ex_has_phrase(u->lc, u->len, "internet archive") &&
	       (ex_has_phrase(u->lc, u->len, "crawl data") ||
	        ex_has_phrase(u->lc, u->len, "wayback machine"));
}

static bool crawl_notice(const struct page *pg)
{
	for (size_t i = 0; i < pg->n && i < 5; i++)
		if (ex_crawl_notice(&pg->u[i]))
			return true;
	return false;
}

/*
 * Advertising spam: the loan and pill trade's phrases, three kinds or
 * more, and nobody said anything (a story about payday lenders quotes
 * people).
 */
static bool spam(const struct page *pg)
{
	static const char *const trade[] = { "payday loan", "payday loans", "cash advance",
		"no credit check", "bad credit", "fast cash", "cash loan", "cash loans", "apply today",
		"apply now", "loan approval", "instant approval", "viagra", "cialis", "casino bonus",
		"work from home", "lose weight fast", "buy cheap", NULL };
	static const char *const speech[] = { " said", " says", " told ", " according to ", NULL };
	return phrases_in(pg, speech) == 0 && phrases_in(pg, trade) >= 3;
}

/* A scientific paper: figures and supplements cited again and again. */
static bool paper_text(const struct page *pg)
{
	static const char *const cites[] = { "Fig. ", "Figs. ", "Supplementary ", "Extended Data ",
		NULL };
	return mentions(pg, cites) >= 6;
}

/*
 * A page with a short story that is only a cookie notice, an error page,
 * a permissions notice or a paywall: two signs of the same kind in its
 * lines (its buttons count: "Accept all cookies").  One sign is not enough
 * ("Bakery sells 10,000 cookies", "Route 404 reopens").
 */
static const char *notice_page(const struct page *pg, size_t body_len)
{
	static const struct {
		const char *reason;
		const char *signs[9];
	} kinds[] = {
		{ "a cookie or consent notice, not an article",
		  { "cookies", "cookie policy", "consent", "accept all", "your device", "our partners",
		    "privacy settings", "manage preferences", NULL } },
		{ "an error page, not an article",
		  { "404", "page not found", "could not be found", "cannot be found",
		    "no longer available", "internal server error", "moved or deleted", NULL } },
		{ "a permissions notice, not an article",
		  { "permission", "access denied", "forbidden", "not authorized", "not authorised",
		    "not available in your", "rights holder", "licensing restrictions", NULL } },
		{ "a paywall, not an article",
		  { "subscribe to continue", "subscribers only", "already a subscriber",
		    "to continue reading", "subscription required", "log in to read", "sign in to read",
		    "free trial", NULL } },
	};
	if (body_len > 700)
		return NULL;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (phrases_in(pg, kinds[k].signs) >= 2)
			return kinds[k].reason;
	return NULL;
}

/* With no story found: what the page held instead. */
const char *ex_no_story_reason(const struct page *pg, const char *raw, size_t raw_len)
{
	size_t players = 0, links = 0;
	if (data_file(raw, raw_len))
		return "a tab-separated data file, not an article";
	if (crawl_notice(pg))
		return "a web-archive crawl notice, not an article";
	for (size_t i = 0; i < pg->n; i++) {
		enum kind k = pg->u[i].kind;
		players += k == K_CAPTION || k == K_DROP;
		links += k == K_NAV || k == K_TEASER || k == K_LIST || k == K_HEADING || k == K_END;
	}
	if (players > 0 && players >= links)
		return "only captions, embedded posts, video player text or buttons, no article";
	if (links > 0)
		return "a link list or navigation, no article text";
	return "no article text (an empty page)";
}

const char *ex_verdict(const struct page *pg, const char *raw, size_t raw_len,
                       const struct story *st, size_t body_len)
{
	if (data_file(raw, raw_len))
		return "a tab-separated data file, not an article";
	/* the notice itself is furniture: the saved page under it may be a story */
	if (crawl_notice(pg) && body_len < CRAWL_RESIDUE)
		return "a web-archive crawl notice, not an article";
	if (spam(pg))
		return "advertising spam, not an article";
	if (paper_text(pg))
		return "an excerpt of a scientific paper, not a news article";
	const char *notice = notice_page(pg, body_len);
	if (notice)
		return notice;
	/* a sentence among many links, with no headline or dateline to say it is a story */
	size_t links = 0;
	for (size_t i = 0; i < pg->n; i++)
		links += pg->u[i].kind == K_NAV || pg->u[i].kind == K_TEASER;
	if (st->prose < 100 && !st->dateline && !st->title && links >= 5)
		return "a link list or navigation, no article text";
	return NULL;
}
