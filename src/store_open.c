/*
 * store_open: opening a store, its schema and its migrations.
 *
 * Opening checks before it writes: the file is opened without CREATE when
 * it exists, its application_id and user_version are read, and a foreign,
 * newer or damaged file is refused untouched.  Only then is WAL switched on
 * and the schema migrated: the steps of `migrations`, in one transaction.
 */
#include "folio/folio.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "folio/store.h"
#include "store_internal.h"

#define FOLIO_APPLICATION_ID 0x466F6C69 /* "Foli" */
/* A write waits this long for a program that holds the lock and writes nothing. */
#define DEFAULT_PATIENCE_MS 15000
/* A shorter wait is not worth a word. */
#define TELL_WAIT_AFTER_MS 1000

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
	/*
	 * 4: file names as bytes.  A name is bytes, not text: one holding
	 * invalid UTF-8 or control characters was kept as TEXT, which SQLite
	 * leaves undefined for invalid UTF-8, and shown with its controls
	 * stripped, so the name shown no longer named the file.  As a BLOB the
	 * exact bytes come back, and whatever shows one escapes it (\x1B, as
	 * ls -b does).  Rewrites every row once: about as long as an import.
	 */
	"UPDATE articles SET path = CAST(path AS BLOB) WHERE typeof(path) <> 'blob';",
	/*
	 * 5: near-duplicates (issue 19; folio/near.h).  Each article's MinHash
	 * signature, packed, in near_sigs, and its LSH band keys in near_bands,
	 * so a new article finds its candidates by 16 index seeks whatever the
	 * store's size.  copies lists only the articles that are another's copy,
	 * with the story they belong to (the id of its first article), so an
	 * article alone costs no row there and `is this a copy` is one seek.
	 * The tables are apart from articles because a column added there comes
	 * after the body and would be read through its overflow pages.
	 * Articles stored before this step are not signed, so never linked.
	 */
	"CREATE TABLE near_bands (key INTEGER NOT NULL, article INTEGER NOT NULL,"
	"  PRIMARY KEY (key, article)) WITHOUT ROWID;"
	"CREATE TABLE near_sigs (article INTEGER PRIMARY KEY, sig BLOB NOT NULL);"
	"CREATE TABLE copies (article INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
	"CREATE INDEX copies_by_story ON copies(story);"
	/* A story whose first article goes is led by its lowest copy. */
	"CREATE TRIGGER near_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM near_sigs WHERE article = old.id;"
	"  DELETE FROM copies WHERE article = old.id;"
	"  UPDATE copies SET story = (SELECT min(article) FROM copies WHERE story = old.id)"
	"    WHERE story = old.id"
	"    AND article <> (SELECT min(article) FROM copies WHERE story = old.id);"
	"  DELETE FROM copies WHERE story = old.id;"
	"END;",
	/*
	 * 6: the search index without prefix indexes (step 3 added two).  Each
	 * holds the position of nearly every word again, so they were most of
	 * the store: at 10^5 articles the index was 759 MB and is 363 MB
	 * without them, and the store was 1.56x bare SQLite + FTS5 on the same
	 * files (1298 against 831 MB) and is 1.11x (919 MB); their build was
	 * about a third of an import's CPU.  One of three characters alone
	 * would keep 237 MB of it, one of two 157 MB.  What they bought was a
	 * fast prefix of two or three characters while typing; now a last word
	 * is a prefix from four characters (search.c), whose merge costs a few
	 * ms at 10^5 without an index ("read*": 3.6 CPU-ms, "rea*" 46, "re*"
	 * 180; tests/bench/RESULTS.md).  The text is stored once: the index
	 * reads it from the articles through articles_fts_content.  The index
	 * is made again from the articles (63 CPU-s at 10^5); the pages the old
	 * one held are reused by later imports.
	 */
	"DROP TABLE articles_fts;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, byline, source, body,"
	"  content='articles_fts_content', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
	"INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
	/*
	 * 7: what a reader organises with (issue 18).
	 *  - url: where the article lives (a feed's link, a page's canonical
	 *    address); NULL for older articles until they are imported again.
	 *  - tags and article_tags: names the user gives articles; `tag:NAME`.
	 *  - removed: the path (or feed entry id) of each article deleted, so
	 *    importing its file again does not bring it back unless asked.
	 *  - searches: saved searches by name, shown as sources with counts.
	 * All new tables or a column without a default: nothing is rewritten.
	 */
	"ALTER TABLE articles ADD COLUMN url TEXT;"
	"CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
	"CREATE TABLE article_tags ("
	"  tag_id INTEGER NOT NULL, article_id INTEGER NOT NULL,"
	"  PRIMARY KEY (tag_id, article_id)) WITHOUT ROWID;"
	"CREATE INDEX article_tags_by_article ON article_tags(article_id);"
	"CREATE TRIGGER articles_delete_tags AFTER DELETE ON articles BEGIN"
	"  DELETE FROM article_tags WHERE article_id = old.id;"
	"END;"
	"CREATE TABLE removed (path BLOB PRIMARY KEY) WITHOUT ROWID;"
	"CREATE TABLE searches (name TEXT PRIMARY KEY COLLATE NOCASE, query TEXT NOT NULL);",
	/*
	 * 8: lists by title (the reader's sort-order): every article by its
	 * title key, and each source's, as store_query.c's TITLE_KEY spells it
	 * (the untitled an empty BLOB, after every title), so a page, a position
	 * and a neighbour by title are index walks as they are by date.
	 */
	"CREATE INDEX articles_by_title ON articles("
	"  (CASE WHEN title <> '' THEN title ELSE x'' END) COLLATE NOCASE, id);"
	"CREATE INDEX articles_by_source_title ON articles(source_id,"
	"  (CASE WHEN title <> '' THEN title ELSE x'' END) COLLATE NOCASE, id);",
	/*
	 * 9: each article's day by its id, for timelines (issue 19).  A
	 * timeline of a word in many articles took FTS5's ids and then walked
	 * the whole date index, a step of SQLite an article (0.2 s at 10^6);
	 * here the days of 256 ids are one row of article_days, ten characters
	 * an id (store_internal.h: DAY_*): its date, '0000-00-00' when undated,
	 * spaces where no article has that id.  So the days of every article
	 * are a few thousand rows, 10 bytes an article.  The triggers keep it
	 * whatever writes the articles; each change is an insert into the view
	 * article_days_put, whose trigger rewrites the one slot (the row is
	 * made when its first id comes).  Existing articles are put in id order.
	 */
	"CREATE TABLE article_days (chunk INTEGER PRIMARY KEY, days TEXT NOT NULL);"
	"CREATE VIEW article_days_put(id, date) AS SELECT NULL, NULL WHERE 0;"
	"CREATE TRIGGER article_days_put INSTEAD OF INSERT ON article_days_put BEGIN"
	"  INSERT OR IGNORE INTO article_days VALUES (new.id >> 8, '');"
	"  UPDATE article_days SET days ="
	"    substr(printf('%-*s', (new.id & 255) * 10, days), 1, (new.id & 255) * 10)"
	"    || " DAY_SLOT_OF("new.date")
	"    || substr(days, (new.id & 255) * 10 + 11)"
	"  WHERE chunk = new.id >> 8;"
	"END;"
	"CREATE TRIGGER article_days_insert AFTER INSERT ON articles BEGIN"
	"  INSERT INTO article_days_put VALUES (new.id, new.date);"
	"END;"
	"CREATE TRIGGER article_days_delete AFTER DELETE ON articles BEGIN"
	"  INSERT INTO article_days_put VALUES (old.id, NULL);"
	"END;"
	"CREATE TRIGGER article_days_update AFTER UPDATE OF id, date ON articles BEGIN"
	"  INSERT INTO article_days_put SELECT old.id, NULL WHERE old.id <> new.id;"
	"  INSERT INTO article_days_put VALUES (new.id, new.date);"
	"END;"
	"INSERT INTO article_days_put SELECT id, date FROM articles ORDER BY id;",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))
