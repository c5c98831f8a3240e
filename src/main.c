/*
 * main.c: folio's command line.  Parses options, finds the store, and hands
 * each command to the module that does it.  This is the only place that
 * chooses an exit status:
 *   0 all done, 1 done but some inputs were skipped (or not found),
 *   2 usage error, 3 the store cannot be used.
 */
#include "folio/folio.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/actions.h"
#include "folio/cli.h"
#include "folio/demo.h"
#include "folio/keymap.h"
#include "folio/store.h"
#include "folio/text.h"
#include "folio/ui.h"

enum { EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_STORE = 3 };

/* parse_command_options() printed the command's help: stop, with status 0. */
#define HELP_SHOWN (-1)

static const char usage_text[] =
	"usage: folio [--db FILE] [--keys FILE]         open the reader\n"
	"       folio --demo                            the reader on the sample articles\n"
	"       folio [--db FILE] import [--quiet] PATH...\n"
	"       folio extract [--json] FILE...\n"
	"       folio [--db FILE] sources [--json]\n"
	"       folio [--db FILE] list [--source NAME] [--limit N] [--json]\n"
	"       folio [--db FILE] show [--json] ID\n"
	"       folio [--db FILE] open ID\n"
	"       folio [--db FILE] mark [--unread] (ID...|QUERY...|--source NAME|--all)\n"
	"       folio [--db FILE] delete ID...\n"
	"       folio [--db FILE] tag [--remove] [NAME (ID...|QUERY...)]\n"
	"       folio [--db FILE] saved [--remove] [NAME [QUERY...]]\n"
	"       folio [--db FILE] search [--limit N] [--json] QUERY...\n"
	"       folio [--db FILE] timeline [--source NAME] [--by day|week|month|year] [--json]\n"
	"                                  [QUERY...]\n"
	"       folio [--db FILE] export [--json|--text] [--source NAME] [QUERY...]\n"
	"       folio [--db FILE] check\n"
	"       folio --help | --version | --list-actions\n";

static const char help_text[] =
	"\n"
	"Commands:\n"
	"  import    read files and folders (recursively; - is standard input) into the store\n"
	"  extract   print what import would store for each file, touching no store\n"
	"  sources   count TAB name, one source a line\n"
	"  list      id TAB date TAB source TAB title, newest first\n"
	"  show      one article: header lines, a blank line, the body\n"
	"  open      the article's web address in $BROWSER (printed if there is none)\n"
	"  mark      mark articles, a source, a query's matches or all read (--unread)\n"
	"  delete    delete articles; importing their files again leaves them out\n"
	"  tag       tag articles (tag:NAME finds them); no arguments: list the tags\n"
	"  saved     save a search by name (the reader lists it with the sources)\n"
	"  search    id TAB score TAB source TAB title, best first\n"
	"  timeline  articles (or a query's) counted by day, week, month or year, as bars\n"
	"  export    whole articles as text or JSON (which import reads back)\n"
	"  check     read the whole store and report any damage\n"
	"\n"
	"Search: words (all must match), \"a phrase\", prefix*, a OR b, -word,\n"
	"source:NAME, by:NAME, title:WORD, tag:NAME, after:YYYY-MM-DD, before:YYYY-MM-DD.\n"
	"\n"
	"Options may come before or after the command and its words; -- ends them\n"
	"(folio search putin -- -missile).\n"
	"\n"
	"The store is --db FILE, else $FOLIO_DB, else $XDG_DATA_HOME/folio/folio.db\n"
	"(~/.local/share/folio/folio.db).  Keys: keymaps/default.keys (built in), then\n"
	"$XDG_CONFIG_HOME/folio/keys, then --keys FILE.  In the reader, ? lists the keys.\n"
	"\n"
	"Exit status: 0 done, 1 some inputs skipped, 2 usage error, 3 store unusable.\n";

/* The one line a usage error outside any command ends with. */
static const char short_usage[] =
	"usage: folio [--db FILE] [--keys FILE] [COMMAND [ARGS...]] (folio --help lists them)\n";

