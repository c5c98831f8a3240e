/*
 * keymap: key names, keymap files, and which action a key sequence means.
 *
 * A keymap is a flat array of (context, key sequence, action) bindings:
 * there are a few hundred at most and a lookup happens once per keystroke,
 * so a linear scan is simpler than any tree and fast enough.  Later
 * directives replace earlier ones for the same context and sequence, which
 * is what makes "default, then the user's file" work.
 *
 * Files are read whole (they are tiny; anything over a megabyte or not a
 * regular file is refused, so an include of /dev/zero or a FIFO cannot hang
 * start-up).  Each bad line is reported and skipped; the rest still applies.
 */
#include "folio/folio.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unictype.h>
#include <unistr.h>

#include "folio/keymap.h"

#define MAX_INCLUDE_DEPTH 8
#define MAX_FILE_BYTES (1u << 20)
#define KEY_NAME_MAX 16 /* "<M-Backspace>", "<M-U+10FFFF>" and a NUL */
#define KEYMAP_MAX_WORDS 16 /* a date-format of many words; more is a mistake */

struct binding {
	unsigned context;
	size_t n;
	folio_key seq[FOLIO_KEY_MAX_SEQ];
	enum folio_action action;
};

struct folio_keymap {
	struct binding *v;
	size_t n, cap;
	char *library; /* where the keymaps folio ships are installed, or NULL */
	struct folio_settings settings;
};

static const char *const color_elements[FOLIO_COLOR_ELEMENTS] = {
	[FOLIO_COLOR_MATCH] = "match", [FOLIO_COLOR_DIM] = "dim",
	[FOLIO_COLOR_STATUS] = "status", [FOLIO_COLOR_TITLE] = "title",
};

const char *folio_color_element_name(enum folio_color_element e)
{
	return e < FOLIO_COLOR_ELEMENTS ? color_elements[e] : "?";
}

const struct folio_settings *folio_keymap_settings(const struct folio_keymap *km)
{
	return &km->settings;
}

/* Keys with a name; the first entry for a key is the one folio_key_name() writes. */
static const struct {
	const char *name;
	folio_key key;
} named_keys[] = {
	{ "Enter", FOLIO_KEY_ENTER },
	{ "Esc", FOLIO_KEY_ESC },
	{ "Tab", FOLIO_KEY_TAB },
	{ "S-Tab", FOLIO_KEY_STAB },
	{ "Space", ' ' },
	{ "Backspace", FOLIO_KEY_BACKSPACE },
	{ "Up", FOLIO_KEY_UP },
	{ "Down", FOLIO_KEY_DOWN },
	{ "Left", FOLIO_KEY_LEFT },
	{ "Right", FOLIO_KEY_RIGHT },
	{ "PgUp", FOLIO_KEY_PGUP },
	{ "PgDn", FOLIO_KEY_PGDN },
	{ "Home", FOLIO_KEY_HOME },
	{ "End", FOLIO_KEY_END },
	{ "Delete", FOLIO_KEY_DELETE },
	{ "lt", '<' },   /* '<' would start a name */
	{ "Hash", '#' }, /* '#' would start a comment */
	/* Other spellings people write. */
	{ "Del", FOLIO_KEY_DELETE },
	{ "Return", FOLIO_KEY_ENTER },
	{ "CR", FOLIO_KEY_ENTER },
	{ "Escape", FOLIO_KEY_ESC },
	{ "BS", FOLIO_KEY_BACKSPACE },
	{ "PageUp", FOLIO_KEY_PGUP },
	{ "PageDown", FOLIO_KEY_PGDN },
};
#define NAMED_KEYS (sizeof named_keys / sizeof named_keys[0])

/* Control codes that are not <C-letter>, in the order of their codes 28..31. */
static const char control_punct[] = "\\]^_";

/* A code point a keymap file can hold as itself: printable, not a space. */
static bool is_plain_char(folio_key c)
{
	return c > ' ' && c < FOLIO_KEY_SPECIAL && uc_is_print((ucs4_t)c);
}

