/* store: not written yet; see include/folio/store.h. */
#include "folio/store.h"
