/*
 * ui: the full-screen reader.  ui.c owns the terminal, the layout and the
 * input loop; each pane has its own ui_*.c file.  No ui file sees SQL: every
 * read and write goes through the store module, every string through text.
 */
#ifndef FOLIO_UI_H
#define FOLIO_UI_H

#include "folio/keymap.h"
#include "folio/store.h"

struct folio_ui_options {
	const char *startup_message; /* shown on the status line at start (keymap problems), or NULL */
};

/*
 * Run the reader until the user quits, the terminal goes away, or a signal
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT) ends it; the terminal is restored
 * whatever ends it.  Marks not yet saved are written at the end (waiting
 * for another writer unless a signal says not to).
 */
enum folio_ui_end {
	FOLIO_UI_QUIT,         /* the user quit, or the terminal went away */
	FOLIO_UI_SIGNAL,       /* a signal ended it: *signal is its number */
	FOLIO_UI_NO_TERMINAL,  /* the terminal cannot be used (no TERM, not a tty): *err */
	FOLIO_UI_STORE_FAILED  /* the store was found damaged, or marks were not saved: *err */
};
enum folio_ui_end folio_ui_run(struct folio_store *st, const struct folio_keymap *km,
                               const struct folio_ui_options *opts, int *signal, char **err);

/* The ncurses version in use, for --version. */
const char *folio_ui_curses_version(void);

#endif
