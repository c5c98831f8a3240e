/*
 * html_body.c: the main text of a web page.
 *
 * The approach of Arc90's Readability, with what it misses taken care of:
 *
 * 1. Units.  The page is cut into paragraphs: every block with no block
 *    inside (<p>, a <div> of text, a <td>), and every run of text and
 *    inline elements between the blocks of a container, each also cut at
 *    a double <br>.  So text in <br> runs with no <p>, or loose in a
 *    <div> beside other blocks, is prose like any paragraph.
 * 2. Article-like text.  A unit of 80+ characters with few links counts as
 *    prose for every element above it.  Furniture is removed: by tag
 *    (<nav>, <footer>, <aside> ..., unless wrapped around an <article>),
 *    and by ARIA role or class/id words (nav, footer, sidebar, share,
 *    related, ...) except an element that holds most of the page's prose:
 *    a layout column named "sidebar-left" keeps its article.
 * 3. Scoring.  Every unit of 25+ characters scores 1 + its commas + a
 *    point per 100 characters (at most 3), credited to the element holding
 *    it, half to the next one up and less further up (five levels).  Each
 *    element starts from a tag weight and +-25 for likely/unlikely class or
 *    id words, and its total is scaled by (1 - link density).  When three
 *    other blocks score near the best one, their common ancestor is the
 *    article; the best block moves up while its parent scores more, unless
 *    what the parent adds is teasers (summaries in list items or under
 *    linked headlines: other stories); it moves up, too, while what an
 *    ancestor adds is article-like text held the way the block holds its
 *    own (a story split among containers by pull quotes and figures).
 *    Siblings that score near it, share its class, or read as prose join it.
 * 4. Cleaning.  Inside the chosen blocks, link-heavy, image-heavy and
 *    form-like blocks go (Readability's conditional cleaning), and so do
 *    repeated headlines and date-only lines.
 *
 * When that gives under MIN_BODY characters, steps 2-4 run again on the
 * untouched page with the class/id words left out (a site whose every
 * wrapper has an "unlikely" name), and that body wins if it is more than
 * twice as long.
 */
#include "folio/folio.h"

#include "html_body.h"

#include <ctype.h>
#include <strings.h>

#include "folio/libs.h"
#include "html_words.h"
#include "markup.h"

#define MIN_PARAGRAPH 25 /* characters for a unit to score */
#define MIN_PROSE 80     /* characters for a unit to count as article-like text */
#define MIN_BODY 250     /* below this, try again without the class/id words */

static bool tag_in(const xmlNode *node, const char *const *tags)
{
	for (; *tags; tags++)
		if (markup_is(node, *tags))
			return true;
	return false;
}

static bool heading(const xmlNode *node)
{
	return node->type == XML_ELEMENT_NODE && node->name && tolower(node->name[0]) == 'h' &&
	       node->name[1] >= '1' && node->name[1] <= '6' && !node->name[2];
}

/* ---- the elements of the page and their measures ---- */

/* Room in the array at *array (a pointer to the array's pointer; n used
 * of *cap) for one more element of size bytes. */
struct el {
	xmlNode *node;
	size_t text, links; /* characters of text under it, and of link text */
	size_t prose;       /* characters of article-like text under it */
	size_t teasers;     /* characters of teaser summaries under it */
	double score;
	bool candidate;
};

struct tree {
	struct el *v;
	size_t n, cap;
	bool oom;
};

FOLIO_DEFINE_GROW(grow_els, struct el)

static struct el *el_of(const struct tree *t, const xmlNode *node)
{
	return node && node->_private ? &t->v[(uintptr_t)node->_private - 1] : NULL;
}

/* Characters of a text node, a run of white space counting as one. */
static size_t text_chars(const xmlNode *node)
{
	size_t n = 0;
	bool space = true;
	for (const unsigned char *p = node->content; p && *p; p++) {
		if (isspace(*p)) {
			n += !space;
			space = true;
		} else if ((*p & 0xC0) != 0x80) {
			n++;
			space = false;
		}
	}
	return n;
}

