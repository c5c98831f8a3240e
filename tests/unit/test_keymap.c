/*
 * test_keymap: the action table, key names, keymap files and key lookup,
 * including the shipped default.keys, vi.keys and emacs.keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/actions.h"
#include "folio/keymap.h"
#include "tap.h"

/* Every problem a load reported, kept for the assertions. */
struct reports {
	size_t n;
	char file[32][256];
	unsigned line[32];
	char reason[32][300];
};

static void collect(void *ctx, const char *file, unsigned line, const char *reason)
{
	struct reports *r = ctx;
	if (r->n < 32) {
		snprintf(r->file[r->n], sizeof r->file[0], "%s", file);
		r->line[r->n] = line;
		snprintf(r->reason[r->n], sizeof r->reason[0], "%s", reason);
	}
	r->n++;
}

static char tmpdir[] = "/tmp/folio-keymap-test.XXXXXX";

static void write_file(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

static const char *tmp_path(const char *rel)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	return path;
}

static const char *srcdir(void)
{
	const char *d = getenv("top_srcdir");
	return d && *d ? d : ".";
}

/* What seq (a KEY as written in a file) means in context. */
static enum folio_key_match lookup(const struct folio_keymap *km, unsigned context,
                                   const char *keys, enum folio_action *action)
{
	folio_key seq[FOLIO_KEY_MAX_SEQ];
	size_t n = folio_key_parse(keys, seq, FOLIO_KEY_MAX_SEQ);
	if (n == 0) {
		printf("# test bug: cannot parse %s\n", keys);
		*action = FOLIO_ACT_NONE;
		return FOLIO_KEY_UNBOUND;
	}
	return folio_keymap_lookup(km, context, seq, n, action);
}

/* The action keys are bound to in context, or NONE (also for PARTIAL). */
static enum folio_action bound(const struct folio_keymap *km, unsigned context, const char *keys)
{
	enum folio_action action;
	return lookup(km, context, keys, &action) == FOLIO_KEY_BOUND ? action : FOLIO_ACT_NONE;
}

static struct folio_keymap *default_keymap(void)
{
	struct folio_keymap *km = folio_keymap_new();
	struct reports r = { 0 };
	if (!km)
		exit(99);
	int problems = folio_keymap_load_text(km, "default.keys", folio_default_keys,
	                                      folio_default_keys_len, collect, &r);
	if (problems)
		printf("# default.keys: %s:%u: %s\n", r.file[0], r.line[0], r.reason[0]);
	return km;
}

static void test_actions(void)
{
	static const char *const names[] = {
		"down", "up", "page-down", "read-on", "page-up", "half-page-down", "half-page-up", "top",
		"bottom", "open", "back", "quit", "switch-pane", "help", "redraw", "refresh",
		"next-article", "prev-article", "next-unread", "prev-unread", "toggle-read",
		"toggle-flag", "pipe", "pager", "open-url", "mark-all-read", "delete", "tag", "copies", "more-like-this", "sort", "search", "find", "filter", "timeline", "next-match", "prev-match", "search-submit",
		"search-cancel", "history-prev", "history-next", "cursor-left", "cursor-right",
		"line-start", "line-end", "delete-back", "delete-forward", "delete-word",
		"delete-line",
	};
	const unsigned all = FOLIO_CTX_GLOBAL | FOLIO_CTX_SOURCES | FOLIO_CTX_ARTICLE |
	                     FOLIO_CTX_SEARCH;
	int seen[FOLIO_ACT_COUNT] = { 0 };
	int bad_entries = 0, dup_names = 0;

	is_int(folio_action_count, FOLIO_ACT_COUNT - 1, "the table has every action but NONE");
	for (size_t i = 0; i < folio_action_count; i++) {
		const struct folio_action_info *a = &folio_actions[i];
		size_t k;
		if (a->action <= FOLIO_ACT_NONE || a->action >= FOLIO_ACT_COUNT) {
			bad_entries++;
			continue;
		}
		seen[a->action]++;
		for (k = 0; a->name[k]; k++)
			if (!((a->name[k] >= 'a' && a->name[k] <= 'z') || a->name[k] == '-'))
				break;
		if (k == 0 || a->name[k] || a->name[0] == '-' || !a->help || !a->help[0] ||
		    strchr(a->help, '\n') || !a->contexts || (a->contexts & ~all))
			bad_entries++;
		for (size_t j = 0; j < i; j++)
			if (strcmp(folio_actions[j].name, a->name) == 0)
				dup_names++;
		if (folio_action_info(a->action) != a || folio_action_by_name(a->name) != a)
			bad_entries++;
	}
	is_int(bad_entries, 0, "every entry has a kebab-case name, help, contexts, and looks up");
	is_int(dup_names, 0, "action names are unique");
	int once = 1;
	for (int act = FOLIO_ACT_NONE + 1; act < FOLIO_ACT_COUNT; act++)
		if (seen[act] != 1) {
			printf("# action %d appears %d times\n", act, seen[act]);
			once = 0;
		}
	ok(once, "every action appears exactly once");
	is_int(sizeof names / sizeof names[0], folio_action_count, "the agreed names, all there");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		ok(folio_action_by_name(names[i]) != NULL, "action %s exists", names[i]);
	ok(folio_action_by_name("Down") == NULL, "names are case-sensitive");
	ok(folio_action_by_name("") == NULL, "empty name is no action");
	ok(folio_action_info(FOLIO_ACT_NONE) == NULL, "NONE has no entry");
	ok(folio_action_info(FOLIO_ACT_COUNT) == NULL, "COUNT has no entry");
	is_int(folio_action_by_name("down")->action, FOLIO_ACT_DOWN, "down is FOLIO_ACT_DOWN");
	is_int(folio_action_by_name("half-page-up")->action, FOLIO_ACT_HALF_UP,
	       "half-page-up is FOLIO_ACT_HALF_UP");
	is_str(folio_action_info(FOLIO_ACT_DOWN)->help, "Move down one line", "help of down");
	ok(!(folio_action_info(FOLIO_ACT_DELETE_WORD)->contexts & FOLIO_CTX_GLOBAL),
	   "editing actions are for the search bar only");

	static const char *const ctx[] = { "global", "sources", "article", "search" };
	for (size_t i = 0; i < 4; i++) {
		unsigned bit = folio_context_by_name(ctx[i]);
		ok(bit == 1u << i, "context %s is bit %zu", ctx[i], i);
		is_str(folio_context_name(bit), ctx[i], "context %s has its name back", ctx[i]);
	}
	is_int(folio_context_by_name("Global"), 0, "an unknown context is 0");
	ok(folio_context_name(FOLIO_CTX_GLOBAL | FOLIO_CTX_SEARCH) == NULL,
	   "two bits are not one context");
}

