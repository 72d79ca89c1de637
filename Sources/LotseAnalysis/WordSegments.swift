/// Splits ICU word segments further where ICU keeps them whole but search should not:
/// "imap.lindenhost.de" → imap, lindenhost, de; "foo:bar" and "snake_case" likewise.
/// Dots and commas between digits stay ("3.5", "1.000").
enum WordSegments {
    static func forEachPart(of text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ body: (Int, Int) -> Void) {
        var partStart = start
        var index = start
        while index < end {
            let byte = text[index]
            if isSeparator(byte), !isBetweenDigits(text, at: index, start: start, end: end) {
                if index > partStart { body(partStart, index) }
                partStart = index + 1
            }
            index += 1
        }
        if end > partStart { body(partStart, end) }
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ",")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isBetweenDigits(_ text: UnsafeBufferPointer<UInt8>, at index: Int, start: Int, end: Int) -> Bool {
        index > start && index + 1 < end && isDigit(text[index - 1]) && isDigit(text[index + 1])
    }
}