_Static_assert(sizeof migrations / sizeof migrations[0] == FOLIO_STORE_SCHEMA,
               "FOLIO_STORE_SCHEMA is the number of steps");
/* The steps (from these versions) that rewrite every article: worth a word first. */
#define UPGRADE_REBUILDS_INDEX 2
#define UPGRADE_REWRITES_NAMES 3
#define UPGRADE_REBUILDS_INDEX_AGAIN 5

static folio_store_notice_fn *notice;
static long long patience_ms = DEFAULT_PATIENCE_MS;

void folio_store_set_notice(folio_store_notice_fn *fn)
{
	notice = fn;
}

void folio_store_set_patience(unsigned seconds)
{
	patience_ms = seconds * 1000LL;
}

unsigned folio_store_patience(void)
{
	return (unsigned)(patience_ms / 1000);
}

/* ---- waiting for another writer ---------------------------------------- */

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Size and change time of a file; a missing file is all zeros. */
static struct st_file_mark file_mark(const char *path, const char *suffix)
{
	struct st_file_mark m = { 0, 0 };
	char name[PATH_MAX];
	struct stat sb;
	if (snprintf(name, sizeof name, "%s%s", path, suffix) < (int)sizeof name &&
	    stat(name, &sb) == 0) {
		m.size = sb.st_size;
		m.mtime_ns = sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	}
	return m;
}

