/*
 * import_read.c: one input to its articles, for import.c.
 *
 * Reading is careful before it is fast: a file is opened O_NONBLOCK and
 * checked with fstat() on the open descriptor before a single byte is read,
 * so a FIFO, device or socket is skipped without blocking and there is no
 * window between the check and the read; no more than
 * FOLIO_IMPORT_MAX_BYTES is read, and binary data is refused.
 *
 * What a file holds is told by its content (folio_sniff()), not its name: a
 * feed goes to feed (one article per entry, each kept under the entry's own
 * id), a web page to html, a JSON array of folio's own export back into
 * articles, anything else is decoded as text for extract.  Markup is handed
 * the raw bytes, so the charset it declares is honoured.
 *
 * Nothing here touches the store or shared state, so import.c runs it on
 * its reader thread.
 */
#include "folio/folio.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/extract.h"
#include "folio/feed.h"
#include "folio/html.h"
#include "folio/import.h"
#include "folio/json.h"
#include "folio/sniff.h"
#include "folio/text.h"
#include "import_internal.h"

/* Read at most limit + 1 bytes, so the caller can tell "too large". */
static int read_capped(int fd, size_t limit, char **out, size_t *out_len)
{
	size_t cap = 64 * 1024, len = 0;
	char *buf = malloc(cap);
	if (!buf)
		return -1;
	for (;;) {
		if (len == cap) {
			if (cap > limit) /* already holds limit + 1 bytes */
				break;
			size_t next = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
			char *grown = realloc(buf, next);
			if (!grown) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = grown;
			cap = next;
		}
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(buf);
			errno = saved;
			return -1;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	*out = buf;
	*out_len = len;
	return 0;
}

const char *import_file_type_reason(mode_t mode)
{
	if (S_ISDIR(mode))
		return "is a folder";
	if (S_ISFIFO(mode))
		return "is a FIFO, not a regular file";
	if (S_ISSOCK(mode))
		return "is a socket, not a regular file";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "is a device, not a regular file";
	return "is not a regular file";
}

/*
 * Text that is plainly not a page of prose: structured data exported by some
 * other tool.  Saying so is better than letting the extractor find a
 * "headline" among JSON keys or markup.  (Web pages and feeds never get
 * here: folio_sniff() sends them to html and feed.)
 */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *not_a_page(const char *text, size_t len)
{
	size_t start = 0, end = len;
	while (start < end && is_blank(text[start]))
		start++;
	while (end > start && is_blank(text[end - 1]))
		end--;
	if (start == end)
		return "nothing but white space";
	char first = text[start], last = text[end - 1];
	if ((first == '{' && last == '}') || (first == '[' && last == ']'))
		return "JSON data, not an article page";
	if (first == '<' && last == '>')
		return "XML or markup that is neither a web page nor a feed";
	return NULL;
}

/* Read the raw bytes of one input: a regular file, at most the limit, text. */
int import_read_raw(const char *path, char **raw, size_t *raw_len, const char **reason)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO
	                  : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	*raw = NULL;
	if (fd < 0) {
		*reason = strerror(errno);
		return -1;
	}
	if (!is_stdin) {
		struct stat sb;
		if (fstat(fd, &sb) != 0) {
			*reason = strerror(errno);
			close(fd);
			return -1;
		}
		if (!S_ISREG(sb.st_mode)) {
			*reason = import_file_type_reason(sb.st_mode);
			close(fd);
			return -1;
		}
		/* Refuse a huge file by its size, before reading any of it. */
		if ((unsigned long long)sb.st_size > FOLIO_IMPORT_MAX_BYTES) {
			*reason = "larger than 16 MiB, too large to be an article";
			close(fd);
			return -1;
		}
	}
	int rc = read_capped(fd, FOLIO_IMPORT_MAX_BYTES, raw, raw_len);
	int saved = errno;
	if (!is_stdin)
		close(fd);
	if (rc != 0) {
		*reason = strerror(saved);
		return -1;
	}
	*reason = *raw_len > FOLIO_IMPORT_MAX_BYTES ? "larger than 16 MiB, too large to be an article"
	        : *raw_len == 0 ? "empty file"
	        : folio_text_is_binary(*raw, *raw_len) ? "binary file, not text"
	        : NULL;
	if (*reason) {
		free(*raw);
		*raw = NULL;
		return -1;
	}
	return 0;
}

