/*
 * extract_lexicon: the word lists extract reads pages with, the small
 * lookups over them, and the character tests they rest on.
 *
 * Furniture, navigation and end markers, the role words and particles of
 * bylines, the words beside a date, month names in four languages, the
 * known outlets with their spellings, and the words that make a paper's
 * name.  They live apart from the pipeline (extract.c) and the line parsers
 * (extract_fields.c) because they are data: they grow a word at a time when
 * a new kind of page turns up, and a reader of the pipeline should not have
 * to scroll past them.  The ASCII matching helpers are here because the
 * lookups need them and every other part of extract uses them too (code
 * points and case are libunistring's, in extract_internal.h).  Matching is ASCII case-insensitive on whole words; outlet aliases
 * and most lists are written in lower case for that reason.
 */
#include "folio/folio.h"

#include "extract_internal.h"


static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* A byte that continues a word: ASCII letters and digits, any non-ASCII. */
static bool word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ex_is_digit(c) ||
	       (unsigned char)c >= 0x80;
}

bool ex_ci_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

/* Does s (len bytes) start with phrase p, ending on a word boundary? */
bool ex_starts_ci(const char *s, size_t len, const char *p)
{
	if (len == 0 || ascii_lower(s[0]) != ascii_lower(p[0]))
		return false; /* the common case, before strlen */
	size_t n = strlen(p);
	if (n > len || !ex_ci_eq(s, p, n))
		return false;
	return n == len || !word_byte(p[n - 1]) || !word_byte(s[n]);
}

/*
 * Where a bracketed aside closing s starts: "... in 1962. [13 Ways ...]",
 * "... a dove. (NAME/University)".  The aside follows a sentence and a
 * space and opens at most `reach` bytes from the end; SIZE_MAX if none.
 */
size_t ex_closing_aside(const char *s, size_t len, size_t reach)
{
	if (len < 8 || (s[len - 1] != ']' && s[len - 1] != ')'))
		return SIZE_MAX;
	char open_mark = s[len - 1] == ']' ? '[' : '(';
	size_t open = len - 1;
	while (open > 0 && s[open] != open_mark && len - open < reach)
		open--;
	if (s[open] != open_mark || open < 2 || s[open - 1] != ' ' || !ex_ends_sentence(s, open - 1))
		return SIZE_MAX;
	return open;
}

bool ex_starts_any_ci(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (ex_starts_ci(s, len, *list))
			return true;
	return false;
}

bool ex_contains_ci(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	char first = ascii_lower(p[0]);
	for (size_t i = 0; i + n <= len; i++)
		if (ascii_lower(s[i]) == first && ex_ci_eq(s + i, p, n) &&
		    (i == 0 || !word_byte(s[i - 1]) || !word_byte(p[0])) &&
		    (i + n == len || !word_byte(s[i + n]) || !word_byte(p[n - 1])))
			return true;
	return false;
}

/*
 * Does lc, text already in ASCII lower case, hold phrase p (lower case) on
 * word boundaries?  memmem does the searching: the pipeline asks this of
 * every line for dozens of phrases.
 */
bool ex_has_phrase(const char *lc, size_t len, const char *p)
{
	size_t n = strlen(p);
	for (const char *q = lc, *end = lc + len; n > 0 && (size_t)(end - q) >= n;) {
		const char *hit = memmem(q, (size_t)(end - q), p, n);
		if (!hit)
			return false;
		size_t i = (size_t)(hit - lc);
		if ((i == 0 || !word_byte(lc[i - 1]) || !word_byte(p[0])) &&
		    (i + n == len || !word_byte(lc[i + n]) || !word_byte(p[n - 1])))
			return true;
		q = hit + 1;
	}
	return false;
}

/*
 * Any of the phrases in one pass over lc: a byte that opens none of them
 * is passed over with one test of a 256-bit table made for the list.
 */
