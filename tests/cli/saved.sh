#!/bin/sh
# folio saved: searches saved by name (the reader lists them with the
# sources), with their unread and total matches; --remove forgets one.
. "$top_srcdir/tests/lib.sh"
db="$TMP/store.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null

is "no saved searches at first" "$("$FOLIO" --db "$db" saved)" ""
is "saved NAME QUERY saves it" "$("$FOLIO" --db "$db" saved Harbour harbor OR harbour)" \
	"saved Harbour: harbor OR harbour"
n=$("$FOLIO" --db "$db" search --copies --limit 1000 harbor OR harbour | wc -l | tr -d ' ')
ok "  a query with matches ($n)" test "$n" -gt 1
is "saved lists it: unread TAB total TAB name TAB query" "$("$FOLIO" --db "$db" saved)" \
	"$(printf '%s\t%s\tHarbour\tharbor OR harbour' "$n" "$n")"
id=$("$FOLIO" --db "$db" search --limit 1 harbor OR harbour | cut -f1)
"$FOLIO" --db "$db" mark "$id" >/dev/null
is "  a match read: one fewer unread" "$("$FOLIO" --db "$db" saved | cut -f1,2)" \
	"$(printf '%s\t%s' "$((n - 1))" "$n")"
"$FOLIO" --db "$db" saved "Council news" council after:2000-01-01 >/dev/null
is "a name of two words, after another" "$("$FOLIO" --db "$db" saved | cut -f3)" \
	"$(printf 'Council news\nHarbour')"
"$FOLIO" --db "$db" saved harbour ferry >/dev/null
is "saving a name again (case ignored) replaces its query" \
	"$("$FOLIO" --db "$db" saved | grep -ci harbour)" 1
like "  with the new query" "$("$FOLIO" --db "$db" saved | grep -i harbour)" '	ferry$'

"$FOLIO" --db "$db" saved Bad after:2019-13-45 >/dev/null 2>"$TMP/err"; rc=$?
is "a query with a bad date: usage error (exit 2)" "$rc" 2
like "  naming the word" "$(cat "$TMP/err")" "after:2019-13-45"
"$FOLIO" --db "$db" saved Lonely >/dev/null 2>"$TMP/err"; rc=$?
is "a name without a query: exit 2" "$rc" 2
like "  saying what is missing" "$(cat "$TMP/err")" "NAME and the QUERY"

is "--remove NAME forgets it" "$("$FOLIO" --db "$db" saved --remove 'council NEWS')" "forgot council NEWS"
is "  and it is gone (the other as last saved: harbour)" "$("$FOLIO" --db "$db" saved | cut -f3)" "harbour"
"$FOLIO" --db "$db" saved --remove nothing-here >/dev/null 2>"$TMP/err"; rc=$?
is "--remove of a name never saved: exit 1" "$rc" 1
like "  saying so" "$(cat "$TMP/err")" "no saved search 'nothing-here'"
"$FOLIO" --db "$db" saved --help >"$TMP/out"; rc=$?
is "--help: exit 0" "$rc" 0
like "  with the usage line" "$(head -1 "$TMP/out")" '^usage: folio \[--db FILE\] saved \[--remove\] \[NAME \[QUERY\.\.\.\]\]$'
done_testing
