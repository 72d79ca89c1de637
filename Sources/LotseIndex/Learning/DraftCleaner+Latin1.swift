/// `DraftCleaner`'s rules on a line of Latin-1 scalars (German and English drafts), one byte per scalar. There every
/// scalar is a Character ("\r\n" never is in a line), lowercasing maps one scalar to one, and every text is in NFC,
/// so comparing bytes gives what `cleanCharacters` gives by Characters (DraftCleanerTests compare both): learning
/// cleans 100,000 drafts, and String's Character comparisons, index validation and lowercasing were most of it.
extension DraftCleaner {
    /// The verdict on a line of UTF-8 `bytes` (a `String`'s), nil when a scalar is above U+00FF.
    static func cleanLatin1(_ utf8: UnsafeBufferPointer<UInt8>, cutsInlineSignOff: Bool, isFirst: Bool) -> Verdict? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { buffer -> Verdict? in
            var count = 0, index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    buffer[count] = byte
                    index += 1
                } else if byte == 0xc2 || byte == 0xc3 {
                    buffer[count] = (byte & 0x03) << 6 | utf8[index + 1] & 0x3f
                    index += 2
                } else {
                    return nil
                }
                count += 1
            }
            let line = Latin1Text(characters: UnsafeBufferPointer(rebasing: buffer[..<count]))
            return line.clean(line.trimmed(0..<count), cutsInlineSignOff: cutsInlineSignOff, isFirst: isFirst)
        }
    }
}

/// A line's scalars, one byte each; its parts are ranges of it.
private struct Latin1Text {
    let characters: UnsafeBufferPointer<UInt8>

    func clean(_ line: Range<Int>, cutsInlineSignOff: Bool, isFirst: Bool) -> DraftCleaner.Verdict {
        let head = line.prefix(DraftCleaner.headCharacters)
        if line.first.map({ characters[$0] }) == UInt8(ascii: ">") { return .skip }
        if Latin1.quoteMarkers.first(startingWith: head, of: characters) != nil
            || (starts(head, with: "am ") && line.count >= 8 && starts(line.suffix(8), with: "schrieb:"))
        {
            return .stop
        }
        let signOff = Latin1.signOffs.first(startingWith: head, of: characters) { length in
            let next = head.dropFirst(length).first.map { Latin1.lowercase[Int(characters[$0])] }
            return line.count == length || next == UInt8(ascii: ",") || next == UInt8(ascii: " ") && line.count < length + 25
        }
        if signOff != nil { return .stop }
        let content = stripGreeting(line, head: head)
        // What is left of a line with identifiers is a new text; any other line's content is a range of it.
        func finish(_ text: Latin1Text, _ content: Range<Int>) -> DraftCleaner.Verdict {
            let content = cutsInlineSignOff ? text.stripSignature(content, isFirst: isFirst) : content
            if content.isEmpty, !line.isEmpty { return .skip }
            return .content(Latin1.utf8(UnsafeBufferPointer(rebasing: text.characters[content])))
        }
        guard let words = withoutIdentifiers(content) else { return finish(self, content) }
        return words.withUnsafeBufferPointer { finish(Latin1Text(characters: $0), $0.indices) }
    }

    private func stripGreeting(_ line: Range<Int>, head: Range<Int>) -> Range<Int> {
        guard let greeting = Latin1.greetings.first(startingWith: head, of: characters) else { return line }
        let rest = line.dropFirst(greeting)
        guard let comma = rest.first(where: { characters[$0] == UInt8(ascii: ",") || characters[$0] == UInt8(ascii: "!") }),
              comma - rest.lowerBound <= 30
        else {
            return rest.first.map { Latin1.isLetter[Int(characters[$0])] } == true ? line : trimmed(rest)
        }
        return trimmed((comma + 1)..<rest.upperBound)
    }