/* Number every element (node->_private) and measure its text bottom up. */
static void measure(struct tree *t, xmlNode *node, bool in_link, size_t *text, size_t *links)
{
	*text = *links = 0;
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		*text = text_chars(node);
		*links = in_link ? *text : 0;
		return;
	}
	if (node->type != XML_ELEMENT_NODE || t->oom)
		return;
	if (!grow_els(&t->v, &t->cap, t->n + 1)) {
		t->oom = true;
		return;
	}
	size_t i = t->n++;
	t->v[i] = (struct el){ .node = node };
	node->_private = (void *)(uintptr_t)(i + 1);
	in_link = in_link || markup_is(node, "a");
	for (xmlNode *c = node->children; c; c = c->next) {
		size_t ct, cl;
		measure(t, c, in_link, &ct, &cl);
		*text += ct;
		*links += cl;
	}
	t->v[i].text = *text;
	t->v[i].links = *links;
}

static void unmark(xmlNode *node)
{
	for (; node; node = node->next) {
		node->_private = NULL;
		if (node->type == XML_ELEMENT_NODE)
			unmark(node->children);
	}
}

static void tree_reset(struct tree *t, xmlNode *root)
{
	unmark(root);
	t->n = 0;
	if (!t->oom) {
		size_t text, links;
		measure(t, root, false, &text, &links);
	}
}

static double link_density(const struct tree *t, const xmlNode *node)
{
	const struct el *e = el_of(t, node);
	return e && e->text ? (double)e->links / (double)e->text : 0.0;
}

/* ---- step 1: units ---- */

/* Elements that break a line of text: what is not one of these is inline. */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
	"details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
	"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
	"html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "legend", NULL
};
/* Blocks whose text is never a paragraph of prose on its own. */
static const char *const not_prose[] = {
	"li", "dt", "dd", "th", "caption", "figcaption", "summary", "legend", "ul", "ol",
	"dl", "table", "tbody", "thead", "tfoot", "tr", "menu", "dir", "hr", "address", NULL
};

static bool block(const xmlNode *node)
{
	return node->type == XML_ELEMENT_NODE && tag_in(node, block_tags);
}

static bool has_block_child(const xmlNode *node)
{
	for (const xmlNode *c = node->children; c; c = c->next)
		if (block(c))
			return true;
	return false;
}

struct unit {
	xmlNode *host; /* the element the paragraph is credited to first */
	size_t len, links, commas;
	bool teaser;   /* a list item's text, or the summary under a linked headline */
};

struct units {
	struct unit *v;
	size_t n, cap;
	bool oom;
};

/* Article-like text: a long unit with few links. */
static bool is_prose(const struct unit *x)
{
	return x->len >= MIN_PROSE && x->links * 10 <= x->len * 3 && !x->teaser;
}

/* A paragraph being gathered. */
struct run {
	size_t len, links, commas;
	int brs; /* <br>s in a row, with only white space between */
};

FOLIO_DEFINE_GROW(grow_units, struct unit)

static void flush(struct units *u, struct run *r, xmlNode *host)
{
	if (r->len >= MIN_PARAGRAPH && !u->oom) {
		if (!grow_units(&u->v, &u->cap, u->n + 1)) {
			u->oom = true;
			return;
		}
		u->v[u->n++] = (struct unit){ host, r->len, r->links, r->commas, false };
	}
	*r = (struct run){ 0 };
}

