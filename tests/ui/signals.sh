#!/bin/sh
# Terminal manners: SIGTERM, SIGINT and SIGHUP end the reader with the
# terminal restored; a terminal that goes away ends it instead of leaving
# it spinning; without a terminal it refuses to start.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"

make_store
for sig in TERM INT HUP; do
	start 80 24
	kill -$sig "$(folio_pid)"
	wait_for '^\[folio exit' >/dev/null
	like "SIG$sig ends the reader" "$(screen)" '^\[folio exit [0-9]+\]'
	is "SIG$sig: the alternate screen is left" "$(tmux_cmd display -p '#{alternate_on}')" 0
done

start 80 24
keys C-c
wait_for '^\[folio exit' >/dev/null
like "^C ends the reader cleanly" "$(screen)" '^\[folio exit [0-9]+\]'

start 80 24
pid=$(folio_pid)
tmux_cmd kill-server
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 40 ]; do
	sleep 0.05
	i=$((i + 1))
done
ok "a terminal that goes away ends folio within two seconds" sh -c "! kill -0 $pid 2>/dev/null"

# ^Z and fg need a shell with job control in the pane.
if command -v bash >/dev/null 2>&1; then
	new_server
	tmux_cmd start-server \; set-option -g status off \; \
		new-session -d -x 80 -y 24 "env PS1='$ ' TERM=screen bash --norc --noprofile -i"
	keys "'$FOLIO' --db '$DB'" Enter
	wait_for '\?:help$' >/dev/null
	keys C-z
	wait_for 'Stopped' >/dev/null
	like "^Z suspends the reader and gives the shell back" "$(screen)" 'Stopped'
	keys fg Enter
	wait_for '^> All articles' >/dev/null
	like "fg repaints it" "$(line 1)" '^> All articles'
	keys Q
	wait_for '^\$ $' >/dev/null
	is "and it still quits cleanly" "$(tmux_cmd display -p '#{alternate_on}')" 0
fi

"$FOLIO" --db "$DB" </dev/null >"$TMP/out" 2>"$TMP/err"
rc=$?
is "without a terminal folio refuses with status 2" "$rc" 2
like "and says why" "$(cat "$TMP/err")" 'terminal'
done_testing
