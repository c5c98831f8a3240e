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

"$FOLIO" --db "$DB" </dev/null >"$TMP/out" 2>"$TMP/err"
rc=$?
is "without a terminal folio refuses with status 2" "$rc" 2
like "and says why" "$(cat "$TMP/err")" 'terminal'
done_testing
