/// Where a draft names a person or a password, piece by piece. A password: the piece after "Passwort ist", "Kennwort
/// lautet", "PW:", "password is" (a dictionary word passes every other rule). A name: the capitalised words after
/// "mein Name ist", "Name:", "ich heiße", a salutation ("Frau Demir", "Herrn Sommer", "Dr. Lange"), and after "ich
/// bin" when the next word is capitalised and may be a name — unknown, or a dictionary word only written capitalised
/// that no article uses ("ich bin Leon Wuttke", "ich bin Klaus"; "ich bin Kunde" stays). Customers who type in lower
/// case name people in lower case too: the first two words after "name ist", "heiße", "Name:" or a salutation written
/// in lower case ("frau koch") are a name whatever their case. A name is at most three words and ends at a comma or
/// a sentence's end. Learning drops both.
struct PersonalIntroduction {
    /// Also `PersonalDataMask`'s: the name after them is masked for display.
    static let salutations: Set<String> = ["herr", "herrn", "frau", "hr.", "fr.", "dr.", "prof.", "mr.", "mrs.", "ms."]
    private static let namingWords: Set<String> = ["heiße", "heisse", "name:", "named"]
    private static let secretWords: Set<String> = ["passwort", "kennwort", "password", "pw", "pin"]

    /// The pieces that change the state.
    private enum Marker {
        case salutation, namingWord
        /// "ich", "i"
        case speaker
        /// "bin", "am"
        case being
        case name
        /// "ist", "is", "lautet"
        case naming
        /// "passwort", "pin"
        case secret
        /// "passwort:", "pin:": the next piece is the password
        case secretFollows
    }

    /// The markers by `key`: most pieces of a draft are none, told apart by an integer compare without becoming
    /// strings (every piece of 100,000 drafts passes here).
    private static let markers: [(key: UInt128, marker: Marker)] = [
        (salutations, Marker.salutation), (namingWords, .namingWord), (["ich", "i"], .speaker), (["bin", "am"], .being),
        (["name"], .name), (["ist", "is", "lautet", "="], .naming), (secretWords, .secret),
        (Set(secretWords.union(["login", "zugangsdaten"]).map { $0 + ":" }), .secretFollows),
    ].flatMap { words, marker in words.map { (key(Array($0.utf8))!, marker) } }

    private enum State {
        case text
        /// After "ich" / "i".
        case speaker
        /// After "name".
        case name
        /// The next capitalised word is a name when it is unknown ("ich bin").
        case unknownName
        /// Words left of a name, and how many of them may be in lower case.
        case naming(left: Int, lowercase: Int)
        /// After "passwort": "ist" or "lautet" announces it.
        case secret
        /// The next piece is a password.
        case secretValue
    }

    private var state = State.text

    /// Whether `piece` is (part of) a name or a password. `isCapitalized`: the piece's first letter is a capital;
    /// `mayBeName`: its first word is unknown, or a dictionary word only written capitalised that no article uses
    /// (asked only after "ich bin").
    mutating func isPersonal(_ piece: UnsafeBufferPointer<UInt8>, isCapitalized: Bool, mayBeName: () -> Bool) -> Bool {
        switch state {
        case .secretValue:
            state = .text
            return true
        case .naming(let left, let lowercase) where isCapitalized || lowercase > 0:
            // "Herr Dr. Meier": a title inside a name does not end it.
            state = Self.marker(piece) == .salutation ? state : Self.endsClause(piece) || left == 1 ? .text
                : .naming(left: left - 1, lowercase: lowercase - 1)
            return true
        case .unknownName where isCapitalized && mayBeName():
            state = Self.endsClause(piece) ? .text : .naming(left: 2, lowercase: 0)
            return true
        default:
            state = next(after: piece)
            return false
        }
    }

    private func next(after piece: UnsafeBufferPointer<UInt8>) -> State {
        // A salutation written in lower case ("frau koch") is followed by a name in lower case; "meine Frau macht" is not.
        let lowercaseSalutation = piece.first.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } ?? false
        return switch (state, Self.marker(piece)) {
        case (_, .salutation?): .naming(left: 3, lowercase: lowercaseSalutation ? 2 : 0)
        case (_, .namingWord?): .naming(left: 3, lowercase: 2)
        case (_, .speaker?): .speaker
        case (.speaker, .being?): .unknownName
        case (_, .name?): .name
        case (.name, .naming?): .naming(left: 3, lowercase: 2)
        case (_, .secret?): .secret
        case (_, .secretFollows?), (.secret, .naming?): .secretValue
        default: .text
        }
    }

    /// The marker `piece` is, its ASCII capitals folded ("Frau", "ICH").
    private static func marker(_ piece: UnsafeBufferPointer<UInt8>) -> Marker? {
        guard let key = key(piece) else { return nil }
        return markers.first { $0.key == key }?.marker
    }

    /// Up to fifteen bytes, ASCII capitals folded, and their count in the top byte; nil for a longer piece (no marker
    /// is).
    private static func key(_ bytes: some Collection<UInt8>) -> UInt128? {
        guard bytes.count <= 15 else { return nil }
        var key = UInt128(bytes.count) << 120
        for (offset, byte) in bytes.enumerated() {
            key |= UInt128(byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) << (8 * offset)
        }
        return key
    }

    /// A piece ending in a comma, ";" or a sentence's end: the name ends with it.
    private static func endsClause(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = piece.last else { return true }
        return last == UInt8(ascii: ",") || last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: ";")
    }
}