/*
 * A usage error: the reason, then only the usage line that applies (the
 * command's own, or folio's), not the whole list: the reason is what the
 * user needs to see.  usage is a command's help text (its first line is
 * printed), or NULL.
 */
static int usage_error(const char *usage, const char *fmt, const char *arg)
	__attribute__((format(printf, 2, 0)));
static int usage_error(const char *usage, const char *fmt, const char *arg)
{
	folio_warn(fmt, arg);
	if (usage)
		fprintf(stderr, "%.*s\n", (int)strcspn(usage, "\n"), usage);
	else
		fputs(short_usage, stderr);
	return EXIT_USAGE;
}

static int exit_status(enum folio_cli_result r)
{
	switch (r) {
	case FOLIO_CLI_OK: return 0;
	case FOLIO_CLI_PARTIAL: return EXIT_PARTIAL;
	case FOLIO_CLI_USAGE: return EXIT_USAGE;
	case FOLIO_CLI_STORE: break;
	}
	return EXIT_STORE;
}

/* The store's path: --db, $FOLIO_DB, $XDG_DATA_HOME/folio/folio.db, ~/.local/share/... */
static char *store_path(const char *db_option)
{
	const char *env;
	if (db_option)
		return strdup(db_option);
	if ((env = getenv("FOLIO_DB")) && *env)
		return strdup(env);
	return folio_xdg_path(FOLIO_XDG_DATA, "folio.db");
}

static int open_store(const char *db_option, int flags, struct folio_store **st)
{
	errno = 0;
	char *path = store_path(db_option);
	char *err = NULL;
	if (!path && errno == ENOENT) {
		folio_warn("HOME is not set, so there is no default store: use --db FILE or set FOLIO_DB");
		return EXIT_USAGE;
	}
	if (!path) {
		folio_warn("out of memory");
		return EXIT_STORE;
	}
	if ((flags & FOLIO_STORE_READONLY) && access(path, F_OK) != 0 && errno == ENOENT) {
		char *escaped = folio_text_escape(path, strlen(path));
		folio_warn("no store at %s yet: import articles first (folio import PATH...)",
		           escaped ? escaped : "?");
		free(escaped);
		free(path);
		return EXIT_STORE;
	}
	int rc = folio_store_open(path, flags, st, &err);
	free(path);
	if (rc != 0) {
		folio_cli_error(err);
		return EXIT_STORE;
	}
	return 0;
}

/* A whole number >= 0 for --limit or an id; -1 when text is not one. */
static int64_t parse_count(const char *text)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < 0)
		return -1;
	return v;
}

/* Options of one command: --json, --text, --quiet, --source NAME, --limit N. */
struct command_options {
	bool json, quiet, copies, unread, all, remove, restore;
	const char *source;
	const char *by; /* timeline --by: day, week, month or year */
	int64_t limit;
	char **args; /* what is left: paths, an id, query words */
	int nargs;
};

/* The words of a query given as several arguments, joined by spaces. */
static char *join_words(char **words, int n)
{
	struct folio_buf joined = { 0 };
	for (int i = 0; i < n; i++) {
		if (i)
			folio_buf_byte(&joined, ' ');
		folio_buf_str(&joined, words[i]);
	}
	return folio_buf_finish(&joined, NULL);
}

/* Every keymap problem goes to stderr; the reader's status line gets the first and a count. */
struct keymap_problems {
	char *first;
	unsigned count;
};

static void report_keymap(void *ctx, const char *file, unsigned line, const char *reason)
{
	struct keymap_problems *problems = ctx;
	problems->count++;
	char **first = &problems->first;
	char *escaped = folio_text_escape(file, strlen(file));
	char *msg = NULL;
	if (line && asprintf(&msg, "%s:%u: %s", escaped ? escaped : "?", line, reason) < 0)
		msg = NULL;
	if (!line && asprintf(&msg, "%s: %s", escaped ? escaped : "?", reason) < 0)
		msg = NULL;
	free(escaped);
	if (!msg)
		return;
	folio_warn("%s", msg);
	if (!*first)
		*first = msg;
	else
		free(msg);
}

