/*
 * store: the SQLite file that holds every article, and every query on it.
 *
 * Shape, and why:
 * - Opening checks before it writes: the file is opened without CREATE when
 *   it exists, its application_id and user_version are read, and a foreign,
 *   newer or damaged file is refused untouched.  Only then is WAL switched on
 *   and the schema migrated, one transaction per step of `migrations`.
 * - Per-source counts live in `sources` and are kept in step by triggers, so
 *   the source pane never counts 10^6 rows.  The FTS5 index has external
 *   content (a view over articles and sources), also kept by triggers, so
 *   article text is stored once.
 * - Lists are keyset walks over (date, id) using row-value comparisons on the
 *   (source_id, date DESC, id DESC) and (date DESC, id DESC) indexes; partial
 *   indexes over unread rows make "next unread" a seek, not a scan.  The walk
 *   queries differ only in a few clauses, so they are built by one function
 *   and cached per variant.
 * - Every statement is prepared once per store and reset before a function
 *   returns, so no read transaction outlives a call.
 *
 * Query plans (checked by hand with EXPLAIN QUERY PLAN on SQLite 3.40, bound
 * parameters, a 5,000-article store):
 *   source page:     SEARCH s USING INTEGER PRIMARY KEY (rowid=?)
 *                    SEARCH a USING INDEX articles_by_source (source_id=? AND date<?)
 *   all-articles:    SEARCH a USING INDEX articles_by_date (date<?), then s by rowid
 *   next unread:     SEARCH a USING INDEX articles_unread_by_source (source_id=? AND date<?)
 *   position:        SEARCH a USING COVERING INDEX articles_by_source (source_id=? AND date>?)
 *   dates-only list: SEARCH a USING INDEX articles_by_date (date>? AND date<?)
 * No SCAN articles and no TEMP B-TREE FOR ORDER BY on any list path; ranked
 * search sorts its matches by score, which no index can give.
 */
#include <config.h>

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"

#define FOLIO_APPLICATION_ID 0x466F6C69 /* "Foli" */
#define BUSY_TIMEOUT_MS 15000
#define UNKNOWN_SOURCE "Unknown source"
#define HASH_BYTES 16
#define FALLBACK_SNIPPET_CHARS 160

/*
 * The schema, one entry per version: entry i takes a store from version i to
 * i + 1.  Adding version 2 is adding one string here; never edit a shipped step.
 */
static const char *const migrations[] = {
	/* 1: sources, articles, their indexes, counts and the full-text index. */
	"CREATE TABLE sources ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  total INTEGER NOT NULL DEFAULT 0,"
	"  unread INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  source_id INTEGER NOT NULL REFERENCES sources(id),"
	"  title TEXT, byline TEXT,"
	"  date TEXT NOT NULL DEFAULT '',"  /* '' = undated: sorts last, newest first */
	"  dateline TEXT, body TEXT,"
	"  path TEXT NOT NULL,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  imported_at INTEGER NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  flagged INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX articles_by_source ON articles(source_id, date DESC, id DESC);"
	"CREATE INDEX articles_by_date ON articles(date DESC, id DESC);"
	"CREATE INDEX articles_unread_by_source ON articles(source_id, date DESC, id DESC)"
	"  WHERE read = 0;"
	"CREATE INDEX articles_unread_by_date ON articles(date DESC, id DESC) WHERE read = 0;"
	"CREATE INDEX articles_by_path ON articles(path);"
	"CREATE VIEW articles_fts_content AS"
	"  SELECT a.id AS id, a.title AS title, a.byline AS byline, s.name AS source,"
	"         a.body AS body"
	"  FROM articles AS a JOIN sources AS s ON s.id = a.source_id;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, byline, source, body,"
	"  content='articles_fts_content', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_insert AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, title, byline, source, body)"
	"    VALUES (new.id, new.title, new.byline,"
	"            (SELECT name FROM sources WHERE id = new.source_id), new.body);"
	"  UPDATE sources SET total = total + 1, unread = unread + (new.read = 0)"
	"    WHERE id = new.source_id;"
	"END;"
	"CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, byline, source, body)"
	"    VALUES ('delete', old.id, old.title, old.byline,"
	"            (SELECT name FROM sources WHERE id = old.source_id), old.body);"
	"  UPDATE sources SET total = total - 1, unread = unread - (old.read = 0)"
	"    WHERE id = old.source_id;"
	"END;"
	"CREATE TRIGGER articles_update_text AFTER UPDATE OF title, byline, body, source_id"
	"  ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, byline, source, body)"
	"    VALUES ('delete', old.id, old.title, old.byline,"
	"            (SELECT name FROM sources WHERE id = old.source_id), old.body);"
	"  INSERT INTO articles_fts(rowid, title, byline, source, body)"
	"    VALUES (new.id, new.title, new.byline,"
	"            (SELECT name FROM sources WHERE id = new.source_id), new.body);"
	"END;"
	"CREATE TRIGGER articles_update_counts AFTER UPDATE OF read, source_id ON articles"
	"  WHEN old.read IS NOT new.read OR old.source_id IS NOT new.source_id BEGIN"
	"  UPDATE sources SET total = total - 1, unread = unread - (old.read = 0)"
	"    WHERE id = old.source_id;"
	"  UPDATE sources SET total = total + 1, unread = unread + (new.read = 0)"
	"    WHERE id = new.source_id;"
	"END;",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* The fixed statements, prepared on first use and kept for the store's life. */
enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK, S_SAVEPOINT, S_RELEASE, S_ROLLBACK_TO,
	S_FIND_HASH, S_FIND_SOURCE, S_ADD_SOURCE, S_FIND_PATH, S_INSERT, S_UPDATE,
	S_DROP_EMPTY_SOURCE, S_SOURCES, S_TOTALS, S_KEY_OF, S_GET, S_SET_READ,
	S_SET_FLAGGED, S_SEARCH, S_SEARCH_DATES, S_COUNT, S_COUNT_DATES,
	S_COUNT_OF_STMTS
};

