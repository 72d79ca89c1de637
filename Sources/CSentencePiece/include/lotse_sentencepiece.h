#ifndef LOTSE_SENTENCEPIECE_H
#define LOTSE_SENTENCEPIECE_H
/* Plain-C wrapper over Debian's libsentencepiece (C++): Swift sees only C types. */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct LotseSentencePiece LotseSentencePiece;

/** Loads a SentencePiece model file; encodings get BOS and EOS. NULL on failure. */
LotseSentencePiece *lotse_sp_open(const char *path);
void lotse_sp_close(LotseSentencePiece *processor);
/** Number of pieces in the model's vocabulary. */
int32_t lotse_sp_piece_count(const LotseSentencePiece *processor);
/**
 * Piece ids of `text` (UTF-8, `length` bytes) with BOS and EOS, into `ids`. Thread-safe (encoding is const).
 * Returns the number of ids, -(needed) if `capacity` is too small, or INT32_MIN on error.
 */
int32_t lotse_sp_encode(const LotseSentencePiece *processor, const char *text, int32_t length, int32_t *ids, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif
