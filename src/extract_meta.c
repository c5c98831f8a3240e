/*
 * extract_meta: the fields read from the lines around the story: the
 * title, the byline, the date and the source (see step 5 in extract.c's
 * header comment).  The story's span is found first (extract.c); each
 * field is then looked for where pages put it, nearest the story first,
 * and only on evidence: most scraped pages carry no headline, and a guess
 * is worse than none.
 */
#include "folio/folio.h"

#include "extract_internal.h"

/* ---------------------------------------------------------------- title -- */

static bool headline_shaped(const struct unit *u)
{
	if (u->kind == K_NAV || u->kind == K_DROP || u->kind == K_END || is_meta(u->kind) ||
	    u->kind == K_CAPTION || u->kind == K_TRAILER || u->kind == K_TEASER ||
	    u->list != LIST_NONE || u->colon)
		return false;
	/* the headline's own part of a line that also names an outlet or a date */
	const char *s = u->s + u->head_off;
	size_t len = u->head_len;
	if (u->head_len == u->len ? u->cps > 200 : len > 400)
		return false;
	struct word w[MAX_WORDS];
	int words = u->head_len == u->len ? u->words : (int)ex_split_words(s, len, w, MAX_WORDS);
	if (u->cjk > 0 ? (u->cps < 4 || u->cps > 80) : (words < 2 || words > 25))
		return false;
	if (len > 0 && s[len - 1] == '.') {
		/* "... in the U.S." ends in an abbreviation, not a sentence */
		const char *sp = s + len - 1;
		while (sp > s && sp[-1] != ' ')
			sp--;
		size_t wl = (size_t)(s + len - sp);
		if (!(wl >= 4 && memchr(sp, '.', wl - 1)))
			return false;
	}
	if (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x82", 3) == 0)
		return false;
	/* a line cut before what it led to: "CHRISTCHURCH, New Zealand |" */
	size_t end = len;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	if (end > 0 && (strchr("|/-", s[end - 1]) || (end >= 3 && ex_dash_at(s, end, end - 3) == 3)))
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

/*
 * The top of a run of one-line blocks of headline-shaped lines ending at
 * unit a: "Pippa, a gun scare ..." over four highlights and the byline.
 */
static const struct unit *headline_run_top(const struct page *pg, size_t a)
{
	for (; a > 0; a--) {
		const struct unit *up = &pg->u[a - 1];
		/* a section's name or a row of links above ends the run */
		size_t k;
		if (up->group == pg->u[a].group || !headline_shaped(up) || up->words < 5 ||
		    memchr(up->s, '|', up->len) || (a >= 2 && pg->u[a - 2].group == up->group) ||
		    ex_cp_lower(ex_cp_at(up->s, up->len, &k)))
			break;
	}
	return &pg->u[a];
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
			/* a headline leads the block of its byline and date; over a byline, a
			   run of such lines is the headline and its highlights */
			if (!big && (meta > 0 || nc == 1) && headline_shaped(f)) {
				if (meta == 0 && b < pg->n && is_meta(pg->u[b].kind))
					return headline_run_top(pg, a);
				return f;
			}
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

/* Does a word start with a letter, a digit or a quotation mark (not '>', '*', '|')? */
static bool wordlike(uint32_t c)
{
	return ex_cp_upper(c) || ex_cp_lower(c) || (c < 0x80 && ex_is_digit((char)c)) ||
	       c == '"' || c == '\'' || c > 0x2000;
}

/*
 * A line read on its own as a headline: it starts as a word does, has at
 * least `least` words ("TEHRAN |" has one), is not all in capitals (a
 * section or a label, more often than not), and is in title case or 14
 * words at most.
 */
static bool reads_as_headline(const struct unit *t, size_t least)
{
	const char *h = t->s + t->head_off;
	struct word w[4];
	size_t n, words = 0, nw = ex_split_words(h, t->head_len, w, 4);
	if (!wordlike(ex_cp_at(h, t->head_len, &n)))
		return false;
	for (size_t i = 0; i < nw; i++)
		words += wordlike(ex_cp_at(w[i].s, w[i].len, &n));
	bool lower = false;
	for (size_t i = 0; i < t->head_len && !lower; i += n)
		lower = ex_cp_lower(ex_cp_at(h + i, t->head_len - i, &n));
	return words >= least && lower && (ex_title_case(h, t->head_len) || t->words <= 14);
}

/*
 * Most scraped pages carry no headline, and a guess is worse than none: a
 * headline-shaped line is the title only on evidence.  It was written as a
 * page title (an outlet or a date stamp cut from it), it sits under a date
 * line or over the byline or date, or it is the page's first line of text
 * (a section's name aside), right over the story or its standfirst, and
 * reads as a headline.
 */
static bool title_evidence(const struct page *pg, const struct unit *t, const struct story *st)
{
	size_t at = (size_t)(t - pg->u);
	if (t->head_off > 0 || t->head_len < t->len)
		return true;
	if (at > 0 && pg->u[at - 1].kind == K_DATE)
		return true;
	for (size_t k = at + 1; k < st->bs; k++)
		if (is_meta(pg->u[k].kind))
			return true;
	/* above it, nothing of the story: at most a section's name ("News in brief") */
	size_t sections = 0;
	for (size_t k = 0; k < at; k++) {
		const struct unit *u = &pg->u[k];
		if (u->kind == K_HEADING && u->words <= 4 && sections++ == 0)
			continue;
		if (content_kind(u->kind) || u->kind == K_LIST)
			return false;
	}
	/* below it, the story: captions or furniture between, and at most a
	   standfirst that reads as a sentence ("Diplomacy: The Russian president
	   says ..."), but no other headline-shaped line */
	size_t decks = 0;
	for (size_t k = at + 1; k < st->bs; k++) {
		const struct unit *u = &pg->u[k];
		if (u->kind == K_PROSE && u->sentence && decks++ == 0)
			continue;
		if (content_kind(u->kind) || u->kind == K_LIST)
			return false;
	}
	/* two words will do over a dateline: "Mayor resigns" */
	return reads_as_headline(t, st->dateline && at + 1 == st->bs ? 2 : 3);
}

/* --------------------------------------------------------------- source -- */

/* A known outlet at the start of a line that is not a sentence. */
static const char *outlet_line(const struct unit *u)
{
	/* a photo credit or a contributor names someone else */
	if (u->sentence || u->words > 25 || u->kind == K_PROSE || u->kind == K_CAPTION ||
	    u->kind == K_TRAILER || u->kind == K_TEASER)
		return NULL;
	size_t used, i = 0;
	while (i < u->len && (u->s[i] == '-' || u->s[i] == ' ' || ex_dash_at(u->s, u->len, i)))
		i += ex_dash_at(u->s, u->len, i) ? ex_dash_at(u->s, u->len, i) : 1;
	return ex_outlet_prefix(u->s + i, u->len - i, &used);
}

/*
 * An outlet named in a credit or byline line outside the story:
 * "Washington Post Foreign Service", "Ana Ruiz, CNN Staff Writer", "Scott
 * Peter | Staff writer of The Christian Science Monitor", "By Ana Ruiz of
 * the Harbor City Times"; with one_word, "Ana Ruiz, Gazette Staff".
 */
static const char *credited_outlet(const struct page *pg, size_t top, size_t bottom, size_t bs,
                                   size_t be, bool one_word, char *buf, size_t cap)
{
	const char *r;
	for (size_t i = top; i < bottom; i++) {
		const struct unit *u = &pg->u[i];
		if ((u->kind != K_CREDIT && u->kind != K_BYLINE) || (i >= bs && i <= be))
			continue;
		const char *s = u->s;
		size_t len = u->len;
		if (u->kind == K_BYLINE && ex_starts_ci(s, len, "by "))
			s += 3, len -= 3;
		for (size_t k = 0; !one_word && k < len; k++)
			if ((k == 0 || s[k - 1] == ' ') && (r = ex_outlet_prefix(s + k, len - k, NULL)))
				return r;
		if ((r = ex_byline_outlet(s, len, one_word, buf, cap)))
			return r;
	}
	return NULL;
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
		    (r = ex_headline_outlet(u->s, u->len, &ho, &hl, buf, cap)))
			return r;
		if (u == title)
			continue;
		if (u->kind == K_BANNER) {
			r = ex_outlet_exact(u->s, u->len);
			if (r)
				return r;
			size_t nl = ex_paper_name(u->s, u->len);
			if (nl > 0 && ex_copy_name(u->s, nl, buf, cap))
				return buf;
		}
		if (u->kind != K_BYLINE && u->kind != K_CREDIT && (r = outlet_line(u)))
			return r;
		/* "The Northmoor Gazette | News | Council" */
		if (u->kind == K_NAV) {
			size_t e = 0;
			while (e + 2 < u->len && !(u->s[e] == ' ' && strchr("|>", u->s[e + 1])))
				e++;
			if (e + 2 < u->len && ex_paper_name(u->s, e) && ex_copy_name(u->s, e, buf, cap))
				return buf;
		}
	}
	/* a copyright line anywhere */
	for (size_t i = 0; i < pg->n; i++)
		if (pg->u[i].kind == K_COPYRIGHT &&
		    (r = ex_copyright_owner(pg->u[i].s, pg->u[i].len, false, buf, cap)))
			return r;
	/* a credit line: "Washington Post Foreign Service" */
	if ((r = credited_outlet(pg, top, bottom, bs, be, false, buf, cap)))
		return r;
	/* the wire credit of the dateline */
	if (credit && credit[0]) {
		r = ex_outlet_exact(credit, strlen(credit));
		if (r)
			return r;
		if (ex_paper_name(credit, strlen(credit)) && strlen(credit) < cap) {
			strcpy(buf, credit);
			return buf;
		}
	}
	/* an outlet line below the body */
	for (size_t i = be + 1; i < bottom; i++) {
		const struct unit *u = &pg->u[i];
		size_t nl;
		if (u->kind == K_BANNER && (r = ex_outlet_exact(u->s, u->len)))
			return r;
		if (u->kind == K_BANNER && (nl = ex_paper_name(u->s, u->len)) > 0 &&
		    ex_copy_name(u->s, nl, buf, cap))
			return buf;
		if ((r = outlet_line(u)))
			return r;
	}
	/* a wire not named like one: "PORT ELLIS (Tidewire) --" */
	if (credit && ex_credit_name(credit, strlen(credit)) && strlen(credit) < cap) {
		strcpy(buf, credit);
		return buf;
	}
	/* one paper word in a credit: "Ana Ruiz, Gazette Staff" */
	if ((r = credited_outlet(pg, top, bottom, bs, be, true, buf, cap)))
		return r;
	/* the page naming itself in its furniture or trailers */
	for (size_t i = 0; i < pg->n; i++)
		if ((r = ex_self_reference(pg->u[i].s, pg->u[i].lc, pg->u[i].len,
		                           content_kind(pg->u[i].kind), buf, cap)))
			return r;
	/* last, any copyright owner: "© 2004 Brightwater Media" */
	for (size_t i = 0; i < pg->n; i++)
		if (pg->u[i].kind == K_COPYRIGHT &&
		    (r = ex_copyright_owner(pg->u[i].s, pg->u[i].len, true, buf, cap)))
			return r;
	return NULL;
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
		if (want == K_DATE && (ex_starts_ci(u->s, u->len, "updated") ||
		                       ex_starts_ci(u->s, u->len, "last updated") ||
		                       ex_starts_ci(u->s, u->len, "last modified"))) {
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
		if (want == K_DATE && !(ex_starts_ci(u->s, u->len, "published") ||
		                        ex_starts_ci(u->s, u->len, "posted") ||
		                        ex_starts_ci(u->s, u->len, "updated") ||
		                        ex_starts_ci(u->s, u->len, "date")))
			continue;
		return u;
	}
	return NULL;
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
		    up->group == u->group && content_kind(up->kind) && ex_names_only_line(up->s, up->len, out))
			return up;
	}
	return NULL;
}

