/*
 * import.c: files and folders in, articles out, through the store.
 *
 * The walk is deterministic (names in byte order, folders recursively,
 * hidden names skipped inside folders) so two imports of the same tree do
 * the same work in the same order.  Files are opened O_NONBLOCK and checked
 * with fstat() on the open descriptor before a single byte is read: a FIFO,
 * device or socket is skipped without blocking, and there is no window
 * between the check and the read.  Folders already visited (by device and
 * inode) are not entered again, so symlink cycles end.
 *
 * What a file holds is told by its content (folio_sniff()), not its name: a
 * feed goes to feed (one article per entry, each kept under the entry's own
 * id), a web page to html, anything else is decoded as text for extract.
 * Markup is handed the raw bytes, so the charset it declares is honoured.
 *
 * Writes are batched: one transaction holds many files (the store puts each
 * in its own savepoint), and counts only move into the caller's stats when
 * their batch commits, so the summary never claims an article the store
 * does not hold.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "folio/extract.h"
#include "folio/feed.h"
#include "folio/html.h"
#include "folio/import.h"
#include "folio/sniff.h"
#include "folio/text.h"

/* Files per transaction: large enough to amortise the commit, small enough
 * that an interrupted import loses little work. */
#define IMPORT_BATCH 1000

struct visited {
	dev_t dev;
	ino_t ino;
};

struct import_run {
	struct folio_store *st;
	const struct folio_import_options *opts;
	struct folio_import_stats *stats;   /* committed counts */
	struct folio_import_stats pending;  /* counts of the open batch */
	size_t in_batch;
	bool in_transaction;
	struct visited *dirs;               /* folders on the current walk */
	size_t ndirs, dirs_cap;
	struct timespec last_progress;
	char *err;
};

static void skip(struct import_run *run, const char *path, const char *reason)
{
	run->stats->skipped++;
	if (run->opts && run->opts->on_skip)
		run->opts->on_skip(run->opts->ctx, path, reason);
}

static void progress(struct import_run *run)
{
	struct timespec now;
	if (!run->opts || !run->opts->on_progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - run->last_progress.tv_sec) * 1000 +
	          (now.tv_nsec - run->last_progress.tv_nsec) / 1000000;
	if (ms < 250)
		return;
	run->last_progress = now;
	struct folio_import_stats shown = *run->stats;
	shown.imported += run->pending.imported;
	shown.updated += run->pending.updated;
	shown.unchanged += run->pending.unchanged;
	run->opts->on_progress(run->opts->ctx, &shown);
}

static int commit_batch(struct import_run *run)
{
	run->in_transaction = false;
	if (folio_store_commit(run->st, &run->err) != 0)
		return -1;
	run->stats->imported += run->pending.imported;
	run->stats->updated += run->pending.updated;
	run->stats->unchanged += run->pending.unchanged;
	memset(&run->pending, 0, sizeof run->pending);
	run->in_batch = 0;
	return 0;
}

