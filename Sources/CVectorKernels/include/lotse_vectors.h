#ifndef LOTSE_VECTORS_H
#define LOTSE_VECTORS_H
/* int8 dot products of one query against every stored vector: AVX-512 VNNI or AVX2 when the CPU has it (chosen
   at run time), plain C otherwise. Swift's SIMD types compile for the x86-64 baseline (SSE2) here and miss the 16-bit
   multiply-add. */
#include <stdint.h>

/**
 * scores[i] = Σ_k query[k] · vectors[i·dimension + k] for i < count, exact in int32.
 * `dimension` must be a multiple of 32.
 */
void lotse_int8_dots(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores);

/** The same in plain C, one product at a time: what the vector kernels are tested against. */
void lotse_int8_dots_reference(const int8_t *query, const int8_t *vectors, int32_t dimension, int32_t count, int32_t *scores);

/** The same for two sets of `count` vectors each (`first_scores` and `second_scores`), in one pass over both. */
void lotse_int8_dots_pair(const int8_t *query, const int8_t *first, const int8_t *second, int32_t dimension, int32_t count,
                          int32_t *first_scores, int32_t *second_scores);

#endif
