#!/bin/sh
# New articles imported while the reader is open show up in the counts
# within a second, with a word on the status line (SQLite's data_version,
# asked once a second while no key is pressed); nothing is read again while
# the store has not changed.  The reader's clock here is the script's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
total=$("$FOLIO" --db "$DB" list --copies --limit 100000 | wc -l | tr -d ' ')
sed -e 's/Apple growers count losses/Pear growers count losses/' \
	"$top_srcdir/tests/ui/data/orchard.txt" >"$TMP/pear.txt"

for size in "80 24" "160 45"; do
	set -- $size
	rm -f "$DB"
	make_store
	start "$1" "$2"
	pause 1000
	like "${1}x$2: the counts at first" "$(line 1)" "^> All articles +$total/$total"
	"$FOLIO" --db "$DB" import --quiet "$TMP/pear.txt"
	pause 999
	like "${1}x$2: an import under a second ago is not seen yet" "$(line 1)" \
		"^> All articles +$total/$total"
	pause 1
	like "${1}x$2: a second on, the counts have it" "$(line 1)" \
		"^> All articles +$((total + 1))/$((total + 1))"
	like "${1}x$2: and its source's" "$(screen)" '^> Valley Morning Herald +2/2'
	like "${1}x$2: the status line says so" "$(line "$2")" '^1 new article in the store'
	keys j
	unlike "${1}x$2: said once" "$(line "$2")" 'new article'
	pause 5000
	unlike "${1}x$2: and not again while nothing changes" "$(line "$2")" 'new article'
	keys Q
	finish
done
done_testing
