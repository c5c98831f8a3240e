# tests/ui/tmux.sh: run folio in a private tmux server and read its screen
# (sourced by the tests/ui/*.sh scripts, after tests/lib.sh).
#
#   make_store               $DB: a store of tests/ui/data plus 250 generated
#                            articles from one source ("Bulk Daily")
#   start COLS ROWS ARGS...  run `folio --db $DB ARGS...` in a fresh session
#                            (TERM=$UI_TERM, default screen; $UI_ENV adds
#                            NAME=VALUE words to its environment); when folio
#                            ends the pane prints "[folio exit N]";
#                            folio_pid prints its pid
#   keys KEY...              tmux send-keys
#   screen                   the pane's text now (capture-pane -p)
#   screen_e                 the same with attributes (capture-pane -e)
#   wait_for PATTERN         poll until a screen line matches grep -E PATTERN
#                            (true) or 5 seconds pass (false)
#   settle                   poll until the screen stops changing
#   line N                   line N (1-based) of the screen
#   resize COLS ROWS         resize the window
#
# Every wait polls; nothing sleeps for a fixed long time.  The tmux server
# is killed when the script exits.
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

# Each start gets a server of its own: reusing a socket while the old
# server is still going away makes tmux fail at random.
_tmux_n=0
TMUX_SOCKET=folio-test-$$-0
unset TMUX
tmux_cmd() {
	tmux -L "$TMUX_SOCKET" -f /dev/null "$@"
}
# A fresh private server for the next session (the old one is killed).
new_server() {
	tmux_cmd kill-server >/dev/null 2>&1
	_tmux_n=$((_tmux_n + 1))
	TMUX_SOCKET=folio-test-$$-$_tmux_n
}
trap 'tmux_cmd kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT

DB=$TMP/store.db
UI_DATA=$top_srcdir/tests/ui/data

make_store() {
	mkdir -p "$TMP/bulk"
	awk -v dir="$TMP/bulk" 'BEGIN {
		split("January February March April May June July August September October", m, " ")
		for (i = 1; i <= 250; i++) {
			f = sprintf("%s/bulk-%03d.txt", dir, i)
			printf "Bulk Daily\n\nBulk story number %03d\n\nBy Test Writer\n", i > f
			printf "%s %d, 2001\n\n", m[int((i - 1) / 28) + 1], (i - 1) % 28 + 1 > f
			printf "TESTVILLE -- This is the body of bulk story number %03d, ", i > f
			printf "written only to fill a long list.\n\nA second paragraph.\n" > f
			close(f)
		}
	}'
	"$FOLIO" --db "$DB" import --quiet "$UI_DATA" "$TMP/bulk" >"$TMP/import.out" 2>&1
}

start() {
	_cols=$1 _rows=$2
	shift 2
	new_server
	rm -f "$TMP/folio.pid"
	# A wrapper keeps the quoting simple and tells the tests folio's pid.
	cat >"$TMP/run.sh" <<-EOF
		echo \$\$ >"$TMP/folio.pid"
		exec env TERM=${UI_TERM:-screen} LC_ALL=${LC_ALL:-C.UTF-8} ${UI_ENV:-} "$FOLIO" --db "$DB" "\$@"
	EOF
	_args=
	for _a in "$@"; do
		_args="$_args '$(printf '%s' "$_a" | sed "s/'/'\\\\''/g")'"
	done
	tmux_cmd start-server \; set-option -g status off \; \
		new-session -d -x "$_cols" -y "$_rows" \
		"sh '$TMP/run.sh'$_args; echo \"[folio exit \$?]\"; exec sleep 600"
	wait_for '\?:help|exit'
}

# The pid of the running folio.
folio_pid() {
	cat "$TMP/folio.pid"
}

keys() {
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

wait_for() {
	_i=0
	while [ $_i -lt 100 ]; do
		if screen | grep -Eq -- "$1"; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	return 1
}

settle() {
	_prev=$(screen)
	_i=0
	while [ $_i -lt 40 ]; do
		sleep 0.05
		_cur=$(screen)
		if [ "$_cur" = "$_prev" ]; then
			return 0
		fi
		_prev=$_cur
		_i=$((_i + 1))
	done
	return 1
}

resize() {
	tmux_cmd resize-window -x "$1" -y "$2"
}

# The id and title of the newest article whose title matches PATTERN.
article_title() {
	"$FOLIO" --db "$DB" list --limit 1000 | awk -F '\t' -v p="$1" '$4 ~ p { print $4; exit }'
}