/* Articles gathered from `folio export --json` output. */
struct export_items {
	struct folio_feed_entry *v;
	size_t n, cap;
	const char *refused; /* why the file is refused as an export, when it is */
};

/*
 * A text field of an exported article, through the text gate like every
 * field from a page (the file may have been written by anything): NULL
 * when absent or null.  U+0000 refuses the file: no article text holds one,
 * and cutting the field there would lose the rest without a word.
 */
static char *export_text(struct export_items *items, json_object *obj, const char *key,
                         bool keep_newlines, bool *nomem)
{
	size_t len;
	const char *value = folio_json_get_string(obj, key, &len);
	if (!value)
		return NULL;
	if (memchr(value, '\0', len)) {
		items->refused = "an exported article holds \\u0000 (a NUL character), "
		                 "which no article text may";
		return NULL;
	}
	char *clean = folio_text_clean(value, len, keep_newlines, NULL);
	if (!clean)
		*nomem = true;
	return clean;
}

/* The path an exported article claims, as bytes (a file name is not text). */
static char *export_path(struct export_items *items, json_object *obj, bool *nomem)
{
	size_t len;
	const char *value = folio_json_get_string(obj, "path", &len);
	if (!value)
		return NULL;
	if (memchr(value, '\0', len)) {
		items->refused = "an exported article's path holds \\u0000 (a NUL character)";
		return NULL;
	}
	char *copy = strdup(value);
	if (!copy)
		*nomem = true;
	return copy;
}

static int export_object(void *ctx, json_object *obj)
{
	struct export_items *items = ctx;
	size_t len;
	/* Not ours: every exported article has a title (maybe null) and a body. */
	if (!json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, "title", NULL) || !folio_json_get_string(obj, "body", &len))
		return 2;
	if (items->n == items->cap) {
		size_t cap = items->cap ? items->cap * 2 : 16;
		struct folio_feed_entry *grown = realloc(items->v, cap * sizeof *grown);
		if (!grown)
			return -1;
		items->v = grown;
		items->cap = cap;
	}
	bool nomem = false;
	struct folio_feed_entry *e = &items->v[items->n++];
	struct folio_article *a = &e->article;
	a->source = export_text(items, obj, "source", false, &nomem);
	a->title = export_text(items, obj, "title", false, &nomem);
	a->byline = export_text(items, obj, "byline", false, &nomem);
	a->date = export_text(items, obj, "date", false, &nomem);
	a->dateline = export_text(items, obj, "dateline", false, &nomem);
	a->body = export_text(items, obj, "body", true, &nomem);
	e->id = export_path(items, obj, &nomem);
	return nomem ? -1 : items->refused ? 3 : 0;
}

/*
 * folio's own export read back: the fields are taken as they are (they were
 * extracted once already), and each article keeps the path it was imported
 * from, so an export imported into the store it came from changes nothing.
 */
static enum folio_extract_result exported_articles(const char *text, size_t len,
                                                   struct folio_feed_entry **items, size_t *n,
                                                   const char **refused)
{
	struct export_items got = { 0 };
	const char *reason;
	/* Flat objects only: an export never nests. */
	int rc = folio_json_array_each(text, len, 1, export_object, &got, &reason);
	if (rc != 0 || got.n == 0) {
		folio_feed_free(got.v, got.n);
		*refused = got.refused;
		return rc == -1 ? FOLIO_EXTRACT_NOMEM : FOLIO_EXTRACT_NO_ARTICLE;
	}
	*items = got.v;
	*n = got.n;
	return FOLIO_EXTRACT_OK;
}

