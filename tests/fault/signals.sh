#!/bin/sh
# Signals that end the reader: SIGQUIT (^\) as well as SIGINT, SIGTERM and
# SIGHUP leave the terminal as it was (alternate screen off, cursor shown,
# keypad mode off), and folio's status is 128 + the signal's number, as a
# shell reports a program killed by it, so a script can tell it was killed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"

make_store
for pair in QUIT:3 INT:2 TERM:15 HUP:1; do
	sig=${pair%:*} n=${pair#*:}
	start 80 24
	ok "SIG$sig: the reader runs, on the alternate screen" \
		test "$(tmux_cmd display -p '#{alternate_on}')" = 1
	kill -"$sig" "$(folio_pid)"
	wait_for '^\[folio exit' >/dev/null
	like "SIG$sig: exit $((128 + n))" "$(screen)" "^\\[folio exit $((128 + n))\\]"
	is "SIG$sig: the alternate screen is left" "$(tmux_cmd display -p '#{alternate_on}')" 0
	is "SIG$sig: the cursor is shown" "$(tmux_cmd display -p '#{cursor_flag}')" 1
	is "SIG$sig: keypad mode is off" \
		"$(tmux_cmd display -p '#{keypad_cursor_flag}#{keypad_flag}')" 00
done

# ^\ typed at the keyboard is SIGQUIT from the terminal.
start 80 24
keys 'C-\'
wait_for '^\[folio exit' >/dev/null
like "^\\ typed in the reader: exit 131, no core dump" "$(screen)" '^\[folio exit 131\]'
is "  the alternate screen is left" "$(tmux_cmd display -p '#{alternate_on}')" 0

# q is not a signal: 0.
start 80 24
keys Q
wait_for '^\[folio exit' >/dev/null
like "Q quits with 0" "$(screen)" '^\[folio exit 0\]'
done_testing