static void test_key_names(void)
{
	static const struct {
		const char *text;
		folio_key keys[4];
		size_t n;
		const char *name; /* the canonical name written back */
	} cases[] = {
		{ "j", { 'j' }, 1, "j" },
		{ "G", { 'G' }, 1, "G" },
		{ "/", { '/' }, 1, "/" },
		{ "é", { 0xe9 }, 1, "é" },
		{ "<C-x>", { 24 }, 1, "<C-x>" },
		{ "<C-D>", { 4 }, 1, "<C-d>" },
		{ "<c-d>", { 4 }, 1, "<C-d>" },
		{ "<C-@>", { 0 }, 1, "<C-@>" },
		{ "<C-]>", { 29 }, 1, "<C-]>" },
		{ "<C-?>", { 127 }, 1, "<C-?>" },
		{ "<C-i>", { 9 }, 1, "<Tab>" },
		{ "<C-[>", { 27 }, 1, "<Esc>" },
		{ "<M-x>", { FOLIO_KEY_META | 'x' }, 1, "<M-x>" },
		{ "<M-X>", { FOLIO_KEY_META | 'X' }, 1, "<M-X>" },
		{ "<M-<>", { FOLIO_KEY_META | '<' }, 1, "<M-lt>" },
		{ "<M->>", { FOLIO_KEY_META | '>' }, 1, "<M->>" },
		{ "<M-C-x>", { FOLIO_KEY_META | 24 }, 1, "<M-C-x>" },
		{ "<M-Enter>", { FOLIO_KEY_META | FOLIO_KEY_ENTER }, 1, "<M-Enter>" },
		{ "<Enter>", { FOLIO_KEY_ENTER }, 1, "<Enter>" },
		{ "<Return>", { FOLIO_KEY_ENTER }, 1, "<Enter>" },
		{ "<Esc>", { 27 }, 1, "<Esc>" },
		{ "<esc>", { 27 }, 1, "<Esc>" },
		{ "<Tab>", { 9 }, 1, "<Tab>" },
		{ "<S-Tab>", { FOLIO_KEY_STAB }, 1, "<S-Tab>" },
		{ "<Space>", { ' ' }, 1, "<Space>" },
		{ "<Backspace>", { FOLIO_KEY_BACKSPACE }, 1, "<Backspace>" },
		{ "<Delete>", { FOLIO_KEY_DELETE }, 1, "<Delete>" },
		{ "<Del>", { FOLIO_KEY_DELETE }, 1, "<Delete>" },
		{ "<Up>", { FOLIO_KEY_UP }, 1, "<Up>" },
		{ "<Down>", { FOLIO_KEY_DOWN }, 1, "<Down>" },
		{ "<Left>", { FOLIO_KEY_LEFT }, 1, "<Left>" },
		{ "<Right>", { FOLIO_KEY_RIGHT }, 1, "<Right>" },
		{ "<PgUp>", { FOLIO_KEY_PGUP }, 1, "<PgUp>" },
		{ "<PgDn>", { FOLIO_KEY_PGDN }, 1, "<PgDn>" },
		{ "<Home>", { FOLIO_KEY_HOME }, 1, "<Home>" },
		{ "<End>", { FOLIO_KEY_END }, 1, "<End>" },
		{ "<F1>", { FOLIO_KEY_F1 }, 1, "<F1>" },
		{ "<F9>", { FOLIO_KEY_F1 + 8 }, 1, "<F9>" },
		{ "<F10>", { FOLIO_KEY_F1 + 9 }, 1, "<F10>" },
		{ "<F12>", { FOLIO_KEY_F12 }, 1, "<F12>" },
		{ "<lt>", { '<' }, 1, "<lt>" },
		{ "<", { '<' }, 1, "<lt>" },
		{ "<Hash>", { '#' }, 1, "<Hash>" },
		{ "<U+0085>", { 0x85 }, 1, "<U+0085>" },
		{ "<U+41>", { 'A' }, 1, "A" },
		{ "gg", { 'g', 'g' }, 2, "gg" },
		{ "<Esc>x", { 27, 'x' }, 2, "<Esc>x" },
		{ "<C-x><C-c>", { 24, 3 }, 2, "<C-x><C-c>" },
		{ "<lt>>", { '<', '>' }, 2, "<lt>>" },
		{ "<>", { '<', '>' }, 2, "<lt>>" },
		{ "abcd", { 'a', 'b', 'c', 'd' }, 4, "abcd" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		folio_key seq[FOLIO_KEY_MAX_SEQ];
		char name[64];
		size_t n = folio_key_parse(cases[i].text, seq, FOLIO_KEY_MAX_SEQ);
		ok(n == cases[i].n && memcmp(seq, cases[i].keys, n * sizeof *seq) == 0,
		   "parse %s", cases[i].text);
		folio_key_seq_name(seq, n, name, sizeof name);
		is_str(name, cases[i].name, "name of %s", cases[i].text);
	}

	static const char *const bad[] = {
		"", "<Foo>", "<C-!>", "<C-ab>", "<F0>", "<F13>", "<M-M-x>", "<M->", "<x",
		"abcde", "\xff", "\xc3", "<U+D800>", "<U+110000>", "<U+>", "\x01", "<M-\x01>",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		folio_key seq[FOLIO_KEY_MAX_SEQ];
		is_int(folio_key_parse(bad[i], seq, FOLIO_KEY_MAX_SEQ), 0, "not a key: bad[%zu]", i);
	}
	folio_key one[1];
	is_int(folio_key_parse("gg", one, 1), 0, "a sequence longer than max is not a key");

	/* Every key's name reads back to the key. */
	int mismatches = 0, checked = 0;
	for (folio_key k = 0; k < 0x3100; k += (k < 0x300 ? 1 : 97)) {
		for (int meta = 0; meta < 2; meta++) {
			folio_key key = k | (meta ? FOLIO_KEY_META : 0), back[FOLIO_KEY_MAX_SEQ];
			char name[16];
			folio_key_name(key, name, sizeof name);
			if (folio_key_parse(name, back, FOLIO_KEY_MAX_SEQ) != 1 || back[0] != key) {
				if (mismatches++ < 5)
					printf("# key %#x named %s does not read back\n", (unsigned)key, name);
			}
			checked++;
		}
	}
	for (folio_key k = FOLIO_KEY_SPECIAL; k <= FOLIO_KEY_F12; k++) {
		for (int meta = 0; meta < 2; meta++) {
			folio_key key = k | (meta ? FOLIO_KEY_META : 0), back[FOLIO_KEY_MAX_SEQ];
			char name[16];
			folio_key_name(key, name, sizeof name);
			if (folio_key_parse(name, back, FOLIO_KEY_MAX_SEQ) != 1 || back[0] != key)
				mismatches++;
			checked++;
		}
	}
	folio_key widest = FOLIO_KEY_META | 0x10fffd, back[1];
	char name[16];
	folio_key_name(widest, name, sizeof name);
	ok(folio_key_parse(name, back, 1) == 1 && back[0] == widest, "the longest name fits 16 bytes");
	is_int(mismatches, 0, "all %d names read back to their key", checked);
	char tiny[4];
	folio_key_name(FOLIO_KEY_BACKSPACE, tiny, sizeof tiny);
	is_str(tiny, "<Ba", "a short buffer gets a cut, terminated name");
}

static void test_defaults(void)
{
	struct folio_keymap *km = folio_keymap_new();
	struct reports r = { 0 };
	int problems = folio_keymap_load_text(km, "default.keys", folio_default_keys,
	                                      folio_default_keys_len, collect, &r);
	is_int(problems, 0, "the compiled-in default.keys loads without problems");
	is_int(r.n, 0, "and reports nothing");
	folio_keymap_free(km);

	/* The file in the tree is the one compiled in. */
	char path[512];
	snprintf(path, sizeof path, "%s/keymaps/default.keys", srcdir());
	FILE *f = fopen(path, "rb");
	char *file = malloc(folio_default_keys_len + 2);
	size_t file_len = f && file ? fread(file, 1, folio_default_keys_len + 1, f) : 0;
	ok(file_len == folio_default_keys_len && memcmp(file, folio_default_keys, file_len) == 0,
	   "keymaps/default.keys is what folio carries");
	free(file);
	if (f)
		fclose(f);

	km = default_keymap();
	static const struct {
		unsigned ctx;
		const char *keys;
		enum folio_action action;
	} want[] = {
		{ FOLIO_CTX_GLOBAL, "j", FOLIO_ACT_DOWN },
		{ FOLIO_CTX_GLOBAL, "<Down>", FOLIO_ACT_DOWN },
		{ FOLIO_CTX_GLOBAL, "k", FOLIO_ACT_UP },
		{ FOLIO_CTX_GLOBAL, "<Up>", FOLIO_ACT_UP },
		{ FOLIO_CTX_GLOBAL, "<Space>", FOLIO_ACT_PAGE_DOWN },
		/* Space at the end of an article reads on to the next unread */
		{ FOLIO_CTX_ARTICLE, "<Space>", FOLIO_ACT_READ_ON },
		{ FOLIO_CTX_SOURCES, "<Space>", FOLIO_ACT_PAGE_DOWN },
		{ FOLIO_CTX_GLOBAL, "<PgDn>", FOLIO_ACT_PAGE_DOWN },
		{ FOLIO_CTX_GLOBAL, "b", FOLIO_ACT_PAGE_UP },
		{ FOLIO_CTX_GLOBAL, "<PgUp>", FOLIO_ACT_PAGE_UP },
		{ FOLIO_CTX_GLOBAL, "<C-d>", FOLIO_ACT_HALF_DOWN },
		{ FOLIO_CTX_GLOBAL, "<C-u>", FOLIO_ACT_HALF_UP },
		{ FOLIO_CTX_GLOBAL, "g", FOLIO_ACT_TOP },
		{ FOLIO_CTX_GLOBAL, "<Home>", FOLIO_ACT_TOP },
		{ FOLIO_CTX_GLOBAL, "G", FOLIO_ACT_BOTTOM },
		{ FOLIO_CTX_GLOBAL, "<End>", FOLIO_ACT_BOTTOM },
		{ FOLIO_CTX_GLOBAL, "<Enter>", FOLIO_ACT_OPEN },
		{ FOLIO_CTX_GLOBAL, "l", FOLIO_ACT_OPEN },
		{ FOLIO_CTX_GLOBAL, "q", FOLIO_ACT_BACK },
		{ FOLIO_CTX_GLOBAL, "h", FOLIO_ACT_BACK },
		{ FOLIO_CTX_GLOBAL, "Q", FOLIO_ACT_QUIT },
		{ FOLIO_CTX_GLOBAL, "<Tab>", FOLIO_ACT_SWITCH_PANE },
		{ FOLIO_CTX_GLOBAL, "/", FOLIO_ACT_SEARCH },
		{ FOLIO_CTX_GLOBAL, "s", FOLIO_ACT_SEARCH },
		{ FOLIO_CTX_GLOBAL, "S", FOLIO_ACT_SORT },
		/* / searches what is in front of you: the article's text in the article pane */
		{ FOLIO_CTX_SOURCES, "/", FOLIO_ACT_SEARCH },
		{ FOLIO_CTX_ARTICLE, "/", FOLIO_ACT_FIND },
		{ FOLIO_CTX_ARTICLE, "s", FOLIO_ACT_SEARCH },
		{ FOLIO_CTX_GLOBAL, "n", FOLIO_ACT_NEXT_MATCH },
		{ FOLIO_CTX_GLOBAL, "N", FOLIO_ACT_PREV_MATCH },
		{ FOLIO_CTX_GLOBAL, "J", FOLIO_ACT_NEXT_ARTICLE },
		{ FOLIO_CTX_GLOBAL, "K", FOLIO_ACT_PREV_ARTICLE },
		{ FOLIO_CTX_GLOBAL, "]", FOLIO_ACT_NEXT_UNREAD },
		{ FOLIO_CTX_GLOBAL, "[", FOLIO_ACT_PREV_UNREAD },
		{ FOLIO_CTX_GLOBAL, "r", FOLIO_ACT_TOGGLE_READ },
		{ FOLIO_CTX_GLOBAL, "F", FOLIO_ACT_TOGGLE_FLAG },
		{ FOLIO_CTX_GLOBAL, "?", FOLIO_ACT_HELP },
		{ FOLIO_CTX_GLOBAL, "<C-l>", FOLIO_ACT_REDRAW },
		{ FOLIO_CTX_GLOBAL, "R", FOLIO_ACT_REFRESH },
		/* global keys reach the panes */
		{ FOLIO_CTX_ARTICLE, "J", FOLIO_ACT_NEXT_ARTICLE },
		{ FOLIO_CTX_ARTICLE, "<C-u>", FOLIO_ACT_HALF_UP },
		{ FOLIO_CTX_SOURCES, "<Enter>", FOLIO_ACT_OPEN },
		/* arrows alone drive the panes; in the search bar they move the cursor */
		{ FOLIO_CTX_SOURCES, "<Right>", FOLIO_ACT_OPEN },
		{ FOLIO_CTX_SOURCES, "<Left>", FOLIO_ACT_BACK },
		{ FOLIO_CTX_ARTICLE, "<Right>", FOLIO_ACT_OPEN },
		{ FOLIO_CTX_ARTICLE, "<Left>", FOLIO_ACT_BACK },
		/* the search bar */
		{ FOLIO_CTX_SEARCH, "<Enter>", FOLIO_ACT_SEARCH_SUBMIT },
		{ FOLIO_CTX_SEARCH, "<Esc>", FOLIO_ACT_SEARCH_CANCEL },
		{ FOLIO_CTX_SEARCH, "<Up>", FOLIO_ACT_HISTORY_PREV },
		{ FOLIO_CTX_SEARCH, "<Down>", FOLIO_ACT_HISTORY_NEXT },
		{ FOLIO_CTX_SEARCH, "<Left>", FOLIO_ACT_CURSOR_LEFT },
		{ FOLIO_CTX_SEARCH, "<Right>", FOLIO_ACT_CURSOR_RIGHT },
		{ FOLIO_CTX_SEARCH, "<Home>", FOLIO_ACT_LINE_START },
		{ FOLIO_CTX_SEARCH, "<End>", FOLIO_ACT_LINE_END },
		{ FOLIO_CTX_SEARCH, "<C-a>", FOLIO_ACT_LINE_START },
		{ FOLIO_CTX_SEARCH, "<C-e>", FOLIO_ACT_LINE_END },
		{ FOLIO_CTX_SEARCH, "<Backspace>", FOLIO_ACT_DELETE_BACK },
		{ FOLIO_CTX_SEARCH, "<Delete>", FOLIO_ACT_DELETE_FORWARD },
		{ FOLIO_CTX_SEARCH, "<C-w>", FOLIO_ACT_DELETE_WORD },
		{ FOLIO_CTX_SEARCH, "<C-u>", FOLIO_ACT_DELETE_LINE },
		/* global keys that type nothing still work in the search bar */
		{ FOLIO_CTX_SEARCH, "<PgDn>", FOLIO_ACT_PAGE_DOWN },
		{ FOLIO_CTX_SEARCH, "<C-l>", FOLIO_ACT_REDRAW },
		/* ... but printable ones type themselves */
		{ FOLIO_CTX_SEARCH, "j", FOLIO_ACT_NONE },
		{ FOLIO_CTX_SEARCH, "q", FOLIO_ACT_NONE },
		{ FOLIO_CTX_SEARCH, "<Space>", FOLIO_ACT_NONE },
		{ FOLIO_CTX_SEARCH, "/", FOLIO_ACT_NONE },
		{ FOLIO_CTX_GLOBAL, "x", FOLIO_ACT_NONE },
		{ FOLIO_CTX_GLOBAL, "<F12>", FOLIO_ACT_NONE },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		enum folio_action got = bound(km, want[i].ctx, want[i].keys);
		const struct folio_action_info *info = folio_action_info(want[i].action);
		is_int(got, want[i].action, "%s %s -> %s", folio_context_name(want[i].ctx),
		       want[i].keys, info ? info->name : "nothing");
	}

	/* No default is the start of another: every key acts at once. */
	enum folio_action act;
	folio_key g = 'g';
	is_int(folio_keymap_lookup(km, FOLIO_CTX_ARTICLE, &g, 1, &act), FOLIO_KEY_BOUND,
	       "default g acts at once");

	char buf[128];
	folio_keymap_describe(km, FOLIO_CTX_GLOBAL, FOLIO_ACT_DOWN, buf, sizeof buf);
	is_str(buf, "j, <Down>", "describe down");
	folio_keymap_describe(km, FOLIO_CTX_SEARCH, FOLIO_ACT_DELETE_BACK, buf, sizeof buf);
	is_str(buf, "<Backspace>, <C-h>", "describe delete-back in the search bar");
	folio_keymap_describe(km, FOLIO_CTX_SEARCH, FOLIO_ACT_HALF_UP, buf, sizeof buf);
	is_str(buf, "", "<C-u> is hidden in the search bar by delete-line");
	folio_keymap_describe(km, FOLIO_CTX_SEARCH, FOLIO_ACT_SEARCH_CANCEL, buf, sizeof buf);
	is_str(buf, "<Esc>", "a key bound in both the context and global is listed once");
	folio_keymap_describe(km, FOLIO_CTX_SEARCH, FOLIO_ACT_DOWN, buf, sizeof buf);
	is_str(buf, "", "j does not move down in the search bar, <Down> is history");
	folio_keymap_describe(km, FOLIO_CTX_ARTICLE, FOLIO_ACT_HELP, buf, sizeof buf);
	is_str(buf, "?, <F1>", "describe help in the article pane");
	size_t len = folio_keymap_describe(km, FOLIO_CTX_GLOBAL, FOLIO_ACT_DOWN, buf, 6);
	ok(len == 1 && strcmp(buf, "j") == 0, "a short buffer keeps only whole names");
	is_int(folio_keymap_describe(km, FOLIO_CTX_GLOBAL, FOLIO_ACT_SEARCH_SUBMIT, buf, sizeof buf),
	       0, "an action with no key describes as empty");
	folio_keymap_free(km);
}

static void test_user_files(void)
{
	struct reports r = { 0 };
	struct folio_keymap *km = default_keymap();
	enum folio_action act;

	write_file("keys", "# mine\n"
	                   "\n"
	                   "bind global j page-down   # j pages\r\n"
	                   "unbind global k\n"
	                   "unbind global k\n"
	                   "bind article <C-x><C-s> toggle-flag\n"
	                   "\tbind   sources  x  quit\n");
	is_int(folio_keymap_load_file(km, tmp_path("keys"), collect, &r), 0,
	       "a user file with comments, blank lines, CRLF and tabs loads cleanly");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "j"), FOLIO_ACT_PAGE_DOWN, "j rebound to page-down");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "k"), FOLIO_ACT_NONE, "k unbound");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<Up>"), FOLIO_ACT_UP, "<Up> still up");
	is_int(lookup(km, FOLIO_CTX_ARTICLE, "<C-x>", &act), FOLIO_KEY_PARTIAL,
	       "<C-x> waits for a second key in the article pane");
	is_int(bound(km, FOLIO_CTX_ARTICLE, "<C-x><C-s>"), FOLIO_ACT_TOGGLE_FLAG, "<C-x><C-s> flags");
	is_int(lookup(km, FOLIO_CTX_ARTICLE, "<C-x>x", &act), FOLIO_KEY_UNBOUND,
	       "<C-x>x is nothing");
	is_int(lookup(km, FOLIO_CTX_SOURCES, "<C-x>", &act), FOLIO_KEY_UNBOUND,
	       "<C-x> means nothing in the source list");
	is_int(bound(km, FOLIO_CTX_SOURCES, "x"), FOLIO_ACT_QUIT, "x quits in the source list");
	is_int(bound(km, FOLIO_CTX_ARTICLE, "x"), FOLIO_ACT_NONE, "but not in the article");
	char buf[64];
	folio_keymap_describe(km, FOLIO_CTX_GLOBAL, FOLIO_ACT_PAGE_DOWN, buf, sizeof buf);
	is_str(buf, "j, <Space>, <PgDn>", "describe follows the rebinding, j where it was");

	/* A binding that is the start of another: g waits, and says what g alone does. */
	write_file("gg", "bind global gg bottom\n");
	is_int(folio_keymap_load_file(km, tmp_path("gg"), collect, &r), 0, "gg binds");
	is_int(lookup(km, FOLIO_CTX_GLOBAL, "g", &act), FOLIO_KEY_PARTIAL, "g now waits");
	is_int(act, FOLIO_ACT_TOP, "and would go to the top alone");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "gg"), FOLIO_ACT_BOTTOM, "gg is bottom");
	is_int(lookup(km, FOLIO_CTX_GLOBAL, "gx", &act), FOLIO_KEY_UNBOUND, "gx is nothing");

	/* A context's own binding hides a global one that starts the same way. */
	write_file("ctx", "bind article g bottom\nbind sources gq quit\n");
	is_int(folio_keymap_load_file(km, tmp_path("ctx"), collect, &r), 0, "context g binds");
	is_int(lookup(km, FOLIO_CTX_ARTICLE, "g", &act), FOLIO_KEY_BOUND,
	       "article g acts at once, hiding global gg");
	is_int(act, FOLIO_ACT_BOTTOM, "as bottom");
	is_int(lookup(km, FOLIO_CTX_SOURCES, "g", &act), FOLIO_KEY_PARTIAL, "sources g waits");
	is_int(act, FOLIO_ACT_TOP, "falling back to global g");
	is_int(bound(km, FOLIO_CTX_SOURCES, "gq"), FOLIO_ACT_QUIT, "sources gq");
	is_int(bound(km, FOLIO_CTX_SOURCES, "gg"), FOLIO_ACT_BOTTOM, "global gg still reachable");
	is_int(r.n, 0, "no problems reported so far");
	folio_keymap_free(km);
}