/*
 * Date limits: after inclusive, before exclusive; any limit excludes the
 * undated.  Spelt as a plain range (NULL meaning "no bound") so the date
 * index can seek to it instead of scanning from the newest article.
 */
#define DATE_LIMITS \
	"a.date >= coalesce(?2, '') AND a.date < coalesce(?3, '~')" /* '~' > any date */ \
	" AND (a.date <> '' OR (?2 IS NULL AND ?3 IS NULL))"

static const char *const stmt_sql[S_COUNT_OF_STMTS] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_SAVEPOINT] = "SAVEPOINT folio_put",
	[S_RELEASE] = "RELEASE folio_put",
	[S_ROLLBACK_TO] = "ROLLBACK TO folio_put",
	[S_FIND_HASH] = "SELECT id FROM articles WHERE hash = ?1",
	[S_FIND_SOURCE] = "SELECT id FROM sources WHERE name = ?1",
	[S_ADD_SOURCE] = "INSERT INTO sources(name) VALUES (?1)",
	[S_FIND_PATH] = "SELECT id, source_id FROM articles WHERE path = ?1 ORDER BY id LIMIT 1",
	[S_INSERT] = "INSERT INTO articles(source_id, title, byline, date, dateline, body,"
	             " path, hash, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_UPDATE] = "UPDATE articles SET source_id = ?1, title = ?2, byline = ?3, date = ?4,"
	             " dateline = ?5, body = ?6, path = ?7, hash = ?8, imported_at = ?9"
	             " WHERE id = ?10",
	[S_DROP_EMPTY_SOURCE] = "DELETE FROM sources WHERE id = ?1 AND total = 0",
	[S_SOURCES] = "SELECT id, name, total, unread FROM sources"
	              " ORDER BY name COLLATE NOCASE, name",
	[S_TOTALS] = "SELECT coalesce(sum(total), 0), coalesce(sum(unread), 0) FROM sources",
	[S_KEY_OF] = "SELECT date, source_id FROM articles WHERE id = ?1",
	[S_GET] = "SELECT a.id, a.source_id, s.name, a.title, a.byline, a.date, a.dateline,"
	          " a.body, a.path, a.read, a.flagged"
	          " FROM articles AS a JOIN sources AS s ON s.id = a.source_id WHERE a.id = ?1",
	[S_SET_READ] = "UPDATE articles SET read = ?2 WHERE id = ?1",
	[S_SET_FLAGGED] = "UPDATE articles SET flagged = ?2 WHERE id = ?1",
	[S_SEARCH] = "SELECT a.id, bm25(articles_fts, 10.0, 3.0, 3.0, 1.0) AS score, a.date,"
	             " s.name, a.title, snippet(articles_fts, 3, '', '', '\xE2\x80\xA6', 16),"
	             " coalesce(substr(a.body, 1, ?6), ''), a.read, a.flagged"
	             " FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
	             " JOIN sources AS s ON s.id = a.source_id"
	             " WHERE articles_fts MATCH ?1 AND " DATE_LIMITS
	             " ORDER BY score LIMIT ?4 OFFSET ?5",
	[S_SEARCH_DATES] = "SELECT a.id, 0.0, a.date, s.name, a.title, '',"
	                   " coalesce(substr(a.body, 1, ?6), ''), a.read, a.flagged"
	                   " FROM articles AS a JOIN sources AS s ON s.id = a.source_id"
	                   " WHERE " DATE_LIMITS
	                   " ORDER BY a.date DESC, a.id DESC LIMIT ?4 OFFSET ?5",
	[S_COUNT] = "SELECT count(*) FROM (SELECT 1 FROM articles_fts"
	            " JOIN articles AS a ON a.id = articles_fts.rowid"
	            " WHERE articles_fts MATCH ?1 AND " DATE_LIMITS " LIMIT ?4)",
	[S_COUNT_DATES] = "SELECT count(*) FROM (SELECT 1 FROM articles AS a"
	                  " WHERE " DATE_LIMITS " LIMIT ?4)",
};

