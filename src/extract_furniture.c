/*
 * extract_furniture: the lines a page puts inside an article that are not
 * the article: photo captions and credits, embedded posts, video and
 * gallery text, newsletter, app and share prompts, section rules, and the
 * trailers glued to a story's end ("... contributed to this report").
 *
 * Each is told by its own wording, on one line, without looking at its
 * neighbours, so that the pipeline can drop it where it stands and keep
 * the story on both sides of it.  The wording is the trade's, not one
 * outlet's: agency photo credits, "FILE -" captions, the weekday and full
 * date that only captions carry, "(@handle) Month D, YYYY" under an
 * embedded post.  A line is furniture only on that positive evidence;
 * losing a sentence of the story is worse than keeping a caption.
 */
#include "folio/folio.h"

#include "extract_internal.h"

/* ------------------------------------------------------------- helpers -- */

/* Does s start with p, byte for byte (case matters: "CLOSE ", "FILE -")? */
static bool starts_exact(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s, p, n) == 0;
}

/* The last word of s[0..len), trailing punctuation and brackets left out. */
static struct word last_word(const char *s, size_t len)
{
	while (len > 0 && strchr(" .,;:)]", s[len - 1]))
		len--;
	size_t st = len;
	while (st > 0 && s[st - 1] != ' ')
		st--;
	return (struct word){ s + st, len - st };
}

/* ------------------------------------------------------------- phrases -- */

/*
 * The phrases that mark a line wherever they stand in it, in one table so
 * that a line is read once for all of them (every line of every page is).
 */
enum sign {
	SIGN_CAPTION = 1,  /* words only a caption uses: "file photo", "(2nd L)" */
	SIGN_PROMPT = 2,   /* a prompt of the page: "(opens in new window)", "in your inbox" */
	SIGN_BLURB = 4,    /* a prompt only beside another sign: "newsletter", "unsubscribe" */
	SIGN_TRAILER = 8,  /* "contributed to this report" */
	SIGN_EMBED = 16,   /* "view this post on" */
	SIGN_CALL = 32     /* a call to readers, with an address: "send", "submit" */
};

static const struct phrase {
	const char *text; /* lower case */
	unsigned char sign;
} phrases[] = {
	{ "file photo", SIGN_CAPTION }, { "handout photo", SIGN_CAPTION },
	{ "in this photo", SIGN_CAPTION }, { "in this image", SIGN_CAPTION },
	{ "in this picture", SIGN_CAPTION }, { "seen in this", SIGN_CAPTION },
	{ "shown in this", SIGN_CAPTION }, { "(left)", SIGN_CAPTION }, { "(right)", SIGN_CAPTION },
	{ "(center)", SIGN_CAPTION }, { "(centre)", SIGN_CAPTION }, { "(l-r)", SIGN_CAPTION },
	{ "(2nd l)", SIGN_CAPTION }, { "(2nd r)", SIGN_CAPTION }, { "(3rd l)", SIGN_CAPTION },
	{ "(3rd r)", SIGN_CAPTION }, { "from left:", SIGN_CAPTION }, { "left to right:", SIGN_CAPTION },
	{ "poses for a photo", SIGN_CAPTION }, { "pose for a photo", SIGN_CAPTION },

	{ "(opens in new window)", SIGN_PROMPT }, { "in your inbox", SIGN_PROMPT },
	{ "email sign up", SIGN_PROMPT }, { "by signing up", SIGN_PROMPT },
	{ "sign up for our", SIGN_PROMPT }, { "digital access", SIGN_PROMPT },
	{ "free trial", SIGN_PROMPT }, { "share it in the comments", SIGN_PROMPT },
	{ "tips@", SIGN_PROMPT }, { "sign up today", SIGN_PROMPT }, { "subscribe now", SIGN_PROMPT },
	{ "for more on this story", SIGN_PROMPT }, { "download our app", SIGN_PROMPT },
	{ "follow us on", SIGN_PROMPT }, { "check back", SIGN_PROMPT },
	{ "download the app", SIGN_PROMPT }, { "get our app", SIGN_PROMPT },
	{ "download our free", SIGN_PROMPT }, { "get breaking news", SIGN_PROMPT },
	{ "as an interest to stay up to date", SIGN_PROMPT },
	{ "share or comment on this article", SIGN_PROMPT },
	{ "will open in a new window", SIGN_PROMPT }, { "recommended by outbrain", SIGN_PROMPT },
	{ "our standards:", SIGN_PROMPT }, { "trust principles", SIGN_PROMPT },
	{ "you're not a robot", SIGN_PROMPT }, { "invalid email address", SIGN_PROMPT },
	{ "video is no longer available", SIGN_PROMPT }, { "video is not available", SIGN_PROMPT },
	{ "video is unavailable", SIGN_PROMPT }, { "video has been removed", SIGN_PROMPT },
	{ "your browser does not support", SIGN_PROMPT }, { "click here", SIGN_PROMPT },

	{ "newsletter", SIGN_BLURB }, { "newsletters", SIGN_BLURB }, { "unsubscribe", SIGN_BLURB },
	{ "subscribe", SIGN_BLURB }, { "inbox", SIGN_BLURB },

	{ "contributed to this report", SIGN_TRAILER }, { "contributed to this article", SIGN_TRAILER },
	{ "contributed to this story", SIGN_TRAILER }, { "contributed reporting", SIGN_TRAILER },
	{ "contributed to this coverage", SIGN_TRAILER },
	{ "the views expressed in this", SIGN_TRAILER },
	{ "may not be published, broadcast", SIGN_TRAILER },

	{ "view this post on", SIGN_EMBED },

	{ "send", SIGN_CALL }, { "submit", SIGN_CALL }, { "share it", SIGN_CALL },
	{ "email us", SIGN_CALL }, { "e-mail us", SIGN_CALL },
};
#define N_PHRASES (sizeof phrases / sizeof phrases[0])