static void test_includes(void)
{
	struct reports r = { 0 };
	struct folio_keymap *km = folio_keymap_new();
	char path[512];

	if (mkdir(tmp_path("sub"), 0700) != 0)
		exit(99);
	write_file("main.keys", "include sub/one.keys\nbind global a up\n");
	write_file("sub/one.keys", "include two.keys\nbind global b down\n");
	write_file("sub/two.keys", "bind global c top\n");
	is_int(folio_keymap_load_file(km, tmp_path("main.keys"), collect, &r), 0,
	       "nested relative includes load");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "a"), FOLIO_ACT_UP, "from the top file");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "b"), FOLIO_ACT_DOWN, "from sub/one.keys");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "c"), FOLIO_ACT_TOP,
	       "from sub/two.keys, found beside sub/one.keys");

	/* a cycle is cut where it closes, and the rest still loads */
	r.n = 0;
	write_file("cyc-a.keys", "bind global d up\ninclude cyc-b.keys\n");
	write_file("cyc-b.keys", "# b\n\ninclude ./cyc-a.keys\nbind global e down\n");
	is_int(folio_keymap_load_file(km, tmp_path("cyc-a.keys"), collect, &r), 1,
	       "an include cycle is one problem");
	snprintf(path, sizeof path, "%s", tmp_path("cyc-b.keys"));
	is_str(r.file[0], path, "reported in the file that closes the cycle");
	is_int(r.line[0], 3, "at the include line");
	ok(strstr(r.reason[0], "cycle") != NULL, "saying it is a cycle: %s", r.reason[0]);
	ok(bound(km, FOLIO_CTX_GLOBAL, "d") && bound(km, FOLIO_CTX_GLOBAL, "e"),
	   "both files of the cycle applied");

	r.n = 0;
	write_file("self.keys", "include self.keys\n");
	is_int(folio_keymap_load_file(km, tmp_path("self.keys"), collect, &r), 1,
	       "a file including itself is one problem");

	/* a chain deeper than the limit stops, with one report */
	r.n = 0;
	for (int i = 0; i < 12; i++) {
		char name[32], text[64];
		snprintf(name, sizeof name, "deep%d.keys", i);
		snprintf(text, sizeof text, "include deep%d.keys\nbind global <F%d> help\n", i + 1,
		         i + 1);
		write_file(name, text);
	}
	write_file("deep12.keys", "bind global z quit\n");
	is_int(folio_keymap_load_file(km, tmp_path("deep0.keys"), collect, &r), 1,
	       "too deep an include chain is one problem");
	ok(strstr(r.reason[0], "deep") != NULL, "saying so: %s", r.reason[0]);
	is_int(bound(km, FOLIO_CTX_GLOBAL, "z"), FOLIO_ACT_NONE, "the file past the limit is not read");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<F1>"), FOLIO_ACT_HELP, "the files before it are");

	/* missing files */
	r.n = 0;
	is_int(folio_keymap_load_file(km, tmp_path("nope.keys"), collect, &r), 1,
	       "a missing file is one problem");
	is_int(r.line[0], 0, "reported for the whole file");
	is_str(r.file[0], tmp_path("nope.keys"), "naming the file");
	r.n = 0;
	write_file("inc-missing.keys", "bind global y up\n\ninclude missing.keys\nbind global w down\n");
	is_int(folio_keymap_load_file(km, tmp_path("inc-missing.keys"), collect, &r), 1,
	       "a missing include is one problem");
	is_int(r.line[0], 3, "reported at the include line");
	ok(strstr(r.reason[0], "missing.keys") != NULL, "naming the missing file: %s", r.reason[0]);
	ok(bound(km, FOLIO_CTX_GLOBAL, "y") && bound(km, FOLIO_CTX_GLOBAL, "w"),
	   "the lines around it apply");
	r.n = 0;
	is_int(folio_keymap_load_file(km, tmpdir, collect, &r), 1, "a directory is refused");
	ok(r.n == 1 && strstr(r.reason[0], "regular") != NULL, "as not a regular file");
	folio_keymap_free(km);
}

