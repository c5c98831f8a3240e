/*
 * store: the SQLite file that holds every article, and every query on it.
 *
 * Nothing outside store*.c sees SQL or a sqlite3 handle.  The store knows
 * nothing of screens.  Every function that can fail returns 0 on success and
 * -1 on failure with *err set to a malloc'd message naming the store (the
 * caller prints it and frees it); err may be NULL when the caller does not
 * want the text.  Lists are read in pages with keyset queries, so no call
 * reads a whole source or the whole store, and no call leaves a read
 * transaction open when it returns.
 */
#ifndef FOLIO_STORE_H
#define FOLIO_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "folio/article.h"

struct folio_store;

/* The schema version this folio writes (PRAGMA user_version). */
#define FOLIO_STORE_SCHEMA 9

enum folio_store_flags {
	FOLIO_STORE_CREATE = 1,   /* create the file (and its folder) if missing */
	FOLIO_STORE_READONLY = 2, /* never write; a missing file is an error */
	FOLIO_STORE_AS_FOUND = 4, /* with READONLY: an older schema is read as it is */
	FOLIO_STORE_OR_READONLY = 8 /* a store that cannot be written here is opened read-only */
};

/*
 * Open the store at path.  A file that is not a folio store, a store with a
 * newer schema, a damaged file, or a location that cannot be created is
 * refused with a message that names the file, and nothing is written to it.
 * Older schemas are migrated in order, all steps in one transaction (a store
 * opened FOLIO_STORE_READONLY is never migrated: an older one is refused,
 * unless FOLIO_STORE_AS_FOUND asks to read it as it is).
 * An existing empty file, or an SQLite file with nothing in it, becomes a
 * new store.  FOLIO_STORE_CREATE makes missing folders with mode 0700.
 */
int folio_store_open(const char *path, int flags, struct folio_store **out, char **err);
void folio_store_close(struct folio_store *st);

/*
 * Whether damage was met (SQLite's SQLITE_CORRUPT or NOTADB): every call that
 * met it failed with a message naming the store and pointing at folio
 * check, and from then on nothing is written to the store.  A command that
 * sees this stops.
 */
bool folio_store_damaged(const struct folio_store *st);

/*
 * Why a store opened FOLIO_STORE_OR_READONLY could only be opened read-only
 * (static text: "its folder is read-only for this user", ...), or NULL.
 * Reading and searching work; every write fails saying this.  Without
 * that flag, a store that cannot be written is refused by name and reason
 * unless FOLIO_STORE_READONLY was asked for: then it is read, even in a
 * read-only folder or on read-only media, where SQLite cannot make the
 * -shm file a store in WAL mode is read with.
 */
const char *folio_store_unwritable(const struct folio_store *st);

/* The path the store was opened with, for messages. */
const char *folio_store_path(const struct folio_store *st);

/*
 * Check the whole store: SQLite's integrity check, the full-text index
 * against the articles (FTS5's integrity-check), each source's counts, and
 * that no article waits to be indexed.  fn hears each part once it is
 * checked (FOLIO_CHECK_OK, text NULL), each problem found in it
 * (FOLIO_CHECK_PROBLEM, one line), or why it was not checked
 * (FOLIO_CHECK_SKIPPED: the index check needs the write lock, as FTS5 runs
 * it as a write that changes nothing, so it is skipped where the store
 * cannot be written).  Returns 0 when the check ran, with *problems their
 * number; -1 when it could not.  Reads every page: minutes at 10^6.
 */
enum folio_check_verdict { FOLIO_CHECK_OK, FOLIO_CHECK_PROBLEM, FOLIO_CHECK_SKIPPED };
typedef void folio_store_check_fn(void *ctx, const char *part, enum folio_check_verdict verdict,
                                  const char *text);
int folio_store_check(struct folio_store *st, folio_store_check_fn *fn, void *ctx,
                      size_t *problems, char **err);

/*
 * Who hears what is worth a word while a call waits: a long upgrade (before
 * a schema step that rebuilds the full-text index of a store that holds
 * articles, which takes minutes at 10^6), and a write waiting for another
 * program that holds the store's write lock (once per store, when the wait
 * passes a second).  The message names the store.  NULL (the default): no
 * one.  Process-wide, like the library's other settings.
 */
