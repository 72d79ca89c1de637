import CICUShim

/// NFKC case folding with diacritics removed: "Größe" → "grosse", "Café" → "cafe", "ＡＢＣ" → "abc".
enum CaseFolding {
    /// Folds one word given as UTF-8 bytes. Returns nil when nothing word-like is left.
    static func fold(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let folded = word.allSatisfy({ $0 < 0x80 }) ? foldASCII(word) : foldUnicode(word)
        guard let folded, folded.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            return nil
        }
        return folded
    }

    private static func foldASCII(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let folded = String(unsafeUninitializedCapacity: word.count) { out in
            var count = 0
            for byte in word {
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
                return Int(written)
            }
            if !failed { return folded.isEmpty ? nil : folded }
            if capacity == 0 { return nil }
        }
    }
}
