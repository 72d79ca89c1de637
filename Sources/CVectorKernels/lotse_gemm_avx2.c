#include "gemm_layout.h"
#include "lotse_gemm.h"

#include <stdlib.h>

/* The AVX2 kernels of `lotse_bf16_gemm` (lotse_gemm.c has the layout, the reference and the AVX-512F kernel): the
   same products in the same order, so the same bits. */

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2_TARGET __attribute__((target("avx2,fma")))

/* Eight floats rounded to bfloat16 (kept as float32) as `bf16` in lotse_gemm.c rounds one. */
AVX2_TARGET static __m256 round_bf16_avx2(__m256 x) {
    const __m256i bits = _mm256_castps_si256(x);
    const __m256i odd = _mm256_and_si256(_mm256_srli_epi32(bits, 16), _mm256_set1_epi32(1));
    __m256i rounded = _mm256_add_epi32(_mm256_add_epi32(bits, _mm256_set1_epi32(0x7FFF)), odd);
    rounded = _mm256_and_si256(rounded, _mm256_set1_epi32((int)0xFFFF0000u));
    const __m256i denormal = _mm256_cmpeq_epi32(_mm256_and_si256(bits, _mm256_set1_epi32(0x7F800000)), _mm256_setzero_si256());
    const __m256i sign = _mm256_and_si256(bits, _mm256_set1_epi32((int)0x80000000u));
    return _mm256_castsi256_ps(_mm256_blendv_epi8(rounded, sign, denormal));
}

/* acc[r] += a[r][i] · (b0 | b1) for each of R rows (row stride k): 16 columns. */
AVX2_TARGET static inline __attribute__((always_inline)) void multiply_add(const int R, __m256 acc[ROWS][2], const float *a, int32_t k,
                                                                           int32_t i, __m256 b0, __m256 b1) {
    for (int r = 0; r < R; r++) {
        const __m256 x = _mm256_broadcast_ss(a + (int64_t)r * k + i);
        acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
        acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
    }
}

/* c[r] = acc[r] (+ c[r] with `accumulate`) for R rows of 16 columns. */
AVX2_TARGET static inline __attribute__((always_inline)) void store(const int R, __m256 acc[ROWS][2], float *c, int32_t ldc,
                                                                    int32_t accumulate) {
    for (int r = 0; r < R; r++) {
        float *out = c + (int64_t)r * ldc;
        for (int j = 0; j < 2; j++) {
            __m256 value = acc[r][j];
            if (accumulate) value = _mm256_add_ps(value, _mm256_loadu_ps(out + 8 * j));
            _mm256_storeu_ps(out + 8 * j, value);
        }
    }
}

/* lotse_gemm.c's `block` with AVX2's 16 registers: R rows × a quarter of a panel (16 columns, two registers per row), the same
   products in the same order, so the sums are bit for bit the AVX-512F kernel's. */
AVX2_TARGET static inline __attribute__((always_inline)) void quarter(const int R, const float *a, int32_t k, const uint16_t *panel,
                                                                      float *c, int32_t ldc, int32_t accumulate) {
    const __m256i high = _mm256_set1_epi32((int)0xFFFF0000u);
    __m256 acc[ROWS][2];
    for (int r = 0; r < R; r++) acc[r][0] = acc[r][1] = _mm256_setzero_ps();
    for (int32_t p = 0; p < k / 2; p++) {
        const uint16_t *b = panel + (int64_t)p * COLUMNS * 2;
        const __m256i pair0 = _mm256_loadu_si256((const __m256i *)b), pair1 = _mm256_loadu_si256((const __m256i *)(b + 16));
        const __m256 odd0 = _mm256_castsi256_ps(_mm256_and_si256(pair0, high));
        const __m256 odd1 = _mm256_castsi256_ps(_mm256_and_si256(pair1, high));
        multiply_add(R, acc, a, k, 2 * p + 1, odd0, odd1);
        const __m256 even0 = _mm256_castsi256_ps(_mm256_slli_epi32(pair0, 16));
        const __m256 even1 = _mm256_castsi256_ps(_mm256_slli_epi32(pair1, 16));
        multiply_add(R, acc, a, k, 2 * p, even0, even1);
    }
    store(R, acc, c, ldc, accumulate);
}

#define QUARTER(R)                                                                                                         \
    AVX2_TARGET static void quarter##R(const float *a, int32_t k, const uint16_t *panel, float *c, int32_t ldc, int32_t accumulate) { \
        quarter(R, a, k, panel, c, ldc, accumulate);                                                                        \
    }
QUARTER(1)
QUARTER(2)
QUARTER(3)
QUARTER(4)
QUARTER(5)
QUARTER(6)

/* `quarter` on B widened to float32 once per call: k rows of a quarter's 16 columns, each pair's odd row first (the
   products' order), and A's rows rounded with each pair swapped to match. Two loads and six broadcasts per twelve
   multiply-adds, no widening in the loop: faster than `quarter` from six rows on (BENCHMARKS.md, "The
   encoder on AVX2"). */
AVX2_TARGET static inline __attribute__((always_inline)) void widened(const int R, const float *a, int32_t k, const float *b, float *c,
                                                                      int32_t ldc, int32_t accumulate) {
    __m256 acc[ROWS][2];
    for (int r = 0; r < R; r++) acc[r][0] = acc[r][1] = _mm256_setzero_ps();
    for (int32_t i = 0; i < k; i++) {
        const __m256 b0 = _mm256_load_ps(b + 16 * i), b1 = _mm256_load_ps(b + 16 * i + 8);
        multiply_add(R, acc, a, k, i, b0, b1);
    }
    store(R, acc, c, ldc, accumulate);
}

