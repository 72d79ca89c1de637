/// One line of a draft as one unit per Character, which `DraftCleaner`'s rules compare. A Latin-1 scalar (German
/// and English drafts: most lines are nothing else) is its own unit, decoded byte by byte: String's Character
/// comparisons, index validation and lowercasing were most of the privacy step of 100,000 drafts. Any other
/// Character (emoji, other scripts, a decomposed umlaut) is numbered from 0x100 and keeps its bytes, the Latin-1
/// scalar it is canonically equivalent to, its lowercase and whether it is a letter or a space, as Swift's
/// Characters say, so every rule gives what it gives by Characters.
struct DraftLine {
    let units: UnsafeBufferPointer<UInt32>
    /// The Characters of the units from 0x100 on, by unit - 0x100.
    private let others: [OtherCharacter]

    private struct OtherCharacter {
        let utf8: [UInt8]
        /// The Latin-1 scalar the Character lowercased equals ("U\u{308}" is "ü", "ẞ" is "ß"), else its own unit:
        /// equal to no marker.
        let lowercase: UInt32
        let isLetter: Bool
        /// Every scalar a space, as `isSpace` (a wide or thin space).
        let isSpace: Bool
        /// The first scalar a space, not every one: " " and a combining mark or ZWJ (which trimming splits).
        let startsWithSpace: Bool
        /// The first scalar is " " (U+0020).
        let startsWithBlank: Bool
    }

    private init(units: UnsafeBufferPointer<UInt32>, others: [OtherCharacter]) {
        self.units = units
        self.others = others
    }

    /// `body` with the line of valid UTF-8 `utf8` (a `String`'s).
    static func withLine<Result>(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (DraftLine) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: utf8.count) { buffer in
            var count = 0, index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    buffer[count] = UInt32(byte)
                    index += 1
                } else if byte == 0xc2 || byte == 0xc3 {
                    buffer[count] = UInt32(byte & 0x03) << 6 | UInt32(utf8[index + 1] & 0x3f)
                    index += 2
                } else {
                    return body(byCharacters(trimmed(String(decoding: utf8, as: UTF8.self)), into: buffer))
                }
                count += 1
            }
            return body(DraftLine(units: UnsafeBufferPointer(rebasing: buffer[..<count]), others: []))
        }
    }

    /// `line` without spaces at either end, scalar by scalar: " " and a combining mark are one Character, of which
    /// only the space goes.
    private static func trimmed(_ line: String) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return Substring(scalars[first...last])
    }

    /// A line with a scalar above U+00FF, Character by Character (there are never more Characters than bytes).
    private static func byCharacters(_ line: Substring, into buffer: UnsafeMutableBufferPointer<UInt32>) -> DraftLine {
        var others: [OtherCharacter] = [], count = 0
        for character in line {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, scalar.value < 0x100 {
                buffer[count] = scalar.value
            } else {
                let unit = UInt32(0x100 + others.count)
                let lowercase = Character.isSingle(character.lowercased()).flatMap { latin1Scalars[$0] }
                others.append(OtherCharacter(utf8: Array(String(character).utf8), lowercase: lowercase ?? unit,
                                             isLetter: character.isLetter, isSpace: scalars.allSatisfy(isSpace),
                                             startsWithSpace: isSpace(scalars.first!), startsWithBlank: scalars.first == " "))
                buffer[count] = unit
            }
            count += 1
        }
        return DraftLine(units: UnsafeBufferPointer(rebasing: buffer[..<count]), others: others)
    }

    /// Each Latin-1 scalar by its Character: a Character's hash and equality are canonical equivalence's.
    private static let latin1Scalars: [Character: UInt32] = Dictionary(uniqueKeysWithValues: (0..<0x100).map { value in
        (Character(Unicode.Scalar(UInt8(value))), UInt32(value))
    })

    // MARK: - A unit as a Character

    /// Whether the unit's Character is the ASCII `scalar`, one of the punctuation marks and the space the rules look
    /// for: no other Character is canonically equivalent to them (DraftCleanerTests), so the unit is the scalar.
    @inline(__always) func holds(_ scalar: Unicode.Scalar, at index: Int) -> Bool { units[index] == scalar.value }

    /// The Latin-1 scalar the unit's Character lowercased equals (`String.lowercased()`), or a value above U+00FF.
    @inline(__always) func lowercase(_ index: Int) -> UInt32 {
        let unit = units[index]
        guard unit < 0x100 else { return others[Int(unit) - 0x100].lowercase }
        // A–Z and À–Þ but ×: what `String.lowercased()` does to Latin-1.
        return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0xc0 && unit <= 0xde && unit != 0xd7) ? unit + 0x20 : unit
    }

    /// `Character.isLetter`.
    @inline(__always) func isLetter(_ index: Int) -> Bool {
        let unit = units[index]
        guard unit < 0x100 else { return others[Int(unit) - 0x100].isLetter }
        // The alphabetic Latin-1 scalars: letters, "ª", "µ", "º", À–ÿ but × and ÷.
        return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a || unit == 0xaa || unit == 0xb5 || unit == 0xba
            || (unit >= 0xc0 && unit != 0xd7 && unit != 0xf7)
    }

    @inline(__always) func isSpace(_ index: Int) -> Bool {
        let unit = units[index]
        return unit < 0x100 ? unit == 0x20 || unit == 0x09 || unit == 0x0d || unit == 0xa0 : others[Int(unit) - 0x100].isSpace
    }

    /// Whether the unit's first scalar is " " (a sentence ends before it).
    @inline(__always) func startsWithBlank(_ index: Int) -> Bool {
        let unit = units[index]
        return unit < 0x100 ? unit == 0x20 : others[Int(unit) - 0x100].startsWithBlank
    }

    /// Whether the unit is a Character that starts with a space and goes on: trimming leaves the rest of it.
    func isSplitByTrimming(_ index: Int) -> Bool {
        let unit = units[index]
        return unit >= 0x100 && others[Int(unit) - 0x100].startsWithSpace && !others[Int(unit) - 0x100].isSpace
    }

    /// Spaces, tabs and the "\r" of a CRLF line end (what `trimmingCharacters(in: .whitespaces)` trimmed, without
    /// Foundation's NSString bridge).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\r" : scalar.properties.generalCategory == .spaceSeparator
    }

    // MARK: - Ranges of units

    /// Without spaces at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        guard let first = range.first(where: { !isSpace($0) }), let last = range.last(where: { !isSpace($0) }) else {
            return range.lowerBound..<range.lowerBound
        }
        return first..<(last + 1)
    }

    /// Whether `range`, lowercased, starts with the ASCII `text`.
    func starts(_ range: Range<Int>, with text: StaticString) -> Bool {
        range.count >= text.utf8CodeUnitCount
            && (0..<text.utf8CodeUnitCount).allSatisfy { lowercase(range.lowerBound + $0) == UInt32(text.utf8Start[$0]) }
    }

    /// Whether the Characters at `index` are the ASCII `text`.
    func follows(_ index: Int, _ text: StaticString) -> Bool { Self.follows(units, index, text) }

    /// Whether `codes` (units or UTF-8) hold the ASCII `text` at `index`.
    private static func follows<Code: BinaryInteger>(_ codes: UnsafeBufferPointer<Code>, _ index: Int, _ text: StaticString) -> Bool {
        index + text.utf8CodeUnitCount <= codes.count
            && (0..<text.utf8CodeUnitCount).allSatisfy { codes[index + $0] == Code(text.utf8Start[$0]) }
    }

    /// Whether the UTF-8 of `range` holds "@", "://" or "www." (only then are words dropped as identifiers): the
    /// same bytes in Latin-1 and UTF-8.
    func mayHoldIdentifier(_ range: Range<Int>) -> Bool {
        guard others.isEmpty else { return utf8(range).withUnsafeBufferPointer { Self.mayHoldIdentifier($0) } }
        return Self.mayHoldIdentifier(UnsafeBufferPointer(rebasing: units[range]))
    }

    private static func mayHoldIdentifier<Code: BinaryInteger>(_ codes: UnsafeBufferPointer<Code>) -> Bool {
        codes.indices.contains { index in
            switch codes[index] {
            case Code(UInt8(ascii: "@")): return true
            case Code(UInt8(ascii: ":")): return follows(codes, index, "://")
            case Code(UInt8(ascii: "w")): return follows(codes, index, "www.")
            default: return false
            }
        }
    }

    /// The units of `range` as UTF-8.
    func utf8(_ range: Range<Int>) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(range.count * 2)
        for unit in units[range] {
            if unit < 0x80 {
                utf8.append(UInt8(unit))
            } else if unit < 0x100 {
                utf8.append(0xc0 | UInt8(unit >> 6))
                utf8.append(0x80 | UInt8(unit & 0x3f))
            } else {
                utf8.append(contentsOf: others[Int(unit) - 0x100].utf8)
            }
        }
        return utf8
    }

    /// `body` with a line of other `units` of this line's Characters (`DraftCleaner`'s line without identifiers).
    func withUnits<Result>(_ units: [UInt32], _ body: (DraftLine) -> Result) -> Result {
        units.withUnsafeBufferPointer { body(DraftLine(units: $0, others: others)) }
    }
}