/*
 * How furniture lines begin, in one table read once per line: captions
 * ("In this photo", "PHOTOS: ..."), prompts of the page (newsletters, apps,
 * sharing, video players), short teaser and player lines ("Related: ...",
 * "Loading ..."), and trailers ("(Reporting by", "Contributing:").
 */
enum lead_kind { LEAD_CAPTION = 1, LEAD_PROMPT = 2, LEAD_SHORT = 4, LEAD_TRAILER = 8 };

static const struct phrase leads[] = {
	{ "in this photo", LEAD_CAPTION }, { "in this image", LEAD_CAPTION },
	{ "in this file photo", LEAD_CAPTION }, { "in this handout photo", LEAD_CAPTION },
	{ "in this undated photo", LEAD_CAPTION }, { "this photo", LEAD_CAPTION },
	{ "this image", LEAD_CAPTION }, { "an undated photo", LEAD_CAPTION },
	{ "an undated image", LEAD_CAPTION }, { "file photo", LEAD_CAPTION },
	{ "photos:", LEAD_CAPTION }, { "photo:", LEAD_CAPTION }, { "photo gallery", LEAD_CAPTION },
	{ "gallery:", LEAD_CAPTION }, { "slideshow:", LEAD_CAPTION }, { "caption:", LEAD_CAPTION },
	{ "image caption", LEAD_CAPTION }, { "image copyright", LEAD_CAPTION },
	{ "hide caption", LEAD_CAPTION }, { "toggle caption", LEAD_CAPTION },
	{ "view images", LEAD_CAPTION }, { "enlarge image", LEAD_CAPTION },
	{ "enlarge this image", LEAD_CAPTION }, { "video:", LEAD_CAPTION },
	{ "watch:", LEAD_CAPTION }, { "facebook twitter pinterest", LEAD_CAPTION },
	{ "an artist's impression", LEAD_CAPTION }, { "an artist’s impression", LEAD_CAPTION },
	{ "media playback is unsupported", LEAD_CAPTION }, { "media caption", LEAD_CAPTION },
	{ "just watched", LEAD_CAPTION }, { "must watch", LEAD_CAPTION },
	{ "now watch:", LEAD_CAPTION }, { "related video:", LEAD_CAPTION },
	{ "click to enlarge", LEAD_CAPTION }, { "view gallery", LEAD_CAPTION },
	{ "launch gallery", LEAD_CAPTION }, { "see the full gallery", LEAD_CAPTION },
	{ "next slide", LEAD_CAPTION }, { "previous slide", LEAD_CAPTION },
	{ "composite:", LEAD_CAPTION }, { "illustration:", LEAD_CAPTION },
	{ "a photo posted by", LEAD_CAPTION }, { "a video posted by", LEAD_CAPTION },

	{ "sign up for", LEAD_PROMPT }, { "sign up to", LEAD_PROMPT },
	{ "subscribe to", LEAD_PROMPT }, { "subscribe now", LEAD_PROMPT },
	{ "never miss a", LEAD_PROMPT }, { "get the app", LEAD_PROMPT },
	{ "click to share", LEAD_PROMPT }, { "click to email", LEAD_PROMPT },
	{ "click here to", LEAD_PROMPT }, { "share this story", LEAD_PROMPT },
	{ "read or share this story", LEAD_PROMPT }, { "help spread the word", LEAD_PROMPT },
	{ "story continues below", LEAD_PROMPT }, { "story continued below", LEAD_PROMPT },
	{ "article continues below", LEAD_PROMPT },
	{ "continue reading the main story", LEAD_PROMPT },
	{ "advertisement continue reading", LEAD_PROMPT }, { "scroll down for video", LEAD_PROMPT },
	{ "please enable javascript", LEAD_PROMPT }, { "have a tip", LEAD_PROMPT },
	{ "have something to add", LEAD_PROMPT }, { "have more to say", LEAD_PROMPT }, { "you must enter the characters", LEAD_PROMPT },
	{ "message: * a friend", LEAD_PROMPT }, { "a friend wanted you to see", LEAD_PROMPT },
	{ "listing image by", LEAD_PROMPT }, { "citations:", LEAD_PROMPT },
	{ "enlarge image", LEAD_PROMPT }, { "join the conversation", LEAD_PROMPT },
	{ "article excerpt", LEAD_PROMPT }, { "warning: contains spoilers", LEAD_PROMPT },
	{ "spoiler alert", LEAD_PROMPT }, { "spoiler warning", LEAD_PROMPT },

	{ "related:", LEAD_SHORT }, { "recommended:", LEAD_SHORT }, { "read more:", LEAD_SHORT },
	{ "read more", LEAD_SHORT }, { "more:", LEAD_SHORT }, { "also:", LEAD_SHORT },
	{ "also read", LEAD_SHORT }, { "see also:", LEAD_SHORT }, { "see more:", LEAD_SHORT },
	{ "trending:", LEAD_SHORT }, { "don't miss:", LEAD_SHORT }, { "most read:", LEAD_SHORT },
	{ "watch more", LEAD_SHORT }, { "more from", LEAD_SHORT }, { "follow us", LEAD_SHORT },
	{ "like us on", LEAD_SHORT }, { "support the", LEAD_SHORT }, { "donate now", LEAD_SHORT },
	{ "loading", LEAD_SHORT }, { "submit your", LEAD_SHORT }, { "click here", LEAD_SHORT },
	{ "check out", LEAD_SHORT }, { "learn how", LEAD_SHORT }, { "learn more", LEAD_SHORT },

	{ "(reporting by", LEAD_TRAILER }, { "reporting by", LEAD_TRAILER },
	{ "(additional reporting", LEAD_TRAILER }, { "additional reporting by", LEAD_TRAILER },
	{ "(editing by", LEAD_TRAILER }, { "editing by", LEAD_TRAILER },
	{ "(writing by", LEAD_TRAILER }, { "compiled by", LEAD_TRAILER },
	{ "contributing:", LEAD_TRAILER }, { "with reports from", LEAD_TRAILER },
	{ "information from:", LEAD_TRAILER }, { "permalink:", LEAD_TRAILER },
	{ "originally published", LEAD_TRAILER }, { "this story was originally", LEAD_TRAILER },
	{ "this article was originally", LEAD_TRAILER }, { "twitter:", LEAD_TRAILER },
	{ "follow him on", LEAD_TRAILER }, { "follow her on", LEAD_TRAILER },
	{ "follow them on", LEAD_TRAILER }, { "for more from", LEAD_TRAILER },
	{ "for the top stories", LEAD_TRAILER }, { "e-mail:", LEAD_TRAILER },
	{ "email:", LEAD_TRAILER }, { "read the original article", LEAD_TRAILER },
	{ "click for more from", LEAD_TRAILER }, { "source:", LEAD_TRAILER },
};
#define N_LEADS (sizeof leads / sizeof leads[0])

