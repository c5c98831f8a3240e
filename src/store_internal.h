/*
 * store_internal.h: what store.c, store_open.c and store_query.c share, and
 * no other module sees: the store's struct, the ids of its fixed statements, the
 * kinds of keyset walk, and the helpers for statements and error messages.
 * Shared helpers carry an st_ prefix so they cannot meet another module's
 * names in the library.
 */
#ifndef FOLIO_STORE_INTERNAL_H
#define FOLIO_STORE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "folio/store.h"

/* The fixed statements, prepared on first use and kept for the store's life. */
enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK, S_SAVEPOINT, S_RELEASE, S_ROLLBACK_TO,
	S_FIND_HASH, S_FIND_SOURCE, S_ADD_SOURCE, S_FIND_PATH, S_INSERT, S_UPDATE,
	S_INDEX_PENDING, S_CLEAR_PENDING, S_OPEN_BATCH, S_CLOSE_BATCH,
	S_DROP_EMPTY_SOURCE, S_SOURCES, S_TOTALS, S_KEY_OF, S_GET, S_SET_READ,
	S_SET_FLAGGED, S_SEARCH, S_SEARCH_TITLES, S_SEARCH_DATED, S_SEARCH_DATES, S_COUNT, S_COUNT_DATES,
	S_COUNT_WORDS, S_COUNT_UNREAD, S_COUNT_DATES_UNREAD, S_DATA_VERSION, S_SEARCH_RECENT, S_SET_MARKS, S_SET_URL, S_IS_REMOVED, S_UNREMOVE,
	S_COUNT_OF_STMTS
};

/* store_near.c's statements (near-duplicates, stories, the timeline, more like this). */
enum near_stmt_id {
	N_BAND_FIND, N_BAND_ADD, N_SIG_GET, N_SIG_PUT, N_COPY_PUT, N_COPY_DROP, N_COPY_MOVE,
	N_STORY_OF, N_STORY_MEMBERS, N_HIDDEN_ALL, N_HIDDEN_SOURCE,
	N_COUNT_OF_STMTS
};

/*
 * Date limits: after inclusive, before exclusive; any limit excludes the
 * undated.  With them the tag filter ?7 (tag:NAME; NULL for any): a tagged
 * search takes the statements with date limits, which look at matches in
 * order until the page is full.  Spelt as a plain range (NULL meaning "no bound") so the date
 * index can seek to it instead of scanning from the newest article.
 */
#define DATE_LIMITS \
	"a.date >= coalesce(?2, '') AND a.date < coalesce(?3, '~')" /* '~' > any date */ \
	" AND (a.date <> '' OR (?2 IS NULL AND ?3 IS NULL))" \
	" AND (?7 IS NULL OR a.id IN (SELECT article_id FROM article_tags" \
	"      WHERE tag_id = (SELECT id FROM tags WHERE name = ?7)))"

/* Articles by day (folio_store_days, store_days.c): of a source, dates, a search. */
enum days_stmt {
	DAYS_SOURCE, DAYS_DATES, DAYS_SEEK, DAYS_MATCHES, DAYS_IDS, DAYS_LAST_ID,
	DAYS_WALK, DAYS_WALK_SOURCE, DAYS_CHUNKS, DAYS_STMTS
};
/*
 * article_days (schema step 9): the days of DAY_CHUNK_IDS ids a row, the
 * row of id being id >> DAY_CHUNK_SHIFT, DAY_SLOT characters an id: its
 * date, DAY_UNDATED, or spaces for no article.
 */
#define DAY_CHUNK_SHIFT 8
#define DAY_CHUNK_IDS (1 << DAY_CHUNK_SHIFT)
#define DAY_SLOT 10
#define DAY_UNDATED "0000-00-00"
/* An article's slot, in SQL: schema step 9 is spelt with it, so never change it, add a step. */
#define DAY_SLOT_OF(date) \
	"CASE WHEN " date " IS NULL THEN '          '" \
	" WHEN " date " = '' THEN '" DAY_UNDATED "'" \
	" ELSE printf('%-10.10s', " date ") END"

/* Keyset walks: what they return, and which variant of the WHERE/ORDER BY. */
enum walk_what { WALK_ROWS, WALK_IDS, WALK_COUNT, WALK_WHATS };
#define WALK_SLOTS (WALK_WHATS * 2 * 2 * 2 * 2 * 2)

/*
 * store_query.c's walks of one list (a source's, or with source_id 0 all
 * articles) newest first, or with by_title A to Z by title: what
 * folio_store_list(), _list_position() and _neighbour() do, for
 * store_sort.c.  st_neighbour() with id 0: the first (direction +1) or the
 * last article of the list.
 */
