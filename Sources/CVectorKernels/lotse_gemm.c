#include "lotse_gemm.h"

#include <string.h>

enum { COLUMNS = 64, ROWS = 4 };

/* Round to nearest even, as the kernel's own conversion of a does. */
static uint16_t bf16(float value) {
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    bits += 0x7FFF + ((bits >> 16) & 1);
    return (uint16_t)(bits >> 16);
}

void lotse_bf16_pack(const float *b, int32_t k, int32_t n, int32_t ldb, uint16_t *packed) {
    const int32_t pairs = k / 2;
    for (int32_t block = 0; block < n / COLUMNS; block++) {
        for (int32_t p = 0; p < pairs; p++) {
            uint16_t *out = packed + ((int64_t)block * pairs + p) * COLUMNS * 2;
            for (int32_t j = 0; j < COLUMNS; j++) {
                const int64_t column = (int64_t)block * COLUMNS + j;
                out[2 * j] = bf16(b[(int64_t)(2 * p) * ldb + column]);
                out[2 * j + 1] = bf16(b[(int64_t)(2 * p + 1) * ldb + column]);
            }
        }
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

#define BF16_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

/* Rows of a as bfloat16, two per 32-bit word (the pair the kernel broadcasts); rows past m are zeros. */
BF16_TARGET static void convert_rows(const float *a, int32_t lda, int32_t rows, int32_t k, uint32_t *out) {
    for (int32_t r = 0; r < ROWS; r++) {
        uint32_t *row = out + (int64_t)r * (k / 2);
        if (r >= rows) {
            memset(row, 0, sizeof(uint32_t) * (size_t)(k / 2));
            continue;
        }
        const float *source = a + (int64_t)r * lda;
        for (int32_t i = 0; i < k; i += 32) {
            __m512bh pair = _mm512_cvtne2ps_pbh(_mm512_loadu_ps(source + i + 16), _mm512_loadu_ps(source + i));
            _mm512_storeu_si512((void *)(row + i / 2), (__m512i)pair);
        }
    }
}

/* One block of ROWS rows × COLUMNS columns: 16 float32 accumulators, each step one pair of k. */
BF16_TARGET static void block(const uint32_t *a, int32_t rows, int32_t pairs, const uint16_t *panel, float *c, int32_t ldc,
                              int32_t accumulate) {
    __m512 acc[ROWS][4];
    for (int r = 0; r < ROWS; r++)
        for (int j = 0; j < 4; j++) acc[r][j] = _mm512_setzero_ps();
    for (int32_t p = 0; p < pairs; p++) {
        const uint16_t *b = panel + (int64_t)p * COLUMNS * 2;
        const __m512bh b0 = (__m512bh)_mm512_loadu_si512((const void *)b);
        const __m512bh b1 = (__m512bh)_mm512_loadu_si512((const void *)(b + 32));
        const __m512bh b2 = (__m512bh)_mm512_loadu_si512((const void *)(b + 64));
        const __m512bh b3 = (__m512bh)_mm512_loadu_si512((const void *)(b + 96));
        for (int r = 0; r < ROWS; r++) {
            const __m512bh x = (__m512bh)_mm512_set1_epi32((int)a[(int64_t)r * pairs + p]);
            acc[r][0] = _mm512_dpbf16_ps(acc[r][0], x, b0);
            acc[r][1] = _mm512_dpbf16_ps(acc[r][1], x, b1);
            acc[r][2] = _mm512_dpbf16_ps(acc[r][2], x, b2);
            acc[r][3] = _mm512_dpbf16_ps(acc[r][3], x, b3);
        }
    }
    for (int r = 0; r < rows; r++) {
        float *out = c + (int64_t)r * ldc;
        for (int j = 0; j < 4; j++) {
            __m512 value = acc[r][j];
            if (accumulate) value = _mm512_add_ps(value, _mm512_loadu_ps(out + 16 * j));
            _mm512_storeu_ps(out + 16 * j, value);
        }
    }
}

BF16_TARGET static void gemm_avx512(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c,
                                    int32_t ldc, int32_t accumulate) {
    const int32_t pairs = k / 2;
    uint32_t rows[ROWS * 1024];
    for (int32_t r0 = 0; r0 < m; r0 += ROWS) {
        const int32_t count = m - r0 < ROWS ? m - r0 : ROWS;
        convert_rows(a + (int64_t)r0 * lda, lda, count, k, rows);
        for (int32_t column = 0; column < n; column += COLUMNS) {
            const uint16_t *panel = packed + (int64_t)(column / COLUMNS) * pairs * COLUMNS * 2;
            block(rows, count, pairs, panel, c + (int64_t)r0 * ldc + column, ldc, accumulate);
        }
    }
}
#endif

int32_t lotse_bf16_supported(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx512bf16") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
#else
    return 0;
#endif
}

int32_t lotse_bf16_gemm(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c, int32_t ldc,
                        int32_t accumulate) {
#if defined(__x86_64__)
    if (!lotse_bf16_supported() || k % 32 != 0 || k > 2048 || n % COLUMNS != 0) return 0;
    gemm_avx512(m, n, k, a, lda, packed, c, ldc, accumulate);
    return 1;
#else
    (void)m, (void)n, (void)k, (void)a, (void)lda, (void)packed, (void)c, (void)ldc, (void)accumulate;
    return 0;
#endif
}
