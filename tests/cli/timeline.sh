#!/bin/sh
# folio timeline (issue 19): articles counted by day, week, month or year,
# the finest that fits picked unless --by says, drawn as text bars (block
# characters in a UTF-8 locale, '#' otherwise) or given as JSON counts;
# the undated are counted apart, never placed.
. "$top_srcdir/tests/lib.sh"
db="$TMP/t.db"
mkdir "$TMP/pages"
# name source date words: one page (no date line when date is -)
page() {
	{
		printf '%s\n\nA report on %s\n\nBy Test Writer\n' "$2" "$4"
		[ "$3" = - ] || printf '%s\n' "$3"
		printf '\nTESTVILLE -- This page, %s, is about %s and was written for the timeline test.\n' "$1" "$4"
		printf '\nIts second paragraph says something else about %s entirely, number %s.\n' "$4" "$1"
	} >"$TMP/pages/$1.txt"
}
page a1 "Valley Post" "March 14, 2016" "the bridge"
page a2 "Hill Herald" "March 14, 2016" "the harbour"
page a3 "Valley Post" "March 20, 2016" "the bridge"
page a4 "Valley Post" "March 21, 2016" "the election"
page a5 "Hill Herald" "May 2, 2016" "the bridge"
page a6 "Hill Herald" "January 9, 2017" "the museum"
page u1 "Valley Post" - "the bridge"
page u2 "Hill Herald" - "the weather"
"$FOLIO" --db "$db" import --quiet "$TMP/pages"
is "the eight pages import" "$("$FOLIO" --db "$db" list --copies | wc -l | tr -d ' ')" 8

t() { COLUMNS=60 LC_ALL=C.UTF-8 "$FOLIO" --db "$db" timeline "$@"; }
out=$(t --by day)
like "--by day: a line a day from the first dated to the last" "$(echo "$out" | head -1)" '^2016-03-14 2 '
is "  every day between counted, empty ones too" "$(echo "$out" | grep -c '^20')" 302
like "  the undated last, apart" "$(echo "$out" | tail -1)" '^undated +2$'
out=$(t --by week)
like "--by week: weeks from Monday (the 14th and the 20th are one)" "$out" '2016-03-14 3 '
like "  the 21st begins the next" "$out" '2016-03-21 1 '
out=$(t --by month)
is "--by month: a line a month, and the undated" "$(echo "$out" | wc -l | tr -d ' ')" 12
like "  March 2016 holds four" "$out" '^2016-03 4 '
like "  an empty month has no bar" "$out" '2016-04 0
'
out=$(t --by year)
is "--by year: the largest bar fills the line, the rest in proportion" "$out" \
	"$(printf '2016    5 %s\n2017    1 %s\nundated 2' \
		"$(printf '\342\226\210%.0s' $(seq 50))" "$(printf '\342\226\210%.0s' $(seq 10))")"
like "without --by, the finest that fits in 60 lines: weeks" "$(t | head -1)" '^2016-03-14 3 '
out=$(t bridge --by month)
like "a query counts its matches" "$out" '^2016-03 2 '
like "  and its undated" "$out" 'undated 1'
like "--source NAME: that source's articles" "$(t --source 'hill herald' --by year)" '^2016    2 '
like "a query and a source" "$(t --source 'valley post' bridge --by year)" '^2016    2 '
out=$(COLUMNS=60 LC_ALL=C "$FOLIO" --db "$db" timeline --by month)
like "an ASCII locale draws bars with #" "$out" '^2016-03 4 #+$'
is "  and nothing but ASCII" "$(printf '%s' "$out" | LC_ALL=C tr -d '\000-\177' | wc -c | tr -d ' ')" 0
like "a UTF-8 locale draws them with block characters" "$(t --by month)" "$(printf '2016-03 4 \342\226\210')"
is "no line is wider than COLUMNS" "$(t --by year | LC_ALL=C.UTF-8 wc -L | tr -d ' ')" 60
like "  a bar of one article shows, however small" "$(t --by day | grep '^2016-03-20')" \
	"$(printf '^2016-03-20 1 \342\226')"

json=$(t --json --by month)
like "--json: the bucket, the dated and undated counts" "$json" '"by": "month", "dated": 6, "undated": 2'
like "  each bucket's first day, label and count" "$json" '\{ "start": "2016-03-01", "label": "2016-03", "count": 4 \}'
like "  fit in JSON too" "$(t --json)" '"by": "week"'
is "an empty store: no bars, nothing undated" "$("$FOLIO" --db "$TMP/empty.db" import --quiet /dev/null 2>/dev/null; \
	"$FOLIO" --db "$TMP/empty.db" timeline --json 2>&1)" \
	'{ "by": "day", "dated": 0, "undated": 0, "buckets": [ ] }'