/* The key whose name (without brackets) starts s and ends at '>', or -1. */
static folio_key parse_inner(const char *s, size_t *used)
{
	for (size_t i = 0; i < NAMED_KEYS; i++) {
		size_t len = strlen(named_keys[i].name);
		if (strncasecmp(s, named_keys[i].name, len) == 0 && s[len] == '>') {
			*used = len;
			return named_keys[i].key;
		}
	}
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		int num = s[1] - '0';
		size_t len = 2;
		if (s[2] >= '0' && s[2] <= '9') {
			num = num * 10 + (s[2] - '0');
			len = 3;
		}
		if (s[len] == '>' && num <= 12) {
			*used = len;
			return FOLIO_KEY_F1 + num - 1;
		}
		return -1;
	}
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] && s[3] == '>') {
		unsigned char x = (unsigned char)s[2];
		const char *punct = strchr(control_punct, x);
		*used = 3;
		if ((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z'))
			return x & 0x1f;
		if (x == '@')
			return 0;
		if (x == '[')
			return FOLIO_KEY_ESC;
		if (x == '?')
			return 0x7f;
		if (punct)
			return 28 + (folio_key)(punct - control_punct);
		return -1;
	}
	if ((s[0] == 'U' || s[0] == 'u') && s[1] == '+') {
		char *end;
		errno = 0;
		unsigned long cp = strtoul(s + 2, &end, 16);
		if (end == s + 2 || *end != '>' || errno || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff) || !((s[2] >= '0' && s[2] <= '9') ||
		                                        (s[2] >= 'a' && s[2] <= 'f') ||
		                                        (s[2] >= 'A' && s[2] <= 'F')))
			return -1;
		*used = (size_t)(end - s);
		return (folio_key)cp;
	}
	return -1;
}

/* One key at the start of s; *used gets its length in bytes.  -1 when s is not a key. */
static folio_key parse_one(const char *s, size_t *used)
{
	ucs4_t c;
	int n;

	if (s[0] == '<') {
		size_t inner_len;
		folio_key key = -1;
		if ((s[1] == 'M' || s[1] == 'm') && s[2] == '-') {
			/* <M-x>: a name, or any one plain character, even '<' or '>' */
			key = parse_inner(s + 3, &inner_len);
			if (key < 0) {
				n = u8_mbtouc(&c, (const uint8_t *)s + 3, strnlen(s + 3, 4));
				if (n > 0 && s[3 + n] == '>' && is_plain_char((folio_key)c)) {
					key = (folio_key)c;
					inner_len = (size_t)n;
				}
			}
			if (key >= 0) {
				*used = 3 + inner_len + 1;
				return key | FOLIO_KEY_META;
			}
			return -1;
		}
		key = parse_inner(s + 1, &inner_len);
		if (key >= 0) {
			*used = 1 + inner_len + 1;
			return key;
		}
		/* A '<' that does not start a name is the key '<' ("<" and "<>"), but
		 * "<Foo>" is a misspelt name, not four keys. */
		if ((s[1] >= 'A' && s[1] <= 'Z') || (s[1] >= 'a' && s[1] <= 'z'))
			return -1;
		*used = 1;
		return '<';
	}
	n = u8_mbtouc(&c, (const uint8_t *)s, strnlen(s, 4));
	if (n <= 0 || c == 0xfffd || !is_plain_char((folio_key)c))
		return -1;
	*used = (size_t)n;
	return (folio_key)c;
}

/* How many keys text holds (storing the first max), or -1 when it is not keys. */
static long parse_seq(const char *text, folio_key *seq, size_t max)
{
	long count = 0;
	while (*text) {
		size_t used = 0;
		folio_key key = parse_one(text, &used);
		if (key < 0)
			return -1;
		assert(used > 0);
		if ((size_t)count < max)
			seq[count] = key;
		count++;
		text += used;
	}
	return count;
}

size_t folio_key_parse(const char *text, folio_key *seq, size_t max)
{
	assert(text && seq);
	long count = parse_seq(text, seq, max);
	if (count <= 0 || (size_t)count > max)
		return 0;
	return (size_t)count;
}

