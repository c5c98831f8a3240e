/*
 * markup_fields.c: the article fields that pages and feeds state in
 * metadata, cleaned into what a reader should see.
 *
 * Metadata is written for machines and by CMS defaults, so its strings
 * need the same care as page text: an og:site_name may be a URL, a
 * handle, a section word ("World"), a bare domain word ("usatoday") or a
 * name with its tagline after "|"; an author field may carry a date, a
 * handle or a login.  Names, dates and outlets go through extract's own
 * parsers and its table of outlets (one parser each for plain pages and
 * markup), after the markup-only forms (URLs, handles, hosting labels)
 * are dealt with here.
 */
#include "folio/folio.h"

#include "markup.h"

#include <ctype.h>
#include <strings.h>

#include "extract_internal.h"

/* Section and page words a site puts where its name belongs. */
static const char *const section_words[] = {
	"news", "world", "u.s.", "us", "uk", "politics", "sports", "sport", "business",
	"tech", "technology", "opinion", "entertainment", "health", "science", "home",
	"homepage", "local", "lifestyle", "culture", "travel", "video", "videos", "blog",
	"blogs", "latest", "top stories", "breaking news", "front page", "world news",
	"us news", "u.s. news", "local news", "article", "articles", "story", "stories",
	"index", "main", "default", "untitled", "actualités", "actualites", "accueil", "infos",
	"noticias", "portada", "inicio", "nachrichten", "startseite", "notizie", "notícias",
	NULL
};
/* Platforms that host other people's sites: never the outlet. */
static const char *const hosting_labels[] = {
	"blogger", "blogspot", "wordpress", "wordpress.com", "tumblr", "substack",
	"squarespace", "wix", "ghost", "typepad", "livejournal", NULL
};
/* Where a tagline or a section starts after a site's name. */
static const char *const tagline_seps[] = {
	" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " :: ",
	": ", " powered by ", NULL
};

static bool in_list_ci(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(s, *list) == 0)
			return true;
	return false;
}

/* The host of a URL ("https://www.tmz.com/x" -> "tmz.com"), into buf. */
static bool url_host(const char *url, char *buf, size_t cap)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	size_t n = strcspn(p, "/:?#");
	if (n == 0 || n >= cap)
		return false;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)p[i]);
	buf[n] = '\0';
	return strchr(buf, '.') != NULL;
}

/* A well-known outlet by host: "edition.cnn.com" and "cnn.com" both CNN. */
static const char *outlet_of_host(const char *host)
{
	for (const char *h = host; h; h = strchr(h, '.') ? strchr(h, '.') + 1 : NULL) {
		if (!strchr(h, '.'))
			break;
		const char *name = ex_outlet_exact(h, strlen(h));
		if (name)
			return name;
	}
	return NULL;
}

char *markup_outlet_of_url(const char *url)
{
	char host[256];
	if (!url || !url_host(url, host, sizeof host))
		return NULL;
	const char *name = outlet_of_host(host);
	return name ? strdup(name) : NULL;
}

