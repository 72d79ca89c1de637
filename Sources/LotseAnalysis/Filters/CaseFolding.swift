import CICUShim

/// NFKC case folding with diacritics removed: "Größe" → "grosse", "Café" → "cafe", "ＡＢＣ" → "abc".
/// Apostrophes are dropped so "Let's" and "Lets" meet.
enum CaseFolding {
    /// Folds one word given as UTF-8 bytes. Returns nil when nothing word-like is left.
    static func fold(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        if word.allSatisfy({ $0 < 0x80 }) {
            return foldASCII(word)
        }
        return foldUnicode(word)
    }

    private static func foldASCII(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let folded = String(unsafeUninitializedCapacity: word.count) { out in
            var count = 0
            for byte in word where byte != UInt8(ascii: "'") {
                out[count] = (byte >= 65 && byte <= 90) ? byte + 32 : byte
                count += 1
            }
            return count
        }
        return folded.isEmpty ? nil : folded
    }

    private static func foldUnicode(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = word.baseAddress else { return nil }
        var capacity = word.count * 3 + 16
        while true {
            var failed = false
            let folded = String(unsafeUninitializedCapacity: capacity) { out in
                let written = base.withMemoryRebound(to: CChar.self, capacity: word.count) { input in
                    out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) {
                        lotse_fold(input, Int32(word.count), $0, Int32(capacity))
                    }
                }
                if written < 0 {
                    failed = true
                    capacity = written == -1 ? 0 : Int(-written) + 1
                    return 0
                }
                return dropApostrophes(out, count: Int(written))
            }
            if !failed { return folded.isEmpty ? nil : folded }
            if capacity == 0 { return nil }
        }
    }

    /// Removes ' and ’ (U+2019) in place; returns the new length.
    private static func dropApostrophes(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        var read = 0
        var write = 0
        while read < count {
            if buffer[read] == UInt8(ascii: "'") {
                read += 1
                continue
            }
            if read + 2 < count, buffer[read] == 0xE2, buffer[read + 1] == 0x80, buffer[read + 2] == 0x99 {
                read += 3
                continue
            }
            buffer[write] = buffer[read]
            write += 1
            read += 1
        }
        return write
    }
}