/* Keyset walks: what they return, and which variant of the WHERE/ORDER BY. */
enum walk_what { WALK_ROWS, WALK_IDS, WALK_COUNT, WALK_WHATS };
#define WALK_SLOTS (WALK_WHATS * 2 * 2 * 2)

struct folio_store {
	sqlite3 *db;
	char *path;
	bool readonly;
	sqlite3_stmt *stmt[S_COUNT_OF_STMTS];
	sqlite3_stmt *walk[WALK_SLOTS];
};

/* Keys beyond every real row, so "from the top" and "from the end" are walks too. */
static const char TOP_DATE[] = "~";  /* after every "YYYY-MM-DD" */
static const char BOTTOM_DATE[] = ""; /* the undated, which sort last */

/* ---- messages ---------------------------------------------------------- */

static void set_msg(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_msg(char **err, const char *fmt, ...)
{
	va_list ap;
	if (!err)
		return;
	va_start(ap, fmt);
	if (vasprintf(err, fmt, ap) < 0)
		*err = NULL; /* out of memory: the caller still sees -1 */
	va_end(ap);
}

/* A message for an SQLite failure, naming the store; always returns -1. */
static int fail_rc(const char *path, sqlite3 *db, int rc, const char *doing, char **err)
{
	const char *why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_FULL:
		set_msg(err, "disk full while writing %s", path);
		break;
	case SQLITE_READONLY:
		set_msg(err, "%s is read-only: cannot %s", path, doing);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		set_msg(err, "%s is busy: another program kept it locked (%s)", path, doing);
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		set_msg(err, "%s is damaged or not an SQLite file", path);
		break;
	case SQLITE_NOMEM:
		set_msg(err, "out of memory while using %s", path);
		break;
	default:
		set_msg(err, "%s: cannot %s: %s", path, doing, why);
		break;
	}
	return -1;
}

static int fail(struct folio_store *st, int rc, const char *doing, char **err)
{
	return fail_rc(st->path, st->db, rc, doing, err);
}

/* ---- statements -------------------------------------------------------- */

static sqlite3_stmt *prepare(struct folio_store *st, sqlite3_stmt **slot, const char *sql,
                             char **err)
{
	if (!*slot) {
		int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
		if (rc != SQLITE_OK) {
			fail(st, rc, "prepare a query", err);
			*slot = NULL;
		}
	}
	return *slot;
}

static sqlite3_stmt *stmt(struct folio_store *st, enum stmt_id id, char **err)
{
	assert(id < S_COUNT_OF_STMTS);
	return prepare(st, &st->stmt[id], stmt_sql[id], err);
}

/*
 * A keyset walk over one list.  Parameters: ?1 source id (when by_source),
 * ?2/?3 the key (date, id) to walk away from, ?4 the limit.  older walks
 * toward the end of the list (descending), otherwise toward its top
 * (ascending: the caller reverses).  WALK_COUNT counts the rows above a key.
 */
static sqlite3_stmt *walk_stmt(struct folio_store *st, enum walk_what what, bool by_source,
                               bool unread_only, bool older, char **err)
{
	static const char *const columns[WALK_WHATS] = {
		[WALK_ROWS] = "a.id, a.date, s.name, a.title, a.read, a.flagged"
		              " FROM articles AS a JOIN sources AS s ON s.id = a.source_id",
		[WALK_IDS] = "a.id FROM articles AS a",
		[WALK_COUNT] = "count(*) FROM articles AS a",
	};
	char sql[512];
	const char *dir = older ? "DESC" : "ASC";
	size_t slot = (((size_t)what * 2 + by_source) * 2 + unread_only) * 2 + older;
	int len;

	assert(what < WALK_WHATS && slot < WALK_SLOTS);
	assert(what != WALK_COUNT || !older);
	if (st->walk[slot])
		return st->walk[slot];
	/* `read = 0` is spelt literally so the partial unread indexes apply. */
	len = snprintf(sql, sizeof sql, "SELECT %s WHERE %s%s(a.date, a.id) %s (?2, ?3)",
	               columns[what], by_source ? "a.source_id = ?1 AND " : "",
	               unread_only ? "a.read = 0 AND " : "", older ? "<" : ">");
	if (what != WALK_COUNT && len > 0 && (size_t)len < sizeof sql)
		len += snprintf(sql + len, sizeof sql - (size_t)len,
		                " ORDER BY a.date %s, a.id %s LIMIT ?4", dir, dir);
	assert(len > 0 && (size_t)len < sizeof sql);
	return prepare(st, &st->walk[slot], sql, err);
}

/* Run a statement that returns no rows, and reset it. */
static int run(struct folio_store *st, enum stmt_id id, const char *doing, char **err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	int rc;
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, doing, err);
	return 0;
}

/* Step a statement that returns at most one row: 1 row, 0 none, -1 error (not reset). */
static int step_one(struct folio_store *st, sqlite3_stmt *s, const char *doing, char **err)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sqlite3_reset(s);
	return fail(st, rc, doing, err);
}

static char *dup_column(sqlite3_stmt *s, int col, bool *nomem)
{
	const unsigned char *text = sqlite3_column_text(s, col);
	char *copy;
	if (!text)
		return NULL;
	copy = strdup((const char *)text);
	if (!copy)
		*nomem = true;
	return copy;
}

/* Double an array's room (16 to start); NULL, with array untouched, when memory runs out. */
static void *grow(void *array, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 16;
	void *grown;
	if (ncap > SIZE_MAX / size)
		return NULL;
	grown = realloc(array, ncap * size);
	if (grown)
		*cap = ncap;
	return grown;
}

static void copy_date(char dst[11], sqlite3_stmt *s, int col)
{
	const unsigned char *text = sqlite3_column_text(s, col);
	snprintf(dst, 11, "%s", text ? (const char *)text : "");
}

/* ---- opening ----------------------------------------------------------- */

/* mkdir -p for the folder that will hold path; new folders are private. */
static int make_parents(const char *path, char **err)
{
	char *dir = strdup(path);
	char *slash;
	int ret = 0;

	if (!dir) {
		set_msg(err, "out of memory while creating %s", path);
		return -1;
	}
	slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; ret == 0; p++) {
		bool last = *p == '\0';
		if (*p != '/' && !last)
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			set_msg(err, "cannot create the folder %s for %s: %s", dir, path, strerror(errno));
			ret = -1;
		} else {
			struct stat sb;
			if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
				set_msg(err, "cannot create %s: %s is not a folder", path, dir);
				ret = -1;
			}
		}
		if (last)
			break;
		*p = '/';
	}
	free(dir);
	return ret;
}

/*
 * Why sqlite3_open_v2 failed.  SQLite's own errno is that of its last
 * attempt (often a read-only retry), so a file that could not be created is
 * explained by its folder.
 */
static void describe_open_failure(struct folio_store *st, bool exists, int rc, char **err)
{
	char *dir = strdup(st->path);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	int sys = st->db ? sqlite3_system_errno(st->db) : 0;

	if (slash)
		slash[slash == dir] = '\0'; /* "/x" -> "/", "a/x" -> "a" */
	if (!exists && dir && access(slash ? dir : ".", W_OK | X_OK) != 0)
		set_msg(err, "cannot create %s: %s", st->path, strerror(errno));
	else if (sys != 0)
		set_msg(err, "cannot open %s: %s", st->path, strerror(sys));
	else
		set_msg(err, "cannot open %s: %s", st->path,
		        st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	free(dir);
}

/* Read one integer from a pragma or query; the first read of a file, so it sees damage. */
static int read_int(struct folio_store *st, const char *sql, int64_t *value, char **err)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*value = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return fail(st, rc, "read it", err);
	return 0;
}

static int exec(struct folio_store *st, const char *sql, const char *doing, char **err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return fail(st, rc, doing, err);
	return 0;
}

/* Bring the schema from its version to ours, one transaction per step. */
static int migrate(struct folio_store *st, char **err)
{
	for (;;) {
		int64_t version;
		char sql[96];

		if (exec(st, "BEGIN IMMEDIATE", "start upgrading it", err) != 0)
			return -1;
		/* Read again inside the lock: another folio may have just migrated it. */
		if (read_int(st, "PRAGMA user_version", &version, err) != 0)
			goto rollback;
		if (version >= SCHEMA_VERSION)
			return exec(st, "COMMIT", "finish upgrading it", err);
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		         (int)version + 1, FOLIO_APPLICATION_ID);
		if (exec(st, migrations[version], "upgrade its schema", err) != 0 ||
		    exec(st, sql, "upgrade its schema", err) != 0 ||
		    exec(st, "COMMIT", "finish upgrading it", err) != 0)
			goto rollback;
	}
rollback:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* The checks that must pass before anything is written to the file. */
static int check_identity(struct folio_store *st, char **err)
{
	int64_t app_id, version, objects;

	if (read_int(st, "PRAGMA application_id", &app_id, err) != 0 ||
	    read_int(st, "PRAGMA user_version", &version, err) != 0 ||
	    read_int(st, "SELECT count(*) FROM sqlite_master", &objects, err) != 0)
		return -1;
	if (app_id != FOLIO_APPLICATION_ID && (app_id != 0 || version != 0 || objects != 0)) {
		set_msg(err, "%s is not a folio store", st->path);
		return -1;
	}
	if (version > SCHEMA_VERSION) {
		set_msg(err, "%s was written by a newer folio (schema %" PRId64
		        ", this folio knows %d)", st->path, version, SCHEMA_VERSION);
		return -1;
	}
	if (st->readonly && version < SCHEMA_VERSION) {
		if (version == 0)
			set_msg(err, "%s is empty, not a folio store", st->path);
		else
			set_msg(err, "%s has an older schema (%" PRId64 "); open it once for "
			        "writing to upgrade it", st->path, version);
		return -1;
	}
	return 0;
}

