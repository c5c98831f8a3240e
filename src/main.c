/*
 * main.c: folio's command line.  Parses options, finds the store, and hands
 * each command to the module that does it.  This is the only place that
 * chooses an exit status:
 *   0 all done, 1 done but some inputs were skipped (or not found),
 *   2 usage error, 3 the store cannot be used.
 */
#include "folio/folio.h"

#include <errno.h>
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
	"       folio [--db FILE] search [--limit N] [--json] QUERY...\n"
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
	"  search    id TAB score TAB source TAB title, best first\n"
	"  export    whole articles as text or JSON (which import reads back)\n"
	"  check     read the whole store and report any damage\n"
	"\n"
	"Search: words (all must match), \"a phrase\", prefix*, a OR b, -word,\n"
	"source:NAME, by:NAME, title:WORD, after:YYYY-MM-DD, before:YYYY-MM-DD.\n"
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
	bool json, quiet, copies;
	const char *source;
	int64_t limit;
	char **args; /* what is left: paths, an id, query words */
	int nargs;
};

/* The words of a query given as several arguments, joined by spaces. */
static char *join_words(char **words, int n)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	char *joined = calloc(1, len);
	if (!joined)
		return NULL;
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(joined, " ");
		strcat(joined, words[i]);
	}
	return joined;
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
	{ "import", "quiet", SOME_ARGS, "import needs at least one PATH", FOLIO_STORE_CREATE,
	  run_import,
	  "usage: folio [--db FILE] import [--quiet] PATH...\n"
	  "Read plain-text pages, HTML pages and RSS/Atom/RDF feeds, files and folders\n"
	  "(recursively), into the store; - reads one page from standard input.\n"
	  "Each skipped input gets one line on standard error with the reason.\n"
	  "  --quiet   no summary line at the end\n"
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
	{ "search", "json limit copies", SOME_ARGS, "search needs a QUERY", FOLIO_STORE_READONLY,
	  run_search,
	  "usage: folio [--db FILE] search [--limit N] [--copies] [--json] QUERY...\n"
	  "Print the best matches first as: id TAB score TAB source TAB title,\n"
	  "one per story unless --copies (--json: each hit's story and its copies).\n"
	  "QUERY: words (all must match), \"a phrase\", prefix*, a OR b, -word,\n"
	  "source:NAME, by:NAME, title:WORD, after:YYYY-MM-DD, before:YYYY-MM-DD.\n"
	  "  --limit N       at most N results (default 50)\n" },
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

static int parse_command_options(const struct command *cmd, int argc, char **argv,
                                 struct command_options *o)
{
	const char *allowed = cmd->options;
	int i = 0;
	o->json = o->quiet = o->copies = false;
	o->source = NULL;
	o->limit = -1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || strcmp(a, "-") == 0)
			break;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(cmd->help, stdout);
			return HELP_SHOWN;
		}
		if (strcmp(a, "--json") == 0 && strstr(allowed, "json")) {
			o->json = true;
		} else if (strcmp(a, "--text") == 0 && strstr(allowed, "text")) {
			o->json = false;
		} else if (strcmp(a, "--quiet") == 0 && strstr(allowed, "quiet")) {
			o->quiet = true;
		} else if (strcmp(a, "--copies") == 0 && strstr(allowed, "copies")) {
			o->copies = true;
		} else if (strcmp(a, "--source") == 0 && strstr(allowed, "source")) {
			if (++i == argc)
				return usage_error(cmd->help, "--source needs a NAME", NULL);
			o->source = argv[i];
		} else if (strcmp(a, "--limit") == 0 && strstr(allowed, "limit")) {
			if (++i == argc || (o->limit = parse_count(argv[i])) < 0)
				return usage_error(cmd->help, "--limit needs a whole number", NULL);
		} else {
			char *escaped = folio_text_escape(a, strlen(a));
			int rc = usage_error(cmd->help, "unknown option %s", escaped ? escaped : "?");
			free(escaped);
			return rc;
		}
	}
	o->args = argv + i;
	o->nargs = argc - i;
	return 0;
}

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

static int run_command(const char *db, const char *name, int argc, char **argv)
{
	const struct command *cmd = NULL;
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
		if (strcmp(commands[c].name, name) == 0)
			cmd = &commands[c];
	if (!cmd) {
		char *escaped = folio_text_escape(name, strlen(name));
		int rc = usage_error(NULL, "unknown command '%s'", escaped ? escaped : "?");
		free(escaped);
		return rc;
	}

	struct command_options o;
	struct folio_store *st = NULL;
	int rc = parse_command_options(cmd, argc, argv, &o);
	if (rc)
		return rc == HELP_SHOWN ? 0 : rc;
	if (!args_suit(cmd->args, &o))
		return usage_error(cmd->help, "%s", cmd->args_wrong);
	if (cmd->store != NO_STORE && (rc = open_store(db, cmd->store, &st)))
		return rc;
	enum folio_cli_result result = cmd->run(st, &o);
	folio_store_close(st);
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

int main(int argc, char **argv)
{
	const char *db = NULL, *keys = NULL;
	bool demo = false;
	int i;

	setlocale(LC_ALL, "");
	folio_text_set_ascii_only(strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	folio_store_set_notice(tell_user);
	/* Past the file size limit a write should fail and be reported, like a
	 * full disk, not kill folio in the middle of a batch without a word. */
	signal(SIGXFSZ, SIG_IGN);
	if (set_patience() != 0)
		return EXIT_USAGE;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--db") == 0 || strcmp(a, "--keys") == 0) {
			if (i + 1 == argc || !*argv[i + 1])
				return usage_error(NULL, "%s needs a FILE name", a);
			*(a[2] == 'd' ? &db : &keys) = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0 || strncmp(a, "--keys=", 7) == 0) {
			const char *value = strchr(a, '=') + 1;
			if (!*value)
				return usage_error(NULL, "%s needs a FILE name",
				                   a[2] == 'd' ? "--db" : "--keys");
			*(a[2] == 'd' ? &db : &keys) = value;
		} else if (strcmp(a, "--demo") == 0) {
			demo = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("folio %s\nSQLite %s\n%s\nlibunistring %s\n", PACKAGE_VERSION,
			       folio_store_sqlite_version(), folio_ui_curses_version(),
			       folio_text_unistring_version());
			return 0;
		} else if (strcmp(a, "--list-actions") == 0) {
			return list_actions();
		} else {
			char *escaped = folio_text_escape(a, strlen(a));
			int rc = usage_error(NULL, "unknown option %s", escaped ? escaped : "?");
			free(escaped);
			return rc;
		}
	}
	if (demo) {
		if (i < argc || db)
			return usage_error(NULL, "--demo takes no store and no command", NULL);
		return run_demo(keys);
	}
	if (i < argc)
		return run_command(db, argv[i], argc - i - 1, argv + i + 1);

	struct folio_store *st;
	int rc = open_store(db, FOLIO_STORE_CREATE | FOLIO_STORE_OR_READONLY, &st);
	if (rc)
		return rc;
	rc = run_reader(st, keys);
	folio_store_close(st);
	return rc;
}
