#ifndef LOTSE_BYTE_SEARCH_H
#define LOTSE_BYTE_SEARCH_H

#include <stddef.h>

/// Where `needle` first starts in `haystack`, or -1: glibc's memmem (two-way search, linear whatever the bytes),
/// which Swift's Glibc module does not declare (it is a GNU extension).
long lotse_find_bytes(const void *haystack, size_t length, const void *needle, size_t needle_length);

#endif