static bool marks_differ(struct st_file_mark a, struct st_file_mark b)
{
	return a.size != b.size || a.mtime_ns != b.mtime_ns;
}

/*
 * SQLite's busy handler: 1 to try again, 0 to give up (the statement fails
 * with SQLITE_BUSY).  Another folio import holds the write lock for a batch
 * at a time and takes it again the moment it commits, so a fixed timeout
 * starved the second of two imports; instead the wait goes on while the
 * holder changes the store (its WAL, or the file when it checkpoints) and
 * ends only when the holder has changed nothing for the whole patience.
 */
static int wait_for_writer(void *arg, int count)
{
	struct st_waiter *w = arg;
	if (w->never || (w->give_up && w->give_up(w->give_up_arg)))
		return 0;
	long long now = now_ms();
	struct st_file_mark db = file_mark(w->path, ""), wal = file_mark(w->path, "-wal");
	if (count == 0 || marks_differ(db, w->db) || marks_differ(wal, w->wal)) {
		if (count == 0)
			w->since_ms = now;
		w->changed_ms = now;
		w->db = db;
		w->wal = wal;
	}
	if (now - w->changed_ms >= patience_ms)
		return 0;
	if (!w->told && now - w->since_ms >= TELL_WAIT_AFTER_MS && notice) {
		char *msg = NULL;
		if (asprintf(&msg, "%s is being written by another program: waiting for it",
		             w->path) >= 0)
			notice(msg);
		free(msg);
		w->told = true;
	}
	sqlite3_sleep(count < 10 ? 1 + count * 2 : 20);
	return 1;
}

void st_wait_for_writers(struct st_waiter *w, sqlite3 *db, const char *path)
{
	w->path = path;
	sqlite3_busy_handler(db, wait_for_writer, w);
}

void folio_store_set_waiting(struct folio_store *st, bool wait, int (*give_up)(void *arg),
                             void *arg)
{
	st->waiter.never = !wait;
	st->waiter.give_up = give_up;
	st->waiter.give_up_arg = arg;
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

/* what: "the search index of", with how long it takes ("a minute per 100,000 ...") */
static void tell_upgrade(struct folio_store *st, const char *what, const char *how_long)
{
	int64_t articles = 0;
	char msg[200];
	if (read_int(st, "SELECT coalesce(sum(total), 0) FROM sources", &articles, NULL) != 0 ||
	    articles < 1)
		return;
	snprintf(msg, sizeof msg, "upgrading %s %" PRId64 " article%s (once; %s)", what, articles,
	         articles == 1 ? "" : "s", how_long);
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
	bool told_index = false;

	if (exec(st, "BEGIN IMMEDIATE", "start upgrading it", err) != 0)
		return -1;
	/* Read again inside the lock: another folio may have just migrated it. */
	if (read_int(st, "PRAGMA user_version", &version, err) != 0)
		goto rollback;
	for (; version < SCHEMA_VERSION; version++) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		         (int)version + 1, FOLIO_APPLICATION_ID);
		/* Once, though a store from before step 3 is rebuilt twice. */
		if ((version == UPGRADE_REBUILDS_INDEX || version == UPGRADE_REBUILDS_INDEX_AGAIN) &&
		    notice && !told_index) {
			/* measured: 45 CPU-s at 10^5, 759 at 10^6 (tests/bench/RESULTS.md) */
			tell_upgrade(st, "the search index of",
			             "about a minute per 100,000, a quarter of an hour per million");
			told_index = true;
		}
		if (version == UPGRADE_REWRITES_NAMES && notice)
			tell_upgrade(st, "the file names of", "seconds per 100,000");
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
	st->schema = version;
	if (st->readonly && version < SCHEMA_VERSION && (version == 0 || !st->as_found)) {
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
		if ((rc & 0xff) != SQLITE_BUSY || waited >= patience_ms)
			break;
		sqlite3_sleep(10);
	}
	return rc == SQLITE_OK ? 0 : st_fail(st, rc, "switch it to WAL mode", err);
}

/*
 * Why a store that exists cannot be written here (static text), or NULL.
 * Asked before SQLite is, because SQLite's answers come late and vary: a
 * store in a folder that cannot be written fails its first read, for want
 * of the -shm file beside it.
 */
static const char *why_unwritable(const char *path, bool *folder)
{
	struct statvfs fs;
	*folder = true;
	if (statvfs(path, &fs) == 0 && (fs.f_flag & ST_RDONLY))
		return "it is on a read-only file system";
	char *dir = strdup(path);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	if (slash)
		slash[slash == dir] = '\0'; /* "/x" -> "/", "a/x" -> "a" */
	bool dir_ro = dir && access(slash ? dir : ".", W_OK | X_OK) != 0 && errno == EACCES;
	free(dir);
	if (dir_ro)
		return "its folder is read-only for this user";
	*folder = false;
	if (access(path, W_OK) != 0 && errno == EACCES)
		return "the file is read-only for this user";
	return NULL;
}