/*
 * Where the keymaps folio ships are: the folder configure chose, else the
 * same place relative to the running binary, so an install moved to another
 * prefix (or staged with DESTDIR) still finds them.
 */
static char *keymap_library(void)
{
	struct stat sb;
	if (stat(FOLIO_KEYMAPDIR, &sb) == 0 && S_ISDIR(sb.st_mode))
		return strdup(FOLIO_KEYMAPDIR);
	char *exe = realpath("/proc/self/exe", NULL);
	char *slash = exe ? strrchr(exe, '/') : NULL;
	char *dir = NULL;
	if (slash) {
		*slash = '\0';
		if (asprintf(&dir, "%s/../share/%s/keymaps", exe, PACKAGE) < 0)
			dir = NULL;
	}
	free(exe);
	if (dir && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
		free(dir);
		dir = NULL;
	}
	return dir;
}

/* The compiled-in default keys, then the user's file, then --keys FILE. */
static struct folio_keymap *load_keymaps(const char *keys_option,
                                         struct keymap_problems *problems)
{
	struct folio_keymap *km = folio_keymap_new();
	if (!km)
		return NULL;
	char *library = keymap_library();
	if (library && folio_keymap_set_library(km, library) != 0) {
		free(library);
		folio_keymap_free(km);
		return NULL;
	}
	free(library);
	folio_keymap_load_text(km, "default.keys", folio_default_keys, folio_default_keys_len,
	                       report_keymap, problems);
	char *user = folio_xdg_path(FOLIO_XDG_CONFIG, "keys");
	if (user && access(user, F_OK) == 0)
		folio_keymap_load_file(km, user, report_keymap, problems);
	free(user);
	if (keys_option)
		folio_keymap_load_file(km, keys_option, report_keymap, problems);
	return km;
}

static int run_reader(struct folio_store *st, const char *keys_option)
{
	struct keymap_problems problems = { NULL, 0 };
	struct folio_keymap *km = load_keymaps(keys_option, &problems);
	if (!km) {
		free(problems.first);
		folio_warn("out of memory");
		return EXIT_STORE;
	}
	char *problem = problems.first;
	if (problems.count > 1 && problem) {
		/* the status line has room for one: say there are more, and where they all are */
		char *summary = NULL;
		if (asprintf(&summary, "keys: %u problems, first: %s (all on stderr)", problems.count,
		             problem) >= 0) {
			free(problem);
			problem = summary;
		}
	}
	struct folio_ui_options opts = { .startup_message = problem };
	char *err = NULL;
	int signal_number = 0;
	enum folio_ui_end end = folio_ui_run(st, km, &opts, &signal_number, &err);
	folio_keymap_free(km);
	free(problem);
	if (err)
		folio_cli_error(err);
	switch (end) {
	case FOLIO_UI_QUIT: return 0;
	case FOLIO_UI_SIGNAL: return 128 + signal_number; /* what a shell reports for a kill */
	case FOLIO_UI_NO_TERMINAL: return EXIT_USAGE;
	case FOLIO_UI_STORE_FAILED: break;
	}
	return EXIT_STORE;
}

static int list_actions(void)
{
	for (size_t i = 0; i < folio_action_count; i++) {
		const struct folio_action_info *a = &folio_actions[i];
		printf("%-16s", a->name);
		const char *sep = "";
		for (unsigned bit = 1; bit <= FOLIO_CTX_SEARCH; bit <<= 1)
			if (a->contexts & bit) {
				printf("%s%s", sep, folio_context_name(bit));
				sep = ",";
			}
		printf("\t%s\n", a->help);
	}
	return 0;
}

/* ---- the commands: one table gives each its options, arguments, store and help ---- */

static enum folio_cli_result out_of_memory(void)
{
	folio_warn("out of memory");
	return FOLIO_CLI_STORE;
}

static enum folio_cli_result run_extract(struct folio_store *st, const struct command_options *o)
{
	(void)st;
	return folio_cli_extract(o->args, (size_t)o->nargs, o->json);
}

