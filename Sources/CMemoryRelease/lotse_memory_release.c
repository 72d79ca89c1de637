#include "lotse_memory_release.h"

#include <malloc.h>

int lotse_release_free_memory(void) {
    return malloc_trim(0);
}