bool ex_has_any(const char *lc, size_t len, const char *const *list)
{
	uint32_t opens[8] = { 0 };
	for (const char *const *p = list; *p; p++)
		opens[(unsigned char)(*p)[0] >> 5] |= 1u << ((unsigned char)(*p)[0] & 31);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)lc[i];
		if (!(opens[c >> 5] & (1u << (c & 31))))
			continue;
		bool start = i == 0 || !word_byte(lc[i - 1]);
		for (const char *const *p = list; *p; p++) {
			if ((*p)[0] != lc[i] || (!start && word_byte((*p)[0])))
				continue;
			size_t n = strlen(*p);
			if (i + n <= len && memcmp(lc + i, *p, n) == 0 &&
			    (i + n == len || !word_byte(lc[i + n]) || !word_byte((*p)[n - 1])))
				return true;
		}
	}
	return false;
}

bool ex_in_list_ci(const char *w, size_t n, const char *const *list)
{
	if (n == 0)
		return false;
	for (; *list; list++)
		if (ascii_lower(w[0]) == (*list)[0] && strlen(*list) == n && ex_ci_eq(w, *list, n))
			return true;
	return false;
}

/* Offset of p (n bytes) in s, or SIZE_MAX. */
size_t ex_find_at(const char *s, size_t len, const char *p, size_t n)
{
	for (size_t i = 0; i + n <= len;) {
		const char *hit = memchr(s + i, p[0], len - n + 1 - i);
		if (!hit)
			break;
		i = (size_t)(hit - s);
		if (memcmp(hit, p, n) == 0)
			return i;
		i++;
	}
	return SIZE_MAX;
}

bool ex_find_bytes(const char *s, size_t len, const char *p, size_t n)
{
	return ex_find_at(s, len, p, n) != SIZE_MAX;
}

/* -------------------------------------------------------------- lexicons -- */

/*
 * Furniture.  Phrases match at the start of a line of up to 12 words;
 * single words only as a line of their own (give or take a count or a
 * colon: "Comments (12)"), so a headline "Print media in decline" is safe.
 */
/* Lines that end the article when enough of it has been seen. */
const char *const ex_end_phrases[] = {
	"back to the top", "back to top", "top of page", "return to top", "e-mail this story",
	"email this story", "e-mail this article", "email this article", "send this story",
	"print this story", "print this article", "printable version", "see also",
	"see related", "related stories", "related articles", "related links", "related content",
	"related coverage", "internet links", "links to more", "more on this story", "more from",
	"most read", "most popular", "most viewed", "most shared", "you may also like",
	"recommended for you", "recommended stories", "leave a comment", "show comments",
	"join the conversation", "sign up for", "subscribe to our newsletter",
	"all rights reserved", "external sites are not", "note: pages will open",
	"the bbc is not responsible", "about us", "contact us", "terms of use", "story highlights",
	"privacy policy", "site map", "lire aussi", "mehr zum thema", "ver también", "関連記事",
	"sponsored stories", "promoted stories", "from our partners", "around the web",
	"trending now", "join the discussion", "filed under", "related topics", NULL
};
/* The print-edition note or correction closing an online copy, of any length. */
const char *const ex_print_notes[] = {
	"a version of this article appears", "a version of this article appeared",
	"a version of this story appears", "a version of this story appeared",
	"this article appeared in print", "this article appears in print",
	"this story appeared in print", "this story appears in print",
	"this article appeared in the print", "this article was published in print",
	"this story appears in the", "this article appears in the", "this story appeared in the",
	"this article appeared in the",
	/* corrections under the story */
	"this article was amended on", "this article was corrected on",
	"this article has been amended", "this article has been corrected",
	"this story has been corrected", "this story was corrected on",
	"editor's note: this story was", "editors' note: this story was",
	"editor\xE2\x80\x99s note: this story was", "editors\xE2\x80\x99 note: this story was",
	/* "This is an expanded version of the review that ran in the Dec. 7 issue" */
	"this is an expanded version of", "this is a longer version of", NULL
};
const char *const ex_end_words[] = {
	"related", "comments", "newsletter", "tags", "topics", "sitemap", "trackback", NULL
};

