/*
 * libs: libxml2 and uchardet, opened at their first use.
 *
 * Only import, extract and the demo parse pages and feeds or guess a
 * charset; `folio sources`, `list`, `search` and the reader's first screen
 * never do.  Linked in, the two libraries and what they bring (ICU's
 * libicuuc and its data, libstdc++, liblzma, libz: 17 libraries, built with
 * BIND_NOW) were loaded and bound by every run, three quarters of its
 * dynamic loading.  So they are opened with dlopen by the soname configure
 * read from the library the build links against, and called through the
 * tables below, filled by dlsym once.  Their own headers still give every
 * pointer its prototype (__typeof__), so the compiler checks each call.
 *
 * Only markup, html, feed (libxml2) and text (uchardet) use this.  A table
 * may be read only by a thread that has had folio_libxml2() or
 * folio_uchardet() answer 0 (pthread_once orders the filling before it).
 */
#ifndef FOLIO_LIBS_H
#define FOLIO_LIBS_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <uchardet.h>

/* Every libxml2 function folio calls. */
#define FOLIO_LIBXML2_FUNCTIONS(X) \
	X(htmlEntityLookup) X(htmlReadMemory) X(xmlAddChild) X(xmlCopyDoc) \
	X(xmlDocCopyNode) X(xmlDocGetRootElement) X(xmlDocSetRootElement) X(xmlFreeDoc) \
	X(xmlFreeNode) X(xmlFreeTextReader) X(xmlInitParser) X(xmlNewDoc) X(xmlReaderForIO) \
	X(xmlReaderForMemory) X(xmlSetGenericErrorFunc) X(xmlSetStructuredErrorFunc) \
	X(xmlStrEqual) X(xmlStrcasecmp) X(xmlStrdup) X(xmlTextReaderConstLocalName) \
	X(xmlTextReaderCurrentNode) X(xmlTextReaderDepth) X(xmlTextReaderExpand) \
	X(xmlTextReaderGetParserLineNumber) X(xmlTextReaderNext) X(xmlTextReaderNodeType) \
	X(xmlTextReaderRead) X(xmlUnlinkNode)

/* Every uchardet function folio calls. */
#define FOLIO_UCHARDET_FUNCTIONS(X) \
	X(uchardet_new) X(uchardet_handle_data) X(uchardet_data_end) X(uchardet_get_charset) \
	X(uchardet_delete)

#define FOLIO_LIBS_POINTER(name) __typeof__(name) *name;

struct folio_libxml2 {
	FOLIO_LIBXML2_FUNCTIONS(FOLIO_LIBS_POINTER)
	/* libxml2's own free, a variable of the library's (xmlMemSetup() may
	 * change it): what it hands out is freed with (*folio_xml.xmlFree)(p). */
	__typeof__(xmlFree) *xmlFree;
};

struct folio_uchardet {
	FOLIO_UCHARDET_FUNCTIONS(FOLIO_LIBS_POINTER)
};

extern struct folio_libxml2 folio_xml;
extern struct folio_uchardet folio_chardet;

/*
 * Open libxml2 (the first call, on whatever thread; later calls only
 * answer) and initialise its parser, once per process: 0 when folio_xml is
 * ready.  Otherwise -1 and *why (static text) names the library and what
 * cannot be done without it, e.g. "cannot load libxml2.so.2 (cannot open
 * shared object file: No such file or directory): HTML pages and feeds
 * cannot be read".  libxml2 cleans up after itself when the process exits.
 */
int folio_libxml2(const char **why);

/* The same for uchardet and folio_chardet. */
int folio_uchardet(const char **why);

#endif
