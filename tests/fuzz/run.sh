#!/bin/sh
# make fuzz: build each libFuzzer target with clang (ASan + UBSan), seed its
# corpus from our own samples, and run it for FUZZ_SECONDS (default 600).
# A finding is copied into tests/fuzz/regress/TARGET/ in the source tree, so
# `make check` replays it with the plain build until it is fixed, and kept
# there for good after.  Exits 1 when any target found something.
#
# Environment (set by the Makefile): top_srcdir, top_builddir, FUZZ_CC,
# FUZZ_CFLAGS, FUZZ_LIBS, FUZZ_SECONDS, FUZZ_TARGETS.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
cc=${FUZZ_CC:-clang}
seconds=${FUZZ_SECONDS:-600}
targets=${FUZZ_TARGETS:-extract query display}
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
out=$top_builddir/tests/fuzz/work
status=0

command -v "$cc" >/dev/null || { echo "fuzz: $cc not found (libFuzzer needs clang)" >&2; exit 2; }
for t in $targets; do
	case $t in
	extract) max_len=65536 ;;
	display) max_len=16384 ;;
	*) max_len=4096 ;;
	esac
	mkdir -p "$out/$t/corpus" "$out/$t/findings"
	bin=$out/$t/fuzz_$t
	# All of folio but main(), instrumented: the linker needs every symbol
	# the compiled files name, and listing only some would break as modules split.
	sources=$(ls "$top_srcdir"/src/*.c | grep -v '/main\.c$\|/default_keys\.c$\|/demo_articles\.c$')
	if ! $cc $flags -I"$top_srcdir/include" -I"$top_builddir" \
		${FUZZ_CFLAGS:-} $sources "$top_builddir/src/default_keys.c" "$top_builddir/src/demo_articles.c" \
		"$top_srcdir/tests/fuzz/fuzz_$t.c" -o "$bin" ${FUZZ_LIBS:-}; then
		echo "fuzz: building fuzz_$t failed" >&2
		exit 2
	fi
	for seed in "$top_srcdir"/tests/data/articles/*.txt "$top_srcdir"/tests/data/extract/*.txt \
		"$top_srcdir"/tests/data/html/*.html "$top_srcdir"/tests/data/feeds/*.[arx][tdsm]* \
		"$top_srcdir/tests/fuzz/seeds/$t"/* "$top_srcdir/tests/fuzz/regress/$t"/*; do
		[ -f "$seed" ] && cp "$seed" "$out/$t/corpus/"
	done
	echo "fuzz: $t for $seconds s"
	"$bin" -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 \
		-artifact_prefix="$out/$t/findings/" "$out/$t/corpus" >"$out/$t/log" 2>&1
	rc=$?
	tail -n 12 "$out/$t/log"
	for f in "$out/$t/findings"/*; do
		[ -f "$f" ] || continue
		mkdir -p "$top_srcdir/tests/fuzz/regress/$t"
		cp "$f" "$top_srcdir/tests/fuzz/regress/$t/"
		echo "fuzz: $t found $(basename "$f"): now in tests/fuzz/regress/$t/" >&2
		status=1
	done
	[ "$rc" = 0 ] || status=1
done
exit $status