/* What the phrase table finds in a line: its signs, and how many prompt phrases. */
struct signs {
	unsigned kinds;
	unsigned prompts; /* distinct SIGN_PROMPT and SIGN_BLURB phrases */
};

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

static void build_bucket(const struct phrase *table, size_t n, unsigned short first[257],
                         unsigned char *order, unsigned char *lens)
{
	unsigned short fill[256];
	memset(first, 0, 257 * sizeof first[0]);
	for (size_t k = 0; k < n; k++) {
		first[(unsigned char)table[k].text[0] + 1]++;
		lens[k] = (unsigned char)strlen(table[k].text);
	}
	for (size_t c = 0; c < 256; c++)
		first[c + 1] += first[c];
	memcpy(fill, first, sizeof fill);
	for (size_t k = 0; k < n; k++)
		order[fill[(unsigned char)table[k].text[0]]++] = (unsigned char)k;
}

/*
 * The tables sorted into buckets by their first byte, once per page, so a
 * line's every position is tried against only the phrases that can start
 * there.
 */
void ex_furniture_index(struct furniture_index *fx)
{
	_Static_assert(N_PHRASES <= FURN_MAX_PHRASES && N_LEADS <= FURN_MAX_LEADS,
	               "furniture_index is too small for the tables");
	build_bucket(phrases, N_PHRASES, fx->phrase_first, fx->phrase_order, fx->phrase_len);
	build_bucket(leads, N_LEADS, fx->lead_first, fx->lead_order, fx->lead_len);
}

