/*
 * import.c: files and folders in, articles out, through the store.
 *
 * The walk is deterministic (names in byte order, folders recursively,
 * hidden names skipped inside folders) so two imports of the same tree do
 * the same work in the same order.  Folders already visited (by device and
 * inode) are not entered again, so symlink cycles end.  How one file is
 * read and what its articles are is import_read.c's part.
 *
 * Writes are batched: one transaction holds many files (the store puts each
 * in its own savepoint), and counts only move into the caller's stats when
 * their batch commits, so the summary never claims an article the store
 * does not hold.
 *
 * folio_import() runs on two threads, because finding articles is a third
 * of the work and SQLite the rest, and one core cannot do both fast enough.
 * A reader thread walks, reads and finds the articles of each input and
 * hands one work item per input (its articles or why it is skipped) through
 * a bounded queue (about a batch, at most 16 MiB), so memory stays flat.
 * The calling thread takes them in walk order and does everything that
 * touches the store or the caller: skip messages, puts, commits, progress,
 * stats.  So the store has one thread, the callbacks run where they always
 * did, and the output is what one thread would give.  When the store fails
 * the writer stops taking, the reader stops at its next hand-over, and what
 * it had read ahead is dropped; when the reader runs out of memory, what it
 * handed over first is written and the import fails as it would have.
 * Standard input ("-") is read by the writer in its turn, so a terminal
 * that never sends end-of-file cannot hold up a failed import's exit;
 * folio_import_buffer() stays on the calling thread.  The reader has every
 * asynchronous signal blocked, so SIGINT and SIGTERM still reach the
 * calling thread.
 */
#include "folio/folio.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "folio/article.h"
#include "folio/import.h"
#include "folio/text.h"
#include "import_internal.h"

/* Files per transaction: large enough to amortise the commit, small enough
 * that an interrupted import loses little work. */
#define IMPORT_BATCH 1000

/* ---- the reader thread: walk, read, find articles ---- */

/*
 * How far the reader may run ahead.  Between commits a put is cheaper than
 * finding an article, so the writer keeps up; but a commit builds the
 * full-text index of its whole batch, and a reader held to a few items
 * would sit idle through it.  So the queue holds about a batch of inputs,
 * and no more than QUEUE_BYTES of articles (one oversized input may go in
 * alone), which keeps memory flat however many files there are.
 */
#define QUEUE_SLOTS 1024
#define QUEUE_BYTES (16u << 20)

#define NOMEM_READING "out of memory while reading articles"
#define NOMEM_WALKING "out of memory while walking folders"

/* What the reader hands the writer for one input, in walk order. */
struct work {
	char *name;                     /* as walked: what messages show */
	char *file;                     /* its real path, which keys a page; NULL: name */
	enum import_kind kind;
	struct folio_import_item *items; /* the articles found, or NULL */
	size_t n;
	char *reason;                   /* why it is skipped, or (with items) where it broke off */
	bool from_stdin;                /* "-": the writer reads it itself */
	size_t bytes;                   /* the memory it holds, roughly */
};

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t filled;          /* signalled when a slot is filled or the reader ends */
	pthread_cond_t drained;         /* signalled when half is free or the writer stops */
	struct work *slot;              /* a ring of QUEUE_SLOTS */
	size_t head, count;
	size_t bytes;                   /* held by the items in the ring */
	bool reader_waiting;            /* for room: the writer wakes it when half is free */
	bool reader_done;               /* the reader pushes nothing more */
	bool writer_stopped;            /* the writer takes nothing more */
};

struct visited {
	dev_t dev;
	ino_t ino;
};

struct reader {
	struct queue *q;
	char *const *paths;
	size_t npaths;
	struct visited *dirs;           /* folders on the current walk */
	size_t ndirs, dirs_cap;
	const char *err;                /* why the walk ended early (static text), or NULL */
};

static void lock(struct queue *q)
{
	int rc = pthread_mutex_lock(&q->lock);
	assert(rc == 0);
	(void)rc;
}

static void unlock(struct queue *q)
{
	int rc = pthread_mutex_unlock(&q->lock);
	assert(rc == 0);
	(void)rc;
}

