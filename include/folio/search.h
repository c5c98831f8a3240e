/*
 * search: what the user types -> a safe FTS5 expression, and where the
 * matches are in a text.
 *
 * The user's text never reaches MATCH: it is parsed here into words,
 * "phrases", prefix*, OR, -word, source:NAME, by:NAME, title:WORD, tag:NAME,
 * after:YYYY-MM-DD and before:YYYY-MM-DD, and every term is re-quoted, so no
 * input can produce an SQL or FTS5 syntax error.
 *
 * Words are cut as FTS5's unicode61 tokenizer cuts them (anything but a
 * letter or digit separates), so "U.S." is the phrase "U S".  Items are
 * ANDed; OR (upper case) joins the positive items beside it: `a OR b c` is
 * (a OR b) AND c.  FTS5 cannot search for "not x" alone, so a query of
 * only -items has no match expression (match NULL).  An after:/before:
 * that is not a real YYYY-MM-DD date is ignored (and named in problem);
 * -after:D means before:D.
 * While typing, the last item is a prefix if it runs to the end of the
 * input, is not negative or a closed "quote", and its last word has four
 * characters or more (a shorter prefix is too costly to run per key: the
 * store keeps no prefix index).
 */
#ifndef FOLIO_SEARCH_H
#define FOLIO_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* A positive term to highlight, already folded with folio_text_fold(). */
struct folio_term {
	char *text;   /* one word, or a phrase's words separated by single spaces */
	bool prefix;  /* matches any word that starts with text; highlights that whole word */
};

struct folio_query {
	char *match;   /* FTS5 expression, NULL when the query has no words */
	char *after;   /* "YYYY-MM-DD" or NULL */
	char *before;  /* "YYYY-MM-DD" or NULL */
	char *tag;     /* tag:NAME, only articles the user tagged so; NULL for any */
	struct folio_term *terms;
	size_t nterms;
	bool empty;    /* nothing to search for: no words and no limits */
	/* The first word that is not what it looks like, as a sentence naming it: an
	 * after:/before: that is no date, an operator folio does not know (`frm:x`).
	 * The query is still built without it (the reader, searching as the user
	 * types, carries on); the command line refuses it.  NULL when all is well. */
	char *problem;
};

/*
 * Parse input.  With typing true (search as you type) the last word is
 * taken as a prefix, as above.  Never fails on odd input (unbalanced quotes, stray
 * operators, lone '-'); returns -1 only when memory runs out.  *q must be
 * freed with folio_query_free().
 */
int folio_search_parse(const char *input, bool typing, struct folio_query *q);
void folio_query_free(struct folio_query *q);

/*
 * The words of text as the index keeps them (folded, cut as FTS5's
 * unicode61 cuts), each once with how often it occurs, the most frequent
 * first (then by word); words of fewer than three characters and words of
 * digits alone are passed over.  0, or -1 when memory ran out.  For "more
 * like this": the article's words, of which the rarest in the store say
 * most about it.
 */
struct folio_word_count {
	char *word;
	size_t count;
};
int folio_search_words(const char *text, size_t len, struct folio_word_count **words,
                       size_t *n);
void folio_search_words_free(struct folio_word_count *words, size_t n);

/* A byte range of a text that matched. */
struct folio_span {
	size_t start;
	size_t len;
};

/*
 * Every match of q's terms in text (folded the same way as the index: "cafe"
 * finds "Café"), in order and not overlapping.  A prefix term's span covers
 * the whole word it matched ("gran*" marks all of "Granite"), so the reader
 * sees which word was found, not only the letters typed.  Returns the count and sets
 * *spans to a malloc'd array (NULL when there are none).
 */
size_t folio_search_highlight(const struct folio_query *q, const char *text, size_t len,
                              struct folio_span **spans);

#endif
