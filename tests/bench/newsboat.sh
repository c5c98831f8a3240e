#!/bin/sh
# newsboat.sh: folio beside newsboat on the same feeds (issue 17).  run.sh
# runs it when newsboat is installed; or run it alone:
#
#   tests/bench/newsboat.sh [ITEMS [FEEDS]]      default 20000 items, 20 feeds
#
# `gencorpus -r` writes ITEMS items of about 5 kB (the bench's vocabulary)
# into FEEDS RSS files, kept in $FOLIO_BENCH_DIR.  Then, in the same run and
# on the same files:
#   fill: `folio import` of the files into a fresh store against `newsboat
#     -x reload` of file:// URLs to them into a fresh cache: CPU (user +
#     sys), wall, peak RSS, and the bytes of the store or cache per item;
#   first screen: each in a private tmux server at 80x24, from the exec to
#     the last byte written before its first full screen showed (folio's
#     source list and counts, newsboat's feed list and title): wall, CPU
#     (of every thread) and peak RSS;
#   search: the bench's rare and common words (gencorpus -q) typed at each
#     one's `/`, from the feed or source list.  newsboat searches when Enter
#     is pressed; folio as the word is typed (the latest matches first) and
#     again, ranked, when typing pauses for 350 ms.  Wall to the list drawn,
#     the CPU the search took, and the hits each reported.
# Screens are waited for by their text, never by a fixed time.  newsboat
# runs with HOME, the XDG directories, -C, -u and -c in a directory of its
# own, so nothing touches the user's files.  It is a comparison only: when
# newsboat is not installed this says so in one line and exits 0.
#
# Environment: FOLIO, NEWSBOAT (default newsboat), FOLIO_BENCH_DIR,
# FOLIO_BENCH_SEED (1), CC, CFLAGS.  Prints "name value" lines.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top_builddir=${top_builddir:-$(cd "$here/../.." && pwd)}
FOLIO=${FOLIO:-$top_builddir/src/folio}
NEWSBOAT=${NEWSBOAT:-newsboat}
bench=${FOLIO_BENCH_DIR:-${TMPDIR:-/tmp}/folio-bench}
seed=${FOLIO_BENCH_SEED:-1}
items=${1:-20000}
nfeeds=${2:-20}
LC_ALL=C.UTF-8
export LC_ALL
unset FOLIO_DB

if ! command -v "$NEWSBOAT" > /dev/null 2>&1; then
	echo "# newsboat: not installed, so no side-by-side with it (apt-get install newsboat)" >&2
	exit 0
fi
die() { echo "newsboat.sh: $*" >&2; exit 1; }
[ -x "$FOLIO" ] || die "no folio binary at $FOLIO (build it, or set FOLIO)"
command -v tmux > /dev/null || die "tmux is needed for the screen benchmarks"
case $items$nfeeds in *[!0-9]*) die "ITEMS and FEEDS are numbers" ;; esac

mkdir -p "$bench/bin"
bin=$bench/bin
${CC:-cc} ${CFLAGS:--O2} -std=c11 -o "$bin/gencorpus" "$here/gencorpus.c" -lm || die "cannot build gencorpus"
${CC:-cc} ${CFLAGS:--O2} -std=c11 -o "$bin/measure" "$here/measure.c" || die "cannot build measure"
field() { awk -v k="$1" '$1 == k { print $2 }'; }
n=$items
fig() { printf '%s %s\n' "newsboat_side.$1@$n" "$2"; }

# ---- the feeds: named by the generator's checksum, so a changed one starts afresh ----
feeds=$bench/feeds-s$seed-$nfeeds-$items-$(cksum < "$here/gencorpus.c" | cut -d' ' -f1)
if [ ! -d "$feeds" ]; then
	echo "# writing $items items in $nfeeds feeds to $feeds" >&2
	rm -rf "$feeds.tmp"
	"$bin/gencorpus" -s "$seed" -r "$nfeeds" "$items" "$feeds.tmp"
	mv "$feeds.tmp" "$feeds"