/* Commas of the scripts Readability counts, and the ideographic one. */
static size_t commas_in(const unsigned char *p)
{
	size_t n = 0;
	for (; p && *p; p++) {
		if (*p == ',')
			n++;
		else if ((p[0] == 0xD8 && p[1] == 0x8C) ||                                /* U+060C */
		         (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||                /* U+FF0C */
		         (p[0] == 0xEF && p[1] == 0xB9 && p[2] == 0x90) ||                /* U+FE50 */
		         (p[0] == 0xEF && p[1] == 0xB8 && (p[2] == 0x90 || p[2] == 0x91)) || /* U+FE10/1 */
		         (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))                  /* U+3001 */
			n++;
	}
	return n;
}

/* Add inline content to the run, closing a paragraph at each double <br>. */
static void gather(struct units *u, struct run *r, const struct tree *t, xmlNode *node,
                   xmlNode *host, bool in_link)
{
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		size_t n = text_chars(node);
		if (n > 1 || (n == 1 && !isspace(*node->content)))
			r->brs = 0;
		r->len += n;
		r->links += in_link ? n : 0;
		r->commas += commas_in(node->content);
		return;
	}
	if (node->type != XML_ELEMENT_NODE)
		return;
	if (markup_is(node, "br")) {
		if (++r->brs == 2)
			flush(u, r, host);
		return;
	}
	(void)t;
	in_link = in_link || markup_is(node, "a");
	for (xmlNode *c = node->children; c; c = c->next)
		gather(u, r, t, c, host, in_link);
}

/* The summary of a teaser: inside a list item, or right under a headline
 * that is all link (a list of other stories, not the article). */
static bool under_linked_headline(const struct tree *t, const xmlNode *node)
{
	const xmlNode *prev = node->prev;
	while (prev && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	const struct el *e = prev && heading(prev) ? el_of(t, prev) : NULL;
	return e && e->text > 0 && e->links * 10 >= e->text * 9;
}

static bool in_list_item(const xmlNode *node)
{
	int level = 0;
	for (const xmlNode *a = node; a && level < 4; a = a->parent, level++)
		if (markup_is(a, "li"))
			return true;
	return false;
}

static void find_units(struct units *u, const struct tree *t, xmlNode *node)
{
	if (!has_block_child(node)) {
		if (tag_in(node, not_prose) || heading(node))
			return;
		struct run r = { 0 };
		size_t before = u->n;
		for (xmlNode *c = node->children; c; c = c->next)
			gather(u, &r, t, c, node, false);
		flush(u, &r, node);
		/* One paragraph credits its container, as a <p> does; a block cut
		 * by <br>s into several is itself the container. */
		if (u->n == before + 1 && node->parent && node->parent->type == XML_ELEMENT_NODE)
			u->v[before].host = node->parent;
		if (u->n > before && (under_linked_headline(t, node) || in_list_item(node)))
			for (size_t i = before; i < u->n; i++)
				u->v[i].teaser = true;
		return;
	}
	struct run r = { 0 };
	for (xmlNode *c = node->children; c; c = c->next) {
		if (block(c)) {
			flush(u, &r, node);
			find_units(u, t, c);
		} else {
			gather(u, &r, t, c, node, false);
		}
	}
	flush(u, &r, node);
}

/* Article-like text: the prose of every unit, added to all its ancestors. */
static void add_prose(struct tree *t, const struct units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		const struct unit *x = &u->v[i];
		bool teaser = x->teaser && x->len >= MIN_PROSE && x->links * 10 <= x->len * 3;
		if (!is_prose(x) && !teaser)
			continue;
		for (xmlNode *a = x->host; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
			struct el *e = el_of(t, a);
			if (e && teaser)
				e->teasers += x->len;
			else if (e)
				e->prose += x->len;
		}
	}
}

/* ---- step 2: furniture ---- */

static size_t text_len(const xmlNode *node);

/* Removed in every pass, whatever they hold. */
static const char *const never_text[] = {
	"script", "style", "noscript", "template", "iframe", "svg", "canvas", "param",
	"button", "select", "input", "textarea", "option", "link", "meta", "head",
	"dialog", "audio", "video", "map", "frame", "frameset", NULL
};
/* Furniture by tag or role, unless it holds most of the prose. */
static const char *const furniture_tags[] = {
	"nav", "aside", "footer", "header", "menu", "figure", "figcaption", NULL
};
static const char *const furniture_roles[] = {
	"navigation", "banner", "complementary", "contentinfo", "search", "menu",
	"menubar", "dialog", "alertdialog", NULL
};

