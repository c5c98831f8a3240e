# tests/ui/script.sh: drive the reader with no terminal, through its test
# hook FOLIO_TEST_SCRIPT (src/ui_test.c), the way tig's tests drive tig
# (sourced by tests/ui/*.sh after tests/lib.sh).  folio reads its keys from
# a FIFO a line at a time and writes its screen into another FIFO when
# asked, so every read of the screen shows the state after every key sent
# before it: nothing waits for time, and the timers (the pause before a
# search is ranked, the wait for a key sequence's next key) fire only when
# a test says time has passed.
#
#   make_store               the test store (tests/ui/common.sh)
#   start COLS ROWS ARGS...  run `folio --db $DB ARGS...` (TERM=$UI_TERM,
#                            default screen; $UI_ENV adds NAME=VALUE words)
#   keys KEY...              keys typed at once: tmux's names (Enter, Escape,
#                            C-u, PgDn, -N COUNT KEY...) or text typed as is
#   pause MS                 MS milliseconds pass without a key
#   resize COLS ROWS         the terminal changes size
#   screen                   the screen now; screen_attrs: with {ATTRS}
#                            marks (see src/ui_test.c)
#   line N                   line N (1-based) of the screen
#   finish                   end the keys and wait for folio to end
#   exit_status              then: its exit status, with " (hang-up)" when
#                            it was still running when the keys ended
#   folio_pid                folio's pid
. "$top_srcdir/tests/ui/common.sh"

_folio_pid=
trap 'finish; rm -rf "$TMP"' EXIT

# End the running folio's keys, if any, and keep its exit status in $TMP/folio.rc.
finish() {
	[ -n "$_folio_pid" ] || return 0
	exec 3>&-
	wait "$_folio_pid"
	echo $? >"$TMP/folio.rc"
	_folio_pid=
}

start() {
	_cols=$1 _rows=$2
	shift 2
	finish
	rm -f "$TMP/keys.fifo" "$TMP/screen.fifo" "$TMP/folio.rc"
	mkfifo "$TMP/keys.fifo" "$TMP/screen.fifo"
	# Read-write, so opening it waits for nobody and folio ending is no SIGPIPE.
	exec 3<>"$TMP/keys.fifo"
	# shellcheck disable=SC2086
	env LINES="$_rows" COLUMNS="$_cols" TERM="${UI_TERM:-screen}" LC_ALL="${LC_ALL:-C.UTF-8}" \
		FOLIO_TEST_SCRIPT="$TMP/keys.fifo" ${UI_ENV:-} "$FOLIO" --db "$DB" "$@" \
		>"$TMP/folio.out" 2>"$TMP/folio.err" 3>&- &
	_folio_pid=$!
}

folio_pid() {
	echo "$_folio_pid"
}

# One key a word in keymap names (<Enter>, <C-u>, x), from tmux's names or text.
_key_words() {
	while [ $# -gt 0 ]; do
		case $1 in
		-N)
			_n=$2 _k=$3
			shift 3
			while [ "$_n" -gt 0 ]; do _key_words "$_k"; _n=$((_n - 1)); done
			continue ;;
		Enter) printf '<Enter> ' ;;
		Escape) printf '<Esc> ' ;;
		Tab) printf '<Tab> ' ;;
		BTab) printf '<S-Tab> ' ;;
		Space) printf '<Space> ' ;;
		BSpace) printf '<Backspace> ' ;;
		DC) printf '<Delete> ' ;;
		Up | Down | Left | Right | PgUp | PgDn | Home | End) printf '<%s> ' "$1" ;;
		NPage) printf '<PgDn> ' ;;
		PPage) printf '<PgUp> ' ;;
		F[0-9] | F1[0-2]) printf '<%s> ' "$1" ;;
		[CM]-?) printf '<%s> ' "$1" ;;
		*)
			printf '%s' "$1" | sed 's/./&\n/g' | while IFS= read -r _c; do
				case $_c in
				'') ;;
				' ') printf '<Space> ' ;;
				'<') printf '<lt> ' ;;
				'#') printf '<Hash> ' ;;
				*) printf '%s ' "$_c" ;;
				esac
			done ;;
		esac
		shift
	done
}

keys() {
	_line=$(_key_words "$@")
	[ -n "$_line" ] && printf '%s\n' "$_line" >&3
}

pause() {
	printf ':wait %s\n' "$1" >&3
}

resize() {
	printf ':resize %s %s\n' "$1" "$2" >&3
}

# folio has not ended (an ended folio not yet waited for is a zombie).
_running() {
	[ -n "$_folio_pid" ] && [ -r "/proc/$_folio_pid/stat" ] &&
		[ "$(sed 's/.*) \(.\).*/\1/' "/proc/$_folio_pid/stat")" != Z ]
}

# The screen, or what folio said on stderr if it is gone.  (The timeout only
# keeps a folio that died between two lines from hanging the test.)
_dump() { # screen|attrs
	if ! _running; then
		echo "[folio is not running]"
		sed 's/^/[stderr] /' "$TMP/folio.err"
		return
	fi
	printf ':%s %s\n' "$1" "$TMP/screen.fifo" >&3
	timeout 60 cat "$TMP/screen.fifo"
}

screen() {
	_dump screen
}

screen_attrs() {
	_dump attrs
}

line() {
	screen | sed -n "$1p"
}

exit_status() {
	printf '%s' "$(cat "$TMP/folio.rc")"
	grep -q 'the script ended before the reader quit' "$TMP/folio.err" && printf ' (hang-up)'
	echo
}
