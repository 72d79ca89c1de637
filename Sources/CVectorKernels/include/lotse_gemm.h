#ifndef LOTSE_GEMM_H
#define LOTSE_GEMM_H
/* The sentence encoder's matrix products with the weights in bfloat16, accumulated in float32 exactly as AVX-512 BF16's
   VDPBF16PS does, but by fused multiply-adds: a product of two bfloat16 values is exact in float32, and on the Xeon
   measured (5.2 G float32 FMAs per second against 1.3 G VDPBF16PS) this does the same sums 1.5–1.8 times as fast on
   the encoder's shapes, 3 times on its one-row products (BENCHMARKS.md, "Server CPU per request"). AVX-512F, else
   AVX2 with FMA (the same sums bit for bit): OpenBLAS packs the whole weight matrix again on every call, which for the
   encoder's few rows cost as much as the products (BENCHMARKS.md, "The encoder on AVX2"). */
#include <stdint.h>

/** True when the CPU runs `lotse_bf16_gemm` (AVX-512F, or AVX2 and FMA); otherwise the caller keeps float32 (OpenBLAS). */
int32_t lotse_bf16_supported(void);

/** True when the CPU runs `lotse_bf16_gemm_avx2` (AVX2 and FMA). */
int32_t lotse_bf16_avx2_supported(void);

/**
 * Rounds the row-major float32 matrix b (k × n, row stride ldb; k · n values written, k even, n a multiple of 64) to bfloat16
 * (to nearest even, a denormal to zero) in the layout the kernel reads: per block of 64 columns, per pair of rows, the
 * 64 columns' two values side by side.
 */
void lotse_bf16_pack(const float *b, int32_t k, int32_t n, int32_t ldb, uint16_t *packed);

/**
 * c = a · b (or c += a · b with `accumulate`), a row-major float32 (m × k, row stride lda, rounded to bfloat16 on the
 * fly), b packed by `lotse_bf16_pack`, c row-major float32 (row stride ldc). Returns 0 and computes nothing when the
 * CPU has neither kernel or the shape is not k a multiple of 32 up to 2048 and n a multiple of 64; else 1.
 */
int32_t lotse_bf16_gemm(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c, int32_t ldc,
                        int32_t accumulate);

/** `lotse_bf16_gemm` by the AVX2 kernel even where AVX-512F is there (so tests reach it on every machine). */
int32_t lotse_bf16_gemm_avx2(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c,
                             int32_t ldc, int32_t accumulate);

/**
 * The same one product at a time in plain C, what the kernel is tested against bit for bit: per column, per pair of
 * k, the odd product and then the even one added with one rounding each (VDPBF16PS's order), the sum added to c last.
 */
void lotse_bf16_gemm_reference(int32_t m, int32_t n, int32_t k, const float *a, int32_t lda, const uint16_t *packed, float *c,
                               int32_t ldc, int32_t accumulate);

#endif
