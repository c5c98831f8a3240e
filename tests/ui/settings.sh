#!/bin/sh
# Settings in the keys file (set and color beside bind, as tig's tigrc):
# list-width holds the list pane at one width whatever has the keyboard,
# date-format shows the list's dates, mark-read-on-open no leaves an opened
# article unread, confirm-quit makes q at the top ask first; a bad setting
# is reported with its file and line like a bad binding.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"

make_store
cat >"$TMP/keys" <<'KEYS'
set list-width 40
set date-format %d %b %Y
set mark-read-on-open no
set confirm-quit yes
color title red
set colour blue
KEYS
unread_all() {
	"$FOLIO" --db "$DB" sources --json | python3 -c 'import json,sys; print(sum(s["unread"] for s in json.load(sys.stdin)))'
}
before=$(unread_all)
# the column of the pane separator on screen line 2 (0-based), or -1
sep_col() {
	screen | sed -n 2p | python3 -c 'import sys; l = sys.stdin.read(); print(l.find("\u2502") if "\u2502" in l else l.find("x"))'
}

start 120 30 --keys "$TMP/keys"
wait_for 'keys:.*unknown setting "colour"'
ok "a bad setting is reported with its line" true
is "list-width 40: the list pane is 40 columns" "$(sep_col)" 40
keys j j j Enter
wait_for '^v The Northern Times'
wait_for '04 Aug 2003'
ok "date-format shows the list's dates so" true
keys j Enter
wait_for 'By Tomas Lind'
is "  and stays 40 while an article is read" "$(sep_col)" 40
is "mark-read-on-open no: opening left it unread" "$(unread_all)" "$before"
keys Tab q g
settle
keys q
wait_for 'Quit folio\? q again quits'
keys j
settle
keys k
settle
ok "confirm-quit: another key stays" test -n "$(folio_pid)"
keys q
wait_for 'Quit folio\? q again quits'
keys q
wait_for 'folio exit 0'
ok "  and q again quits" true
done_testing