/* The name of a key without Meta and without brackets; *bracket says whether it needs them. */
static void inner_name(folio_key k, char *buf, size_t size, bool *bracket)
{
	*bracket = true;
	for (size_t i = 0; i < NAMED_KEYS; i++) {
		if (named_keys[i].key == k) {
			snprintf(buf, size, "%s", named_keys[i].name);
			return;
		}
	}
	if (k >= FOLIO_KEY_F1 && k <= FOLIO_KEY_F12)
		snprintf(buf, size, "F%d", (int)(k - FOLIO_KEY_F1 + 1));
	else if (k == 0)
		snprintf(buf, size, "C-@");
	else if (k >= 1 && k <= 26)
		snprintf(buf, size, "C-%c", 'a' + (int)k - 1);
	else if (k >= 28 && k <= 31)
		snprintf(buf, size, "C-%c", control_punct[k - 28]);
	else if (k == 0x7f)
		snprintf(buf, size, "C-?");
	else if (is_plain_char(k)) {
		uint8_t enc[6];
		int n = u8_uctomb(enc, (ucs4_t)k, (int)sizeof enc);
		assert(n > 0);
		snprintf(buf, size, "%.*s", n, (const char *)enc);
		*bracket = false;
	} else {
		snprintf(buf, size, "U+%04X", (unsigned)k);
	}
}

void folio_key_name(folio_key key, char *buf, size_t size)
{
	char inner[KEY_NAME_MAX];
	bool bracket;

	assert(buf && size > 0);
	inner_name(key & ~FOLIO_KEY_META, inner, sizeof inner, &bracket);
	if (key & FOLIO_KEY_META)
		snprintf(buf, size, "<M-%s>", inner);
	else if (bracket)
		snprintf(buf, size, "<%s>", inner);
	else
		snprintf(buf, size, "%s", inner);
}

size_t folio_key_seq_name(const folio_key *seq, size_t n, char *buf, size_t size)
{
	size_t len = 0;

	assert(buf && size > 0);
	buf[0] = '\0';
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		folio_key_name(seq[i], buf + len, size - len);
		len += strlen(buf + len);
	}
	return len;
}

struct folio_keymap *folio_keymap_new(void)
{
	struct folio_keymap *km = calloc(1, sizeof *km);
	if (km)
		km->settings.mark_read_on_open = km->settings.one_row_a_story = km->settings.mouse =
			true;
	return km;
}

void folio_keymap_free(struct folio_keymap *km)
{
	if (!km)
		return;
	free(km->v);
	free(km->library);
	free(km);
}

int folio_keymap_set_library(struct folio_keymap *km, const char *dir)
{
	char *copy = dir ? strdup(dir) : NULL;
	if (dir && !copy)
		return -1;
	free(km->library);
	km->library = copy;
	return 0;
}

static struct binding *find(const struct folio_keymap *km, unsigned context,
                            const folio_key *seq, size_t n)
{
	for (size_t i = 0; i < km->n; i++) {
		struct binding *b = &km->v[i];
		if (b->context == context && b->n == n && memcmp(b->seq, seq, n * sizeof *seq) == 0)
			return b;
	}
	return NULL;
}

FOLIO_DEFINE_GROW(grow_bindings, struct binding)

static int bind(struct folio_keymap *km, unsigned context, const folio_key *seq, size_t n,
                enum folio_action action)
{
	assert(n > 0 && n <= FOLIO_KEY_MAX_SEQ);
	struct binding *b = find(km, context, seq, n);
	if (!b) {
		if (!grow_bindings(&km->v, &km->cap, km->n + 1))
			return -1;
		b = &km->v[km->n++];
		b->context = context;
		b->n = n;
		memcpy(b->seq, seq, n * sizeof *seq);
	}
	b->action = action;
	return 0;
}

static void unbind(struct folio_keymap *km, unsigned context, const folio_key *seq, size_t n)
{
	struct binding *b = find(km, context, seq, n);
	if (b) {
		/* keep file order: the help screen lists keys in it */
		size_t i = (size_t)(b - km->v);
		memmove(b, b + 1, (km->n - i - 1) * sizeof *b);
		km->n--;
	}
}

/* A key that types itself into the search bar. */
static bool types_text(folio_key key)
{
	return key >= ' ' && key != 0x7f && key < FOLIO_KEY_SPECIAL;
}