int st_list(struct folio_store *st, bool by_title, int64_t source_id,
            const struct folio_list_key *after, bool backward, bool from_end, size_t limit,
            struct folio_list_row **rows, size_t *n, char **err);
int st_list_position(struct folio_store *st, bool by_title, int64_t source_id,
                     const struct folio_list_key *key, int64_t *pos, char **err);
int st_neighbour(struct folio_store *st, bool by_title, int64_t source_id, int64_t id,
                 int direction, bool unread_only, int64_t *next, bool *found, char **err);

/*
 * How a connection waits for the write lock another program holds (its busy
 * handler): as long as that program changes the store, and at most the
 * patience without a change; not at all when `never`; and not once give_up
 * answers non-zero.
 */
struct st_file_mark {
	long long size;
	long long mtime_ns;
};

struct st_waiter {
	const char *path;
	bool never;
	int (*give_up)(void *arg);
	void *give_up_arg;
	bool told;                     /* said once that it waits */
	long long since_ms, changed_ms; /* this wait began; the files last changed */
	struct st_file_mark db, wal;
};

struct folio_store {
	sqlite3 *db;
	char *path;
	bool readonly;
	bool as_found; /* read-only, and an older schema is read as it is */
	const char *unwritable; /* why a store wanted for writing was opened read-only */
	bool damaged; /* SQLite found damage: nothing more is written */
	int64_t schema; /* its user_version when opened */
	bool restore_removed; /* folio_store_set_restore() */
	struct st_waiter waiter;
	sqlite3_stmt *stmt[S_COUNT_OF_STMTS];
	sqlite3_stmt *walk[WALK_SLOTS];
	sqlite3_stmt *near[N_COUNT_OF_STMTS];
	sqlite3_stmt *days[DAYS_STMTS];
	bool stories; /* folio_store_set_stories(): lists show one article a story */
	bool no_linking; /* folio_store_set_linking(false): puts link no near duplicates */
	int64_t data_version; /* PRAGMA data_version when last asked (folio_store_changed) */
	int (*interrupt)(void *arg); /* folio_store_set_interrupt(): asked while a search runs */
	void *interrupt_arg;
};

/* store_open.c: the busy handler of db, a connection to st's file, waiting as w says */
void st_wait_for_writers(struct st_waiter *w, sqlite3 *db, const char *path);

/* store.c: messages and statements */
void st_set_msg(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int st_fail(struct folio_store *st, int rc, const char *doing, char **err);
/* rc as what it means: FTS5 reports an index too damaged to open as a plain error. */
int st_code_of(sqlite3 *db, int rc);
/* -1 with a message when nothing may be written: opened read-only, or found damaged. */
int st_writable(struct folio_store *st, const char *doing, char **err);
sqlite3_stmt *st_prepare(struct folio_store *st, sqlite3_stmt **slot, const char *sql,
                         char **err);
sqlite3_stmt *st_stmt(struct folio_store *st, enum stmt_id id, char **err);
int st_step_one(struct folio_store *st, sqlite3_stmt *s, const char *doing, char **err);
int st_bind_text(sqlite3_stmt *s, int i, const char *text);
/*
 * The loop of every read of rows: step s, for at most limit rows, into the
 * growing array *items of size-byte items, each zeroed, counted, then
 * filled by read_row (false when memory ran out).  SQLITE_DONE when it read
 * all it was to, else SQLITE_NOMEM or the step's error, and the caller
 * frees the *count items (the last may be half filled).  s is reset.
 */
int st_read_rows(sqlite3_stmt *s, size_t limit, size_t size,
                 bool (*read_row)(sqlite3_stmt *s, void *item), void **items, size_t *count);

/* store_query.c: a struct folio_list_row from columns id, date, source, title, read, flagged */
bool st_read_list_row(sqlite3_stmt *s, void *item);
/* store_query.c: column col, a date, into dst ("" for NULL) */
void st_copy_date(char dst[11], sqlite3_stmt *s, int col);
/* store_query.c: a search's failure, said as one (interrupted, a bad query) */
int st_fail_search(struct folio_store *st, int rc, char **err);
/* store_query.c: ask st's interrupt check while a search runs (on), or stop */
void st_watch_interrupt(struct folio_store *st, bool on);

/* store_near.c: link a new or replaced article to the story its body belongs to */
int st_near_link(struct folio_store *st, int64_t id, const char *body, bool replaced,
                 char **err);

#endif