/* Furniture that is dropped wherever it stands. */
const char *const ex_drop_phrases[] = {
	"share this", "share on", "share:", "tweet this", "follow us", "read more", "read next",
	"continue reading", "story continues below", "article continues below", "click here",
	"watch:", "listen:", "photo:", "image:", "caption:", "video:", "play video",
	"enlarge this image", "cookie policy", "cookie settings", "manage cookies",
	"accept cookies", "accept all", "related:", "see more:", "more:", "also read",
	"font size", "text size", "a a a", "sponsored content", "skip advertisement",
	"next page", "previous page", "continued on page", "continued from page", NULL
};
const char *const ex_drop_words[] = {
	"advertisement", "advertising", "sponsored", "print", "e-mail", "email", "save",
	"share", "reprints", "loading", "anzeige", "publicité", "publicidad", "video", "photo",
	"listen", "close", "next", "previous", "more", "tweet", "facebook", "twitter",
	"linkedin", "whatsapp", "pinterest", "reddit", "recommend", "like", "pin", NULL
};

/* Navigation lines. */
const char *const ex_nav_phrases[] = {
	"skip to", "jump to", "you are in", "you are here", "main menu", "sign in", "log in",
	"go to", "top stories", "latest news", "in depth", "back to", NULL
};
const char *const ex_nav_words[] = {
	"home", "menu", "navigation", "search", "login", "register", "subscribe", "sections",
	"breadcrumb", "index", "archive", "archives", NULL
};

/* Words that end a role or credit before a name, never part of a name. */
const char *const ex_role_words[] = {
	"staff", "writer", "writers", "reporter", "reporters", "correspondent",
	"correspondents", "editor", "editors", "chief", "bureau", "service", "press", "news",
	"online", "desk", "team", "agency", "wire", "times", "post", "associated", "special",
	"contributor", "columnist", "photographer", "analyst", "producer", "senior", "political",
	"foreign", "diplomatic", "reports", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "sept", "redaktion", "rédaction",
	"envoyé", "spécial", "korrespondent", "corresponsal", "redacción", NULL
};

/* A byline's lead standing on a line of its own, the names on the next. */
const char *const ex_byline_leads[] = {
	"by", "by:", "story by", "words by", "words:", "text by", "text:", "written by", "par",
	"von", "por", NULL
};

/* Small words between roles and names: "correspondent in Moscow", "Special to the Post". */
const char *const ex_link_words[] = {
	"the", "our", "and", "by", "with", "in", "for", "from", "at", "of", "to", NULL
};

/* Lower-case words allowed inside a name. */
const char *const ex_name_particles[] = {
	"de", "da", "del", "della", "di", "van", "von", "der", "den", "du", "la", "le",
	"bin", "ibn", "al", "el", "dos", "das", "ter", "y", "st.", NULL
};

/* Credit roles that may follow a name: "Jill Dougherty, Staff Writer". */
static const char *const credit_ends[] = {
	"staff writer", "staff writers", "staff reporter", "foreign service", "correspondent",
	"writer", "reporter", "editor", "bureau chief", "bureau", "staff", "columnist",
	"contributor", "special correspondent", "wire reports", "wire services", NULL
};

