#!/bin/sh
# The man pages: they render without warnings, and folio-keys(5) lists
# exactly the actions of the action table, with the same help text.
. "$top_srcdir/tests/lib.sh"
command -v groff >/dev/null || skip_all "groff is not installed"

# folio-keys.5 is made by the build (doc/gen-actions), folio.1 is written.
page_path() {
	if [ -f "${top_builddir:-.}/doc/$1" ]; then echo "$top_builddir/doc/$1"; else echo "$top_srcdir/doc/$1"; fi
}
for page in folio.1 folio-keys.5; do
	out=$(groff -ww -z -t -man "$(page_path "$page")" 2>&1)
	is "$page renders with no warning" "$out" ""
done

# "name|help|contexts" from the table and from the page, in table order.
from_table=$("$FOLIO" --list-actions | awk -F'\t' '{
	split($1, a, " +"); name = a[1]; ctx = a[2]; gsub(",", ", ", ctx)
	print name "|" $2 "|" ctx }')
from_page=$(sed -n '/^\.SH ACTIONS/,/^\.SH /p' "$(page_path folio-keys.5)" | awk '
	/^\.TP/ { want = 1; next }
	want == 1 && /^\.B / { name = substr($0, 4); gsub(/\\-/, "-", name); want = 2; next }
	want == 2 { help = $0; sub(/\.$/, "", help); want = 3; next }
	want == 3 { ctx = $0; gsub(/[()]/, "", ctx); print name "|" help "|" ctx; want = 0 }')
is "folio-keys(5) lists every action with its help and contexts" "$from_page" "$from_table"

# Every command of --help is in folio(1), and every command of folio(1)'s
# synopsis is in --help, with a line of its own under Commands.
help=$("$FOLIO" --help)
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
ok "--help lists commands" test "$(printf '%s\n' "$commands" | wc -l)" -gt 10
for cmd in $commands; do
	ok "folio(1) documents $cmd" grep -q "^\.BI\? $cmd\b\|^\.B $cmd$\|^\.BI $cmd " "$top_srcdir/doc/folio.1"
done
for cmd in $(sed -n '/^\.SH SYNOPSIS/,/^\.SH /s/^\.B \([a-z]*\)$/\1/p' "$top_srcdir/doc/folio.1" |
	grep -vx folio | sort -u); do
	like "--help names $cmd, as folio(1)'s synopsis does" "$commands" "^$cmd$"
	like "  with its usage line" "$help" "folio \\[--db FILE\\] $cmd"
done
done_testing
