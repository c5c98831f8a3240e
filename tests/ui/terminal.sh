#!/bin/sh
# Terminal manners, on a real terminal (tmux): q, SIGTERM, SIGINT and SIGHUP
# end the reader with the terminal restored; a terminal that goes away ends
# it instead of leaving it spinning; ^Z and fg; without a terminal it
# refuses to start.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"

make_store
start 80 24
like "the reader starts on the terminal" "$(line 1)" '^> All articles'
keys q
wait_for '^\[folio exit'
like "q quits with status 0" "$(screen)" '^\[folio exit 0\]'
is "q leaves the alternate screen" "$(tmux_cmd display -p '#{alternate_on}')" 0
is "q leaves the cursor visible" "$(tmux_cmd display -p '#{cursor_flag}')" 1

for sig in TERM INT HUP; do
	start 80 24
	kill -$sig "$(folio_pid)"
	wait_for '^\[folio exit'
	like "SIG$sig ends the reader" "$(screen)" '^\[folio exit [0-9]+\]'
	is "SIG$sig: the alternate screen is left" "$(tmux_cmd display -p '#{alternate_on}')" 0
done

start 80 24
keys C-c
wait_for '^\[folio exit'
like "^C ends the reader cleanly" "$(screen)" '^\[folio exit [0-9]+\]'

start 80 24
pid=$(folio_pid)
tmux_cmd kill-server
# (A spinning folio would never end: the bound is only so a failure ends the test.)
_ended() { ! kill -0 "$pid" 2>/dev/null; }
_poll _ended
ok "a terminal that goes away ends folio" _ended

# ^Z and fg need a shell with job control in the pane.
if command -v bash >/dev/null 2>&1; then
	new_server
	tmux_cmd start-server \; set-option -g status off \; \
		new-session -d -x 80 -y 24 "env PS1='$ ' TERM=screen bash --norc --noprofile -i"
	keys "'$FOLIO' --db '$DB'" Enter
	wait_for '\?:help$'
	keys C-z
	wait_for 'Stopped'
	like "^Z suspends the reader and gives the shell back" "$(screen)" 'Stopped'
	keys fg Enter
	wait_for '^> All articles'
	like "fg repaints it" "$(line 1)" '^> All articles'
	keys Q
	wait_for '^\$ ?$'
	is "and it still quits cleanly" "$(tmux_cmd display -p '#{alternate_on}')" 0
fi

"$FOLIO" --db "$DB" </dev/null >"$TMP/out" 2>"$TMP/err"
rc=$?
is "without a terminal folio refuses with status 2" "$rc" 2
like "and says why" "$(cat "$TMP/err")" 'terminal'
done_testing
