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
	struct folio_buf b;
	folio_buf_init(&b, 64 * 1024 - 1);
	for (size_t left; (left = limit + 1 - b.len) > 0;) {
		if (!folio_buf_room(&b, 1))
			break; /* memory ran out: folio_buf_finish() says so */
		size_t room = b.cap - b.len - 1; /* the NUL's byte stays free */
		ssize_t got = read(fd, b.s + b.len, room < left ? room : left);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			folio_buf_free(&b);
			errno = saved;
			return -1;
		}
		if (got == 0)
			break;
		b.len += (size_t)got;
	}
	if (!(*out = folio_buf_finish(&b, out_len))) {
		errno = ENOMEM;
		return -1;
	}
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

#define TOO_LARGE "larger than 16 MiB, too large for a single page " \
                  "(only feeds and exports are read at any size)"

/* How much of a large file is read first, to tell what it is. */
#define STREAM_HEAD (64 * 1024)

/* Read the raw bytes of one input: a regular file, at most the limit, text. */
int import_read_raw(const char *path, char **raw, size_t *raw_len, int *big_fd,
                    const char **reason)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO
	                  : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	bool big = false;
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
		/* A huge file is refused by its size before any of it is read,
		 * unless the caller streams: then its head tells what it is. */
		if ((unsigned long long)sb.st_size > FOLIO_IMPORT_MAX_BYTES) {
			if (!big_fd) {
				*reason = TOO_LARGE;
				close(fd);
				return -1;
			}
			big = true;
		}
	}
	int rc = read_capped(fd, big ? STREAM_HEAD - 1 : FOLIO_IMPORT_MAX_BYTES, raw, raw_len);
	int saved = errno;
	if (!is_stdin && (!big || rc != 0))
		close(fd);
	if (rc != 0) {
		*reason = strerror(saved);
		return -1;
	}
	bool binary = *raw_len > 0 && folio_text_is_binary(*raw, *raw_len);
	*reason = (!big && *raw_len > FOLIO_IMPORT_MAX_BYTES) || (big && binary) ? TOO_LARGE
	        : *raw_len == 0 ? "empty file"
	        : binary ? "binary file, not text"
	        : NULL;
	if (*reason) {
		free(*raw);
		*raw = NULL;
		if (big)
			close(fd);
		return -1;
	}
	if (big)
		*big_fd = fd;
	return big ? 1 : 0;
}

/*
 * folio's own export read back, element by element (json-c's tokener, fed
 * the text in pieces), so an export of any size is one article in memory at
 * a time.  Each article goes to each as soon as it is read.
 */
struct export_read {
	import_item_fn *each;
	void *ctx;
	size_t n;
	const char *refused; /* why the element that stopped the walk is refused */
	int stop_rc;         /* each's non-zero return */
	struct folio_json_reader json;
};

/* The JSON reader's returns from export_object, besides 0 and -1. */
enum { EXPORT_NOT_OURS = 2, EXPORT_REFUSED = 3, EXPORT_STOPPED = 4 };

/*
 * A text field of an exported article, through the text gate like every
 * field from a page (the file may have been written by anything): NULL
 * when absent or null.  U+0000 refuses the article: no article text holds
 * one, and cutting the field there would lose the rest without a word.
 */
static char *export_text(struct export_read *x, json_object *obj, const char *key,
                         bool keep_newlines, bool *nomem)
{
	size_t len;
	const char *value = folio_json_get_string(obj, key, &len);
	if (!value)
		return NULL;
	if (memchr(value, '\0', len)) {
		x->refused = "an exported article holds \\u0000 (a NUL character), "
		             "which no article text may";
		return NULL;
	}
	char *clean = folio_text_clean(value, len, keep_newlines, NULL);
	if (!clean)
		*nomem = true;
	return clean;
}

/* The path an exported article claims, as bytes (a file name is not text). */
static char *export_path(struct export_read *x, json_object *obj, bool *nomem)
{
	size_t len;
	const char *value = folio_json_get_string(obj, "path", &len);
	if (!value)
		return NULL;
	if (memchr(value, '\0', len)) {
		x->refused = "an exported article's path holds \\u0000 (a NUL character)";
		return NULL;
	}
	char *copy = strdup(value);
	if (!copy)
		*nomem = true;
	return copy;
}

