/*
 * store_open: opening a store, its schema and its migrations.
 *
 * Opening checks before it writes: the file is opened without CREATE when
 * it exists, its application_id and user_version are read, and a foreign,
 * newer or damaged file is refused untouched.  Only then is WAL switched on
 * and the schema migrated: the steps of `migrations`, in one transaction.
 */
#include <config.h>

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

#define FOLIO_APPLICATION_ID 0x466F6C69 /* "Foli" */
#define BUSY_TIMEOUT_MS 15000

/*
 * The schema, one entry per version: entry i takes a store from version i to
 * i + 1.  A new version is one more string here; never edit a shipped step.
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
	/*
	 * 2: in a batch, articles reach the full-text index at commit, not row by
	 * row.  An FTS5 write inside the per-article savepoint makes FTS5 flush
	 * one index segment per article, which cost import about 40% of its time.
	 * folio_store_begin puts a row in articles_fts_batch (never committed);
	 * while it is there, new and changed articles are listed in
	 * articles_fts_pending, and the commit indexes the list in one statement
	 * and empties both, in the same transaction, so a committed store never
	 * has a pending row.  Any other write (outside a batch, or by another
	 * program) is indexed at once, as in version 1.  Removing an entry needs
	 * the text that was indexed, so it stays in the triggers, which skip
	 * articles still pending (never indexed).
	 */
	"CREATE TABLE articles_fts_pending (id INTEGER PRIMARY KEY);"
	"CREATE TABLE articles_fts_batch (open INTEGER);"
	"DROP TRIGGER articles_insert;"
	"CREATE TRIGGER articles_insert AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts_pending(id)"
	"    SELECT new.id WHERE EXISTS (SELECT 1 FROM articles_fts_batch);"
	"  INSERT INTO articles_fts(rowid, title, byline, source, body)"
	"    SELECT new.id, new.title, new.byline,"
	"           (SELECT name FROM sources WHERE id = new.source_id), new.body"
	"    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_batch);"
	"  UPDATE sources SET total = total + 1, unread = unread + (new.read = 0)"
	"    WHERE id = new.source_id;"
	"END;"
	"DROP TRIGGER articles_delete;"
	"CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, byline, source, body)"
	"    SELECT 'delete', old.id, old.title, old.byline,"
	"           (SELECT name FROM sources WHERE id = old.source_id), old.body"
	"    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id);"
	"  DELETE FROM articles_fts_pending WHERE id = old.id;"
	"  UPDATE sources SET total = total - 1, unread = unread - (old.read = 0)"
	"    WHERE id = old.source_id;"
	"END;"
	"DROP TRIGGER articles_update_text;"
	"CREATE TRIGGER articles_update_text AFTER UPDATE OF title, byline, body, source_id"
	"  ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, title, byline, source, body)"
	"    SELECT 'delete', old.id, old.title, old.byline,"
	"           (SELECT name FROM sources WHERE id = old.source_id), old.body"
	"    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id);"
	"  INSERT OR IGNORE INTO articles_fts_pending(id)"
	"    SELECT new.id WHERE EXISTS (SELECT 1 FROM articles_fts_batch);"
	"  INSERT INTO articles_fts(rowid, title, byline, source, body)"
	"    SELECT new.id, new.title, new.byline,"
	"           (SELECT name FROM sources WHERE id = new.source_id), new.body"
	"    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_batch);"
	"END;",
	/*
	 * 3: prefix indexes for two and three characters.  While typing, the
	 * last word is a prefix, and without them FTS5 merges the list of every
	 * word that starts so before it returns a row: "re*" cost 60 ms at 10^5
	 * articles, 0.1 ms with them.  The price is about twice the index and
	 * 1.7x its build time (tests/bench/RESULTS.md).  FTS5 options cannot be
	 * altered, so the table is made again and rebuilt from the articles
	 * (minutes at 10^6: see UPGRADE_REBUILDS_INDEX).  FTS5 merges index
	 * segments as they pile up; merging 16 at a time instead of 4 cut an
	 * import at 10^5 from 77 to 54 s.  Queries that find each hit of a page
	 * again in the index (for its snippet) pay for the extra segments:
	 * S_SEARCH_TITLES is there so the command line does not.
	 */
	"DROP TABLE articles_fts;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, byline, source, body,"
	"  content='articles_fts_content', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))
/* The step (from this version) that rebuilds the whole index: worth a word first. */
#define UPGRADE_REBUILDS_INDEX 2

static folio_store_notice_fn *notice;

void folio_store_set_notice(folio_store_notice_fn *fn)
{
	notice = fn;
}
/* ---- opening ----------------------------------------------------------- */

