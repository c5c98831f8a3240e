#!/bin/sh
# The five real pages in ../shared/seeds: sources, re-import, search, show.
. "$top_srcdir/tests/lib.sh"
seeds="$SHARED/seeds"
[ -d "$seeds" ] || skip_all "no ../shared/seeds beside the source tree"

db="$TMP/seeds.db"
out=$("$FOLIO" --db "$db" import "$seeds" 2>"$TMP/err"); rc=$?
is "importing the seeds folder exits 1: gold.json is no article" "$rc" 1
like "gold.json is skipped as data" "$(cat "$TMP/err")" "gold.json: JSON data"
like "five articles" "$out" "^imported 5 new, 0 updated, 0 unchanged, 1 skipped$"
is "four sources, CNN has two" "$("$FOLIO" --db "$db" sources | sort)" "$(printf '1\tBBC News\n1\tLos Angeles Times\n1\tWashington Post\n2\tCNN' | sort)"
out=$("$FOLIO" --db "$db" import "$seeds" 2>&1)
like "importing again adds nothing" "$out" "imported 0 new, 0 updated, 5 unchanged, 1 skipped$"
is "still five articles" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" 5

hits=$("$FOLIO" --db "$db" search tajikistan)
is "tajikistan finds the two pages that mention it" "$(printf '%s\n' "$hits" | wc -l | tr -d ' ')" 2
like "one is CNN's" "$hits" "	CNN	Putin's offer may signal"
like "one is the Post's" "$hits" "	Washington Post	Russia Rejects Joint Military"
id=$(printf '%s\n' "$hits" | grep 'Washington Post' | cut -f1)
show=$("$FOLIO" --db "$db" show "$id")
like "show prints the title" "$show" "^Title: Russia Rejects Joint Military Action With United States$"
like "show prints the byline" "$show" "^By: Susan B. Glasser$"
like "show prints the date" "$show" "^Date: 2001-09-15$"
like "show prints the body" "$show" "Tajik Prime Minister Akil Akilov"
first_body=$(printf '%s\n' "$show" | sed -n '/^$/{n;p;q}')
like "a blank line separates header and body" "$first_body" "^MOSCOW, Sept. 14 -- Russia today rejected"
done_testing