static void test_bad_lines(void)
{
	static const struct {
		unsigned line;
		const char *reason_part;
	} want[] = {
		{ 2, "unknown directive" },
		{ 3, "unknown context" },
		{ 4, "unknown action" },
		{ 5, "bad key" },
		{ 6, "does not work" },
		{ 7, "three words" },
		{ 8, "three words" },
		{ 9, "two words" },
		{ 10, "one file" },
		{ 11, "longer than" },
		{ 12, "bad key" },
		{ 13, "NUL" },
		{ 15, "bad key" },
		{ 17, "more than 16 words" },
	};
	static const char text[] =
		"bind global a up\n"                   /* 1: fine */
		"bnid global b up\n"                   /* 2 */
		"bind everywhere c up\n"               /* 3 */
		"bind global d upward\n"               /* 4 */
		"bind global <Foo> up\n"               /* 5 */
		"bind global e search-submit\n"        /* 6: search bar only */
		"bind global f\n"                      /* 7 */
		"bind global f up down\n"              /* 8 */
		"unbind global\n"                      /* 9 */
		"include\n"                            /* 10 */
		"bind global abcde up\n"               /* 11 */
		"bind global \xff up\n"                /* 12 */
		"bind global x\0y up\n"                /* 13 */
		"bind article i down # fine\n"         /* 14: fine */
		"bind global <M-> up\n"                /* 15 */
		"bind global m down\n"                 /* 16: fine */
		"set date-format a b c d e f g h i j k l m n o p q\n" /* 17: 19 words */
		"bind global n up";                    /* 18: fine, no final newline */
	struct reports r = { 0 };
	struct folio_keymap *km = folio_keymap_new();
	int problems = folio_keymap_load_text(km, "bad.keys", text, sizeof text - 1, collect, &r);
	size_t nwant = sizeof want / sizeof want[0];

	is_int(problems, nwant, "every bad line is a problem");
	is_int(r.n, nwant, "and is reported once");
	for (size_t i = 0; i < nwant && i < r.n; i++) {
		ok(r.line[i] == want[i].line && strstr(r.reason[i], want[i].reason_part) &&
		   strcmp(r.file[i], "bad.keys") == 0,
		   "bad.keys:%u: %s (got line %u: %s)", want[i].line, want[i].reason_part, r.line[i],
		   r.reason[i]);
	}
	is_int(bound(km, FOLIO_CTX_GLOBAL, "a"), FOLIO_ACT_UP, "line 1 applied");
	is_int(bound(km, FOLIO_CTX_ARTICLE, "i"), FOLIO_ACT_DOWN, "line 14 applied");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "m"), FOLIO_ACT_DOWN, "line 16 applied");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "n"), FOLIO_ACT_UP, "the last line, after a too-long one, applied");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "e"), FOLIO_ACT_NONE, "a bad line binds nothing");
	is_int(folio_keymap_load_text(km, "empty", "", 0, collect, &r), 0, "empty text is fine");
	folio_keymap_free(km);
}