static int export_object(void *ctx, json_object *obj)
{
	struct export_read *x = ctx;
	size_t len;
	/* Not ours: every exported article has a title (maybe null) and a body. */
	if (!json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, "title", NULL) || !folio_json_get_string(obj, "body", &len))
		return EXPORT_NOT_OURS;
	bool nomem = false;
	struct folio_import_item e = { { 0 }, NULL };
	struct folio_article *a = &e.article;
	a->source = export_text(x, obj, "source", false, &nomem);
	a->title = export_text(x, obj, "title", false, &nomem);
	a->byline = export_text(x, obj, "byline", false, &nomem);
	a->date = export_text(x, obj, "date", false, &nomem);
	a->dateline = export_text(x, obj, "dateline", false, &nomem);
	a->body = export_text(x, obj, "body", true, &nomem);
	char *url = export_text(x, obj, "url", false, &nomem);
	a->url = url ? folio_text_url(url, strlen(url)) : NULL; /* anything else is dropped */
	free(url);
	e.id = export_path(x, obj, &nomem);
	if (nomem || x->refused) {
		folio_article_free(a);
		free(e.id);
		return nomem ? -1 : EXPORT_REFUSED;
	}
	x->n++;
	if ((x->stop_rc = x->each(x->ctx, &e)) != 0)
		return EXPORT_STOPPED;
	return 0;
}

static int export_open(struct export_read *x, import_item_fn *each, void *ctx)
{
	*x = (struct export_read){ .each = each, .ctx = ctx };
	/* Flat objects only: an export never nests. */
	return folio_json_reader_open(&x->json, 1, export_object, x);
}

/*
 * How the walk ended (rc: the reader's last return, after close when it
 * got to the end).  OK when some article was read: *reason NULL, or where
 * the export broke off.  A file whose first element is not ours is not an
 * export (NO_ARTICLE, *reason NULL).
 */
static enum folio_extract_result export_end(struct export_read *x, int rc, const char **reason)
{
	static __thread char where[200];
	const char *why = rc == 1 ? x->json.reason
	                : rc == EXPORT_REFUSED ? x->refused
	                : rc == EXPORT_NOT_OURS ? "an element that is not an exported article"
	                : NULL;
	*reason = NULL;
	if (rc == -1)
		return FOLIO_EXTRACT_NOMEM;
	if (rc == 0 || rc == EXPORT_STOPPED)
		return x->n > 0 || rc == EXPORT_STOPPED ? FOLIO_EXTRACT_OK : FOLIO_EXTRACT_NO_ARTICLE;
	if (x->n == 0) {
		*reason = rc == EXPORT_REFUSED ? x->refused : NULL;
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	snprintf(where, sizeof where, "the export breaks off after %zu articles: %s", x->n,
	         why ? why : "not JSON");
	*reason = where;
	return FOLIO_EXTRACT_OK;
}

/* An export whole in memory. */
static enum folio_extract_result export_each(const char *text, size_t len,
                                             import_item_fn *each, void *ctx,
                                             const char **reason)
{
	struct export_read x;
	if (export_open(&x, each, ctx) != 0)
		return FOLIO_EXTRACT_NOMEM;
	int rc = folio_json_reader_feed(&x.json, text, len);
	if (rc == 0)
		rc = folio_json_reader_close(&x.json);
	else
		(void)folio_json_reader_close(&x.json);
	return export_end(&x, rc, reason);
}

/*
 * folio's own export read back: the fields are taken as they are (they were
 * extracted once already), and each article keeps the path it was imported
 * from, so an export imported into the store it came from changes nothing.
 */
static enum folio_extract_result exported_articles(const char *text, size_t len,
                                                   struct folio_import_item **items, size_t *n,
                                                   const char **reason)
{
	struct import_list got = { 0 };
	enum folio_extract_result ex = export_each(text, len, import_collect, &got, reason);
	if (got.oom)
		ex = FOLIO_EXTRACT_NOMEM;
	if (ex != FOLIO_EXTRACT_OK) {
		folio_import_items_free(got.v, got.n);
		return ex;
	}
	*items = got.v;
	*n = got.n;
	return FOLIO_EXTRACT_OK;
}

/* What sniff tells of the bytes, as import's kind. */
static enum import_kind sniffed(const char *bytes, size_t len)
{
	switch (folio_sniff(bytes, len)) {
	case FOLIO_KIND_FEED: return IMPORT_FEED;
	case FOLIO_KIND_HTML: return IMPORT_HTML;
	case FOLIO_KIND_TEXT: break;
	}
	return IMPORT_TEXT;
}

FOLIO_DEFINE_GROW(grow_items, struct folio_import_item)

int import_collect(void *list, struct folio_import_item *item)
{
	struct import_list *l = list;
	if (!grow_items(&l->v, &l->cap, l->n + 1)) {
		folio_article_free(&item->article);
		free(item->id);
		l->oom = true;
		return -1;
	}
	l->v[l->n++] = *item;
	return 0;
}

void folio_import_items_free(struct folio_import_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		folio_article_free(&items[i].article);
		free(items[i].id);
	}
	free(items);
}

