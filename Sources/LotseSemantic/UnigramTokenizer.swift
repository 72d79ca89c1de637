import Foundation

/// The encoder's SentencePiece model (128,000 unigram pieces) in Swift: the `nmt_nfkc` normalizer with the model's
/// precompiled character map, then the best segmentation (Viterbi) over the pieces' scores, ids with BOS and EOS,
/// token for token as libsentencepiece 0.1.97 encodes them (TokenizerDifferentialTests, ParityTests). Loading reads
/// the model into flat arrays and a hash table; libsentencepiece built a double-array trie of the 128,000 pieces,
/// most of a `lotse search` process's CPU (BENCHMARKS.md "The encoder").
public final class UnigramTokenizer: Sendable {
    private enum PieceType: UInt8 { case normal = 1, unknown, control, userDefined, unused, byte }

    /// Every piece's UTF-8 bytes, one after another; piece i is `pieceBytes[pieceStart[i] ..< pieceStart[i + 1]]`.
    private let pieceBytes: [UInt8]
    private let pieceStart: [Int32]
    private let scores: [Float]
    private let types: [UInt8]
    /// Open addressing by FNV-1a of the bytes: the pieces the segmentation may use (normal, user-defined, unused), each
    /// slot the hash's upper half and the id (0: empty; ids are stored + 1).
    private let slots: [UInt64]
    /// Bit `hash % prefixBitCount` is set for every piece and every shorter run of its characters: the segmentation stops
    /// extending a piece where no piece starts that way (what libsentencepiece's trie does).
    private let prefixBits: [UInt64]
    private let longestPiece: Int
    /// User-defined pieces, longest first: the normalizer leaves them as they are.
    private let userDefined: [[UInt8]]
    private let userDefinedFirstBytes: Set<UInt8>
    /// The precompiled character map: a darts-clone double array of source sequences, and their replacements.
    private let charsmapUnits: [UInt32]
    private let charsmapStrings: [UInt8]
    private let addDummyPrefix: Bool
    private let removeExtraWhitespaces: Bool
    private let escapeWhitespaces: Bool
    private let unknownID: Int32
    private let bosID: Int32
    private let eosID: Int32
    private let unknownScore: Float
    private let maximumScore: Float

    public var pieceCount: Int { scores.count }

    public convenience init(modelPath: String) throws {
        guard let data = FileManager.default.contents(atPath: modelPath) else { throw SemanticModelError.missing(modelPath) }
        try self.init(model: [UInt8](data), path: modelPath)
    }

