#!/bin/sh
# big.sh: one feed and one export of MB megabytes each (default 1024)
# imported into fresh stores, with time, CPU and peak RSS (issue 17: a
# 1 GB feed or export imports in flat memory).  Slow, so run.sh runs it
# only when FOLIO_BENCH_BIG_MB is set; or run it alone:
#
#   tests/bench/big.sh [MB]
#
# The feed is generated once into $FOLIO_BENCH_DIR (default
# $TMPDIR/folio-bench) and kept; the export is folio's own `export --json`
# of what the feed imported.  Prints "name value" lines.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top_builddir=${top_builddir:-$(cd "$here/../.." && pwd)}
FOLIO=${FOLIO:-$top_builddir/src/folio}
bench=${FOLIO_BENCH_DIR:-${TMPDIR:-/tmp}/folio-bench}
mb=${1:-${FOLIO_BENCH_BIG_MB:-1024}}
LC_ALL=C.UTF-8
export LC_ALL
unset FOLIO_DB

die() { echo "big.sh: $*" >&2; exit 1; }
[ -x "$FOLIO" ] || die "no folio binary at $FOLIO (build it, or set FOLIO)"
command -v python3 >/dev/null || die "python3 writes the feed"
mkdir -p "$bench/bin"
${CC:-cc} ${CFLAGS:--O2} -std=c11 -o "$bench/bin/measure" "$here/measure.c" || die "cannot build measure"
field() { awk -v k="$1" '$1 == k { print $2 }'; }
fig() { printf '%s %s\n' "$1" "$2"; }

feed=$bench/big-$mb.rss
if [ ! -s "$feed" ]; then
	echo "# writing a $mb MB feed to $feed" >&2
	python3 - "$feed" "$mb" <<'PY'
import random, sys
path, mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(1)
words = ("harbour committee works cost weeks late members decide month river bridge "
         "council school budget road festival museum caf\u00e9 na\u00efve m\u00e1laga "
         "station market library trains ferry tide storm").split()
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title>The Big Gazette</title><link>https://big.example/</link>\n")
    i, limit = 0, mb << 20
    while f.tell() < limit:
        paras = "".join("&lt;p&gt;%s.&lt;/p&gt;" % " ".join(rnd.choice(words) for _ in range(120))
                        for _ in range(6))
        f.write("<item><title>Story %d: %s</title><guid>https://big.example/%d</guid>"
                "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description>%s</description></item>\n"
                % (i, " ".join(rnd.choice(words) for _ in range(6)), i, paras))
        i += 1
    f.write("</channel></rss>\n")
PY
fi
fig big.feed.mb "$(du -m "$feed" | cut -f1)"
fig big.feed.entries "$(grep -c '<item>' "$feed")"

# import_one NAME FILE: a fresh store, the file imported, its figures
import_one() {
	db=$bench/big-$1.db
	rm -f "$db" "$db-wal" "$db-shm"
	cat "$2" > /dev/null # the page cache, warm for both
	"$bench/bin/measure" run 1 "$FOLIO" --db "$db" import --quiet "$2" > "$bench/big.txt"
	[ "$(field status < "$bench/big.txt")" -eq 0 ] || die "folio import of $2 failed"
	fig "big.$1.seconds" "$(awk '$1 == "p50_ms" { printf "%.1f", $2 / 1000 }' "$bench/big.txt")"
	fig "big.$1.cpu_s" "$(awk '$1 == "cpu_ms" { printf "%.1f", $2 / 1000 }' "$bench/big.txt")"
	fig "big.$1.peak_rss_kb" "$(field peak_rss_kb < "$bench/big.txt")"
	fig "big.$1.articles" "$("$FOLIO" --db "$db" list --limit 1000000000 | wc -l)"
}

import_one feed "$feed"
export=$bench/big-$mb.json
"$FOLIO" --db "$bench/big-feed.db" export --json > "$export"
fig big.export.mb "$(du -m "$export" | cut -f1)"
import_one export "$export"
rm -f "$export" "$bench"/big-feed.db* "$bench"/big-export.db*
