import LotseAnalysis

/// Builds a short passage of an article around the query's matches: HTML-escaped text with the matched
/// words in `<mark>` (the only markup added). Which words matched comes from the index (the body positions in
/// the postings), so stems, compound parts, synonyms and prefixes highlight exactly as they matched.
enum SnippetBuilder {
    static let windowWords = 28

    /// A listing's snippet: the text's opening words, as `snippet(of:words:matched: [])` gives them. Only the first
    /// `openingBytes` are broken into words when they hold more than a window: a category page lists 50 articles, an
    /// article page lists its category's, and an article may be megabytes long.
    static func opening(of text: String, analyzer: Analyzer) -> String {
        var text = text
        let head = text.withUTF8 { bytes in bytes.count > openingBytes ? String(decoding: bytes[..<cut(bytes)], as: UTF8.self) : nil }
        if let head {
            let words = WordRanges(of: head, analyzer: analyzer)
            // More than a window and the word the cut may have split: the window's words and its " …" are the text's.
            if words.count > windowWords + 1 { return snippet(of: head, words: words, matched: []) }
        }
        return snippet(of: text, words: WordRanges(of: text, analyzer: analyzer), matched: [])
    }

    static let openingBytes = 2_000

    /// `openingBytes` moved back to the start of a UTF-8 sequence.
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = openingBytes
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// `matched` are token positions within `text` (as the index counts them), ascending and distinct; `words`
    /// are `text`'s. The window is the one with the most matched words, the earliest on ties.
    static func snippet(of text: String, words: WordRanges, matched: [Int]) -> String {
        guard words.count > 0 else { return HTML.escape(String(text.prefix(200))) }
        let size = min(windowWords, words.count)
        let start = bestWindow(size: size, wordCount: words.count, matched: matched)
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            let window = words.ranges(start..<(start + size))
            result.reserveCapacity(window[size - 1].upperBound - window[0].lowerBound + 64)
            if start > 0 { result += "… ".utf8 }
            var cursor = window[0].lowerBound
            var next = matched.firstIndex { $0 >= start } ?? matched.endIndex
            for (word, range) in zip(start..., window) {
                let (wordStart, wordEnd) = (range.lowerBound, range.upperBound)
                HTML.append(bytes[cursor..<wordStart], escapedTo: &result)
                let marked = next < matched.endIndex && matched[next] == word
                if marked { result += "<mark>".utf8; next += 1 }
                HTML.append(bytes[wordStart..<wordEnd], escapedTo: &result)
                if marked { result += "</mark>".utf8 }
                cursor = wordEnd
            }
            if start + size < words.count { result += " …".utf8 } else { HTML.append(bytes[cursor...], escapedTo: &result) }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The first word of the `size`-word window holding the most `matched` positions (the earliest on ties).
    /// A window's count only rises where its last word is a match, so those starts (and 0) are the candidates.
    static func bestWindow(size: Int, wordCount: Int, matched: [Int]) -> Int {
        let lastStart = wordCount - size
        var best = (start: 0, count: matched.prefix { $0 < size }.count)
        var first = 0, end = 0  // matched[first..<end] lies in the candidate window
        for position in matched {
            let start = position - size + 1
            guard start > best.start else { continue }
            guard start <= lastStart else { break }
            while end < matched.count, matched[end] < start + size { end += 1 }
            while matched[first] < start { first += 1 }
            if end - first > best.count { best = (start, end - first) }
        }
        return best.start
    }
}

/// HTML escaping for text (snippets here, the help pages in the server).
public enum HTML {
    public static func escape(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        append(text.utf8, escapedTo: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends UTF-8 text with `&`, `<`, `>`, `"` and `'` as entities (ASCII bytes never occur inside a
    /// multi-byte sequence, so escaping bytes is escaping characters).
    static func append(_ bytes: some Sequence<UInt8>, escapedTo result: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
    }
}
