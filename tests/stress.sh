#!/bin/sh
# tests/stress.sh: is the suite stable on a busy machine?  Runs the README's
# test command (make -j2 check) N times in a configured build tree while
# every core is kept busy by another process (stress-ng --cpu when it is
# installed, else a busy loop of our own per core), and says how many runs
# passed.  The log of each failed run is kept.
#
#   tests/stress.sh [N]        from the build tree; N defaults to 10
#
# Prints a line per run ("run 3 of 10: passed in 215 s") and at the end
# "K of N runs passed"; exits 0 only when all did.  One loaded run takes
# about as long as the suite takes on a machine with half its cores.
set -u
runs=${1:-10}
[ -f Makefile ] || { echo "stress.sh: run it from a configured build tree" >&2; exit 2; }
make=${MAKE:-make}
cores=$(nproc 2>/dev/null || echo 2)
keep=${TMPDIR:-/tmp}/folio-stress.$$
mkdir -p "$keep"

# The load: one busy process per core, ended when this script ends.
load_pids=
if command -v stress-ng >/dev/null 2>&1; then
	stress-ng --cpu "$cores" --quiet &
	load_pids=$!
	echo "load: stress-ng --cpu $cores"
else
	i=0
	while [ "$i" -lt "$cores" ]; do
		sh -c 'while :; do :; done' &
		load_pids="$load_pids $!"
		i=$((i + 1))
	done
	echo "load: $cores busy loops (stress-ng is not installed)"
fi
trap 'kill $load_pids 2>/dev/null' EXIT
trap 'exit 130' INT TERM

"$make" -j2 >/dev/null 2>&1 || { echo "stress.sh: the build failed" >&2; exit 2; }
passed=0
n=1
while [ "$n" -le "$runs" ]; do
	start=$(date +%s)
	"$make" -j2 check >"$keep/run-$n.log" 2>&1
	rc=$?
	took=$(($(date +%s) - start))
	summary=$(sed -n 's/^# \(PASS\|FAIL\|ERROR\): *\([0-9]*\)/\1 \2/p' "$keep/run-$n.log" | tr '\n' ' ')
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
		echo "run $n of $runs: passed in $took s ($summary)"
		rm -f "$keep/run-$n.log"
	else
		cp test-suite.log "$keep/run-$n.test-suite.log" 2>/dev/null
		echo "run $n of $runs: FAILED in $took s ($summary); logs in $keep"
		grep -E '^(FAIL|ERROR):' "$keep/run-$n.log" | sed 's/^/    /'
	fi
	n=$((n + 1))
done
echo "$passed of $runs runs passed"
[ "$passed" = "$runs" ] && rmdir "$keep" 2>/dev/null
[ "$passed" = "$runs" ]