/* Whether context has a binding for exactly seq (*exact) or one that starts with it (*longer). */
static void scan(const struct folio_keymap *km, unsigned context, bool skip_text_keys,
                 const folio_key *seq, size_t n, enum folio_action *exact, bool *longer)
{
	*exact = FOLIO_ACT_NONE;
	*longer = false;
	for (size_t i = 0; i < km->n; i++) {
		const struct binding *b = &km->v[i];
		if (b->context != context || b->n < n ||
		    memcmp(b->seq, seq, n * sizeof *seq) != 0)
			continue;
		if (skip_text_keys && types_text(b->seq[0]))
			continue;
		if (b->n == n)
			*exact = b->action;
		else
			*longer = true;
	}
}

enum folio_key_match folio_keymap_lookup(const struct folio_keymap *km, unsigned context,
                                         const folio_key *seq, size_t n,
                                         enum folio_action *action)
{
	enum folio_action ctx_exact = FOLIO_ACT_NONE, global_exact;
	bool ctx_longer = false, global_longer;

	assert(km && seq && action);
	assert(context && (context & (context - 1)) == 0);
	*action = FOLIO_ACT_NONE;
	if (n == 0 || n > FOLIO_KEY_MAX_SEQ)
		return FOLIO_KEY_UNBOUND;
	if (context != FOLIO_CTX_GLOBAL)
		scan(km, context, false, seq, n, &ctx_exact, &ctx_longer);
	scan(km, FOLIO_CTX_GLOBAL, context == FOLIO_CTX_SEARCH, seq, n, &global_exact,
	     &global_longer);

	if (ctx_exact && !ctx_longer) {
		*action = ctx_exact;
		return FOLIO_KEY_BOUND;
	}
	if (ctx_longer || global_longer) {
		*action = ctx_exact ? ctx_exact : global_exact;
		return FOLIO_KEY_PARTIAL;
	}
	if (global_exact) {
		*action = global_exact;
		return FOLIO_KEY_BOUND;
	}
	return FOLIO_KEY_UNBOUND;
}

size_t folio_keymap_describe(const struct folio_keymap *km, unsigned context,
                             enum folio_action action, char *buf, size_t size)
{
	size_t len = 0;

	assert(km && buf && size > 0);
	buf[0] = '\0';
	/* the context's own keys first, then the global ones it does not hide */
	for (int pass = 0; pass < 2; pass++) {
		unsigned want = pass == 0 ? context : FOLIO_CTX_GLOBAL;
		if (pass == 1 && context == FOLIO_CTX_GLOBAL)
			break;
		for (size_t i = 0; i < km->n; i++) {
			const struct binding *b = &km->v[i];
			enum folio_action got;
			char name[KEY_NAME_MAX * FOLIO_KEY_MAX_SEQ];

			if (b->context != want)
				continue;
			if (pass == 1 && find(km, context, b->seq, b->n))
				continue;
			if (folio_keymap_lookup(km, context, b->seq, b->n, &got) == FOLIO_KEY_UNBOUND ||
			    got != action)
				continue;
			folio_key_seq_name(b->seq, b->n, name, sizeof name);
			int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
			if (w < 0 || (size_t)w >= size - len) {
				buf[len] = '\0'; /* no room: keep the whole names written so far */
				return len;
			}
			len += (size_t)w;
		}
	}
	return len;
}

/* Loading files. */

struct loader {
	struct folio_keymap *km;
	folio_keymap_report_fn *report;
	void *ctx;
	int problems;
	size_t depth;
	char *open_files[MAX_INCLUDE_DEPTH + 1]; /* real paths being read, to stop cycles */
};

static void problem(struct loader *ld, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problem(struct loader *ld, const char *file, unsigned line, const char *fmt, ...)
{
	char reason[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	ld->problems++;
	if (ld->report)
		ld->report(ld->ctx, file, line, reason);
}

static int load_text(struct loader *ld, const char *name, const char *text, size_t len);

/*
 * Read a whole keymap file.  Returns 0 with *text malloc'd, or -1 with
 * *reason set (static text or strerror's).
 */
static int read_file(const char *path, char **text, size_t *len, const char **reason)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*reason = strerror(errno);
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		*reason = strerror(errno);
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > (off_t)MAX_FILE_BYTES) {
		*reason = S_ISREG(st.st_mode) ? "file too big for a keymap" : "not a regular file";
		close(fd);
		return -1;
	}
	char *buf = malloc((size_t)st.st_size + 1);
	size_t got = 0;
	if (!buf) {
		*reason = strerror(ENOMEM);
		close(fd);
		return -1;
	}
	for (;;) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*reason = strerror(errno);
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0 || (got += (size_t)r) == (size_t)st.st_size)
			break;
	}
	close(fd);
	buf[got] = '\0';
	*text = buf;
	*len = got;
	return 0;
}