int folio_store_open(const char *path, int flags, struct folio_store **out, char **err)
{
	struct folio_store *st;
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	int oflags = SQLITE_OPEN_NOMUTEX;
	int rc;

	*out = NULL;
	if (!exists && errno != ENOENT) {
		set_msg(err, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (flags & FOLIO_STORE_READONLY) {
		oflags |= SQLITE_OPEN_READONLY;
		if (!exists) {
			set_msg(err, "%s does not exist", path);
			return -1;
		}
	} else {
		oflags |= SQLITE_OPEN_READWRITE;
		if (!exists) {
			if (!(flags & FOLIO_STORE_CREATE)) {
				set_msg(err, "%s does not exist", path);
				return -1;
			}
			if (make_parents(path, err) != 0)
				return -1;
			oflags |= SQLITE_OPEN_CREATE;
		}
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		set_msg(err, "%s is a folder, not a folio store", path);
		return -1;
	}

	st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		set_msg(err, "out of memory while opening %s", path);
		return -1;
	}
	st->readonly = flags & FOLIO_STORE_READONLY;
	rc = sqlite3_open_v2(path, &st->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		describe_open_failure(st, exists, rc, err);
		folio_store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (check_identity(st, err) != 0)
		goto fail;
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		set_msg(err, "%s is read-only (no permission to write it)", path);
		goto fail;
	}
	/* Now known to be ours (or empty): writing is allowed. */
	if (!st->readonly &&
	    (exec(st, "PRAGMA journal_mode = WAL", "switch it to WAL mode", err) != 0 ||
	     exec(st, "PRAGMA synchronous = NORMAL", "set it up", err) != 0))
		goto fail;
	/*
	 * A page cache of at most 32 MB (the default is 2 MB): an import into a
	 * big FTS index otherwise rereads its pages, nearly halving the rate.
	 */
	if (exec(st, "PRAGMA foreign_keys = ON", "set it up", err) != 0 ||
	    exec(st, "PRAGMA cache_size = -32768", "set it up", err) != 0)
		goto fail;
	if (!st->readonly && migrate(st, err) != 0)
		goto fail;
	*out = st;
	return 0;
fail:
	folio_store_close(st);
	return -1;
}

void folio_store_close(struct folio_store *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < S_COUNT_OF_STMTS; i++)
		sqlite3_finalize(st->stmt[i]);
	for (size_t i = 0; i < WALK_SLOTS; i++)
		sqlite3_finalize(st->walk[i]);
	if (st->db && sqlite3_close(st->db) != SQLITE_OK)
		assert(!"a statement outlived its store"); /* every statement is finalized above */
	free(st->path);
	free(st);
}

const char *folio_store_sqlite_version(void)
{
	return sqlite3_libversion();
}

/* ---- writing ----------------------------------------------------------- */

int folio_store_begin(struct folio_store *st, char **err)
{
	return run(st, S_BEGIN, "start a transaction", err);
}