static void test_variants(void)
{
	struct reports r = { 0 };
	struct folio_keymap *km = default_keymap();
	enum folio_action act;
	char path[512], buf[64];

	/* the way a user includes vi.keys: from their own keys file */
	snprintf(path, sizeof path, "%s/keymaps/vi.keys", srcdir());
	char *real = realpath(path, NULL);
	FILE *f = fopen(tmp_path("user-vi.keys"), "w");
	ok(real && f && fprintf(f, "include %s\n", real) > 0 && fclose(f) == 0,
	   "a user file including vi.keys");
	free(real);
	is_int(folio_keymap_load_file(km, tmp_path("user-vi.keys"), collect, &r), 0,
	       "vi.keys loads after the defaults without problems");
	if (r.n)
		printf("# %s:%u: %s\n", r.file[0], r.line[0], r.reason[0]);
	is_int(lookup(km, FOLIO_CTX_GLOBAL, "g", &act), FOLIO_KEY_PARTIAL, "vi: g waits");
	is_int(act, FOLIO_ACT_NONE, "vi: g alone does nothing");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "gg"), FOLIO_ACT_TOP, "vi: gg top");
	is_int(bound(km, FOLIO_CTX_ARTICLE, "G"), FOLIO_ACT_BOTTOM, "vi: G bottom");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-f>"), FOLIO_ACT_PAGE_DOWN, "vi: <C-f> page down");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-b>"), FOLIO_ACT_PAGE_UP, "vi: <C-b> page up");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "ZZ"), FOLIO_ACT_QUIT, "vi: ZZ quits");
	is_int(bound(km, FOLIO_CTX_SEARCH, "<C-p>"), FOLIO_ACT_HISTORY_PREV, "vi: <C-p> history");
	is_int(bound(km, FOLIO_CTX_SEARCH, "<C-e>"), FOLIO_ACT_LINE_END,
	       "vi: <C-e> stays line-end in the search bar");
	is_int(lookup(km, FOLIO_CTX_SEARCH, "g", &act), FOLIO_KEY_UNBOUND, "vi: g types in search");
	folio_keymap_describe(km, FOLIO_CTX_GLOBAL, FOLIO_ACT_TOP, buf, sizeof buf);
	is_str(buf, "<Home>, gg", "vi: describe top");
	folio_keymap_free(km);

	km = default_keymap();
	r.n = 0;
	snprintf(path, sizeof path, "%s/keymaps/emacs.keys", srcdir());
	is_int(folio_keymap_load_file(km, path, collect, &r), 0,
	       "emacs.keys loads after the defaults without problems");
	if (r.n)
		printf("# %s:%u: %s\n", r.file[0], r.line[0], r.reason[0]);
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-n>"), FOLIO_ACT_DOWN, "emacs: <C-n> down");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-p>"), FOLIO_ACT_UP, "emacs: <C-p> up");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-v>"), FOLIO_ACT_PAGE_DOWN, "emacs: <C-v>");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<M-v>"), FOLIO_ACT_PAGE_UP, "emacs: <M-v>");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<M-<>"), FOLIO_ACT_TOP, "emacs: <M-<>");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<M->>"), FOLIO_ACT_BOTTOM, "emacs: <M->>");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-s>"), FOLIO_ACT_SEARCH, "emacs: <C-s> search");
	is_int(bound(km, FOLIO_CTX_SEARCH, "<C-g>"), FOLIO_ACT_SEARCH_CANCEL, "emacs: <C-g> cancel");
	is_int(lookup(km, FOLIO_CTX_GLOBAL, "<C-x>", &act), FOLIO_KEY_PARTIAL, "emacs: <C-x> waits");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "<C-x><C-c>"), FOLIO_ACT_QUIT, "emacs: <C-x><C-c> quits");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "j"), FOLIO_ACT_DOWN, "emacs keeps the defaults");
	folio_keymap_free(km);

	km = folio_keymap_new();
	r.n = 0;
	is_int(folio_keymap_load_file(km, path, collect, &r), 0, "emacs.keys loads on its own");
	folio_keymap_free(km);
}