typedef void folio_store_notice_fn(const char *message);
void folio_store_set_notice(folio_store_notice_fn *fn);

/*
 * Waiting for the write lock.  Another program (another folio import) may
 * hold it; a write waits as long as that program keeps changing the store,
 * and fails ("busy") only once it has changed nothing for the patience:
 * seconds, 15 unless set (process-wide).
 */
void folio_store_set_patience(unsigned seconds);
unsigned folio_store_patience(void);

/*
 * Whether writes to st wait at all (they do unless told otherwise): with
 * wait false a write finds the lock taken and fails at once, so a reader's
 * key never waits on another program.  give_up, when not NULL, is asked
 * while a write waits; non-zero ends the wait (the write fails "busy").
 */
void folio_store_set_waiting(struct folio_store *st, bool wait, int (*give_up)(void *arg),
                             void *arg);

/* Library versions in use, for --version. */
const char *folio_store_sqlite_version(void);

/*
 * Writing articles.  An import wraps many folio_store_put() calls in one
 * begin/commit for speed; each put runs in its own savepoint, so a failing
 * article rolls back alone and the store never holds half an article.
 * Articles put in a batch reach the full-text index at its commit: a search
 * before then does not find them (lookups by content and path do).  A failed
 * commit leaves the transaction open for folio_store_rollback().
 */
int folio_store_begin(struct folio_store *st, char **err);
int folio_store_commit(struct folio_store *st, char **err);
void folio_store_rollback(struct folio_store *st);

enum folio_put_result {
	FOLIO_PUT_NEW,       /* a new article */
	FOLIO_PUT_UPDATED,   /* the file at this path changed: its article was replaced */
	FOLIO_PUT_UNCHANGED, /* the same content is already stored */
	FOLIO_PUT_TAKEN,     /* folio_store_put_unclaimed(): the path holds another article */
	FOLIO_PUT_REMOVED    /* the user deleted the article from this path: left out */
};

/*
 * Store one article read from path (a file name, or "-" for stdin).
 * - The content (source, title, byline, date, dateline, body) is hashed: the
 *   same content already stored, at any path, is FOLIO_PUT_UNCHANGED.
 * - Otherwise, when the user deleted the article from this path (or feed
 *   entry id), nothing is stored: FOLIO_PUT_REMOVED, unless
 *   folio_store_set_restore() asked for deleted articles back.
 *   Same content with a new url only writes the url (still UNCHANGED).
 * - Otherwise an article from the same path (never "-") is replaced in place:
 *   FOLIO_PUT_UPDATED, keeping its id and its read and flagged marks.
 * - An article with no source is stored under the source "Unknown source";
 *   a date not shaped "YYYY-MM-DD" is stored as undated.  A source left
 *   with no articles by an update is removed.
 * - Every text field must already be clean (folio_text_is_clean(): the text
 *   gate is passed before the store, never skipped).  One that is not is a
 *   bug: a debug build stops there (FOLIO_ALWAYS), a release build refuses
 *   the article with an error.
 */
int folio_store_put(struct folio_store *st, const struct folio_article *a,
                    const char *path, enum folio_put_result *result, char **err);

/*
 * With link false, articles put are not linked to the stories of their
 * near duplicates (nor signed, so later ones cannot find them): only for
 * measuring what linking costs (FOLIO_NO_LINKING, tests/bench).  Default true.
 */
void folio_store_set_linking(struct folio_store *st, bool link);

/* With restore true, puts bring back articles the user deleted (import --restore). */
void folio_store_set_restore(struct folio_store *st, bool restore);

/*
 * The same for an article whose path is only claimed (by an export file),
 * never proven by a file: the same content is FOLIO_PUT_UNCHANGED, a free
 * path gets it as FOLIO_PUT_NEW, and a path that holds another article is
 * left alone: FOLIO_PUT_TAKEN, nothing written.
 */
int folio_store_put_unclaimed(struct folio_store *st, const struct folio_article *a,
                              const char *path, enum folio_put_result *result, char **err);