bool ex_ends_with_credit(const char *s, size_t len)
{
	while (len > 0 && strchr(" .,", s[len - 1]))
		len--;
	for (const char *const *c = credit_ends; *c; c++) {
		size_t n = strlen(*c);
		if (len >= n && ex_ci_eq(s + len - n, *c, n) && (len == n || s[len - n - 1] == ' '))
			return true;
	}
	return false;
}

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
	{ "Politico", ALIASES("politico", "politico.com") },
	{ "Euronews", ALIASES("euronews") },
	{ "Radio Free Europe", ALIASES("radio free europe", "rfe/rl", "radio free europe/radio liberty") },
	{ "Live Science", ALIASES("live science", "livescience.com") },
	{ "Space.com", ALIASES("space.com") },
	{ "AOL", ALIASES("aol", "aol news", "aol.com") },
	{ "Yahoo News", ALIASES("yahoo news", "yahoo! news", "yahoo") },
	{ "HuffPost", ALIASES("huffpost", "huffington post", "the huffington post", "huffingtonpost.com") },
	{ "BuzzFeed News", ALIASES("buzzfeed news", "buzzfeed") },
	{ "Business Insider", ALIASES("business insider", "businessinsider.com") },
	{ "The Hill", ALIASES("the hill", "thehill.com") },
	{ "Mashable", ALIASES("mashable") },
	{ "TechCrunch", ALIASES("techcrunch") },
	{ "The Verge", ALIASES("the verge") },
	{ "Ars Technica", ALIASES("ars technica") },
	{ "Wired", ALIASES("wired", "wired.com") },
	{ "Slate", ALIASES("slate", "slate.com") },
	{ "Salon", ALIASES("salon.com") },
	{ "Vox", ALIASES("vox.com") },
	{ "The Daily Beast", ALIASES("the daily beast", "daily beast") },
	{ "Mediaite", ALIASES("mediaite") },
	{ "TMZ", ALIASES("tmz", "tmz.com") },
	{ "People", ALIASES("people magazine", "people.com") },
	{ "E! News", ALIASES("e! news", "e! online") },
	{ "Us Weekly", ALIASES("us weekly") },
	{ "Entertainment Weekly", ALIASES("entertainment weekly") },
	{ "Variety", ALIASES("variety.com") },
	{ "The Hollywood Reporter", ALIASES("the hollywood reporter", "hollywood reporter") },
	{ "Deadline", ALIASES("deadline.com", "deadline hollywood") },
	{ "Rolling Stone", ALIASES("rolling stone") },
	{ "CNBC", ALIASES("cnbc", "cnbc.com") },
	{ "MarketWatch", ALIASES("marketwatch") },
	{ "Forbes", ALIASES("forbes", "forbes.com") },
	{ "Fortune", ALIASES("fortune.com") },
	{ "The Atlantic", ALIASES("the atlantic") },
	{ "The New Yorker", ALIASES("the new yorker", "new yorker") },
	{ "New York Post", ALIASES("new york post", "the new york post", "nypost.com") },
	{ "New York Daily News", ALIASES("new york daily news", "nydailynews.com") },
	{ "Newsday", ALIASES("newsday") },
	{ "Chicago Sun-Times", ALIASES("chicago sun-times") },
	{ "Denver Post", ALIASES("denver post", "the denver post") },
	{ "Baltimore Sun", ALIASES("baltimore sun", "the baltimore sun") },
	{ "Orlando Sentinel", ALIASES("orlando sentinel") },
	{ "Tampa Bay Times", ALIASES("tampa bay times") },
	{ "Star Tribune", ALIASES("star tribune", "minneapolis star tribune") },
	{ "Detroit Free Press", ALIASES("detroit free press") },
	{ "The Detroit News", ALIASES("the detroit news", "detroit news") },
	{ "Arizona Republic", ALIASES("arizona republic", "the arizona republic") },
	{ "The Oregonian", ALIASES("the oregonian") },
	{ "Sacramento Bee", ALIASES("sacramento bee", "the sacramento bee") },
	{ "Atlanta Journal-Constitution", ALIASES("atlanta journal-constitution", "the atlanta journal-constitution") },
	{ "Kansas City Star", ALIASES("kansas city star", "the kansas city star") },
	{ "Boston Herald", ALIASES("boston herald") },
	{ "National Post", ALIASES("national post") },
	{ "CTV News", ALIASES("ctv news") },
	{ "Global News", ALIASES("global news") },
	{ "Evening Standard", ALIASES("evening standard", "london evening standard") },
	{ "Daily Mirror", ALIASES("daily mirror") },
	{ "Daily Express", ALIASES("daily express", "express.co.uk") },
	{ "ITV News", ALIASES("itv news") },
	{ "PBS NewsHour", ALIASES("pbs newshour", "pbs") },
	{ "Al Arabiya", ALIASES("al arabiya") },
	{ "China Daily", ALIASES("china daily") },
	{ "Global Times", ALIASES("global times") },
	{ "Yonhap", ALIASES("yonhap", "yonhap news agency") },
	{ "NHK", ALIASES("nhk") },
	{ "National Geographic", ALIASES("national geographic") },
	{ "Scientific American", ALIASES("scientific american") },
	{ "New Scientist", ALIASES("new scientist") },
	{ "Popular Science", ALIASES("popular science") },
	{ "Engadget", ALIASES("engadget") },
	{ "Gizmodo", ALIASES("gizmodo") },
	{ "CNET", ALIASES("cnet", "cnet.com") },
	{ "PCMag", ALIASES("pcmag", "pc magazine", "pcmag.com") },
	{ "ESPN", ALIASES("espn", "espn.com") },
	{ "Sports Illustrated", ALIASES("sports illustrated") },
	{ "Bleacher Report", ALIASES("bleacher report") },
	{ "U.S. News & World Report", ALIASES("u.s. news & world report", "us news & world report") },
	{ "Courthouse News Service", ALIASES("courthouse news service") },
	{ "Medical News Today", ALIASES("medical news today") },
	{ "WebMD", ALIASES("webmd") },
	{ "Raw Story", ALIASES("raw story") },
	{ "Talking Points Memo", ALIASES("talking points memo") },
	{ "Breitbart", ALIASES("breitbart", "breitbart news") },
	{ "The Daily Caller", ALIASES("the daily caller", "daily caller") },
	{ "Washington Examiner", ALIASES("washington examiner") },
	{ "Washington Times", ALIASES("the washington times", "washington times") },
	{ "National Review", ALIASES("national review") },
	{ "Mother Jones", ALIASES("mother jones") },
	{ "ThinkProgress", ALIASES("thinkprogress") },
	{ "Media Matters", ALIASES("media matters", "media matters for america") },
	{ "Newsmax", ALIASES("newsmax") },
	{ "Fox Business", ALIASES("fox business") },
	{ "Gawker", ALIASES("gawker") },
	{ "Page Six", ALIASES("page six") },
	{ "France 24", ALIASES("france 24") },
	{ "Press Association", ALIASES("press association") },
	{ "The Canadian Press", ALIASES("the canadian press", "canadian press") },
	{ "Australian Associated Press", ALIASES("australian associated press", "aap") },
	{ "New Zealand Herald", ALIASES("new zealand herald", "nz herald") },
	{ "The Straits Times", ALIASES("the straits times", "straits times") },
	{ "Hindustan Times", ALIASES("hindustan times") },
	{ "NDTV", ALIASES("ndtv") },
	{ "Arab News", ALIASES("arab news") },
	{ "Gulf News", ALIASES("gulf news") },
	{ "Times of Israel", ALIASES("the times of israel", "times of israel") },
	{ "The Moscow Times", ALIASES("the moscow times", "moscow times") },
	{ "Kyiv Post", ALIASES("kyiv post") },
};
#define N_OUTLETS (sizeof outlets / sizeof outlets[0])

