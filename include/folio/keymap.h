/*
 * keymap: key names, keymap files, and which action a key sequence means.
 *
 * A key is a folio_key: a Unicode code point for a character (control keys
 * are their control code, <C-d> == 4, <Tab> == 9, <Esc> == 27), one of the
 * FOLIO_KEY_* values for the keys that have no character, and the
 * FOLIO_KEY_META bit for <M-x>.  The UI turns curses input into these, so
 * this module knows nothing of curses: Enter (\r, \n, KEY_ENTER) is
 * FOLIO_KEY_ENTER, Backspace (127, KEY_BACKSPACE) is FOLIO_KEY_BACKSPACE,
 * and Alt-x (an Esc followed at once by x) is FOLIO_KEY_META | 'x'.
 *
 * Keymap files hold one directive a line; a '#' at the start of a word
 * starts a comment:
 *     bind CONTEXT KEY ACTION
 *     unbind CONTEXT KEY    (unbinding a key that is not bound is no error)
 *     include FILE          (relative to the including file; 8 deep at most)
 *     set NAME VALUE        (a setting; see struct folio_settings)
 *     color ELEMENT FG [BG] (match, dim, status, title; a colour name or 0-255)
 * A bad line is reported as "file:line: reason" and skipped.  A later bind of
 * the same CONTEXT and KEY replaces the earlier one.
 *
 * KEY names: a printable character as itself ("j", "G", "/", "é"), or one
 * of <C-x> <M-x> <Enter> <Esc> <Tab> <S-Tab> <Space> <Backspace> <Delete>
 * <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1>..<F12>
 * <lt> ('<') <Hash> ('#') <U+XXXX>; names are case-blind except the
 * character in <M-x>.  A KEY can be a sequence of up to FOLIO_KEY_MAX_SEQ
 * keys: "gg", "<Esc>x", "<C-x><C-c>".
 *
 * Sequences that share a start (vim-style): when one binding is the start
 * of a longer one ("g" and "gg"), typing "g" waits for the next key.  If
 * that key continues the longer binding, the longer one runs; otherwise
 * the shorter binding's action runs and the new key is read afresh.
 * folio_keymap_lookup() reports this as FOLIO_KEY_PARTIAL with *action set
 * to what the keys so far would do alone.
 *
 * Contexts: a key is looked up in the current context, then in global.  A
 * context's binding hides a global binding of the same keys and any global
 * binding that starts with them.  In the search context a printable
 * character types itself: global bindings that start with one are ignored
 * there (only the search context's own bindings apply to them).
 */
#ifndef FOLIO_KEYMAP_H
#define FOLIO_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "folio/actions.h"
#include "folio/store.h" /* enum folio_sort */

typedef int32_t folio_key;

enum {
	FOLIO_KEY_SPECIAL = 0x110000, /* above every code point */
	FOLIO_KEY_ENTER = FOLIO_KEY_SPECIAL,
	FOLIO_KEY_BACKSPACE,
	FOLIO_KEY_UP,
	FOLIO_KEY_DOWN,
	FOLIO_KEY_LEFT,
	FOLIO_KEY_RIGHT,
	FOLIO_KEY_PGUP,
	FOLIO_KEY_PGDN,
	FOLIO_KEY_HOME,
	FOLIO_KEY_END,
	FOLIO_KEY_STAB,
	FOLIO_KEY_DELETE,
	FOLIO_KEY_F1, /* F1..F12 follow in order */
	FOLIO_KEY_F12 = FOLIO_KEY_F1 + 11,
	FOLIO_KEY_META = 0x40000000  /* or'ed with a key: <M-x> */
};

#define FOLIO_KEY_ESC 27
#define FOLIO_KEY_TAB 9
#define FOLIO_KEY_MAX_SEQ 4  /* longest sequence a binding can have, "gg" is 2 */

/*
 * Parse a KEY as written in a keymap file ("j", "<C-d>", "<PgDn>", "gg",
 * "<Esc>x") into at most max keys.  Returns the number of keys, or 0 when the
 * text is not a key.
 */
size_t folio_key_parse(const char *text, folio_key *seq, size_t max);

/*
 * The name of one key as a keymap file writes it ("j", "<C-d>", "<Enter>");
 * folio_key_parse() reads every name back to the same key.  16 bytes hold
 * any name.
 */
void folio_key_name(folio_key key, char *buf, size_t size);

/* The names of n keys run together ("gg", "<C-x><C-c>"); returns the length written. */
size_t folio_key_seq_name(const folio_key *seq, size_t n, char *buf, size_t size);

