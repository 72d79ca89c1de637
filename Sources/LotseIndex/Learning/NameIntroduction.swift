/// Where a draft names a person, piece by piece: the capitalised words after "mein Name ist", "Name:", "ich heiße",
/// a salutation ("Frau Demir", "Herrn Sommer", "Dr. Lange"), and after "ich bin" when the next word is capitalised
/// and unknown ("ich bin Leon Wuttke"; "ich bin Kunde" stays) are a name, which learning drops. A name is at most
/// three words and ends at a comma or a sentence's end.
struct NameIntroduction {
    /// Also `PersonalDataMask`'s: the name after them is masked for display.
    static let salutations: Set<String> = ["herr", "herrn", "frau", "hr.", "fr.", "dr.", "prof.", "mr.", "mrs.", "ms."]
    private static let namingWords: Set<String> = ["heiße", "heisse", "name:", "named"]
    /// The pieces that change the state, as bytes: most pieces of a draft are none, told apart by their length and
    /// bytes without becoming strings (every piece of 100,000 drafts passes here).
    private static let markers: [[UInt8]] = (salutations.union(namingWords).union(["ich", "i", "bin", "am", "name", "ist", "is"]))
        .map { Array($0.utf8) }
    private static let markerLengths = Set(markers.map(\.count))

    private enum State {
        case text
        /// After "ich" / "i".
        case speaker
        /// After "name".
        case name
        /// The next capitalised word is a name when it is unknown ("ich bin").
        case unknownName
        /// Words left of a name.
        case naming(left: Int)
    }

    private var state = State.text

    /// Whether `piece` is (part of) a name. `isCapitalized`: the piece's first letter is a capital; `isUnknown`: its
    /// first word is known neither to the articles nor to a dictionary (asked only after "ich bin").
    mutating func isName(_ piece: UnsafeBufferPointer<UInt8>, isCapitalized: Bool, isUnknown: () -> Bool) -> Bool {
        switch state {
        case .naming(let left) where isCapitalized:
            // "Herr Dr. Meier": a title inside a name does not end it.
            state = Self.isSalutation(piece) ? state : Self.endsClause(piece) || left == 1 ? .text : .naming(left: left - 1)
            return true
        case .unknownName where isCapitalized && isUnknown():
            state = Self.endsClause(piece) ? .text : .naming(left: 2)
            return true
        default:
            state = next(after: piece)
            return false
        }
    }

    private func next(after piece: UnsafeBufferPointer<UInt8>) -> State {
        guard let word = Self.marker(piece) else { return .text }
        if Self.salutations.contains(word) || Self.namingWords.contains(word) { return .naming(left: 3) }
        switch (state, word) {
        case (_, "ich"), (_, "i"): return .speaker
        case (.speaker, "bin"), (.speaker, "am"): return .unknownName
        case (_, "name"): return .name
        case (.name, "ist"), (.name, "is"): return .naming(left: 3)
        default: return .text
        }
    }

    /// The marker `piece` is, its ASCII capitals folded ("Frau", "ICH").
    private static func marker(_ piece: UnsafeBufferPointer<UInt8>) -> String? {
        guard markerLengths.contains(piece.count) else { return nil }
        let marker = markers.first { marker in
            marker.count == piece.count && zip(marker, piece).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5a ? $1 | 0x20 : $1) }
        }
        return marker.map { String(decoding: $0, as: UTF8.self) }
    }

    private static func isSalutation(_ piece: UnsafeBufferPointer<UInt8>) -> Bool { marker(piece).map(salutations.contains) ?? false }

    /// A piece ending in a comma, ";" or a sentence's end: the name ends with it.
    private static func endsClause(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = piece.last else { return true }
        return last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: ";")
    }
}
