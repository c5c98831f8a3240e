/* import: not written yet; see include/folio/import.h. */
#include "folio/import.h"