/* A feed's entries as import's items: the strings move, entries is freed. */
static enum folio_extract_result feed_items(enum folio_extract_result ex,
                                            struct folio_feed_entry *entries, size_t nentries,
                                            struct folio_import_item **items, size_t *n)
{
	if (ex != FOLIO_EXTRACT_OK)
		return ex;
	if (!(*items = calloc(nentries, sizeof **items))) {
		folio_feed_free(entries, nentries);
		return FOLIO_EXTRACT_NOMEM;
	}
	for (size_t i = 0; i < nentries; i++)
		(*items)[i] = (struct folio_import_item){ entries[i].article, entries[i].id };
	free(entries);
	*n = nentries;
	return FOLIO_EXTRACT_OK;
}

/* A streamed feed's entries handed on as import's items. */
struct relay {
	import_item_fn *each;
	void *ctx;
};

static int relay_entry(void *ctx, struct folio_feed_entry *e)
{
	struct relay *r = ctx;
	struct folio_import_item item = { e->article, e->id };
	return r->each(r->ctx, &item);
}

/* One article in an array of one, for the page kinds. */
static enum folio_extract_result one_item(enum folio_extract_result ex, struct folio_article *a,
                                          struct folio_import_item **items, size_t *n)
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
                                               enum import_kind *kind,
                                               struct folio_import_item **items, size_t *n,
                                               const char **reason)
{
	struct folio_article a;
	struct folio_feed_entry *entries;
	size_t nentries;
	*items = NULL;
	*n = 0;
	*reason = NULL;
	*kind = sniffed(raw, raw_len);
	if (*kind == IMPORT_FEED) {
		enum folio_extract_result ex = folio_feed_parse(raw, raw_len, &entries, &nentries, reason);
		return feed_items(ex, entries, nentries, items, n);
	}
	if (*kind == IMPORT_HTML)
		return one_item(folio_html_extract(raw, raw_len, &a, reason), &a, items, n);
	size_t len;
	char *text = folio_text_decode(raw, raw_len, &len, reason);
	if (!text)
		return *reason ? FOLIO_EXTRACT_NO_ARTICLE : FOLIO_EXTRACT_NOMEM;
	/* An export, whole or cut off after some articles (so not ending in ']'). */
	if (text[strspn(text, " \t\r\n")] == '[') {
		const char *why = NULL;
		enum folio_extract_result ex = exported_articles(text, len, items, n, &why);
		if (ex == FOLIO_EXTRACT_OK)
			*kind = IMPORT_EXPORT;
		if (ex == FOLIO_EXTRACT_OK || ex == FOLIO_EXTRACT_NOMEM || why) {
			*reason = why;
			free(text);
			return ex;
		}
	}
	if ((*reason = not_a_page(text, len))) {
		free(text);
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	enum folio_extract_result ex = folio_extract(text, len, &a, reason);
	free(text);
	return one_item(ex, &a, items, n);
}

/* The rest of a large file, as the stream asks for it. */
static long read_more(void *ctx, char *buf, size_t len)
{
	int fd = *(int *)ctx;
	for (;;) {
		ssize_t got = read(fd, buf, len);
		if (got >= 0 || errno != EINTR)
			return got;
	}
}

/* A large export: the head, then the rest of the file in pieces. */
static enum folio_extract_result export_stream(int fd, const char *head, size_t head_len,
                                               import_item_fn *each, void *ctx,
                                               const char **reason, int *stop_rc)
{
	struct export_read x;
	if (export_open(&x, each, ctx) != 0)
		return FOLIO_EXTRACT_NOMEM;
	int rc = folio_json_reader_feed(&x.json, head, head_len);
	bool failed = false;
	char *buf = rc == 0 ? malloc(1 << 20) : NULL;
	if (rc == 0 && !buf)
		rc = -1;
	while (rc == 0) {
		long got = read_more(&fd, buf, 1 << 20);
		if (got <= 0) {
			failed = got < 0;
			break;
		}
		rc = folio_json_reader_feed(&x.json, buf, (size_t)got);
	}
	free(buf);
	if (rc == 0 && !failed)
		rc = folio_json_reader_close(&x.json);
	else
		(void)folio_json_reader_close(&x.json);
	*stop_rc = x.stop_rc;
	if (failed && rc == 0) {
		static __thread char where[120];
		snprintf(where, sizeof where,
		         "the file could not be read to its end; the %zu articles before were read", x.n);
		*reason = where;
		return x.n > 0 ? FOLIO_EXTRACT_OK : FOLIO_EXTRACT_NO_ARTICLE;
	}
	return export_end(&x, rc, reason);
}

enum folio_extract_result import_stream_articles(int fd, const char *head, size_t head_len,
                                                 enum import_kind *kind,
                                                 import_item_fn *each, void *ctx,
                                                 const char **reason, int *stop_rc)
{
	*reason = NULL;
	*stop_rc = 0;
	*kind = sniffed(head, head_len);
	if (*kind == IMPORT_FEED) {
		size_t n;
		struct relay r = { each, ctx };
		return folio_feed_stream(head, head_len, read_more, &fd, relay_entry, &r, &n, reason,
		                         stop_rc);
	}
	size_t skip = head_len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (skip < head_len && is_blank(head[skip]))
		skip++;
	if (*kind != IMPORT_TEXT || skip == head_len || head[skip] != '[') {
		*reason = TOO_LARGE;
		return FOLIO_EXTRACT_NO_ARTICLE;
	}
	*kind = IMPORT_EXPORT;
	enum folio_extract_result ex = export_stream(fd, head + skip, head_len - skip, each, ctx,
	                                             reason, stop_rc);
	if (ex == FOLIO_EXTRACT_NO_ARTICLE && !*reason)
		*reason = "JSON data larger than 16 MiB, and not folio's export";
	return ex;
}

int folio_import_articles(const char *path, struct folio_import_item **items, size_t *n,
                          const char **reason)
{
	char *raw;
	size_t raw_len;
	enum import_kind kind;
	*items = NULL;
	*n = 0;
	if (import_read_raw(path, &raw, &raw_len, NULL, reason) != 0)
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

char *import_identity(const char *file, enum import_kind kind, const struct folio_import_item *item)
{
	if (kind == IMPORT_EXPORT)
		return strdup(item->id ? item->id : "-");
	const char *feed = item->article.source ? item->article.source : "";
	const char *key = item->id ? item->id : item->article.title;
	if (item->id && strchr(item->id, ':'))
		return strdup(item->id);
	if (kind != IMPORT_FEED || !key)
		return strdup(file);
	const char *scope = item->id ? feed : file;
	struct folio_buf path = { 0 };
	folio_buf_printf(&path, "%s#%s", scope, key);
	return folio_buf_finish(&path, NULL);
}