/* Load path; a problem with the file as a whole is reported at (from, line). */
static void load_path(struct loader *ld, const char *path, const char *from, unsigned line)
{
	char *text = NULL, *real;
	size_t len;
	const char *reason;

	if (ld->depth >= MAX_INCLUDE_DEPTH) {
		problem(ld, from, line, "includes nested more than %d deep", MAX_INCLUDE_DEPTH);
		return;
	}
	real = realpath(path, NULL);
	for (size_t i = 0; real && i < ld->depth; i++) {
		if (ld->open_files[i] && strcmp(ld->open_files[i], real) == 0) {
			problem(ld, from, line, "include cycle: %.200s is already being read", path);
			free(real);
			return;
		}
	}
	if (read_file(path, &text, &len, &reason) != 0) {
		if (line)
			problem(ld, from, line, "cannot include %.200s: %s", path, reason);
		else
			problem(ld, from, line, "%s", reason);
		free(real);
		return;
	}
	ld->open_files[ld->depth++] = real;
	load_text(ld, path, text, len);
	ld->open_files[--ld->depth] = NULL;
	free(real);
	free(text);
}

static char *join_path(const char *dir, size_t dirlen, const char *file)
{
	struct folio_buf path = { 0 };
	folio_buf_printf(&path, "%.*s/%s", (int)dirlen, dir, file);
	return folio_buf_finish(&path, NULL);
}

/*
 * An include's path: absolute as written, else beside the including file,
 * else in the keymap library, so `include vi.keys` finds the copy folio
 * installed without the user knowing where that is.
 */
static char *include_path(const struct folio_keymap *km, const char *from, const char *file)
{
	const char *slash = strrchr(from, '/');
	char *path;

	if (file[0] == '/')
		return strdup(file);
	path = slash ? join_path(from, (size_t)(slash - from), file) : strdup(file);
	if (path && km->library && access(path, F_OK) != 0) {
		char *shipped = join_path(km->library, strlen(km->library), file);
		if (shipped && access(shipped, F_OK) == 0) {
			free(path);
			return shipped;
		}
		free(shipped);
	}
	return path;
}

/* Parse KEY for a directive; reports and returns 0 when it is not a usable key. */
static size_t directive_key(struct loader *ld, const char *name, unsigned line,
                            const char *word, folio_key *seq)
{
	long count = parse_seq(word, seq, FOLIO_KEY_MAX_SEQ);
	if (count <= 0) {
		problem(ld, name, line, "bad key \"%.40s\"", word);
		return 0;
	}
	if (count > FOLIO_KEY_MAX_SEQ) {
		problem(ld, name, line, "key sequence \"%.40s\" is longer than %d keys", word,
		        FOLIO_KEY_MAX_SEQ);
		return 0;
	}
	return (size_t)count;
}

static int yes_no(const char *word)
{
	if (strcmp(word, "yes") == 0 || strcmp(word, "true") == 0 || strcmp(word, "on") == 0)
		return 1;
	if (strcmp(word, "no") == 0 || strcmp(word, "false") == 0 || strcmp(word, "off") == 0)
		return 0;
	return -1;
}

static const char *const sort_names[] = { [FOLIO_SORT_DATE] = "date",
	                                   [FOLIO_SORT_TITLE] = "title",
	                                   [FOLIO_SORT_SOURCE] = "source" };

const char *folio_sort_name(enum folio_sort sort)
{
	return (size_t)sort < sizeof sort_names / sizeof sort_names[0] ? sort_names[sort] : "date";
}

/* set sort-order date|title|source */
static void set_sort(struct loader *ld, const char *name, unsigned line, const char *value)
{
	for (size_t i = 0; i < sizeof sort_names / sizeof sort_names[0]; i++) {
		if (strcmp(value, sort_names[i]) == 0) {
			ld->km->settings.sort_order = (enum folio_sort)i;
			return;
		}
	}
	problem(ld, name, line, "sort-order is date, title or source");
}

