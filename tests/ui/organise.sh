#!/bin/sh
# The reader's organising keys: O opens the web address (shown in the
# header) with $BROWSER, t tags (tag:NAME finds it), D deletes, A marks a
# whole source or every search hit read; the help screen lists them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"

make_store
id_of() {
	"$FOLIO" --db "$DB" list --limit 1000 | awk -F '\t' -v p="$1" '$4 ~ p { print $1; exit }'
}
glacier=$(id_of 'Survey team returns')
sqlite3 "$DB" "UPDATE articles SET url = 'https://north.example/glacier?a=1&b=2' WHERE id = $glacier"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/opened.tmp" && mv "%s/opened.tmp" "%s/opened.txt"\n' \
	"$TMP" "$TMP" "$TMP" >"$TMP/browser.sh"
chmod +x "$TMP/browser.sh"
_exists() { [ -e "$1" ]; }

UI_ENV="BROWSER=$TMP/browser.sh" start 100 30
# Sources: All, Bulk Daily, Ledgerport, Northern Times, Valley.
keys j j j Enter
wait_for '^v The Northern Times'
keys j Enter
wait_for 'By Tomas Lind'
wait_for 'https://north\.example/glacier\?a=1&b=2'
ok "the header shows the web address" true
keys O
_poll _exists "$TMP/opened.txt"
is "O gives \$BROWSER the address" "$(cat "$TMP/opened.txt")" "https://north.example/glacier?a=1&b=2"
wait_for 'Opened https://north'

keys t
wait_for '^Tag:'
keys k e e p Enter
wait_for 'Tagged keep'
is "t tags the article: tag:keep finds it" "$("$FOLIO" --db "$DB" search tag:keep | cut -f1)" "$glacier"
keys t
wait_for '^Tag \(has keep; -NAME removes\):'
keys Escape
settle
keys t x BSpace
wait_for '^Tag \(has keep; -NAME removes\): *$'
like "Backspace deletes what was typed in the tag prompt" "$(line 30)" '^Tag \(has'
keys BSpace
wait_for '\?:help$'
like "and Backspace on its empty line closes it" "$(line 30)" '\?:help$'

keys D
wait_for 'Article deleted'
"$FOLIO" --db "$DB" show "$glacier" >/dev/null 2>&1; rc=$?
is "D deletes the article" "$rc" 1
is "  and its tag" "$("$FOLIO" --db "$DB" tag)" ""

# A on a source row: every article of that source read.
unread_of() {
	"$FOLIO" --db "$DB" sources --json | python3 -c 'import json,sys
print([s["unread"] for s in json.load(sys.stdin) if s["name"] == sys.argv[1]][0])' "$1"
}
ok "the Ledgerport source has unread articles" test "$(unread_of 'The Ledgerport Courier')" -gt 0
keys Tab
settle
keys g j j
settle
keys A
wait_for 'of The Ledgerport Courier marked read'
is "A on a source marks all its articles read" "$(unread_of 'The Ledgerport Courier')" 0

# A in the search hits: every match read, not only the page shown.
"$FOLIO" --db "$DB" mark --unread --all >/dev/null
keys /
keys b u l k
wait_for 'best first|latest first'
keys Down
settle
keys A
wait_for 'hits? marked read'
is "A in the hits marks every match read" \
	"$("$FOLIO" --db "$DB" search --json --limit 1000 bulk | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" \
	"$("$FOLIO" --db "$DB" list --json --limit 1000 | python3 -c 'import json,sys; print(sum(a["read"] for a in json.load(sys.stdin)))')"
keys Escape Escape
settle

keys '?'
wait_for "O +Open the article's web address"
like "the help screen lists the new keys" "$(screen)" "A +Mark every article of the selected source"
keys j j j j j j
wait_for "t +Tag the article"
like "  D" "$(screen)" "D +Delete the article"
keys q
settle
keys Q
wait_for 'folio exit 0'
done_testing