# A search matching few of the store's articles looks each one up; one
# matching many reads FTS5's ids beside every article's day (article_days,
# 256 ids a row: 308 articles take two rows); a source's walks its index:
# the same counts every way.
mkdir "$TMP/filler"
awk -v dir="$TMP/filler" 'BEGIN {
	for (i = 1; i <= 300; i++) {
		f = sprintf("%s/f%03d.txt", dir, i)
		printf "Filler Weekly\n\nFiller number %03d\n\nBy Test Writer\n", i > f
		printf "June %d, 2001\n\nFILLTOWN -- Filler text number %03d fills a store.\n", i % 28 + 1, i > f
		close(f)
	}
}'
"$FOLIO" --db "$TMP/big.db" import --quiet "$TMP/pages" "$TMP/filler"
big() { COLUMNS=60 LC_ALL=C.UTF-8 "$FOLIO" --db "$TMP/big.db" timeline --by year "$@"; }
like "a rare word (articles looked up one by one)" "$(big museum)" '^2017    1 '
out=$(big bridge)
like "  another" "$out" '^2016    3 '
like "  its undated apart" "$out" 'undated 1$'
out=$(big number)
like "a common word (every article's day read)" "$out" '^2001 +300 '
like "  its other years" "$(echo "$out" | tr '\n' ' ')" '2016 +5 .*2017 +1 '
like "  and its undated" "$out" 'undated +2$'
is "every filler page in its day, as the source's own index counts them" \
	"$(big --by day filler)" "$(big --by day --source 'Filler Weekly' filler)"
is "  and with no word, every article" "$(big | awk '{ print $1, $2 }')" \
	"$(printf '2001 300\n2002 0\n2003 0\n2004 0\n2005 0\n2006 0\n2007 0\n2008 0\n2009 0\n2010 0\n2011 0\n2012 0\n2013 0\n2014 0\n2015 0\n2016 5\n2017 1\nundated 2')"
like "dates limit a common word" "$(big --by day 'filler after:2001-06-20 before:2001-06-22' | tr '\n' ' ')" \
	'^2001-06-20 +11 .*2001-06-21 +11 [^0-9]*undated +0 $'
like "  and the whole store (no undated with a limit)" "$(big 'after:2016-05-01' | tr '\n' ' ')" \
	'^2016 +1 .*2017 +1 [^0-9]*undated +0 $'
"$FOLIO" --db "$TMP/big.db" tag five $("$FOLIO" --db "$TMP/big.db" search --limit 5 'filler after:2001-06-05' \
	'before:2001-06-06' | cut -f1) >/dev/null
like "a tag and a common word (its ids walked beside the date index)" \
	"$(big 'number tag:five' | tr '\n' ' ')" '^2001 +5 [^0-9]*undated +0 $'
like "  a tag alone" "$(big 'tag:five' | tr '\n' ' ')" '^2001 +5 [^0-9]*undated +0 $'

# The days are kept by the store's triggers whatever changes an article.
"$FOLIO" --db "$TMP/big.db" delete $("$FOLIO" --db "$TMP/big.db" search filler 'after:2001-06-20' \
	'before:2001-06-21' | cut -f1) >/dev/null
like "deleted articles leave the timeline" "$(big --by day filler | grep '^2001-06-2[01]' | tr '\n' ' ')" \
	'^2001-06-20 +0 .*2001-06-21 +11'
sed 's/^June [0-9]*, 2001$/July 4, 2003/' "$TMP/filler/f001.txt" >"$TMP/f001.txt" &&
	cat "$TMP/f001.txt" >"$TMP/filler/f001.txt"
"$FOLIO" --db "$TMP/big.db" import --quiet "$TMP/filler/f001.txt"
like "an article imported again with a new date moves" "$(big filler | tr '\n' ' ')" '^2001 +288 .*2003 +1 '
"$FOLIO" --db "$TMP/big.db" check >"$TMP/out" 2>&1; rc=$?
is "folio check: the days agree with the articles" "$rc" 0
like "  and says it checked them" "$(cat "$TMP/out")" 'timeline days: ok'
sqlite3 "$TMP/big.db" "UPDATE article_days SET days = replace(days, '2003-07-04', '2003-07-05')"
"$FOLIO" --db "$TMP/big.db" check >"$TMP/out" 2>&1; rc=$?
is "a day that disagrees is damage (exit 3)" "$rc" 3
like "  named with its article" "$(cat "$TMP/out")" 'timeline days: article [0-9]+ is dated "2003-07-04" but its day for timelines is "2003-07-05"'

t --by hour >/dev/null 2>"$TMP/err"; rc=$?
is "--by hour is a usage error" "$rc" 2
like "  that says what --by takes" "$(cat "$TMP/err")" 'day, week, month or year'
t --source Nowhere >/dev/null 2>&1; rc=$?
is "an unknown source is a usage error" "$rc" 2
done_testing
