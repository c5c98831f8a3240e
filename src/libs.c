/*
 * libs: libxml2 and uchardet opened with dlopen at their first use (see
 * folio/libs.h for why).
 *
 * Each library is opened once, under pthread_once, by the soname configure
 * read from the library the build links against (FOLIO_LIBXML2_SONAME,
 * FOLIO_UCHARDET_SONAME), and every function is looked up then: a library
 * that lacks one is closed again and not used at all, so no call can find
 * a NULL pointer later; one that has them all is never closed.  What went
 * wrong is kept for every later caller, so each file that needed the
 * library is skipped with the same reason.
 */
#include "folio/folio.h"

#include "folio/libs.h"

#include <dlfcn.h>
#include <pthread.h>

struct folio_libxml2 folio_xml;
struct folio_uchardet folio_chardet;

struct lib {
	const char *soname;
	const char *needed_for; /* what cannot be done without it */
	void *handle;
	bool ready;
	char why[320];
};

/* dlerror()'s text without the soname it starts with (the message names it). */
static const char *dl_reason(const char *soname)
{
	const char *e = dlerror();
	if (!e)
		return "unknown error";
	size_t n = strlen(soname);
	if (strncmp(e, soname, n) == 0 && strncmp(e + n, ": ", 2) == 0)
		e += n + 2;
	return e;
}

static bool lib_open(struct lib *l)
{
	l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	if (!l->handle)
		snprintf(l->why, sizeof l->why, "cannot load %s (%s): %s", l->soname,
		         dl_reason(l->soname), l->needed_for);
	return l->handle != NULL;
}

/* The address of name in l, or NULL with l->why said. */
static void *lib_sym(struct lib *l, const char *name)
{
	dlerror();
	void *p = dlsym(l->handle, name);
	if (!p && !l->why[0])
		snprintf(l->why, sizeof l->why, "cannot load %s (it has no %s): %s", l->soname, name,
		         l->needed_for);
	return p;
}

/* dlsym's void * as the pointer type of the member (POSIX allows it). */
#define FOLIO_LIBS_RESOLVE(table, l, name) \
	(table).name = (__typeof__((table).name))lib_sym(l, #name);

static struct lib xml = {
	FOLIO_LIBXML2_SONAME, "HTML pages and feeds cannot be read", NULL, false, ""
};

static void load_libxml2(void)
{
	if (!lib_open(&xml))
		return;
#define RESOLVE_XML(name) FOLIO_LIBS_RESOLVE(folio_xml, &xml, name)
	FOLIO_LIBXML2_FUNCTIONS(RESOLVE_XML)
	RESOLVE_XML(xmlFree)
#undef RESOLVE_XML
	if (xml.why[0]) {
		dlclose(xml.handle);
		return;
	}
	/* 2.9 sets its globals up lazily and unlocked: done here, once, before
	 * any thread parses */
	folio_xml.xmlInitParser();
	xml.ready = true;
}

int folio_libxml2(const char **why)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, load_libxml2);
	if (!xml.ready)
		*why = xml.why;
	return xml.ready ? 0 : -1;
}

static struct lib chardet = {
	FOLIO_UCHARDET_SONAME, "the charset of a page that is not UTF-8 cannot be guessed", NULL,
	false, ""
};

static void load_uchardet(void)
{
	if (!lib_open(&chardet))
		return;
#define RESOLVE_UCHARDET(name) FOLIO_LIBS_RESOLVE(folio_chardet, &chardet, name)
	FOLIO_UCHARDET_FUNCTIONS(RESOLVE_UCHARDET)
#undef RESOLVE_UCHARDET
	chardet.ready = !chardet.why[0];
	if (!chardet.ready)
		dlclose(chardet.handle);
}

int folio_uchardet(const char **why)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, load_uchardet);
	if (!chardet.ready)
		*why = chardet.why;
	return chardet.ready ? 0 : -1;
}