static unsigned long rng = 12345;

static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)(rng >> 33);
}

/* Random keymap text: real words, broken names, random bytes. */
/* include of a shipped keymap by bare name: beside the file first, then the library. */
static void test_library(void)
{
	struct reports r = { 0 };
	struct folio_keymap *km = folio_keymap_new();

	if (mkdir(tmp_path("lib"), 0700) != 0 || mkdir(tmp_path("home"), 0700) != 0)
		exit(99);
	write_file("lib/shipped.keys", "bind global x quit\n");
	write_file("lib/both.keys", "bind global y quit\n");
	write_file("home/both.keys", "bind global y top\n");
	write_file("home/keys", "include shipped.keys\ninclude both.keys\ninclude nowhere.keys\n");
	is_int(folio_keymap_load_file(km, tmp_path("home/keys"), collect, &r), 2,
	       "without a library, a bare name is only looked for beside the file");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "x"), FOLIO_ACT_NONE, "so shipped.keys is not found");

	r.n = 0;
	is_int(folio_keymap_set_library(km, tmp_path("lib")), 0, "the library is set");
	is_int(folio_keymap_load_file(km, tmp_path("home/keys"), collect, &r), 1,
	       "with a library, only the file that is nowhere is a problem");
	is_int(r.line[0], 3, "and it is reported at its include line");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "x"), FOLIO_ACT_QUIT, "shipped.keys comes from the library");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "y"), FOLIO_ACT_TOP,
	       "a file beside the including one wins over the library's copy");
	folio_keymap_free(km);
}

