#!/bin/sh
# extract-html.sh: `folio extract --json` on the 130 saved web pages beside
# the source tree, scored against Readability's output by tests/tools/score-html.
# Each third (the pages we tune on, and the third kept aside by a hash of the
# file name) must stay at or above the figures reached so far, and no message
# but folio's own may reach stderr.
. "$top_srcdir/tests/lib.sh"

HTML=$SHARED/corpus/html
[ -f "$SHARED/corpus/html-gold.json" ] || skip_all "no shared web pages beside the source tree ($HTML)"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed by the scorer"

(cd "$HTML" && "$FOLIO" extract --json ./*.html) >"$TMP/pred.json" 2>"$TMP/err"
ok "the output is a JSON array" python3 -c 'import json, sys; assert isinstance(json.load(open(sys.argv[1])), list)' "$TMP/pred.json"
is "every stderr line is folio's and names a page" \
	"$(grep -v '^folio: [^:]*\.html: ' "$TMP/err")" ""

# What a reader sees in the source list and the titles: no raw character
# reference in a title; no source that is a URL, a handle, a bare lowercase
# word, a tagline after "|" or a section word.
ok "no title holds a raw character reference, no source is a URL, handle, bare word, tagline or section" \
	python3 - "$TMP/pred.json" <<'PY'
import json, re, sys
bad = []
for r in json.load(open(sys.argv[1])):
    t, s = r["title"] or "", r["source"]
    if re.search(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+[0-9]*);", t):
        bad.append(("title", r["file"], t))
    if s and (re.search(r"://|^www\.|^@|\s[|]\s", s) or re.fullmatch(r"[a-z0-9-]+", s)
              or s.casefold() in ("news", "world", "u.s.", "us", "politics", "sports", "business", "home")):
        bad.append(("source", r["file"], s))
for b in bad:
    print(*b)
sys.exit(1 if bad else 0)
PY

# Sources are held a little below the figures reached: their canonical
# names come from extract's table of outlets, which grows ("Yahoo" became
# "Yahoo News"), and the gold keeps the site's own spelling, company forms
# and domain endings ("Wikimedia Foundation, Inc.", "Factorio.com").
score() {
	part=$1
	shift
	"$top_srcdir/tests/tools/score-html" "$SHARED/corpus/html-gold.json" "$TMP/pred.json" \
		--part "$part" "$@" >"$TMP/score" 2>&1
	rc=$?
	sed 's/^/# /' "$TMP/score"
	return $rc
}
ok "the pages we tune on score at least as well as before" \
	score tune --require f1=0.97 --require under=1 \
	--require title_recall=0.90 --require byline_recall=0.59 --require date_recall=0.99 \
	--require source_recall=0.72 --require source_precision=0.66
ok "the pages kept aside score at least as well as before" \
	score check --require f1=0.905 --require under=3 \
	--require title_recall=0.76 --require byline_recall=0.74 --require date_recall=0.99 \
	--require source_recall=0.75 --require source_precision=0.56
done_testing
