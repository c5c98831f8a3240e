#!/bin/sh
# Usage errors: the reason and the one usage line that applies, never the
# whole list of commands; an empty store name is a usage error of its own.
. "$top_srcdir/tests/lib.sh"
sample="$top_srcdir/tests/data/articles/harbor-ferry.txt"

# usage_case NAME WANT-LINE-2 ARGS...: exit 2, two lines on stderr, nothing on stdout.
usage_case() {
	_name=$1 _want=$2
	shift 2
	"$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"; _rc=$?
	is "$_name: exit 2" "$_rc" 2
	is "$_name: two lines, the reason and one usage line" "$(wc -l <"$TMP/err" | tr -d ' ')" 2
	like "$_name: the reason first" "$(head -n 1 "$TMP/err")" "^folio: "
	like "$_name: then its usage line" "$(sed -n 2p "$TMP/err")" "$_want"
	is "$_name: nothing on stdout" "$(cat "$TMP/out")" ""
}

usage_case "import without a PATH" '^usage: folio \[--db FILE\] import ' --db "$TMP/s.db" import
usage_case "list with an argument" '^usage: folio \[--db FILE\] list ' --db "$TMP/s.db" list x
usage_case "an unknown option of search" '^usage: folio \[--db FILE\] search ' search --bogus q
usage_case "--limit without a number" '^usage: folio \[--db FILE\] list ' list --limit x
usage_case "show without an id" '^usage: folio \[--db FILE\] show ' show
usage_case "an unknown command" '^usage: folio .*COMMAND.*--help' frobnicate
usage_case "an unknown option" '^usage: folio .*COMMAND.*--help' --frobnicate
usage_case "--db with nothing after it" '^usage: folio ' --db

# An empty file name: not "no store at  yet", and nothing created.
empty_case() { # NAME ARGS...
	_name=$1
	shift
	"$FOLIO" "$@" >/dev/null 2>"$TMP/err"; _rc=$?
	is "$_name: exit 2" "$_rc" 2
	like "$_name: says the FILE name is missing" "$(head -n 1 "$TMP/err")" \
		"^folio: --(db|keys) needs a FILE name$"
	is "$_name: in two lines" "$(wc -l <"$TMP/err" | tr -d ' ')" 2
}
mkdir "$TMP/here"
cd "$TMP/here" || exit 1
empty_case "--db ''" --db '' list
empty_case "--db=" --db= list
empty_case "--db '' import" --db '' import "$sample"
empty_case "--keys ''" --keys '' --db "$TMP/k.db"
empty_case "--keys=" --keys= --db "$TMP/k.db"
ok "an empty name creates nothing" test -z "$(ls -A "$TMP/here")"
ok "  and opens no store" test ! -e "$TMP/k.db"
cd "$TMP" || exit 1

# --help still prints everything, on stdout, with status 0.
"$FOLIO" --help >"$TMP/out" 2>"$TMP/err"; rc=$?
is "--help: exit 0" "$rc" 0
like "--help lists every command" "$(cat "$TMP/out")" "export.*"
ok "--help is more than one line" test "$(wc -l <"$TMP/out")" -gt 10
done_testing
