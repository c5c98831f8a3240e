/*
 * floor: the least work that puts a pile of files into SQLite + FTS5.
 *
 *   floor import DB PATH...           load files (folders recursively)
 *   floor search DB QUERY [RUNS] [TABLE]
 *   floor sources DB
 *
 * folio's import is measured against this.  `import` reads every file
 * under the paths (names in byte order, hidden names skipped, like folio),
 * stores its whole text in a plain table and indexes it with FTS5
 * (unicode61 remove_diacritics 2, as folio does), all in one transaction:
 * no parsing, no hashing, no decoding, no savepoints.  The pragmas are
 * folio's (WAL, synchronous NORMAL, a 32 MiB page cache), so the gap is
 * folio's own work, not a setting.  It prints
 * "articles N", "bytes N", "seconds S", "articles_per_s R", "mb_per_s R"
 * and "cpu_s S" (user + system).
 *
 * `search` runs one FTS5 MATCH expression RUNS times (default 20), best 50
 * by bm25, reading rowid and score of every row, and prints p50 and p95 in
 * milliseconds.  TABLE (default "fts") lets the same bare query run on
 * folio's own index (articles_fts) as well as on the floor's.
 *
 * `sources` is the least a process does to print what `folio sources`
 * prints: open folio's store read-only, read its sources table in folio's
 * order, print one line each.  Run as a process against `folio sources`,
 * it is the floor of folio's start-up.
 *
 * Same SQLite as folio: link with -lsqlite3.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

struct loader {
	sqlite3 *db;
	sqlite3_stmt *doc, *fts;
	char *buf;
	size_t cap;
	long long articles, bytes;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
	return -1;
}

static int exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "floor: %s: %s\n", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int load_file(struct loader *l, const char *path, off_t size)
{
	if ((size_t)size + 1 > l->cap) {
		size_t cap = (size_t)size + 1 > 2 * l->cap ? (size_t)size + 1 : 2 * l->cap;
		char *p = realloc(l->buf, cap);
		if (!p)
			return fail(NULL, path);
		l->buf = p;
		l->cap = cap;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t n = fread(l->buf, 1, (size_t)size, f);
	fclose(f);

	sqlite3_bind_text(l->doc, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->doc, 2, l->buf, (int)n, SQLITE_STATIC);
	if (sqlite3_step(l->doc) != SQLITE_DONE)
		return fail(l->db, "insert");
	sqlite3_reset(l->doc);
	sqlite3_bind_int64(l->fts, 1, sqlite3_last_insert_rowid(l->db));
	sqlite3_bind_text(l->fts, 2, l->buf, (int)n, SQLITE_STATIC);
	if (sqlite3_step(l->fts) != SQLITE_DONE)
		return fail(l->db, "index");
	sqlite3_reset(l->fts);
	l->articles++;
	l->bytes += (long long)n;
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int load_path(struct loader *l, const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (S_ISREG(sb.st_mode))
		return load_file(l, path, sb.st_size);
	if (!S_ISDIR(sb.st_mode))
		return 0;
	struct dirent **names;
	int n = scandir(path, &names, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		if (rc == 0 && names[i]->d_name[0] != '.') {
			size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
			char *child = malloc(len);
			if (!child)
				rc = fail(NULL, path);
			else {
				snprintf(child, len, "%s/%s", path, names[i]->d_name);
				rc = load_path(l, child);
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static int cmd_import(const char *dbpath, char **paths, int npaths)
{
	struct loader l = {0};
	remove(dbpath);
	if (sqlite3_open(dbpath, &l.db) != SQLITE_OK)
		return fail(l.db, dbpath);
	double start = now();
	int rc = exec(l.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	                    "PRAGMA cache_size = -32768;"
	                    "CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT, body TEXT);"
	                    "CREATE VIRTUAL TABLE fts USING fts5(body, content='docs',"
	                    " content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	                    "BEGIN");
	if (rc == 0 &&
	    (sqlite3_prepare_v2(l.db, "INSERT INTO docs(path, body) VALUES (?, ?)", -1, &l.doc, NULL) ||
	     sqlite3_prepare_v2(l.db, "INSERT INTO fts(rowid, body) VALUES (?, ?)", -1, &l.fts, NULL)))
		rc = fail(l.db, "prepare");
	for (int i = 0; rc == 0 && i < npaths; i++)
		rc = load_path(&l, paths[i]);
	if (rc == 0)
		rc = exec(l.db, "COMMIT");
	double seconds = now() - start;
	sqlite3_finalize(l.doc);
	sqlite3_finalize(l.fts);
	if (sqlite3_close(l.db) != SQLITE_OK)
		rc = -1;
	free(l.buf);
	if (rc != 0)
		return -1;
	printf("articles %lld\nbytes %lld\nseconds %.3f\n", l.articles, l.bytes, seconds);
	printf("articles_per_s %.0f\nmb_per_s %.2f\n", l.articles / seconds,
	       (double)l.bytes / 1e6 / seconds);
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		printf("cpu_s %.3f\n", (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
		                        (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int cmd_search(const char *dbpath, const char *query, int runs, const char *table)
{
	sqlite3 *db;
	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return fail(db, dbpath);
	char sql[256];
	snprintf(sql, sizeof sql,
	         "SELECT rowid, bm25(%s) FROM %s WHERE %s MATCH ?1 ORDER BY bm25(%s) LIMIT 50",
	         table, table, table, table);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(db, sql);
		sqlite3_close(db);
		return -1;
	}
	double *ms = malloc(sizeof *ms * (size_t)runs);
	int rc = ms ? 0 : fail(NULL, "search"), rows = 0;
	for (int i = 0; rc == 0 && i < runs; i++) {
		double t = now();
		sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
		int step;
		rows = 0;
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			rows++;
		if (step != SQLITE_DONE)
			rc = fail(db, query);
		sqlite3_reset(st);
		ms[i] = (now() - t) * 1000;
	}
	if (rc == 0) {
		qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
		printf("rows %d\np50_ms %.3f\np95_ms %.3f\n", rows, ms[runs / 2],
		       ms[(runs * 95 + 99) / 100 - 1]);
	}
	free(ms);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

static int cmd_sources(const char *dbpath)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	int rc = 0;
	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT name, total, unread FROM sources"
	                       " ORDER BY name COLLATE NOCASE, name", -1, &st, NULL) != SQLITE_OK)
		rc = fail(db, dbpath);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW)
		printf("%6lld %6lld  %s\n", (long long)sqlite3_column_int64(st, 1),
		       (long long)sqlite3_column_int64(st, 2), (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "import") == 0)
		return cmd_import(argv[2], argv + 3, argc - 3) ? 1 : 0;
	if (argc >= 4 && argc <= 6 && strcmp(argv[1], "search") == 0) {
		int runs = argc >= 5 ? atoi(argv[4]) : 20;
		const char *table = argc >= 6 ? argv[5] : "fts";
		if (runs < 1 || strspn(table, "abcdefghijklmnopqrstuvwxyz_") != strlen(table))
			goto usage;
		return cmd_search(argv[2], argv[3], runs, table) ? 1 : 0;
	}
	if (argc == 3 && strcmp(argv[1], "sources") == 0)
		return cmd_sources(argv[2]) ? 1 : 0;
usage:
	fputs("usage: floor import DB PATH...\n"
	      "       floor search DB QUERY [RUNS] [TABLE]\n"
	      "       floor sources DB\n", stderr);
	return 2;
}
