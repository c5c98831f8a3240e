/*
 * ui_marks.c: the read and flagged marks a reader sets, shown at once and
 * saved when the store lets us.
 *
 * A key never waits on a lock.  Opening an article (which marks it read),
 * r and F change what the reader shows at once and queue the article's new
 * marks; the queue is written in one transaction straight away unless
 * another program holds the store's write lock, and then by the first idle
 * tick (a quarter second) that finds the lock free.  Rows read from the
 * store again while marks wait (a list page, search hits, the article)
 * show the queued marks, not the stored ones.  At exit the queue is
 * written, waiting as long as the lock holder makes progress (a signal
 * ends the wait), and what could not be written is said; on a store that
 * cannot be written here marks are only shown, as the reader said at start.
 */
#include "folio/folio.h"

#include "ui_internal.h"

/* Articles named in the message about marks not saved; the count says the rest. */
#define UNSAVED_NAMED 10

static struct folio_marks *queued(const struct ui_marks *m, int64_t id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->q[i].id == id)
			return &m->q[i];
	return NULL;
}

/* Write the queue (waiting or not); 0 written, 1 the lock is taken, -1 failed with *err. */
static int write_queue(struct ui *ui, bool wait, int (*give_up)(void *arg), void *arg,
                       char **err)
{
	struct ui_marks *m = &ui->marks;
	folio_store_set_waiting(ui->st, wait, give_up, arg);
	int rc = folio_store_set_marks(ui->st, m->q, m->n, err);
	folio_store_set_waiting(ui->st, true, NULL, NULL);
	if (rc == 0)
		m->n = 0;
	return rc;
}

/* Try the queue without waiting; a failure that is not the lock is said once. */
static bool try_now(struct ui *ui)
{
	struct ui_marks *m = &ui->marks;
	char *err = NULL;
	if (m->n == 0 || m->failed)
		return false;
	int rc = write_queue(ui, false, NULL, NULL, &err);
	if (rc < 0) {
		m->failed = true;
		ui_store_error(ui, err);
	}
	return rc == 0;
}

FOLIO_DEFINE_GROW(grow_marks, struct folio_marks)

void ui_marks_set(struct ui *ui, int64_t id, bool read, bool flagged)
{
	struct ui_marks *m = &ui->marks;
	struct folio_marks *q = queued(m, id);
	if (!q) {
		if (!grow_marks(&m->q, &m->cap, m->n + 1)) {
			ui_message(ui, "out of memory: the mark is not kept");
			return;
		}
		q = &m->q[m->n++];
		q->id = id;
	}
	q->read = read;
	q->flagged = flagged;
	ui_view_set_state(ui, id, read, flagged);
	if (try_now(ui))
		ui_view_reload(ui, false);
}

void ui_marks_overlay(const struct ui *ui, int64_t id, bool *read, bool *flagged)
{
	const struct folio_marks *q = queued(&ui->marks, id);
	if (q) {
		*read = q->read;
		*flagged = q->flagged;
	}
}

bool ui_marks_flush(struct ui *ui)
{
	return ui->marks.n == 0 || try_now(ui);
}

bool ui_marks_idle(struct ui *ui)
{
	if (!try_now(ui))
		return false;
	ui_view_reload(ui, false); /* the counts now include them */
	return true;
}

char *ui_marks_finish(struct ui *ui, int (*give_up)(void *arg), void *arg)
{
	struct ui_marks *m = &ui->marks;
	char *err = NULL, *msg = NULL, *named = NULL;
	/* A store read-only here was said to keep no marks when the reader opened it. */
	if (m->n == 0 || folio_store_unwritable(ui->st))
		return NULL;
	int rc = write_queue(ui, true, give_up, arg, &err);
	if (rc == 0)
		return NULL;
	size_t len = 0;
	FILE *f = open_memstream(&named, &len);
	for (size_t i = 0; f && i < m->n && i < UNSAVED_NAMED; i++)
		fprintf(f, "%s%lld %s%s", i ? ", " : "", (long long)m->q[i].id,
		        m->q[i].read ? "read" : "unread", m->q[i].flagged ? " flagged" : "");
	if (f && m->n > UNSAVED_NAMED)
		fprintf(f, ", ...");
	if (f)
		fclose(f);
	const char *why = err ? err : "another program kept the store locked";
	if (asprintf(&msg, "%zu mark%s not saved (article %s): %s", m->n, m->n == 1 ? "" : "s",
	             named ? named : "?", why) < 0)
		msg = NULL;
	free(named);
	free(err);
	return msg;
}

void ui_marks_free(struct ui_marks *m)
{
	free(m->q);
	memset(m, 0, sizeof *m);
}
