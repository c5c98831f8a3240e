#!/bin/sh
# extract-corpus.sh: `folio extract --json` on the 160 real scraped pages of
# ../shared/corpus/pages, scored by the shared scorer against the 50 that
# are labelled.  Each figure must stay at or above what extraction reached
# when this test was written (the floors below); every labelled page must
# keep 90% of its body's words (no article cut short); pages that hold no
# article are skipped with a reason, and no labelled page is skipped.
. "$top_srcdir/tests/lib.sh"

corpus="$SHARED/corpus"
[ -f "$corpus/pages-gold.json" ] || skip_all "no shared corpus beside the source tree ($corpus)"
[ -x "$SHARED/tools/score-extract" ] || skip_all "no shared scorer ($SHARED/tools/score-extract)"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed by the scorer"

python3 -c 'import json, sys
for g in json.load(open(sys.argv[1])): print(g["file"])' "$corpus/pages-gold.json" >"$TMP/labelled"
(cd "$corpus/pages" && ls) >"$TMP/all"

ok "folio extract --json runs on the 160 pages" \
	sh -c 'cd "$2" && "$1" extract --json $(cat "$3") >"$4/pred.json" 2>"$4/skipped"; [ $? -le 1 ]' \
	sh "$FOLIO" "$corpus/pages" "$TMP/all" "$TMP"
"$SHARED/tools/score-extract" "$corpus/pages-gold.json" "$TMP/pred.json" >"$TMP/score" 2>&1
sed 's/^/# /' "$TMP/score"

# figure NAME REGEX-WITH-ONE-GROUP: the number the scorer printed
figure() {
	sed -n "s|$1|\\1|p" "$TMP/score" | head -n 1
}
# at_least NAME GOT FLOOR
at_least() {
	ok "$1: $2 >= $3" awk -v got="$2" -v floor="$3" 'BEGIN { exit !(got != "" && got + 0 >= floor + 0) }'
}
# at_most NAME GOT CEILING
at_most() {
	ok "$1: $2 <= $3" awk -v got="$2" -v top="$3" 'BEGIN { exit !(got != "" && got + 0 <= top + 0) }'
}

for field in source title byline date dateline; do
	recall=$(figure "^ *$field .* recall \\([0-9.]*\\) .*")
	precision=$(figure "^ *$field .* precision \\([0-9.]*\\) .*")
	case $field in
	source) r=0.88 p=1.00 ;;
	title) r=0.90 p=0.75 ;;
	byline) r=0.85 p=1.00 ;;
	date) r=0.75 p=1.00 ;;
	dateline) r=0.90 p=1.00 ;;
	esac
	at_least "$field recall" "$recall" "$r"
	at_least "$field precision" "$precision" "$p"
done
at_least "body token recall (mean)" "$(figure '^ *body tokens .* R \([0-9.]*\) .*')" 0.99
at_least "body token precision (mean)" "$(figure '^ *body tokens .* P \([0-9.]*\) .*')" 0.985
at_least "bodies starting right" "$(figure '.*body_first \([0-9]*\)/.*')" 45
at_least "bodies ending right" "$(figure '.*body_last \([0-9]*\)/.*')" 45
at_most "junk lines leaked" "$(figure '.*leaked into body \([0-9]*\)/.*')" 24

# No article cut short: every labelled page keeps 90% of its body's words,
# counted as the shared scorer counts them.
python3 - "$SHARED/tools/score-extract" "$corpus/pages-gold.json" "$TMP/pred.json" >"$TMP/short" <<'EOF'
import importlib.machinery, importlib.util, json, os, sys
loader = importlib.machinery.SourceFileLoader("score", sys.argv[1])
spec = importlib.util.spec_from_loader("score", loader)
score = importlib.util.module_from_spec(spec)
loader.exec_module(score)
pred = {os.path.basename(p["file"]): p for p in json.load(open(sys.argv[3]))}
for g in json.load(open(sys.argv[2])):
    body = pred.get(g["file"], {}).get("body")
    _, recall, _ = score.prf(score.tokens(score.norm(body) or ""), score.tokens(g["body"]))
    if recall < 0.9:
        print(f"{g['file']} keeps {recall:.2f} of its words")
EOF
is "no labelled page keeps under 90% of its body" "$(cat "$TMP/short")" ""

# Pages with no article: skipped, each named once with a reason; never a labelled page.
like "some pages are skipped as holding no article" "$(cat "$TMP/skipped")" "^folio: .*: .*not an article"
is "every skip names a file and a reason" \
	"$(grep -cv '^folio: [^:]*: ..*$' "$TMP/skipped")" 0
grep -o '^folio: [^:]*' "$TMP/skipped" | sed 's/^folio: //' | sort >"$TMP/skipped.names"
is "no labelled page is skipped" "$(sort "$TMP/labelled" | comm -12 - "$TMP/skipped.names")" ""
done_testing
