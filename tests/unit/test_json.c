/*
 * test_json: folio's JSON reader and writer, on good, odd and broken input.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "folio/json.h"
#include "tap.h"

/* The text of the JSON string literal lit (with its quotes), or NULL. */
static char *string_of(const char *lit, bool strict, const char **reason)
{
	const char *p = lit + 1;
	return folio_json_string(&p, lit + strlen(lit), strict, reason);
}

static void test_strings(void)
{
	const char *reason;
	char *s;

	s = string_of("\"plain\"", true, &reason);
	is_str(s, "plain", "a plain string");
	free(s);
	s = string_of("\"a\\\"b\\\\c\\/d\\n\\t\"", true, &reason);
	is_str(s, "a\"b\\c/d\n\t", "the short escapes");
	free(s);
	s = string_of("\"caf\\u00e9 \\u65e5\"", true, &reason);
	is_str(s, "caf\xc3\xa9 \xe6\x97\xa5", "\\u escapes become UTF-8");
	free(s);
	s = string_of("\"\\ud83d\\ude00\"", true, &reason);
	is_str(s, "\xf0\x9f\x98\x80", "a surrogate pair is one character");
	free(s);
	s = string_of("\"x\\ud800y\"", true, &reason);
	is_str(s, "x\xef\xbf\xbdy", "a lone surrogate becomes U+FFFD");
	free(s);

	s = string_of("\"line\nbreak\"", true, &reason);
	ok(!s && reason, "strict: a raw newline is refused (%s)", reason ? reason : "");
	s = string_of("\"line\nbreak\"", false, &reason);
	is_str(s, "line\nbreak", "lenient: a raw newline is kept");
	free(s);
	s = string_of("\"\\q\"", true, &reason);
	ok(!s && reason, "strict: an unknown escape is refused");
	s = string_of("\"\\q\"", false, &reason);
	is_str(s, "q", "lenient: an unknown escape is the character");
	free(s);
	s = string_of("\"\\u12\"", false, &reason);
	ok(!s && reason, "a short \\u escape is refused even leniently");
	s = string_of("\"never ends", true, &reason);
	ok(!s && reason && strstr(reason, "never ends"), "an unterminated string is refused");
	s = string_of("\"ends in a backslash\\", true, &reason);
	ok(!s && reason, "a string ending in a backslash is refused");
}

struct seen {
	int objects;
	char titles[8][64];
	int nulls;
};

static int collect(void *ctx, const struct folio_json_member *m, size_t n)
{
	struct seen *seen = ctx;
	const char *title = folio_json_get(m, n, "title");
	if (seen->objects < 8)
		snprintf(seen->titles[seen->objects], sizeof seen->titles[0], "%s", title ? title : "(null)");
	if (folio_json_has(m, n, "byline") && !folio_json_get(m, n, "byline"))
		seen->nulls++;
	seen->objects++;
	return 0;
}

static int walk(const char *text, struct seen *seen, const char **reason)
{
	memset(seen, 0, sizeof *seen);
	return folio_json_objects(text, strlen(text), collect, seen, reason);
}

static int stop_at_second(void *ctx, const struct folio_json_member *m, size_t n)
{
	(void)m;
	(void)n;
	return ++*(int *)ctx == 2 ? 7 : 0;
}

static void test_objects(void)
{
	struct seen seen;
	const char *reason;

	is_int(walk(" [ ] ", &seen, &reason), 0, "an empty array is fine");
	is_int(seen.objects, 0, "and has no objects");
	is_int(walk("[{\"title\": \"A\", \"byline\": null, \"id\": 3, \"read\": false},\n"
	            " {\"title\": \"B\\u00e9\", \"n\": -1.5e3, \"ok\": true}]\n", &seen, &reason),
	       0, "flat objects with every kind of value");
	is_int(seen.objects, 2, "both objects are passed");
	is_str(seen.titles[0], "A", "the first title");
	is_str(seen.titles[1], "B\xc3\xa9", "the second title, unescaped");
	is_int(seen.nulls, 1, "null is present but has no value");

	static const char *const bad[] = {
		"", "{}", "[", "[{]", "[{\"a\" 1}]", "[{\"a\": 1,}]", "[{\"a\": [1]}]",
		"[{\"a\": {\"b\": 1}}]", "[{\"a\": nul}]", "[{\"a\": 1}] x", "[{\"a\": 1} {\"b\": 2}]",
		"[1, 2]", "[{a: 1}]", "[{\"a\": \"x\x01\"}]",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = walk(bad[i], &seen, &reason);
		ok(rc == 1 && reason, "refused: [%s] (%s)", bad[i], reason ? reason : "no reason");
	}

	int count = 0;
	is_int(folio_json_objects("[{}, {}, {}]", 12, stop_at_second, &count, &reason), 7,
	       "a callback's non-zero return stops the walk and is returned");
	is_int(count, 2, "no object after the stop is passed");

	/* The reader never reads past len, even without a terminator. */
	char cut[] = "[{\"title\": \"abc\"}]";
	memset(&seen, 0, sizeof seen);
	is_int(folio_json_objects(cut, 12, collect, &seen, &reason), 1, "a cut text is refused");
}

static void test_writer(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	folio_json_put_string(f, "q\"b\\n\nt\tc\x01" "e\x1b[2J");
	fputc(' ', f);
	folio_json_put_string(f, NULL);
	fclose(f);
	is_str(buf, "\"q\\\"b\\\\n\\nt\\tce[2J\" null",
	       "quotes, backslashes, newline and tab escaped; controls and ESC cleaned away");
	free(buf);

	/* What the writer writes, the reader reads back. */
	const char *original = "caf\xc3\xa9 \"quoted\" \\ back\nslash \xf0\x9f\x98\x80";
	f = open_memstream(&buf, &len);
	fputs("[{", f);
	folio_json_put_field(f, "title", original, true);
	fputs("}]", f);
	fclose(f);
	struct seen seen = { 0 };
	const char *reason;
	is_int(folio_json_objects(buf, len, collect, &seen, &reason), 0, "written JSON reads back");
	is_str(seen.titles[0], original, "and the text is the same");
	free(buf);
}

int main(void)
{
	test_strings();
	test_objects();
	test_writer();
	return tap_done();
}
