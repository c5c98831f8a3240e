/* keymap: not written yet; see include/folio/keymap.h. */
#include "folio/keymap.h"
