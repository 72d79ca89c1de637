import LotseAnalysis

/// Customer text to the words an article may learn from it. Pieces that carry personal data whole are dropped
/// before the text is broken into words: e-mail addresses, URLs, domains and file names, and anything with a
/// digit (phone, customer, ticket and contract numbers, dates, IBANs). Of the rest, only alphabetic words of three
/// letters or more that are no stop words remain; `LearnedField` then keeps those the articles or a dictionary know.
enum PrivacyFilter {
    /// The whitespace-separated pieces of `text` that are not dropped whole, as UTF-8 bytes, and whether each starts a
    /// sentence (the text's or a line's first piece, or one after a piece ending in ".", "!" or "?"; dropped pieces
    /// count): a capitalised word elsewhere may be a name. Byte by byte, decoding only non-ASCII scalars: grapheme
    /// breaking, then scalar iteration of 100,000 drafts was a large part of a learning build (BENCHMARKS.md).
    static func forEachPiece(in text: String, _ body: (_ piece: UnsafeBufferPointer<UInt8>, _ startsSentence: Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0, index = 0
            var personal = false, startsSentence = true
            var previous: Unicode.Scalar = " "
            while index < bytes.count {
                let (scalar, length) = decode(bytes, at: index)
                if scalar.isWhitespace {
                    if index != start {
                        if !personal { body(UnsafeBufferPointer(rebasing: bytes[start..<index]), startsSentence) }
                        startsSentence = previous == "." || previous == "!" || previous == "?"
                    }
                    startsSentence = startsSentence || scalar == "\n"
                    personal = false
                    start = index + length
                } else {
                    personal = personal || isPersonal(scalar, after: previous)
                }
                index += length
                previous = scalar
            }
            if index != start, !personal { body(UnsafeBufferPointer(rebasing: bytes[start..<index]), startsSentence) }
        }
    }

    /// The scalar at `index` of valid UTF-8 (a `String`'s) and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        guard lead >= 0x80 else { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2
        var value = lead & (0x7f >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3f) }
        return (Unicode.Scalar(value)!, length)
    }

    /// Whether `bytes` start with a capital letter (after opening quotes or brackets) followed by a small one or
    /// nothing: "Frank", "„Dringend“", not "VAT" (an acronym is no name).
    static func startsWithCapital(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let (scalar, length) = decode(bytes, at: index)
            index += length
            guard isLetter(scalar) else { continue }
            guard isCapital(scalar) else { return false }
            return index == bytes.count || !isCapital(decode(bytes, at: index).0)
        }
        return false
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7a : scalar.properties.isAlphabetic
    }

    private static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5a : scalar.properties.isUppercase
    }

    /// A whitespace-separated piece that is dropped whole (`PersonalDataMask` masks the same pieces).
    static func isPersonal(_ piece: Substring) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in piece.unicodeScalars {
            if isPersonal(scalar, after: previous) { return true }
            previous = scalar
        }
        return false
    }

    /// Whether `scalar` (after `previous` in the same piece) makes the piece personal: a digit, `@`, a slash, or a
    /// letter after a dot ("www.example.de", "max.mustermann", "rechnung.pdf"; a sentence's final dot has nothing
    /// after it).
    static func isPersonal(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a
            return (byte >= 0x30 && byte <= 0x39) || byte == 0x40 || byte == 0x2f || byte == 0x5c || (previous == "." && isLetter)
        }
        return scalar.properties.numericType != nil || (previous == "." && scalar.properties.isAlphabetic)
    }

    /// `properties.isAlphabetic`, which has no ASCII fast path (every learnable word of a new piece asks).
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7a : scalar.properties.isAlphabetic
    }

    static func isLearnable(_ folded: String, language: Language) -> Bool {
        folded.unicodeScalars.count >= 3 && folded.utf8.count <= Analyzer.maximumWordBytes
            && folded.unicodeScalars.allSatisfy(isAlphabetic)
            && !StopWords.contains(folded, language: language)
    }
}
