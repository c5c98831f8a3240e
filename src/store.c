/*
 * store: the statements, the messages, and writing articles.  Opening a
 * store, its schema and its migrations are in store_open.c; every read and
 * the marks a reader sets (sources, lists, search, read/flagged) are in
 * store_query.c; store_internal.h holds what the three share.
 *
 * Shape, and why:
 * - Per-source counts live in `sources` and are kept in step by triggers, so
 *   the source pane never counts 10^6 rows.  The FTS5 index has external
 *   content (a view over articles and sources), so article text is stored
 *   once.  It is kept in step by triggers; inside a batch they only list
 *   new and changed articles, which the commit indexes in one statement
 *   (schema step 2 says why), so a search inside an open batch does not see
 *   that batch's articles.
 * - Every statement is prepared once per store and reset before a function
 *   returns, so no read transaction outlives a call.  The fixed statements,
 *   reads and writes alike, stay in one table here (stmt_sql) indexed by
 *   enum stmt_id, so every query the store runs is in one place.
 */
#include "folio/folio.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "folio/text.h"
#include "folio/util.h"
#include "store_internal.h"

#define UNKNOWN_SOURCE "Unknown source"
#define HASH_BYTES 16

/*
 * A hit's snippet, and the start of its body for a hit with no match in the
 * body.  ?6 is how much of that start; 0 asks for neither, and then no
 * body is read (CASE runs only the branch it takes).
 */
#define HIT_SNIPPET \
	" CASE WHEN ?6 > 0 THEN snippet(articles_fts, 3, '', '', '\xE2\x80\xA6', 16) ELSE '' END"
#define HIT_LEAD " CASE WHEN ?6 > 0 THEN coalesce(substr(a.body, 1, ?6), '') ELSE '' END"

/* bm25's column weights, the same for every ranked statement: title, byline, source, body. */
#define RANK_WEIGHTS "10.0, 3.0, 3.0, 1.0"

/* The ranked page without date limits: rowid and score of its hits alone. */
#define TOP_PAGE \
	"WITH top AS (SELECT rowid AS id, bm25(articles_fts, " RANK_WEIGHTS ") AS score" \
	" FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY score LIMIT ?4 OFFSET ?5)"

