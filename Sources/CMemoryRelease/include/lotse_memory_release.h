#ifndef LOTSE_MEMORY_RELEASE_H
#define LOTSE_MEMORY_RELEASE_H

/// Returns the heap's free pages to the system: glibc's malloc_trim(0), which Swift's Glibc module does not declare
/// (it is a GNU extension). 1 when memory was released, 0 when there was none to release.
int lotse_release_free_memory(void);

#endif
