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
 * Run the reader until the user quits or the terminal goes away.  Returns 0,
 * or -1 with *err set when the terminal cannot be used (no TERM, not a tty,
 * too dumb); the terminal is restored either way.
 */
int folio_ui_run(struct folio_store *st, const struct folio_keymap *km,
                 const struct folio_ui_options *opts, char **err);

/* The ncurses version in use, for --version. */
const char *folio_ui_curses_version(void);

#endif