/*
 * A store in WAL mode is read with its -shm file, which a reader makes if
 * it is missing; in a folder that cannot be written it cannot.  SQLite's
 * answer for read-only media is the immutable URI parameter (no locks, no
 * -shm), which is right when there is no WAL either: nothing can be
 * writing the store, and all of it is in the file.  A WAL with frames in
 * it and no -shm cannot be read here at all.
 */
static int open_unwritable(struct folio_store *st, char **err)
{
	struct stat sb;
	char shm[PATH_MAX], wal[PATH_MAX];
	snprintf(shm, sizeof shm, "%s-shm", st->path);
	snprintf(wal, sizeof wal, "%s-wal", st->path);
	if (stat(shm, &sb) == 0)
		return sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
		                       NULL);
	if (stat(wal, &sb) == 0 && sb.st_size > 0) {
		st_set_msg(err, "%s cannot be read here: its %s-wal holds changes that need %s "
		           "beside it, and %s", st->path, st->path, shm, st->unwritable);
		return SQLITE_CANTOPEN;
	}
	static const char keep[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                           "0123456789/._-~";
	struct folio_buf u = { 0 };
	folio_buf_str(&u, "file:");
	for (const unsigned char *p = (const unsigned char *)st->path; *p; p++)
		if (strchr(keep, *p))
			folio_buf_byte(&u, (char)*p);
		else
			folio_buf_printf(&u, "%%%02X", *p);
	folio_buf_str(&u, "?immutable=1");
	char *uri = folio_buf_finish(&u, NULL);
	if (!uri)
		return SQLITE_NOMEM;
	int rc = sqlite3_open_v2(uri, &st->db,
	                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	return rc;
}

int folio_store_open(const char *path, int flags, struct folio_store **out, char **err)
{
	struct folio_store *st;
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	bool read_only = flags & FOLIO_STORE_READONLY;
	bool folder = false;
	const char *unwritable = NULL;
	int oflags = SQLITE_OPEN_NOMUTEX;
	int rc;

	*out = NULL;
	if (!exists && errno != ENOENT) {
		st_set_msg(err, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		st_set_msg(err, "%s is a folder, not a folio store", path);
		return -1;
	}
	if (exists && (unwritable = why_unwritable(path, &folder)) && !read_only) {
		if (!(flags & FOLIO_STORE_OR_READONLY)) {
			st_set_msg(err, "%s cannot be written: %s (reading it still works)", path,
			           unwritable);
			return -1;
		}
		read_only = true;
	}
	if (read_only) {
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

	st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		st_set_msg(err, "out of memory while opening %s", path);
		return -1;
	}
	st->readonly = read_only;
	st->unwritable = read_only ? unwritable : NULL;
	st->as_found = read_only && (flags & FOLIO_STORE_AS_FOUND);
	if (st->unwritable && folder) {
		char *why = NULL;
		rc = open_unwritable(st, err ? &why : NULL);
		if (why) {
			*err = why;
			folio_store_close(st);
			return -1;
		}
	} else {
		rc = sqlite3_open_v2(path, &st->db, oflags, NULL);
	}
	if (rc != SQLITE_OK) {
		describe_open_failure(st, exists, rc, err);
		folio_store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	st_wait_for_writers(&st->waiter, st->db, st->path);
	if (check_identity(st, err) != 0)
		goto st_fail;
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		st_set_msg(err, "%s cannot be written: the file is read-only for this user "
		           "(reading it still works)", path);
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

const char *folio_store_unwritable(const struct folio_store *st)
{
	return st->unwritable;
}

void folio_store_close(struct folio_store *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < S_COUNT_OF_STMTS; i++)
		sqlite3_finalize(st->stmt[i]);
	for (size_t i = 0; i < WALK_SLOTS; i++)
		sqlite3_finalize(st->walk[i]);
	for (size_t i = 0; i < N_COUNT_OF_STMTS; i++)
		sqlite3_finalize(st->near[i]);
	for (size_t i = 0; i < DAYS_STMTS; i++)
		sqlite3_finalize(st->days[i]);
	if (st->db && sqlite3_close(st->db) != SQLITE_OK)
		assert(!"a statement outlived its store"); /* every statement is finalized above */
	free(st->path);
	free(st);
}

const char *folio_store_sqlite_version(void)
{
	return sqlite3_libversion();
}