/* Read at most limit + 1 bytes, so the caller can tell "too large". */
static int read_capped(int fd, size_t limit, char **out, size_t *out_len)
{
	size_t cap = 64 * 1024, len = 0;
	char *buf = malloc(cap);
	if (!buf)
		return -1;
	for (;;) {
		if (len == cap) {
			if (cap > limit) /* already holds limit + 1 bytes */
				break;
			size_t next = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
			char *grown = realloc(buf, next);
			if (!grown) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = grown;
			cap = next;
		}
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(buf);
			errno = saved;
			return -1;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	*out = buf;
	*out_len = len;
	return 0;
}

static const char *file_type_reason(mode_t mode)
{
	if (S_ISDIR(mode))
		return "is a folder";
	if (S_ISFIFO(mode))
		return "is a FIFO, not a regular file";
	if (S_ISSOCK(mode))
		return "is a socket, not a regular file";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "is a device, not a regular file";
	return "is not a regular file";
}

/*
 * Text that is plainly not a page of prose: structured data exported by some
 * other tool.  Saying so is better than letting the extractor find a
 * "headline" among JSON keys or markup.  (Web pages and feeds never get
 * here: folio_sniff() sends them to html and feed.)
 */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *not_a_page(const char *text, size_t len)
{
	size_t start = 0, end = len;
	while (start < end && is_blank(text[start]))
		start++;
	while (end > start && is_blank(text[end - 1]))
		end--;
	if (start == end)
		return "nothing but white space";
	char first = text[start], last = text[end - 1];
	if ((first == '{' && last == '}') || (first == '[' && last == ']'))
		return "JSON data, not an article page";
	if (first == '<' && last == '>')
		return "XML or markup that is neither a web page nor a feed";
	return NULL;
}

/* Read the raw bytes of one input: a regular file, at most the limit, text. */
static int read_raw(const char *path, char **raw, size_t *raw_len, const char **reason)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO
	                  : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	*raw = NULL;
	if (fd < 0) {
		*reason = strerror(errno);
		return -1;
	}
	if (!is_stdin) {
		struct stat sb;
		if (fstat(fd, &sb) != 0) {
			*reason = strerror(errno);
			close(fd);
			return -1;
		}
		if (!S_ISREG(sb.st_mode)) {
			*reason = file_type_reason(sb.st_mode);
			close(fd);
			return -1;
		}
		/* Refuse a huge file by its size, before reading any of it. */
		if ((unsigned long long)sb.st_size > FOLIO_IMPORT_MAX_BYTES) {
			*reason = "larger than 16 MiB, too large to be an article";
			close(fd);
			return -1;
		}
	}
	int rc = read_capped(fd, FOLIO_IMPORT_MAX_BYTES, raw, raw_len);
	int saved = errno;
	if (!is_stdin)
		close(fd);
	if (rc != 0) {
		*reason = strerror(saved);
		return -1;
	}
	*reason = *raw_len > FOLIO_IMPORT_MAX_BYTES ? "larger than 16 MiB, too large to be an article"
	        : *raw_len == 0 ? "empty file"
	        : folio_text_is_binary(*raw, *raw_len) ? "binary file, not text"
	        : NULL;
	if (*reason) {
		free(*raw);
		*raw = NULL;
		return -1;
	}
	return 0;
}

/* One article in an array of one, for the page kinds. */
static enum folio_extract_result one_item(enum folio_extract_result ex, struct folio_article *a,
                                          struct folio_feed_entry **items, size_t *n)
{
	if (ex != FOLIO_EXTRACT_OK)
		return ex;
	if (!(*items = calloc(1, sizeof **items))) {
		folio_article_free(a);
		return FOLIO_EXTRACT_NOMEM;
	}
	(*items)[0].article = *a;
	*n = 1;
	return FOLIO_EXTRACT_OK;
}

/*
 * The articles in the raw bytes of one input, by what its content is: a
 * feed gives one per entry, a web page or a plain-text page one.  Markup
 * gets the raw bytes so its own charset declaration is honoured; only
 * plain text goes through folio_text_decode().
 */