static void wait_on(pthread_cond_t *cond, struct queue *q)
{
	int rc = pthread_cond_wait(cond, &q->lock);
	assert(rc == 0);
	(void)rc;
}

static void work_free(struct work *w)
{
	free(w->name);
	free(w->file);
	free(w->reason);
	folio_import_items_free(w->items, w->n);
}

static size_t work_bytes(const struct work *w)
{
	size_t bytes = sizeof *w + (w->reason ? strlen(w->reason) : 0);
	for (size_t i = 0; i < w->n; i++) {
		const struct folio_article *a = &w->items[i].article;
		const char *fields[] = { a->source, a->title, a->byline, a->date, a->dateline,
		                         a->body, w->items[i].id };
		bytes += sizeof w->items[i];
		for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
			bytes += fields[f] ? strlen(fields[f]) + 1 : 0;
	}
	return bytes;
}

static bool queue_full(const struct queue *q, size_t more)
{
	return q->count == QUEUE_SLOTS || (q->count > 0 && q->bytes + more > QUEUE_BYTES);
}

/* Hand w over to the writer, waiting for room; -1 (w freed) once the writer has stopped. */
static int push(struct reader *rd, struct work *w)
{
	struct queue *q = rd->q;
	w->bytes = work_bytes(w);
	lock(q);
	while (queue_full(q, w->bytes) && !q->writer_stopped) {
		q->reader_waiting = true;
		wait_on(&q->drained, q);
	}
	q->reader_waiting = false;
	bool stopped = q->writer_stopped;
	if (!stopped) {
		q->slot[(q->head + q->count) % QUEUE_SLOTS] = *w;
		q->count++;
		q->bytes += w->bytes;
		if (q->count == 1) /* the writer waits only on an empty queue */
			pthread_cond_signal(&q->filled);
	}
	unlock(q);
	if (stopped)
		work_free(w);
	return stopped ? -1 : 0;
}

static int push_skip(struct reader *rd, const char *name, const char *reason)
{
	/* Copied: strerror()'s text is not promised to outlive the next call. */
	struct work w = { .name = strdup(name), .reason = strdup(reason) };
	if (!w.name || !w.reason) {
		work_free(&w);
		rd->err = NOMEM_READING;
		return -1;
	}
	return push(rd, &w);
}

/* Articles of a large file per hand-over: small, so the queue's bound on
 * bytes holds memory flat while one file gives a million of them. */
#define STREAM_CHUNK 32

/* A large file being streamed: each article into the work being filled,
 * handed over every STREAM_CHUNK. */
struct stream_sink {
	struct reader *rd;
	struct work *w;
	enum import_kind kind;
	size_t cap; /* of w->items */
	bool nomem, stopped;
};

static int sink(void *ctx, struct folio_import_item *e)
{
	struct stream_sink *s = ctx;
	struct work *w = s->w;
	struct import_list list = { w->items, w->n, s->cap, false };
	int rc = import_collect(&list, e);
	w->items = list.v;
	w->n = list.n;
	s->cap = list.cap;
	if (rc != 0) {
		s->nomem = true;
		return -1;
	}
	w->kind = s->kind;
	if (w->n < STREAM_CHUNK)
		return 0;
	struct work next = { .name = strdup(w->name), .file = w->file ? strdup(w->file) : NULL,
	                     .kind = s->kind };
	if (!next.name || (w->file && !next.file)) {
		work_free(&next);
		s->nomem = true;
		return -1;
	}
	if (push(s->rd, w) != 0) { /* the writer has stopped: w was freed */
		*w = next;
		s->stopped = true;
		return -1;
	}
	*w = next;
	s->cap = 0;
	return 0;
}

/* A file over the limit for a page: its articles as they are read. */
static int stream_file(struct reader *rd, struct work *w, int fd, char *head, size_t head_len)
{
	struct stream_sink s = { .rd = rd, .w = w };
	const char *reason;
	int stop_rc;
	enum folio_extract_result ex = import_stream_articles(fd, head, head_len, &s.kind, sink, &s,
	                                                      &reason, &stop_rc);
	close(fd);
	free(head);
	if (s.stopped) {
		work_free(w);
		return -1;
	}
	if (s.nomem || ex == FOLIO_EXTRACT_NOMEM) {
		work_free(w);
		rd->err = NOMEM_READING;
		return -1;
	}
	w->kind = s.kind;
	if (ex != FOLIO_EXTRACT_OK && !reason)
		reason = "no article found";
	if (reason && !(w->reason = strdup(reason))) {
		work_free(w);
		rd->err = NOMEM_READING;
		return -1;
	}
	return push(rd, w);
}

