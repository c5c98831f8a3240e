/* ui: not written yet; see include/folio/ui.h. */
#include "folio/ui.h"
