#!/bin/sh
# libs.sh: libxml2 and uchardet are opened at their first use (src/libs.c),
# so a command that parses nothing, and the reader's first screen, do not
# load them or what they bring (ICU, libstdc++); import of an HTML page, a
# feed and a page in a legacy charset does.  When they cannot be loaded,
# the files that need them are skipped with the library named, and the
# rest still works.  The dynamic loader says what it loads (LD_DEBUG=libs).
. "$top_srcdir/tests/lib.sh"

: "${top_builddir:=$top_srcdir}"
config="$top_builddir/config.h"
# the sonames configure read from the libraries the build links against
soname() { sed -n "s/^#define $1 \"\\(.*\\)\"\$/\\1/p" "$config"; }
xml=$(soname FOLIO_LIBXML2_SONAME)
chardet=$(soname FOLIO_UCHARDET_SONAME)
[ -n "$xml" ] && [ -n "$chardet" ] || skip_all "no sonames in $config"

DB="$TMP/folio.db"
pages="$TMP/pages"
mkdir -p "$pages"
cp "$top_srcdir/tests/data/html/br-runs.html" "$top_srcdir/tests/data/feeds/atom03.atom" \
	"$top_srcdir/tests/data/articles/harbor-ferry.txt" "$pages/"
# A page in KOI8-R: not UTF-8, so uchardet is asked what it is.
printf '%s\n\n%s %s\n\n%s\n' 'Новый план набережной' \
	'Городской совет утвердил новый план развития набережной.' \
	'Работы начнутся весной и продлятся два года, сообщили в администрации города.' \
	'Жители смогут высказать своё мнение на публичных слушаниях в следующем месяце.' |
	iconv -f UTF-8 -t KOI8-R >"$pages/ru-koi8.txt" ||
	skip_all "iconv cannot write KOI8-R here"

# What the dynamic loader loaded for a command, its output left aside.
loaded() { # COMMAND...
	LD_DEBUG=libs "$@" 2>&1 >/dev/null | sed -n 's/.*calling init: //p'
}
# The libraries of parsing: libxml2, uchardet, ICU.
parsing_libs='libxml2|libuchardet|libicu'

out=$(LD_DEBUG=libs "$FOLIO" --db "$DB" import "$pages" 2>"$TMP/import.ld")
is "import reads the page, the feed and both text pages" "$out" \
	"imported 6 new, 0 updated, 0 unchanged, 0 skipped"
like "import loads libxml2 ($xml)" "$(sed -n 's/.*calling init: //p' "$TMP/import.ld")" "/$xml\$"
like "import loads uchardet ($chardet)" "$(sed -n 's/.*calling init: //p' "$TMP/import.ld")" \
	"/$chardet\$"
like "the KOI8-R page's title is read as Russian" "$("$FOLIO" --db "$DB" list)" \
	"Новый план набережной"

for cmd in sources list "search ferry" timeline; do
	# shellcheck disable=SC2086
	libs=$(loaded "$FOLIO" --db "$DB" $cmd)
	like "$cmd: the loader's report names what it loads" "$libs" "libsqlite3"
	is "$cmd: neither libxml2 nor uchardet nor ICU is loaded" \
		"$(printf '%s\n' "$libs" | grep -E "$parsing_libs")" ""
done

# The reader's first screen, drawn to a file by its test script.
printf ':screen %s\nq\n' "$TMP/first.txt" >"$TMP/keys"
libs=$(loaded env LINES=24 COLUMNS=80 TERM=screen FOLIO_TEST_SCRIPT="$TMP/keys" "$FOLIO" --db "$DB")
like "the reader draws its first screen" "$(sed -n 1p "$TMP/first.txt")" "^> All articles"
like "reader: the loader's report names what it loads" "$libs" "libncursesw"
is "reader: neither libxml2 nor uchardet nor ICU is loaded for the first screen" \
	"$(printf '%s\n' "$libs" | grep -E "$parsing_libs")" ""

# Neither library can be loaded: a file of that name that is no library
# comes first in the loader's search.
mkdir "$TMP/broken"
echo 'not a library' >"$TMP/broken/$xml"
echo 'not a library' >"$TMP/broken/$chardet"
DB="$TMP/without.db"
LD_LIBRARY_PATH="$TMP/broken${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
	"$FOLIO" --db "$DB" import "$pages" >"$TMP/out" 2>"$TMP/err"
is "without them: import says it skipped files (exit 1)" "$?" 1
is "without them: the UTF-8 text page still goes in" "$(cat "$TMP/out")" \
	"imported 1 new, 0 updated, 0 unchanged, 3 skipped"
like "without them: the HTML page is skipped, libxml2 named" "$(cat "$TMP/err")" \
	"br-runs.html: cannot load $xml \\(.*\\): HTML pages and feeds cannot be read"
like "without them: the feed is skipped, libxml2 named" "$(cat "$TMP/err")" \
	"atom03.atom: cannot load $xml \\(.*\\): HTML pages and feeds cannot be read"
like "without them: the KOI8-R page is skipped, uchardet named" "$(cat "$TMP/err")" \
	"ru-koi8.txt: cannot load $chardet \\(.*\\): the charset of a page that is not UTF-8 cannot be guessed"
is "without them: one line per skipped file" "$(wc -l <"$TMP/err" | tr -d ' ')" 3
out=$(LD_LIBRARY_PATH="$TMP/broken" "$FOLIO" --db "$DB" sources 2>&1)
like "without them: sources still works" "$out" "The Ledgerport Courier"
LD_LIBRARY_PATH="$TMP/broken" "$FOLIO" extract "$pages/br-runs.html" >/dev/null 2>"$TMP/err"
like "without them: extract names the library too" "$(cat "$TMP/err")" \
	"br-runs.html: cannot load $xml"

done_testing
