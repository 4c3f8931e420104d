#ifndef AR_SCAN_H
#define AR_SCAN_H

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit i set when `bytes[from + i]` is ',', '\n' or '"', for the 64 bytes from `from`; 0 when
/// fewer than 64 bytes remain before `to` (never reads past it). A plain record of a few dozen
/// bytes finds all its field ends in one step, instead of one search per field, each waiting
/// for the last one's result.
static inline unsigned long long ar_separator_mask64(const unsigned char *bytes, long from, long to) {
#if defined(__SSE2__)
    if (from + 64 > to) return 0;
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i quote = _mm_set1_epi8('"');
    unsigned long long mask = 0;
    for (int k = 0; k < 4; k++) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + from + 16 * k));
        __m128i found = _mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, lf));
        found = _mm_or_si128(found, _mm_cmpeq_epi8(block, quote));
        mask |= (unsigned long long)(unsigned)_mm_movemask_epi8(found) << (16 * k);
    }
    return mask;
#else
    (void)bytes;
    (void)from;
    (void)to;
    return 0;
#endif
}

/// The offset of the first ',', '\n' or '"' in `bytes[from..<to]`, or `to` when there is none:
/// the end of a field of a record without quotes (see PlainRecord), or the quote that makes the
/// record one to scan in full. Sixteen bytes at once, as `ar_field_end`. Never reads past `to`.
static inline long ar_plain_field_end(const unsigned char *bytes, long from, long to) {
    long i = from;
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i quote = _mm_set1_epi8('"');
    for (; i + 16 <= to; i += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i found = _mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, lf));
        int hits = _mm_movemask_epi8(_mm_or_si128(found, _mm_cmpeq_epi8(block, quote)));
        if (hits != 0) return i + __builtin_ctz((unsigned)hits);
    }
#endif
    for (; i < to; i++) {
        if (bytes[i] == ',' || bytes[i] == '\n' || bytes[i] == '"') return i;
    }
    return to;
}

/// The offset of the first ',' or '\n' in `bytes[from..<to]`, or `to` when there is none.
/// Sixteen bytes are compared at once where SSE2 exists (every x86-64 CPU): a typical field
/// of a dozen bytes takes one step instead of a dozen. Swift's SIMD types have no way to
/// turn a comparison into a bit mask, so this one loop is in C. Never reads past `to`.
static inline long ar_field_end(const unsigned char *bytes, long from, long to) {
    long i = from;
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i lf = _mm_set1_epi8('\n');
    for (; i + 16 <= to; i += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + i));
        int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, lf)));
        if (hits != 0) return i + __builtin_ctz((unsigned)hits);
    }
#endif
    for (; i < to; i++) {
        if (bytes[i] == ',' || bytes[i] == '\n') return i;
    }
    return to;
}

#endif
