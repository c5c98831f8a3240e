#!/bin/sh
# Bash completion: commands, options, files for --db, and source names.
. "$top_srcdir/tests/lib.sh"
command -v bash >/dev/null || skip_all "bash is not installed"
db="$TMP/store.db"
"$FOLIO" --db "$db" import --quiet "$top_srcdir/tests/data/articles/harbor-ferry.txt" 2>/dev/null
mkdir -p "$TMP/bin" && ln -s "$FOLIO" "$TMP/bin/folio"
: >"$TMP/notes.db"

# complete WORDS...: what _folio offers for the last word, one a line, sorted.
complete_words() {
	PATH="$TMP/bin:$PATH" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_folio
		printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$top_srcdir/src/completion.bash" "$@"
}

is "commands after folio" "$(complete_words folio s)" "$(printf 'saved\nsearch\nshow\nsources')"
like "global options" "$(complete_words folio --)" "^--demo$"
is "options of list" "$(complete_words folio list --l)" "--limit"
is "options of export" "$(complete_words folio export --t)" "--text"
is "--db completes file names" "$(complete_words folio --db "$TMP/no")" "$TMP/notes.db"
is "--source completes the store's sources" \
	"$(complete_words folio --db "$db" list --source "The L")" "The Ledgerport Courier"
is "the command is found after --db FILE" "$(complete_words folio --db "$db" show --)" "$(printf -- '--help\n--json')"
done_testing
