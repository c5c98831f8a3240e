#!/bin/sh
# Headlines are never lost on import: a byline under the headline that the
# byline parser cannot read (terminal escape residue, printf leftovers, a
# Chinese reporter credit) leaves the headline as the title, and a
# headline-shaped first line of 5,000 characters stays in the body with
# every paragraph after it.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to write the pages"

in="$TMP/in"
mkdir -p "$in"
python3 - "$in" <<'PY'
import sys
d = sys.argv[1]
head = "Council Backs Plan to Rebuild River Flood Walls"
body = ("The county council approved a plan on Monday to rebuild the flood walls along the river, "
        "after two winters in which the water reached the high street.\n\n"
        "Work will begin in the spring and take about three years, the council said.\n\n"
        "Shopkeepers who lost stock in last year's flood said they wanted the work to start sooner.\n")
def page(name, second):
    open(d + "/" + name, "wb").write((head + "\n" + second + "\n\n" + body).encode())
page("escape.txt", "By J\x1b[0mohn Smi\x1b[1;31mth, Staff Writer")
page("printf.txt", "By %s %s, %d staff")
page("chinese.txt", "\u672c\u62a5\u8bb0\u8005 \u5f20\u4f1f \u674e\u5a1c")
long = " ".join(["Council backs plan to rebuild the river flood walls after two wet winters"] * 70)
open(d + "/long.txt", "w").write(long + "\n\n" + body)
PY
"$FOLIO" --db "$TMP/s.db" import "$in" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "the four pages import: exit 0" "$rc" 0
is "  all four as articles" "$(cat "$TMP/out")" "imported 4 new, 0 updated, 0 unchanged, 0 skipped"

field() { # FILE FIELD: one field of the article imported from FILE
	"$FOLIO" --db "$TMP/s.db" export --json | python3 -c '
import json, sys
for a in json.load(sys.stdin):
    if a["path"].endswith("/" + sys.argv[1]):
        print(a[sys.argv[2]] or "")' "$1" "$2"
}
for f in escape.txt printf.txt chinese.txt; do
	is "$f: the headline is the title" "$(field $f title)" "Council Backs Plan to Rebuild River Flood Walls"
	like "$f: the body keeps its last paragraph" "$(field $f body)" "start sooner"
done
is "escape.txt: the byline is read through the residue" "$(field escape.txt byline)" "John Smith"
is "chinese.txt: the reporters are the byline" "$(field chinese.txt byline)" "$(printf '\345\274\240\344\274\237 and \346\235\216\345\250\234')"
like "long.txt: the long first line is kept" "$(field long.txt body)" "after two wet winters Council backs"
like "long.txt: and the paragraphs after it" "$(field long.txt body)" "start sooner"
done_testing
