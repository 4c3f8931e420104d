#ifndef AR_MALLOC_H
#define AR_MALLOC_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Sets glibc's mmap threshold to `bytes` (which also stops glibc from raising it after
/// large frees); returns 1 on success, 0 where there is no glibc. Swift's Glibc module
/// does not import malloc.h.
static inline int ar_set_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}

#endif