static enum folio_cli_result run_import(struct folio_store *st, const struct command_options *o)
{
	folio_store_set_restore(st, o->restore);
	/* what linking near duplicates costs is measured against an import without it */
	const char *no_linking = getenv("FOLIO_NO_LINKING");
	folio_store_set_linking(st, !no_linking || !*no_linking);
	return folio_cli_import(st, o->args, (size_t)o->nargs, o->quiet);
}

static enum folio_cli_result run_sources(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_sources(st, o->json);
}

static enum folio_cli_result run_list(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_list(st, o->source, o->limit, o->json, o->copies);
}

static enum folio_cli_result run_show(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_show(st, parse_count(o->args[0]), o->json);
}

static enum folio_cli_result run_open(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_open(st, parse_count(o->args[0]));
}

static enum folio_cli_result run_mark(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_mark(st, o->args, (size_t)o->nargs, o->source, o->all, o->unread);
}

static enum folio_cli_result run_delete(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_delete(st, o->args, (size_t)o->nargs);
}

static enum folio_cli_result run_tag(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_tag(st, o->args, (size_t)o->nargs, o->remove);
}

static enum folio_cli_result run_saved(struct folio_store *st, const struct command_options *o)
{
	return folio_cli_saved(st, o->args, (size_t)o->nargs, o->remove);
}

static enum folio_cli_result run_check(struct folio_store *st, const struct command_options *o)
{
	(void)o;
	return folio_cli_check(st);
}

static enum folio_cli_result run_search(struct folio_store *st, const struct command_options *o)
{
	char *query = join_words(o->args, o->nargs);
	if (!query)
		return out_of_memory();
	enum folio_cli_result result = folio_cli_search(st, query, o->limit, o->json, o->copies);
	free(query);
	return result;
}

static enum folio_cli_result run_timeline(struct folio_store *st,
                                         const struct command_options *o)
{
	char *query = join_words(o->args, o->nargs);
	if (!query)
		return out_of_memory();
	enum folio_cli_result result = folio_cli_timeline(st, o->source, query, o->by, o->json);
	free(query);
	return result;
}

static enum folio_cli_result run_export(struct folio_store *st, const struct command_options *o)
{
	char *query = join_words(o->args, o->nargs);
	if (!query)
		return out_of_memory();
	enum folio_cli_result result = folio_cli_export(st, o->source, query, o->json);
	free(query);
	return result;
}

/* What the arguments left after the options must be. */
enum command_args { ANY_ARGS, SOME_ARGS, NO_ARGS, ONE_ID };

#define NO_STORE (-1)

