#!/bin/sh
# File names that are not plain text (ESC, BEL, U+202E, a byte that is not
# UTF-8, a backslash): the store keeps each name's exact bytes (a BLOB),
# and show and export print it escaped byte for byte (\x1B, \xFF, \u{202E},
# \\, as ls -b does), so the name shown names the real file and drives no
# terminal.  A store from before (schema 3, names as TEXT) is upgraded in
# place, every name's bytes kept, and goes on updating the same articles.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/fault/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is needed to make and read odd names"
sample="$top_srcdir/tests/data/articles/harbor-ferry.txt"

mkdir "$TMP/in"
python3 - "$TMP/in" "$sample" <<'PY'
import os, sys
folder, sample = sys.argv[1].encode(), open(sys.argv[2], "rb").read()
names = [b"esc\x1b[31mred.txt", b"bel\x07.txt", "rlo\u202etxt.exe".encode(), b"bad\xffbyte.txt",
         b"back\\slash.txt"]
for i, name in enumerate(names):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(sample.replace(b"ferry link", b"ferry link %d" % i))
PY
"$FOLIO" --db "$TMP/s.db" import --quiet "$TMP/in"
is "five oddly named files imported" "$(sqlite3 "$TMP/s.db" 'SELECT count(*) FROM articles;')" 5
is "every name is stored as bytes (a BLOB)" "$(sqlite3 "$TMP/s.db" "SELECT DISTINCT typeof(path) FROM articles;")" "blob"
stored=$(sqlite3 "$TMP/s.db" "SELECT hex(path) FROM articles ORDER BY path;")
real=$(python3 -c '
import os, sys
d = sys.argv[1].encode()
print("\n".join(sorted(os.path.join(d, n).hex().upper() for n in os.listdir(d))))' "$TMP/in")
is "  the exact bytes of each file's name" "$stored" "$real"

# What show and export print: the name escaped, byte for byte.
: >"$TMP/shown"
for id in 1 2 3 4 5; do
	"$FOLIO" --db "$TMP/s.db" show "$id" | sed -n 's/^File: //p' >>"$TMP/shown"
done
sort "$TMP/shown" >"$TMP/shown.sorted"
printf '%s\n' "$TMP/in/back\\\\slash.txt" "$TMP/in/bad\\xFFbyte.txt" "$TMP/in/bel\\x07.txt" \
	"$TMP/in/esc\\x1B[31mred.txt" "$TMP/in/rlo\\u{202E}txt.exe" | sort >"$TMP/want"
is "show's File: header is each name escaped (\\x1B, \\xFF, \\u{202E}, \\\\)" "$(cat "$TMP/shown.sorted")" "$(cat "$TMP/want")"
for id in 1 2 3 4 5; do "$FOLIO" --db "$TMP/s.db" show "$id"; done >"$TMP/show.out"
is "  and show writes nothing that drives a terminal" "$(terminal_safe "$TMP/show.out")" ""
"$FOLIO" --db "$TMP/s.db" export --json >"$TMP/all.json"
is "export --json gives the same escaped names" \
	"$(python3 -c 'import json, sys; print("\n".join(sorted(a["path"] for a in json.load(open(sys.argv[1])))))' "$TMP/all.json")" \
	"$(cat "$TMP/want")"

# The name keys its article: a changed file is an update of the same one.
python3 - "$TMP/in" <<'PY'
import os, sys
p = os.path.join(sys.argv[1].encode(), b"bad\xffbyte.txt")
data = open(p, "rb").read()
open(p, "wb").write(data.replace(b"ferry link", b"ferry crossing"))
PY
"$FOLIO" --db "$TMP/s.db" import "$TMP/in" >"$TMP/out"
is "a changed file under an odd name updates its article" "$(cat "$TMP/out")" \
	"imported 0 new, 1 updated, 4 unchanged, 0 skipped"

# ---- a store from schema 3, names stored as TEXT: upgraded in place ----
cp "$TMP/s.db" "$TMP/old.db"
# (what the later steps added goes too, so the upgrade can add it again)
sqlite3 "$TMP/old.db" "UPDATE articles SET path = CAST(path AS TEXT);
	DROP TRIGGER near_delete; DROP TABLE near_bands; DROP TABLE near_sigs; DROP TABLE copies;
	ALTER TABLE articles DROP COLUMN url; DROP TRIGGER articles_delete_tags;
	DROP TABLE tags; DROP TABLE article_tags; DROP TABLE removed; DROP TABLE searches;
	DROP INDEX articles_by_title; DROP INDEX articles_by_source_title;
	DROP TRIGGER article_days_insert; DROP TRIGGER article_days_delete;
	DROP TRIGGER article_days_update; DROP VIEW article_days_put; DROP TABLE article_days;
	PRAGMA user_version = 3;"
before=$(sqlite3 "$TMP/old.db" "SELECT id || ' ' || hex(path) FROM articles ORDER BY id;")
is "the old store holds its names as TEXT" "$(sqlite3 "$TMP/old.db" "SELECT DISTINCT typeof(path) FROM articles;")" "text"
sum=$(cksum <"$TMP/old.db")
"$FOLIO" --db "$TMP/old.db" list >/dev/null 2>"$TMP/err"; rc=$?
is "a reading command does not upgrade it: exit 3" "$rc" 3
like "  saying how it is upgraded" "$(cat "$TMP/err")" 'older folio \(schema 3\).*upgraded'
is "  and leaves it as it was" "$(cksum <"$TMP/old.db")" "$sum"
python3 - "$TMP/in" <<'PY'
import os, sys
p = os.path.join(sys.argv[1].encode(), "rlo\u202etxt.exe".encode())
data = open(p, "rb").read()
open(p, "wb").write(data.replace(b"ferry link", b"ferry service"))
PY
"$FOLIO" --db "$TMP/old.db" import "$TMP/in" >"$TMP/out" 2>"$TMP/err"; rc=$?
is "importing into it upgrades it: exit 0" "$rc" 0
ok "  to schema 4 or later" test "$(sqlite3 "$TMP/old.db" 'PRAGMA user_version;')" -ge 4
is "  every name now a BLOB" "$(sqlite3 "$TMP/old.db" "SELECT DISTINCT typeof(path) FROM articles;")" "blob"
is "  of the same bytes, on the same articles" \
	"$(sqlite3 "$TMP/old.db" "SELECT id || ' ' || hex(path) FROM articles ORDER BY id;")" "$before"
is "  and the changed file updated its article, found by its name" "$(cat "$TMP/out")" \
	"imported 0 new, 1 updated, 4 unchanged, 0 skipped"
"$FOLIO" --db "$TMP/old.db" check >/dev/null 2>&1; rc=$?
is "the upgraded store passes folio check" "$rc" 0
store_sane "after the upgrade" "$TMP/old.db"
done_testing