static int read_file(struct reader *rd, const char *path)
{
	struct work w = { .name = strdup(path) };
	char *raw;
	size_t raw_len;
	const char *reason;
	int fd = -1;
	if (!w.name)
		goto nomem;
	if (strcmp(path, "-") == 0) {
		/* Read by the writer, so a store failure is never held up by a
		 * terminal that has not sent end-of-file. */
		w.from_stdin = true;
		return push(rd, &w);
	}
	int got = import_read_raw(path, &raw, &raw_len, &fd, &reason);
	if (got < 0) {
		if (!(w.reason = strdup(reason)))
			goto nomem;
		return push(rd, &w);
	}
	/* The same file named two ways is one article: key it by its real path. */
	w.file = realpath(path, NULL);
	if (got == 1)
		return stream_file(rd, &w, fd, raw, raw_len);
	enum folio_extract_result ex = import_find_articles(raw, raw_len, &w.kind, &w.items, &w.n, &reason);
	free(raw);
	if (ex == FOLIO_EXTRACT_NOMEM)
		goto nomem;
	if (ex != FOLIO_EXTRACT_OK && !reason)
		reason = "no article found";
	if (reason && !(w.reason = strdup(reason)))
		goto nomem;
	return push(rd, &w);

nomem:
	work_free(&w);
	rd->err = NOMEM_READING;
	return -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool seen_dir(const struct reader *rd, const struct stat *sb)
{
	for (size_t i = 0; i < rd->ndirs; i++)
		if (rd->dirs[i].dev == sb->st_dev && rd->dirs[i].ino == sb->st_ino)
			return true;
	return false;
}

static int read_path(struct reader *rd, const char *path);

FOLIO_DEFINE_GROW(grow_names, char *)
FOLIO_DEFINE_GROW(grow_visited, struct visited)

static int read_dir(struct reader *rd, const char *path, const struct stat *sb)
{
	if (seen_dir(rd, sb))
		return push_skip(rd, path, "folder already visited (a symbolic link loop)");
	DIR *dir = opendir(path);
	if (!dir)
		return push_skip(rd, path, strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *ent;
	errno = 0;
	while ((ent = readdir(dir)) != NULL) {
		if (ent->d_name[0] == '.') /* ".", "..", and hidden files such as .git */
			continue;
		if (!grow_names(&names, &cap, n + 1) || !(names[n] = strdup(ent->d_name)))
			goto nomem;
		n++;
	}
	closedir(dir);
	dir = NULL;
	if (n > 1) /* an empty folder has no names: qsort must not be given NULL */
		qsort(names, n, sizeof *names, by_name);

	if (!grow_visited(&rd->dirs, &rd->dirs_cap, rd->ndirs + 1))
		goto nomem;
	rd->dirs[rd->ndirs++] = (struct visited){ sb->st_dev, sb->st_ino };

	size_t plen = strlen(path);
	bool slash = plen > 0 && path[plen - 1] == '/';
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct folio_buf child_path = { 0 };
		folio_buf_printf(&child_path, "%s%s%s", path, slash ? "" : "/", names[i]);
		char *child = folio_buf_finish(&child_path, NULL);
		if (!child)
			goto nomem;
		rc = read_path(rd, child);
		free(child);
	}
	rd->ndirs--;
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
	rd->err = NOMEM_WALKING;
	return -1;
}

static int read_path(struct reader *rd, const char *path)
{
	struct stat sb;
	if (strcmp(path, "-") == 0)
		return read_file(rd, path);
	if (stat(path, &sb) != 0)
		return push_skip(rd, path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return read_dir(rd, path, &sb);
	if (!S_ISREG(sb.st_mode))
		return push_skip(rd, path, import_file_type_reason(sb.st_mode));
	return read_file(rd, path);
}

static void *reader_main(void *arg)
{
	struct reader *rd = arg;
	for (size_t i = 0; i < rd->npaths; i++)
		if (read_path(rd, rd->paths[i]) != 0)
			break;
	struct queue *q = rd->q;
	lock(q);
	q->reader_done = true;
	pthread_cond_signal(&q->filled);
	unlock(q);
	return NULL;
}

/* Start the reader with every asynchronous signal blocked, so SIGINT,
 * SIGTERM and the rest still go to the calling thread as they did before
 * there was a second one.  Faults stay deliverable where they happen. */
static int start_reader(pthread_t *thread, struct reader *rd)
{
	sigset_t all, old;
	sigfillset(&all);
	static const int faults[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS };
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
		sigdelset(&all, faults[i]);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = pthread_create(thread, NULL, reader_main, rd);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* ---- the writer: the calling thread, the only one to touch the store ---- */

struct import_run {
	struct folio_store *st;
	const struct folio_import_options *opts;
	struct folio_import_stats *stats;   /* committed counts */
	struct folio_import_stats pending;  /* counts of the open batch */
	size_t in_batch;
	bool in_transaction;
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

/* Store the articles found in one input; a store failure is returned. */
static int store_items(struct import_run *run, const char *file, enum import_kind kind,
                       const struct folio_import_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *stored_path = import_identity(file, kind, &items[i]);
		enum folio_put_result put;
		if (!stored_path) {
			run->err = strdup(NOMEM_READING);
			return -1;
		}
		const struct folio_article *a = &items[i].article;
		int rc = kind == IMPORT_FEED && items[i].id
		         ? folio_store_put_entry(run->st, a, stored_path, &put, &run->err)
		         : kind == IMPORT_EXPORT
		         ? folio_store_put_unclaimed(run->st, a, stored_path, &put, &run->err)
		         : folio_store_put(run->st, a, stored_path, &put, &run->err);
		if (rc == 0 && put == FOLIO_PUT_TAKEN) {
			/* An export only claims its paths: the article already there
			 * stays, and this one goes in beside it, under the export. */
			char *beside = import_beside(file, stored_path);
			rc = beside ? folio_store_put(run->st, a, beside, &put, &run->err) : -1;
			if (!beside)
				run->err = strdup(NOMEM_READING);
			free(beside);
		}
		free(stored_path);
		if (rc != 0)
			return -1;
		switch (put) {
		case FOLIO_PUT_NEW: run->pending.imported++; break;
		case FOLIO_PUT_UPDATED: run->pending.updated++; break;
		case FOLIO_PUT_UNCHANGED: run->pending.unchanged++; break;
		case FOLIO_PUT_REMOVED: run->pending.unchanged++; break; /* deleted: stays so */
		case FOLIO_PUT_TAKEN: assert(!"a put that may replace never finds its path taken"); break;
		}
		run->in_batch++;
	}
	return 0;
}

/* Find and store the articles in bytes already read, on this thread. */
static int import_bytes(struct import_run *run, const char *name, const char *file,
                        const char *raw, size_t raw_len)
{
	struct folio_import_item *items;
	size_t n;
	const char *reason;
	enum import_kind kind;
	enum folio_extract_result ex = import_find_articles(raw, raw_len, &kind, &items, &n, &reason);
	if (ex == FOLIO_EXTRACT_NOMEM) {
		run->err = strdup(NOMEM_READING);
		return -1;
	}
	if (ex != FOLIO_EXTRACT_OK) {
		skip(run, name, reason ? reason : "no article found");
		return 0;
	}
	int rc = store_items(run, file, kind, items, n);
	folio_import_items_free(items, n);
	if (rc == 0 && reason) /* it broke off after these */
		skip(run, name, reason);
	return rc;
}

static int import_stdin(struct import_run *run)
{
	char *raw;
	size_t raw_len;
	const char *reason;
	if (import_read_raw("-", &raw, &raw_len, NULL, &reason) != 0) {
		skip(run, "-", reason);
		return 0;
	}
	int rc = import_bytes(run, "-", "-", raw, raw_len);
	free(raw);
	return rc;
}

/* One input from the reader: its skip message, or its articles into the batch. */
static int write_work(struct import_run *run, const struct work *w)
{
	int rc = 0;
	if (w->from_stdin)
		rc = import_stdin(run);
	else
		rc = store_items(run, w->file ? w->file : w->name, w->kind, w->items, w->n);
	/* Skipped, or broken off after the articles just stored. */
	if (rc == 0 && w->reason)
		skip(run, w->name, w->reason);
	if (rc == 0 && run->in_batch >= IMPORT_BATCH) {
		if (commit_batch(run) != 0 || folio_store_begin(run->st, &run->err) != 0)
			return -1;
		run->in_transaction = true;
	}
	progress(run);
	return rc;
}

/* The next input in walk order, waiting for the reader; false once it has ended. */
static bool pop(struct queue *q, struct work *w)
{
	lock(q);
	while (q->count == 0 && !q->reader_done)
		wait_on(&q->filled, q);
	bool got = q->count > 0;
	if (got) {
		*w = q->slot[q->head];
		q->head = (q->head + 1) % QUEUE_SLOTS;
		q->count--;
		q->bytes -= w->bytes;
		/* Wake a waiting reader when half is free (or all, for one
		 * oversized input), so it refills in a burst, not once per item. */
		if (q->reader_waiting && (q->count == 0 || (q->count <= QUEUE_SLOTS / 2 &&
		                                            q->bytes <= QUEUE_BYTES / 2)))
			pthread_cond_signal(&q->drained);
	}
	unlock(q);
	return got;
}

/* Tell the reader to stop, wait for it, and free what it read that was not written. */
static void stop_reader(struct queue *q, pthread_t thread)
{
	lock(q);
	q->writer_stopped = true;
	pthread_cond_signal(&q->drained);
	unlock(q);
	int rc = pthread_join(thread, NULL);
	assert(rc == 0);
	(void)rc;
	for (; q->count > 0; q->count--) {
		q->bytes -= q->slot[q->head].bytes;
		work_free(&q->slot[q->head]);
		q->head = (q->head + 1) % QUEUE_SLOTS;
	}
}

/* Write everything the reader hands over until it ends or the store fails. */
static int write_all(struct import_run *run, char *const *paths, size_t npaths)
{
	struct queue q = {
		.lock = PTHREAD_MUTEX_INITIALIZER,
		.filled = PTHREAD_COND_INITIALIZER,
		.drained = PTHREAD_COND_INITIALIZER,
		.slot = calloc(QUEUE_SLOTS, sizeof(struct work)),
	};
	struct reader rd = { .q = &q, .paths = paths, .npaths = npaths };
	pthread_t thread;
	if (!q.slot) {
		run->err = strdup(NOMEM_READING);
		return -1;
	}
	int rc = start_reader(&thread, &rd);
	if (rc != 0) {
		if (asprintf(&run->err, "cannot start a thread to read files: %s", strerror(rc)) < 0)
			run->err = NULL;
		free(q.slot);
		return -1;
	}
	struct work w;
	rc = 0;
	while (rc == 0 && pop(&q, &w)) {
		rc = write_work(run, &w);
		work_free(&w);
	}
	stop_reader(&q, thread);
	free(rd.dirs);
	/* Everything the reader pushed before it failed has been written. */
	if (rc == 0 && rd.err) {
		run->err = strdup(rd.err);
		rc = -1;
	}
	free(q.slot);
	pthread_cond_destroy(&q.filled);
	pthread_cond_destroy(&q.drained);
	pthread_mutex_destroy(&q.lock);
	return rc;
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
	int rc = write_all(&run, paths, npaths);
	/* The open batch holds only whole articles (a failed put rolled back
	 * its own savepoint): keep them if the store still lets us.  If this
	 * commit fails as well, the first failure is still the one to tell. */
	if (run.in_transaction) {
		char *first = run.err;
		run.err = NULL;
		if (commit_batch(&run) != 0)
			rc = -1;
		if (first) {
			free(run.err);
			run.err = first;
		}
	}
	if (rc != 0)
		folio_store_rollback(st); /* whatever is still open; harmless if nothing is */
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