/* One article in an array of one, for the page kinds. */
static enum folio_extract_result one_item(enum folio_extract_result ex, struct folio_article *a,
                                          struct folio_feed_entry **items, size_t *n)
{
	if (ex != FOLIO_EXTRACT_OK)
		return ex;
	if (!(*items = calloc(1, sizeof **items))) {
		folio_article_free(a);
		return FOLIO_EXTRACT_NOMEM;
	}
	(*items)[0].article = *a;
	*n = 1;
	return FOLIO_EXTRACT_OK;
}

/*
 * The articles in the raw bytes of one input, by what its content is: a
 * feed gives one per entry, a web page or a plain-text page one.  Markup
 * gets the raw bytes so its own charset declaration is honoured; only
 * plain text goes through folio_text_decode().
 */
enum folio_extract_result import_find_articles(const char *raw, size_t raw_len,
                                               enum folio_kind *kind,
                                               struct folio_feed_entry **items, size_t *n,
                                               const char **reason)
{
	struct folio_article a;
	*items = NULL;
	*n = 0;
	*reason = NULL;
	*kind = folio_sniff(raw, raw_len);
	if (*kind == FOLIO_KIND_FEED)
		return folio_feed_parse(raw, raw_len, items, n, reason);
	if (*kind == FOLIO_KIND_HTML)
		return one_item(folio_html_extract(raw, raw_len, &a, reason), &a, items, n);
	size_t len;
	char *text = folio_text_decode(raw, raw_len, &len);
	if (!text)
		return FOLIO_EXTRACT_NOMEM;
	if ((*reason = not_a_page(text, len))) {
		enum folio_extract_result ex = FOLIO_EXTRACT_NO_ARTICLE;
		if (text[strspn(text, " \t\r\n")] == '[') {
			const char *refused = NULL;
			ex = exported_articles(text, len, items, n, &refused);
			if (ex == FOLIO_EXTRACT_OK) {
				*kind = FOLIO_KIND_EXPORT;
				*reason = NULL;
			} else if (refused) {
				*reason = refused;
			}
		}
		free(text);
		return ex;
	}
	enum folio_extract_result ex = folio_extract(text, len, &a, reason);
	free(text);
	return one_item(ex, &a, items, n);
}

int folio_import_articles(const char *path, struct folio_feed_entry **items, size_t *n,
                          const char **reason)
{
	char *raw;
	size_t raw_len;
	enum folio_kind kind;
	*items = NULL;
	*n = 0;
	if (import_read_raw(path, &raw, &raw_len, reason) != 0)
		return -1;
	enum folio_extract_result ex = import_find_articles(raw, raw_len, &kind, items, n, reason);
	free(raw);
	if (ex == FOLIO_EXTRACT_NOMEM)
		*reason = "out of memory";
	else if (ex != FOLIO_EXTRACT_OK && !*reason)
		*reason = "no article found";
	return ex == FOLIO_EXTRACT_OK ? 0 : -1;
}

/*
 * Where an article is kept in the store, so that importing it again finds
 * it: a page by its file; a feed entry by its own id, so a newer copy of
 * the feed, under any file name, updates the entries it shares.  An id that
 * is a URI ("https://...", "tag:...", "urn:...") is unique on its own; a
 * bare one ("42") is unique only in its feed, so the feed's title goes in
 * front.  An entry with no id at all is known by its feed file and title.
 * An article from an export keeps the path it had in the exporting store.
 */
char *import_beside(const char *file, const char *claimed)
{
	char *path;
	return asprintf(&path, "%s#%s", file, claimed) < 0 ? NULL : path;
}

char *import_identity(const char *file, enum folio_kind kind, const struct folio_feed_entry *item)
{
	if (kind == FOLIO_KIND_EXPORT)
		return strdup(item->id ? item->id : "-");
	const char *feed = item->article.source ? item->article.source : "";
	const char *key = item->id ? item->id : item->article.title;
	if (item->id && strchr(item->id, ':'))
		return strdup(item->id);
	if (kind != FOLIO_KIND_FEED || !key)
		return strdup(file);
	const char *scope = item->id ? feed : file;
	size_t need = strlen(scope) + strlen(key) + 2;
	char *path = malloc(need);
	if (path)
		snprintf(path, need, "%s#%s", scope, key);
	return path;
}
