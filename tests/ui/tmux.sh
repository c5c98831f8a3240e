# tests/ui/tmux.sh: run folio in a private tmux server, for what only a real
# terminal shows: the bytes sent, signals, resizes, handing the terminal to
# other programs (sourced by tests after tests/lib.sh; everything else is
# tested with no terminal, tests/ui/script.sh).
#
#   make_store               the test store (tests/ui/common.sh)
#   start COLS ROWS ARGS...  run `folio --db $DB ARGS...` in a fresh session
#                            (TERM=$UI_TERM, default screen; $UI_ENV adds
#                            NAME=VALUE words to its environment); when folio
#                            ends the pane prints "[folio exit N]";
#                            folio_pid prints its pid
#   keys KEY...              tmux send-keys (the keys are counted)
#   settle                   wait until folio has read every key sent, drawn
#                            its screen for the window's size, and the pane
#                            shows that screen (folio says so through its
#                            test hook FOLIO_TEST_SYNC, src/ui_test.c), or
#                            folio has ended
#   wait_for PATTERN         wait until a screen line matches grep -E PATTERN
#   screen                   the pane's text now (capture-pane -p)
#   line N                   line N (1-based) of the screen
#   resize COLS ROWS         resize the window
#
# The waits poll for a state; the only time limit (30 s) is there so a
# broken folio fails the test instead of hanging it.  The tmux server is
# killed when the script exits.
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
. "$top_srcdir/tests/ui/common.sh"

# Each start gets a server of its own: reusing a socket while the old
# server is still going away makes tmux fail at random.  The sockets live
# in $TMP (tmux -S, like -L but with a path), so nothing is left behind.
_tmux_n=0
TMUX_SOCKET=$TMP/tmux.0
unset TMUX
tmux_cmd() {
	tmux -S "$TMUX_SOCKET" -f /dev/null "$@"
}
# A fresh private server for the next session (the old one is killed).
new_server() {
	tmux_cmd kill-server >/dev/null 2>&1
	rm -f "$TMUX_SOCKET"
	_tmux_n=$((_tmux_n + 1))
	TMUX_SOCKET=$TMP/tmux.$_tmux_n
}
trap 'tmux_cmd kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT

SYNC=$TMP/folio.sync
_sent=0

start() {
	_cols=$1 _rows=$2
	shift 2
	new_server
	rm -f "$TMP/folio.pid" "$SYNC"
	_sent=0
	# A wrapper keeps the quoting simple and tells the tests folio's pid.
	cat >"$TMP/run.sh" <<-EOF
		echo \$\$ >"$TMP/folio.pid"
		exec env TERM=${UI_TERM:-screen} LC_ALL=${LC_ALL:-C.UTF-8} FOLIO_TEST_SYNC="$SYNC" ${UI_ENV:-} "$FOLIO" --db "$DB" "\$@"
	EOF
	_args=
	for _a in "$@"; do
		_args="$_args '$(printf '%s' "$_a" | sed "s/'/'\\\\''/g")'"
	done
	tmux_cmd start-server \; set-option -g status off \; \
		new-session -d -x "$_cols" -y "$_rows" \
		"sh '$TMP/run.sh'$_args; echo \"[folio exit \$?]\"; exec sleep 600"
	settle
}

# The pid of the running folio.
folio_pid() {
	cat "$TMP/folio.pid"
}

# How many keys folio reads for these send-keys arguments.
_count_keys() {
	_mult=1 _count=0
	while [ $# -gt 0 ]; do
		case $1 in
		-N) _mult=$2; shift 2; continue ;;
		Enter | Escape | Tab | BTab | Space | BSpace | DC | Up | Down | Left | Right | \
			PgUp | PgDn | PPage | NPage | Home | End | F[0-9] | F1[0-2] | C-?) _k=1 ;;
		M-?) _k=2 ;; # folio reads Esc then the key, and counts both
		*) _k=$(printf '%s' "$1" | wc -m) ;;
		esac
		_count=$((_count + _mult * _k))
		shift
	done
	echo "$_count"
}

keys() {
	_sent=$((_sent + $(_count_keys "$@")))
	tmux_cmd send-keys "$@"
}

screen() {
	tmux_cmd capture-pane -p
}

screen_e() {
	tmux_cmd capture-pane -p -e
}

line() {
	screen | sed -n "$1p"
}

# Poll (every 20 ms, at most 30 s) until COMMAND succeeds.
_poll() {
	_i=0
	while [ $_i -lt 1500 ]; do
		"$@" && return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	return 1
}

_has_line() {
	screen | grep -Eq -- "$1"
}

wait_for() {
	_poll _has_line "$1" && return 0
	echo "# wait_for: after 30 s no line matches $1"
	return 1
}

# folio has read $_sent keys, drawn for the window's size, and the pane shows it.
_settled() {
	_has_line '^\[folio exit' && return 0
	[ -s "$SYNC" ] || return 1
	_head=$(sed -n '1,2p' "$SYNC")
	_keys=$(printf '%s\n' "$_head" | sed -n 's/^keys //p')
	[ "${_keys:-0}" -ge "$_sent" ] || return 1
	[ "$(printf '%s\n' "$_head" | sed -n 's/^size //p')" = \
		"$(tmux_cmd display -p '#{window_width}x#{window_height}')" ] || return 1
	[ "$(sed '1,2d' "$SYNC")" = "$(screen)" ]
}

settle() {
	_poll _settled && return 0
	echo "# settle: after 30 s folio has read ${_keys:-no} of $_sent keys; its screen and the pane's:"
	sed 's/^/#   /' "$SYNC" 2>/dev/null
	screen | sed 's/^/#   /'
	return 1
}

resize() {
	tmux_cmd resize-window -x "$1" -y "$2"
}