static const struct command {
	const char *name;
	const char *options;      /* the ones parse_command_options() allows */
	enum command_args args;
	const char *args_wrong;   /* the usage error when they are not so */
	int store;                /* folio_store_open() flags, or NO_STORE */
	enum folio_cli_result (*run)(struct folio_store *st, const struct command_options *o);
	const char *help;         /* what `folio COMMAND --help` prints */
} commands[] = {
	{ "import", "quiet restore", SOME_ARGS, "import needs at least one PATH", FOLIO_STORE_CREATE,
	  run_import,
	  "usage: folio [--db FILE] import [--quiet] [--restore] PATH...\n"
	  "Read plain-text pages, HTML pages and RSS/Atom/RDF feeds, files and folders\n"
	  "(recursively), into the store; - reads one page from standard input.\n"
	  "Each skipped input gets one line on standard error with the reason.\n"
	  "  --quiet   no summary line at the end\n"
	  "  --restore bring back articles deleted with folio delete (or the d key)\n"
	  "Exit status: 0 all imported, 1 some inputs skipped, 3 the store failed.\n" },
	{ "extract", "json", SOME_ARGS, "extract needs at least one FILE", NO_STORE, run_extract,
	  "usage: folio extract [--json] FILE...\n"
	  "Print what import would store for each file, without touching a store.\n"
	  "  --json    one JSON array: file, source, title, byline, date, dateline, body\n" },
	{ "sources", "json", NO_ARGS, "sources takes no arguments", FOLIO_STORE_READONLY,
	  run_sources,
	  "usage: folio [--db FILE] sources [--json]\n"
	  "Print each source as: count TAB name.\n" },
	{ "list", "json source limit copies", NO_ARGS, "list takes no arguments but options",
	  FOLIO_STORE_READONLY, run_list,
	  "usage: folio [--db FILE] list [--source NAME] [--limit N] [--copies] [--json]\n"
	  "Print articles newest first as: id TAB date TAB source TAB title,\n"
	  "one per story (copies of the same text from other outlets are passed over).\n"
	  "  --source NAME   only this source (case is ignored)\n"
	  "  --limit N       at most N articles\n"
	  "  --copies        every article, copies too\n"
	  "  --json          with each article's story and the ids and sources of its copies\n" },
	{ "show", "json", ONE_ID, "show needs one article ID (a number from folio list)",
	  FOLIO_STORE_READONLY, run_show,
	  "usage: folio [--db FILE] show [--json] ID\n"
	  "Print one article: header lines, a blank line, the body.\n" },
	{ "open", "", ONE_ID, "open needs one article ID (a number from folio list)",
	  FOLIO_STORE_READONLY, run_open,
	  "usage: folio [--db FILE] open ID\n"
	  "Open the article's web address (the one its feed or page stated) with\n"
	  "$BROWSER, else xdg-open where there is a display; where there is no\n"
	  "browser (an SSH login), print the address.\n"
	  "Exit status: 0 opened or printed, 1 no such article, no address, or the\n"
	  "browser failed.\n" },
	{ "mark", "unread source all", ANY_ARGS, NULL, 0, run_mark,
	  "usage: folio [--db FILE] mark [--unread] (ID...|QUERY...|--source NAME|--all)\n"
	  "Mark articles read (or unread): these IDs, every match of a QUERY, every\n"
	  "article of a source, or every article.  Prints how many changed.\n" },
	{ "delete", "", SOME_ARGS, "delete needs the IDs of the articles", 0,
	  run_delete,
	  "usage: folio [--db FILE] delete ID...\n"
	  "Delete articles from the store.  Their files are remembered: importing them\n"
	  "again leaves them out, unless folio import --restore.\n" },
	{ "tag", "remove", ANY_ARGS, NULL, 0, run_tag,
	  "usage: folio [--db FILE] tag [--remove] [NAME (ID...|QUERY...)]\n"
	  "Give articles (these IDs, or every match of a QUERY) the tag NAME, one word;\n"
	  "--remove takes it away.  Search for them with tag:NAME.  Without arguments,\n"
	  "print every tag as: count TAB name.\n" },
	{ "saved", "remove", ANY_ARGS, NULL, 0, run_saved,
	  "usage: folio [--db FILE] saved [--remove] [NAME [QUERY...]]\n"
	  "Save QUERY as the search NAME, shown in the reader's source list with its\n"
	  "counts; --remove forgets it.  Without arguments, print every saved search\n"
	  "as: unread TAB total TAB name TAB query.\n" },
	{ "search", "json limit copies", SOME_ARGS, "search needs a QUERY", FOLIO_STORE_READONLY,
	  run_search,
	  "usage: folio [--db FILE] search [--limit N] [--copies] [--json] QUERY...\n"
	  "Print the best matches first as: id TAB score TAB source TAB title,\n"
	  "one per story unless --copies (--json: each hit's story and its copies);\n"
	  "the score is BM25 relevance, higher is better, comparable within one query only.\n"
	  "A word starting with - goes after --: folio search putin -- -missile.\n"
	  "QUERY: words (all must match), \"a phrase\", prefix*, a OR b, -word,\n"
	  "source:NAME, by:NAME, title:WORD, after:YYYY-MM-DD, before:YYYY-MM-DD.\n"
	  "  --limit N       at most N results (default 50)\n" },
	{ "timeline", "json source by", ANY_ARGS, NULL, FOLIO_STORE_READONLY, run_timeline,
	  "usage: folio [--db FILE] timeline [--source NAME] [--by day|week|month|year] [--json] [QUERY...]\n"
	  "Print how many articles (of the source, matching the query) there are over time:\n"
	  "one line a day, week, month or year (the finest that gives at most 60 lines,\n"
	  "unless --by), its first day or name, its count and a bar; the undated last.\n"
	  "  --by UNIT       count by day, week (from Monday), month or year\n"
	  "  --json          the counts: {\"by\", \"dated\", \"undated\", \"buckets\": [{\"start\", \"label\", \"count\"}]}\n" },
	{ "check", "", NO_ARGS, "check takes no arguments",
	  FOLIO_STORE_READONLY | FOLIO_STORE_AS_FOUND, run_check,
	  "usage: folio [--db FILE] check\n"
	  "Read the whole store and check it for damage: SQLite's integrity check, the\n"
	  "search index against the articles, and the counts of each source.  Each\n"
	  "problem is printed; nothing is changed.  Minutes for a million articles.\n"
	  "Exit status: 0 no damage found, 3 damage found or the store cannot be read.\n" },
	{ "export", "json text source", ANY_ARGS, NULL, FOLIO_STORE_READONLY, run_export,
	  "usage: folio [--db FILE] export [--json|--text] [--source NAME] [QUERY...]\n"
	  "Write whole articles, newest first (or best first for a QUERY).\n"
	  "  --text          header lines, a blank line, the body; a line %% between\n"
	  "                  articles (the default)\n"
	  "  --json          a JSON array of articles; folio import reads it back\n"
	  "  --source NAME   only this source\n" },
};