static void test_torture(void)
{
	static const char *const pieces[] = {
		"bind", "unbind", "include", "global", "search", "article", "sources", "down",
		"search-submit", "j", "gg", "<C-x>", "<M-<>", "<M->>", "<", ">", "<F1", "<F12>",
		"<Esc>x", "<U+", "<U+41>", "#", "<Hash>", " ", " ", " ", "\t", "\n", "\n", "\r",
		"é", "\xff", "<M-", "<C-", "keys", "/", "..", "abcd", "abcde",
	};
	int mismatched = 0, bad_roundtrip = 0;
	char text[256];
	struct folio_keymap *km = folio_keymap_new();

	for (int i = 0; i < 5000; i++) {
		size_t len = 0, count = next_rand() % 16;
		for (size_t k = 0; k < count && len + 16 < sizeof text; k++) {
			if (next_rand() % 6 == 0) {
				text[len++] = (char)(next_rand() % 256);
			} else {
				const char *p = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
				memcpy(text + len, p, strlen(p));
				len += strlen(p);
			}
		}
		text[len] = '\0';
		struct reports r = { 0 };
		int problems = folio_keymap_load_text(km, "torture", text, len, collect, &r);
		if (problems < 0 || (size_t)problems != r.n)
			mismatched++;

		/* whatever parses as keys names back to the same keys */
		folio_key seq[FOLIO_KEY_MAX_SEQ], again[FOLIO_KEY_MAX_SEQ];
		char name[80];
		size_t n = folio_key_parse(text, seq, FOLIO_KEY_MAX_SEQ);
		if (n) {
			folio_key_seq_name(seq, n, name, sizeof name);
			if (folio_key_parse(name, again, FOLIO_KEY_MAX_SEQ) != n ||
			    memcmp(seq, again, n * sizeof *seq) != 0)
				bad_roundtrip++;
		}
	}
	is_int(mismatched, 0, "5000 random keymap texts: every problem counted is reported");
	is_int(bad_roundtrip, 0, "every random text that parses as keys names back to them");
	folio_keymap_free(km);
}

