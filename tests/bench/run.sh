#!/bin/sh
# run.sh: folio's benchmarks (issue 6).  Prints one figure a line.
#
#   tests/bench/run.sh [N...]        N articles per store; default 1000 100000
#   FOLIO_BENCH_REUSE=1 tests/bench/run.sh [N...]
#                                    keep the stores of an earlier run (and
#                                    its import figures); measure the rest
#   make bench [BENCH_SIZES="1000 100000 1000000"]
#   FOLIO_BENCH_BIG_MB=1024 make bench
#                                    also a 1 GB feed and export (big.sh)
#   FOLIO_BENCH_NEWSBOAT=ITEMS make bench
#                                    folio beside newsboat on ITEMS feed items
#                                    (newsboat.sh; default 20000, 0 skips it;
#                                    skipped with a message when newsboat is
#                                    not installed)
#
# For each N: the corpus (generated once and grown, cached in
# $FOLIO_BENCH_DIR, default $TMPDIR/folio-bench, never in the source tree),
# `folio import` against the floor (bare SQLite + FTS5 on the same files, in
# the same run), the reader's first screen and peak RSS in a private tmux
# server at 80x24, the bytes a keystroke writes to the terminal (at 80x24
# and 40x12; at 160x45 with the preview, one key and 20 at once), and search
# latency of `folio search` and of one as-you-type step against the same
# FTS5 query run bare.  Figures are "name@N value"; ratios and growth come
# last.  Timing is never pass/fail: this script fails only when something
# could not be measured at all.
#
# Environment: FOLIO (the binary; default the build tree's src/folio),
# FOLIO_BENCH_DIR, FOLIO_BENCH_SEED (1), FOLIO_BENCH_RUNS (20), CC, CFLAGS.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top_builddir=${top_builddir:-$(cd "$here/../.." && pwd)}
FOLIO=${FOLIO:-$top_builddir/src/folio}
bench=${FOLIO_BENCH_DIR:-${TMPDIR:-/tmp}/folio-bench}
seed=${FOLIO_BENCH_SEED:-1}
runs=${FOLIO_BENCH_RUNS:-20}
sizes=${*:-1000 100000}
LC_ALL=C.UTF-8
export LC_ALL
unset FOLIO_DB

die() { echo "run.sh: $*" >&2; exit 1; }
[ -x "$FOLIO" ] || die "no folio binary at $FOLIO (build it, or set FOLIO)"
command -v tmux >/dev/null || die "tmux is needed for the screen benchmarks"
for n in $sizes; do
	case $n in *[!0-9]*|'') die "size '$n' is not a number" ;; esac
	[ $((n % 1000)) -eq 0 ] && [ "$n" -gt 0 ] || die "size $n is not a multiple of 1000"
done

mkdir -p "$bench/bin"
bin=$bench/bin
for tool in gencorpus measure floor; do
	libs=
	case $tool in gencorpus) libs=-lm ;; floor) libs=-lsqlite3 ;; esac
	${CC:-cc} ${CFLAGS:--O2} -std=c11 -o "$bin/$tool" "$here/$tool.c" $libs ||
		die "cannot build $tool"
done

# Everything printed goes to the terminal and to one results file.
out=$bench/results-$(date +%Y%m%d-%H%M%S).txt
: > "$out"
fig() { printf '%s %s\n' "$1" "$2" | tee -a "$out"; }
# field NAME < "name value" lines: the value
field() { awk -v k="$1" '$1 == k { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }

fig machine.nproc "$(nproc)"
fig machine.cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1 | tr ' ' '_')"
fig machine.mem_mb "$(awk '/^MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
fig machine.sqlite "$(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo unknown)"
# other work on the machine skews every time below: say how busy it was
fig machine.loadavg_at_start "$(cut -d' ' -f1 /proc/loadavg)"
fig folio.version "$("$FOLIO" --version | head -1 | tr ' ' '_')"

# ---- corpus: one per seed, grown to the largest N asked for ----
# named by the generator's checksum too, so a changed generator starts afresh
corpus=$bench/corpus-s$seed-$(cksum < "$here/gencorpus.c" | cut -d' ' -f1)
have=$(cat "$corpus/.count" 2>/dev/null || echo 0)
max=0
for n in $sizes; do [ "$n" -gt "$max" ] && max=$n; done
if [ "$have" -lt "$max" ]; then
	echo "# generating articles $have..$max in $corpus" >&2
	"$bin/gencorpus" -s "$seed" -f "$have" "$max" "$corpus"
	echo "$max" > "$corpus/.count"
