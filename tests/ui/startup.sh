#!/bin/sh
# The reader's first screen at 80x24, 40x12 and 160x45: "All articles" and
# every source with unread/total counts, the welcome hints (under the list
# on one pane, in the article pane beside it from 100 columns), the status
# line; R
# after an import.  (That q leaves the terminal as it found it is in
# terminal.sh.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"

make_store
ok "the test store was imported" test -s "$DB"
total=$("$FOLIO" --db "$DB" list --limit 100000 | wc -l | tr -d ' ')
is "the store holds the test articles" "$total" 254

# UI_UPDATE_EXPECTED=1 rewrites the expected screens (check them by eye).
expect_screen() { # NAME
	screen >"$TMP/$1"
	if [ "${UI_UPDATE_EXPECTED:-}" = 1 ]; then
		cp "$TMP/$1" "$top_srcdir/tests/ui/expected/$1"
	fi
	diff -u "$top_srcdir/tests/ui/expected/$1" "$TMP/$1"
}

start 80 24
s=$(screen)
like "80x24: All articles first, with its counts, the list the whole width" "$(line 1)" \
	"^> All articles +$total/$total\$"
ok "80x24: the width of the screen" test "$(line 1 | awk '{ print length($0) }')" -eq 80
"$FOLIO" --db "$DB" sources | while IFS='	' read -r count name; do
	printf '%s\n' "$s" | grep -q -- "> $name *$count/$count\$" && echo yes || echo "no: $name"
done >"$TMP/sources.out"
is "80x24: every source is listed with its counts" "$(sort -u "$TMP/sources.out")" yes
like "80x24: the welcome under the list says how to start" "$s" "Enter opens"
like "80x24: status line ends with the help hint" "$(line 24)" '^ Enter:open  /:search +\?:help$'
is "80x24: nothing is drawn past the status line" "$(screen | wc -l | tr -d ' ')" 24
ok "80x24: the start-up screen is as expected" expect_screen start-80x24

keys q
finish
is "q quits with status 0" "$(exit_status)" 0

start 40 12
ok "40x12: the start-up screen is as expected" expect_screen start-40x12
like "40x12: one pane, the source list over the whole width" "$(line 1)" \
	"^> All articles +$total/$total$"
like "40x12: the status line still shows the help hint" "$(line 12)" '\?:help$'

# An import while the reader runs shows after R.
sed -e 's/Apple growers count losses/Pear growers count losses/' \
	"$top_srcdir/tests/ui/data/orchard.txt" >"$TMP/pear.txt"
"$FOLIO" --db "$DB" import --quiet "$TMP/pear.txt"
keys R
like "R reads the counts again" "$(line 1)" "^> All articles +$((total + 1))/$((total + 1))$"
like "and the source the new article went to" "$(screen)" '^> Valley Morning Herald +2/2$'

keys q
finish
start 160 45
ok "160x45: the start-up screen is as expected" expect_screen start-160x45
like "160x45: the list and the welcome beside it" "$(line 1)" "^> All articles +$((total + 1))/$((total + 1)) │$"
like "160x45: the welcome says how to start" "$(screen)" '│ j/k or the arrows move, Enter opens,'

done_testing