static void set_directive(struct loader *ld, const char *name, unsigned line, char **words,
                          size_t nwords)
{
	struct folio_settings *s = &ld->km->settings;
	if (nwords < 3) {
		problem(ld, name, line, "set takes a NAME and a VALUE");
		return;
	}
	const char *what = words[1], *value = words[2];
	if (strcmp(what, "date-format") == 0) {
		/* the format may hold spaces: the rest of the line, words joined by one */
		char fmt[sizeof s->date_format] = "";
		size_t at = 0;
		for (size_t i = 2; i < nwords; i++) {
			int n = snprintf(fmt + at, sizeof fmt - at, "%s%s", i > 2 ? " " : "", words[i]);
			if (n < 0 || (size_t)n >= sizeof fmt - at) {
				problem(ld, name, line, "date-format is longer than %zu bytes",
				        sizeof fmt - 1);
				return;
			}
			at += (size_t)n;
		}
		memcpy(s->date_format, fmt, sizeof fmt);
		return;
	}
	if (nwords != 3) {
		problem(ld, name, line, "set %.40s takes one VALUE", what);
		return;
	}
	if (strcmp(what, "list-width") == 0) {
		char *end;
		long n = strtol(value, &end, 10);
		if (strcmp(value, "auto") == 0)
			s->list_width = 0;
		else if (*end || end == value || n < 20 || n > 200)
			problem(ld, name, line, "list-width is a number of columns (20-200) or auto");
		else
			s->list_width = (int)n;
		return;
	}
	if (strcmp(what, "sort-order") == 0) {
		set_sort(ld, name, line, value);
		return;
	}
	bool *flag = strcmp(what, "mark-read-on-open") == 0 ? &s->mark_read_on_open
	           : strcmp(what, "confirm-quit") == 0 ? &s->confirm_quit
	           : strcmp(what, "one-row-a-story") == 0 ? &s->one_row_a_story
	           : strcmp(what, "mouse") == 0 ? &s->mouse : NULL;
	if (!flag) {
		problem(ld, name, line, "unknown setting \"%.40s\" (list-width, date-format, "
		        "mark-read-on-open, confirm-quit, one-row-a-story, mouse, sort-order)", what);
		return;
	}
	int yes = yes_no(value);
	if (yes < 0)
		problem(ld, name, line, "%s takes yes or no", what);
	else
		*flag = yes;
}

/* A colour: a name, or a number of the terminal's palette; -2 when it is neither. */
static short color_value(const char *word)
{
	static const char *const names[] = { "black", "red", "green", "yellow",
	                                     "blue", "magenta", "cyan", "white" };
	if (strcmp(word, "default") == 0)
		return -1;
	for (short i = 0; i < 8; i++)
		if (strcmp(word, names[i]) == 0)
			return i;
	char *end;
	long n = strtol(word, &end, 10);
	return !*end && end != word && n >= 0 && n <= 255 ? (short)n : -2;
}

static void color_directive(struct loader *ld, const char *name, unsigned line, char **words,
                            size_t nwords)
{
	if (nwords != 3 && nwords != 4) {
		problem(ld, name, line, "color takes ELEMENT FOREGROUND [BACKGROUND]");
		return;
	}
	int e = 0;
	while (e < FOLIO_COLOR_ELEMENTS && strcmp(words[1], color_elements[e]) != 0)
		e++;
	if (e == FOLIO_COLOR_ELEMENTS) {
		problem(ld, name, line, "unknown element \"%.40s\" (match, dim, status, title)",
		        words[1]);
		return;
	}
	short fg = color_value(words[2]), bg = nwords == 4 ? color_value(words[3]) : -1;
	if (fg == -2 || bg == -2) {
		problem(ld, name, line, "bad colour \"%.40s\" (a name such as cyan, default, or 0-255)",
		        words[fg == -2 ? 2 : 3]);
		return;
	}
	ld->km->settings.colors[e] = (struct folio_color){ true, fg, bg };
}

