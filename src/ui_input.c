/*
 * ui_input.c: curses input -> folio_key values.
 *
 * Keys are read with a timeout so the loop sees signal flags and idle
 * work; Esc followed at once by a key is <M-key> (what terminals send for
 * Alt), a lone Esc arrives after the short ESCDELAY set at start-up.  A
 * terminal that has gone away makes get_wch fail at once, over and over:
 * many such failures in a row are reported as UI_READ_DEAD so the reader
 * ends instead of spinning.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include <errno.h>
#include <unistd.h>

#define UI_DEAD_TTY_ERRORS 20

long ui_elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	ui_clock(&now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

static folio_key convert_key(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return FOLIO_KEY_UP;
		case KEY_DOWN: return FOLIO_KEY_DOWN;
		case KEY_LEFT: return FOLIO_KEY_LEFT;
		case KEY_RIGHT: return FOLIO_KEY_RIGHT;
		case KEY_PPAGE: return FOLIO_KEY_PGUP;
		case KEY_NPAGE: return FOLIO_KEY_PGDN;
		case KEY_HOME: return FOLIO_KEY_HOME;
		case KEY_END: return FOLIO_KEY_END;
		case KEY_BTAB: return FOLIO_KEY_STAB;
		case KEY_DC: return FOLIO_KEY_DELETE;
		case KEY_ENTER: return FOLIO_KEY_ENTER;
		case KEY_BACKSPACE: return FOLIO_KEY_BACKSPACE;
		default:
			if (ch >= KEY_F(1) && ch <= KEY_F(12))
				return FOLIO_KEY_F1 + (folio_key)(ch - KEY_F(1));
			return -1;
		}
	}
	switch (ch) {
	case '\r':
	case '\n':
		return FOLIO_KEY_ENTER;
	case 127:
	case 8:
		return FOLIO_KEY_BACKSPACE;
	default:
		return (folio_key)ch;
	}
}

/*
 * One key, waiting at most timeout_ms.  Esc followed at once by a key is
 * <M-key>.  A terminal that has gone away makes get_wch fail immediately;
 * many such failures in a row end the reader.
 */
enum ui_read ui_read_key(struct ui *ui, int timeout_ms, folio_key *key)
{
	if (ui_test_scripted())
		return ui_test_read(ui, timeout_ms, key);
	wint_t ch;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	wtimeout(ui->input, timeout_ms);
	errno = 0;
	int rc = wget_wch(ui->input, &ch);
	if (rc == ERR) {
		bool fast = ui_elapsed_ms(&start) < timeout_ms / 2 || errno == EIO;
		if (timeout_ms > 0 && fast && errno != EINTR)
			ui->fast_errors++;
		else
			ui->fast_errors = 0;
		if (ui->fast_errors >= UI_DEAD_TTY_ERRORS || (fast && !isatty(STDIN_FILENO)))
			return UI_READ_DEAD;
		return UI_READ_NONE;
	}
	ui->fast_errors = 0;
	if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
		return UI_READ_RESIZE;
	if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) != OK)
			return UI_READ_NONE;
		ui->mouse.y = ev.y;
		ui->mouse.x = ev.x;
		if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
			ui->mouse.kind = UI_MOUSE_DOUBLE;
		else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
			ui->mouse.kind = UI_MOUSE_CLICK;
		else if (ev.bstate & BUTTON4_PRESSED)
			ui->mouse.kind = UI_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
		else if (ev.bstate & BUTTON5_PRESSED)
			ui->mouse.kind = UI_MOUSE_WHEEL_DOWN;
#endif
		else
			return UI_READ_NONE;
		return UI_READ_MOUSE;
	}
	folio_key k = convert_key(rc, ch);
	if (k < 0)
		return UI_READ_NONE;
	if (k == FOLIO_KEY_ESC) {
		wint_t next;
		wtimeout(ui->input, 0);
		int rc2 = wget_wch(ui->input, &next);
		if (rc2 != ERR) {
			folio_key k2 = rc2 == KEY_CODE_YES && next == KEY_RESIZE ? -1 : convert_key(rc2, next);
			if (k2 >= 0 && k2 != FOLIO_KEY_ESC) {
				*key = k2 | FOLIO_KEY_META;
				ui->nkeys += 2;
				return UI_READ_KEY;
			}
			if (rc2 == KEY_CODE_YES)
				ungetch((int)next);
			else
				unget_wch((wchar_t)next);
		}
	}
	*key = k;
	ui->nkeys++;
	return UI_READ_KEY;
}
