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
#include "extract_internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------- helpers -- */

/* Does s start with p, byte for byte (case matters: "CLOSE ", "FILE -")? */
static bool starts_exact(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s, p, n) == 0;
}

static bool any_start_ci(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (ex_starts_ci(s, len, *list))
			return true;
	return false;
}

static bool any_contains_ci(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (ex_contains_ci(s, len, *list))
			return true;
	return false;
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
	"photograph by", "photos by", "courtesy of", "courtesy", "source:", NULL
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
	if (any_start_ci(s, len, credit_leads))
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
	for (const char *const *t = tails; *t; t++) {
		size_t n = strlen(*t);
		if (len > n + 1 && ex_ci_eq(s + len - n, *t, n) && s[len - n - 1] == ' ')
			return true;
	}
	/* an opening bracket or a credit lead in the last 80 bytes */
	size_t from = len > 80 ? len - 80 : 0;
	for (size_t i = from; i < len; i++) {
		const char *p = s + i;
		size_t rest = len - i;
		if ((*p == '(' || *p == '[') && i > 0 &&
		    (ex_starts_ci(p + 1, rest - 1, "ap photo") || ex_starts_ci(p + 1, rest - 1, "photo") ||
		     ex_starts_ci(p + 1, rest - 1, "photo:") || ex_starts_ci(p + 1, rest - 1, "photos") ||
		     ex_starts_ci(p + 1, rest - 1, "image") || ex_starts_ci(p + 1, rest - 1, "credit")) &&
		    (s[len - 1] == ')' || s[len - 1] == ']'))
			return true;
		if (i > 0 && s[i - 1] == ' ' &&
		    (starts_exact(p, rest, "Photograph: ") || starts_exact(p, rest, "Photo: ") ||
		     starts_exact(p, rest, "Pic ") || starts_exact(p, rest, "Credit: ") ||
		     starts_exact(p, rest, "REUTERS/") || starts_exact(p, rest, "Image: ") ||
		     (starts_exact(p, rest, "Credit ") && memchr(p, '/', rest))) &&
		    !memchr(p, '.', rest - (s[len - 1] == '.')))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------ captions -- */

/* How captions begin: "FILE - In this ...", "In this photo", "PHOTOS: ...". */
static const char *const caption_leads_ci[] = {
	"in this photo", "in this image", "in this file photo", "in this handout photo",
	"in this undated photo", "this photo", "this image", "an undated photo", "an undated image",
	"file photo", "photos:", "photo:", "photo gallery", "gallery:", "slideshow:",
	"caption:", "image caption", "image copyright", "hide caption", "toggle caption",
	"view images", "enlarge image", "enlarge this image", "video:", "watch:",
	"facebook twitter pinterest", "an artist's impression", "an artist’s impression",
	"media playback is unsupported", "media caption", "just watched", "must watch",
	"now watch:", "related video:", "click to enlarge", "view gallery", "launch gallery",
	"see the full gallery", "next slide", "previous slide", "composite:", "illustration:",
	"a photo posted by", "a video posted by", NULL
};
static const char *const caption_leads_exact[] = { "FILE -", "FILE –", "FILE —", "FILE-",
	"FILE:", "(FILE)", "FOR MOVEMENT", "CLOSE ", "PHOTOS:", "VIDEO:", "WATCH:", NULL };

/* Words only a caption uses: "in this file photo", "(2nd L)", "seen in this". */
static const char *const caption_phrases[] = {
	"file photo", "handout photo", "in this photo", "in this image", "in this picture",
	"seen in this", "shown in this", "(left)", "(right)", "(center)",
	"(centre)", "(l-r)", "(2nd l)", "(2nd r)", "(3rd l)", "(3rd r)", "from left:",
	"left to right:", "poses for a photo", "pose for a photo", NULL
};

static const char *const weekdays[] = { "monday,", "tuesday,", "wednesday,", "thursday,",
	"friday,", "saturday,", "sunday,", NULL };

/*
 * "on Thursday, Nov. 14, 2013": a weekday, a month, a day and a year in a
 * row.  AP-style stories write "on Thursday" or "Nov. 14"; only captions
 * and page headers carry all four.
 */
static bool weekday_full_date(const char *s, size_t len)
{
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
	    s[len - 1] == ':' || any_start_ci(s, len, story_labels))
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
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t c = ex_cp_at(s + i, len - i, &n);
		upper += ex_cp_upper(c);
		lower += ex_cp_lower(c);
		i += n;
	}
	return upper > 20 * lower;
}

static bool caption_line(const char *s, size_t len, int words, bool sentence)
{
	if (labelled_caption(s, len, words, sentence))
		return true;
	if (ex_credit_only(s, len, words, sentence) || gallery_line(s, len) || shouting(s, len, words))
		return true;
	/* "+7 Pippa at the party": a tabloid's count of the pictures behind a caption */
	if (len > 3 && s[0] == '+' && ex_is_digit(s[1]))
		return true;
	for (const char *const *p = caption_leads_exact; *p; p++)
		if (starts_exact(s, len, *p))
			return true;
	if (any_start_ci(s, len, caption_leads_ci))
		return true;
	if (words > 90)
		return false; /* a caption is a sentence or two, not a paragraph of many */
	/* a date line ("Posted: Wednesday, June 27, 2012 1:32 PM") is not a sentence */
	return ends_with_credit(s, len) || any_contains_ci(s, len, caption_phrases) ||
	       (sentence && words >= 8 && weekday_full_date(s, len));
}

