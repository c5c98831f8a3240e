/*
 * gen-actions: the ACTIONS section of folio-keys(5), made at build time
 * from the action table (as tig's doc-gen makes its manuals' lists).
 *
 * Copies standard input to standard output, replacing a line that is
 * exactly "@ACTIONS@" with one entry per action, in table order:
 *
 *     .TP
 *     .B page\-down
 *     Move down one page.
 *     (global, sources, article)
 *
 * so the page can never list an action the program does not have, or
 * describe one in other words than the help screen.
 */
#include "folio/folio.h"

#include "folio/actions.h"

/* Text for a roff line that is not a request: backslashes doubled, and
 * (in names) hyphens as \- so they are not hyphenation points. */
static void roff(const char *s, bool minus)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-' && minus)
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

static void actions(void)
{
	for (size_t i = 0; i < folio_action_count; i++) {
		const struct folio_action_info *a = &folio_actions[i];
		fputs(".TP\n.B ", stdout);
		roff(a->name, true);
		putchar('\n');
		roff(a->help, false);
		fputs(".\n(", stdout);
		const char *sep = "";
		for (unsigned bit = 1; bit <= FOLIO_CTX_SEARCH; bit <<= 1) {
			if (a->contexts & bit) {
				printf("%s%s", sep, folio_context_name(bit));
				sep = ", ";
			}
		}
		fputs(")\n", stdout);
	}
}

int main(void)
{
	char line[4096];
	bool done = false;
	while (fgets(line, sizeof line, stdin)) {
		if (strcmp(line, "@ACTIONS@\n") == 0 && !done) {
			actions();
			done = true;
		} else {
			fputs(line, stdout);
		}
	}
	if (!done) {
		fputs("gen-actions: no @ACTIONS@ line in the input\n", stderr);
		return 1;
	}
	return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
}
