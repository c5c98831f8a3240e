#!/bin/sh
# folio --demo, the README's first command: the reader on the sample
# articles built into folio, in a throwaway store; searching works, and
# nothing is left behind.  (A script of keys run as a file, no terminal:
# see src/ui_test.c.)
. "$top_srcdir/tests/lib.sh"

n=$(ls "$top_srcdir"/tests/data/articles/*.txt | wc -l | tr -d ' ')
cat >"$TMP/keys" <<KEYS
:screen $TMP/start
/ harbor <Space> master <Enter>
:screen $TMP/opened
Q
KEYS
(cd "$TMP" && FOLIO_TEST_SCRIPT="$TMP/keys" TERM=screen LINES=24 COLUMNS=80 \
	"$FOLIO" --demo >"$TMP/out" 2>"$TMP/err"); rc=$?
is "folio --demo quits with Q: status 0" "$rc" 0
is "and says nothing on stderr" "$(cat "$TMP/err")" ""
like "it opens on every sample article" "$(sed -n 1p "$TMP/start")" "^> All articles +$n/$n$"
like "with their sources" "$(cat "$TMP/start")" '^> CNN +1/1$'
like "and a welcome that counts them" "$(cat "$TMP/start")" "$n articles in [0-9]+ sources, $n unread"
like "a search opens its best hit" "$(sed -n 1p "$TMP/opened")" '^ Harbor master retires'
like "at its first match, with the matches counted" "$(sed -n 24p "$TMP/opened")" \
	'Match 1 of [0-9]+: n/N to jump'
is "no store is left behind (data folder)" "$(find "$XDG_DATA_HOME" -type f 2>/dev/null | wc -l | tr -d ' ')" 0
is "nor in the folder it ran in" "$(ls "$TMP" | grep -c '\.db')" 0
done_testing
