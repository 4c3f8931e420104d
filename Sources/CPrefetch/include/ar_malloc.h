#ifndef AR_MALLOC_H
#define AR_MALLOC_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Sets glibc's malloc policy (Swift's Glibc module does not import malloc.h): blocks under
/// `mmap_threshold` bytes come from the heap and are reused once freed, the heap is given back
/// to the system only above `trim_threshold` free bytes at its top, and at most `arenas` arenas
/// serve the threads. Returns 1 if every setting took, 0 otherwise (always 0 without glibc).
static inline int ar_set_malloc_policy(int mmap_threshold, int trim_threshold, int arenas) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) && mallopt(M_TRIM_THRESHOLD, trim_threshold)
        && mallopt(M_ARENA_MAX, arenas);
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    (void)arenas;
    return 0;
#endif
}

#endif