static bool args_suit(enum command_args want, const struct command_options *o)
{
	switch (want) {
	case ANY_ARGS: return true;
	case SOME_ARGS: return o->nargs > 0;
	case NO_ARGS: return o->nargs == 0;
	case ONE_ID: return o->nargs == 1 && parse_count(o->args[0]) >= 0;
	}
	return false;
}

static const struct command *command_named(const char *name)
{
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
		if (strcmp(commands[c].name, name) == 0)
			return &commands[c];
	return NULL;
}

/* A usage error about word: its reason names it, escaped. */
static int word_error(const char *usage, const char *fmt, const char *word)
{
	char *escaped = folio_text_escape(word, strlen(word));
	int rc = usage_error(usage, fmt, escaped ? escaped : "?");
	free(escaped);
	return rc;
}

static int run_command(const char *db, const struct command *cmd, struct command_options *o)
{
	struct folio_store *st = NULL;
	int rc;
	if (!args_suit(cmd->args, o))
		return usage_error(cmd->help, "%s", cmd->args_wrong);
	if (cmd->store != NO_STORE && (rc = open_store(db, cmd->store, &st)))
		return rc;
	enum folio_cli_result result = cmd->run(st, o);
	folio_store_close(st);
	if (result == FOLIO_CLI_USAGE) /* the reason is out: the usage line goes under it */
		fprintf(stderr, "%.*s\n", (int)strcspn(cmd->help, "\n"), cmd->help);
	return exit_status(result);
}

static int run_demo(const char *keys_option)
{
	struct folio_store *st;
	char *dir, *err = NULL;
	if (folio_demo_create(&st, &dir, &err) != 0) {
		folio_cli_error(err);
		return EXIT_STORE;
	}
	int rc = run_reader(st, keys_option);
	folio_store_close(st);
	folio_demo_remove(dir);
	return rc;
}

/* A long store upgrade is about to start, or a write waits: say so before the wait. */
static void tell_user(const char *message)
{
	folio_warn("%s", message);
}

/* FOLIO_LOCK_PATIENCE: seconds a write waits for a lock holder that changes nothing. */
static int set_patience(void)
{
	const char *text = getenv("FOLIO_LOCK_PATIENCE");
	if (!text || !*text)
		return 0;
	int64_t seconds = parse_count(text);
	if (seconds < 0 || seconds > 86400) {
		char *escaped = folio_text_escape(text, strlen(text));
		int rc = usage_error(NULL, "FOLIO_LOCK_PATIENCE must be a number of seconds "
		                     "(0 to 86400), not %s", escaped ? escaped : "?");
		free(escaped);
		return rc;
	}
	folio_store_set_patience((unsigned)seconds);
	return 0;
}

