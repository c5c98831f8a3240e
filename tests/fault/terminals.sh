#!/bin/sh
# Promises 6 and 7 in the reader (beyond tests/ui/terminal.sh): any TERM,
# any size from 2x2 to 400x120, a storm of resizes, HOME unset; signals
# and a closed terminal end it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
. "$top_srcdir/tests/fault/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to check the bytes"

make_store
gone() { ! kill -0 "$1" 2>/dev/null; }

# ---- Promise 6: any terminal ----
env -u TERM "$FOLIO" --db "$DB" >/dev/null 2>"$TMP/err" </dev/null
script -qec "env -u TERM '$FOLIO' --db '$DB'" /dev/null >"$TMP/out" 2>&1 </dev/null; rc=$?
is "TERM unset: exit 2" "$rc" 2
like "TERM unset: says so" "$(cat "$TMP/out")" "TERM is not set"
for term in dumb xyzzy-unknown "$(printf 'x\033]0;t\007')"; do
	script -qec "TERM='$term' '$FOLIO' --db '$DB'" /dev/null >"$TMP/out" 2>&1 </dev/null; rc=$?
	is "TERM=$(printf '%s' "$term" | od -An -c | tr -d ' \n'): exit 2" "$rc" 2
	like "  with a one-line reason" "$(cat "$TMP/out")" "folio: .*(terminal|TERM)"
	is "  and no raw escape in it" "$(raw_terminal_safe "$TMP/out")" ""
done
# vt52: no tmux speaks it, so run it under script(1) and read the raw bytes.
# Its keys go in through a FIFO, each once folio has drawn (FOLIO_TEST_SYNC).
mkfifo "$TMP/vt52.in"
script -qfec "TERM=vt52 LC_ALL=C.UTF-8 FOLIO_TEST_SYNC='$TMP/vt52.sync' '$FOLIO' --db '$DB'" \
	"$TMP/vt52" <"$TMP/vt52.in" >/dev/null 2>&1 &
spid=$!
exec 4>"$TMP/vt52.in"
drawn_after() { grep -q "^keys $1\$" "$TMP/vt52.sync" 2>/dev/null; }
_poll drawn_after 0
printf j >&4
_poll drawn_after 1
printf Q >&4
exec 4>&-
wait "$spid"; rc=$?
is "TERM=vt52: the reader runs and quits with 0" "$rc" 0
like "TERM=vt52: it draws the source list" "$(tr -d '\033' <"$TMP/vt52")" "All articles"
ok "TERM=vt52: with vt52 cursor addressing (ESC Y)" grep -q "$(printf '\033')Y" "$TMP/vt52"

# Sizes from 2x2 to 400x120.
for size in "2 2" "10 4" "400 120"; do
	set -- $size
	start "$1" "$2"
	keys j Enter
	settle
	keys Enter
	settle
	s=$(screen)
	ok "${1}x$2: still running" sh -c "! printf '%s' '$(printf '%s' "$s" | tr -d "'")' | grep -q 'folio exit'"
	pid=$(folio_pid)
	keys Q
	_poll gone "$pid"
	# -J joins the lines a tiny pane wrapped, -S - takes the scrolled-off part too.
	like "${1}x$2: quits cleanly" "$(tmux_cmd capture-pane -p -J -S - | tr -d '\n')" '\[folio exit 0\]'
done
start 400 120
like "400x120: the whole list is drawn" "$(line 1)" "All articles"
keys Q

# A storm of resizes, in the article and with the search bar open: once
# folio has drawn for the last size, its screen is the one ^L draws.
storm() { # ends at 80x24
	awk 'BEGIN { srand(7); for (i = 0; i < 200; i++) printf "%d %d\n", 2 + int(rand() * 200), 2 + int(rand() * 60) }' |
	while read -r c r; do
		resize "$c" "$r"
	done
	resize 80 24
}
for where in article search; do
	start 80 24
	keys j j Enter
	settle
	keys j Enter
	settle
	[ "$where" = search ] && { keys / g r a n; settle; }
	storm
	settle
	after_storm=$(screen)
	keys C-l
	settle
	is "200 resizes in the $where view: the screen equals a fresh ^L redraw" "$after_storm" "$(screen)"
	like "  and folio still runs" "$(screen)" '\?:help|gran'
	keys Escape Q
done

# HOME unset: with --db the reader runs; without, a clear refusal.
new_server
tmux_cmd start-server \; set-option -g status off \; new-session -d -x 80 -y 24 \
	"env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME TERM=screen '$FOLIO' --db '$DB'; echo \"[folio exit \$?]\"; exec sleep 600"
wait_for 'All articles'
like "HOME unset: the reader runs with --db" "$(line 1)" "All articles"
keys Q
script -qec "env -u HOME -u XDG_DATA_HOME -u FOLIO_DB '$FOLIO'" /dev/null >"$TMP/out" 2>&1 </dev/null; rc=$?
is "HOME unset, no --db: exit 2" "$rc" 2
like "  saying what to do" "$(cat "$TMP/out")" "HOME is not set"

# ---- Promise 7: signals and a closed terminal end the reader ----
# (Within a second, by the 250 ms tick of its input loop; the test waits for
# the state, at most 30 s, and says how long it took: a test that timed it
# would fail on a busy machine.)
for sig in TERM INT HUP; do
	start 80 24
	pid=$(folio_pid)
	t0=$(date +%s%N)
	kill -$sig "$pid"
	_poll gone "$pid"
	ok "SIG$sig ends the reader" gone "$pid"
	echo "# SIG$sig: gone after $((($(date +%s%N) - t0) / 1000000)) ms"
	is "SIG$sig: cursor visible again" "$(tmux_cmd display -p '#{cursor_flag}')" 1
done
start 80 24
pid=$(folio_pid)
# SIGKILL closes the pty at once; `tmux kill-server` lets the server linger
# for a second or two before it closes its terminals.  Orphaned by the
# server, folio's exit is reaped by PID 1, which may take its time: a zombie
# has ended, so only a process that is not one counts.
running() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat")" != Z ]; }
ended() { ! running "$1"; }
ok "folio runs before its terminal is closed" running "$pid"
server=$(tmux_cmd display -p '#{pid}')
t0=$(date +%s%N)
kill -9 "$server"
_poll ended "$pid"
ok "a closed terminal ends the reader: no spinning" ended "$pid"
echo "# closed terminal: gone after $((($(date +%s%N) - t0) / 1000000)) ms"
done_testing
