#!/bin/sh
# The command line as people type it: options anywhere (getopt_long,
# permuting), -- ends them, --db before or after the command, dates and
# operators that are not what they look like are usage errors naming the
# word, scores are plain numbers.
. "$top_srcdir/tests/lib.sh"
db="$TMP/store.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null

want=$("$FOLIO" --db "$db" search --json --limit 2 ferry)
is "options after the query are options" "$("$FOLIO" --db "$db" search ferry --json --limit 2)" "$want"
is "--db after the command" "$("$FOLIO" search ferry --json --limit 2 --db "$db")" "$want"
is "--db= after the query" "$("$FOLIO" search --limit=2 ferry --db="$db" --json)" "$want"
is "two results" "$(printf '%s\n' "$want" | grep -c '"id"')" 2
is "list --limit after --db at the end" \
	"$("$FOLIO" list --limit 3 --db "$db" | wc -l | tr -d ' ')" 3

# -- ends the options: what follows is the query, a -word a negative term.
all=$("$FOLIO" --db "$db" search ferry | wc -l | tr -d ' ')
some=$("$FOLIO" --db "$db" search ferry -- -council | wc -l | tr -d ' ')
ok "-- ends options: -council after it excludes ($all -> $some)" test "$some" -lt "$all"
ok "  and still finds some" test "$some" -gt 0
"$FOLIO" --db "$db" search ferry -council >/dev/null 2>"$TMP/err"; rc=$?
is "a -word before -- is an unknown option: exit 2" "$rc" 2
like "  which says how to search for it" "$(head -n 1 "$TMP/err")" \
	"unknown option -c.*goes after --"
like "  under search's own usage line" "$(sed -n 2p "$TMP/err")" "^usage: folio \[--db FILE\] search "

# usage_word NAME WORD-IN-REASON USAGE-LINE ARGS...
usage_word() {
	_name=$1 _word=$2 _usage=$3
	shift 3
	"$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"; _rc=$?
	is "$_name: exit 2" "$_rc" 2
	like "$_name: the reason names $_word" "$(head -n 1 "$TMP/err")" "^folio: .*$_word"
	like "$_name: then the command's usage line" "$(sed -n 2p "$TMP/err")" "$_usage"
	is "$_name: two lines" "$(wc -l <"$TMP/err" | tr -d ' ')" 2
	is "$_name: nothing on stdout" "$(cat "$TMP/out")" ""
}
su='^usage: folio \[--db FILE\] search '
usage_word "a month 13" "after:2019-13-45 is not a date" "$su" --db "$db" search ferry after:2019-13-45
usage_word "a word for a date" "after:yesterday is not a date" "$su" search after:yesterday ferry --db "$db"
usage_word "before: a date being typed" "before:2019-1 is not a date" "$su" --db "$db" search before:2019-1 x
usage_word "an unknown operator" "unknown operator 'frm:'" "$su" --db "$db" search frm:bob
usage_word "an export with a bad date" "after:2019-02-30" '^usage: folio \[--db FILE\] export ' \
	--db "$db" export after:2019-02-30
usage_word "an option the command does not take" "--json is not an option" \
	'^usage: folio \[--db FILE\] import ' import --json x --db "$db"
usage_word "an option after the command it does not take" "--source" \
	'^usage: folio \[--db FILE\] search ' search ferry --source x --db "$db"
usage_word "--limit with a word" "--limit needs a whole number, not ten" \
	'^usage: folio \[--db FILE\] list ' list --db "$db" --limit ten
usage_word "an unknown source" "No Such" '^usage: folio \[--db FILE\] list ' \
	list --source "No Such" --db "$db"
ok "a quoted word with a colon is searched as text" "$FOLIO" --db "$db" search '"frm:bob"'
ok "a real date is fine" "$FOLIO" --db "$db" search ferry after:2001-01-01
ok "a time of day is not an operator" "$FOLIO" --db "$db" search 10:30

# --help anywhere on a command's line is that command's help.
like "search ferry --help is search's help" "$("$FOLIO" search ferry --help)" "^usage: folio \[--db FILE\] search"
like "--help list is list's help" "$("$FOLIO" --help list)" "^usage: folio \[--db FILE\] list"

# Scores: plain decimal numbers, never an exponent or -0.
"$FOLIO" --db "$db" search --limit 50 the | cut -f2 >"$TMP/common"
"$FOLIO" --db "$db" search ferry | cut -f2 >"$TMP/rare"
ok "scores of a common word are there" test -s "$TMP/common"
is "every score is a plain decimal number" \
	"$(cat "$TMP/common" "$TMP/rare" | grep -cvE '^[0-9]+(\.[0-9]+)?$')" 0
is "no score is negative or zero" "$(cat "$TMP/common" "$TMP/rare" | grep -cE '^-|^0$|^0\.0*$')" 0
is "in three significant digits" \
	"$(cat "$TMP/common" "$TMP/rare" | sed 's/\.//; s/^0*//' | grep -cvE '^[0-9]{3}$')" 0
done_testing
