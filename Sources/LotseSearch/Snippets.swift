import LotseAnalysis

/// Builds a short passage of an article around the query's matches: HTML-escaped text with the matched
/// words in `<mark>` (the only markup added). Which words matched comes from the index (the body positions in the postings), so
/// stems, compound parts, synonyms and prefixes highlight exactly as they matched.
enum SnippetBuilder {
    static let windowWords = 28

    /// `matched` are token positions within `text` (as the index counts them).
    static func snippet(of text: String, matched: Set<Int>, analyzer: Analyzer) -> String {
        var words: [(start: Int, end: Int, matched: Bool)] = []
        // The best window starts at a match (or at the start), so words past the last match's window (plus one,
        // to know whether text follows) are never shown: word breaking stops there.
        let needed = (matched.max() ?? 0) + windowWords + 1
        var utf8 = text
        utf8.withUTF8 { bytes in
            analyzer.forEachWordRange(in: bytes, maximumWords: needed) { start, end in
                words.append((start, end, matched.contains(words.count)))
            }
        }
        guard !words.isEmpty else { return HTML.escape(String(text.prefix(200))) }
        // The window with the most matched words; the earliest on ties.
        let size = min(windowWords, words.count)
        var count = words[0..<size].filter(\.matched).count
        var best = (start: 0, count: count)
        if words.count > size {
            for start in 1...(words.count - size) {
                if words[start - 1].matched { count -= 1 }
                if words[start + size - 1].matched { count += 1 }
                if count > best.count { best = (start, count) }
            }
        }
        let window = words[best.start..<(best.start + size)]
        let bytes = Array(text.utf8)
        var result = best.start > 0 ? "… " : ""
        var cursor = window.first!.start
        for word in window {
            result += HTML.escape(String(decoding: bytes[cursor..<word.start], as: UTF8.self))
            let surface = HTML.escape(String(decoding: bytes[word.start..<word.end], as: UTF8.self))
            result += word.matched ? "<mark>\(surface)</mark>" : surface
            cursor = word.end
        }
        if best.start + size < words.count {
            result += " …"
        } else {
            result += HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
        }
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
