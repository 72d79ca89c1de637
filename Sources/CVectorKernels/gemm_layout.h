#ifndef LOTSE_GEMM_LAYOUT_H
#define LOTSE_GEMM_LAYOUT_H
/* What lotse_gemm.c and lotse_gemm_avx2.c share: the packed layout's panel width (`lotse_bf16_pack`) and the rows of
   a kernel block. */
#include <stdint.h>

enum { COLUMNS = 64, ROWS = 6 };

/* The shapes the kernels take: k a multiple of 32 up to 2048, n a multiple of the panel width. */
static inline int32_t lotse_bf16_fits(int32_t n, int32_t k) { return k % 32 == 0 && k <= 2048 && n % COLUMNS == 0; }

#endif