static enum folio_extract_result find_articles(const char *raw, size_t raw_len,
                                               enum folio_kind *kind,
                                               struct folio_feed_entry **items, size_t *n,
                                               const char **reason)
{
	struct folio_article a;
	*items = NULL;
	*n = 0;
	*reason = NULL;
	*kind = folio_sniff(raw, raw_len);
	if (*kind == FOLIO_KIND_FEED)
		return folio_feed_parse(raw, raw_len, items, n, reason);
	if (*kind == FOLIO_KIND_HTML)
		return one_item(folio_html_extract(raw, raw_len, &a, reason), &a, items, n);
	size_t len;
	char *text = folio_text_decode(raw, raw_len, &len);
	if (!text)
		return FOLIO_EXTRACT_NOMEM;
	if ((*reason = not_a_page(text, len))) {
		free(text);
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	enum folio_extract_result ex = folio_extract(text, len, &a, reason);
	free(text);
	return one_item(ex, &a, items, n);
}

int folio_import_articles(const char *path, struct folio_feed_entry **items, size_t *n,
                          const char **reason)
{
	char *raw;
	size_t raw_len;
	enum folio_kind kind;
	*items = NULL;
	*n = 0;
	if (read_raw(path, &raw, &raw_len, reason) != 0)
		return -1;
	enum folio_extract_result ex = find_articles(raw, raw_len, &kind, items, n, reason);
	free(raw);
	if (ex == FOLIO_EXTRACT_NOMEM)
		*reason = "out of memory";
	else if (ex != FOLIO_EXTRACT_OK && !*reason)
		*reason = "no article found";
	return ex == FOLIO_EXTRACT_OK ? 0 : -1;
}

/*
 * Where an article is kept in the store, so that importing it again finds
 * it: a page by its file; a feed entry by its own id, so a newer copy of
 * the feed, under any file name, updates the entries it shares.  An id that
 * is a URI ("https://...", "tag:...", "urn:...") is unique on its own; a
 * bare one ("42") is unique only in its feed, so the feed's title goes in
 * front.  An entry with no id at all is known by its feed file and title.
 */
static char *identity(const char *file, enum folio_kind kind, const struct folio_feed_entry *item)
{
	const char *feed = item->article.source ? item->article.source : "";
	const char *key = item->id ? item->id : item->article.title;
	if (item->id && strchr(item->id, ':'))
		return strdup(item->id);
	if (kind != FOLIO_KIND_FEED || !key)
		return strdup(file);
	const char *scope = item->id ? feed : file;
	size_t need = strlen(scope) + strlen(key) + 2;
	char *path = malloc(need);
	if (path)
		snprintf(path, need, "%s#%s", scope, key);
	return path;
}

/* Find and store the articles of one input; skips are counted, store failures returned. */
static int import_bytes(struct import_run *run, const char *name, const char *file,
                        const char *raw, size_t raw_len)
{
	struct folio_feed_entry *items;
	size_t n;
	const char *reason;
	enum folio_kind kind;
	enum folio_extract_result ex = find_articles(raw, raw_len, &kind, &items, &n, &reason);
	if (ex == FOLIO_EXTRACT_NOMEM) {
		run->err = strdup("out of memory while reading articles");
		return -1;
	}
	if (ex != FOLIO_EXTRACT_OK) {
		skip(run, name, reason ? reason : "no article found");
		return 0;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *stored_path = identity(file, kind, &items[i]);
		enum folio_put_result put;
		if (!stored_path) {
			run->err = strdup("out of memory while reading articles");
			rc = -1;
			break;
		}
		rc = folio_store_put(run->st, &items[i].article, stored_path, &put, &run->err);
		free(stored_path);
		if (rc != 0)
			break;
		switch (put) {
		case FOLIO_PUT_NEW: run->pending.imported++; break;
		case FOLIO_PUT_UPDATED: run->pending.updated++; break;
		case FOLIO_PUT_UNCHANGED: run->pending.unchanged++; break;
		}
		run->in_batch++;
	}
	folio_feed_free(items, n);
	return rc;
}

static int import_file(struct import_run *run, const char *path)
{
	char *raw;
	size_t raw_len;
	const char *reason;
	if (read_raw(path, &raw, &raw_len, &reason) != 0) {
		skip(run, path, reason);
		return 0;
	}
	/* The same file named two ways is one article: key it by its real path. */
	char *real = strcmp(path, "-") == 0 ? NULL : realpath(path, NULL);
	int rc = import_bytes(run, path, real ? real : path, raw, raw_len);
	free(real);
	free(raw);
	if (rc == 0 && run->in_batch >= IMPORT_BATCH) {
		if (commit_batch(run) != 0 || folio_store_begin(run->st, &run->err) != 0)
			return -1;
		run->in_transaction = true;
	}
	progress(run);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool seen_dir(struct import_run *run, const struct stat *sb)
{
	for (size_t i = 0; i < run->ndirs; i++)
		if (run->dirs[i].dev == sb->st_dev && run->dirs[i].ino == sb->st_ino)
			return true;
	return false;
}

static int import_path(struct import_run *run, const char *path);

static int import_dir(struct import_run *run, const char *path, const struct stat *sb)
{
	if (seen_dir(run, sb)) {
		skip(run, path, "folder already visited (a symbolic link loop)");
		return 0;
	}
	DIR *dir = opendir(path);
	if (!dir) {
		skip(run, path, strerror(errno));
		return 0;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *ent;
	errno = 0;
	while ((ent = readdir(dir)) != NULL) {
		if (ent->d_name[0] == '.') /* ".", "..", and hidden files such as .git */
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **grown = realloc(names, cap * sizeof *names);
			if (!grown)
				goto nomem;
			names = grown;
		}
		if (!(names[n] = strdup(ent->d_name)))
			goto nomem;
		n++;
	}
	closedir(dir);
	dir = NULL;
	qsort(names, n, sizeof *names, by_name);

	if (run->ndirs == run->dirs_cap) {
		size_t next = run->dirs_cap ? run->dirs_cap * 2 : 16;
		struct visited *grown = realloc(run->dirs, next * sizeof *grown);
		if (!grown)
			goto nomem;
		run->dirs = grown;
		run->dirs_cap = next;
	}
	run->dirs[run->ndirs++] = (struct visited){ sb->st_dev, sb->st_ino };

	size_t plen = strlen(path);
	bool slash = plen > 0 && path[plen - 1] == '/';
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t need = plen + 1 + strlen(names[i]) + 1;
		char *child = malloc(need);
		if (!child)
			goto nomem;
		snprintf(child, need, "%s%s%s", path, slash ? "" : "/", names[i]);
		rc = import_path(run, child);
		free(child);
	}
	run->ndirs--;
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;

nomem:
	if (dir)
		closedir(dir);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(run->err);
	run->err = strdup("out of memory while walking folders");
	return -1;
}

static int import_path(struct import_run *run, const char *path)
{
	struct stat sb;
	if (strcmp(path, "-") == 0)
		return import_file(run, path);
	if (stat(path, &sb) != 0) {
		skip(run, path, strerror(errno));
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return import_dir(run, path, &sb);
	if (!S_ISREG(sb.st_mode)) {
		skip(run, path, file_type_reason(sb.st_mode));
		return 0;
	}
	return import_file(run, path);
}

int folio_import(struct folio_store *st, char *const *paths, size_t npaths,
                 const struct folio_import_options *opts,
                 struct folio_import_stats *stats, char **err)
{
	struct import_run run = { .st = st, .opts = opts, .stats = stats };
	memset(stats, 0, sizeof *stats);
	clock_gettime(CLOCK_MONOTONIC, &run.last_progress);
	if (folio_store_begin(st, err) != 0)
		return -1;
	run.in_transaction = true;
	int rc = 0;
	for (size_t i = 0; i < npaths && rc == 0; i++)
		rc = import_path(&run, paths[i]);
	/* The open batch holds only whole articles (a failed put rolled back
	 * its own savepoint): keep them if the store still lets us. */
	if (run.in_transaction && commit_batch(&run) != 0)
		rc = -1;
	if (rc != 0)
		folio_store_rollback(st); /* whatever is still open; harmless if nothing is */
	free(run.dirs);
	if (rc != 0) {
		if (err)
			*err = run.err ? run.err : strdup("import failed");
		else
			free(run.err);
		return -1;
	}
	free(run.err);
	return 0;
}

int folio_import_buffer(struct folio_store *st, const char *name, const char *bytes,
                        size_t len, const struct folio_import_options *opts,
                        struct folio_import_stats *stats, char **err)
{
	struct import_run run = { .st = st, .opts = opts, .stats = stats };
	if (len == 0 || folio_text_is_binary(bytes, len)) {
		skip(&run, name, len == 0 ? "empty file" : "binary file, not text");
		return 0;
	}
	/* The caller owns the transaction. */
	int rc = import_bytes(&run, name, name, bytes, len);
	stats->imported += run.pending.imported;
	stats->updated += run.pending.updated;
	stats->unchanged += run.pending.unchanged;
	if (rc != 0) {
		if (err)
			*err = run.err;
		else
			free(run.err);
	}
	return rc;
}