fi
"$bin/gencorpus" -s "$seed" -q > "$bench/queries.tsv"

# The first n/1000 folders of the corpus are its first n articles.
folders() { i=0; while [ $i -lt $(($1 / 1000)) ]; do printf '%s/%04d\n' "$corpus" $i; i=$((i + 1)); done; }

# ---- the reader in a private tmux server ----
sock=folio-bench-$$
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tmx kill-server 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# folio's CPU time so far in ms (the kernel's schedstat: ns on a CPU)
cpu_ms() { awk '{ printf "%.2f", $1 / 1e6 }' "/proc/$pid/schedstat"; }

# press NAME KEYS...: send KEYS, print the bytes folio wrote, how long it
# drew (the end is $quiet_ms, default 150, of silence after the first byte)
# and the CPU time folio spent meanwhile
press() {
	name=$1; shift
	tmx capture-pane -p -t bench > "$bench/before.txt"
	cpu_before=$(cpu_ms)
	"$bin/measure" watch "$bench/tty.out" "${quiet_ms:-150}" 30000 tmux -L "$sock" -f /dev/null \
		send-keys -t bench "$@" > "$bench/watch.txt"
	cpu_after=$(cpu_ms)
	tmx capture-pane -p -t bench > "$bench/after.txt"
	bytes=$(field bytes < "$bench/watch.txt")
	fig "keys.$name.bytes@$n" "$bytes"
	fig "keys.$name.ms@$n" "$(field ms < "$bench/watch.txt")"
	fig "keys.$name.cpu_ms@$n" "$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.2f", b - a }')"
	# the text that changed: the bytes of every screen line that differs
	changed=$(awk 'NR == FNR { a[FNR] = $0; next } a[FNR] != $0 { s += length($0) } END { print s + 0 }' \
		"$bench/before.txt" "$bench/after.txt")
	fig "keys.$name.changed_text_bytes@$n" "$changed"
	cp "$bench/after.txt" "$bench/screen-$name-$n.txt"
}

