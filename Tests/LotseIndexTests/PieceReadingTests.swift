import Foundation
@testable import LotseIndex
import LotseAnalysis
import Testing

/// How a learning build reads customer text: pieces between whitespace, byte by byte, and a memo keyed by their bytes.
@Suite("Piece reading")
struct PieceReadingTests {
    private static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        PrivacyFilter.forEachPiece(in: text) { piece, _ in pieces.append(String(decoding: piece, as: UTF8.self)) }
        return pieces
    }

    @Test("pieces are split at any Unicode whitespace; a piece with a digit, @, a slash or a letter after a dot is dropped", arguments: [
        ("Drucker  druckt\tnicht\n", ["Drucker", "druckt", "nicht"]),
        ("Größe\u{00A0}ändern\u{2003}bitte", ["Größe", "ändern", "bitte"]),
        ("Kunde K-4711 mail max.mustermann@example.de www.x.de a/b Ende.", ["Kunde", "mail", "Ende."]),
        ("Rechnung \u{0663}\u{0664} Zahl Ⅻ fertig", ["Rechnung", "Zahl", "fertig"]),
        ("Übersicht.Öffnen z. B. 😀 ok", ["z.", "B.", "😀", "ok"]),
        ("", []),
    ])
    func pieces(text: String, expected: [String]) {
        #expect(Self.pieces(text) == expected)
    }

    @Test("a piece starts a sentence at the text's or a line's start and after \".\", \"!\" or \"?\", also after a dropped piece")
    func sentenceStarts() {
        var starts: [String] = []
        PrivacyFilter.forEachPiece(in: "Frank kam. dann Max\nAnna sagt: Ja! Kunde 4711. Weber") { piece, startsSentence in
            if startsSentence { starts.append(String(decoding: piece, as: UTF8.self)) }
        }
        #expect(starts == ["Frank", "dann", "Anna", "Kunde", "Weber"])
    }

    @Test("names a draft introduces are dropped: after \"ich heiße\", \"Name:\", a salutation, and \"ich bin\" + an unknown word")
    func introducedNames() {
        func kept(_ text: String, unknown: Set<String> = []) -> [String] {
            var names = PersonalIntroduction(), kept: [String] = []
            PrivacyFilter.forEachPiece(in: text) { piece, _ in
                let word = String(decoding: piece, as: UTF8.self)
                let isName = names.isPersonal(piece, isCapitalized: PrivacyFilter.startsWithCapital(piece)) {
                    unknown.contains(word.trimmingCharacters(in: .punctuationCharacters))
                }
                if !isName { kept.append(word) }
            }
            return kept
        }
        #expect(kept("Ich heiße Anna Schmidt und suche") == ["Ich", "heiße", "und", "suche"])
        #expect(kept("Mein Name ist Jana Kowalczyk, Rechnung fehlt") == ["Mein", "Name", "ist", "Rechnung", "fehlt"])
        #expect(kept("Name: Lars Petersen Rechnung") == ["Name:"])
        #expect(kept("an Herrn Dr. Hans Meier wegen der Rechnung") == ["an", "Herrn", "wegen", "der", "Rechnung"])
        #expect(kept("meine Frau macht die Buchhaltung") == ["meine", "Frau", "macht", "die", "Buchhaltung"])
        #expect(kept("ich bin Leon Wuttke, Kunde", unknown: ["Leon"]) == ["ich", "bin", "Kunde"])
        #expect(kept("ich bin Kunde seit Jahren", unknown: ["Leon"]) == ["ich", "bin", "Kunde", "seit", "Jahren"])
        // Markers in any ASCII case and in English; a longer piece that starts like one is none.
        #expect(kept("HERRN Meier anrufen") == ["HERRN", "anrufen"])
        #expect(kept("I am Leon, customer", unknown: ["Leon"]) == ["I", "am", "customer"])
        #expect(kept("my name is Anna Smith. Invoice") == ["my", "name", "is", "Invoice"])
        #expect(kept("Herrnhuter Sterne und Namensänderung Anna") == ["Herrnhuter", "Sterne", "und", "Namensänderung", "Anna"])
        // In lower case: the first two words after an introduction or a salutation typed in lower case are a name.
        #expect(kept("mein name ist anna kühn, passwort weg") == ["mein", "name", "ist", "passwort", "weg"])
        #expect(kept("frau koch aus der buchhaltung") == ["frau", "der", "buchhaltung"])
        #expect(kept("ich heiße jörg und suche") == ["ich", "heiße", "suche"])
        #expect(kept("ich bin Klaus, Kunde", unknown: ["Klaus"]) == ["ich", "bin", "Kunde"], "a name-like word after ich bin")
    }

    @Test("a password a draft announces is dropped: after \"Passwort ist\", \"Kennwort lautet\", \"PW:\", \"password is\"")
    func announcedPasswords() {
        func kept(_ text: String) -> [String] {
            var introductions = PersonalIntroduction(), kept: [String] = []
            PrivacyFilter.forEachPiece(in: text) { piece, _ in
                let isPersonal = introductions.isPersonal(piece, isCapitalized: PrivacyFilter.startsWithCapital(piece)) { false }
                if !isPersonal { kept.append(String(decoding: piece, as: UTF8.self)) }
            }
            return kept
        }
        #expect(kept("mein Passwort ist Sonnenblume und geht nicht") == ["mein", "Passwort", "ist", "und", "geht", "nicht"])
        #expect(kept("Kennwort lautet sommerwiese, Login klappt nicht") == ["Kennwort", "lautet", "Login", "klappt", "nicht"])
        #expect(kept("PW: gartenzaun Rechnung") == ["PW:", "Rechnung"])
        #expect(kept("Zugangsdaten: kaffeetasse bitte") == ["Zugangsdaten:", "bitte"])
        #expect(kept("my password is sunflower") == ["my", "password", "is"])
        #expect(kept("Das Passwort = Blumentopf") == ["Das", "Passwort", "="])
        // Only an announced password: the word "Passwort" alone or in a longer piece changes nothing.
        #expect(kept("Passwort vergessen, Kennwortänderung geht nicht") == ["Passwort", "vergessen,", "Kennwortänderung", "geht", "nicht"])
        #expect(kept("Passwortrichtlinie ist streng") == ["Passwortrichtlinie", "ist", "streng"])
    }

    @Test("the memo returns what was stored for exactly those bytes, also after it grew")
    func memo() {
        var memo = PieceMemo<Int32>()
        // Shorter and longer than the hash's eight bytes, and alike in their first eight or sixteen.
        let words = (0..<10_000).map { "wort\($0)ä" } + (0..<2_000).map { "kundenkontonummer\($0)" }
            + ["", "a", "ab", "abcdefgh", "abcdefghi"]
        func bytes<T>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            var word = word
            return word.withUTF8 { body($0) }
        }
        for (number, word) in words.enumerated() where number % 2 == 0 {
            bytes(word) { memo.insert($0, [Int32(number), -Int32(number)]) }
        }
        #expect(memo.count == (words.count + 1) / 2)
        for (number, word) in words.enumerated() {
            let stored = bytes(word) { memo.values(of: $0).map(Array.init) }
            #expect(stored == (number % 2 == 0 ? [Int32(number), -Int32(number)] : nil), "\(word)")
        }
        memo.removeAll()
        #expect(bytes("wort0ä") { memo.values(of: $0) } == nil)
    }

    @Test("a reader numbers each typed form and folded word once, whether a piece came from the memo or not")
    func reader() {
        let reader = CustomerWordReader(language: .de)
        var read: [(String, String)] = []
        for text in ["Drucker druckt Seiten, DRUCKER!", "drucker Größe", "Grösse 4711 drucker"] {
            reader.read(text, isNameLike: { _ in false }) { reading, _ in
                read.append((reader.forms[Int(reading.form)].typed, reader.folded[Int(reading.word)]))
            }
        }
        #expect(read.map(\.0) == ["drucker", "druckt", "seiten", "drucker", "drucker", "größe", "grösse", "drucker"])
        #expect(Set(read.map(\.1)).count == 4)
        #expect(reader.forms.count == 5)
    }
}