struct folio_keymap;

/*
 * The settings the same files hold, beside the bindings (as tig's tigrc
 * holds set and color beside bind).  A later set wins.
 *     set list-width N|auto          the list pane on a wide screen (20-200 columns)
 *     set date-format FORMAT         strftime(3) for the list's dates (31 bytes)
 *     set mark-read-on-open yes|no   opening an article marks it read
 *     set confirm-quit yes|no        q at the top asks before it quits
 *     set one-row-a-story yes|no     near duplicates are one row in lists and hits
 *     set mouse yes|no               click selects, double-click opens, the wheel scrolls
 *     color ELEMENT FG [BG]          default black red green yellow blue magenta
 *                                    cyan white, or 0-255
 */
enum folio_color_element {
	FOLIO_COLOR_MATCH, FOLIO_COLOR_DIM, FOLIO_COLOR_STATUS, FOLIO_COLOR_TITLE,
	FOLIO_COLOR_ELEMENTS
};
struct folio_color {
	bool set;
	short fg, bg; /* -1: the terminal's default */
};
struct folio_settings {
	int list_width;        /* 0: automatic */
	char date_format[32];  /* "": YYYY-MM-DD */
	bool mark_read_on_open;
	bool confirm_quit;
	bool one_row_a_story;
	bool mouse;
	enum folio_sort sort_order; /* the article lists' order at start */
	struct folio_color colors[FOLIO_COLOR_ELEMENTS];
};
/* "date", "title", "source": sort-order's words. */
const char *folio_sort_name(enum folio_sort sort);
const struct folio_settings *folio_keymap_settings(const struct folio_keymap *km);
/* The element's name ("match"), for the man page and messages. */
const char *folio_color_element_name(enum folio_color_element e);

struct folio_keymap *folio_keymap_new(void);
void folio_keymap_free(struct folio_keymap *km);

/*
 * The folder holding the keymaps folio ships (vi.keys, emacs.keys).  An
 * include of a relative name that is not beside the including file is looked
 * for there.  Returns -1 when memory runs out.
 */
int folio_keymap_set_library(struct folio_keymap *km, const char *dir);

/*
 * Called once for each bad line (or unreadable file); line is 0 for a
 * whole-file problem.  An include that cannot be read is reported at the
 * include line.  file and reason may hold bytes from the file: sanitise them
 * before they reach a terminal.
 */
typedef void folio_keymap_report_fn(void *ctx, const char *file, unsigned line,
                                    const char *reason);

/*
 * Read directives from text (the compiled-in default) or from a file.
 * Bad lines are reported and skipped; the rest take effect.  Return the
 * number of problems reported (0 when all was well).  With load_text an
 * include is found beside name (in the current folder if name has no '/').
 */
int folio_keymap_load_text(struct folio_keymap *km, const char *name, const char *text,
                           size_t len, folio_keymap_report_fn *report, void *ctx);
int folio_keymap_load_file(struct folio_keymap *km, const char *path,
                           folio_keymap_report_fn *report, void *ctx);

enum folio_key_match {
	FOLIO_KEY_UNBOUND,  /* no binding starts with this sequence */
	FOLIO_KEY_PARTIAL,  /* a longer binding starts with it: wait for the next key */
	FOLIO_KEY_BOUND     /* *action is set */
};

/*
 * What the sequence means in context (one FOLIO_CTX_* bit): bindings of that
 * context win over global ones (see "Contexts" above).  On FOLIO_KEY_BOUND
 * *action is the action; on FOLIO_KEY_PARTIAL it is the action the keys so
 * far mean alone (FOLIO_ACT_NONE if none), to run when the next key does not
 * continue the sequence; on FOLIO_KEY_UNBOUND it is FOLIO_ACT_NONE.
 */
enum folio_key_match folio_keymap_lookup(const struct folio_keymap *km, unsigned context,
                                         const folio_key *seq, size_t n,
                                         enum folio_action *action);

/*
 * The keys bound to action in context (and global), as "j, <Down>", for the
 * help screen: exactly the keys that do action when typed in context, the
 * context's own first, each in file order.  Names that do not fit in size
 * are left off whole.  Returns the length written (0 when unbound).
 */
size_t folio_keymap_describe(const struct folio_keymap *km, unsigned context,
                             enum folio_action action, char *buf, size_t size);

/* The compiled-in keymaps/default.keys. */
extern const char folio_default_keys[];
extern const size_t folio_default_keys_len;

#endif