# start_reader STORE COLS ROWS: folio in a new tmux server, held before exec;
# each server has a socket of its own, so none races the last one's exit
sessions=0
start_reader() {
	sessions=$((sessions + 1))
	sock=folio-bench-$$-$sessions
	rm -f "$bench/pid" "$bench/tty.out"
	: > "$bench/tty.out"
	tmx new-session -d -s bench -x "$2" -y "$3" \
		"sh '$here/launch.sh' '$bench/pid' '$FOLIO' --db '$1'"
	tmx pipe-pane -o -t bench "cat >> '$bench/tty.out'"
	i=0
	while [ ! -s "$bench/pid" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	sleep 0.3  # let pipe-pane's cat start before folio writes its first byte
	pid=$(cat "$bench/pid")
}

stop_reader() {
	tmx send-keys -t bench Escape Q
	sleep 0.3
	tmx kill-server 2>/dev/null || true
}

reader() {
	n=$1 store=$2
	start_reader "$store" 80 24
	"$bin/measure" watch "$bench/tty.out" 500 30000 tmux -L "$sock" -f /dev/null \
		send-keys -t bench Enter > "$bench/watch.txt"
	fig "first_screen.ms@$n" "$(field ms < "$bench/watch.txt")"
	fig "first_screen.bytes@$n" "$(field bytes < "$bench/watch.txt")"
	tmx capture-pane -p -t bench > "$bench/screen-first-$n.txt"
	grep -q '[[:alnum:]]' "$bench/screen-first-$n.txt" || die "folio drew nothing at $n (see $bench/screen-first-$n.txt)"
	fig "first_screen.peak_rss_kb@$n" "$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")"
	# what tmux itself adds to every keystroke time below (its client starting)
	"$bin/measure" run 10 tmux -L "$sock" -f /dev/null display-message -p x > "$bench/m.txt"
	fig "keys.tmux_client_ms@$n" "$(field p50_ms < "$bench/m.txt")"

	# keystrokes, in the order a reader would press them (default keys)
	press timeline_all T               # every article over time (issue 19)
	press timeline_close T
	press list_down j                  # move the selection in the list
	press list_open Enter              # open what is selected
	press list_down2 j
	press article_open Enter           # open an article
	press article_line_down j          # scroll the article a line
	press article_page_down Space      # a page down
	press article_page_down2 PgDn
	# as-you-type steps: "s" (an article has the keyboard: / would find in
	# it), the first letter of the prefix query (a whole
	# word while typing), the rest but its last character, then the last.
	# Each key draws the latest matches at once and, 350 ms after the last
	# key, the ranked ones: the steps end on a silence shorter than that, so
	# they time the first draw; the head waits for the ranked one too.
	press search_open s
	prefix=$(awk -F '\t' '$1 == "prefix" { sub(/\*$/, "", $2); print $2 }' "$bench/queries.tsv")
	rest=${prefix#?}
	quiet_ms=200
	press search_type_first -l "${prefix%"$rest"}"
	quiet_ms=5000
	press search_type_head -l "${rest%?}"
	quiet_ms=200
	press search_type_step -l "${prefix#"${prefix%?}"}"
	quiet_ms=150
	fig "reader.peak_rss_kb@$n" "$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")"
	stop_reader

	# At 40x12 (and 80x24) the article pane is the whole width, where a
	# terminal can scroll it; side by side (from 100 columns) it cannot.
	# Same keys, other figures.
	start_reader "$store" 40 12
	"$bin/measure" watch "$bench/tty.out" 500 30000 tmux -L "$sock" -f /dev/null \
		send-keys -t bench Enter > /dev/null
	press narrow.list_down j
	press narrow.list_open Enter
	press narrow.list_down2 j
	press narrow.article_open Enter
	press narrow.article_line_down j
	press narrow.article_page_down Space
	stop_reader

	# At 160x45 the article pane previews the row under the cursor, read
	# when no key is waiting: one j, and 20 j at once as a held key sends
	# them, in the list of every article and in the ranked hits of a word.
	start_reader "$store" 160 45
	"$bin/measure" watch "$bench/tty.out" 500 30000 tmux -L "$sock" -f /dev/null \
		send-keys -t bench Enter > /dev/null
	press wide.list_open Enter         # All articles: its articles under it
	press wide.list_down j             # the first article: previewed beside
	press wide.list_held20 -N 20 j
	word=$(awk -F '\t' '$1 == "common" { print $2 }' "$bench/queries.tsv")
	quiet_ms=5000
	press wide.search_word -l "/$word"
	quiet_ms=150
	press wide.hits_enter Tab
	press wide.hits_down j
	press wide.hits_held20 -N 20 j
	stop_reader
}

