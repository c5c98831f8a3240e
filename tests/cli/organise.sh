#!/bin/sh
# Organising from the shell: folio mark (ids, a query, a source, all),
# folio delete (and the file kept out of the next import unless --restore),
# folio tag (and tag:NAME in queries).
. "$top_srcdir/tests/lib.sh"
db="$TMP/store.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null
total=$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')
unread() { "$FOLIO" --db "$db" sources --json | python3 -c 'import json,sys; print(sum(s["unread"] for s in json.load(sys.stdin)))'; }
is "everything starts unread" "$(unread)" "$total"

# mark
ids=$("$FOLIO" --db "$db" list --limit 2 | cut -f1 | tr '\n' ' ')
# shellcheck disable=SC2086
is "mark ID ID" "$("$FOLIO" --db "$db" mark $ids)" "2 articles marked read"
is "  two fewer unread" "$(unread)" "$((total - 2))"
# shellcheck disable=SC2086
is "  marking them again changes nothing" "$("$FOLIO" --db "$db" mark $ids)" "0 articles marked read"
n=$("$FOLIO" --db "$db" search --limit 100 ferry | wc -l | tr -d ' ')
is "mark QUERY marks every match" "$("$FOLIO" --db "$db" mark --unread ferry --db "$db" | cut -d' ' -f1)" \
	"$("$FOLIO" --db "$db" search --json --limit 100 ferry | python3 -c 'import json,sys; print(sum(h["id"] in [int(x) for x in sys.argv[1:]] for h in json.load(sys.stdin)))' $ids)"
src=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f2)
count=$("$FOLIO" --db "$db" sources | head -n 1 | cut -f1)
"$FOLIO" --db "$db" mark --all >/dev/null
is "mark --all: nothing unread" "$(unread)" 0
is "mark --unread --source NAME: that source's articles" \
	"$("$FOLIO" --db "$db" mark --unread --source "$src")" "$count article$([ "$count" = 1 ] || echo s) marked unread"
is "  and only those" "$(unread)" "$count"
"$FOLIO" --db "$db" mark >/dev/null 2>"$TMP/err"; rc=$?
is "mark with nothing to mark: exit 2" "$rc" 2
like "  saying what it needs, over its usage line" "$(cat "$TMP/err")" "mark needs IDs.*
usage: folio \[--db FILE\] mark "
"$FOLIO" --db "$db" mark --source "$src" 1 >/dev/null 2>&1; rc=$?
is "mark with IDs and --source: exit 2" "$rc" 2
"$FOLIO" --db "$db" mark after:2019-13-01 >/dev/null 2>&1; rc=$?
is "mark with a bad date: exit 2" "$rc" 2

# tag
first=$(echo "$ids" | cut -d' ' -f1)
is "tag NAME ID" "$("$FOLIO" --db "$db" tag keep "$first")" "1 article tagged keep"
is "tag NAME QUERY" "$("$FOLIO" --db "$db" tag ferries ferry | cut -d' ' -f1)" "$n"
is "tag lists the tags with counts" "$("$FOLIO" --db "$db" tag)" "$n	ferries
1	keep"
is "search tag:NAME finds the tagged article alone" "$("$FOLIO" --db "$db" search tag:keep | cut -f1)" "$first"
is "  case ignored" "$("$FOLIO" --db "$db" search tag:KEEP | cut -f1)" "$first"
is "tag:NAME with words" "$("$FOLIO" --db "$db" search ferry tag:ferries | wc -l | tr -d ' ')" "$n"
is "tag:NAME that matches nothing" "$("$FOLIO" --db "$db" search tag:nothing-so | wc -l | tr -d ' ')" 0
is "export tag:NAME" "$("$FOLIO" --db "$db" export --json tag:keep | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin)])')" "[$first]"
"$FOLIO" --db "$db" search tag:a tag:b >/dev/null 2>"$TMP/err"; rc=$?
is "two tags in a query: exit 2" "$rc" 2
like "  naming the second" "$(cat "$TMP/err")" "tag:b"
is "tag --remove" "$("$FOLIO" --db "$db" tag --remove keep "$first")" "1 article lost the tag keep"
is "  the tag with no article is gone" "$("$FOLIO" --db "$db" tag | cut -f2)" "ferries"
"$FOLIO" --db "$db" tag "two words" "$first" >/dev/null 2>"$TMP/err"; rc=$?
is "a tag of two words: exit 2" "$rc" 2
"$FOLIO" --db "$db" tag "$(printf 'x\033]0;t\007')" "$first" >/dev/null 2>&1
ok "a tag with an escape is stored without it" sh -c "! sqlite3 '$db' 'SELECT name FROM tags' | grep -q \"\$(printf '\\033')\""

# delete
victim=$("$FOLIO" --db "$db" search --limit 1 ferry | cut -f1)
path=$("$FOLIO" --db "$db" show --json "$victim" | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')
is "delete ID" "$("$FOLIO" --db "$db" delete "$victim")" "1 article deleted"
is "  it is gone" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" "$((total - 1))"
"$FOLIO" --db "$db" show "$victim" >/dev/null 2>&1; rc=$?
is "  show finds no such article" "$rc" 1
is "  its tags went with it" "$(sqlite3 "$db" "SELECT count(*) FROM article_tags WHERE article_id = $victim")" 0
is "  and the search index has it no more" "$("$FOLIO" --db "$db" search --limit 100 ferry | grep -c "^$victim	")" 0
"$FOLIO" --db "$db" import "$path" >"$TMP/out" 2>&1
is "importing its file again leaves it out" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" "$((total - 1))"
"$FOLIO" --db "$db" import --quiet "$top_srcdir"/tests/data/articles/*.txt 2>/dev/null
is "  so does importing the folder" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" "$((total - 1))"
"$FOLIO" --db "$db" import --restore "$path" >"$TMP/out" 2>&1
like "import --restore brings it back" "$(cat "$TMP/out")" "imported 1 new"
is "  in the list" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" "$total"
"$FOLIO" --db "$db" delete 999999 >"$TMP/out" 2>"$TMP/err"; rc=$?
is "delete of no such article: exit 1" "$rc" 1
like "  saying so" "$(cat "$TMP/err")" "named no article"
"$FOLIO" --db "$db" delete ferry >/dev/null 2>&1; rc=$?
is "delete takes IDs, not a query: exit 2" "$rc" 2
is "sources add up after it all" "$("$FOLIO" --db "$db" sources | awk -F'\t' '{ s += $1 } END { print s }')" "$total"
is "the store is sound" "$("$FOLIO" --db "$db" check >/dev/null 2>&1; echo $?)" 0
done_testing
