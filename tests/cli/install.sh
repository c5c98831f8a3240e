#!/bin/sh
# make install / make uninstall into a staging folder, and the installed
# folio finding the keymaps it ships.
. "$top_srcdir/tests/lib.sh"
: "${top_builddir:?}"
stage="$TMP/stage"
${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$stage" >"$TMP/log" 2>&1; rc=$?
is "make install DESTDIR=... exits 0" "$rc" 0
[ "$rc" = 0 ] || sed 's/^/#   /' "$TMP/log" | tail -20

bin=$(find "$stage" -path '*/bin/folio' -type f | head -n 1)
ok "the binary is installed" test -x "$bin"
for f in man/man1/folio.1 man/man5/folio-keys.5 folio/keymaps/default.keys folio/keymaps/vi.keys \
	folio/keymaps/emacs.keys bash-completion/completions/folio; do
	ok "$f is installed" sh -c "find '$stage' -path '*/share/$f' -type f | grep -q ."
done
like "the installed folio runs" "$("$bin" --version)" "^folio "

# A user's keymap that includes a shipped one by bare name.
mkdir -p "$TMP/config/folio"
printf 'include vi.keys\nbind global x toggle-read\n' >"$TMP/config/folio/keys"
"$bin" --db "$TMP/store.db" </dev/null >/dev/null 2>"$TMP/err"
ok "the installed folio finds vi.keys by name" sh -c "! grep -q 'vi.keys' '$TMP/err'"
like "(it stops only because there is no terminal)" "$(cat "$TMP/err")" "terminal"
printf 'include no-such.keys\n' >"$TMP/config/folio/keys"
"$bin" --db "$TMP/store.db" </dev/null >/dev/null 2>"$TMP/err"
like "a keymap that is nowhere is reported" "$(cat "$TMP/err")" "no-such.keys"

${MAKE:-make} -s -C "$top_builddir" uninstall DESTDIR="$stage" >"$TMP/log" 2>&1; rc=$?
is "make uninstall exits 0" "$rc" 0
is "uninstall leaves no file behind" "$(find "$stage" -type f | sed "s|$stage||")" ""
done_testing
