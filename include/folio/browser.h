/*
 * browser: opening an article's web address, as `folio open ID` and the
 * reader's open-url key do.
 *
 * The browser is $BROWSER (the convention of many programs: commands
 * separated by ':', each with %s for the address or given it after its
 * words), else xdg-open where there is a graphical display and no SSH
 * session; where there is none (a plain SSH login) there is no browser,
 * and the caller shows or prints the address instead.  The address is
 * never spliced into the command's text: it reaches the shell as "$1".
 */
#ifndef FOLIO_BROWSER_H
#define FOLIO_BROWSER_H

/*
 * The shell commands to try in turn, each a malloc'd string for
 * /bin/sh -c with the address in $1, ending with NULL; NULL when there is
 * no browser here (or memory runs out).  Free with folio_browser_free().
 */
char **folio_browser_commands(void);
void folio_browser_free(char **commands);

/*
 * Run command (one of the above) on url, waiting for it; its wait status,
 * or -1 with errno.  The caller hands over the terminal first if it holds it.
 */
int folio_browser_run(const char *command, const char *url);

#endif
