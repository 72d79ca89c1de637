/// Where a draft names a person, piece by piece: the capitalised words after "mein Name ist", "Name:", "ich heiße",
/// a salutation ("Frau Demir", "Herrn Sommer", "Dr. Lange"), and after "ich bin" when the next word is capitalised
/// and unknown ("ich bin Leon Wuttke"; "ich bin Kunde" stays) are a name, which learning drops. A name is at most
/// three words and ends at a comma or a sentence's end.
struct NameIntroduction {
    /// Also `PersonalDataMask`'s: the name after them is masked for display.
    static let salutations: Set<String> = ["herr", "herrn", "frau", "hr.", "fr.", "dr.", "prof.", "mr.", "mrs.", "ms."]
    private static let namingWords: Set<String> = ["heiße", "heisse", "name:", "named"]
    /// The longest piece a marker can be ("heisse", "heiße"): longer pieces are not turned into strings.
    private static let longestMarker = 7

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
        guard let word = Self.shortWord(piece) else { return .text }
        if Self.salutations.contains(word) || Self.namingWords.contains(word) { return .naming(left: 3) }
        switch (state, word) {
        case (_, "ich"), (_, "i"): return .speaker
        case (.speaker, "bin"), (.speaker, "am"): return .unknownName
        case (_, "name"): return .name
        case (.name, "ist"), (.name, "is"): return .naming(left: 3)
        default: return .text
        }
    }

    private static func shortWord(_ piece: UnsafeBufferPointer<UInt8>) -> String? {
        piece.count <= longestMarker ? String(decoding: piece, as: UTF8.self).lowercased() : nil
    }

    private static func isSalutation(_ piece: UnsafeBufferPointer<UInt8>) -> Bool { shortWord(piece).map(salutations.contains) ?? false }

    /// A piece ending in a comma, ";" or a sentence's end: the name ends with it.
    private static func endsClause(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = piece.last else { return true }
        return last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: ";")
    }
}
