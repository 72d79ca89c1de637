#include "lotse_vectors.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2")))
static void dots_avx2(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores) {
    for (int32_t i = 0; i < count; i++) {
        const int8_t *row = vectors + (int64_t)i * dimension;
        __m256i sum = _mm256_setzero_si256();
        for (int32_t k = 0; k < dimension; k += 16) {
            __m256i q = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(query + k)));
            __m256i v = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(row + k)));
            sum = _mm256_add_epi32(sum, _mm256_madd_epi16(q, v));
        }
        __m128i half = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
        half = _mm_add_epi32(half, _mm_shuffle_epi32(half, _MM_SHUFFLE(1, 0, 3, 2)));
        half = _mm_add_epi32(half, _mm_shuffle_epi32(half, _MM_SHUFFLE(2, 3, 0, 1)));
        scores[i] = _mm_cvtsi128_si32(half);
    }
}
#endif

static void dots_plain(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores) {
    for (int32_t i = 0; i < count; i++) {
        const int8_t *row = vectors + (int64_t)i * dimension;
        int32_t sum = 0;
        for (int32_t k = 0; k < dimension; k++) sum += (int32_t)query[k] * (int32_t)row[k];
        scores[i] = sum;
    }
}

void lotse_int8_dots(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        dots_avx2(query, vectors, dimension, count, scores);
        return;
    }
#endif
    dots_plain(query, vectors, dimension, count, scores);
}
