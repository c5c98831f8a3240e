#!/bin/sh
# Empty folders in an import: nothing to read there, and no reason to stop.
# (Run under ASan + UBSan in CI: sorting the names of an empty folder once
# passed a null pointer to qsort, which aborted the sanitizer build.)
. "$top_srcdir/tests/lib.sh"
sample="$top_srcdir/tests/data/articles/harbor-ferry.txt"

mkdir -p "$TMP/tree/empty" "$TMP/tree/a/b/c" "$TMP/tree/hidden-only" "$TMP/alone"
: >"$TMP/tree/hidden-only/.dotfile"
cp "$sample" "$TMP/tree/a/story.txt"
"$FOLIO" --db "$TMP/s.db" import "$TMP/tree" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "a tree with empty folders imports: exit 0" "$rc" 0
is "  with nothing on stderr" "$(cat "$TMP/err")" ""
is "  and its one article" "$(cat "$TMP/out")" "imported 1 new, 0 updated, 0 unchanged, 0 skipped"
"$FOLIO" --db "$TMP/s.db" import "$TMP/alone" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "an empty folder alone: exit 0" "$rc" 0
is "  nothing imported, nothing skipped" "$(cat "$TMP/out")" "imported 0 new, 0 updated, 0 unchanged, 0 skipped"
is "the store holds the one article" "$("$FOLIO" --db "$TMP/s.db" list | wc -l | tr -d ' ')" 1
done_testing