/* The outlet whose alias is exactly s[0..n), or NULL. */
const char *ex_outlet_exact(const char *s, size_t n)
{
	if (n == 0 || n > 48)
		return NULL;
	for (size_t i = 0; i < N_OUTLETS; i++)
		for (const char *const *a = outlets[i].aliases; *a; a++)
			if (ascii_lower(s[0]) == (*a)[0] && strlen(*a) == n && ex_ci_eq(s, *a, n))
				return outlets[i].name;
	return NULL;
}

/*
 * The outlet whose alias starts s as a whole word.  Short one-word aliases
 * ("ap", "bbc") only count in capitals and three letters or more, so "Apple"
 * or a sentence is not an outlet.  *used gets the alias length.
 */
const char *ex_outlet_prefix(const char *s, size_t n, size_t *used)
{
	const char *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < N_OUTLETS; i++)
		for (const char *const *a = outlets[i].aliases; *a; a++) {
			size_t al = strlen(*a);
			if (al <= best_len || !ex_starts_ci(s, n, *a))
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

/* Is the word one that ends a paper's name: "Gazette", "Times", "Courier"? */
bool ex_paper_word(const char *s, size_t len)
{
	return ex_in_list_ci(s, len, paper_words);
}

/*
 * Does the line look like the name of a paper: "The Ledgerport Courier",
 * "Montemar Noticias English Edition"?  Returns the length of the name
 * (without an edition word after it), or 0.
 */
size_t ex_paper_name(const char *s, size_t len)
{
	static const char *const small[] = { "of", "the", "and", "de", "la", "le", "el", "del",
	                                     "der", "die", NULL };
	static const char *const editions[] = { "edition", "english", "online", "digital",
	                                        "international", "weekend", "articles",
	                                        "archive", "archives", NULL };
	static const char *const cjk_papers[] = { "新聞", "新闻", "日報", "日报", "時報", "时报", NULL };
	struct word w[8];
	if (len > 60)
		return 0;
	size_t n = ex_split_words(s, len, w, 8);
	if (n == 0 || n > 6)
		return 0;
	for (const char *const *p = cjk_papers; *p; p++) {
		size_t pl = strlen(*p);
		if (n == 1 && len > pl && len <= 30 && memcmp(s + len - pl, *p, pl) == 0)
			return len;
	}
	/* "Northmoor Gazette -- Archive": an edition after a dash goes too */
	while (n > 2 && (ex_in_list_ci(w[n - 1].s, w[n - 1].len, editions) ||
	                 ex_in_list_ci(w[n - 1].s, w[n - 1].len, ALIASES("-", "--", "|", "\xE2\x80\x94",
	                                                                  "\xE2\x80\x93"))))
		n--;
	/* "By THE ASSOCIATED PRESS" is a byline, not a paper */
	if (n < 2 || ex_in_list_ci(w[0].s, w[0].len, ex_byline_leads))
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t k;
		uint32_t c = ex_cp_at(w[i].s, w[i].len, &k);
		/* "World News", "Other Sports News" are sections, not papers */
		if (ex_in_list_ci(w[i].s, w[i].len, section_words))
			return 0;
		if (!ex_cp_upper(c) && !ex_in_list_ci(w[i].s, w[i].len, small))
			return 0;
		for (size_t j = 0; j < w[i].len; j++)
			if (!word_byte(w[i].s[j]) && w[i].s[j] != '-' && w[i].s[j] != '\'')
				return 0;
	}
	if (!ex_in_list_ci(w[n - 1].s, w[n - 1].len, paper_words))
		return 0;
	return (size_t)(w[n - 1].s + w[n - 1].len - s);
}

