import Testing
@testable import LotseAnalysis

/// Snowball stems (German, libstemmer) are colocated beside the unstemmed folded word.
@Suite struct StemmingTests {
    /// The folded word is the token of the position; the stem follows it, colocated, with the same bytes.
    @Test(arguments: [
        ("Rechnungen", [word("rechnungen", 0, 0, 10), colocated("rechnung", 0, 0, 10)]),
        ("Kennwörter", [word("kennworter", 0, 0, 11), colocated("kennwort", 0, 0, 11)]),
        ("Passwörter", [word("passworter", 0, 0, 11), colocated("passwort", 0, 0, 11)]),
        ("Größen", [word("grossen", 0, 0, 8), colocated("gross", 0, 0, 8)]),
        ("Kündigungen", [word("kundigungen", 0, 0, 12), colocated("kundig", 0, 0, 12)]),
        ("Einstellungen", [word("einstellungen", 0, 0, 13), colocated("einstell", 0, 0, 13)]),
        ("Geräte", [word("gerate", 0, 0, 7), colocated("gerat", 0, 0, 7)]),
        ("neue Adressen", [
            word("neue", 0, 0, 4), colocated("neu", 0, 0, 4),
            word("adressen", 1, 5, 13), colocated("adress", 1, 5, 13),
        ]),
        ("Feuer und Steuer", [
            word("feuer", 0, 0, 5), colocated("feu", 0, 0, 5),
            word("und", 1, 6, 9),
            word("steuer", 2, 10, 16), colocated("steu", 2, 10, 16),
        ]),
    ])
    func stemIsColocatedBesideTheWord(_ text: String, _ expected: [ExpectedToken]) {
        assertTokens(germanAnalyzer(dictionary: [:]).tokens(text, mode: .document), expected)
    }

    /// Inflected forms share a stem, so either finds the other.
    @Test(arguments: [
        ("Rechnungen", "Rechnung", "rechnung"),
        ("Kennwörter", "Kennwort", "kennwort"),
        ("Passwörter", "Passwort", "passwort"),
        ("Adressen", "Adresse", "adress"),
        ("Größen", "Größe", "gross"),
        ("Kündigungen", "Kuendigung", "kundig"),
        ("Einstellungen", "Einstellung", "einstell"),
        ("Zahlungen", "Zahlung", "zahlung"),
        ("Dateien", "Datei", "datei"),
        ("Geräte", "Gerät", "gerat"),
        ("Kunden", "Kunde", "kund"),
    ])
    func inflectionsShareAStem(_ inflected: String, _ base: String, _ stem: String) throws {
        let analyzer = germanAnalyzer(dictionary: [:])
        #expect(analyzer.stem(try #require(analyzer.fold(inflected))) == stem)
        #expect(analyzer.stem(try #require(analyzer.fold(base))) == stem)
        for text in [inflected, base] {
            #expect(analyzer.tokens(text).contains { $0.term == stem && $0.position == 0 }, "\(text)")
        }
    }

    /// Words that are their own stem, short words and numbers get no extra token.
    @Test(arguments: ["Rechnung", "Passwort", "Kennwort", "Hallo", "Bank", "WLAN", "E", "zu", "3.5", "0042", "10115", "aktuell"])
    func noStemTokenWhenTheStemIsTheWord(_ text: String) throws {
        let tokens = germanAnalyzer(dictionary: [:]).tokens(text, mode: .document)
        try #require(tokens.count == 1, "\(tokens)")
        assertToken(tokens[0], 0, try #require(germanAnalyzer().fold(text)), 0, text.utf8.count)
    }

    /// Whatever else is colocated, the unstemmed folded word is the one non-colocated token of each position.
    @Test(arguments: [
        "Rechnungen und Kennwörter", "Die neuen Einstellungen", "Kundennummer Rechnungsadresse", "E-Mail-Adressen",
    ])
    func unstemmedWordIsTheOnlyNonColocatedToken(_ text: String) throws {
        let analyzer = germanAnalyzer()
        let tokens = analyzer.tokens(text, mode: .document)
        let positions = Set(tokens.map(\.position))
        for position in positions {
            let atPosition = tokens.filter { $0.position == position }
            let words = atPosition.filter { !$0.colocated }
            try #require(words.count == 1, "\(atPosition)")
            #expect(atPosition.first == words.first, "the word comes first: \(atPosition)")
            let source = try #require(slice(text, words[0].start, words[0].end))
            #expect(words[0].term == analyzer.fold(source))
            #expect(Set(atPosition.map(\.term)).count == atPosition.count, "no duplicate terms: \(atPosition)")
        }
    }
}
