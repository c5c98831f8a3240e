# tests/ui/common.sh: the test store the reader tests share (sourced by
# tests/ui/script.sh and tests/ui/tmux.sh).
#
#   make_store               $DB: a store of tests/ui/data plus 250 generated
#                            articles from one source ("Bulk Daily")
#   article_title PATTERN    the title of the newest article matching PATTERN
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

article_title() {
	"$FOLIO" --db "$DB" list --limit 1000 | awk -F '\t' -v p="$1" '$4 ~ p { print $4; exit }'
}
