#!/bin/sh
# grow.sh: a folio store TIMES as big, by copying its articles inside SQLite.
#
#   tests/bench/grow.sh STORE TIMES
#
# Importing 10^6 articles takes over 20 CPU-minutes; importing 10^5 (the
# bench's corpus) and growing the store ten times takes some 15 minutes
# and gives a store of 10^6 for what is measured on a store as it is (an
# upgrade, a search, the reader's first screen), not for import figures.
#
# Copy k (1 .. TIMES-1) adds every article of the store as it was, in one
# transaction: its id plus k times the highest id, its path with "#k" after
# it (still a BLOB), its content hash the first 16 bytes of the SHA3 of the
# old hash and k (paths and hashes are unique in a store), every other
# column as it was.  The store's own triggers index each copy and count it
# in its source, as an import would.  The near-duplicate tables (schema 5
# on: signatures, band keys, copies) and the tags (schema 7 on) are copied
# with the same ids, so the store is the size an import of as many would
# make, though its copies are not linked to each other as an import would
# link them.  Any schema; needs the sqlite3 shell (its sha3()).
set -eu

die() { echo "grow.sh: $*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: grow.sh STORE TIMES"
db=$1 times=$2
case $times in *[!0-9]*|'') die "TIMES '$times' is not a number" ;; esac
[ -f "$db" ] || die "no store at $db"
command -v sqlite3 >/dev/null || die "sqlite3 is needed"

q() { sqlite3 -batch -bail "$db" "$@"; }
has() { [ "$(q "SELECT count(*) FROM sqlite_master WHERE name = '$1'")" -eq 1 ]; }

# every column of articles but id, path and hash, as they are
cols=$(q "SELECT group_concat(name, ', ') FROM pragma_table_info('articles')
          WHERE name NOT IN ('id', 'path', 'hash')")
step=$(q "SELECT max(id) FROM articles")
[ -n "$step" ] || die "$db holds no articles"
n=$(q "SELECT count(*) FROM articles")

k=1
while [ "$k" -lt "$times" ]; do
	off=$((k * step))
	sql="PRAGMA cache_size = -262144;
BEGIN;
INSERT INTO articles (id, path, hash, $cols)
  SELECT id + $off, CAST(CAST(path AS BLOB) || '#$k' AS BLOB),
         substr(sha3(hex(hash) || ':$k', 256), 1, 16), $cols
  FROM articles WHERE id <= $step ORDER BY id;"
	if has near_sigs; then
		sql="$sql
INSERT INTO near_sigs (article, sig) SELECT article + $off, sig FROM near_sigs WHERE article <= $step;
INSERT INTO near_bands (key, article) SELECT key, article + $off FROM near_bands WHERE article <= $step;
INSERT INTO copies (article, story) SELECT article + $off, story + $off FROM copies WHERE article <= $step;"
	fi
	if has article_tags; then
		sql="$sql
INSERT INTO article_tags (tag_id, article_id)
  SELECT tag_id, article_id + $off FROM article_tags WHERE article_id <= $step;"
	fi
	q "$sql
COMMIT;"
	echo "grow.sh: copy $k of $((times - 1)): $(q 'SELECT count(*) FROM articles') articles" >&2
	k=$((k + 1))
done
q "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
echo "grow.sh: $db holds $(q 'SELECT count(*) FROM articles') articles (was $n)" >&2
