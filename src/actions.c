/* actions: not written yet; see include/folio/actions.h. */
#include "folio/actions.h"