/*
 * One pass over the lower-case line for the phrases that may stand
 * anywhere in it; a phrase that starts a word only at the start of a word.
 */
static struct signs read_signs(const char *lc, size_t len, const struct furniture_index *fx)
{
	struct signs sg = { 0, 0 };
	unsigned char seen[N_PHRASES] = { 0 };
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)lc[i];
		size_t from = fx->phrase_first[c], to = fx->phrase_first[c + 1];
		if (from == to || (i > 0 && word_char(lc[i - 1]) && word_char(lc[i])))
			continue;
		for (size_t j = from; j < to; j++) {
			size_t k = fx->phrase_order[j], n = fx->phrase_len[k];
			const char *p = phrases[k].text;
			/* the second byte first: most candidates fail there, without a call */
			if (seen[k] || i + n > len || lc[i + 1] != p[1] || memcmp(lc + i, p, n) != 0 ||
			    (i + n < len && word_char(lc[i + n]) && word_char(p[n - 1])))
				continue;
			seen[k] = 1;
			sg.kinds |= phrases[k].sign;
			sg.prompts += (phrases[k].sign & (SIGN_PROMPT | SIGN_BLURB)) != 0;
		}
	}
	return sg;
}

/* The kinds of lead the line starts with, ending on a word boundary. */
static unsigned read_leads(const char *lc, size_t len, const struct furniture_index *fx)
{
	unsigned kinds = 0;
	if (len == 0)
		return 0;
	unsigned char c = (unsigned char)lc[0];
	for (size_t j = fx->lead_first[c]; j < fx->lead_first[c + 1]; j++) {
		size_t k = fx->lead_order[j], n = fx->lead_len[k];
		const char *p = leads[k].text;
		if (n <= len && memcmp(lc, p, n) == 0 &&
		    (n == len || !word_char(p[n - 1]) || !word_char(lc[n])))
			kinds |= leads[k].sign;
	}
	return kinds;
}

/* ------------------------------------------------------ photo credits -- */

/* Who takes or sells news pictures: the last word of a credit. */
static const char *const picture_agencies[] = {
	"getty", "images", "ap", "afp", "reuters", "epa", "shutterstock", "istock", "istockphoto",
	"wireimage", "filmmagic", "invision", "splash", "pa", "rex", "corbis", "alamy", "zuma",
	"bloomberg", "pool", "handout", "instagram", "flickr", "youtube", "twitter", "facebook",
	"commons", "nasa", "photo", "photos", "photograph", NULL
};

/* Words that introduce a credit: "Photograph: Tim Walsh/PA", "Credit: NASA". */
static const char *const credit_leads[] = {
	"photo:", "photos:", "photograph:", "photographs:", "image:", "images:", "picture:",
	"pictures:", "pic:", "credit:", "photo credit:", "image credit:", "photo by",
	"photograph by", "photos by", "illustration by", "illustration:", "image by",
	"graphic by", "video by", "courtesy of", "courtesy", "source:", NULL
};

/*
 * A line that is only a credit: "Rommel Demano/Getty Images", "Photo:
 * HGTV", "Neil Warner / Splash News", "@beyonce via Instagram",
 * "NASA/VILLANUEVA/MUMMA ET AL.", "Team Coco on YouTube".
 */
