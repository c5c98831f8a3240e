#!/bin/sh
# feeds.sh: every entry folio reads from our sample feeds (tests/data/feeds)
# against what the feed itself says, read by Python's own XML parser: the
# same number of entries, the same titles (markup and scripts left out, the
# entry's own <title> before media:title) and the same dates.  Then the
# store: an entry is known by its id, so five entries with the same text
# and five ids are five articles, and nothing libxml2 says reaches stderr.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 reads the feeds for the comparison"
feeds="$top_srcdir/tests/data/feeds"

for f in "$feeds"/*.rss "$feeds"/*.atom "$feeds"/*.rdf "$feeds"/*.xml; do
	name=$(basename "$f")
	# the hostile ones (entity bombs, external entities) have tests of their own
	grep -q '^no_article:' "${f%.*}.expect" 2>/dev/null && continue
	grep -q '<!ENTITY' "$f" && continue
	"$FOLIO" extract --json "$f" >"$TMP/got.json" 2>"$TMP/err"
	is "$name: nothing on stderr" "$(cat "$TMP/err")" ""
	ok "$name: every entry as the feed says" python3 - "$f" "$TMP/got.json" <<'PY'
import codecs, email.utils, html, json, re, sys
import xml.etree.ElementTree as ET

raw = open(sys.argv[1], "rb").read()
# The encoding: a BOM, the zero bytes around '<' (XML 1.0 appendix F), the
# declaration, else UTF-8 or, failing that, Windows-1252.
for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                 (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                 (codecs.BOM_UTF16_BE, "utf-16-be")):
    if raw.startswith(bom):
        text = raw[len(bom):].decode(enc)
        break
else:
    head = raw[:4]
    forms = {b"<\0\0\0": "utf-32-le", b"\0\0\0<": "utf-32-be", b"<\0?\0": "utf-16-le", b"\0<\0?": "utf-16-be"}
    if head in forms:
        text = raw.decode(forms[head])
    else:
        m = re.match(rb'<\?xml[^>]*encoding="([^"]+)"', raw)
        try:
            text = raw.decode(m.group(1).decode() if m else "utf-8")
        except UnicodeDecodeError:
            text = raw.decode("windows-1252")
text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
root = ET.fromstring(text)

ATOM = ("{http://www.w3.org/2005/Atom}", "{http://purl.org/atom/ns#}")
RSS1 = "{http://purl.org/rss/1.0/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
XHTML = "{http://www.w3.org/1999/xhtml}"

def local(tag):
    return tag.rsplit("}", 1)[-1]

def words(s):
    return re.sub(r"\s+", " ", s or "").strip()

def flat(el):
    """The text a reader sees: markup and scripts left out."""
    if el is None:
        return ""
    kind = (el.get("type") or "").lower()
    if "xhtml" in kind or "xml" in kind:
        parts = []
        def walk(e):
            if local(e.tag) == "script":
                if e.tail: parts.append(e.tail)
                return
            if e.text: parts.append(e.text)
            for c in e: walk(c)
            if e.tail and e is not el: parts.append(e.tail)
        walk(el)
        return words("".join(parts))
    s = "".join(el.itertext())
    if "html" in kind:
        s = re.sub(r"(?is)<script.*?</script>", "", s)
        s = html.unescape(re.sub(r"<[^>]+>", "", s))
    return words(s)

entries = [e for e in root.iter() if local(e.tag) in ("item", "entry")]
def own(entry, name):
    for c in entry:
        if local(c.tag) == name and not c.tag.startswith(MEDIA):
            return c
    return None

def media_title(entry):
    for c in entry.iter(MEDIA + "title"):
        return c
    return None

def date_of(entry):
    for name in ("pubDate", "published", "issued", "created", "date", "updated", "modified"):
        el = own(entry, name)
        if el is None:
            continue
        s = words(el.text)
        m = re.match(r"(\d{4}-\d{2}-\d{2})", s)
        if m:
            return m.group(1)
        t = email.utils.parsedate_tz(s)
        if t:
            return "%04d-%02d-%02d" % t[:3]
    return None

want = []
for e in entries:
    title = flat(own(e, "title")) or flat(media_title(e)) or None
    want.append((title, date_of(e)))
got = [(r["title"], r["date"]) for r in json.load(open(sys.argv[2]))]
if got != want:
    print("feed says:", want)
    print("folio read:", got)
    sys.exit(1)
PY
done

# Five entries, five ids, one text: five articles.
db="$TMP/store.db"
out=$("$FOLIO" --db "$db" import "$feeds/same-text-ids.rss" 2>&1)
like "five ids with the same text are five articles" "$out" "^imported 5 new, 0 updated, 0 unchanged, 0 skipped$"
out=$("$FOLIO" --db "$db" import "$feeds/same-text-ids.rss" 2>&1)
like "and importing the feed again adds nothing" "$out" "^imported 0 new, 0 updated, 5 unchanged, 0 skipped$"
is "the store holds five" "$("$FOLIO" --db "$db" list | wc -l | tr -d ' ')" 5
done_testing