static void directive(struct loader *ld, const char *name, unsigned line, char **words,
                      size_t nwords)
{
	folio_key seq[FOLIO_KEY_MAX_SEQ];
	const char *verb = words[0];
	bool is_bind = strcmp(verb, "bind") == 0, is_unbind = strcmp(verb, "unbind") == 0;

	if (strcmp(verb, "include") == 0) {
		if (nwords != 2) {
			problem(ld, name, line, "include takes one file name");
			return;
		}
		char *path = include_path(ld->km, name, words[1]);
		if (!path) {
			problem(ld, name, line, "out of memory");
			return;
		}
		load_path(ld, path, name, line);
		free(path);
		return;
	}
	if (strcmp(verb, "set") == 0) {
		set_directive(ld, name, line, words, nwords);
		return;
	}
	if (strcmp(verb, "color") == 0) {
		color_directive(ld, name, line, words, nwords);
		return;
	}
	if (!is_bind && !is_unbind) {
		problem(ld, name, line, "unknown directive \"%.40s\"", verb);
		return;
	}
	if (is_bind && nwords != 4) {
		problem(ld, name, line, "bind takes three words: CONTEXT KEY ACTION");
		return;
	}
	if (is_unbind && nwords != 3) {
		problem(ld, name, line, "unbind takes two words: CONTEXT KEY");
		return;
	}
	unsigned context = folio_context_by_name(words[1]);
	if (!context) {
		problem(ld, name, line, "unknown context \"%.40s\" (global, sources, article, search)",
		        words[1]);
		return;
	}
	size_t n = directive_key(ld, name, line, words[2], seq);
	if (n == 0)
		return;
	if (is_unbind) {
		unbind(ld->km, context, seq, n);
		return;
	}
	const struct folio_action_info *info = folio_action_by_name(words[3]);
	if (!info) {
		problem(ld, name, line, "unknown action \"%.40s\"", words[3]);
		return;
	}
	if (!(info->contexts & context)) {
		problem(ld, name, line, "%s does not work in the %s context", info->name, words[1]);
		return;
	}
	if (bind(ld->km, context, seq, n, info->action) != 0)
		problem(ld, name, line, "out of memory");
}

/* Split a line (modified in place) into words; a '#' at the start of a word ends it.
 * Returns the count, which may exceed max: only the first max are stored. */
static size_t split_words(char *s, char **words, size_t max)
{
	size_t n = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (*s == '\0' || *s == '#')
			return n;
		if (n < max)
			words[n] = s;
		n++;
		while (*s && *s != ' ' && *s != '\t' && *s != '\r')
			s++;
		if (*s)
			*s++ = '\0';
	}
}

static int load_text(struct loader *ld, const char *name, const char *text, size_t len)
{
	size_t pos = 0;
	unsigned line = 0;

	while (pos < len) {
		const char *end = memchr(text + pos, '\n', len - pos);
		size_t linelen = end ? (size_t)(end - (text + pos)) : len - pos;
		char *words[KEYMAP_MAX_WORDS];
		size_t nwords;

		line++;
		if (memchr(text + pos, '\0', linelen)) {
			problem(ld, name, line, "NUL byte in line");
			pos += linelen + 1;
			continue;
		}
		char *copy = strndup(text + pos, linelen);
		if (!copy) {
			problem(ld, name, line, "out of memory");
			return -1;
		}
		pos += linelen + 1;
		nwords = split_words(copy, words, KEYMAP_MAX_WORDS);
		if (nwords > KEYMAP_MAX_WORDS)
			problem(ld, name, line, "more than %d words", KEYMAP_MAX_WORDS);
		else if (nwords > 0)
			directive(ld, name, line, words, nwords);
		free(copy);
	}
	return 0;
}

int folio_keymap_load_text(struct folio_keymap *km, const char *name, const char *text,
                           size_t len, folio_keymap_report_fn *report, void *ctx)
{
	struct loader ld = { .km = km, .report = report, .ctx = ctx };
	assert(km && name && (text || len == 0));
	load_text(&ld, name, text, len);
	return ld.problems;
}

int folio_keymap_load_file(struct folio_keymap *km, const char *path,
                           folio_keymap_report_fn *report, void *ctx)
{
	struct loader ld = { .km = km, .report = report, .ctx = ctx };
	assert(km && path);
	load_path(&ld, path, path, 0);
	return ld.problems;
}