bool ex_credit_only(const char *s, size_t len, int words, bool sentence)
{
	if (words > 9 || len < 2)
		return false;
	if (ex_starts_any_ci(s, len, credit_leads))
		return !sentence || words <= 4;
	/* names and agencies joined by slashes: "NASA/VILLANUEVA/MUMMA ET AL." */
	if (words <= 6 && memchr(s, '/', len) && !memchr(s, ':', len) &&
	    (!sentence || ex_contains_ci(s, len, "et al."))) {
		size_t k;
		return ex_cp_upper(ex_cp_at(s, len, &k)) || s[0] == '@';
	}
	if (sentence || words > 5)
		return false;
	struct word w = last_word(s, len);
	return (ex_contains_ci(s, len, "via") || ex_contains_ci(s, len, "on")) &&
	       ex_in_list_ci(w.s, w.len, picture_agencies);
}

bool ex_credit_word(const char *s, size_t len)
{
	return ex_in_list_ci(s, len, picture_agencies);
}

/*
 * A caption that ends with its credit: "... Getty Images", "... (AP
 * Photo/Richard Vogel)", "... (Photo: Ana Ruiz, FilmMagic)", "...
 * Photograph: Tim Walsh/PA", "...[Photo/Lanzhou Evening News]", "... Pic
 * Giles Hamm", "... | Getty".
 */