/* Whether style="..." hides the element ("display: none"). */
static bool hidden_style(const char *style)
{
	char squeezed[256];
	size_t n = 0;
	for (const char *p = style; *p && n + 1 < sizeof squeezed; p++)
		if (*p != ' ')
			squeezed[n++] = (char)tolower((unsigned char)*p);
	squeezed[n] = '\0';
	return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static bool hidden(const xmlNode *node)
{
	char *v = markup_attr(node, "hidden");
	bool h = v != NULL;
	(*folio_xml.xmlFree)(v);
	if (!h && (v = markup_attr(node, "aria-hidden"))) {
		h = strcasecmp(v, "true") == 0;
		(*folio_xml.xmlFree)(v);
	}
	if (!h && (v = markup_attr(node, "style"))) {
		h = hidden_style(v);
		(*folio_xml.xmlFree)(v);
	}
	return h;
}

static bool furniture_role(const xmlNode *node)
{
	char *role = markup_attr(node, "role");
	bool hit = false;
	for (const char *const *r = furniture_roles; role && *r && !hit; r++)
		hit = strcasecmp(role, *r) == 0;
	(*folio_xml.xmlFree)(role);
	return hit;
}

static void drop(xmlNode *node)
{
	folio_xml.xmlUnlinkNode(node);
	folio_xml.xmlFreeNode(node);
}

/* The controls of a form a reader fills in (hidden inputs are not). */
static size_t controls(const xmlNode *node)
{
	size_t n = 0;
	for (const xmlNode *c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (markup_is(c, "input")) {
			char *type = markup_attr(c, "type");
			n += !type || strcasecmp(type, "hidden") != 0;
			(*folio_xml.xmlFree)(type);
		} else {
			n += markup_is(c, "select") || markup_is(c, "textarea");
		}
		n += controls(c);
	}
	return n;
}

/* A form to fill in (comments, search, sign-up, report), not a page that
 * wraps its article in a <form>: little text for its controls. */
static bool small_form(const xmlNode *node)
{
	if (!markup_is(node, "form") && !markup_is(node, "fieldset"))
		return false;
	size_t n = controls(node);
	return n > 0 && text_len(node) < 250 * n;
}

/* What never holds text we keep: scripts, controls, hidden elements,
 * forms to fill in. */
static void prune_hard(xmlNode *node)
{
	for (xmlNode *c = node->children, *next; c; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
			drop(c);
		else if (c->type == XML_ELEMENT_NODE &&
		         (tag_in(c, never_text) || hidden(c) || small_form(c)))
			drop(c);
		else if (c->type == XML_ELEMENT_NODE)
			prune_hard(c);
	}
}

struct prune {
	const struct tree *t;
	size_t page_prose;
	bool by_name;
};

static bool has_tag(const xmlNode *node, const char *tag)
{
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (markup_is(c, tag) || has_tag(c, tag)))
			return true;
	return false;
}

static bool furniture_element(const struct prune *p, const xmlNode *node)
{
	if (markup_is(node, "body") || markup_is(node, "html"))
		return false;
	/* <footer>, <nav>, <aside> ... say what they are: however much text a
	 * site footer holds beside a short story, it is not the story; only
	 * one wrapped around an <article> or <main> is spared. */
	if (tag_in(node, furniture_tags))
		return !has_tag(node, "article") && !has_tag(node, "main");
	bool named = furniture_role(node);
	/* By class or id only a block: an inline element is part of a sentence. */
	if (!named && p->by_name && block(node) && !markup_is(node, "article") &&
	    !markup_is(node, "main"))
		named = html_furniture_name(node);
	if (!named)
		return false;
	if (p->by_name && html_never_article(node))
		return true;
	/* Never the element that holds most of the page's article-like text. */
	const struct el *e = el_of(p->t, node);
	return !(e && p->page_prose > 0 && e->prose * 2 >= p->page_prose);
}

