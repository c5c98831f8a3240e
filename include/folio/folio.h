/*
 * folio.h: included first by every .c of folio (as tig's tig.h is), so
 * each file starts from the same ground: the build's configuration (which
 * must come before any system header), the C library headers nearly every
 * file uses, and the shared primitives of folio/util.h.  Module headers
 * and the headers of libraries are included after it, file by file.
 */
#ifndef FOLIO_FOLIO_H
#define FOLIO_FOLIO_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/util.h"

#endif
