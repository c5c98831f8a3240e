#!/bin/sh
# extract-seeds.sh: `folio extract --json` on the shared seed pages, scored by
# the shared scorer, must be perfect: every field exact, every body starting
# and ending right, no furniture leaked.
. "$top_srcdir/tests/lib.sh"

[ -d "$SHARED/seeds" ] || skip_all "no shared seeds beside the source tree ($SHARED/seeds)"
[ -x "$SHARED/tools/score-extract" ] || skip_all "no shared scorer ($SHARED/tools/score-extract)"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed by the scorer"

ok "folio extract --json runs on the seeds" \
	sh -c '"$1" extract --json "$2"/seeds/*.txt > "$3"/pred.json' sh "$FOLIO" "$SHARED" "$TMP"
ok "the output is a JSON array" grep -q '^ *\[' "$TMP/pred.json"
"$SHARED/tools/score-extract" "$SHARED/seeds/gold.json" "$TMP/pred.json" > "$TMP/score" 2>&1
sed 's/^/# /' "$TMP/score"
score=$(cat "$TMP/score")

for field in source title byline date dateline; do
	like "$field exact match 1.000" "$score" "^ *$field +exact match 1\.000 "
done
like "all five fields exact" "$score" "fields +exact match 1\.000"
like "bodies start and end right" "$score" "body starts with body_first ([0-9]+)/\1, ends with body_last ([0-9]+)/\2$"
like "no junk leaked" "$score" "junk lines leaked into body 0/[0-9]+"
done_testing
