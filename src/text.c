/* text: not written yet; see include/folio/text.h. */
#include "folio/text.h"