static const char *const stmt_sql[S_COUNT_OF_STMTS] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_SAVEPOINT] = "SAVEPOINT folio_put",
	[S_RELEASE] = "RELEASE folio_put",
	[S_ROLLBACK_TO] = "ROLLBACK TO folio_put",
	[S_FIND_HASH] = "SELECT id, url FROM articles WHERE hash = ?1",
	[S_SET_URL] = "UPDATE articles SET url = ?2 WHERE id = ?1",
	[S_IS_REMOVED] = "SELECT 1 FROM removed WHERE path = ?1",
	[S_UNREMOVE] = "DELETE FROM removed WHERE path = ?1",
	/* the name as given first, then without its ".com" ending, or with one */
	[S_FIND_SOURCE] = "SELECT id FROM sources WHERE name IN (?1,"
	                  " CASE WHEN length(?1) > 4 AND substr(?1, -4) = '.com'"
	                  " THEN substr(?1, 1, length(?1) - 4) ELSE ?1 || '.com' END)"
	                  " ORDER BY name = ?1 DESC LIMIT 1",
	[S_ADD_SOURCE] = "INSERT INTO sources(name) VALUES (?1)",
	[S_FIND_PATH] = "SELECT id, source_id FROM articles WHERE path = ?1 ORDER BY id LIMIT 1",
	[S_INSERT] = "INSERT INTO articles(source_id, title, byline, date, dateline, body,"
	             " path, hash, imported_at, url)"
	             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11)",
	[S_UPDATE] = "UPDATE articles SET source_id = ?1, title = ?2, byline = ?3, date = ?4,"
	             " dateline = ?5, body = ?6, path = ?7, hash = ?8, imported_at = ?9,"
	             " url = ?11 WHERE id = ?10",
	[S_INDEX_PENDING] = "INSERT INTO articles_fts(rowid, title, byline, source, body)"
	                    " SELECT c.id, c.title, c.byline, c.source, c.body"
	                    " FROM articles_fts_pending AS p"
	                    " JOIN articles_fts_content AS c ON c.id = p.id ORDER BY p.id",
	[S_CLEAR_PENDING] = "DELETE FROM articles_fts_pending",
	[S_OPEN_BATCH] = "INSERT INTO articles_fts_batch(open) VALUES (1)",
	[S_CLOSE_BATCH] = "DELETE FROM articles_fts_batch",
	[S_DROP_EMPTY_SOURCE] = "DELETE FROM sources WHERE id = ?1 AND total = 0",
	[S_SOURCES] = "SELECT id, name, total, unread FROM sources"
	              " ORDER BY name = '" UNKNOWN_SOURCE "', name COLLATE NOCASE, name",
	[S_TOTALS] = "SELECT coalesce(sum(total), 0), coalesce(sum(unread), 0) FROM sources",
	[S_KEY_OF] = "SELECT date, source_id FROM articles WHERE id = ?1",
	[S_GET] = "SELECT a.id, a.source_id, s.name, a.title, a.byline, a.date, a.dateline,"
	          " a.body, a.path, a.read, a.flagged, a.url"
	          " FROM articles AS a JOIN sources AS s ON s.id = a.source_id WHERE a.id = ?1",
	[S_SET_READ] = "UPDATE articles SET read = ?2 WHERE id = ?1",
	[S_SET_FLAGGED] = "UPDATE articles SET flagged = ?2 WHERE id = ?1",
	[S_SET_MARKS] = "UPDATE articles SET read = ?2, flagged = ?3 WHERE id = ?1",
	/*
	 * Ranked, without date limits, in two steps.  `top` scores every match
	 * but keeps only rowid and score, so SQLite's sorter keeps the page in
	 * a small heap.  Then snippet() and the joins run for the rows of the
	 * page alone, each one a seek of FTS5 to its rowid (CROSS JOIN keeps
	 * that order).  Letting FTS5 sort by rank instead sorted every match:
	 * 2x the bare query for a common word at 10^6.
	 */
	[S_SEARCH] = TOP_PAGE
	             " SELECT a.id, top.score, a.date, s.name, a.title," HIT_SNIPPET ","
	             HIT_LEAD ", a.read, a.flagged"
	             " FROM top CROSS JOIN articles_fts CROSS JOIN articles AS a"
	             " CROSS JOIN sources AS s"
	             " WHERE articles_fts.rowid = top.id AND articles_fts MATCH ?1"
	             " AND a.id = top.id AND s.id = a.source_id ORDER BY top.score",
	/* The same page without snippets: no seek of FTS5 per row, the articles alone. */
	[S_SEARCH_TITLES] = TOP_PAGE
	                    " SELECT a.id, top.score, a.date, s.name, a.title, '', '', a.read,"
	                    " a.flagged FROM top CROSS JOIN articles AS a CROSS JOIN sources AS s"
	                    " WHERE a.id = top.id AND s.id = a.source_id"
	                    " ORDER BY top.score",
	/*
	 * Ranked, with date limits: FTS5 sorts its matches by rank (plan INDEX
	 * 32:rM4), and the rows are joined to articles in that order until the
	 * page is full of dated ones, so a wide range looks at few articles.
	 * (Filtering inside `top` above would look up the date of every match:
	 * 900,000 random reads for a common word at 10^6.)
	 */
	[S_SEARCH_DATED] = "SELECT a.id, articles_fts.rank, a.date, s.name, a.title," HIT_SNIPPET ","
	                   HIT_LEAD ", a.read, a.flagged"
	                   " FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
	                   " JOIN sources AS s ON s.id = a.source_id"
	                   " WHERE articles_fts MATCH ?1"
	                   " AND articles_fts.rank MATCH 'bm25(" RANK_WEIGHTS ")' AND " DATE_LIMITS
	                   " ORDER BY articles_fts.rank LIMIT ?4 OFFSET ?5",
	/* Unranked, latest imported first: FTS5 walks its index backwards and stops early. */
	[S_SEARCH_RECENT] = "SELECT a.id, 0.0, a.date,"
	                    " s.name, a.title," HIT_SNIPPET ","
	                    HIT_LEAD ", a.read, a.flagged"
	                    " FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
	                    " JOIN sources AS s ON s.id = a.source_id"
	                    " WHERE articles_fts MATCH ?1 AND " DATE_LIMITS
	                    " ORDER BY articles_fts.rowid DESC LIMIT ?4 OFFSET ?5",
	[S_SEARCH_DATES] = "SELECT a.id, 0.0, a.date, s.name, a.title, '',"
	                   HIT_LEAD ", a.read, a.flagged"
	                   " FROM articles AS a JOIN sources AS s ON s.id = a.source_id"
	                   " WHERE " DATE_LIMITS
	                   " ORDER BY a.date DESC, a.id DESC LIMIT ?4 OFFSET ?5",
	[S_COUNT] = "SELECT count(*) FROM (SELECT 1 FROM articles_fts"
	            " JOIN articles AS a ON a.id = articles_fts.rowid"
	            " WHERE articles_fts MATCH ?1 AND " DATE_LIMITS " LIMIT ?4)",
	/* Without date limits the index alone answers (8x less CPU for rea* at 10^5). */
	[S_COUNT_WORDS] = "SELECT count(*) FROM (SELECT 1 FROM articles_fts"
	                  " WHERE articles_fts MATCH ?1 AND ?2 IS NULL AND ?3 IS NULL LIMIT ?4)",
	[S_COUNT_DATES] = "SELECT count(*) FROM (SELECT 1 FROM articles AS a"
	                  " WHERE " DATE_LIMITS " LIMIT ?4)",
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_COUNT_UNREAD] = "SELECT count(*) FROM (SELECT 1 FROM articles_fts"
	                   " JOIN articles AS a ON a.id = articles_fts.rowid"
	                   " WHERE articles_fts MATCH ?1 AND a.read = 0 AND " DATE_LIMITS " LIMIT ?4)",
	[S_COUNT_DATES_UNREAD] = "SELECT count(*) FROM (SELECT 1 FROM articles AS a"
	                         " WHERE a.read = 0 AND " DATE_LIMITS " LIMIT ?4)",
};