static bool ends_with_credit(const char *s, size_t len)
{
	static const char *const tails[] = { "getty images", "afp/getty images", "ap photo",
		"(associated press)", "(ap)", "(getty images)", "(reuters)", "| getty", "| ap photo",
		NULL };
	/* no tail ends in a full stop, and most lines do */
	for (const char *const *t = tails; *t && len > 0 && s[len - 1] != '.'; t++) {
		size_t n = strlen(*t);
		if (len > n + 1 && ex_ci_eq(s + len - n, *t, n) && s[len - n - 1] == ' ')
			return true;
	}
	/* an opening bracket or a credit lead in the last 80 bytes */
	size_t from = len > 80 ? len - 80 : 0;
	for (size_t i = from; i < len; i++) {
		const char *p = s + i;
		size_t rest = len - i;
		if (*p != '(' && *p != '[' && *p != 'P' && *p != 'C' && *p != 'R' && *p != 'I')
			continue; /* no bracket and no credit lead starts here */
		if ((*p == '(' || *p == '[') && i > 0 &&
		    (ex_starts_ci(p + 1, rest - 1, "ap photo") || ex_starts_ci(p + 1, rest - 1, "photo") ||
		     ex_starts_ci(p + 1, rest - 1, "photo:") || ex_starts_ci(p + 1, rest - 1, "photos") ||
		     ex_starts_ci(p + 1, rest - 1, "image") || ex_starts_ci(p + 1, rest - 1, "credit") ||
		     ex_starts_ci(p + 1, rest - 1, "courtesy") || ex_starts_ci(p + 1, rest - 1, "getty")) &&
		    (s[len - 1] == ')' || s[len - 1] == ']'))
			return true;
		if (i > 0 && s[i - 1] == ' ' &&
		    (starts_exact(p, rest, "Photograph: ") || starts_exact(p, rest, "Photo: ") ||
		     starts_exact(p, rest, "Pic ") || starts_exact(p, rest, "Credit: ") ||
		     starts_exact(p, rest, "REUTERS/") || starts_exact(p, rest, "Image: ") ||
		     starts_exact(p, rest, "Photo by ") || starts_exact(p, rest, "Photograph by ") ||
		     starts_exact(p, rest, "Photos by ") || starts_exact(p, rest, "Image via ") ||
		     (starts_exact(p, rest, "Credit ") && memchr(p, '/', rest))) &&
		    !memchr(p, '.', rest - (s[len - 1] == '.')))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------ captions -- */

static const char *const caption_leads_exact[] = { "FILE -", "FILE –", "FILE —", "FILE-",
	"FILE:", "(FILE)", "FOR MOVEMENT", "CLOSE ", "PHOTOS:", "VIDEO:", "WATCH:", NULL };

static const char *const weekdays[] = { "monday,", "tuesday,", "wednesday,", "thursday,",
	"friday,", "saturday,", "sunday,", NULL };

/*
 * "on Thursday, Nov. 14, 2013": a weekday, a month, a day and a year in a
 * row.  AP-style stories write "on Thursday" or "Nov. 14"; only captions
 * and page headers carry all four.
 */
static bool weekday_full_date(const char *s, size_t len)
{
	if (!ex_find_bytes(s, len, "day, ", 5))
		return false; /* every weekday ends so */
	struct word w[MAX_WORDS];
	size_t n = ex_split_words(s, len, w, MAX_WORDS);
	for (size_t i = 0; i + 3 < n; i++) {
		if (!ex_in_list_ci(w[i].s, w[i].len, weekdays) || !ex_month_of(w[i + 1].s, w[i + 1].len))
			continue;
		const struct word *d = &w[i + 2], *y = &w[i + 3];
		if (d->len >= 2 && d->len <= 3 && ex_is_digit(d->s[0]) && d->s[d->len - 1] == ',' &&
		    y->len >= 4 && ex_is_digit(y->s[0]) && ex_is_digit(y->s[3]))
			return true;
	}
	return false;
}

/*
 * The count of a gallery slide opening a line: "1/18 On Mexicans ..." gives
 * 18.  One such line may be a date ("9/11 a turning point"); the pipeline
 * asks for two slides of the same gallery.
 */
int ex_gallery_slide(const char *s, size_t len)
{
	size_t i = 0, j;
	while (i < len && i < 4 && ex_is_digit(s[i]))
		i++;
	if (i == 0 || i >= len || s[i] != '/')
		return 0;
	int total = 0;
	for (j = i + 1; j < len && j < i + 4 && ex_is_digit(s[j]); j++) /* at most 999 */
		total = total * 10 + (s[j] - '0');
	return j > i + 1 && j < len && s[j] == ' ' ? total : 0;
}

/* "7 PHOTOS ...", "18 show all ...", "3 of 12": gallery text. */
static bool gallery_line(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && ex_is_digit(s[i]))
		i++;
	if (i == 0 || i > 3 || i >= len)
		return false;
	const char *r = s + i + 1;
	size_t rl = len - i - 1;
	if (s[i] != ' ')
		return false;
	/* "3 of 12", not "3 of the suspects" */
	if (ex_starts_ci(r, rl, "of") && rl > 3 && ex_is_digit(r[3]))
		return true;
	return ex_starts_ci(r, rl, "photos") || ex_starts_ci(r, rl, "show all") ||
	       ex_starts_ci(r, rl, "images");
}

/*
 * The wire's caption openings with a date inside them: "In this Jan. 5,
 * 2015 photo, ...", "In this Tuesday, June 4, 2013, file photo, ...",
 * "This undated image provided by the police shows ...": "In this" and,
 * within a dozen words, a photo, image or picture; or "This" and one of
 * them, and the line says what it shows or who provided or took it.
 */
static bool dated_photo_lead(const char *s, size_t len)
{
	if (!ex_starts_ci(s, len, "in this") && !ex_starts_ci(s, len, "this"))
		return false;
	struct word w[14];
	size_t n = ex_split_words(s, len, w, 14);
	for (size_t i = 1; i < n; i++) {
		struct word t = w[i];
		while (t.len > 0 && strchr(",.;:", t.s[t.len - 1]))
			t.len--;
		if (!ex_in_list_ci(t.s, t.len, ALIASES("photo", "image", "picture", "photograph", "video")))
			continue;
		if (ex_starts_ci(s, len, "in this"))
			return i >= 2; /* "In this photo" alone is a lead of its own */
		/* "This photo shows ...", not "This picture of a failing state ..." */
		return ex_contains_ci(s, len, "shows") || ex_contains_ci(s, len, "provided by") ||
		       ex_contains_ci(s, len, "released by") || ex_contains_ci(s, len, "taken");
	}
	return false;
}

/*
 * "Decadent: The partygoers pose around the throne with Pippa": a label of
 * one to three words, a colon, and a description that never ends as a
 * sentence does.  A paragraph with a label ends with its full stop.
 */
static bool labelled_caption(const char *s, size_t len, int words, bool sentence)
{
	static const char *const story_labels[] = { "update", "updated", "correction",
		"clarification", "editor's note", "editor’s note", "note", "warning", NULL };
	const char *colon = memchr(s, ':', len < 40 ? len : 40);
	/* a lead-in ends with its colon; an update or a correction is the story's */
	if (sentence || words < 8 || !colon || colon + 2 >= s + len || colon[1] != ' ' ||
	    s[len - 1] == ':' || ex_starts_any_ci(s, len, story_labels))
		return false;
	struct word w[4];
	size_t label = ex_split_words(s, (size_t)(colon - s), w, 4), k;
	return label >= 1 && label <= 3 && ex_cp_upper(ex_cp_at(s, len, &k)) &&
	       ex_cp_upper(ex_cp_at(colon + 2, (size_t)(s + len - colon) - 2, &k));
}

/*
 * A paragraph in capitals ("WE CHECKED THE SHERIFF'S OFFICE AND ...") is a
 * broadcast transcript or a video's text, not the story.
 */
static bool shouting(const char *s, size_t len, int words)
{
	size_t upper = 0, lower = 0;
	if (words < 12)
		return false;
	/* ASCII letters tell it; a line of prose gives up at its first words */
	for (size_t i = 0; i < len && lower * 20 <= len; i++) {
		upper += s[i] >= 'A' && s[i] <= 'Z';
		lower += s[i] >= 'a' && s[i] <= 'z';
	}
	return upper > 20 * lower;
}

static bool caption_line(const char *s, size_t len, int words, bool sentence, struct signs sg,
                         unsigned lk)
{
	if (labelled_caption(s, len, words, sentence) || dated_photo_lead(s, len))
		return true;
	if (ex_credit_only(s, len, words, sentence) || gallery_line(s, len) || shouting(s, len, words))
		return true;
	/* "+7 Pippa at the party": a tabloid's count of the pictures behind a caption */
	if (len > 3 && s[0] == '+' && ex_is_digit(s[1]))
		return true;
	for (const char *const *p = caption_leads_exact; *p && strchr("F(CPVW", s[0]); p++)
		if (starts_exact(s, len, *p))
			return true;
	if (lk & LEAD_CAPTION)
		return true;
	if (words > 90)
		return false; /* a caption is a sentence or two, not a paragraph of many */
	/* a date line ("Posted: Wednesday, June 27, 2012 1:32 PM") is not a sentence */
	return ends_with_credit(s, len) || (sg.kinds & SIGN_CAPTION) ||
	       (sentence && words >= 8 && weekday_full_date(s, len));
}

/* ------------------------------------------------------ embedded posts -- */

/*
 * A post embedded from a social network: "... — Jack Lloyd (@RedDeadLloyd)
 * May 21, 2013", "pic.twitter.com/...", "A post shared by ...".
 */
static bool embedded_post(const char *s, size_t len, struct signs sg)
{
	if (ex_find_bytes(s, len, "pic.twitter.com/", 16) || ex_find_bytes(s, len, "https://t.co/", 13) ||
	    ex_starts_ci(s, len, "a post shared by") || (sg.kinds & SIGN_EMBED))
		return true;
	/* "(@handle) Month D, YYYY" in the last 60 bytes */
	size_t from = len > 60 ? len - 60 : 0;
	for (size_t i = from; i + 2 < len; i++)
		if (s[i] == '(' && s[i + 1] == '@') {
			const char *close = memchr(s + i, ')', len - i);
			if (!close)
				return false;
			size_t rest = (size_t)(s + len - close) - 1;
			struct word w[4];
			size_t n = ex_split_words(close + 1, rest, w, 4);
			return n == 3 && ex_month_of(w[0].s, w[0].len) > 0;
		}
	return false;
}

/* ------------------------------------------------------------ prompts -- */

/* A teaser that ends with its link: "Solar mission passes milestone Read more". */
static bool ends_with_link(const char *s, size_t len, int words)
{
	static const char *const links[] = { " read more", " read the full story", " watch",
		" read the story", NULL };
	while (len > 0 && strchr(" .:>\xC2\xBB", s[len - 1]))
		len--;
	for (const char *const *l = links; *l; l++) {
		size_t n = strlen(*l);
		if (words <= 25 && len > n && ex_ci_eq(s + len - n, *l, n))
			return true;
	}
	return false;
}

/*
 * A link to another story under a label in capitals: "COURT DOCUMENTS:
 * Britney Spears' Dad To Judge: I Want More Money!", "PHOTOS: Inside the
 * Royal Wedding".  The headline is in title case and ends no sentence with
 * a full stop; a speaker's label ("OBAMA: Thank you.") is followed by speech.
 */
static bool labelled_headline(const char *s, size_t len, int words)
{
	const char *colon = memchr(s, ':', len);
	if (!colon || colon == s || words > 20 || len == 0 || s[len - 1] == '.')
		return false;
	size_t label_words = 1;
	for (const char *p = s; p < colon; p++) {
		if (*p == ' ')
			label_words++;
		else if (!(*p >= 'A' && *p <= 'Z') && *p != '&' && *p != '\'')
			return false;
	}
	size_t rest = (size_t)(s + len - colon) - 1;
	return label_words <= 3 && colon - s >= 4 && ex_title_case(colon + 1, rest);
}

static bool prompt_line(const char *s, size_t len, int words, struct signs sg, unsigned lk)
{
	if (ends_with_link(s, len, words))
		return true;
	if ((words <= 40 && (lk & LEAD_PROMPT)) || (words <= 16 && (lk & LEAD_SHORT)))
		return true;
	/* a player's label, no sentence: "Listen to the 911 call", "Watch the
	   video of the rescue:" ("Listen to me," she said, is the story's) */
	static const char *const players[] = { "listen to", "listen now", "listen here",
		"hear the", "watch the video", "watch video", "watch the full", "watch the moment",
		"watch below", "watch above", "watch it here", "watch here", NULL };
	if (words <= 16 && ex_starts_any_ci(s, len, players) && len > 0 && s[len - 1] != '.' &&
	    !ex_find_bytes(s, len, "\"", 1) && !ex_find_bytes(s, len, "\xE2\x80\x9D", 3))
		return true;
	/* a link to the footage: "Watch police detain some of the protesters here." */
	static const char *const to_footage[] = { "watch ", "listen to ", NULL };
	if (words <= 16 && ex_starts_any_ci(s, len, to_footage) &&
	    len > 6 && (ex_ci_eq(s + len - 6, " here.", 6) || ex_ci_eq(s + len - 6, " here:", 6)))
		return true;
	if (words <= 40 && (sg.kinds & SIGN_PROMPT))
		return true;
	if (labelled_headline(s, len, words))
		return true;
	/* a longer blurb shows its purpose twice: "newsletter ... in your inbox" */
	if (words <= 80 && sg.prompts >= 2)
		return true;
	/* a call for readers' pictures or tips, with the address to send them to */
	if (words <= 60 && memchr(s, '@', len) && (sg.kinds & SIGN_CALL))
		return true;
	/* "[Related: ...]", "[SEE THESE? ...]": a whole line in brackets */
	if (len > 2 && s[0] == '[' && s[len - 1] == ']' && words <= 30 && !memchr(s + 1, '[', len - 2))
		return true;
	return false;
}

/* A rule between sections: "___", "***", "* * *", "—". */
static bool rule_line(const char *s, size_t len)
{
	if (len == 0 || len > 12)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!strchr("_*-=~#.|\xE2\x80\x94\x93 ", s[i]))
			return false;
	return true;
}

