#include "lotse_icu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

struct LotseWordBreaker {
    UBreakIterator *iterator;
    UText *text;
    int32_t position;
};

LotseWordBreaker *lotse_wb_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "de", NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    LotseWordBreaker *breaker = calloc(1, sizeof(LotseWordBreaker));
    if (!breaker) { ubrk_close(iterator); return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void lotse_wb_close(LotseWordBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

int lotse_wb_set_text(LotseWordBreaker *breaker, const char *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    breaker->text = utext_openUTF8(breaker->text, text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) return -1;
    breaker->position = ubrk_first(breaker->iterator);
    return 0;
}

int lotse_wb_next(LotseWordBreaker *breaker, int32_t *start, int32_t *end) {
    for (;;) {
        int32_t next = ubrk_next(breaker->iterator);
        if (next == UBRK_DONE) return 0;
        int32_t begin = breaker->position;
        breaker->position = next;
        /* Rule status < UBRK_WORD_NONE_LIMIT: spaces, punctuation, emoji. */
        if (ubrk_getRuleStatus(breaker->iterator) >= UBRK_WORD_NONE_LIMIT) {
            *start = begin;
            *end = next;
            return 1;
        }
    }
}

enum { STACK_UNITS = 256 };

/* Runs `normalizer` from `in` into a buffer, growing to the heap when the stack one is short. */
static UChar *normalize(const UNormalizer2 *normalizer, const UChar *in, int32_t inLength,
                        UChar *stack, int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = unorm2_normalize(normalizer, in, inLength, stack, STACK_UNITS, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        UChar *heap = malloc(sizeof(UChar) * (size_t)(length + 1));
        if (!heap) return NULL;
        status = U_ZERO_ERROR;
        length = unorm2_normalize(normalizer, in, inLength, heap, length + 1, &status);
        if (U_FAILURE(status)) { free(heap); return NULL; }
        *outLength = length;
        return heap;
    }
    if (U_FAILURE(status)) return NULL;
    *outLength = length;
    return stack;
}

static void release(UChar *buffer, UChar *stack) { if (buffer && buffer != stack) free(buffer); }

int32_t lotse_fold(const char *text, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *casefold = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;

    UChar source[STACK_UNITS], folded[STACK_UNITS], decomposed[STACK_UNITS], composed[STACK_UNITS];
    UChar *input = source;
    int32_t inputLength = 0;
    u_strFromUTF8Lenient(source, STACK_UNITS, &inputLength, text, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        input = malloc(sizeof(UChar) * (size_t)(inputLength + 1));
        if (!input) return -1;
        status = U_ZERO_ERROR;
        u_strFromUTF8Lenient(input, inputLength + 1, &inputLength, text, length, &status);
    }
    if (U_FAILURE(status)) { release(input, source); return -1; }

    int32_t foldedLength = 0, decomposedLength = 0, composedLength = 0, result = -1;
    UChar *f = normalize(casefold, input, inputLength, folded, &foldedLength);
    UChar *d = f ? normalize(nfd, f, foldedLength, decomposed, &decomposedLength) : NULL;
    if (d) {
        int32_t kept = 0;
        for (int32_t i = 0; i < decomposedLength;) {
            UChar32 c;
            int32_t at = i;
            U16_NEXT(d, i, decomposedLength, c);
            if (u_charType(c) == U_NON_SPACING_MARK) continue;
            for (int32_t j = at; j < i; j++) d[kept++] = d[j];
        }
        UChar *c = normalize(nfc, d, kept, composed, &composedLength);
        if (c) {
            status = U_ZERO_ERROR;
            int32_t written = 0;
            u_strToUTF8(out, capacity, &written, c, composedLength, &status);
            if (status == U_BUFFER_OVERFLOW_ERROR) result = -written;
            else if (U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING) result = written;
            release(c, composed);
        }
    }
    release(d, decomposed);
    release(f, folded);
    release(input, source);
    return result;
}