/* ---- messages ---------------------------------------------------------- */

void st_set_msg(char **err, const char *fmt, ...)
{
	va_list ap;
	if (!err)
		return;
	va_start(ap, fmt);
	if (vasprintf(err, fmt, ap) < 0)
		*err = NULL; /* out of memory: the caller still sees -1 */
	va_end(ap);
}

/*
 * Whether the store or its WAL has reached the file size limit (`ulimit -f`;
 * SIGXFSZ is ignored in main.c, so the write failed instead of killing us).
 * Asked of the files: the errno SQLite keeps is of its last system call,
 * not of the failed write.  A write that crossed the limit stops within a
 * WAL frame of it.
 */
static bool at_size_limit(const char *path)
{
	struct rlimit lim;
	struct stat sb;
	char wal[PATH_MAX];
	if (getrlimit(RLIMIT_FSIZE, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY)
		return false;
	snprintf(wal, sizeof wal, "%s-wal", path);
	for (int i = 0; i < 2; i++) {
		if (stat(i ? wal : path, &sb) == 0 && (rlim_t)sb.st_size + 65536 >= lim.rlim_cur)
			return true;
	}
	return false;
}

int st_code_of(sqlite3 *db, int rc)
{
	if ((rc & 0xff) == SQLITE_ERROR && db &&
	    strstr(sqlite3_errmsg(db), "vtable constructor failed"))
		return SQLITE_CORRUPT_VTAB;
	return rc;
}

/* What a damaged store says, wherever the damage is met. */
#define DAMAGED_MSG "%s is damaged: stopped (folio check says what is wrong)"

/*
 * A message for an SQLite failure, naming the store; always returns -1.
 * Damage met anywhere is remembered: nothing more is written to the store
 * (st_writable), and folio_store_damaged() tells the caller to stop.
 */
int st_fail(struct folio_store *st, int rc, const char *doing, char **err)
{
	const char *path = st->path;
	struct statvfs fs;
	/* SQLite's errno is that of its last try (the -shm file), so ask the file system. */
	if ((rc & 0xff) == SQLITE_CANTOPEN && statvfs(path, &fs) == 0 && (fs.f_flag & ST_RDONLY)) {
		st_set_msg(err, "%s: cannot %s: it is on a read-only file system, and a store "
		        "in WAL mode needs %s-shm beside it", path, doing, path);
		return -1;
	}
	if ((rc & 0xff) == SQLITE_IOERR && at_size_limit(path)) {
		st_set_msg(err, "%s reached the file size limit (ulimit -f) while writing it", path);
		return -1;
	}
	switch (st_code_of(st->db, rc) & 0xff) {
	case SQLITE_FULL:
		st_set_msg(err, "disk full while writing %s", path);
		break;
	case SQLITE_READONLY:
		if (rc == SQLITE_READONLY_CANTINIT || rc == SQLITE_READONLY_DIRECTORY)
			st_set_msg(err, "%s: cannot %s: its folder is read-only, and a store in "
			        "WAL mode needs %s-shm beside it", path, doing, path);
		else
			st_set_msg(err, "%s is read-only: cannot %s", path, doing);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		if (st->waiter.never)
			st_set_msg(err, "%s is busy: another program is writing it", path);
		else
			st_set_msg(err, "%s is busy: the program holding its write lock has changed "
			           "nothing for %u s (cannot %s)", path, folio_store_patience(), doing);
		break;
	case SQLITE_NOTADB:
		st->damaged = true;
		st_set_msg(err, "%s is damaged or not an SQLite file", path);
		break;
	case SQLITE_CORRUPT:
		st->damaged = true;
		st_set_msg(err, DAMAGED_MSG, path);
		break;
	case SQLITE_NOMEM:
		st_set_msg(err, "out of memory while using %s", path);
		break;
	default:
		st_set_msg(err, "%s: cannot %s: %s", path, doing,
		           st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		break;
	}
	return -1;
}

int st_writable(struct folio_store *st, const char *doing, char **err)
{
	if (st->damaged)
		st_set_msg(err, DAMAGED_MSG, st->path);
	else if (st->unwritable)
		st_set_msg(err, "%s cannot be written: %s", st->path, st->unwritable);
	else if (st->readonly)
		st_set_msg(err, "%s was opened read-only: cannot %s", st->path, doing);
	return st->damaged || st->readonly ? -1 : 0;
}

bool folio_store_damaged(const struct folio_store *st)
{
	return st->damaged;
}

const char *folio_store_path(const struct folio_store *st)
{
	return st->path;
}

/* ---- statements -------------------------------------------------------- */

sqlite3_stmt *st_prepare(struct folio_store *st, sqlite3_stmt **slot, const char *sql,
                         char **err)
{
	if (!*slot) {
		int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
		if (rc != SQLITE_OK) {
			st_fail(st, rc, "prepare a query", err);
			*slot = NULL;
		}
	}
	return *slot;
}

sqlite3_stmt *st_stmt(struct folio_store *st, enum stmt_id id, char **err)
{
	assert(id < S_COUNT_OF_STMTS);
	return st_prepare(st, &st->stmt[id], stmt_sql[id], err);
}

/* Run a statement that returns no rows, and reset it. */
static int run(struct folio_store *st, enum stmt_id id, const char *doing, char **err)
{
	sqlite3_stmt *s = st_stmt(st, id, err);
	int rc;
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return st_fail(st, rc, doing, err);
	return 0;
}

/* Step a statement that returns at most one row: 1 row, 0 none, -1 error (not reset). */
int st_step_one(struct folio_store *st, sqlite3_stmt *s, const char *doing, char **err)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sqlite3_reset(s);
	return st_fail(st, rc, doing, err);
}

/* ---- writing ----------------------------------------------------------- */

/* A batch defers indexing to its commit (schema step 2 says why). */
int folio_store_begin(struct folio_store *st, char **err)
{
	if (st_writable(st, "store articles", err) != 0)
		return -1;
	if (run(st, S_BEGIN, "start a transaction", err) != 0)
		return -1;
	if (run(st, S_OPEN_BATCH, "start a transaction", err) != 0) {
		folio_store_rollback(st);
		return -1;
	}
	return 0;
}

/*
 * Index the articles written in the batch, then commit: one FTS5 write per
 * batch.  On failure the transaction stays open for the caller to roll
 * back, so the index and the articles never disagree.
 */
int folio_store_commit(struct folio_store *st, char **err)
{
	if (st_writable(st, "store articles", err) != 0)
		return -1;
	if (run(st, S_INDEX_PENDING, "index the new articles", err) != 0 ||
	    run(st, S_CLEAR_PENDING, "index the new articles", err) != 0 ||
	    run(st, S_CLOSE_BATCH, "index the new articles", err) != 0)
		return -1;
	return run(st, S_COMMIT, "commit", err);
}

void folio_store_rollback(struct folio_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		run(st, S_ROLLBACK, "roll back", NULL);
}

/*
 * The content hash: two 64-bit lanes in the style of xxHash64 rounds, fed
 * 8-byte little-endian words, then avalanched.  Not cryptographic; it only
 * has to tell different articles apart, and 128 bits make an accidental
 * collision between 10^6 articles vanishingly unlikely.  Its output is stored:
 * changing it makes every article look new.
 */
#define P1 UINT64_C(0x9E3779B185EBCA87)
#define P2 UINT64_C(0xC2B2AE3D27D4EB4F)
#define P3 UINT64_C(0x165667B19E3779F9)
#define P4 UINT64_C(0x85EBCA77C2B2AE63)

struct hasher {
	uint64_t a, b, count;
	unsigned char buf[8];
	size_t nbuf;
};

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t avalanche(uint64_t h)
{
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

static void hash_word(struct hasher *h, uint64_t w)
{
	h->a = rotl(h->a + w * P2, 31) * P1;
	h->b = rotl(h->b ^ (w * P4), 27) * P1 + P3;
}

static void hash_bytes(struct hasher *h, const void *data, size_t len)
{
	const unsigned char *p = data;
	h->count += len;
	while (len > 0) {
		size_t take = 8 - h->nbuf;
		if (take > len)
			take = len;
		memcpy(h->buf + h->nbuf, p, take);
		h->nbuf += take;
		p += take;
		len -= take;
		if (h->nbuf == 8) {
			uint64_t w = 0;
			for (int i = 7; i >= 0; i--)
				w = (w << 8) | h->buf[i];
			hash_word(h, w);
			h->nbuf = 0;
		}
	}
}

/* A field as presence, length, bytes: no two field lists feed the same stream. */
static void hash_field(struct hasher *h, const char *s)
{
	unsigned char head[9] = {0};
	uint64_t len = s ? strlen(s) : 0;
	head[0] = s != NULL;
	for (int i = 0; i < 8; i++)
		head[1 + i] = (unsigned char)(len >> (8 * i));
	hash_bytes(h, head, sizeof head);
	if (s)
		hash_bytes(h, s, (size_t)len);
}

/* The hash of an article's content; key (an entry's id, or NULL) is hashed
 * after it, so the same text under two ids is two articles. */
static void hash_article(const struct folio_article *a, const char *source, const char *key,
                         unsigned char out[HASH_BYTES])
{
	struct hasher h = {.a = P1 + P2, .b = P3 ^ P4};
	const char *fields[] = {source, a->title, a->byline, a->date, a->dateline, a->body};
	uint64_t ha, hb;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		hash_field(&h, fields[i]);
	if (key)
		hash_field(&h, key);
	if (h.nbuf > 0) {
		uint64_t w = 0;
		for (int i = (int)h.nbuf - 1; i >= 0; i--)
			w = (w << 8) | h.buf[i];
		hash_word(&h, w);
	}
	ha = avalanche(h.a ^ h.count ^ rotl(h.b, 17));
	hb = avalanche(h.b + ha);
	for (int i = 0; i < 8; i++) {
		out[i] = (unsigned char)(ha >> (8 * i));
		out[8 + i] = (unsigned char)(hb >> (8 * i));
	}
}

/* A date the lists can sort: "YYYY-MM-DD", or "" (undated) for anything else. */
static const char *sortable_date(const char *date)
{
	static const char shape[] = "dddd-dd-dd";
	if (!date || strlen(date) != sizeof shape - 1)
		return "";
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? (date[i] < '0' || date[i] > '9') : date[i] != shape[i])
			return "";
	return date;
}

int st_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	return text ? sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

int st_read_rows(sqlite3_stmt *s, size_t limit, size_t size,
                 bool (*read_row)(sqlite3_stmt *s, void *item), void **items, size_t *count)
{
	size_t cap = 0;
	int rc = SQLITE_DONE;
	*items = NULL;
	*count = 0;
	while (*count < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!folio_grow_raw(items, &cap, *count + 1, size)) {
			rc = SQLITE_NOMEM;
			break;
		}
		void *item = (char *)*items + *count * size;
		memset(item, 0, size);
		++*count;
		if (!read_row(s, item)) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? SQLITE_DONE : rc; /* SQLITE_ROW: stopped at limit */
}

/* A file name is bytes, stored as a BLOB (schema step 4 says why). */
static int bind_path(sqlite3_stmt *s, int i, const char *path)
{
	return sqlite3_bind_blob(s, i, path, (int)strlen(path), SQLITE_STATIC);
}

/*
 * The id of the source named name, adding it when new.  An outlet's name
 * and its web address's name are one source: pages say "(CBSLA)" and
 * "(CBSLA.com)" alike, and the list shows the name met first.
 */
static int source_id_of(struct folio_store *st, const char *name, int64_t *id, char **err)
{
	sqlite3_stmt *find = st_stmt(st, S_FIND_SOURCE, err);
	sqlite3_stmt *add;
	int found;

	if (!find)
		return -1;
	if (st_bind_text(find, 1, name) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "look up a source", err);
	found = st_step_one(st, find, "look up a source", err);
	if (found < 0)
		return -1;
	if (found) {
		*id = sqlite3_column_int64(find, 0);
		sqlite3_reset(find);
		return 0;
	}
	sqlite3_reset(find);
	add = st_stmt(st, S_ADD_SOURCE, err);
	if (!add)
		return -1;
	if (st_bind_text(add, 1, name) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "add a source", err);
	found = st_step_one(st, add, "add a source", err);
	sqlite3_reset(add);
	if (found != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int set_url(struct folio_store *st, int64_t id, const char *url, char **err)
{
	sqlite3_stmt *s = st_stmt(st, S_SET_URL, err);
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK || st_bind_text(s, 2, url) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "write an address", err);
	int found = st_step_one(st, s, "write an address", err);
	sqlite3_reset(s);
	return found != 0 ? -1 : 0;
}

void folio_store_set_restore(struct folio_store *st, bool restore)
{
	st->restore_removed = restore;
}

enum put_how {
	PUT_PATH,      /* a file's article: replaces the one from the same path */
	PUT_KEYED,     /* a feed entry: its id is part of the content */
	PUT_UNCLAIMED, /* never replaces: a path that holds an article is FOLIO_PUT_TAKEN */
};

/* The body of put, inside its savepoint. */
static int put_inside(struct folio_store *st, const struct folio_article *a, const char *path,
                      enum put_how how, enum folio_put_result *result, char **err)
{
	const char *source = a->source ? a->source : UNKNOWN_SOURCE;
	unsigned char hash[HASH_BYTES];
	sqlite3_stmt *s;
	int64_t source_id = 0, old_id = 0, old_source = 0;
	int found;

	hash_article(a, source, how == PUT_KEYED ? path : NULL, hash);
	if (!(s = st_stmt(st, S_FIND_HASH, err)))
		return -1;
	if (sqlite3_bind_blob(s, 1, hash, HASH_BYTES, SQLITE_STATIC) != SQLITE_OK)
		return st_fail(st, sqlite3_errcode(st->db), "look up an article", err);
	found = st_step_one(st, s, "look up an article", err);
	if (found > 0) {
		/* The same text: only its address may be new (a store older than
		 * urls, a feed that moved).  One write, and only then. */
		int64_t id = sqlite3_column_int64(s, 0);
		const unsigned char *url = sqlite3_column_text(s, 1);
		bool new_url = a->url && (!url || strcmp((const char *)url, a->url) != 0);
		sqlite3_reset(s);
		*result = FOLIO_PUT_UNCHANGED;
		return new_url ? set_url(st, id, a->url, err) : 0;
	}
	sqlite3_reset(s);
	if (found < 0)
		return -1;
	if (strcmp(path, "-") != 0) {
		/* An article the user deleted stays deleted (folio_store_unremove()). */
		if (!(s = st_stmt(st, S_IS_REMOVED, err)))
			return -1;
		if (bind_path(s, 1, path) != SQLITE_OK)
			return st_fail(st, sqlite3_errcode(st->db), "look up a path", err);
		found = st_step_one(st, s, "look up a path", err);
		sqlite3_reset(s);
		if (found > 0 && st->restore_removed) {
			if (!(s = st_stmt(st, S_UNREMOVE, err)))
				return -1;
			if (bind_path(s, 1, path) != SQLITE_OK)
				return st_fail(st, sqlite3_errcode(st->db), "restore an article", err);
			found = st_step_one(st, s, "restore an article", err);
			sqlite3_reset(s);
		}
		if (found != 0) {
			*result = FOLIO_PUT_REMOVED;
			return found < 0 ? -1 : 0;
		}
		if (!(s = st_stmt(st, S_FIND_PATH, err)))
			return -1;
		if (bind_path(s, 1, path) != SQLITE_OK)
			return st_fail(st, sqlite3_errcode(st->db), "look up a path", err);
		found = st_step_one(st, s, "look up a path", err);
		if (found > 0) {
			old_id = sqlite3_column_int64(s, 0);
			old_source = sqlite3_column_int64(s, 1);
		}
		sqlite3_reset(s);
		if (found < 0)
			return -1;
		if (old_id && how == PUT_UNCLAIMED) {
			*result = FOLIO_PUT_TAKEN;
			return 0;
		}
	}
	if (source_id_of(st, source, &source_id, err) != 0)
		return -1;

	/* An update keeps the article's id, read and flagged state: same article, new text. */
	if (!(s = st_stmt(st, old_id ? S_UPDATE : S_INSERT, err)))
		return -1;
	if (sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK ||
	    st_bind_text(s, 2, a->title) != SQLITE_OK || st_bind_text(s, 3, a->byline) != SQLITE_OK ||
	    st_bind_text(s, 4, sortable_date(a->date)) != SQLITE_OK ||
	    st_bind_text(s, 5, a->dateline) != SQLITE_OK || st_bind_text(s, 6, a->body) != SQLITE_OK ||
	    bind_path(s, 7, path) != SQLITE_OK ||
	    sqlite3_bind_blob(s, 8, hash, HASH_BYTES, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 9, (int64_t)time(NULL)) != SQLITE_OK ||
	    st_bind_text(s, 11, a->url) != SQLITE_OK ||
	    (old_id && sqlite3_bind_int64(s, 10, old_id) != SQLITE_OK))
		return st_fail(st, sqlite3_errcode(st->db), "write an article", err);
	found = st_step_one(st, s, "write an article", err);
	sqlite3_reset(s);
	if (found != 0 ||
	    (!st->no_linking &&
	     st_near_link(st, old_id ? old_id : sqlite3_last_insert_rowid(st->db), a->body,
	                  old_id != 0, err) != 0))
		return -1;
	*result = old_id ? FOLIO_PUT_UPDATED : FOLIO_PUT_NEW;

	if (old_id && old_source != source_id) {
		/* The article moved to another source: drop the old one if now empty. */
		if (!(s = st_stmt(st, S_DROP_EMPTY_SOURCE, err)))
			return -1;
		if (sqlite3_bind_int64(s, 1, old_source) != SQLITE_OK)
			return st_fail(st, sqlite3_errcode(st->db), "drop a source", err);
		found = st_step_one(st, s, "drop a source", err);
		sqlite3_reset(s);
		if (found != 0)
			return -1;
	}
	return 0;
}

/* The text gate: every field was cleaned by text before it got here. */
static bool article_is_clean(const struct folio_article *a)
{
	const char *fields[] = { a->source, a->title, a->byline, a->date, a->dateline, a->body,
		                 a->url };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i] && !folio_text_is_clean(fields[i], strlen(fields[i])))
			return false;
	return true;
}