/* ------------------------------------------------------------ trailers -- */

/* A line that is only an e-mail address, a web address or a phone number. */
static bool address_line(const char *s, size_t len, int words)
{
	if (words > 3)
		return false;
	if (memchr(s, '@', len) && !memchr(s, ' ', len))
		return true;
	if (ex_starts_ci(s, len, "http") || ex_starts_ci(s, len, "www."))
		return true;
	size_t digits = 0;
	for (size_t i = 0; i < len; i++)
		digits += ex_is_digit(s[i]);
	return digits >= 7 && digits * 2 >= len;
}

static bool trailer_line(const char *s, size_t len, int words, struct signs sg, unsigned lk)
{
	if (words <= 60 && ((sg.kinds & SIGN_TRAILER) || (lk & LEAD_TRAILER)))
		return true;
	return address_line(s, len, words);
}

/* ------------------------------------------------------------- public -- */

enum furniture ex_furniture(const struct unit *u, const struct furniture_index *fx)
{
	const char *s = u->s, *lc = u->lc;
	size_t len = u->len;
	if (len == 0)
		return FURN_NONE;
	if (rule_line(s, len))
		return FURN_RULE;
	/* no sign of furniture reaches past 90 words */
	struct signs sg = u->words <= 90 ? read_signs(lc, len, fx) : (struct signs){ 0, 0 };
	size_t lead = u->list == LIST_BULLET ? u->content : 0; /* "■ Related: ..." */
	unsigned lk = read_leads(lc + lead, len - lead, fx);
	if (embedded_post(s, len, sg))
		return FURN_EMBED;
	if (trailer_line(s, len, u->words, sg, lk))
		return FURN_TRAILER;
	if (prompt_line(s, len, u->words, sg, lk))
		return FURN_PROMPT;
	if (caption_line(s, len, u->words, u->sentence, sg, lk))
		return FURN_CAPTION;
	return FURN_NONE;
}
