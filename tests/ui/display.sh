#!/bin/sh
# Colour is only emphasis: with NO_COLOR, or on a monochrome terminal, the
# matches are still marked (bold, underline) and nothing is coloured; in an
# ASCII-only locale nothing but ASCII reaches the terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/script.sh"
# In screen_attrs a colour pair is a number inside {}; bold is B, underline U.
colour='\{[A-Z]*[0-9]+\}'
marked='\{[A-Z]*[BU][A-Z]*\}[Gg]ranite'

make_store
start 80 24
keys / granite
like "with colours, a match is coloured" "$(screen_attrs)" "$colour[Gg]ranite"

UI_ENV=NO_COLOR=1 start 80 24
keys / granite
s=$(screen_attrs)
like "NO_COLOR: the match is still bold or underlined" "$s" "$marked"
is "NO_COLOR: nothing is coloured" "$(printf '%s\n' "$s" | grep -Ec -- "$colour")" 0

UI_TERM=vt100 start 80 24
keys / granite
s=$(screen_attrs)
like "vt100: the match is still marked" "$s" "$marked"
is "vt100: nothing is coloured" "$(printf '%s\n' "$s" | grep -Ec -- "$colour")" 0

LC_ALL=C start 40 12
keys j j j Enter j Enter
s=$(screen)
like "ASCII-only: wide characters become ?" "$s" 'returns from the \?\?$'
is "ASCII-only: nothing but printable ASCII on the screen" \
	"$(printf '%s\n' "$s" | LC_ALL=C grep -c '[^ -~]')" 0

# The dateline is said once: dropped from the header when the body starts
# with it (folded, spaces collapsed), kept when it does not.
cat >"$TMP/datelines.json" <<'EOF'
[
  {"source": "Dateline Desk", "title": "Quokka census in the western fjords", "byline": "Ane Berg",
   "date": "2004-06-01", "dateline": "BERGEN, Norway",
   "body": "Bergen,  NORWAY -- The quokka count came in low this spring.\n\nMore next week."},
  {"source": "Dateline Desk", "title": "Zebracrossing rules change downtown", "byline": "Ola Dahl",
   "date": "2004-06-02", "dateline": "OSLO",
   "body": "OSLOFJORD ferries will wait at the new zebracrossing.\n\nNothing else changes."}
]
EOF
"$FOLIO" --db "$DB" import --quiet "$TMP/datelines.json" >/dev/null 2>&1
start 80 24
keys / quokka
keys Enter
like "a dateline the body starts with is not in the header" "$(line 3)" '^ By Ane Berg *$'
like "the body keeps it as written" "$(screen)" '^ Bergen,  NORWAY -- The quokka'
keys Escape
keys / zebracrossing
keys Enter
like "a dateline the body does not start with stays in the header" "$(line 3)" '^ By Ola Dahl · OSLO *$'
done_testing
