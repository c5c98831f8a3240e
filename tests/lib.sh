# tests/lib.sh: TAP helpers for the shell tests (sourced, not run).
#
#   ok NAME COMMAND...        passes when COMMAND exits 0
#   is NAME GOT WANT          passes when the two strings are equal
#   like NAME GOT PATTERN     passes when GOT matches the grep -E PATTERN
#   skip NAME REASON          one test skipped, with the reason (TAP SKIP)
#   skip_all REASON           the machine cannot run this script
#   unprivileged              sets $as_user to what runs a command as an
#                             unprivileged user: empty when the test is not
#                             root, else setpriv to nobody (and $TMP is made
#                             searchable by it); false when root has no setpriv
#   done_testing              prints the plan; call last
#
# Each script gets a private $TMP (removed at exit) and $FOLIO, the binary
# under test.  $top_srcdir is the source tree; $SHARED is ../shared beside it
# when present.
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
SHARED=$(cd "$top_srcdir/.." && pwd)/shared
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config" \
	XDG_STATE_HOME="$TMP/state"
unset FOLIO_DB NO_COLOR
mkdir -p "$HOME"
_tap_n=0
_tap_failed=0

_tap_report() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $_tap_n - $2"
	else
		_tap_failed=$((_tap_failed + 1))
		echo "not ok $_tap_n - $2"
	fi
}

ok() {
	_name=$1
	shift
	"$@" >"$TMP/.ok.out" 2>&1
	_rc=$?
	_tap_report "$_rc" "$_name"
	if [ "$_rc" != 0 ]; then
		echo "#   command failed ($_rc): $*"
		sed 's/^/#   /' "$TMP/.ok.out" | head -20
	fi
}

is() {
	if [ "$2" = "$3" ]; then
		_tap_report 0 "$1"
	else
		_tap_report 1 "$1"
		printf '%s\n' "#   got:" "$2" | sed '2,$s/^/#     /' | head -40
		printf '%s\n' "#   want:" "$3" | sed '2,$s/^/#     /' | head -40
	fi
}

like() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		_tap_report 0 "$1"
	else
		_tap_report 1 "$1"
		printf '%s\n' "#   got:" "$2" | sed '2,$s/^/#     /' | head -40
		echo "#   want a match for: $3"
	fi
}

unlike() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		_tap_report 1 "$1"
		printf '%s\n' "#   got:" "$2" | sed '2,$s/^/#     /' | head -40
		echo "#   want no match for: $3"
	else
		_tap_report 0 "$1"
	fi
}

skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $1 # SKIP $2"
}

unprivileged() {
	as_user=
	[ "$(id -u)" = 0 ] || return 0
	command -v setpriv >/dev/null || return 1
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 0755 "$TMP"
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$_tap_n"
	[ "$_tap_failed" = 0 ]
}
