#!/bin/sh
# folio import: the seed pages, re-import, changed files, skipped inputs.
. "$top_srcdir/tests/lib.sh"

db="$TMP/store.db"
articles="$top_srcdir/tests/data/articles"

# Our own sample articles: each page with an article is imported, each page
# that has none (its .expect has a no_article line) is skipped, and a second run
# adds nothing.
pages=$(ls "$articles"/*.txt | wc -l)
none=$(grep -l '^no_article:' "$articles"/*.expect 2>/dev/null | wc -l)
n=$((pages - none))
out=$("$FOLIO" --db "$db" import "$articles"/*.txt 2>"$TMP/err"); rc=$?
is "import of the samples exits 1 only if some have no article" "$rc" "$([ "$none" = 0 ] && echo 0 || echo 1)"
is "only the pages without an article are skipped" "$(wc -l <"$TMP/err" | tr -d ' ')" "$none"
like "summary counts every article as new" "$out" "^imported $n new, 0 updated, 0 unchanged, $none skipped$"
out=$("$FOLIO" --db "$db" import "$articles"/*.txt 2>&1)
like "re-import stores nothing new" "$out" "^imported 0 new, 0 updated, $n unchanged, $none skipped$"
is "list has one line per sample" "$("$FOLIO" --db "$db" list | wc -l)" "$n"

# A changed file at the same path replaces its article; a copy elsewhere is not new.
mkdir -p "$TMP/in"
cp "$articles/harbor-ferry.txt" "$TMP/in/a.txt"
db2="$TMP/two.db"
"$FOLIO" --db "$db2" import --quiet "$TMP/in" >/dev/null 2>&1
id=$("$FOLIO" --db "$db2" list | cut -f1)
sed -i 's/voted 7-2/voted 8-1/' "$TMP/in/a.txt"
out=$("$FOLIO" --db "$db2" import "$TMP/in" 2>&1)
like "a changed file is updated" "$out" "^imported 0 new, 1 updated, 0 unchanged, 0 skipped$"
is "the update keeps one article" "$("$FOLIO" --db "$db2" list | wc -l | tr -d ' ')" 1
like "the stored text is the new one" "$("$FOLIO" --db "$db2" show "$("$FOLIO" --db "$db2" list | cut -f1)")" "voted 8-1"
cp "$TMP/in/a.txt" "$TMP/in/copy.txt"
out=$("$FOLIO" --db "$db2" import "$TMP/in/copy.txt" 2>&1)
like "the same content under another name is unchanged" "$out" "0 new, 0 updated, 1 unchanged"

# Standard input is one article.
out=$("$FOLIO" --db "$db2" import - <"$articles/harbor-ferry.txt" 2>&1)
like "import - reads standard input" "$out" "^imported 1 new"

# Bad inputs are skipped with their name and reason; the rest goes on; exit 1.
bad="$TMP/bad"
mkdir -p "$bad/sub"
cp "$articles/harbor-ferry.txt" "$bad/sub/good.txt"
printf 'PK\003\004\000\000binary\000data' >"$bad/binary.zip"
: >"$bad/empty.txt"
mkfifo "$bad/pipe"
ln -s loop1 "$bad/loop2"; ln -s loop2 "$bad/loop1"
printf 'Home | News | Sport | Weather\nContact us\nPrivacy\n' >"$bad/links.txt"
printf '[\n  {"title": "A long title of some article", "body": "Long prose that goes on and on, sentence after sentence."}\n]\n' >"$bad/data.json"
db3="$TMP/bad.db"
timeout 20 "$FOLIO" --db "$db3" import "$bad" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a folder with bad files exits 1" "$rc" 1
err=$(cat "$TMP/err")
like "the binary file is named with its reason" "$err" "binary.zip: binary"
like "the empty file is named" "$err" "empty.txt: empty"
like "the FIFO is skipped without blocking" "$err" "pipe: .*FIFO"
like "a symlink loop is skipped" "$err" "loop1: .*symbolic links"
like "a page with no article is skipped" "$err" "links.txt: "
like "a JSON data file is not taken for an article" "$err" "data.json: JSON data"
is "one stderr line per skipped input (both links of the loop)" "$(wc -l <"$TMP/err" | tr -d ' ')" 7
like "the good file still went in" "$(cat "$TMP/out")" "^imported 1 new, 0 updated, 0 unchanged, 7 skipped$"

# A name with control characters is escaped in the message, never sent raw.
esc=$(printf 'evil\033]0;pwned\007name.txt')
: >"$bad/$esc"
"$FOLIO" --db "$db3" import "$bad/$esc" 2>"$TMP/err" >/dev/null
like "an escape in a file name is shown escaped" "$(cat "$TMP/err")" 'evil\\x1[bB]\]0;pwned\\x07name.txt: empty'
ok "no raw escape byte reaches stderr" sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/err'"

# A missing path is an error line, not a crash.
"$FOLIO" --db "$db3" import "$TMP/does-not-exist" 2>"$TMP/err" >/dev/null; rc=$?
is "a missing path exits 1" "$rc" 1
like "a missing path is named" "$(cat "$TMP/err")" "does-not-exist: No such file"

# import with no paths is a usage error.
"$FOLIO" --db "$db3" import 2>/dev/null; rc=$?
is "import without PATH exits 2" "$rc" 2

done_testing