/* ------------------------------------------------------ embedded posts -- */

/*
 * A post embedded from a social network: "... — Jack Lloyd (@RedDeadLloyd)
 * May 21, 2013", "pic.twitter.com/...", "A post shared by ...".
 */
static bool embedded_post(const char *s, size_t len)
{
	if (ex_find_bytes(s, len, "pic.twitter.com/", 16) || ex_find_bytes(s, len, "https://t.co/", 13) ||
	    ex_starts_ci(s, len, "a post shared by") || ex_contains_ci(s, len, "view this post on"))
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

/* Prompts of the page, not the story: newsletters, apps, sharing, video players. */
static const char *const prompt_leads[] = {
	"sign up for", "sign up to", "subscribe to", "subscribe now", "never miss a",
	"get the app", "click to share", "click to email", "click here to", "share this story",
	"read or share this story", "help spread the word", "story continues below",
	"story continued below", "article continues below", "continue reading the main story",
	"advertisement continue reading", "scroll down for video", "please enable javascript",
	"have a tip", "have something to add", "you must enter the characters",
	"message: * a friend", "a friend wanted you to see", "listing image by", "citations:",
	"enlarge image", "join the conversation", "article excerpt", "warning: contains spoilers",
	"spoiler alert", "spoiler warning", NULL
};

/* Leads of teaser and player lines, which are short: "Related: ...", "Loading ...". */
static const char *const short_prompt_leads[] = {
	"related:", "recommended:", "read more:", "read more", "more:", "also:", "also read",
	"see also:", "see more:", "trending:", "don't miss:", "most read:", "watch more",
	"more from", "follow us", "like us on", "support the", "donate now", "loading",
	"submit your", "click here", NULL
};

/* Prompts that may stand anywhere in their line. */
static const char *const prompt_phrases[] = {
	"(opens in new window)", "in your inbox", "email sign up", "by signing up",
	"sign up for our", "digital access", "free trial", "share it in the comments",
	"tips@", "sign up today", "subscribe now", "for more on this story",
	"download our app", "follow us on", "check back", "download the app", "get our app",
	"download our free", "get breaking news", "as an interest to stay up to date",
	"share or comment on this article", "will open in a new window",
	"recommended by outbrain", "our standards:", "trust principles", NULL
};

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

/* Words that show a prompt only beside a phrase above: "newsletter", "unsubscribe". */
static const char *const prompt_words[] = { "newsletter", "newsletters", "unsubscribe",
	"subscribe", "inbox", NULL };

static bool prompt_line(const char *s, size_t len, int words)
{
	if (ends_with_link(s, len, words))
		return true;
	if (words <= 40 && any_start_ci(s, len, prompt_leads))
		return true;
	if (words <= 16 && any_start_ci(s, len, short_prompt_leads))
		return true;
	/* a long blurb shows its purpose twice: "newsletter ... in your inbox" */
	size_t signs = 0;
	for (const char *const *p = prompt_phrases; *p && words <= 80; p++)
		signs += ex_contains_ci(s, len, *p);
	for (const char *const *p = prompt_words; *p && words <= 80; p++)
		signs += ex_contains_ci(s, len, *p);
	if (signs >= 2 || (words <= 40 && any_contains_ci(s, len, prompt_phrases)))
		return true;
	/* a call for readers' pictures or tips, with the address to send them to */
	if (words <= 60 && memchr(s, '@', len) &&
	    (ex_contains_ci(s, len, "send") || ex_contains_ci(s, len, "submit") ||
	     ex_contains_ci(s, len, "share it") || ex_contains_ci(s, len, "email us") ||
	     ex_contains_ci(s, len, "e-mail us")))
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

static const char *const trailer_phrases[] = {
	"contributed to this report", "contributed to this article", "contributed to this story",
	"contributed reporting", "contributed to this coverage", "the views expressed in this",
	"may not be published, broadcast", NULL
};

static const char *const trailer_leads[] = {
	"(reporting by", "reporting by", "(additional reporting", "additional reporting by",
	"(editing by", "editing by", "(writing by", "compiled by", "contributing:",
	"with reports from", "information from:", "permalink:", "originally published",
	"this story was originally", "this article was originally", "twitter:", "follow him on",
	"follow her on", "follow them on", "for more from", "for the top stories", "e-mail:",
	"email:", "read the original article", "click for more from", NULL
};

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

bool ex_trailer_line(const char *s, size_t len, int words)
{
	if (words <= 60 && (any_contains_ci(s, len, trailer_phrases) || any_start_ci(s, len, trailer_leads)))
		return true;
	return address_line(s, len, words);
}

/* ------------------------------------------------------------- public -- */

enum furniture ex_furniture(const char *s, size_t len, int words, bool sentence)
{
	if (len == 0)
		return FURN_NONE;
	if (rule_line(s, len))
		return FURN_RULE;
	if (embedded_post(s, len))
		return FURN_EMBED;
	if (ex_trailer_line(s, len, words))
		return FURN_TRAILER;
	if (prompt_line(s, len, words))
		return FURN_PROMPT;
	if (caption_line(s, len, words, sentence))
		return FURN_CAPTION;
	return FURN_NONE;
}