/* set and color beside bind: the settings, their defaults and their mistakes. */
static void test_settings(void)
{
	struct folio_keymap *km = folio_keymap_new();
	const struct folio_settings *s = folio_keymap_settings(km);
	struct reports r = { 0 };
	ok(s->mark_read_on_open && !s->confirm_quit && s->list_width == 0 && !s->date_format[0] &&
	   s->one_row_a_story,
	   "defaults: mark-read-on-open yes, confirm-quit no, list-width auto, ISO dates, "
	   "one-row-a-story yes");
	static const char good[] =
		"set list-width 50\n"
		"set date-format %d %b %Y  # a comment\n"
		"set mark-read-on-open no\n"
		"set confirm-quit yes\n"
		"set one-row-a-story no\n"
		"color match black yellow\n"
		"color title 33\n"
		"bind global x quit\n";
	is_int(folio_keymap_load_text(km, "good.keys", good, sizeof good - 1, collect, &r), 0,
	       "settings load without a problem");
	is_int(s->list_width, 50, "list-width 50");
	is_str(s->date_format, "%d %b %Y", "date-format keeps its spaces, not the comment");
	ok(!s->mark_read_on_open, "mark-read-on-open no");
	ok(s->confirm_quit, "confirm-quit yes");
	ok(!s->one_row_a_story, "one-row-a-story no");
	ok(s->colors[FOLIO_COLOR_MATCH].set && s->colors[FOLIO_COLOR_MATCH].fg == 0 &&
	   s->colors[FOLIO_COLOR_MATCH].bg == 3, "color match black yellow");
	ok(s->colors[FOLIO_COLOR_TITLE].fg == 33 && s->colors[FOLIO_COLOR_TITLE].bg == -1,
	   "color title 33: a palette number, the default background");
	ok(!s->colors[FOLIO_COLOR_DIM].set, "an element not named keeps folio's colour");
	is_int(s->sort_order, FOLIO_SORT_DATE, "sort-order: by date unless set");
	static const char sorts[] = "set sort-order source\nset sort-order title\n"
	                            "set sort-order size\nset sort-order\n";
	memset(&r, 0, sizeof r);
	is_int(folio_keymap_load_text(km, "sort.keys", sorts, sizeof sorts - 1, collect, &r), 2,
	       "sort-order: a word it does not know and none are problems");
	ok(r.n >= 1 && strstr(r.reason[0], "date, title or source"), "  naming the three (%s)",
	   r.n ? r.reason[0] : "");
	is_int(s->sort_order, FOLIO_SORT_TITLE, "  and the last good one holds");
	is_str(folio_sort_name(FOLIO_SORT_SOURCE), "source", "  its words");
	is_int(bound(km, FOLIO_CTX_GLOBAL, "x"), FOLIO_ACT_QUIT, "bind still works beside them");
	static const char bad[] =
		"set list-width 5\n"
		"set list-width wide\n"
		"set confirm-quit maybe\n"
		"set colour red\n"
		"set confirm-quit\n"
		"color nothing red\n"
		"color match pink\n"
		"color match red blue green\n"
		"set date-format %Y-%m-%d %H:%M:%S and then some more words\n"
		"set list-width auto\n";
	memset(&r, 0, sizeof r);
	is_int(folio_keymap_load_text(km, "bad.keys", bad, sizeof bad - 1, collect, &r), 9,
	       "each bad setting is a problem");
	ok(r.n >= 9 && strstr(r.reason[0], "20-200") && strstr(r.reason[2], "yes or no") &&
	   strstr(r.reason[3], "unknown setting") && strstr(r.reason[5], "unknown element") &&
	   strstr(r.reason[6], "bad colour") && strstr(r.reason[8], "longer than"),
	   "each says what is wrong (%s / %s)", r.reason[0], r.reason[3]);
	is_int(s->list_width, 0, "list-width auto is back to automatic");
	ok(s->confirm_quit, "a bad value leaves the setting as it was");
	folio_keymap_free(km);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 99;
	}
	test_actions();
	test_key_names();
	test_defaults();
	test_user_files();
	test_includes();
	test_bad_lines();
	test_variants();
	test_library();
	test_torture();
	test_settings();
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	return tap_done();
}
