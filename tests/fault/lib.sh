# tests/fault/lib.sh: what the fault tests share (sourced after tests/lib.sh).
#
#   gen_corpus DIR N [TAG]  N article pages, written by us, each different
#   dump_store DB           every article's content, one line each, by path
#   store_sane NAME DB      TAP: integrity_check, FTS5 index and counts agree
#
# A store's content is compared through sqlite3, outside folio, so a fault
# that fooled folio's own reading would still show.

command -v sqlite3 >/dev/null || skip_all "the sqlite3 program is needed to inspect stores"

gen_corpus() {
	mkdir -p "$1"
	awk -v dir="$1" -v n="$2" -v tag="${3:-a}" 'BEGIN {
		split("Harbor Valley River Market Station Library Council School", place, " ")
		split("Courier Gazette Herald Tribune", paper, " ")
		for (i = 1; i <= n; i++) {
			f = sprintf("%s/%s-%05d.txt", dir, tag, i)
			p = place[i % 8 + 1]
			printf "The %s %s\n\n", p, paper[i % 4 + 1] > f
			printf "%s report %d of set %s on the %s works\n\n", p, i, tag, tolower(p) > f
			printf "By Dana Whitfield\n%s, March %d, 2003\n\n", "Tuesday", i % 28 + 1 > f
			for (k = 1; k <= 6; k++)
				printf "Paragraph %d of report %d (%s): the %s committee met again on Monday to argue over the cost of the works, which have run %d weeks late and now stand at %d thousand dollars, and members said they would decide next month.\n\n", k, i, tag, tolower(p), k + i % 9, i * k > f
			close(f)
		}
	}'
}

dump_store() {
	sqlite3 -separator '|' "$1" "SELECT a.path, s.name, a.title, a.byline, a.date, a.dateline, length(a.body), hex(substr(a.body, -40)), hex(a.hash) FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.path;"
}

store_sane() {
	is "$1: integrity_check" "$(sqlite3 "$2" 'PRAGMA integrity_check;' 2>&1)" "ok"
	is "$1: the FTS5 index matches the articles" \
		"$(sqlite3 "$2" "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1);" 2>&1)" ""
	is "$1: source counts match the articles" \
		"$(sqlite3 "$2" "SELECT count(*) FROM sources s WHERE total != (SELECT count(*) FROM articles a WHERE a.source_id = s.id);" 2>&1)" "0"
}