static int put(struct folio_store *st, const struct folio_article *a, const char *path,
               enum put_how how, enum folio_put_result *result, char **err)
{
	/* Outside a batch, take the write lock first so the busy handler can wait for it. */
	bool own_transaction = sqlite3_get_autocommit(st->db);

	assert(a && path && result);
	if (!FOLIO_ALWAYS(article_is_clean(a))) {
		st_set_msg(err, "%s: an article's text reached the store uncleaned (a bug in folio)",
		           st->path);
		return -1;
	}
	if (st_writable(st, "store an article", err) != 0)
		return -1;
	if (own_transaction && run(st, S_BEGIN, "start a transaction", err) != 0)
		return -1;
	if (run(st, S_SAVEPOINT, "start writing an article", err) != 0)
		goto abort;
	if (put_inside(st, a, path, how, result, err) != 0) {
		/* ROLLBACK TO undoes the partial article; RELEASE then ends the savepoint. */
		run(st, S_ROLLBACK_TO, "roll back", NULL);
		run(st, S_RELEASE, "roll back", NULL);
		goto abort;
	}
	if (run(st, S_RELEASE, "finish writing an article", err) != 0)
		goto abort;
	if (own_transaction && run(st, S_COMMIT, "commit", err) != 0)
		goto abort;
	return 0;
abort:
	if (own_transaction)
		folio_store_rollback(st);
	return -1;
}

int folio_store_put(struct folio_store *st, const struct folio_article *a,
                    const char *path, enum folio_put_result *result, char **err)
{
	return put(st, a, path, PUT_PATH, result, err);
}

int folio_store_put_unclaimed(struct folio_store *st, const struct folio_article *a,
                              const char *path, enum folio_put_result *result, char **err)
{
	return put(st, a, path, PUT_UNCLAIMED, result, err);
}

int folio_store_put_entry(struct folio_store *st, const struct folio_article *a,
                          const char *id, enum folio_put_result *result, char **err)
{
	return put(st, a, id, PUT_KEYED, result, err);
}
