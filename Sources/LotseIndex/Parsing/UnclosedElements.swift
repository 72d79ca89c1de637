/// Start tags in an HTML page's source that no end tag closes. libxml2 ends such an element only where an ancestor
/// ends, often the end of the article, so when the article drops the element with its content (`<math>`, `<select>`,
/// `<nav>`, …), every word after the tag would silently go with it.
enum UnclosedElements {
    struct StartTag: Hashable {
        var name: String
        /// 1-based, as libxml2 numbers a node's line.
        var line: Int
    }

    /// Their content is text up to their end tag: a `<` inside starts no tag.
    private static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]

    /// The start tags of `names` without an end tag (a start tag ending in `/>` closes itself). Comments and raw text
    /// are skipped; a quote starts a quoted value only after `=`, as in HTML.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, names: Set<String>) -> Set<StartTag> {
        var scanner = Scanner(bytes: bytes)
        var open: [String: [Int]] = [:]
        while let tag = scanner.nextTag() {
            if tag.closing {
                if names.contains(tag.name) { _ = open[tag.name]?.popLast() }
                continue
            }
            if names.contains(tag.name), !tag.selfClosing { open[tag.name, default: []].append(tag.line) }
            if rawText.contains(tag.name), !tag.selfClosing { scanner.skip(upTo: "</" + tag.name) }
        }
        return Set(open.flatMap { name, lines in lines.map { StartTag(name: name, line: $0) } })
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next start or end tag, its name lowercased; nil at the end of the source.
        mutating func nextTag() -> (name: String, line: Int, closing: Bool, selfClosing: Bool)? {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    move(to: index + 1)
                    continue
                }
                if starts(with: "<!--", at: index) {
                    skip(upTo: "-->")
                    move(to: index + 3)
                    continue
                }
                let line = self.line
                var cursor = index + 1
                let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
                if closing { cursor += 1 }
                let nameStart = cursor
                while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
                guard cursor > nameStart, Self.isLetter(bytes[nameStart]) else {
                    move(to: index + 1)  // a "<" in text
                    continue
                }
                let name = String(decoding: bytes[nameStart..<cursor].map { $0 | 0x20 }, as: UTF8.self)
                let end = tagEnd(from: cursor)
                let selfClosing = end > nameStart && end < bytes.count && bytes[end - 1] == UInt8(ascii: "/")
                move(to: end + 1)
                return (name, line, closing, selfClosing)
            }
            return nil
        }

        /// Moves to the next occurrence of `marker` (ASCII, matched without case), or to the end.
        mutating func skip(upTo marker: String) {
            var position = index
            while position < bytes.count, !starts(with: marker, at: position) { position += 1 }
            move(to: position)
        }

        /// The `>` ending the tag whose attributes start at `start` (the end of the source when there is none).
        private func tagEnd(from start: Int) -> Int {
            var cursor = start, quote: UInt8?, afterEquals = false
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if afterEquals, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return cursor
                }
                if byte == UInt8(ascii: "=") { afterEquals = quote == nil } else if byte > 0x20 { afterEquals = false }
                cursor += 1
            }
            return bytes.count
        }

        private func starts(with marker: String, at position: Int) -> Bool {
            let marker = marker.utf8
            guard position + marker.count <= bytes.count else { return false }
            return zip(bytes[position...], marker).allSatisfy { byte, wanted in Self.lowercased(byte) == wanted }
        }

        private mutating func move(to position: Int) {
            let target = min(position, bytes.count)
            while index < target {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
        }

        private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        private static func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
        }
        private static func lowercased(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }
    }
}
