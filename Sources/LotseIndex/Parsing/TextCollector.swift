/// Accumulates plain text from a document tree: title, headings and body, with block boundaries as spaces.
struct TextCollector {
    var title: String?
    var headings: [String] = []
    var body = ""
    private var heading: String?
    private var headingLevel = 0

    mutating func beginHeading(level: Int) {
        heading = ""
        headingLevel = level
    }

    /// Ends a heading: the first level-1 heading becomes the title when `titleFromHeading` is set.
    mutating func endHeading(titleFromHeading: Bool) {
        guard let text = heading.map(Self.squeeze) else { return }
        heading = nil
        guard !text.isEmpty else { return }
        if headingLevel == 1, title == nil, titleFromHeading {
            title = text
        } else if headingLevel == 1, text == title {
            return
        } else {
            headings.append(text)
        }
    }

    mutating func append(_ text: String) {
        if heading != nil { heading! += text } else { body += text }
    }

    mutating func breakBlock() {
        if heading != nil { heading! += " " } else if !body.isEmpty, body.last != " " { body += " " }
    }

    var bodyText: String { Self.squeeze(body) }

    /// Collapses runs of white space (ASCII, no-break and other Unicode spaces) to one space; trims both ends.
    /// Works on UTF-8 bytes: this runs over every article's whole text.
    static func squeeze(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let length = whitespaceLength(bytes, at: index)
                    if length > 0 {
                        pendingSpace = count > 0
                        index += length
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = bytes[index]
                    count += 1
                    index += 1
                }
                return count
            }
        }
    }

    /// Byte length of the white-space character at `index`, or 0.
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0x85 { return 2 }
        guard index + 2 < bytes.count else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        switch byte {
        case 0xE2 where second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF): return 3
        case 0xE2 where second == 0x81 && third == 0x9F: return 3  // U+205F
        case 0xE3 where second == 0x80 && third == 0x80: return 3  // U+3000
        case 0xE1 where second == 0x9A && third == 0x80: return 3  // U+1680
        default: return 0
        }
    }
}