/* The options of the whole line: folio's own and every command's. */
enum {
	OPT_DB = 256, OPT_KEYS, OPT_DEMO, OPT_LIST_ACTIONS,
	OPT_JSON, OPT_TEXT, OPT_QUIET, OPT_SOURCE, OPT_LIMIT, OPT_COPIES, OPT_UNREAD, OPT_ALL,
	OPT_REMOVE, OPT_RESTORE, OPT_BY
};

static const struct option long_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "keys", required_argument, NULL, OPT_KEYS },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "list-actions", no_argument, NULL, OPT_LIST_ACTIONS },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "text", no_argument, NULL, OPT_TEXT },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "copies", no_argument, NULL, OPT_COPIES },
	{ "unread", no_argument, NULL, OPT_UNREAD },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "remove", no_argument, NULL, OPT_REMOVE },
	{ "restore", no_argument, NULL, OPT_RESTORE },
	{ "by", required_argument, NULL, OPT_BY },
	{ NULL, 0, NULL, 0 },
};

static const char *option_name(int val)
{
	for (const struct option *lo = long_options; lo->name; lo++)
		if (lo->val == val)
			return lo->name;
	return "?";
}

/*
 * The whole command line: options may stand anywhere, before the command,
 * after it or among its words (getopt_long, in the mode that hands back
 * each other word in order, so POSIXLY_CORRECT does not change it), and
 * `--` ends them: `folio search -- -word`.  The first word is the command.
 * The first thing wrong is kept and said once the line has been read, so
 * its usage line is the command's own wherever the mistake stood.
 */
struct command_line {
	const char *db, *keys;
	bool demo, help, version, list_actions;
	const char *command;      /* the first word, NULL for the reader */
	struct command_options o;
	unsigned given;           /* the command options used: 1 << (OPT_x - OPT_JSON) */
	char *problem;            /* the first usage error, a whole sentence */
	const char *problem_word; /* ... naming this word, or NULL */
};

static void set_problem(struct command_line *cl, const char *fmt, const char *word)
{
	if (cl->problem)
		return;
	cl->problem = (char *)fmt;
	cl->problem_word = word;
}

static void parse_line(int argc, char **argv, struct command_line *cl, char **words)
{
	int nwords = 0, c;
	const char *word;
	cl->o.limit = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "-:hV", long_options, NULL)) != -1) {
		switch (c) {
		case 1: words[nwords++] = optarg; break;
		case 'h': cl->help = true; break;
		case 'V': cl->version = true; break;
		case OPT_DEMO: cl->demo = true; break;
		case OPT_LIST_ACTIONS: cl->list_actions = true; break;
		case OPT_DB:
		case OPT_KEYS:
			if (!*optarg)
				set_problem(cl, "%s needs a FILE name", c == OPT_DB ? "--db" : "--keys");
			*(c == OPT_DB ? &cl->db : &cl->keys) = optarg;
			break;
		case OPT_JSON: cl->o.json = true; break;
		case OPT_TEXT: cl->o.json = false; break;
		case OPT_QUIET: cl->o.quiet = true; break;
		case OPT_COPIES: cl->o.copies = true; break;
		case OPT_UNREAD: cl->o.unread = true; break;
		case OPT_ALL: cl->o.all = true; break;
		case OPT_REMOVE: cl->o.remove = true; break;
		case OPT_RESTORE: cl->o.restore = true; break;
		case OPT_SOURCE: cl->o.source = optarg; break;
		case OPT_BY: cl->o.by = optarg; break;
		case OPT_LIMIT:
			if ((cl->o.limit = parse_count(optarg)) < 0)
				set_problem(cl, "--limit needs a whole number, not %s", optarg);
			break;
		case ':':
			if (optopt == OPT_DB || optopt == OPT_KEYS)
				set_problem(cl, "%s needs a FILE name", optopt == OPT_DB ? "--db" : "--keys");
			else
				set_problem(cl, "--%s needs a value", option_name(optopt));
			break;
		default: /* '?' */
			/* the whole word (-council, not -c), and for a query's -word how to give it:
			 * inside a cluster optind is still on the word, after its last letter past it */
			if (optopt && optopt < 256 && optind < argc && argv[optind][0] == '-' &&
			    argv[optind][1] == optopt)
				word = argv[optind];
			else
				word = argv[optind - 1];
			set_problem(cl, word[1] == '-' || !nwords
			                        ? "unknown option %s"
			                        : "unknown option %s (a word starting with - goes after --)",
			            word);
			break;
		}
		if (c >= OPT_JSON && c <= OPT_BY)
			cl->given |= 1u << (c - OPT_JSON);
	}
	while (optind < argc) /* what follows -- */
		words[nwords++] = argv[optind++];
	if (nwords > 0) {
		cl->command = words[0];
		cl->o.args = words + 1;
		cl->o.nargs = nwords - 1;
	}
}