/* A site name made from its domain: "tmz" -> "TMZ", "topicseed" -> "Topicseed". */
static char *name_from_word(const char *w, size_t n)
{
	char *s = strndup(w, n);
	if (!s)
		return NULL;
	if (n <= 3) {
		for (char *p = s; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	} else {
		s[0] = (char)toupper((unsigned char)s[0]);
	}
	return s;
}

/* "Salon.com", "usatoday.com": one word and a common top-level domain (not
 * "S.Paulo"). */
static bool domain_name(const char *s, size_t *dot)
{
	static const char *const tlds[] = {
		"com", "net", "org", "info", "biz", "io", "tv", "co", "us", "uk", "ie", "fr", "de",
		"at", "ch", "it", "es", "pt", "nl", "be", "se", "no", "dk", "fi", "pl", "cz", "ru",
		"ca", "au", "nz", "jp", "cn", "in", "br", "ar", "mx", NULL
	};
	if (strchr(s, ' ') || strchr(s, '/'))
		return false;
	const char *last = strrchr(s, '.');
	if (!last || last == s)
		return false;
	for (const char *const *t = tlds; *t; t++)
		if (strcasecmp(last + 1, *t) == 0) {
			*dot = strcspn(s, ".");
			return true;
		}
	return false;
}

static bool all_lower_ascii(const char *s)
{
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-')
			return false;
	return true;
}

/* "Spiceworks Inc", "Wikimedia Foundation, Inc.": the company's form left off. */
static void strip_company(char *s)
{
	static const char *const forms[] = { ", Inc.", ", Inc", " Inc.", " Inc", ", LLC", " LLC",
	                                     " Ltd.", " Ltd", " GmbH", " S.A.", " plc", NULL };
	size_t n = strlen(s);
	for (const char *const *f = forms; *f; f++) {
		size_t k = strlen(*f);
		if (n > k + 2 && strcmp(s + n - k, *f) == 0) {
			s[n - k] = '\0';
			return;
		}
	}
}

/* The canonical name when the table knows it, else a copy of s. */
static char *canonical(const char *s)
{
	const char *known = ex_outlet_exact(s, strlen(s));
	char with_com[64];
	if (!known && all_lower_ascii(s) && strlen(s) + 5 < sizeof with_com) {
		snprintf(with_com, sizeof with_com, "%s.com", s);
		known = ex_outlet_exact(with_com, strlen(with_com));
	}
	return strdup(known ? known : s);
}

char *markup_outlet(const char *raw)
{
	char *line = markup_clean_line(raw);
	if (!line)
		return NULL;
	char *out = NULL;
	char host[256];
	size_t dot;
	if ((strstr(line, "://") || strncasecmp(line, "www.", 4) == 0) &&
	    url_host(line, host, sizeof host)) {
		/* a URL: the outlet the host names */
		const char *known = outlet_of_host(host);
		const char *label = host;
		if (!known && strchr(host, '.') && strchr(host, '.') == strrchr(host, '.'))
			out = name_from_word(label, strcspn(label, "."));
		else if (known)
			out = strdup(known);
		free(line);
		return out;
	}
	if (line[0] == '@') { /* a handle: only when the table knows it */
		const char *known = ex_outlet_exact(line + 1, strlen(line + 1));
		char with_com[64];
		if (!known && strlen(line) + 4 < sizeof with_com) {
			snprintf(with_com, sizeof with_com, "%s.com", line + 1);
			known = ex_outlet_exact(with_com, strlen(with_com));
		}
		free(line);
		return known ? strdup(known) : NULL;
	}
	/* the name before a tagline: "The Guardian | News, sport and comment" */
	if (!ex_outlet_exact(line, strlen(line)))
		for (const char *const *sep = tagline_seps; *sep; sep++) {
			char *hit = strstr(line, *sep);
			if (hit && hit > line)
				*hit = '\0';
		}
	strip_company(line);
	if (in_list_ci(line, section_words) || in_list_ci(line, hosting_labels)) {
		free(line);
		return NULL;
	}
	/* "Le Monde.fr": a name with its domain's ending */
	char *last_space = strrchr(line, ' ');
	if (last_space && domain_name(last_space + 1, &dot) && !strchr(last_space + 1 + dot + 1, '.'))
		last_space[1 + dot] = '\0';
	if (domain_name(line, &dot) && !ex_outlet_exact(line, strlen(line))) {
		/* "Salon.com" -> "Salon", "usatoday.com" -> "USA Today" */
		char *lower = strdup(line);
		if (lower) {
			for (char *p = lower; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			const char *known = outlet_of_host(lower);
			free(lower);
			if (known) {
				free(line);
				return strdup(known);
			}
		}
		line[dot] = '\0';
		if (in_list_ci(line, hosting_labels)) {
			free(line);
			return NULL;
		}
	}
	out = canonical(line);
	if (out && all_lower_ascii(out) && !strchr(out, ' ')) { /* "topicseed" */
		char *named = name_from_word(out, strlen(out));
		free(out);
		out = named;
	}
	free(line);
	return out;
}

/* ---- bylines ---- */

static const char *const byline_cuts[] = {
	" | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " \xE2\x80\xA2 ", " \xC2\xB7 ",
	" Edited by ", " edited by ", " Updated ", " updated ", " Published ", " published ",
	" Posted ", " posted ", " on ", NULL
};
/* What a byline field holds when it names nobody. */
static const char *const not_names[] = {
	"admin", "administrator", "staff", "editor", "editors", "guest", "anonymous",
	"unknown", "author", "webmaster", "redaktion", "redacción", "rédaction", "fail",
	"follow", "follow author", NULL
};

/* Words that make a byline a desk, not a person: "Our Foreign Staff". */
static const char *const collective_words[] = {
	"staff", "reporters", "correspondents", "desk", "team", "bureau", "agencies",
	"wires", "editorial", "newsroom", "contributors", "redaktion", NULL
};

/* A form's labels: words that mark one ("Nom (obligatoire)"), and whole
 * labels ("Your Name"). */
static const char *const label_words[] = {
	"required", "obligatoire", "obligatorio", "obrigatório", "erforderlich", "pflichtfeld",
	"email", "e-mail", "website", "*", NULL
};
static const char *const labels[] = {
	"name", "your name", "nom", "votre nom", "nombre", "tu nombre", "nome", "ihr name", NULL
};

static bool any_word_in(const char *s, const char *const *list)
{
	for (const char *p = s; *p;) {
		p += strspn(p, " ()[]:,");
		size_t n = strcspn(p, " ()[]:,");
		for (const char *const *w = list; n && *w; w++)
			if (strlen(*w) == n && strncasecmp(p, *w, n) == 0)
				return true;
		p += n;
	}
	return false;
}

/* A desk or a form's label, not a person. */
static bool collective(const char *s)
{
	return any_word_in(s, collective_words) || any_word_in(s, label_words) ||
	       in_list_ci(s, labels);
}

static bool has_digit(const char *s)
{
	for (; *s; s++)
		if (isdigit((unsigned char)*s))
			return true;
	return false;
}

/* Remove "@handle" words and "(...)" holding a URL, a handle or a note. */
static void strip_handles(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		if (*r == '@' && (r == s || r[-1] == ' ')) {
			while (*r && *r != ' ')
				r++;
			continue;
		}
		if (*r == '(') {
			char *close = strchr(r, ')');
			if (close) {
				char saved = close[1];
				close[1] = '\0';
				bool note = strstr(r, "://") || strchr(r, '@') || strstr(r, "www.");
				close[1] = saved;
				if (note) {
					r = close + 1;
					continue;
				}
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* Cut the byline where a date starts ("Dan Goodin Apr 16, 2015"), or at
 * digits glued to a name ("Lucas Nolan22 Dec 2016"): names have none. */
static void cut_date(char *s, char date[11])
{
	for (char *p = s; *p; p++) {
		if (p > s && p[-1] != ' ' && !isdigit((unsigned char)*p))
			continue;
		char d[11];
		size_t w = strcspn(p, " ,.");
		/* a date starts with a number, a month or a weekday, never a name
		 * in capitals (which the date parser reads as a time zone) */
		bool starts = isdigit((unsigned char)*p) || ex_month_of(p, w) > 0 ||
		              (w > 2 && ex_in_list_ci(p, w, ex_date_words));
		if (starts && ex_date_line(p, strlen(p), d)) {
			memcpy(date, d, sizeof d);
			*p = '\0';
			break;
		}
		if (isdigit((unsigned char)*p)) {
			*p = '\0';
			break;
		}
	}
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '-'))
		s[--n] = '\0';
}

static char *join_names(const struct names *nm)
{
	struct folio_buf b = { 0 };
	for (int i = 0; i < nm->n; i++)
		folio_buf_list(&b, (size_t)i, (size_t)nm->n, nm->v[i]);
	return folio_buf_finish(&b, NULL);
}

/* A name as a page's metadata states it: a few words, no digits, not a
 * login ("jsmith"), not an outlet or a wire ("AFP"). */
static bool plausible_name(const char *s)
{
	size_t words = 1, letters = 0, len = strlen(s);
	bool lower_only = true; /* letters, and every one lower case ("jsmith") */
	for (size_t i = 0, n; i < len; i += n) {
		uint32_t c = ex_cp_at(s + i, len - i, &n);
		words += c == ' ';
		if (c < 0x80 ? isalpha((int)c) : uc_is_alpha(c)) {
			letters++;
			/* a capital, or a script without case (a name in Chinese) */
			lower_only = lower_only && ex_cp_lower(c);
		}
	}
	bool other_script = (unsigned char)s[0] >= 0x80;
	/* one word is a login, a section or a brand, unless the script writes
	 * names without spaces */
	return letters >= 2 && words <= 6 && (words >= 2 || other_script) && !lower_only &&
	       !has_digit(s) && !collective(s) &&
	       !strstr(s, "://") && !strchr(s, '@') && !in_list_ci(s, not_names) &&
	       !ex_outlet_exact(s, strlen(s));
}

char *markup_byline(const char *raw, bool trusted, char date[11])
{
	char *s = markup_clean_line(raw);
	if (!s)
		return NULL;
	strip_handles(s);
	/* the part with the name: up to a separator, or the part after "By" */
	for (const char *const *c = byline_cuts; *c; c++) {
		char *hit = strstr(s, *c);
		if (hit && hit > s)
			*hit = '\0';
	}
	cut_date(s, date);
	char *lead = s;
	static const char *const leads[] = { "by ", "par ", "von ", "por ", "written by ",
	                                     "posted by ", "words by ", "story by ", NULL };
	for (const char *const *l = leads; *l; l++)
		if (strncasecmp(lead, *l, strlen(*l)) == 0) {
			lead += strlen(*l);
			break;
		}
	char *out = NULL;
	if (*lead) {
		/* extract's byline parser, with the lead it expects */
		size_t n = strlen(lead);
		struct folio_buf by_lead = { 0 };
		folio_buf_printf(&by_lead, "By %s", lead);
		char *by = folio_buf_finish(&by_lead, NULL);
		struct names nm = { .n = 0 };
		char d[11] = "";
		if (by) {
			if ((ex_byline_names(by, n + 3, &nm, d) || ex_names_only_line(lead, n, &nm)) &&
			    !collective(lead))
				out = join_names(&nm);
			free(by);
		}
		if (!out && plausible_name(lead) && (trusted || lead != s))
			out = strdup(lead);
	}
	free(s);
	return out;
}

/* ---- dates ---- */

bool markup_url_date(const char *url, char date[11])
{
	if (!url)
		return false;
	for (const char *p = strstr(url, "://") ? strstr(url, "://") + 3 : url; *p; p++) {
		if (*p != '/')
			continue;
		int y, m, d, n = 0;
		if ((sscanf(p, "/%4d/%2d/%2d/%n", &y, &m, &d, &n) == 3 && n == 12) ||
		    (sscanf(p, "/%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 11)) {
			char iso[16];
			snprintf(iso, sizeof iso, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
			char *ok = markup_iso_date(iso);
			if (ok) {
				memcpy(date, ok, 11);
				free(ok);
				return true;
			}
		}
	}
	return false;
}

char *markup_date(const char *s)
{
	if (!s)
		return NULL;
	char *iso = markup_iso_date(s);
	if (iso)
		return iso;
	char d[11];
	if (ex_date_line(s, strlen(s), d))
		return strdup(d);
	return markup_rfc822_date(s);
}
