#!/bin/sh
# Handing an article to other programs: o runs $PAGER and | a typed shell
# command, each fed the article as `folio show` prints it; the screen comes
# back repainted, a command that writes waits for Enter, a missing or
# failing command is reported on the status line, a command that stops
# reading early (SIGPIPE) does not take folio down, Esc cancels the prompt.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"

make_store
# An article far bigger than a pipe's buffer, for the command that stops reading.
{
	printf 'Zeta Gazette\n\nAn enormous article for the pipe test\n\nBy Long Writer\nMay 1, 2004\n\n'
	i=0
	while [ $i -lt 2000 ]; do
		printf 'Paragraph %d of a body long enough to fill any pipe buffer twice over.\n\n' $i
		i=$((i + 1))
	done
} >"$TMP/big.txt"
"$FOLIO" --db "$DB" import --quiet "$TMP/big.txt" >/dev/null 2>&1

id_of() {
	"$FOLIO" --db "$DB" list --limit 1000 | awk -F '\t' -v p="$1" '$4 ~ p { print $1; exit }'
}
# Wait until FILE exists: the commands write elsewhere and rename it when done.
_exists() { [ -e "$1" ]; }
wait_file() {
	_poll _exists "$1"
}

cat >"$TMP/pager.sh" <<EOF
#!/bin/sh
cat >"$TMP/paged.tmp" && mv "$TMP/paged.tmp" "$TMP/paged.txt"
EOF
chmod +x "$TMP/pager.sh"
glacier=$(id_of 'Survey team returns')
"$FOLIO" --db "$DB" show "$glacier" >"$TMP/glacier.show"

UI_ENV="PAGER=$TMP/pager.sh" start 80 24
# Sources: All, Bulk Daily, Ledgerport, Northern Times, Valley, Zeta.
keys j j j Enter
wait_for '^v The Northern Times'
keys j Enter
wait_for 'By Tomas Lind'
keys o
wait_file "$TMP/paged.txt"
ok "o gives \$PAGER the article as folio show prints it" cmp "$TMP/paged.txt" "$TMP/glacier.show"
wait_for '^ Space:page'
like "the reader comes back repainted: the article, full width at 80 columns" "$(line 1)" \
	'^ Survey team returns from the'
like "its header" "$(line 2)" '^ The Northern Times · 2003-08-04'
like "a pager that wrote nothing left no Enter prompt" "$(line 24)" '1 of 1 +[0-9]+%  \?:help$'

keys '|'
wait_for '^\|'
like "| asks for a command on the bottom line" "$(line 24)" '^\| *$'
keys "cat >'$TMP/piped.tmp' && mv '$TMP/piped.tmp' '$TMP/piped.txt'" Enter
wait_file "$TMP/piped.txt"
ok "| gives the command the same text" cmp "$TMP/piped.txt" "$TMP/glacier.show"
wait_for '^ Space:page'
like "the screen is repainted after the command" "$(line 2)" '^ The Northern Times · 2003-08-04'
keys q
wait_for '^  .*Survey team'
like "folio still answers keys afterwards: q shows the list again" "$(line 5)" '^  .*Survey team'

# o from the list: the selected article.
rm -f "$TMP/paged.txt"
keys o
wait_file "$TMP/paged.txt"
ok "o on a list row pages the selected article" cmp "$TMP/paged.txt" "$TMP/glacier.show"

keys '|' "echo pipe-said-hello" Enter
wait_for 'Press Enter to return to folio'
like "a command that writes: its output stays on the screen" "$(screen)" '^pipe-said-hello$'
like "and folio waits for Enter" "$(screen)" '^Press Enter to return to folio$'
keys Enter
wait_for '\?:help$'
like "Enter goes back to the reader" "$(line 1)" '^> All articles'

keys '|' "exit 3" Enter
wait_for 'status 3'
like "a failing command is reported with its status" "$(line 24)" '^ *command exited with status 3'

keys '|' "no-such-command-folio-test" Enter
wait_for 'Press Enter'
like "a command that does not exist: the shell's message shows" "$(screen)" 'no-such-command-folio-test'
keys Enter
# (the shell's own "not found" is on the screen until folio repaints)
wait_for 'command not found \(status 127\)'
like "and the status line says it was not found" "$(line 24)" 'command not found \(status 127\)'
pid=$(folio_pid)
ok "folio is still running" kill -0 "$pid"

keys '|' "typed but cancelled" Escape
wait_for '\?:help$'
like "Esc cancels the prompt" "$(line 24)" 'Enter:open'
keys '|' Up
wait_for '^\| no-such'
like "Up recalls the last command" "$(line 24)" '^\| no-such-command-folio-test'
keys C-u
wait_for '^\| *$'
keys Escape
wait_for '\?:help$'

# The command stops reading after ten bytes of a long article.
keys G
wait_for '^> Zeta Gazette'
keys Enter
wait_for 'An enormous article'
keys j Enter
wait_for '^ Space:page'
keys '|' "head -c 10 >'$TMP/head.tmp'; mv '$TMP/head.tmp' '$TMP/head.txt'" Enter
wait_file "$TMP/head.txt"
wait_for '^ Space:page'
is "a command that stops reading gets what it read" "$(cat "$TMP/head.txt")" "Title: An "
ok "SIGPIPE does not end folio" kill -0 "$pid"
keys j
wait_for 'Paragraph 1 of'
like "and it still scrolls" "$(screen)" '^ Paragraph 1 of a body'

# 40x12: one pane at a time, same hand-over.
rm -f "$TMP/paged.txt"
UI_ENV="PAGER=$TMP/pager.sh" start 40 12
keys j j j Enter
wait_for '^v The Northern'
keys j Enter
wait_for 'By Tomas Lind'
keys o
wait_file "$TMP/paged.txt"
ok "40x12: o pages the article" cmp "$TMP/paged.txt" "$TMP/glacier.show"
wait_for 'help$'
like "40x12: the article is back on the screen" "$(line 1)" '^ ?Survey team'

done_testing
