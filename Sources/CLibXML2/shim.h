#include <libxml/xmlversion.h>
/* Foundation and libxml2's ICU types clash in one module (DESIGN.md). */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void lotse_xml_free(void *pointer) { xmlFree(pointer); }