/* ---------------------------------------------------------------- words -- */

/* Split on spaces into at most max words; returns the count (capped). */
size_t ex_split_words(const char *s, size_t len, struct word *w, size_t max)
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

/* Narrow s[*start..*end) to leave out the spaces at either end. */
void ex_trim_spaces(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && s[*start] == ' ')
		(*start)++;
	while (*end > *start && s[*end - 1] == ' ')
		(*end)--;
}

/* Does the text end a sentence: ". ! ? …" or 。！？, perhaps inside quotes? */
bool ex_ends_sentence(const char *s, size_t len)
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

/*
 * Is the line in a speaker's or the writer's own voice: a quotation with
 * its speaker ("... ," our source said) or the first or second person
 * ("I'm not sure how to describe it, so take a listen for yourself").
 * Captions describe a picture in the third person, so such a line over a
 * picture credit is the story's, not the picture's.
 */
bool ex_own_voice(const char *s, size_t len)
{
	static const char *const person[] = { "i", "i'm", "i've", "i'll", "i'd", "me", "my",
		"we", "we're", "we've", "our", "you", "you're", "you've", "your", "yourself", NULL };
	static const char *const speech[] = { "said", "says", "told", "added", NULL };
	bool quoted = len > 0 && (s[0] == '"' || ex_starts_ci(s, len, "\xE2\x80\x9C"));
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS);
	for (size_t i = 0; i < n; i++) {
		const char *p = w[i].s;
		size_t k = w[i].len;
		while (k > 0 && strchr(",.;:!?\"()", p[k - 1]))
			k--;
		while (k > 0 && strchr("\"(", p[0]))
			p++, k--;
		char word[16];
		size_t m = 0; /* the word with a curly apostrophe made straight */
		for (size_t j = 0; j < k && m + 1 < sizeof word; j++) {
			if (j + 2 < k && memcmp(p + j, "\xE2\x80\x99", 3) == 0)
				word[m++] = '\'', j += 2;
			else
				word[m++] = p[j];
		}
		if (ex_in_list_ci(word, m, person) || (quoted && ex_in_list_ci(word, m, speech)))
			return true;
	}
	return false;
}

