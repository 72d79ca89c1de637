#ifndef LOTSE_ICU_H
#define LOTSE_ICU_H
/* Plain-C wrapper over ICU: Swift cannot call ICU's versioned symbols (ubrk_open_72) directly. */
#include <stdint.h>

typedef struct LotseWordBreaker LotseWordBreaker;

/** A word break iterator over UTF-8 text. Not thread-safe: one per analyzer instance. NULL on failure. */
LotseWordBreaker *lotse_wb_open(void);
void lotse_wb_close(LotseWordBreaker *breaker);
/** Points the iterator at `text` (not copied: it must outlive the iteration). 0 on success. */
int lotse_wb_set_text(LotseWordBreaker *breaker, const char *text, int32_t length);
/** Next word-like segment (letters, numbers, kana, ideographs) as UTF-8 byte offsets. 1 if found, 0 at the end. */
int lotse_wb_next(LotseWordBreaker *breaker, int32_t *start, int32_t *end);

/**
 * Search folding of one word: NFKC case folding (ß → ss, ligatures, full-width forms), then
 * diacritics removed (ä → a, é → e) and recomposed to NFC. Writes UTF-8 into `out`.
 * Returns the output length, or -1 on error, or -(needed) if `capacity` is too small.
 */
int32_t lotse_fold(const char *text, int32_t length, char *out, int32_t capacity);

#endif