fi
"$bin/gencorpus" -s "$seed" -q > "$bench/queries.tsv"
work=$bench/newsboat-$items
rm -rf "$work"
mkdir -p "$work/home"
store=$work/folio.db cache=$work/cache.db
for f in "$feeds"/*.xml; do echo "file://$f"; done > "$work/urls"
# no search history written (it would be the only file outside $work's cache)
echo 'history-limit 0' > "$work/config"
# newsboat as every step runs it (a script that execs it, so it keeps the pid)
nb=$work/newsboat
cat > "$nb" <<EOF
#!/bin/sh
HOME='$work/home' XDG_CONFIG_HOME='$work/home/.config' XDG_DATA_HOME='$work/home/.local/share'
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
exec '$(command -v "$NEWSBOAT")' -C '$work/config' -u '$work/urls' -c '$cache' "\$@"
EOF
chmod +x "$nb"
# bytes of a store and the files SQLite keeps beside it
bytes() { cat "$1" "$1-wal" "$1-journal" 2>/dev/null | wc -c; }

fig newsboat.version "$("$nb" -v 2>/dev/null | head -1 | cut -d' ' -f2)"
fig feeds "$nfeeds"
input=$(cat "$feeds"/*.xml | wc -c)  # and the page cache warm for both
fig input.bytes_per_item "$((input / items))"

# ---- fill ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }
# fill NAME CMD...: CMD once, into a fresh store; $cpu_s kept for the ratios
fill() {
	name=$1; shift
	"$bin/measure" run 1 "$@" > "$work/m.txt"
	[ "$(field status < "$work/m.txt")" -eq 0 ] || die "$name failed to fill its store"
	cpu_s=$(awk '$1 == "cpu_ms" { printf "%.1f", $2 / 1000 }' "$work/m.txt")
	fig "fill.$name.cpu_s" "$cpu_s"
	fig "fill.$name.wall_s" "$(awk '$1 == "p50_ms" { printf "%.1f", $2 / 1000 }' "$work/m.txt")"
	fig "fill.$name.peak_rss_kb" "$(field peak_rss_kb < "$work/m.txt")"
}
fill folio "$FOLIO" --db "$store" import --quiet "$feeds"/*.xml
stored=$("$FOLIO" --db "$store" list --copies --limit 1000000000 | wc -l)
fig fill.folio.items "$stored"
folio_cpu=$cpu_s folio_bytes=$(($(bytes "$store") / stored))
fig fill.folio.bytes_per_item "$folio_bytes"

fill newsboat "$nb" -x reload
stored=$("$nb" -x print-unread | awk '{ print $1 }')  # all are unread: every item
case $stored in '' | *[!0-9]* | 0) die "newsboat stored nothing (print-unread: $stored)" ;; esac
fig fill.newsboat.items "$stored"
fig fill.newsboat.bytes_per_item "$(($(bytes "$cache") / stored))"
fig fill.folio_over_newsboat_by_cpu "$(ratio "$folio_cpu" "$cpu_s")"
fig fill.folio_over_newsboat_bytes "$(ratio "$folio_bytes" "$(($(bytes "$cache") / stored))")"

# ---- the screens: each program in a tmux server of its own ----
sock=folio-newsboat-$$
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tmx kill-server 2>/dev/null || true' EXIT
trap 'exit 1' INT TERM HUP PIPE
now() { date +%s.%N; }
# CPU ms of every thread of $pid so far (the kernel's schedstat, ns)
cpu_ms() { cat /proc/"$pid"/task/*/schedstat | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }'; }
cpu_since() { awk -v a="$c0" -v b="$(cpu_ms)" 'BEGIN { printf "%.0f", b - a }'; }
rss_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$pid/status"; }
# wait_for ERE: the screen's text until a line matches (it is kept in
# $work/screen.txt); fails after 10 minutes
wait_for() {
	deadline=$(($(date +%s) + 600))
	until tmx capture-pane -p -t bench > "$work/screen.txt" && grep -Eq "$1" "$work/screen.txt"; do
		[ "$(date +%s)" -lt "$deadline" ] || die "gave up waiting for /$1/ (see $work/screen.txt)"
		sleep 0.02
	done
}
# ms from $t0 to the last byte the program wrote (pipe-pane's copy's mtime)
since() { awk -v a="$t0" -v b="$(stat -c %.9Y "$work/tty.out")" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }

# start NAME CMD: CMD in a new tmux server at 80x24, held before its exec
# until the pipe-pane copy of its terminal is known to be written; then
# timed from the go to the first screen, which shows FIRST (an ERE)
start() {
	rm -f "$work/pid"
	: > "$work/tty.out"
	tmx new-session -d -s bench -x 80 -y 24 "sh '$here/launch.sh' '$work/pid' $2"
	tmx pipe-pane -o -t bench "cat >> '$work/tty.out'"
	i=0
	until [ -s "$work/pid" ]; do
		[ $((i += 1)) -lt 500 ] || die "$1 did not start in tmux"
		sleep 0.02
	done
	pid=$(cat "$work/pid")
	# launch.sh reads its go: a byte typed there is echoed, so once the copy
	# holds it, pipe-pane's cat is running
	tmx send-keys -t bench -l x
	until [ -s "$work/tty.out" ]; do sleep 0.02; done
	c0=$(cpu_ms) t0=$(now)
	tmx send-keys -t bench Enter
	wait_for "$3"
	fig "first_screen.$1.ms" "$(since)"
	fig "first_screen.$1.cpu_ms" "$(cpu_since)"
	fig "first_screen.$1.peak_rss_kb" "$(rss_kb)"
	cp "$work/screen.txt" "$work/screen-first-$1.txt"
}

stop() {
	tmx kill-server 2>/dev/null || true
	while kill -0 "$pid" 2> /dev/null; do sleep 0.02; done
}

rare=$(awk -F '\t' '$1 == "rare" { print $2 }' "$bench/queries.tsv")
common=$(awk -F '\t' '$1 == "common" { print $2 }' "$bench/queries.tsv")

# folio: its source list, then / and each word typed at once, as a paste
start folio "'$FOLIO' --db '$store'" 'articles in [0-9]+ sources'
for kind in rare common; do
	eval word=\$$kind
	tmx send-keys -t bench /
	wait_for 'Type to search every article'
	c0=$(cpu_ms) t0=$(now)
	tmx send-keys -t bench -l "$word"
	wait_for 'match(es)?, (latest|best) first'
	# the ranked list follows 350 ms after the last key: if it was already
	# there, the first draw was not seen on its own
	if grep -q 'latest first' "$work/screen.txt"; then
		fig "search.$kind.folio.latest_ms" "$(since)"
	else
		fig "search.$kind.folio.latest_ms" -
	fi
	wait_for 'match(es)?, best first'
	fig "search.$kind.folio.ranked_ms" "$(since)"
	fig "search.$kind.folio.cpu_ms" "$(cpu_since)"
	fig "search.$kind.folio.hits" "$(sed -n 's/^ *\([0-9][0-9]*+\{0,1\}\) articles\{0,1\} match.*/\1/p' "$work/screen.txt" | head -1)"
	cp "$work/screen.txt" "$work/screen-search-$kind-folio.txt"
	tmx send-keys -t bench Escape
	wait_for 'articles in [0-9]+ sources'
done
fig reader.folio.peak_rss_kb "$(rss_kb)"
stop

# newsboat: its feed list, then / WORD Enter; q goes back to the feeds
start newsboat "'$nb'" 'Your feeds \([0-9]+ unread, [0-9]+ total\)'
for kind in rare common; do
	eval word=\$$kind
	tmx send-keys -t bench /
	wait_for '^Search for: *$'
	tmx send-keys -t bench -l "$word"
	wait_for "^Search for: $word"
	c0=$(cpu_ms) t0=$(now)
	tmx send-keys -t bench Enter
	wait_for 'Search results \([0-9]+ unread, [0-9]+ total\)'
	fig "search.$kind.newsboat.ms" "$(since)"
	fig "search.$kind.newsboat.cpu_ms" "$(cpu_since)"
	fig "search.$kind.newsboat.hits" "$(sed -n 's/.*Search results ([0-9]* unread, \([0-9]*\) total).*/\1/p' "$work/screen.txt")"
	cp "$work/screen.txt" "$work/screen-search-$kind-newsboat.txt"
	tmx send-keys -t bench q
	wait_for 'Your feeds \('
done
fig reader.newsboat.peak_rss_kb "$(rss_kb)"
stop
echo "# the side-by-side's stores, cache and screens are in $work" >&2
