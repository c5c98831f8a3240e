/* search: not written yet; see include/folio/search.h. */
#include "folio/search.h"