#define WIDENED(R)                                                                                                         \
    AVX2_TARGET static void widened##R(const float *a, int32_t k, const float *b, float *c, int32_t ldc, int32_t accumulate) { \
        widened(R, a, k, b, c, ldc, accumulate);                                                                            \
    }
WIDENED(1)
WIDENED(2)
WIDENED(3)
WIDENED(4)
WIDENED(5)
WIDENED(6)

/* Fewer rows than a block: `quarter`, which widens each pair of B as it reads it, once here (widening B first would
   cost as much as one row's products). */
AVX2_TARGET static void gemm_avx2_rows(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c,
                                       int32_t ldc, int32_t accumulate) {
    static void (*const quarters[ROWS + 1])(const float *, int32_t, const uint16_t *, float *, int32_t, int32_t) = {
        NULL, quarter1, quarter2, quarter3, quarter4, quarter5, quarter6};
    const int32_t pairs = k / 2;
    float rows[ROWS * 2048];
    for (int32_t r = 0; r < m; r++) {
        for (int32_t i = 0; i < k; i += 8) {
            _mm256_storeu_ps(rows + (int64_t)r * k + i, round_bf16_avx2(_mm256_loadu_ps(a + (int64_t)r * lda + i)));
        }
    }
    for (int32_t column = 0; column < n; column += COLUMNS) {
        const uint16_t *panel = packed + (int64_t)(column / COLUMNS) * pairs * COLUMNS * 2;
        for (int32_t quarter = 0; quarter < 4; quarter++) {
            quarters[m](rows, k, panel + 32 * quarter, c + column + 16 * quarter, ldc, accumulate);
        }
    }
}

/* Returns 0 when its buffers could not be allocated. */
AVX2_TARGET static int32_t gemm_avx2(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c,
                                     int32_t ldc, int32_t accumulate) {
    if (m < ROWS) {
        gemm_avx2_rows(m, n, k, a, lda, packed, c, ldc, accumulate);
        return 1;
    }
    static void (*const blocks[ROWS + 1])(const float *, int32_t, const float *, float *, int32_t, int32_t) = {
        NULL, widened1, widened2, widened3, widened4, widened5, widened6};
    const int32_t pairs = k / 2;
    float *rows = malloc(sizeof(float) * (size_t)m * (size_t)k);
    float *b = aligned_alloc(32, sizeof(float) * 16 * (size_t)k);
    if (rows == NULL || b == NULL) {
        free(rows);
        free(b);
        return 0;
    }
    for (int32_t r = 0; r < m; r++) {
        for (int32_t i = 0; i < k; i += 8) {
            const __m256 rounded = round_bf16_avx2(_mm256_loadu_ps(a + (int64_t)r * lda + i));
            _mm256_storeu_ps(rows + (int64_t)r * k + i, _mm256_permute_ps(rounded, 0xB1)); // (even, odd) → (odd, even)
        }
    }
    const __m256i high = _mm256_set1_epi32((int)0xFFFF0000u);
    for (int32_t column = 0; column < n; column += COLUMNS) {
        const uint16_t *panel = packed + (int64_t)(column / COLUMNS) * pairs * COLUMNS * 2;
        for (int32_t quarter = 0; quarter < 4; quarter++) {
            for (int32_t p = 0; p < pairs; p++) {
                const uint16_t *source = panel + (int64_t)p * COLUMNS * 2 + 32 * quarter;
                const __m256i pair0 = _mm256_loadu_si256((const __m256i *)source);
                const __m256i pair1 = _mm256_loadu_si256((const __m256i *)(source + 16));
                _mm256_store_ps(b + 32 * p, _mm256_castsi256_ps(_mm256_and_si256(pair0, high)));
                _mm256_store_ps(b + 32 * p + 8, _mm256_castsi256_ps(_mm256_and_si256(pair1, high)));
                _mm256_store_ps(b + 32 * p + 16, _mm256_castsi256_ps(_mm256_slli_epi32(pair0, 16)));
                _mm256_store_ps(b + 32 * p + 24, _mm256_castsi256_ps(_mm256_slli_epi32(pair1, 16)));
            }
            for (int32_t r0 = 0; r0 < m; r0 += ROWS) {
                const int32_t count = m - r0 < ROWS ? m - r0 : ROWS;
                blocks[count](rows + (int64_t)r0 * k, k, b, c + (int64_t)r0 * ldc + column + 16 * quarter, ldc, accumulate);
            }
        }
    }
    free(rows);
    free(b);
    return 1;
}
#endif

int32_t lotse_bf16_avx2_supported(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

int32_t lotse_bf16_gemm_avx2(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c,
                             int32_t ldc, int32_t accumulate) {
#if defined(__x86_64__)
    if (!lotse_bf16_avx2_supported() || !lotse_bf16_fits(n, k)) return 0;
    return gemm_avx2(m, n, k, a, lda, packed, c, ldc, accumulate);
#else
    (void)m, (void)n, (void)k, (void)a, (void)lda, (void)packed, (void)c, (void)ldc, (void)accumulate;
    return 0;
#endif
}
