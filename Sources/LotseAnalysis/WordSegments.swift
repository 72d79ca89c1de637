/// Splits ICU word segments further where ICU keeps them whole but search should not:
/// "imap.lindenhost.de" → imap, lindenhost, de; "support@lindenhost.de", "foo:bar" and "snake_case" likewise;
/// apostrophes separate too, so French elision finds the word ("l'adresse" → l, adresse; ’ as well).
/// Dots and commas between digits stay ("3.5", "1.000").
enum WordSegments {
    static func forEachPart(of text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ body: (Int, Int) -> Void) {
        var partStart = start
        var index = start
        while index < end {
            let byte = text[index]
            var separatorLength = 0
            if isSeparator(byte), !isBetweenDigits(text, at: index, start: start, end: end) {
                separatorLength = 1
            } else if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80, text[index + 2] == 0x99 {
                separatorLength = 3  // U+2019 right single quotation mark, the typographic apostrophe
            }
            if separatorLength > 0 {
                if index > partStart { body(partStart, index) }
                partStart = index + separatorLength
                index += separatorLength
                continue
            }
            index += 1
        }
        if end > partStart { body(partStart, end) }
    }

    /// Whether a segment holds a letter or digit: the one rule that makes a segment an indexed word.
    static func isWordLike(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        if raw.allSatisfy({ $0 < 0x80 }) {
            return raw.contains { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
        }
        var iterator = raw.makeIterator()
        var decoder = Unicode.UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return true }
        }
        return false
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "'")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isBetweenDigits(_ text: UnsafeBufferPointer<UInt8>, at index: Int, start: Int, end: Int) -> Bool {
        index > start && index + 1 < end && isDigit(text[index - 1]) && isDigit(text[index + 1])
    }
}
