#!/bin/sh
# Colour is only emphasis: with NO_COLOR, or on a monochrome terminal, the
# matches are still marked (bold, underline) and nothing is coloured; in an
# ASCII-only locale nothing but ASCII reaches the terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/ui/tmux.sh"
esc=$(printf '\033')
colour="${esc}\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;|48;)"

make_store
start 80 24
keys / granite
wait_for 'articles? match' >/dev/null
like "with colours, a match is coloured" "$(screen_e)" "$colour"

UI_ENV=NO_COLOR=1 start 80 24
keys / granite
wait_for 'articles? match' >/dev/null
s=$(screen_e)
like "NO_COLOR: the match is still bold or underlined" "$s" "${esc}\\[[0-9;]*[14]m[Gg]ranite"
printf '%s\n' "$s" | grep -Eq -- "$colour"
is "NO_COLOR: nothing is coloured" $? 1

UI_TERM=vt100 start 80 24
keys / granite
wait_for 'articles? match' >/dev/null
s=$(screen_e)
like "vt100: the match is still marked" "$s" "${esc}\\[[0-9;]*[14]m[Gg]ranite"
printf '%s\n' "$s" | grep -Eq -- "$colour"
is "vt100: nothing is coloured" $? 1
keys Escape
wait_for '^> All articles' >/dev/null
keys Q

LC_ALL=C start 40 12
keys j j j Enter j Enter
wait_for 'By Tomas Lind' >/dev/null
s=$(screen)
like "ASCII-only: wide characters become ?" "$s" 'returns from the \?\?$'
printf '%s\n' "$s" | LC_ALL=C grep -q '[^ -~]'
is "ASCII-only: nothing but printable ASCII on the screen" $? 1
keys q
wait_for '^v The Northern' >/dev/null
keys q q
done_testing
