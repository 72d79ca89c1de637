import LotseAnalysis

/// Builds a short passage of an article around the query's matches: HTML-escaped text with the matched
/// words in `<mark>` (the only markup added). Which words matched comes from the index (the body positions in
/// the postings), so stems, compound parts, synonyms and prefixes highlight exactly as they matched.
enum SnippetBuilder {
    static let windowWords = 28

    /// Byte ranges of a text's words, in index token positions: word breaking is most of a snippet's cost and
    /// does not depend on the query, so the engine caches these per article.
    struct WordRanges: MemoryCosted {
        var starts: [Int32] = []
        var ends: [Int32] = []

        var count: Int { starts.count }
        var byteCount: Int { starts.count * 8 + 64 }

        init(of text: String, analyzer: Analyzer) {
            var utf8 = text
            utf8.withUTF8 { bytes in
                analyzer.forEachWordRange(in: bytes) { start, end in
                    starts.append(Int32(start))
                    ends.append(Int32(end))
                }
            }
        }
    }

    /// `matched` are token positions within `text` (as the index counts them); `words` are `text`'s.
    static func snippet(of text: String, words: WordRanges, matched: Set<Int>) -> String {
        guard words.count > 0 else { return HTML.escape(String(text.prefix(200))) }
        // The window with the most matched words; the earliest on ties.
        let size = min(windowWords, words.count)
        var count = (0..<size).filter(matched.contains).count
        var best = (start: 0, count: count)
        if words.count > size {
            for start in 1...(words.count - size) {
                if matched.contains(start - 1) { count -= 1 }
                if matched.contains(start + size - 1) { count += 1 }
                if count > best.count { best = (start, count) }
            }
        }
        let bytes = text.utf8
        func slice(_ from: Int32, _ to: Int32?) -> String {
            let start = bytes.index(bytes.startIndex, offsetBy: Int(from))
            let end = to.map { bytes.index(bytes.startIndex, offsetBy: Int($0)) } ?? bytes.endIndex
            return HTML.escape(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        var result = best.start > 0 ? "… " : ""
        var cursor = words.starts[best.start]
        for word in best.start..<(best.start + size) {
            result += slice(cursor, words.starts[word])
            let surface = slice(words.starts[word], words.ends[word])
            result += matched.contains(word) ? "<mark>\(surface)</mark>" : surface
            cursor = words.ends[word]
        }
        result += best.start + size < words.count ? " …" : slice(cursor, nil)
        return result
    }
}
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
