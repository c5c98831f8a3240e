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
is "list has one line per sample" "$("$FOLIO" --db "$db" list --copies | wc -l)" "$n"

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
printf '[\n  {"headline": "A long title of some article", "text": "Long prose that goes on and on, sentence after sentence."}\n]\n' >"$bad/data.json"
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

# Files are read ahead on a second thread and written in walk order: over a
# thousand pages (more than a batch, many times the read-ahead queue) with
# bad files and a subfolder among them give every skip message in byte order
# of names, and every good page stored exactly once.
many="$TMP/many"
mkdir -p "$many/p-0600.d"
awk -v dir="$many" -v expect="$TMP/many.expect" -v titles="$TMP/many.titles" '
function page(f, t, i) {
	printf "The Harbor Courier\n\n%s\n\nBy Dana Whitfield\nTuesday, March %d, 2003\n\n", t, i % 28 + 1 > f
	for (k = 1; k <= 3; k++)
		printf "Paragraph %d of %s: the committee met again on Monday to argue over the cost of the works, which have run %d weeks late, and members said they would decide next month.\n\n", k, t, k + i % 9 > f
	close(f)
	print t > titles
}
function bad(f, kind) {
	if (kind == 0) { printf "" > f; why = "empty file" }
	if (kind == 1) { printf " \n\t\n\n" > f; why = "nothing but white space" }
	if (kind == 2) { printf "Home | News | Sport | Weather\nContact us\nPrivacy\n" > f; why = "a link list or navigation, no article text" }
	if (kind == 3) { printf "[{\"id\": 1, \"name\": \"a record\"}]\n" > f; why = "JSON data, not an article page" }
	close(f)
	printf "folio: %s: %s\n", f, why > expect
}
BEGIN {
	nbad = 0
	for (i = 1; i <= 1100; i++) {
		if (i == 600) # p-0600.d sorts before p-0600.txt
			for (j = 1; j <= 50; j++) {
				f = sprintf("%s/p-0600.d/q-%02d.txt", dir, j)
				if (j % 20 == 0) bad(f, nbad++ % 4)
				else page(f, sprintf("Inner report %d on the harbor works", j), j)
			}
		f = sprintf("%s/p-%04d.txt", dir, i)
		if (i % 37 == 0) bad(f, nbad++ % 4)
		else page(f, sprintf("Harbor report %d on the works", i), i)
	}
}'
good=$(wc -l <"$TMP/many.titles" | tr -d ' ')
nbad=$(wc -l <"$TMP/many.expect" | tr -d ' ')
db4="$TMP/many.db"
"$FOLIO" --db "$db4" import "$many" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a big folder with bad files among good ones exits 1" "$rc" 1
is "the summary counts every good page and every bad one" "$(cat "$TMP/out")" \
	"imported $good new, 0 updated, 0 unchanged, $nbad skipped"
ok "the skip messages come in walk order, one per bad file" cmp "$TMP/many.expect" "$TMP/err"
"$FOLIO" --db "$db4" list --copies --limit 100000 | cut -f4 | sort >"$TMP/many.stored"
sort "$TMP/many.titles" >"$TMP/many.want"
ok "every good page is stored, each once" cmp "$TMP/many.want" "$TMP/many.stored"
out=$("$FOLIO" --db "$db4" import "$many" 2>"$TMP/err2")
is "a second run finds them all unchanged" "$out" \
	"imported 0 new, 0 updated, $good unchanged, $nbad skipped"
ok "with the same messages in the same order" cmp "$TMP/many.expect" "$TMP/err2"

# import with no paths is a usage error.
"$FOLIO" --db "$db3" import 2>/dev/null; rc=$?
is "import without PATH exits 2" "$rc" 2

done_testing