# import_both PATHS...: the floor, then folio, on the same files; the
# figures are kept beside the stores for FOLIO_BENCH_REUSE
import_both() {
	mark=$(wc -l < "$out")
	# warm the page cache so neither import pays for the disk first
	find "$@" -type f -exec cat {} + > /dev/null
	rm -f "$floordb" "$floordb-wal" "$floordb-shm"
	"$bin/floor" import "$floordb" "$@" > "$bench/floor.txt"
	bytes=$(field bytes < "$bench/floor.txt")
	fig "import.floor.articles_per_s@$n" "$(field articles_per_s < "$bench/floor.txt")"
	fig "import.floor.mb_per_s@$n" "$(field mb_per_s < "$bench/floor.txt")"
	fig "import.floor.seconds@$n" "$(field seconds < "$bench/floor.txt")"
	fig "import.floor.cpu_s@$n" "$(field cpu_s < "$bench/floor.txt")"

	rm -f "$store" "$store-wal" "$store-shm"
	"$bin/measure" run 1 "$FOLIO" --db "$store" import --quiet "$@" > "$bench/import.txt"
	[ "$(field status < "$bench/import.txt")" -le 1 ] || die "folio import failed at $n"
	secs=$(awk '$1 == "p50_ms" { printf "%.3f", $2 / 1000 }' "$bench/import.txt")
	stored=$("$FOLIO" --db "$store" list --copies --limit 1000000000 | wc -l)
	fig "import.folio.seconds@$n" "$secs"
	fig "import.folio.cpu_s@$n" "$(awk '$1 == "cpu_ms" { printf "%.3f", $2 / 1000 }' "$bench/import.txt")"
	fig "import.folio.articles_stored@$n" "$stored"
	fig "import.folio.articles_per_s@$n" "$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')"
	fig "import.folio.articles_per_min@$n" "$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", 60 * n / s }')"
	fig "import.folio.mb_per_s@$n" "$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.2f", b / 1e6 / s }')"
	fig "import.folio.peak_rss_kb@$n" "$(field peak_rss_kb < "$bench/import.txt")"
	fig "import.folio_over_floor@$n" "$(ratio "$(field seconds < "$bench/floor.txt")" "$secs")"
	# the same ratio by CPU time, which other work on the machine disturbs less
	fig "import.folio_over_floor_by_cpu@$n" "$(ratio "$(field "import.floor.cpu_s@$n" < "$out")" \
		"$(field "import.folio.cpu_s@$n" < "$out")")"
	fig "store.folio.mb@$n" "$(du -sm "$store" | cut -f1)"
	fig "store.floor.mb@$n" "$(du -sm "$floordb" | cut -f1)"

	# linking near duplicates into stories (issue 19): the same import
	# without it (FOLIO_NO_LINKING), its rate and the store's size
	nolink=$bench/folio-nolink-$n.db
	rm -f "$nolink" "$nolink-wal" "$nolink-shm"
	FOLIO_NO_LINKING=1 "$bin/measure" run 1 "$FOLIO" --db "$nolink" import --quiet "$@" \
		> "$bench/import.txt"
	nsecs=$(awk '$1 == "p50_ms" { printf "%.3f", $2 / 1000 }' "$bench/import.txt")
	fig "import.nolink.seconds@$n" "$nsecs"
	fig "import.nolink.cpu_s@$n" "$(awk '$1 == "cpu_ms" { printf "%.3f", $2 / 1000 }' "$bench/import.txt")"
	fig "import.nolink.articles_per_s@$n" "$(awk -v n="$n" -v s="$nsecs" 'BEGIN { printf "%.0f", n / s }')"
	fig "import.linking_cost_by_cpu@$n" "$(ratio "$(field "import.folio.cpu_s@$n" < "$out")" \
		"$(field "import.nolink.cpu_s@$n" < "$out")")"
	fig "import.linking_cost_by_wall@$n" "$(ratio "$secs" "$nsecs")"
	on=$(stat -c %s "$store") off=$(stat -c %s "$nolink")
	fig "store.nolink.mb@$n" "$(du -sm "$nolink" | cut -f1)"
	fig "store.linking.bytes_per_article@$n" "$(awk -v a="$on" -v b="$off" -v n="$n" 'BEGIN { printf "%.0f", (a - b) / n }')"
	fig "store.stories@$n" "$("$FOLIO" --db "$store" list --limit 1000000000 | wc -l)"
	rm -f "$nolink" "$nolink-wal" "$nolink-shm"
	tail -n +$((mark + 1)) "$out" > "$bench/import-$n.txt"
}