static void prune_furniture(const struct prune *p, xmlNode *node)
{
	for (xmlNode *c = node->children, *next; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (furniture_element(p, c))
			drop(c);
		else
			prune_furniture(p, c);
	}
}

/* ---- step 3: scoring ---- */

static double tag_weight(const xmlNode *node)
{
	if (markup_is(node, "div") || markup_is(node, "article"))
		return 5;
	if (markup_is(node, "pre") || markup_is(node, "td") || markup_is(node, "blockquote"))
		return 3;
	static const char *const low[] = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL };
	if (tag_in(node, low))
		return -3;
	if (heading(node) || markup_is(node, "th"))
		return -5;
	return 0;
}

static void score_units(struct tree *t, const struct units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		const struct unit *x = &u->v[i];
		double score = 1.0 + (double)x->commas + (x->len / 100 > 3 ? 3 : (double)(x->len / 100));
		int level = 0;
		for (xmlNode *a = x->host; a && a->type == XML_ELEMENT_NODE && level < 5;
		     a = a->parent, level++) {
			struct el *e = el_of(t, a);
			if (!e)
				break;
			if (!e->candidate) {
				e->candidate = true;
				e->score = tag_weight(a) + html_class_weight(a);
			}
			e->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
		}
	}
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].candidate)
			t->v[i].score *= 1.0 - link_density(t, t->v[i].node);
}

static bool contains(const xmlNode *outer, const xmlNode *inner)
{
	for (; inner; inner = inner->parent)
		if (inner == outer)
			return true;
	return false;
}

#define TOP_N 5

/* Two hosts of the same kind: the same tag and class. */
static bool same_kind(const xmlNode *a, const xmlNode *b)
{
	if (!folio_xml.xmlStrEqual(a->name, b->name))
		return false;
	char *ca = markup_attr(a, "class"), *cb = markup_attr(b, "class");
	bool same = (!ca && !cb) || (ca && cb && strcmp(ca, cb) == 0);
	(*folio_xml.xmlFree)(ca);
	(*folio_xml.xmlFree)(cb);
	return same;
}

/*
 * A story split among containers (pull quotes, figures, ads between its
 * parts): an ancestor a few levels up wins when what it adds is mostly
 * article-like text held the way the block holds its own (hosts of the
 * same tag and class), until one holds 80% of the page's.  Teasers of
 * other stories beside the article are held differently, and stay out.
 */
static xmlNode *gather_parts(const struct tree *t, const struct units *u, xmlNode *best)
{
	const struct el *root = el_of(t, folio_xml.xmlDocGetRootElement(best->doc));
	const struct el *b = el_of(t, best);
	if (!root || !b)
		return best;
	/* The host of most of the block's prose. */
	const xmlNode *main_host = NULL;
	size_t most = 0;
	for (size_t i = 0; i < u->n; i++) {
		if (!is_prose(&u->v[i]) || !contains(best, u->v[i].host))
			continue;
		size_t sum = 0;
		for (size_t j = 0; j < u->n; j++)
			if (u->v[j].host == u->v[i].host && is_prose(&u->v[j]))
				sum += u->v[j].len;
		if (sum > most) {
			most = sum;
			main_host = u->v[i].host;
		}
	}
	if (!main_host)
		return best;
	xmlNode *a = best->parent, *first = best;
	for (int level = 0; a && level < 5; level++, a = a->parent) {
		const struct el *ae = el_of(t, a), *now = el_of(t, best);
		if (!ae || !now || markup_is(a, "body") || markup_is(a, "html") ||
		    now->prose * 5 >= root->prose * 4)
			break;
		size_t gain_prose = ae->prose - b->prose, gain_text = ae->text - b->text, kin = 0;
		if ((ae->teasers - b->teasers) * 4 > gain_prose)
			break; /* other stories beside it */
		for (size_t i = 0; i < u->n; i++)
			if (is_prose(&u->v[i]) && contains(a, u->v[i].host) &&
			    !contains(first, u->v[i].host) && same_kind(u->v[i].host, main_host))
				kin += u->v[i].len;
		if (gain_prose > 0 && gain_prose * 2 >= gain_text && kin * 2 >= gain_prose &&
		    link_density(t, a) <= 0.35)
			best = a;
	}
	return best;
}

/* Another block scoring near the best one: not its ancestor or part, not
 * a box of teasers. */
static bool near_top(const struct el *e, const struct el *best)
{
	return e && e->score >= best->score * 0.75 && !(e->prose == 0 && e->teasers > 0) &&
	       !contains(e->node, best->node) && !contains(best->node, e->node);
}

/* The block that holds the article. */
static xmlNode *best_block(const struct tree *t, const struct units *u)
{
	const struct el *top[TOP_N] = { 0 };
	for (size_t i = 0; i < t->n; i++) {
		const struct el *e = &t->v[i];
		if (!e->candidate)
			continue;
		for (int k = 0; k < TOP_N; k++) {
			if (!top[k] || e->score > top[k]->score) {
				memmove(&top[k + 1], &top[k], (size_t)(TOP_N - 1 - k) * sizeof *top);
				top[k] = e;
				break;
			}
		}
	}
	if (!top[0] || top[0]->score <= 0)
		return NULL;
	xmlNode *best = top[0]->node;
	/* Three more blocks near the best one: the article is split among
	 * siblings, and their common ancestor holds it all. */
	int near = 0;
	for (int k = 1; k < TOP_N; k++)
		near += near_top(top[k], top[0]);
	if (near >= 3) {
		for (xmlNode *a = best->parent; a && a->type == XML_ELEMENT_NODE && !markup_is(a, "body");
		     a = a->parent) {
			int inside = 0;
			for (int k = 1; k < TOP_N; k++)
				inside += near_top(top[k], top[0]) && contains(a, top[k]->node);
			if (inside >= 3) {
				best = a;
				break;
			}
		}
	}
	/* Up while the parent scores more (more content lurks beside). */
	const struct el *be = el_of(t, best);
	double last = be && be->candidate ? be->score : top[0]->score;
	for (xmlNode *p = best->parent; p && p->type == XML_ELEMENT_NODE && !markup_is(p, "body");
	     p = p->parent) {
		const struct el *pe = el_of(t, p);
		if (!pe || !pe->candidate)
			continue;
		if (pe->score < last / 3)
			break;
		if (pe->score > last) {
			/* only for more article: not for the teasers beside it */
			const struct el *now = el_of(t, best);
			if (now && pe->teasers - now->teasers <= pe->prose - now->prose)
				best = p;
			break;
		}
		last = pe->score;
	}
	best = gather_parts(t, u, best);
	/* An only child: its parent is the block (its siblings are ours). */
	while (best->parent && best->parent->type == XML_ELEMENT_NODE &&
	       !markup_is(best->parent, "body") && !markup_is(best->parent, "html")) {
		int elements = 0;
		for (xmlNode *c = best->parent->children; c; c = c->next)
			elements += c->type == XML_ELEMENT_NODE ||
			            (c->type == XML_TEXT_NODE && text_chars(c) > 1);
		if (elements != 1)
			break;
		best = best->parent;
	}
	return best;
}

/* A sibling of the best block that belongs with it. */
static bool joins(const struct tree *t, const xmlNode *sib, const xmlNode *best)
{
	const struct el *be = el_of(t, best), *se = el_of(t, sib);
	double best_score = be && be->candidate ? be->score : 0;
	double threshold = best_score * 0.2;
	if (threshold < 10)
		threshold = 10;
	double bonus = 0;
	char *a = markup_attr(sib, "class"), *b = markup_attr(best, "class");
	if (a && b && *a && strcmp(a, b) == 0)
		bonus = best_score * 0.2;
	(*folio_xml.xmlFree)(a);
	(*folio_xml.xmlFree)(b);
	if (se && se->candidate && se->score + bonus >= threshold)
		return true;
	if (!markup_is(sib, "p") || !se)
		return false;
	double ld = link_density(t, sib);
	if (se->text > 80)
		return ld < 0.25;
	if (se->text == 0 || ld > 0)
		return false;
	/* A short paragraph that ends a sentence. */
	char *line = markup_line(sib);
	bool sentence = line && (strstr(line, ". ") || line[strlen(line) - 1] == '.');
	free(line);
	return sentence;
}