    init(model: [UInt8], path: String) throws {
        var pieceBytes: [UInt8] = [], pieceStart: [Int32] = [0], scores: [Float] = [], types: [UInt8] = []
        var charsmap: ArraySlice<UInt8> = [], addDummyPrefix = true, removeExtraWhitespaces = true, escapeWhitespaces = true
        var unknownID: Int32 = 0, bosID: Int32 = 1, eosID: Int32 = 2
        var reader = ProtobufReader(bytes: model[...])
        while let field = try reader.next() {
            switch (field.number, field.value) {
            case (1, .bytes(let piece)):
                var text: ArraySlice<UInt8> = [], score: Float = 0, type = PieceType.normal.rawValue
                var inner = ProtobufReader(bytes: piece)
                while let part = try inner.next() {
                    switch (part.number, part.value) {
                    case (1, .bytes(let bytes)): text = bytes
                    case (2, .fixed32(let bits)): score = Float(bitPattern: bits)
                    case (3, .varint(let value)): type = UInt8(truncatingIfNeeded: value)
                    default: break
                    }
                }
                pieceBytes += text
                pieceStart.append(Int32(pieceBytes.count))
                scores.append(score)
                types.append(type)
            case (2, .bytes(let trainer)):
                var inner = ProtobufReader(bytes: trainer)
                while let part = try inner.next() {
                    guard case .varint(let value) = part.value else { continue }
                    switch part.number {
                    case 40: unknownID = Int32(truncatingIfNeeded: value)
                    case 41: bosID = Int32(truncatingIfNeeded: value)
                    case 42: eosID = Int32(truncatingIfNeeded: value)
                    default: break
                    }
                }
            case (3, .bytes(let normalizer)):
                var inner = ProtobufReader(bytes: normalizer)
                while let part = try inner.next() {
                    switch (part.number, part.value) {
                    case (2, .bytes(let bytes)): charsmap = bytes
                    case (3, .varint(let value)): addDummyPrefix = value != 0
                    case (4, .varint(let value)): removeExtraWhitespaces = value != 0
                    case (5, .varint(let value)): escapeWhitespaces = value != 0
                    default: break
                    }
                }
            default: break
            }
        }
        let unusable = SemanticModelError.invalid("\(path): not a SentencePiece unigram model")
        guard !scores.isEmpty, charsmap.count >= 4, Int(unknownID) < scores.count else { throw unusable }
        let trieSize = Int(charsmap.prefix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        guard trieSize >= 4, trieSize % 4 == 0, trieSize <= charsmap.count - 4 else { throw unusable }
        let trie = charsmap.dropFirst(4).prefix(trieSize)
        charsmapUnits = stride(from: trie.startIndex, to: trie.endIndex, by: 4).map { index in
            UInt32(trie[index]) | UInt32(trie[index + 1]) << 8 | UInt32(trie[index + 2]) << 16 | UInt32(trie[index + 3]) << 24
        }
        charsmapStrings = [UInt8](charsmap.dropFirst(4 + trieSize))

        var slots = [UInt64](repeating: 0, count: 1 << (Int.bitWidth - (scores.count * 2).leadingZeroBitCount))
        var prefixBits = [UInt64](repeating: 0, count: Self.prefixBitCount / 64)
        let mask = slots.count - 1
        var longestPiece = 0, userDefined: [[UInt8]] = [], minimum = Float.greatestFiniteMagnitude, maximum = -Float.greatestFiniteMagnitude
        pieceBytes.withUnsafeBufferPointer { bytes in
            for id in scores.indices {
                let piece = UnsafeBufferPointer(rebasing: bytes[Int(pieceStart[id])..<Int(pieceStart[id + 1])])
                switch PieceType(rawValue: types[id]) {
                case .normal:
                    minimum = min(minimum, scores[id])
                    maximum = max(maximum, scores[id])
                case .userDefined: userDefined.append([UInt8](piece))
                case .unused: break
                default: continue
                }
                longestPiece = max(longestPiece, piece.count)
                var hash = Self.fnvBasis
                for (index, byte) in piece.enumerated() {
                    hash = Self.fnv(hash, byte)
                    if index + 1 == piece.count || piece[index + 1] & 0xC0 != 0x80 {
                        let bit = Int(truncatingIfNeeded: hash) & (Self.prefixBitCount - 1)
                        prefixBits[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
                var slot = Int(truncatingIfNeeded: hash >> 1) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
            }
        }
        self.prefixBits = prefixBits
        (self.pieceBytes, self.pieceStart, self.scores, self.types, self.slots) = (pieceBytes, pieceStart, scores, types, slots)
        (self.longestPiece, self.userDefined) = (longestPiece, userDefined.sorted { $0.count > $1.count })
        userDefinedFirstBytes = Set(userDefined.compactMap(\.first))
        self.addDummyPrefix = addDummyPrefix
        (self.removeExtraWhitespaces, self.escapeWhitespaces) = (removeExtraWhitespaces, escapeWhitespaces)
        (self.unknownID, self.bosID, self.eosID) = (unknownID, bosID, eosID)
        // libsentencepiece: an unknown character scores 10 below the least likely piece.
        (unknownScore, maximumScore) = (minimum - 10, maximum)
    }

    /// Ids of `text`, BOS first and EOS last.
    public func encode(_ text: String) -> [Int32] {
        var text = text
        let normalized = text.withUTF8 { normalize($0) }
        return [bosID] + segment(normalized) + [eosID]
    }

    // MARK: Normalizer

    private func normalize(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        charsmapStrings.withUnsafeBufferPointer { strings in
            charsmapUnits.withUnsafeBufferPointer { units in
                normalize(input, strings: strings, units: units)
            }
        }
    }

    private func normalize(_ input: UnsafeBufferPointer<UInt8>, strings: UnsafeBufferPointer<UInt8>,
                           units: UnsafeBufferPointer<UInt32>) -> [UInt8] {
        // The replacement of the input's next characters (bytes of the input or of the map), and how many it replaces.
        func prefix(at position: Int) -> (UnsafeBufferPointer<UInt8>, Int) {
            let rest = UnsafeBufferPointer(rebasing: input[position...])
            if userDefinedFirstBytes.contains(rest[0]) {
                for symbol in userDefined where symbol.count <= rest.count && rest.starts(with: symbol) {
                    return (UnsafeBufferPointer(rebasing: rest[..<symbol.count]), symbol.count)
                }
            }
            let (length, value) = Self.longestRule(rest, units: units)
            if length > 0 {
                var end = value
                while end < strings.count, strings[end] != 0 { end += 1 }
                return (UnsafeBufferPointer(rebasing: strings[value..<end]), length)
            }
            let count = min(Self.characterLength(rest[0]), rest.count)
            return (UnsafeBufferPointer(rebasing: rest[..<count]), count)
        }

        var position = 0
        if removeExtraWhitespaces {
            while position < input.count {
                let (replacement, consumed) = prefix(at: position)
                guard replacement.count == 1, replacement[0] == 0x20 else { break }
                position += consumed
            }
        }
        guard position < input.count else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2 + 3)
        func appendSpace() {
            if escapeWhitespaces { output.append(0xE2); output.append(0x96); output.append(0x81) } else { output.append(0x20) }
        }
        if addDummyPrefix { appendSpace() }
        var previousIsSpace = removeExtraWhitespaces
        while position < input.count {
            let (replacement, consumed) = prefix(at: position)
            var piece = replacement[...]
            while previousIsSpace, piece.first == 0x20 { piece = piece.dropFirst() }
            if !piece.isEmpty {
                for byte in piece {
                    if escapeWhitespaces, byte == 0x20 { appendSpace() } else { output.append(byte) }
                }
                previousIsSpace = piece.last == 0x20
            }
            position += consumed
            if !removeExtraWhitespaces { previousIsSpace = false }
        }
        if removeExtraWhitespaces {
            let space: [UInt8] = escapeWhitespaces ? [0xE2, 0x96, 0x81] : [0x20]
            while output.count >= space.count, output.suffix(space.count).elementsEqual(space) { output.removeLast(space.count) }
        }
        return output
    }

    /// darts-clone's common-prefix search in the character map: the longest of its first 32 matches (length, value).
    private static func longestRule(_ text: UnsafeBufferPointer<UInt8>, units: UnsafeBufferPointer<UInt32>) -> (Int, Int) {
        var (length, value, found) = (0, 0, 0)
        var node = Int(offset(units[0]))
        for index in text.indices {
            let byte = text[index]
            node ^= Int(byte)
            guard node < units.count else { break }
            let unit = units[node]
            guard unit & (1 << 31 | 0xFF) == UInt32(byte) else { break }
            node ^= Int(offset(unit))
            if (unit >> 8) & 1 == 1 {
                if found < 32, node < units.count { (length, value) = (index + 1, Int(units[node] & (1 << 31 - 1))) }
                found += 1
            }
        }
        return (length, value)
    }

    private static func offset(_ unit: UInt32) -> UInt32 { (unit >> 10) << ((unit & (1 << 9)) >> 6) }

    private static func characterLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    // MARK: Segmentation

    private static let prefixBitCount = 1 << 22
    private static let fnvBasis: UInt64 = 0xcbf29ce484222325
    @inline(__always) private static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100000001b3 }

    /// libsentencepiece's optimised Viterbi: for every character boundary the best-scoring path that ends there.
    private func segment(_ normalized: [UInt8]) -> [Int32] {
        guard !normalized.isEmpty else { return [] }
        var bestID = [Int32](repeating: -1, count: normalized.count + 1)
        var bestScore = [Float](repeating: 0, count: normalized.count + 1)
        var bestStart = [Int](repeating: -1, count: normalized.count + 1)
        let mask = slots.count - 1
        normalized.withUnsafeBufferPointer { text in
        pieceBytes.withUnsafeBufferPointer { pieceBytes in
        pieceStart.withUnsafeBufferPointer { pieceStart in
        slots.withUnsafeBufferPointer { slots in
        prefixBits.withUnsafeBufferPointer { prefixBits in
        scores.withUnsafeBufferPointer { scores in
        types.withUnsafeBufferPointer { types in
        bestID.withUnsafeMutableBufferPointer { bestID in
        bestScore.withUnsafeMutableBufferPointer { bestScore in
        bestStart.withUnsafeMutableBufferPointer { bestStart in
            var start = 0
            while start < text.count {
                let scoreHere = bestScore[start]
                let characterLength = min(Self.characterLength(text[start]), text.count - start)
                var hasSingleCharacter = false
                var hash = Self.fnvBasis
                var end = start
                while end < text.count, end - start < longestPiece {
                    hash = Self.fnv(hash, text[end])
                    end += 1
                    // Pieces are whole characters: only a character boundary can end one.
                    if end < text.count, text[end] & 0xC0 == 0x80 { continue }
                    let bit = Int(truncatingIfNeeded: hash) & (Self.prefixBitCount - 1)
                    guard prefixBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { break }
                    let length = end - start
                    var slot = Int(truncatingIfNeeded: hash >> 1) & mask
                    var found: Int32 = -1
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { break }
                        if entry >> 32 == hash >> 32 {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let from = Int(pieceStart[id])
                            if Int(pieceStart[id + 1]) - from == length,
                               memcmp(pieceBytes.baseAddress! + from, text.baseAddress! + start, length) == 0 {
                                found = Int32(id)
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                    guard found >= 0, types[Int(found)] != PieceType.unused.rawValue else { continue }
                    // As libsentencepiece: its `length * max_score_ - 0.1` makes the sum a double, compared with the
                    // float stored so far; rounding that way decides ties ("aa a" or "a aa").
                    let score = types[Int(found)] == PieceType.userDefined.rawValue
                        ? Double(Float(length) * maximumScore) - 0.1 : Double(scores[Int(found)])
                    let candidate = score + Double(scoreHere)
                    if bestStart[end] == -1 || candidate > Double(bestScore[end]) {
                        (bestID[end], bestScore[end], bestStart[end]) = (found, Float(candidate), start)
                    }
                    if length == characterLength { hasSingleCharacter = true }
                }
                if !hasSingleCharacter {
                    let end = start + characterLength, candidate = unknownScore + scoreHere
                    if bestStart[end] == -1 || candidate > bestScore[end] {
                        (bestID[end], bestScore[end], bestStart[end]) = (unknownID, candidate, start)
                    }
                }
                start += characterLength
            }
        }}}}}}}}}}
        var ids: [Int32] = []
        var end = normalized.count
        while end > 0 {
            // Runs of unknown characters are one unknown piece, as libsentencepiece merges them.
            if !(bestID[end] == unknownID && ids.last == unknownID) { ids.append(bestID[end]) }
            end = bestStart[end]
        }
        return ids.reversed()
    }
}
