import LotseAnalysis

extension SnippetBuilder {
    /// Byte ranges of a text's words, in index token positions: word breaking is most of a snippet's cost and does not
    /// depend on the query, so the engine caches these per article. Held as each word's gap from the previous word's
    /// end and its length, each a LEB128 number (one byte each for nearly every word: 2 bytes a word instead of 8), so
    /// the result-source cache holds four times the ranges; a snippet decodes from the checkpoint before its window.
    struct WordRanges: Sendable {
        private(set) var count = 0
        private var encoded: [UInt8] = []
        /// Where every `stride`-th word's entry starts in `encoded`, and the end of the word before it.
        private var checkpoints: [(offset: UInt32, end: UInt32)] = []
        private static let stride = 64

        var byteCount: Int { encoded.count + checkpoints.count * 8 + 64 }

        init(of text: String, analyzer: Analyzer) {
            var utf8 = text
            var previousEnd = 0
            utf8.withUTF8 { bytes in
                analyzer.forEachWordRange(in: bytes) { start, end in
                    if count % Self.stride == 0 { checkpoints.append((UInt32(encoded.count), UInt32(previousEnd))) }
                    Self.append(start - previousEnd, to: &encoded)
                    Self.append(end - start, to: &encoded)
                    previousEnd = end
                    count += 1
                }
            }
            // Cached per article: no spare capacity.
            (encoded, checkpoints) = (encoded.trimmed(), checkpoints.trimmed())
        }

        /// The byte ranges of the words at `words` (token positions within `0..<count`).
        func ranges(_ words: Range<Int>) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(words.count)
            guard !words.isEmpty else { return ranges }
            let first = words.lowerBound / Self.stride * Self.stride
            let checkpoint = checkpoints[first / Self.stride]
            var offset = Int(checkpoint.offset), end = Int(checkpoint.end)
            for word in first..<words.upperBound {
                let start = end + Self.read(encoded, at: &offset)
                end = start + Self.read(encoded, at: &offset)
                if word >= words.lowerBound { ranges.append(start..<end) }
            }
            return ranges
        }

        private static func append(_ value: Int, to bytes: inout [UInt8]) {
            var value = UInt(value)
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        private static func read(_ bytes: [UInt8], at offset: inout Int) -> Int {
            var value = 0, shift = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
    }
}