/*
 * How many sentences: ends of sentence followed by a space and a capital
 * or a quotation mark, plus the last one.  "Mr. Smith" and "U.S. troops"
 * count as one; an abbreviation before a capital ("Dr. Ana") counts two,
 * which is near enough for telling a caption from a paragraph.
 */
int ex_sentences(const char *s, size_t len)
{
	int n = 1;
	for (size_t i = 2; i + 2 < len; i++) {
		if (s[i + 1] != ' ' || !strchr(".!?", s[i]))
			continue;
		size_t k;
		uint32_t next = ex_cp_at(s + i + 2, len - i - 2, &k);
		bool abbrev = s[i] == '.' && (s[i - 2] == ' ' || s[i - 2] == '.');
		if (!abbrev && (ex_cp_upper(next) || next == '"' || next == 0x201C))
			n++;
	}
	return n;
}

/*
 * Most words capitalised, small words aside: "Father of Victim Says Justice
 * Will Be Served".  Three such words at least.
 */
bool ex_title_case(const char *s, size_t len)
{
	static const char *const small[] = { "a", "an", "the", "of", "to", "in", "on", "at", "by",
		"for", "and", "or", "but", "with", "from", "as", "is", "vs", "vs.", NULL };
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS), big = 0, caps = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < w[i].len && strchr("\"'(", w[i].s[k]))
			k++;
		if (k == w[i].len || ex_in_list_ci(w[i].s + k, w[i].len - k, small))
			continue;
		big++;
		size_t cl;
		uint32_t c = ex_cp_at(w[i].s + k, w[i].len - k, &cl);
		caps += ex_cp_upper(c) || (c < 0x80 && ex_is_digit((char)c)) || c == 0x2018 || c == 0x201C;
	}
	return big >= 3 && caps * 4 >= big * 3;
}

/* --------------------------------------------------------------- months -- */

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

int ex_month_of(const char *w, size_t n)
{
	while (n > 0 && strchr(".,;", w[n - 1]))
		n--;
	if (n < 3 || n > 11 || ex_is_digit(w[0]))
		return 0;
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (strlen(months[i].name) == n && ex_ci_eq(w, months[i].name, n))
			return months[i].month;
	return 0;
}

/* Words that may stand beside a date in a date line. */
const char *const ex_date_words[] = {
	"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu",
	"thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "lundi", "mardi",
	"mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag",
	"mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes",
	"miércoles", "jueves", "viernes", "sábado", "domingo", "gmt", "utc", "bst", "est",
	"edt", "et", "pt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "cet", "cest", "uk",
	"am", "pm", "a.m", "p.m", "a", "m", "p", "h", "updated", "update", "published", "posted", "last",
	"modified", "on", "at", "date", "dated", "le", "de", "del", "mis", "à", "jour",
	"publié", "actualizado", "publicado", "aktualisiert", "veröffentlicht", "stand",
	"um", "uhr", "time", "filed", "page", "edition", "final", "late", "the", "of", "el", "y", NULL
};