extension Character {
    /// The one Character of `text`, nil when it has none or more.
    fileprivate static func isSingle(_ text: String) -> Character? {
        text.count == 1 ? text.first : nil
    }
}

/// Lowercase markers (all below U+0100) in one byte buffer: an array of arrays retained and released each marker
/// it compared.
struct DraftMarkers {
    private let bytes: [UInt8]
    private let ends: [Int]
    /// Whether a marker starts with the scalar: most lines start with none.
    private let firstBytes: [Bool]

    init(_ markers: [String]) {
        precondition(markers.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value < 0x100 } })
        bytes = markers.flatMap { $0.unicodeScalars.map { UInt8($0.value) } }
        ends = markers.reduce(into: []) { ends, marker in ends.append((ends.last ?? 0) + marker.unicodeScalars.count) }
        let firsts = Set(markers.compactMap { $0.unicodeScalars.first.map { UInt8($0.value) } })
        firstBytes = (0...255).map { firsts.contains(UInt8($0)) }
    }

    /// The length of the first marker that `range` of `line`, lowercased, starts with and that `accepts`.
    func first(startingWith range: Range<Int>, of line: DraftLine, accepts: (Int) -> Bool = { _ in true }) -> Int? {
        guard let first = range.first, case let lower = line.lowercase(first), lower < 0x100, firstBytes[Int(lower)] else { return nil }
        return bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in ends {
                defer { start = end }
                let length = end - start
                guard length <= range.count else { continue }
                var offset = 0
                while offset < length, line.lowercase(range.lowerBound + offset) == UInt32(bytes[start + offset]) { offset += 1 }
                if offset == length, accepts(length) { return length }
            }
            return nil
        }
    }
}
