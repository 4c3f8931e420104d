#ifndef AR_MALLOC_H
#define AR_MALLOC_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Sets glibc's malloc policy (Swift's Glibc module does not import malloc.h): blocks under
/// `mmap_threshold` bytes come from the heap and are reused once freed, the heap is given back
/// to the system only above `trim_threshold` free bytes at its top, and at most `arenas` arenas
/// serve the threads. With `no_mmap`, the threshold no longer matters: no block gets a mapping
/// of its own, whatever its size, except one larger than a secondary arena's heap (64 MB), which
/// glibc still maps. Returns 1 if every setting took, 0 otherwise (always 0 without glibc).
static inline int ar_set_malloc_policy(int mmap_threshold, int trim_threshold, int arenas, int no_mmap) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) && mallopt(M_TRIM_THRESHOLD, trim_threshold)
        && mallopt(M_ARENA_MAX, arenas) && (!no_mmap || mallopt(M_MMAP_MAX, 0));
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    (void)arenas;
    (void)no_mmap;
    return 0;
#endif
}

#endif