/*
 * The same for a feed entry known by its id (stored as its path): the id
 * is part of what is hashed, so entries with different ids are different
 * articles even when their text is the same, as the man page promises.
 */
int folio_store_put_entry(struct folio_store *st, const struct folio_article *a,
                          const char *id, enum folio_put_result *result, char **err);

/* A source with its article counts (kept in step by the store, never counted). */
struct folio_source_row {
	int64_t id;
	char *name;
	int64_t total;
	int64_t unread;
};

/* Every source, by name (case folded), "Unknown source" last: the articles of no
 * outlet are not a source among the U's; sources are few, so this is one small read. */
int folio_store_sources(struct folio_store *st, struct folio_source_row **rows,
                        size_t *n, char **err);
void folio_store_sources_free(struct folio_source_row *rows, size_t n);

/*
 * Organising (store_organise.c), each in one transaction.  Mark every
 * article of a source (0: of the store) read or unread; the same for a
 * set of ids (a search's results); *changed counts the articles whose mark
 * changed.
 */
int folio_store_mark_source(struct folio_store *st, int64_t source_id, bool read,
                            int64_t *changed, char **err);
int folio_store_mark_ids(struct folio_store *st, const int64_t *ids, size_t n, bool read,
                         int64_t *changed, char **err);
/*
 * Delete articles for good.  Each one's path (or feed entry id) is
 * remembered, so importing its file again leaves it out (FOLIO_PUT_REMOVED)
 * unless folio_store_set_restore() says otherwise; a source left empty goes.
 */
int folio_store_delete(struct folio_store *st, const int64_t *ids, size_t n, int64_t *deleted,
                       char **err);
/* Give articles the tag name (add) or take it away; a tag no article has is forgotten. */
int folio_store_tag(struct folio_store *st, const int64_t *ids, size_t n, const char *name,
                    bool add, int64_t *changed, char **err);
struct folio_tag_row {
	char *name;
	int64_t count; /* its articles (folio_store_tags_of(): 1) */
};
/* Every tag with its count, by name; the tags of one article. */
int folio_store_tags(struct folio_store *st, struct folio_tag_row **rows, size_t *n, char **err);
int folio_store_tags_of(struct folio_store *st, int64_t id, struct folio_tag_row **rows,
                        size_t *n, char **err);
void folio_store_tags_free(struct folio_tag_row *rows, size_t n);

/*
 * Saved searches: a NAME (case ignored) for a QUERY in the search syntax,
 * shown as sources in the reader (notmuch's saved searches, newsboat's
 * query feeds).  Saving a name again replaces its query; *found says
 * whether a name forgotten was there.  The list is by name.
 */
struct folio_saved_search {
	char *name;
	char *query;
};
int folio_store_save_search(struct folio_store *st, const char *name, const char *query,
                            char **err);
int folio_store_forget_search(struct folio_store *st, const char *name, bool *found,
                              char **err);
int folio_store_saved_searches(struct folio_store *st, struct folio_saved_search **rows,
                               size_t *n, char **err);
void folio_store_saved_searches_free(struct folio_saved_search *rows, size_t n);

/*
 * Whether another connection (an import, another folio) has written to the
 * store since the last call: SQLite's data_version, one cheap read with no
 * table touched.  The first call only notes where the store is.
 */
int folio_store_changed(struct folio_store *st, bool *changed, char **err);

/* Totals over the whole store. */
int folio_store_totals(struct folio_store *st, int64_t *total, int64_t *unread, char **err);

/*
 * A place in a list ordered newest first: articles sort by (date, id)
 * descending, undated articles last.
 */
struct folio_list_key {
	char date[11]; /* "YYYY-MM-DD", or "" for undated */
	int64_t id;
};

struct folio_list_row {
	int64_t id;
	char date[11]; /* "" when undated */
	char *source;
	char *title;
	bool read;
	bool flagged;
};

/*
 * One page of a list: the articles of source_id (0: all articles), newest
 * first.  With after NULL, the first limit rows; otherwise the limit rows
 * that follow *after (backward false) or precede it (backward true).  Rows
 * are always returned in display order, newest first.  With from_end true
 * (and after NULL) the last limit rows of the list.
 */
