#define _GNU_SOURCE
#include "lotse_byte_search.h"

#include <string.h>

long lotse_find_bytes(const void *haystack, size_t length, const void *needle, size_t needle_length) {
    const char *found = memmem(haystack, length, needle, needle_length);
    return found ? (long)(found - (const char *)haystack) : -1;
}
