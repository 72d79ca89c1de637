#ifndef LOTSE_GEMM_H
#define LOTSE_GEMM_H
/* The sentence encoder's matrix products in bfloat16 (AVX-512 BF16: 32 multiply-adds per instruction against 16 in
   float32), accumulated in float32. For its small shapes (64 pieces × 512 → 256) OpenBLAS's float32 kernel already
   runs near the float32 peak, so halving the operand width is what is left. */
#include <stdint.h>

/** True when the CPU runs `lotse_bf16_gemm` (AVX-512 BF16); otherwise the caller keeps float32 (OpenBLAS). */
int32_t lotse_bf16_supported(void);


/**
 * Rounds the row-major float32 matrix b (k × n, row stride ldb; k · n values written, k even, n a multiple of 64) to bfloat16 in the layout the kernel reads: per
 * block of 64 columns, per pair of rows, the 64 columns' two values side by side.
 */
void lotse_bf16_pack(const float *b, int32_t k, int32_t n, int32_t ldb, uint16_t *packed);

/**
 * c = a · b (or c += a · b with `accumulate`), a row-major float32 (m × k, row stride lda, rounded to bfloat16 on the
 * fly), b packed by `lotse_bf16_pack`, c row-major float32 (row stride ldc). Returns 0 and computes nothing when the
 * CPU lacks AVX-512 BF16 or the shape is not k a multiple of 32 up to 2048 and n a multiple of 64; else 1.
 */
int32_t lotse_bf16_gemm(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c, int32_t ldc,
                     int32_t accumulate);

#endif
