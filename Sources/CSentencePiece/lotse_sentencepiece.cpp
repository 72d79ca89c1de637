#include "lotse_sentencepiece.h"

#include <climits>
#include <new>
#include <string_view>
#include <vector>

#include <sentencepiece_processor.h>

struct LotseSentencePiece {
    sentencepiece::SentencePieceProcessor processor;
};

extern "C" LotseSentencePiece *lotse_sp_open(const char *path) {
    auto *wrapper = new (std::nothrow) LotseSentencePiece();
    if (wrapper == nullptr) return nullptr;
    if (!wrapper->processor.Load(path).ok() || !wrapper->processor.SetEncodeExtraOptions("bos:eos").ok()) {
        delete wrapper;
        return nullptr;
    }
    return wrapper;
}

extern "C" void lotse_sp_close(LotseSentencePiece *processor) { delete processor; }

extern "C" int32_t lotse_sp_piece_count(const LotseSentencePiece *processor) {
    return static_cast<int32_t>(processor->processor.GetPieceSize());
}

extern "C" int32_t lotse_sp_encode(const LotseSentencePiece *processor, const char *text, int32_t length, int32_t *ids,
                                   int32_t capacity) {
    std::vector<int> pieces;
    try {
        if (!processor->processor.Encode(std::string_view(text, static_cast<size_t>(length)), &pieces).ok()) return INT32_MIN;
    } catch (...) {
        return INT32_MIN;
    }
    const auto count = static_cast<int32_t>(pieces.size());
    if (count > capacity) return -count;
    for (int32_t i = 0; i < count; i++) ids[i] = pieces[static_cast<size_t>(i)];
    return count;
}