/* ---------------------------------------------------------------- public -- */

/* "A, B and C" into buf (the fields' fixed byline); false when it does not fit. */
static bool join_names(const struct names *nm, char *buf, size_t cap)
{
	size_t o = 0;
	for (int i = 0; i < nm->n; i++) {
		const char *sep = folio_list_sep((size_t)i, (size_t)nm->n);
		size_t sl = strlen(sep), nl = strlen(nm->v[i]);
		if (o + sl + nl + 1 > cap)
			return false;
		memcpy(buf + o, sep, sl);
		memcpy(buf + o + sl, nm->v[i], nl);
		o += sl + nl;
	}
	buf[o] = '\0';
	return true;
}

void ex_find_header(const struct page *pg, struct story *st)
{
	char by_date[11];
	const struct unit *by = find_meta(pg, st->bs, st->be, K_BYLINE, false), *name_line = NULL;
	st->names.n = 0;
	if (by)
		ex_byline_names(by->s, by->len, &st->names, by_date);
	else
		name_line = name_over_meta(pg, st->bs, &st->names);
	st->title = find_title(pg, st->bs, name_line);
	if (st->title && !title_evidence(pg, st->title, st))
		st->title = NULL;
}

void ex_find_fields(const struct page *pg, const struct story *st, struct ex_fields *f)
{
	memset(f, 0, sizeof *f);
	if (st->title) {
		f->title = st->title->s + st->title->head_off;
		f->title_len = st->title->head_len;
	}
	if (st->dateline && st->place[0])
		f->dateline = st->place;
	if (st->names.n > 0 && join_names(&st->names, f->byline, sizeof f->byline))
		f->has_byline = true;
	const struct unit *dl = find_meta(pg, st->bs, st->be, K_DATE, true);
	if (!dl)
		dl = find_meta(pg, st->bs, st->be, K_BYLINE, true);
	if (!dl && st->title && st->title->date[0])
		dl = st->title; /* "Headline Posted: June 27, 2012" */
	for (size_t i = 0; !dl && i < pg->n; i++)
		if (pg->u[i].kind == K_END && pg->u[i].date[0])
			dl = &pg->u[i]; /* "This story appears in the May 2, 2017 issue" */
	if (dl)
		f->date = dl->date;
	f->source = find_source(pg, st->bs, st->be, st->title, st->dateline ? st->credit : NULL,
	                        f->source_buf, sizeof f->source_buf);
}