/* ---- step 4: cleaning ---- */

static size_t text_len(const xmlNode *node)
{
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
		return text_chars(node);
	size_t n = 0;
	if (node->type == XML_ELEMENT_NODE)
		for (const xmlNode *c = node->children; c; c = c->next)
			n += text_len(c);
	return n;
}

static size_t link_len(const xmlNode *node)
{
	if (markup_is(node, "a"))
		return text_len(node);
	size_t n = 0;
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			n += link_len(c);
	return n;
}

static size_t count_commas(const xmlNode *node)
{
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
		return commas_in(node->content);
	size_t n = 0;
	if (node->type == XML_ELEMENT_NODE)
		for (const xmlNode *c = node->children; c; c = c->next)
			n += count_commas(c);
	return n;
}

static size_t count_tag(const xmlNode *node, const char *tag)
{
	size_t n = 0;
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			n += markup_is(c, tag) + count_tag(c, tag);
	return n;
}

/* A block that only shows the date: <p><time>8 March</time></p>. */
static bool only_time(const xmlNode *node)
{
	bool time = false;
	for (const xmlNode *c = node->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (!markup_is(c, "time") || time)
				return false;
			time = true;
		} else if (c->type == XML_TEXT_NODE && text_chars(c) > 1) {
			return false;
		}
	}
	return time;
}

/* Whether a block inside the body is furniture after all (Readability's
 * conditional cleaning): few commas and many links, images or list items
 * for its text.  Never the block that holds most of the body's
 * article-like text (keep: half of it). */
static bool clutter(const struct tree *t, const xmlNode *c, size_t keep)
{
	int weight = html_class_weight(c);
	const struct el *e = el_of(t, c);
	if (e && keep > 0 && e->prose >= keep)
		return false;
	/* a named one goes unless its prose outweighs the name */
	if (weight < 0 && weight + (e && e->candidate ? e->score : 0) < 0)
		return true;
	if (count_commas(c) >= 10)
		return false;
	bool list = markup_is(c, "ul") || markup_is(c, "ol");
	size_t p = count_tag(c, "p"), img = count_tag(c, "img"), li = count_tag(c, "li");
	size_t len = text_len(c);
	double ld = len ? (double)link_len(c) / (double)len : 0;
	if (img > 1 && (double)p / (double)img < 0.5)
		return true;
	if (!list && li > p + 1 && ld > 0.2)
		return true;
	if ((weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5))
		return true;
	return len < MIN_PARAGRAPH && (img == 0 || img > 2) && !list;
}

/* A table of data, not of layout: rows of short cells, no table inside
 * (Readability leaves those whole). */
static bool data_table(const xmlNode *table)
{
	if (!markup_is(table, "table") || count_tag(table, "table") > 0)
		return false;
	size_t rows = count_tag(table, "tr"), cells = count_tag(table, "td") + count_tag(table, "th");
	return rows >= 2 && cells >= 2 * rows && text_len(table) < 100 * cells;
}

static void clean_body(const struct tree *t, xmlNode *node, size_t keep)
{
	for (xmlNode *c = node->children, *next; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE || data_table(c))
			continue;
		clean_body(t, c, keep);
		bool gone = markup_is(c, "h1") || only_time(c) ||
		            ((markup_is(c, "div") || markup_is(c, "section") || markup_is(c, "ul") ||
		              markup_is(c, "ol") || markup_is(c, "table") || markup_is(c, "form") ||
		              markup_is(c, "aside")) && clutter(t, c, keep));
		if (gone)
			drop(c);
	}
}

