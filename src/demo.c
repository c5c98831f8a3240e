/* demo: not written yet; see include/folio/demo.h. */
#include "folio/demo.h"