int folio_store_commit(struct folio_store *st, char **err)
{
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

static void hash_article(const struct folio_article *a, const char *source,
                         unsigned char out[HASH_BYTES])
{
	struct hasher h = {.a = P1 + P2, .b = P3 ^ P4};
	const char *fields[] = {source, a->title, a->byline, a->date, a->dateline, a->body};
	uint64_t ha, hb;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		hash_field(&h, fields[i]);
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

static int bind_text(sqlite3_stmt *s, int i, const char *text)
{
	return text ? sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

/* The id of the source named name, adding it when new. */
static int source_id_of(struct folio_store *st, const char *name, int64_t *id, char **err)
{
	sqlite3_stmt *find = stmt(st, S_FIND_SOURCE, err);
	sqlite3_stmt *add;
	int found;

	if (!find)
		return -1;
	if (bind_text(find, 1, name) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "look up a source", err);
	found = step_one(st, find, "look up a source", err);
	if (found < 0)
		return -1;
	if (found) {
		*id = sqlite3_column_int64(find, 0);
		sqlite3_reset(find);
		return 0;
	}
	sqlite3_reset(find);
	add = stmt(st, S_ADD_SOURCE, err);
	if (!add)
		return -1;
	if (bind_text(add, 1, name) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "add a source", err);
	found = step_one(st, add, "add a source", err);
	sqlite3_reset(add);
	if (found != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* The body of put, inside its savepoint. */
static int put_inside(struct folio_store *st, const struct folio_article *a, const char *path,
                      enum folio_put_result *result, char **err)
{
	const char *source = a->source ? a->source : UNKNOWN_SOURCE;
	unsigned char hash[HASH_BYTES];
	sqlite3_stmt *s;
	int64_t source_id = 0, old_id = 0, old_source = 0;
	int found;

	hash_article(a, source, hash);
	if (!(s = stmt(st, S_FIND_HASH, err)))
		return -1;
	if (sqlite3_bind_blob(s, 1, hash, HASH_BYTES, SQLITE_STATIC) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "look up an article", err);
	found = step_one(st, s, "look up an article", err);
	sqlite3_reset(s);
	if (found != 0) {
		*result = FOLIO_PUT_UNCHANGED;
		return found < 0 ? -1 : 0;
	}
	if (source_id_of(st, source, &source_id, err) != 0)
		return -1;

	if (strcmp(path, "-") != 0) {
		if (!(s = stmt(st, S_FIND_PATH, err)))
			return -1;
		if (bind_text(s, 1, path) != SQLITE_OK)
			return fail(st, sqlite3_errcode(st->db), "look up a path", err);
		found = step_one(st, s, "look up a path", err);
		if (found > 0) {
			old_id = sqlite3_column_int64(s, 0);
			old_source = sqlite3_column_int64(s, 1);
		}
		sqlite3_reset(s);
		if (found < 0)
			return -1;
	}

	/* An update keeps the article's id, read and flagged state: same article, new text. */
	if (!(s = stmt(st, old_id ? S_UPDATE : S_INSERT, err)))
		return -1;
	if (sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK ||
	    bind_text(s, 2, a->title) != SQLITE_OK || bind_text(s, 3, a->byline) != SQLITE_OK ||
	    bind_text(s, 4, sortable_date(a->date)) != SQLITE_OK ||
	    bind_text(s, 5, a->dateline) != SQLITE_OK || bind_text(s, 6, a->body) != SQLITE_OK ||
	    bind_text(s, 7, path) != SQLITE_OK ||
	    sqlite3_bind_blob(s, 8, hash, HASH_BYTES, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 9, (int64_t)time(NULL)) != SQLITE_OK ||
	    (old_id && sqlite3_bind_int64(s, 10, old_id) != SQLITE_OK))
		return fail(st, sqlite3_errcode(st->db), "write an article", err);
	found = step_one(st, s, "write an article", err);
	sqlite3_reset(s);
	if (found != 0)
		return -1;
	*result = old_id ? FOLIO_PUT_UPDATED : FOLIO_PUT_NEW;

	if (old_id && old_source != source_id) {
		/* The article moved to another source: drop the old one if now empty. */
		if (!(s = stmt(st, S_DROP_EMPTY_SOURCE, err)))
			return -1;
		if (sqlite3_bind_int64(s, 1, old_source) != SQLITE_OK)
			return fail(st, sqlite3_errcode(st->db), "drop a source", err);
		found = step_one(st, s, "drop a source", err);
		sqlite3_reset(s);
		if (found != 0)
			return -1;
	}
	return 0;
}

int folio_store_put(struct folio_store *st, const struct folio_article *a,
                    const char *path, enum folio_put_result *result, char **err)
{
	/* Outside a batch, take the write lock first so the busy handler can wait for it. */
	bool own_transaction = sqlite3_get_autocommit(st->db);

	assert(a && path && result);
	if (st->readonly) {
		set_msg(err, "%s was opened read-only: cannot store %s", st->path, path);
		return -1;
	}
	if (own_transaction && run(st, S_BEGIN, "start a transaction", err) != 0)
		return -1;
	if (run(st, S_SAVEPOINT, "start writing an article", err) != 0)
		goto abort;
	if (put_inside(st, a, path, result, err) != 0) {
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

/* ---- reading ----------------------------------------------------------- */

int folio_store_sources(struct folio_store *st, struct folio_source_row **rows,
                        size_t *n, char **err)
{
	sqlite3_stmt *s = stmt(st, S_SOURCES, err);
	struct folio_source_row *list = NULL;
	size_t count = 0, cap = 0;
	bool nomem = false;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (count == cap) {
			struct folio_source_row *grown = grow(list, &cap, sizeof *list);
			if (!grown) {
				nomem = true;
				break;
			}
			list = grown;
		}
		list[count] = (struct folio_source_row){
			.id = sqlite3_column_int64(s, 0),
			.name = dup_column(s, 1, &nomem),
			.total = sqlite3_column_int64(s, 2),
			.unread = sqlite3_column_int64(s, 3),
		};
		count++;
		if (nomem)
			break;
	}
	sqlite3_reset(s);
	if (nomem || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		folio_store_sources_free(list, count);
		return nomem ? fail(st, SQLITE_NOMEM, "list sources", err)
		             : fail(st, rc, "list sources", err);
	}
	*rows = list;
	*n = count;
	return 0;
}

void folio_store_sources_free(struct folio_source_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

int folio_store_totals(struct folio_store *st, int64_t *total, int64_t *unread, char **err)
{
	sqlite3_stmt *s = stmt(st, S_TOTALS, err);
	int found;

	if (!s)
		return -1;
	found = step_one(st, s, "count articles", err);
	if (found > 0) {
		*total = sqlite3_column_int64(s, 0);
		*unread = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return found > 0 ? 0 : -1;
}

static void reverse_rows(struct folio_list_row *rows, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct folio_list_row t = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = t;
	}
}

static int bind_walk(struct folio_store *st, sqlite3_stmt *s, int64_t source_id,
                     const char *date, int64_t id, int64_t limit, char **err)
{
	if (sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK ||
	    sqlite3_bind_text(s, 2, date, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 3, id) != SQLITE_OK ||
	    (sqlite3_bind_parameter_count(s) >= 4 && sqlite3_bind_int64(s, 4, limit) != SQLITE_OK))
		return fail(st, sqlite3_errcode(st->db), "read a list", err);
	return 0;
}

int folio_store_list(struct folio_store *st, int64_t source_id,
                     const struct folio_list_key *after, bool backward, bool from_end,
                     size_t limit, struct folio_list_row **rows, size_t *n, char **err)
{
	/* Walk down from a key (or the top), or up from a key (or the bottom) and reverse. */
	bool up = after ? backward : from_end;
	const char *date = after ? after->date : up ? BOTTOM_DATE : TOP_DATE;
	int64_t id = after ? after->id : up ? INT64_MIN : INT64_MAX;
	sqlite3_stmt *s = walk_stmt(st, WALK_ROWS, source_id != 0, false, !up, err);
	struct folio_list_row *list = NULL;
	size_t count = 0, cap = 0;
	bool nomem = false;
	int rc = SQLITE_DONE;

	*rows = NULL;
	*n = 0;
	if (!s)
		return -1;
	if (limit == 0)
		return 0;
	if (bind_walk(st, s, source_id, date, id, limit > INT64_MAX ? INT64_MAX : (int64_t)limit,
	              err) != 0)
		return -1;
	while (count < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct folio_list_row *r;
		if (count == cap) {
			struct folio_list_row *grown = grow(list, &cap, sizeof *list);
			if (!grown) {
				nomem = true;
				break;
			}
			list = grown;
		}
		r = &list[count++];
		r->id = sqlite3_column_int64(s, 0);
		copy_date(r->date, s, 1);
		r->source = dup_column(s, 2, &nomem);
		r->title = dup_column(s, 3, &nomem);
		r->read = sqlite3_column_int(s, 4) != 0;
		r->flagged = sqlite3_column_int(s, 5) != 0;
		if (nomem)
			break;
	}
	sqlite3_reset(s);
	if (nomem || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		folio_store_rows_free(list, count);
		return fail(st, nomem ? SQLITE_NOMEM : rc, "read a list", err);
	}
	if (up)
		reverse_rows(list, count);
	*rows = list;
	*n = count;
	return 0;
}

void folio_store_rows_free(struct folio_list_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].source);
		free(rows[i].title);
	}
	free(rows);
}

int folio_store_list_position(struct folio_store *st, int64_t source_id,
                              const struct folio_list_key *key, int64_t *pos, char **err)
{
	sqlite3_stmt *s = walk_stmt(st, WALK_COUNT, source_id != 0, false, false, err);
	int found;

	if (!s || bind_walk(st, s, source_id, key->date, key->id, 0, err) != 0)
		return -1;
	found = step_one(st, s, "find a position", err);
	if (found > 0)
		*pos = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return found > 0 ? 0 : -1;
}

int folio_store_neighbour(struct folio_store *st, int64_t source_id, int64_t id,
                          int direction, bool unread_only, int64_t *next,
                          bool *found, char **err)
{
	sqlite3_stmt *key = stmt(st, S_KEY_OF, err);
	sqlite3_stmt *s;
	char date[11];
	int got;

	assert(direction == 1 || direction == -1);
	*found = false;
	if (!key)
		return -1;
	if (sqlite3_bind_int64(key, 1, id) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "find an article", err);
	got = step_one(st, key, "find an article", err);
	if (got > 0)
		copy_date(date, key, 0);
	sqlite3_reset(key);
	if (got <= 0) {
		if (got == 0)
			set_msg(err, "%s has no article %" PRId64, st->path, id);
		return -1;
	}
	s = walk_stmt(st, WALK_IDS, source_id != 0, unread_only, direction > 0, err);
	if (!s || bind_walk(st, s, source_id, date, id, 1, err) != 0)
		return -1;
	got = step_one(st, s, "find the next article", err);
	if (got > 0) {
		*next = sqlite3_column_int64(s, 0);
		*found = true;
	}
	sqlite3_reset(s);
	return got < 0 ? -1 : 0;
}

int folio_store_get(struct folio_store *st, int64_t id, struct folio_record *out, char **err)
{
	sqlite3_stmt *s = stmt(st, S_GET, err);
	bool nomem = false;
	int found;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "read an article", err);
	found = step_one(st, s, "read an article", err);
	if (found <= 0) {
		sqlite3_reset(s);
		return found < 0 ? -1 : 1;
	}
	out->id = sqlite3_column_int64(s, 0);
	out->source_id = sqlite3_column_int64(s, 1);
	out->source = dup_column(s, 2, &nomem);
	out->title = dup_column(s, 3, &nomem);
	out->byline = dup_column(s, 4, &nomem);
	if (sqlite3_column_bytes(s, 5) > 0) /* '' is undated: NULL like the other unknowns */
		out->date = dup_column(s, 5, &nomem);
	out->dateline = dup_column(s, 6, &nomem);
	out->body = dup_column(s, 7, &nomem);
	out->path = dup_column(s, 8, &nomem);
	out->read = sqlite3_column_int(s, 9) != 0;
	out->flagged = sqlite3_column_int(s, 10) != 0;
	sqlite3_reset(s);
	if (nomem) {
		folio_record_free(out);
		return fail(st, SQLITE_NOMEM, "read an article", err);
	}
	return 0;
}

void folio_record_free(struct folio_record *r)
{
	free(r->source);
	free(r->title);
	free(r->byline);
	free(r->date);
	free(r->dateline);
	free(r->body);
	free(r->path);
	memset(r, 0, sizeof *r);
}

static int set_mark(struct folio_store *st, enum stmt_id which, int64_t id, bool on, char **err)
{
	sqlite3_stmt *s = stmt(st, which, err);
	int rc;

	if (!s)
		return -1;
	if (st->readonly) {
		set_msg(err, "%s was opened read-only: cannot mark article %" PRId64, st->path, id);
		return -1;
	}
	if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK || sqlite3_bind_int(s, 2, on) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "mark an article", err);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, "mark an article", err);
	if (sqlite3_changes(st->db) == 0) {
		set_msg(err, "%s has no article %" PRId64, st->path, id);
		return -1;
	}
	return 0;
}

int folio_store_set_read(struct folio_store *st, int64_t id, bool read, char **err)
{
	return set_mark(st, S_SET_READ, id, read, err);
}

int folio_store_set_flagged(struct folio_store *st, int64_t id, bool flagged, char **err)
{
	return set_mark(st, S_SET_FLAGGED, id, flagged, err);
}

/* ---- search ------------------------------------------------------------ */

static int bind_search(struct folio_store *st, sqlite3_stmt *s, const char *match,
                       const char *after, const char *before, int64_t limit, char **err)
{
	if ((match && bind_text(s, 1, match) != SQLITE_OK) || bind_text(s, 2, after) != SQLITE_OK ||
	    bind_text(s, 3, before) != SQLITE_OK || sqlite3_bind_int64(s, 4, limit) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "search", err);
	return 0;
}

/* A search failure: a bad expression is the parser's bug, so show SQLite's words. */
static int fail_search(struct folio_store *st, int rc, char **err)
{
	if ((rc & 0xff) == SQLITE_ERROR) {
		set_msg(err, "%s: search failed: %s", st->path, sqlite3_errmsg(st->db));
		return -1;
	}
	return fail(st, rc, "search", err);
}

int folio_store_search(struct folio_store *st, const char *match, const char *after,
                       const char *before, size_t limit, size_t offset,
                       struct folio_hit **hits, size_t *n, char **err)
{
	sqlite3_stmt *s = stmt(st, match ? S_SEARCH : S_SEARCH_DATES, err);
	struct folio_hit *list = NULL;
	size_t count = 0, cap = 0;
	bool nomem = false;
	int rc = SQLITE_DONE;

	*hits = NULL;
	*n = 0;
	if (!s)
		return -1;
	if (limit == 0)
		return 0;
	if (bind_search(st, s, match, after, before, limit > INT64_MAX ? INT64_MAX : (int64_t)limit,
	                err) != 0)
		return -1;
	if (sqlite3_bind_int64(s, 5, offset > INT64_MAX ? INT64_MAX : (int64_t)offset) != SQLITE_OK ||
	    sqlite3_bind_int(s, 6, FALLBACK_SNIPPET_CHARS) != SQLITE_OK)
		return fail(st, sqlite3_errcode(st->db), "search", err);
	while (count < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* A hit with no word in the body still shows where the body starts. */
		int snippet_col = sqlite3_column_bytes(s, 5) > 0 ? 5 : 6;
		struct folio_hit *h;
		if (count == cap) {
			struct folio_hit *grown = grow(list, &cap, sizeof *list);
			if (!grown) {
				nomem = true;
				break;
			}
			list = grown;
		}
		h = &list[count++];
		h->id = sqlite3_column_int64(s, 0);
		h->score = sqlite3_column_double(s, 1);
		copy_date(h->date, s, 2);
		h->source = dup_column(s, 3, &nomem);
		h->title = dup_column(s, 4, &nomem);
		h->snippet = dup_column(s, snippet_col, &nomem);
		h->read = sqlite3_column_int(s, 7) != 0;
		h->flagged = sqlite3_column_int(s, 8) != 0;
		if (nomem)
			break;
	}
	sqlite3_reset(s);
	if (nomem || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		folio_store_hits_free(list, count);
		return nomem ? fail(st, SQLITE_NOMEM, "search", err) : fail_search(st, rc, err);
	}
	*hits = list;
	*n = count;
	return 0;
}

void folio_store_hits_free(struct folio_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].source);
		free(hits[i].title);
		free(hits[i].snippet);
	}
	free(hits);
}

int folio_store_search_count(struct folio_store *st, const char *match, const char *after,
                             const char *before, int64_t cap, int64_t *count, char **err)
{
	sqlite3_stmt *s = stmt(st, match ? S_COUNT : S_COUNT_DATES, err);
	int rc;

	*count = 0;
	if (!s || bind_search(st, s, match, after, before, cap, err) != 0)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return fail_search(st, rc, err);
	return 0;
}