/* ---- the passes ---- */

static bool append_body(struct folio_buf *b, const xmlNode *node)
{
	size_t n;
	char *part = markup_render(node, &n);
	if (!part)
		return false;
	if (n > 0 && b->len)
		folio_buf_str(b, "\n\n");
	folio_buf_add(b, part, n);
	free(part);
	return !b->oom;
}

/*
 * One pass over a page (hard furniture gone): units, furniture, scoring,
 * the chosen blocks cleaned and rendered.  Returns 0 with *body malloc'd
 * or NULL (no prose), -1 when out of memory.
 */
static int one_pass(xmlDoc *doc, bool by_name, char **body)
{
	*body = NULL;
	xmlNode *root = folio_xml.xmlDocGetRootElement(doc);
	if (!root)
		return 0;
	struct tree t = { 0 };
	struct units u = { 0 };
	tree_reset(&t, root);
	find_units(&u, &t, root);
	if (!t.oom && !u.oom) {
		add_prose(&t, &u);
		const struct el *r = el_of(&t, root);
		struct prune p = { &t, r ? r->prose : 0, by_name };
		prune_furniture(&p, root);
		tree_reset(&t, root);
		u.n = 0;
		find_units(&u, &t, root);
		add_prose(&t, &u);
	}
	if (t.oom || u.oom) {
		unmark(root);
		free(t.v);
		free(u.v);
		return -1;
	}
	score_units(&t, &u);
	xmlNode *best = best_block(&t, &u);
	free(u.v);
	xmlNode **sel = NULL;
	size_t k = 0;
	bool ok = true;
	if (best) {
		/* Decide the siblings before cleaning changes any of them. */
		xmlNode *parent = best->parent;
		size_t nsel = 0;
		for (xmlNode *s = parent ? parent->children : best; s; s = s->next)
			nsel++;
		sel = calloc(nsel ? nsel : 1, sizeof *sel);
		ok = sel != NULL;
		for (xmlNode *s = parent ? parent->children : best; ok && s; s = s->next)
			if (s->type == XML_ELEMENT_NODE && (s == best || joins(&t, s, best)))
				sel[k++] = s;
	}
	struct folio_buf b = { 0 };
	for (size_t i = 0; ok && i < k; i++) {
		/* Cleaning frees nodes: only live ones are looked up in t. */
		const struct el *se = el_of(&t, sel[i]);
		clean_body(&t, sel[i], se ? se->prose / 2 : 0);
		if (!markup_is(sel[i], "h1"))
			ok = append_body(&b, sel[i]);
	}
	unmark(root);
	free(t.v);
	free(sel);
	if (!ok || !b.len) {
		folio_buf_free(&b);
		return ok ? 0 : -1;
	}
	*body = folio_buf_finish(&b, NULL);
	return 0;
}

int html_main_text(xmlDoc *doc, char **body)
{
	*body = NULL;
	xmlNode *root = folio_xml.xmlDocGetRootElement(doc);
	if (!root)
		return 0;
	prune_hard(root);
	xmlDoc *copy = folio_xml.xmlCopyDoc(doc, 1);
	if (!copy)
		return -1;
	char *named = NULL, *gentle = NULL;
	int rc = one_pass(doc, true, &named);
	if (rc == 0 && (!named || strlen(named) < MIN_BODY)) {
		rc = one_pass(copy, false, &gentle);
		/* Without the names a pass always finds more; it wins only when
		 * the names took away most of the text (the article's own wrapper). */
		if (gentle && (!named || strlen(named) * 2 < strlen(gentle))) {
			free(named);
			named = gentle;
			gentle = NULL;
		}
	}
	folio_xml.xmlFreeDoc(copy);
	free(gentle);
	if (rc != 0) {
		free(named);
		return -1;
	}
	*body = named;
	return 0;
}