    /// The words of `line` without e-mail addresses and URLs; nil when it has none.
    private func withoutIdentifiers(_ line: Range<Int>) -> [UInt8]? {
        let bytes = UnsafeBufferPointer(rebasing: characters[line])
        guard DraftCleaner.mayHoldIdentifier(bytes) else { return nil }
        let kept = bytes.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).filter { word in
            let word = UnsafeBufferPointer(rebasing: word)
            return !(word.contains(UInt8(ascii: "@")) || word.indices.contains { DraftCleaner.follows(word, at: $0, "://") }
                || Latin1Text(characters: word).starts(word.indices, with: "www."))
        }
        return Array(kept.joined(separator: [UInt8(ascii: " ")]))
    }

    /// `stripSignature` of `DraftCleaner.cleanCharacters`.
    func stripSignature(_ line: Range<Int>, isFirst: Bool) -> Range<Int> {
        let sentenceEnd = line.dropLast().last { index in
            let byte = characters[index]
            let isEnd = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            return isEnd && characters[index + 1] == UInt8(ascii: " ")
        }
        guard sentenceEnd != nil || !isFirst else { return line }
        let start = sentenceEnd.map { $0 + 1 } ?? line.lowerBound
        let tail = trimmed(start..<line.upperBound)
        let head = tail.prefix(DraftCleaner.headCharacters)
        let signOff = Latin1.inlineSignOffs.first(startingWith: head, of: characters) { length in
            head.dropFirst(length).first.map { !Latin1.isLetter[Int(characters[$0])] } ?? true
        }
        guard signOff != nil else { return line }
        let words = UnsafeBufferPointer(rebasing: characters[tail]).split(separator: UInt8(ascii: " "))
        guard words.count <= DraftCleaner.signatureWords else { return line }
        return trimmed(line.lowerBound..<start)
    }

    /// Whether `range`, lowercased, starts with the ASCII `text`.
    func starts(_ range: Range<Int>, with text: StaticString) -> Bool {
        range.count >= text.utf8CodeUnitCount
            && (0..<text.utf8CodeUnitCount).allSatisfy { Latin1.lowercase[Int(characters[range.lowerBound + $0])] == text.utf8Start[$0] }
    }

    /// Without spaces, tabs, "\r" and no-break spaces (the Zs of Latin-1) at either end, as `DraftCleaner.trimmed`.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        func isSpace(_ index: Int) -> Bool {
            let byte = characters[index]
            return byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0xa0
        }
        guard let first = range.first(where: { !isSpace($0) }), let last = range.last(where: { !isSpace($0) }) else {
            return range.lowerBound..<range.lowerBound
        }
        return first..<(last + 1)
    }
}

/// The markers and tables of `DraftCleaner`'s Latin-1 lines.
private enum Latin1 {
    static let greetings = Markers(DraftCleaner.greetings)
    static let signOffs = Markers(DraftCleaner.signOffs)
    static let inlineSignOffs = Markers(DraftCleaner.inlineSignOffs)
    static let quoteMarkers = Markers(DraftCleaner.quoteMarkers)

    /// Each scalar's lowercase: A–Z and À–Þ but × (what `String.lowercased()` does to them).
    static let lowercase: [UInt8] = (0...255).map { UInt8($0) }.map { byte in
        (byte >= 0x41 && byte <= 0x5a) || (byte >= 0xc0 && byte <= 0xde && byte != 0xd7) ? byte + 0x20 : byte
    }
    /// `Character.isLetter` of each scalar.
    static let isLetter: [Bool] = (0...255).map { Unicode.Scalar(UInt8($0)).properties.isAlphabetic }

    static func utf8(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.count * 2)
        for byte in text {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xc0 | byte >> 6)
                utf8.append(0x80 | byte & 0x3f)
            }
        }
        return utf8
    }
}

/// Lowercase markers (all below U+0100) in one byte buffer: an array of arrays retained and released each marker
/// it compared.
private struct Markers {
    private let bytes: [UInt8]
    private let ends: [Int]
    /// Whether a marker starts with the scalar: most lines start with none.
    private let firstBytes: [Bool]

    init(_ markers: [String]) {
        bytes = markers.flatMap { $0.unicodeScalars.map { UInt8($0.value) } }
        ends = markers.reduce(into: []) { ends, marker in ends.append((ends.last ?? 0) + marker.unicodeScalars.count) }
        let firsts = Set(markers.compactMap { $0.unicodeScalars.first.map { UInt8($0.value) } })
        firstBytes = (0...255).map { firsts.contains(UInt8($0)) }
    }

    /// The length of the first marker that `range` of `characters`, lowercased, starts with and that `accepts`.
    func first(startingWith range: Range<Int>, of characters: UnsafeBufferPointer<UInt8>, accepts: (Int) -> Bool = { _ in true }) -> Int? {
        guard let first = range.first, firstBytes[Int(Latin1.lowercase[Int(characters[first])])] else { return nil }
        return bytes.withUnsafeBufferPointer { bytes in
            Latin1.lowercase.withUnsafeBufferPointer { lowercase in
                var start = 0
                for end in ends {
                    defer { start = end }
                    let length = end - start
                    guard length <= range.count else { continue }
                    var offset = 0
                    while offset < length, lowercase[Int(characters[range.lowerBound + offset])] == bytes[start + offset] { offset += 1 }
                    if offset == length, accepts(length) { return length }
                }
                return nil
            }
        }
    }
}