# ---- per size ----
first_n=
for n in $sizes; do
	[ -n "$first_n" ] || first_n=$n
	last_n=$n
	set -- $(folders "$n")
	floordb=$bench/floor-$n.db store=$bench/folio-$n.db
	if [ "${FOLIO_BENCH_REUSE:-0}" = 1 ] && [ -s "$bench/import-$n.txt" ]; then
		echo "# reusing the stores and import figures of an earlier run at $n" >&2
		while read -r name value; do fig "$name" "$value"; done < "$bench/import-$n.txt"
	else
		import_both "$@"
	fi

	reader "$n" "$store"

	# search: folio's command line against the same query run bare, in a
	# process of its own (open, query, 50 rows) and inside one process
	"$bin/measure" run "$runs" "$FOLIO" --db "$store" sources > "$bench/m.txt"
	fig "search.startup.p50_ms@$n" "$(field p50_ms < "$bench/m.txt")"
	fig "search.startup.cpu_ms@$n" "$(field cpu_ms < "$bench/m.txt")"
	# the floor of start-up: a bare SQLite program printing the same sources
	"$bin/measure" run "$runs" "$bin/floor" sources "$store" > "$bench/m.txt"
	fig "search.startup_bare.p50_ms@$n" "$(field p50_ms < "$bench/m.txt")"
	fig "search.startup_bare.cpu_ms@$n" "$(field cpu_ms < "$bench/m.txt")"

	# timelines (issue 19): every article, a common word and a rare one,
	# counted from the indexes; a whole `folio timeline` process each
	for kind in all common rare; do
		word=$(awk -F '\t' -v k="$kind" '$1 == k { print $2 }' "$bench/queries.tsv")
		"$FOLIO" --db "$store" timeline $word > /dev/null
		"$bin/measure" run "$runs" "$FOLIO" --db "$store" timeline $word > "$bench/m.txt"
		fig "timeline.$kind.p50_ms@$n" "$(field p50_ms < "$bench/m.txt")"
		fig "timeline.$kind.p95_ms@$n" "$(field p95_ms < "$bench/m.txt")"
		fig "timeline.$kind.cpu_ms@$n" "$(field cpu_ms < "$bench/m.txt")"
	done
	while IFS='	' read -r kind query bare bare_folio; do
		# one run of each first, not timed, so neither side's p95 is a cold cache
		"$FOLIO" --db "$store" search --limit 50 "$query" > /dev/null
		"$bin/floor" search "$floordb" "$bare" 1 > /dev/null
		"$bin/measure" run "$runs" "$FOLIO" --db "$store" search --limit 50 "$query" > "$bench/m.txt"
		fp95=$(field p95_ms < "$bench/m.txt")
		fig "search.$kind.folio.p50_ms@$n" "$(field p50_ms < "$bench/m.txt")"
		fig "search.$kind.folio.p95_ms@$n" "$fp95"
		fig "search.$kind.folio.hits@$n" "$("$FOLIO" --db "$store" search --limit 50 "$query" | wc -l)"
		"$bin/measure" run "$runs" "$bin/floor" search "$floordb" "$bare" 1 > "$bench/m.txt"
		bp95=$(field p95_ms < "$bench/m.txt")
		fig "search.$kind.bare_process.p50_ms@$n" "$(field p50_ms < "$bench/m.txt")"
		fig "search.$kind.bare_process.p95_ms@$n" "$bp95"
		"$bin/floor" search "$floordb" "$bare" "$runs" > "$bench/m.txt"
		fig "search.$kind.bare_inprocess.p95_ms@$n" "$(field p95_ms < "$bench/m.txt")"
		"$bin/floor" search "$store" "$bare_folio" "$runs" articles_fts > "$bench/m.txt" 2>/dev/null &&
			fig "search.$kind.bare_on_folio_index.p95_ms@$n" "$(field p95_ms < "$bench/m.txt")"
		fig "search.$kind.folio_over_bare_p95@$n" "$(ratio "$fp95" "$bp95")"
	done < "$bench/queries.tsv"
done

# ---- growth from the smallest N to the largest ----
growth() {
	a=$(field "$1@$first_n" < "$out") b=$(field "$1@$last_n" < "$out")
	fig "growth.$1.${last_n}_over_$first_n" "$(ratio "$b" "$a")"
}
if [ "$first_n" != "$last_n" ]; then
	growth first_screen.ms
	growth first_screen.peak_rss_kb
	growth import.folio.peak_rss_kb
	growth import.folio.articles_per_s
fi
# ---- beside newsboat, on the same feeds (only when it is installed) ----
nb_items=${FOLIO_BENCH_NEWSBOAT:-20000}
if [ "$nb_items" != 0 ]; then
	FOLIO=$FOLIO FOLIO_BENCH_DIR=$bench FOLIO_BENCH_SEED=$seed sh "$here/newsboat.sh" "$nb_items" |
		tee -a "$out"
else
	echo "# newsboat: not run (FOLIO_BENCH_NEWSBOAT=0)" >&2
fi
# ---- a feed and an export of 1 GB (slow: only when asked for) ----
if [ -n "${FOLIO_BENCH_BIG_MB:-}" ]; then
	FOLIO=$FOLIO FOLIO_BENCH_DIR=$bench sh "$here/big.sh" "$FOLIO_BENCH_BIG_MB" | tee -a "$out"
else
	echo "# big: not run (FOLIO_BENCH_BIG_MB=1024 imports a 1 GB feed and a 1 GB export)" >&2
fi
fig machine.loadavg_at_end "$(cut -d' ' -f1 /proc/loadavg)"
echo "# figures kept in $out" >&2