/* mkdir -p for the folder that will hold path; new folders are private. */
static int make_parents(const char *path, char **err)
{
	char *dir = strdup(path);
	char *slash;
	int ret = 0;

	if (!dir) {
		st_set_msg(err, "out of memory while creating %s", path);
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
			st_set_msg(err, "cannot create the folder %s for %s: %s", dir, path, strerror(errno));
			ret = -1;
		} else {
			struct stat sb;
			if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
				st_set_msg(err, "cannot create %s: %s is not a folder", path, dir);
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
		st_set_msg(err, "cannot create %s: %s", st->path, strerror(errno));
	else if (sys != 0)
		st_set_msg(err, "cannot open %s: %s", st->path, strerror(sys));
	else
		st_set_msg(err, "cannot open %s: %s", st->path,
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
		return st_fail(st, rc, "read it", err);
	return 0;
}

static int exec(struct folio_store *st, const char *sql, const char *doing, char **err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return st_fail(st, rc, doing, err);
	return 0;
}

static void tell_rebuild(struct folio_store *st)
{
	int64_t articles = 0;
	char msg[160];
	if (read_int(st, "SELECT coalesce(sum(total), 0) FROM sources", &articles, NULL) != 0 ||
	    articles < 1)
		return;
	snprintf(msg, sizeof msg, "upgrading the search index of %" PRId64 " article%s (once; "
	         "about a minute per 100,000)", articles, articles == 1 ? "" : "s");
	notice(msg);
}

/*
 * Bring the schema from its version to ours: every step in one transaction,
 * so another folio sees the store as it was or as it ends, never between
 * steps (a new store half made looked like one from an older folio).
 */
static int migrate(struct folio_store *st, char **err)
{
	int64_t version;
	char sql[96];

	if (exec(st, "BEGIN IMMEDIATE", "start upgrading it", err) != 0)
		return -1;
	/* Read again inside the lock: another folio may have just migrated it. */
	if (read_int(st, "PRAGMA user_version", &version, err) != 0)
		goto rollback;
	for (; version < SCHEMA_VERSION; version++) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		         (int)version + 1, FOLIO_APPLICATION_ID);
		if (version == UPGRADE_REBUILDS_INDEX && notice)
			tell_rebuild(st);
		if (exec(st, migrations[version], "upgrade its schema", err) != 0 ||
		    exec(st, sql, "upgrade its schema", err) != 0)
			goto rollback;
	}
	if (exec(st, "COMMIT", "finish upgrading it", err) == 0)
		return 0;
rollback:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* The checks that must pass before anything is written to the file. */
static int check_identity(struct folio_store *st, char **err)
{
	int64_t app_id, version, objects;

	/* One read transaction, so a store another folio is creating right now
	 * is seen before or after, never half made (tables but no id yet). */
	if (exec(st, "BEGIN", "read it", err) != 0)
		return -1;
	if (read_int(st, "PRAGMA application_id", &app_id, err) != 0 ||
	    read_int(st, "PRAGMA user_version", &version, err) != 0 ||
	    read_int(st, "SELECT count(*) FROM sqlite_master", &objects, err) != 0 ||
	    exec(st, "COMMIT", "read it", err) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	if (app_id != FOLIO_APPLICATION_ID && (app_id != 0 || version != 0 || objects != 0)) {
		st_set_msg(err, "%s is not a folio store", st->path);
		return -1;
	}
	if (version < 0) {
		st_set_msg(err, "%s has schema version %" PRId64 ", which no folio writes: "
		           "it is damaged or not a folio store", st->path, version);
		return -1;
	}
	if (version > SCHEMA_VERSION) {
		st_set_msg(err, "%s was written by a newer folio (schema %" PRId64
		           ", this folio knows %d)", st->path, version, SCHEMA_VERSION);
		return -1;
	}
	if (st->readonly && version < SCHEMA_VERSION) {
		if (version == 0)
			st_set_msg(err, "%s holds no folio store yet: import articles first "
			        "(folio import PATH...)", st->path);
		else
			st_set_msg(err, "%s was written by an older folio (schema %" PRId64 "): "
			           "open it once in the reader (folio) or import into it, "
			           "and it is upgraded", st->path, version);
		return -1;
	}
	return 0;
}

/*
 * Two folios opening a new store at once both read it, then both want the
 * write lock to switch it to WAL: SQLite answers one of them SQLITE_BUSY at
 * once rather than deadlock, without calling the busy handler.  Try again
 * for as long as the busy timeout would have waited.
 */
static int switch_to_wal(struct folio_store *st, char **err)
{
	int rc;
	for (int waited = 0;; waited += 10) {
		rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			break;
		sqlite3_sleep(10);
	}
	return rc == SQLITE_OK ? 0 : st_fail(st, rc, "switch it to WAL mode", err);
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
		st_set_msg(err, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (flags & FOLIO_STORE_READONLY) {
		oflags |= SQLITE_OPEN_READONLY;
		if (!exists) {
			st_set_msg(err, "%s does not exist", path);
			return -1;
		}
	} else {
		oflags |= SQLITE_OPEN_READWRITE;
		if (!exists) {
			if (!(flags & FOLIO_STORE_CREATE)) {
				st_set_msg(err, "%s does not exist", path);
				return -1;
			}
			if (make_parents(path, err) != 0)
				return -1;
			oflags |= SQLITE_OPEN_CREATE;
		}
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		st_set_msg(err, "%s is a folder, not a folio store", path);
		return -1;
	}

	st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		st_set_msg(err, "out of memory while opening %s", path);
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
		goto st_fail;
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		st_set_msg(err, "%s is read-only (no permission to write it)", path);
		goto st_fail;
	}
	/* Now known to be ours (or empty): writing is allowed. */
	if (!st->readonly &&
	    (switch_to_wal(st, err) != 0 ||
	     exec(st, "PRAGMA synchronous = NORMAL", "set it up", err) != 0))
		goto st_fail;
	/*
	 * A page cache of at most 32 MB (the default is 2 MB) when writing: an
	 * import into a big FTS index otherwise rereads its pages, nearly
	 * halving the rate, and the reader searches again and again.  A
	 * read-only command reads each page about once, and there every page
	 * given new memory was a page fault: 20% of a rare word's search at
	 * 10^6 articles.
	 */
	if (exec(st, "PRAGMA foreign_keys = ON", "set it up", err) != 0 ||
	    (!st->readonly && exec(st, "PRAGMA cache_size = -32768", "set it up", err) != 0))
		goto st_fail;
	if (!st->readonly && migrate(st, err) != 0)
		goto st_fail;
	*out = st;
	return 0;
st_fail:
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
