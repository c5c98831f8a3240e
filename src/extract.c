/* extract: not written yet; see include/folio/extract.h. */
#include "folio/extract.h"
