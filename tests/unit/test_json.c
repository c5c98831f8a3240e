/*
 * test_json: folio's JSON writer and its element-by-element array reader
 * (both on json-c), on good, odd and broken input.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "folio/json.h"
#include "tap.h"

struct seen {
	int objects;
	char titles[8][64];
	int nulls;
};

static int collect(void *ctx, json_object *item)
{
	struct seen *seen = ctx;
	size_t len;
	const char *title = folio_json_get_string(item, "title", &len);
	json_object *byline;
	if (seen->objects < 8)
		snprintf(seen->titles[seen->objects], sizeof seen->titles[0], "%s", title ? title : "(null)");
	if (json_object_object_get_ex(item, "byline", &byline) && !byline)
		seen->nulls++;
	seen->objects++;
	return 0;
}

static int walk(const char *text, struct seen *seen, const char **reason)
{
	memset(seen, 0, sizeof *seen);
	return folio_json_array_each(text, strlen(text), 1, collect, seen, reason);
}

static int stop_at_second(void *ctx, json_object *item)
{
	(void)item;
	return ++*(int *)ctx == 2 ? 7 : 0;
}

static int nul_body(void *ctx, json_object *item)
{
	size_t len = 0;
	const char *body = folio_json_get_string(item, "body", &len);
	*(int *)ctx = body && len == 3 && body[1] == '\0' && body[2] == 'b' &&
	              !folio_json_get_string(item, "title", &len);
	return 0;
}

static void test_reader(void)
{
	struct seen seen;
	const char *reason;

	is_int(walk(" [ ] ", &seen, &reason), 0, "an empty array is fine");
	is_int(seen.objects, 0, "and has no objects");
	const char *two = "[{\"title\": \"A\", \"byline\": null, \"id\": 3, \"read\": false},\n"
	                  " {\"title\": \"B\\u00e9\", \"n\": -1.5e3, \"ok\": true}]\n";
	is_int(walk(two, &seen, &reason), 0, "flat objects with every kind of value");
	is_int(seen.objects, 2, "both objects are passed");
	is_str(seen.titles[0], "A", "the first title");
	is_str(seen.titles[1], "B\xc3\xa9", "the second title, unescaped");
	is_int(seen.nulls, 1, "null is present but has no value");

	/* The same text in two pieces, cut at every byte, reads the same. */
	bool same = true;
	for (size_t cut = 0; cut <= strlen(two); cut++) {
		struct folio_json_reader r;
		memset(&seen, 0, sizeof seen);
		folio_json_reader_open(&r, 1, collect, &seen);
		int rc = folio_json_reader_feed(&r, two, cut);
		rc = rc ? rc : folio_json_reader_feed(&r, two + cut, strlen(two) - cut);
		rc = rc ? rc : folio_json_reader_close(&r);
		if (rc || seen.objects != 2 || strcmp(seen.titles[1], "B\xc3\xa9") || seen.nulls != 1) {
			same = false;
			printf("# cut at %zu: rc %d, %d objects\n", cut, rc, seen.objects);
		}
		if (rc)
			folio_json_reader_close(&r);
	}
	ok(same, "read in two pieces cut anywhere, the array is the same");

	static const char *const bad[] = {
		"", "{}", "[", "[{]", "[{\"a\" 1}]", "[{\"a\": 1,}]", "[{\"a\": [1]}]",
		"[{\"a\": {\"b\": 1}}]", "[{\"a\": nul}]", "[{\"a\": 1}] x", "[{\"a\": 1} {\"b\": 2}]",
		"[{a: 1}]", "[{\"a\": 1},]", "[{\"a\": 1} /* c */]",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = walk(bad[i], &seen, &reason);
		ok(rc == 1 && reason, "refused: %s (%s)", bad[i], reason ? reason : "no reason");
	}

	int count = 0;
	is_int(folio_json_array_each("[{}, {}, {}]", 12, 1, stop_at_second, &count, &reason), 7,
	       "a callback's non-zero return stops the walk and is returned");
	is_int(count, 2, "no object after the stop is passed");

	/* The reader never reads past len, even without a terminator. */
	char cut[] = "[{\"title\": \"abc\"}]";
	is_int(folio_json_array_each(cut, 12, 1, collect, &seen, &reason), 1, "a cut text is refused");

	/* U+0000 is text to JSON: the length says where the string ends. */
	int nul = 0;
	is_int(folio_json_array_each("[{\"body\": \"a\\u0000b\"}]", 22, 1, nul_body, &nul, &reason), 0,
	       "a string holding \\u0000 is read");
	ok(nul == 1, "its NUL is kept and its length counts past it");
}

static char *written(void (*build)(struct folio_json *), size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	struct folio_json j;
	folio_json_begin(&j);
	build(&j);
	folio_json_write(&j, f);
	fclose(f);
	return buf;
}

static void controls(struct folio_json *j)
{
	folio_json_text(j, "s", "q\"b\\n\nt\tc\x01" "e\x1b[2J /path");
	folio_json_text(j, "none", NULL);
}

static void kinds(struct folio_json *j)
{
	folio_json_int(j, "id", 42);
	folio_json_number(j, "score", 1.234567891e-6);
	folio_json_bool(j, "read", false);
	folio_json_text(j, "title", "caf\xc3\xa9");
}

static void test_writer(void)
{
	size_t len;
	char *buf = written(controls, &len);
	is_str(buf, "{ \"s\": \"q\\\"b\\\\n\\nt\\tce[2J /path\", \"none\": null }",
	       "quotes, backslashes, newline and tab escaped; controls and ESC cleaned away; / kept");
	free(buf);
	buf = written(kinds, &len);
	is_str(buf, "{ \"id\": 42, \"score\": 1.23457e-06, \"read\": false, \"title\": \"caf\xc3\xa9\" }",
	       "integers, six-digit numbers, booleans, UTF-8 kept as it is");
	free(buf);

	/* A list's layout, and what the writer writes the reader reads back. */
	const char *original = "caf\xc3\xa9 \"quoted\" \\ back\nslash \xf0\x9f\x98\x80";
	FILE *f = open_memstream(&buf, &len);
	struct folio_json_list list;
	folio_json_list_begin(&list, f);
	folio_json_list_end(&list);
	fclose(f);
	is_str(buf, "[]\n", "an empty list");
	free(buf);
	f = open_memstream(&buf, &len);
	folio_json_list_begin(&list, f);
	for (int i = 0; i < 2; i++) {
		struct folio_json j;
		folio_json_begin(&j);
		folio_json_text(&j, "title", original);
		folio_json_list_item(&list, &j);
	}
	folio_json_list_end(&list);
	fclose(f);
	ok(strncmp(buf, "[\n  { \"title\": ", 15) == 0 && strstr(buf, " },\n  { ") &&
	   strcmp(buf + len - 5, " }\n]\n") == 0, "a list: one item a line, indented");
	struct seen seen = { 0 };
	const char *reason;
	is_int(folio_json_array_each(buf, len, 1, collect, &seen, &reason), 0, "written JSON reads back");
	is_str(seen.titles[0], original, "and the text is the same");
	free(buf);
}

int main(void)
{
	test_reader();
	test_writer();
	return tap_done();
}