int folio_store_list(struct folio_store *st, int64_t source_id,
                     const struct folio_list_key *after, bool backward, bool from_end,
                     size_t limit, struct folio_list_row **rows, size_t *n, char **err);
void folio_store_rows_free(struct folio_list_row *rows, size_t n);

/*
 * The orders a list is read in (the reader's sort-order):
 *   FOLIO_SORT_DATE    newest first, the undated last (folio_store_list());
 *   FOLIO_SORT_TITLE   by title A to Z, case folded as SQLite's NOCASE
 *                      (ASCII letters), the untitled last;
 *   FOLIO_SORT_SOURCE  by source in the order folio_store_sources() gives
 *                      ("Unknown source" last), each source's articles
 *                      newest first: a source's own list is its list by date.
 * The _sorted functions are folio_store_list(), _list_position() and
 * _neighbour() in that order.  A key (after, key) is a row of that list
 * read before: by title and by source its id is what counts (the store
 * reads its title and source; a key whose article is gone walks from the
 * start of the list).
 */
enum folio_sort { FOLIO_SORT_DATE, FOLIO_SORT_TITLE, FOLIO_SORT_SOURCE };
int folio_store_list_sorted(struct folio_store *st, enum folio_sort sort, int64_t source_id,
                            const struct folio_list_key *after, bool backward, bool from_end,
                            size_t limit, struct folio_list_row **rows, size_t *n, char **err);
int folio_store_list_position_sorted(struct folio_store *st, enum folio_sort sort,
                                     int64_t source_id, const struct folio_list_key *key,
                                     int64_t *pos, char **err);
int folio_store_neighbour_sorted(struct folio_store *st, enum folio_sort sort,
                                 int64_t source_id, int64_t id, int direction,
                                 bool unread_only, int64_t *next, bool *found, char **err);

/*
 * With one_a_story true, folio_store_list(), _list_position() and
 * _neighbour() pass over an article when another of its story (near
 * duplicates linked at import) comes before it in the same list: a list
 * shows each story once, by its newest article there.  false (the
 * default): every article.
 */
void folio_store_set_stories(struct folio_store *st, bool one_a_story);

/* The rows of the list of source_id (0: all articles): its articles, or its stories. */
int folio_store_list_count(struct folio_store *st, int64_t source_id, int64_t *count, char **err);

/* How many rows come before key in the list of source_id: the position "3 of 120". */
int folio_store_list_position(struct folio_store *st, int64_t source_id,
                              const struct folio_list_key *key, int64_t *pos, char **err);

struct folio_record {
	int64_t id;
	int64_t source_id;
	char *source;
	char *title;
	char *byline;   /* NULL when unknown, like the other optional fields */
	char *date;
	char *dateline;
	char *body;
	char *path;     /* the bytes put was given (a BLOB: not promised to be UTF-8) */
	char *url;      /* where it lives on the web (folio_text_url()), NULL if unknown */
	bool read;
	bool flagged;
};

/* One whole article.  Returns 1 (and no error) when there is no such id. */
int folio_store_get(struct folio_store *st, int64_t id, struct folio_record *out, char **err);
void folio_record_free(struct folio_record *r);

/* Mark an article; a missing id is an error. */
int folio_store_set_read(struct folio_store *st, int64_t id, bool read, char **err);
int folio_store_set_flagged(struct folio_store *st, int64_t id, bool flagged, char **err);

/*
 * Set the read and flagged marks of n articles in one transaction (an id
 * that is gone is passed over).  Returns 0 when written; 1, with nothing
 * written and no message, when another program holds the write lock and
 * folio_store_set_waiting() says not to wait (or the wait gave up); -1
 * with a message when the store cannot take them (read-only, damaged).
 */
struct folio_marks {
	int64_t id;
	bool read;
	bool flagged;
};
int folio_store_set_marks(struct folio_store *st, const struct folio_marks *marks, size_t n,
                          char **err);

/*
 * The article after (direction +1) or before (-1) id in the list of
 * source_id, optionally only unread ones.  *found is false at the end.
 */
int folio_store_neighbour(struct folio_store *st, int64_t source_id, int64_t id,
                          int direction, bool unread_only, int64_t *next,
                          bool *found, char **err);

