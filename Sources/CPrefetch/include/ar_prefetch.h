#ifndef AR_PREFETCH_H
#define AR_PREFETCH_H

/// Asks the CPU to bring the cache line at `address` in, without waiting for it.
/// Swift has no prefetch; a plain load would hold back the instructions after it
/// until the (often DRAM) miss completes.
static inline void ar_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
