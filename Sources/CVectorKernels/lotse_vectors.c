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

/* VNNI multiplies unsigned by signed bytes, so the query is shifted to q + 128 and 128 · Σ v taken off again
   (Σ v from a second multiply-add with ones): 64 products per instruction instead of 16. */
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static void dots_vnni(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores) {
    const __m512i bias = _mm512_set1_epi8((char)0x80), ones = _mm512_set1_epi8(1);
    for (int32_t i = 0; i < count; i++) {
        const int8_t *row = vectors + (int64_t)i * dimension;
        __m512i products = _mm512_setzero_si512(), sums = _mm512_setzero_si512();
        for (int32_t k = 0; k < dimension; k += 64) {
            __m512i q = _mm512_xor_si512(_mm512_loadu_si512((const void *)(query + k)), bias);
            __m512i v = _mm512_loadu_si512((const void *)(row + k));
            products = _mm512_dpbusd_epi32(products, q, v);
            sums = _mm512_dpbusd_epi32(sums, ones, v);
        }
        scores[i] = _mm512_reduce_add_epi32(_mm512_sub_epi32(products, _mm512_slli_epi32(sums, 7)));
    }
}
#endif

void lotse_int8_dots_reference(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores) {
    for (int32_t i = 0; i < count; i++) {
        const int8_t *row = vectors + (int64_t)i * dimension;
        int32_t sum = 0;
        for (int32_t k = 0; k < dimension; k++) sum += (int32_t)query[k] * (int32_t)row[k];
        scores[i] = sum;
    }
}

void lotse_int8_dots(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores) {
#if defined(__x86_64__)
    if (dimension % 64 == 0 && __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw")) {
        dots_vnni(query, vectors, dimension, count, scores);
        return;
    }
    if (__builtin_cpu_supports("avx2")) {
        dots_avx2(query, vectors, dimension, count, scores);
        return;
    }
#endif
    lotse_int8_dots_reference(query, vectors, dimension, count, scores);
}