/* One search result.  The snippet is plain text around the best match. */
struct folio_hit {
	int64_t id;
	double score;  /* bm25: lower is better */
	char date[11];
	char *source;
	char *title;
	char *snippet;
	bool read;
	bool flagged;
};

/*
 * What to search for.  match is an FTS5 expression built by
 * folio_search_parse(), never user text; NULL means no words, only date
 * limits, in which case the newest come first.  after/before are
 * "YYYY-MM-DD" or NULL (after is inclusive, before exclusive); a date limit
 * leaves out undated articles.  With neither words nor limits every
 * article matches, undated last.  A zeroed struct asks for everything,
 * ranked, with snippets... and no hits (limit 0): set limit.
 */
struct folio_search_opts {
	const char *match;
	const char *after;
	const char *before;
	size_t limit;  /* hits at most */
	size_t offset; /* hits skipped first, for the next page */
	/*
	 * Unranked: the latest imported first (highest id first, which is not
	 * date order), every score 0.0.  FTS5 answers this by walking its index
	 * backwards and stops after the page, so it costs about the same however
	 * many articles match, where ranking must score every match: for
	 * as-you-type, with the ranked search run when typing pauses.  Without
	 * match it changes nothing.
	 */
	bool recent;
	/*
	 * Every snippet "", for a list that shows none: the same hits in the
	 * same order.  A snippet makes FTS5 find the hit again in its index and
	 * read its body; without them a search for a rare word at 10^6 articles
	 * costs 20 ms instead of 25.  (A recent search always has snippets.)
	 */
	bool no_snippets;
	/* tag:NAME: only articles with that tag (case ignored); NULL for any.  A
	 * tagged search takes the statements with date limits, which look at
	 * the matches in order until the page is full, so a rare tag with a
	 * common word reads many matches. */
	const char *tag;
};

/*
 * Full-text search as o says.  A snippet is never NULL: the text around the
 * best match in the body, else the start of the body ("" without one, or
 * with no_snippets).
 */
int folio_store_search(struct folio_store *st, const struct folio_search_opts *o,
                       struct folio_hit **hits, size_t *n, char **err);
void folio_store_hits_free(struct folio_hit *hits, size_t n);

/*
 * A check asked every thousand SQLite steps or so while a search or a search count
 * runs (never during other calls): when it returns non-zero the search
 * stops and fails (-1, the message saying "interrupted"), so a reader can
 * drop a search made stale by a key typed meanwhile.  NULL removes it.
 */
void folio_store_set_interrupt(struct folio_store *st, int (*check)(void *arg), void *arg);

/* How many articles match o's match, after, before and tag, counting no further
 * than cap (*count == cap means "cap or more"); o's other fields are not read.
 * With unread, only those not read (a saved search's count in the reader). */
int folio_store_search_count(struct folio_store *st, const struct folio_search_opts *o,
                             int64_t cap, int64_t *count, char **err);
int folio_store_search_count_unread(struct folio_store *st, const struct folio_search_opts *o,
                                    int64_t cap, int64_t *count, char **err);

/*
 * Articles by day, for a timeline, read from indexes (no body is read):
 * the articles of source_id (0: all), those of them matching o's match,
 * after, before and tag when o is not NULL (o's other fields are not
 * read; the interrupt check is asked while a search runs).  One row a date,
 * "YYYY-MM-DD", or "" for the undated; in no promised order.
 */
struct folio_day_count {
	char date[11];
	int64_t count;
};
int folio_store_days(struct folio_store *st, int64_t source_id, const struct folio_search_opts *o,
                     struct folio_day_count **days, size_t *n, char **err);

/*
 * Stories: articles whose bodies are mostly the same text (folio/near.h),
 * linked when put.  A story is known by the id of its first article; an
 * article linked to none is a story of one, its own id.
 */
/* The story of article id and how many articles it holds (1: alone). */
int folio_store_story(struct folio_store *st, int64_t id, int64_t *story, int64_t *size,
                      char **err);
/* Every article of a story: the story's own first, then its copies by id. */
int folio_store_story_rows(struct folio_store *st, int64_t story, struct folio_list_row **rows,
                           size_t *n, char **err);

#endif