/* The first command option given that is not in allowed (as the command table
 * lists them), or NULL. */
static const char *option_not_taken(const struct command_line *cl, const char *allowed)
{
	for (int c = OPT_JSON; c <= OPT_BY; c++)
		if ((cl->given & (1u << (c - OPT_JSON))) && !strstr(allowed, option_name(c)))
			return option_name(c);
	return NULL;
}

int main(int argc, char **argv)
{
	struct command_line cl = { 0 };

	setlocale(LC_ALL, "");
	folio_text_set_ascii_only(strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	folio_store_set_notice(tell_user);
	/* Past the file size limit a write should fail and be reported, like a
	 * full disk, not kill folio in the middle of a batch without a word. */
	signal(SIGXFSZ, SIG_IGN);
	if (set_patience() != 0)
		return EXIT_USAGE;

	char **words = calloc((size_t)argc + 1, sizeof *words);
	if (!words) {
		folio_warn("out of memory");
		return EXIT_STORE;
	}
	parse_line(argc, argv, &cl, words);
	const struct command *cmd = cl.command ? command_named(cl.command) : NULL;
	const char *usage = cmd ? cmd->help : NULL;
	int rc;

	if (cl.version) {
		printf("folio %s\nSQLite %s\n%s\nlibunistring %s\n", PACKAGE_VERSION,
		       folio_store_sqlite_version(), folio_ui_curses_version(),
		       folio_text_unistring_version());
		rc = 0;
	} else if (cl.list_actions) {
		rc = list_actions();
	} else if (cl.help && (cmd || !cl.command)) {
		fputs(cmd ? cmd->help : usage_text, stdout);
		if (!cmd)
			fputs(help_text, stdout);
		rc = 0;
	} else if (cl.problem) {
		rc = word_error(usage, cl.problem, cl.problem_word ? cl.problem_word : "");
	} else if (cl.command && !cmd) {
		rc = word_error(NULL, "unknown command '%s'", cl.command);
	} else if (cl.demo) {
		rc = cl.command || cl.db ? usage_error(NULL, "--demo takes no store and no command", NULL)
		                         : run_demo(cl.keys);
	} else if (option_not_taken(&cl, cmd ? cmd->options : "")) {
		const char *name = option_not_taken(&cl, cmd ? cmd->options : "");
		rc = cmd ? usage_error(usage, "--%s is not an option of this command", name)
		         : usage_error(NULL, "--%s goes with a command (folio --help lists them)", name);
	} else if (cmd) {
		rc = run_command(cl.db, cmd, &cl.o);
	} else {
		struct folio_store *st;
		rc = open_store(cl.db, FOLIO_STORE_CREATE | FOLIO_STORE_OR_READONLY, &st);
		if (rc == 0) {
			rc = run_reader(st, cl.keys);
			folio_store_close(st);
		}
	}
	free(words);
	return rc;
}
