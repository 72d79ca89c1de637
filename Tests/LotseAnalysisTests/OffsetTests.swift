import Testing
@testable import LotseAnalysis

/// Word breaking: terms, positions and UTF-8 byte offsets of the words of a text (ä ö ü ß are 2 bytes, emoji 4).
@Suite struct OffsetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var words: [ExpectedToken]
        var testDescription: String { "\"\(text)\"" }
    }

    static let cases: [Case] = [
        Case(text: "Größe", words: [word("grosse", 0, 0, 7)]),
        Case(text: "Die Größe ändern", words: [word("die", 0, 0, 3), word("grosse", 1, 4, 11), word("andern", 2, 12, 19)]),
        Case(text: "ÄÖÜ äöü ß", words: [word("aou", 0, 0, 6), word("aou", 1, 7, 13), word("ss", 2, 14, 16)]),
        Case(text: "Über uns", words: [word("uber", 0, 0, 5), word("uns", 1, 6, 9)]),
        Case(text: "Straße 5, 10115 Berlin", words: [
            word("strasse", 0, 0, 7), word("5", 1, 8, 9), word("10115", 2, 11, 16), word("berlin", 3, 17, 23),
        ]),
        Case(text: "👍 Größe", words: [word("grosse", 0, 5, 12)]),
        Case(text: "Danke! 🙂🙂 Fertig.", words: [word("danke", 0, 0, 5), word("fertig", 1, 16, 22)]),
        Case(text: "Passwort: vergessen?", words: [word("passwort", 0, 0, 8), word("vergessen", 1, 10, 19)]),
        Case(text: "Preis 3.5 Euro", words: [word("preis", 0, 0, 5), word("3.5", 1, 6, 9), word("euro", 2, 10, 14)]),
        Case(text: "1.000 Nutzer", words: [word("1.000", 0, 0, 5), word("nutzer", 1, 6, 12)]),
        Case(text: "1,5 GB frei", words: [word("1,5", 0, 0, 3), word("gb", 1, 4, 6), word("frei", 2, 7, 11)]),
        Case(text: "Kündigung zum 31.12.", words: [word("kundigung", 0, 0, 10), word("zum", 1, 11, 14), word("31.12", 2, 15, 20)]),
        Case(text: "Server de-12-srv-0042", words: [
            word("server", 0, 0, 6), word("de", 1, 7, 9), word("12", 2, 10, 12), word("srv", 3, 13, 16), word("0042", 4, 17, 21),
        ]),
        Case(text: "imap.lindenhost.de", words: [word("imap", 0, 0, 4), word("lindenhost", 1, 5, 15), word("de", 2, 16, 18)]),
        Case(text: "Server: imap.lindenhost.de, Port 993", words: [
            word("server", 0, 0, 6), word("imap", 1, 8, 12), word("lindenhost", 2, 13, 23), word("de", 3, 24, 26),
            word("port", 4, 28, 32), word("993", 5, 33, 36),
        ]),
        Case(text: "z.B. jetzt", words: [word("z", 0, 0, 1), word("b", 1, 2, 3), word("jetzt", 2, 5, 10)]),
        // Apostrophes separate words (French elision must find the word: "l'adresse" → l, adresse).
        Case(text: "Let's go", words: [word("let", 0, 0, 3), word("s", 1, 4, 5), word("go", 2, 6, 8)]),
        Case(text: "Let’s go", words: [word("let", 0, 0, 3), word("s", 1, 6, 7), word("go", 2, 8, 10)]),
        Case(text: "l'adresse", words: [word("l", 0, 0, 1), word("adresse", 1, 2, 9)]),
        Case(text: "  Hallo Welt  ", words: [word("hallo", 0, 2, 7), word("welt", 1, 8, 12)]),
        Case(text: "\tHallo\nWelt\n", words: [word("hallo", 0, 1, 6), word("welt", 1, 7, 11)]),
        Case(text: "Café naïve", words: [word("cafe", 0, 0, 5), word("naive", 1, 6, 12)]),
        Case(text: "Gro\u{308}sse", words: [word("grosse", 0, 0, 8)]),
        Case(text: "foo:bar", words: [word("foo", 0, 0, 3), word("bar", 1, 4, 7)]),
        Case(text: "snake_case", words: [word("snake", 0, 0, 5), word("case", 1, 6, 10)]),
        Case(text: "Kundennummer: 12345", words: [word("kundennummer", 0, 0, 12), word("12345", 1, 14, 19)]),
        Case(text: "Größe🙂Farbe", words: [word("grosse", 0, 0, 7), word("farbe", 1, 11, 16)]),
        Case(text: "Größe:Farbe", words: [word("grosse", 0, 0, 7), word("farbe", 1, 8, 13)]),
        Case(text: "STRAẞE 5", words: [word("strasse", 0, 0, 8), word("5", 1, 9, 10)]),
        Case(text: "Konﬁguration ＡＢＣ", words: [word("konfiguration", 0, 0, 14), word("abc", 1, 15, 24)]),
        Case(text: "Pass\u{AD}wort ändern", words: [word("passwort", 0, 0, 10), word("andern", 1, 11, 18)]),
        Case(text: "Version v1.2 vom 3.5.2024", words: [
            word("version", 0, 0, 7), word("v1.2", 1, 8, 12), word("vom", 2, 13, 16), word("3.5.2024", 3, 17, 25),
        ]),
        Case(text: "mail-01.lindenhost.de", words: [
            word("mail", 0, 0, 4), word("01", 1, 5, 7), word("lindenhost", 2, 8, 18), word("de", 3, 19, 21),
        ]),
        Case(text: "https://www.lindenhost.de/hilfe?x=1", words: [
            word("https", 0, 0, 5), word("www", 1, 8, 11), word("lindenhost", 2, 12, 22), word("de", 3, 23, 25),
            word("hilfe", 4, 26, 31), word("x", 5, 32, 33), word("1", 6, 34, 35),
        ]),
        Case(text: "support@lindenhost.de", words: [word("support", 0, 0, 7), word("lindenhost", 1, 8, 18), word("de", 2, 19, 21)]),
        Case(text: "„Größe“ (Übersicht)", words: [word("grosse", 0, 3, 10), word("ubersicht", 1, 15, 25)]),
    ]

    @Test(arguments: cases)
    func wordsHaveTermsPositionsAndByteOffsets(_ testCase: Case) {
        let tokens = germanAnalyzer().tokens(testCase.text, mode: .positions)
        assertTokens(tokens, testCase.words)
    }

    @Test(arguments: ["", " ", "   \n\t ", "...", "!?", "- – —", "()[]{}", "🙂", "🙂 👍🏽 🇩🇪", "«»„“", "* * *", "\u{308}", "''", "-"])
    func textWithoutWordsHasNoTokens(_ text: String) {
        let analyzer = germanAnalyzer()
        #expect(analyzer.tokens(text, mode: .document).isEmpty)
        #expect(analyzer.tokens(text, mode: .positions).isEmpty)
    }

    static let invariantTexts: [String] = cases.map(\.text) + [
        "E-Mail-Adresse ändern: Größe, Straße und Kündigung 🙂 z.B. imap.lindenhost.de",
        "Zwei‑Faktor‑Authentifizierung für Kundennummer 1.000 und 3.5 — Let’s go!",
        "ＡＢＣ ﬁnden Ça marche, naïve Crème brûlée",
        "Passwortänderung: Rechnungsadresse, Datenbank, Postfach; WLAN-Router de-12-srv-0042",
    ]

    /// Every token lies inside the text on UTF-8 boundaries; words fold from their own bytes, colocated
    /// tokens repeat the byte range and position of the word before them.
    @Test(arguments: invariantTexts)
    func everyTokenCoversItsSourceWord(_ text: String) throws {
        let analyzer = germanAnalyzer()
        let tokens = analyzer.tokens(text, mode: .document)
        #expect(!tokens.isEmpty)
        var previousWord: Token?
        for token in tokens {
            let source = try #require(slice(text, token.start, token.end), "\(token) is not a UTF-8 range of the text")
            if token.colocated {
                let word = try #require(previousWord, "\(token) comes before any word")
                #expect(token.position == word.position && token.start == word.start && token.end == word.end, "\(token) after \(word)")
            } else {
                #expect(analyzer.fold(source) == token.term, "\(token) is not the folded \"\(source)\"")
                #expect(token.position == (previousWord?.position ?? -1) + 1, "\(token) skips a position")
                if let previous = previousWord { #expect(token.start >= previous.end, "\(token) overlaps \(previous)") }
                previousWord = token
            }
        }
    }

    @Test func multibyteOffsetsInTantivyStyle() throws {
        let tokens = germanAnalyzer().tokens("Größe 🙂 ändern", mode: .positions)
        try #require(tokens.count == 2)
        assertToken(tokens[0], 0, "grosse", 0, 7)
        assertToken(tokens[1], 1, "andern", 13, 20)
        #expect(slice("Größe 🙂 ändern", 13, 20) == "ändern")
    }

    /// Long words: the C folding grows its buffers (more than 256 UTF-16 units, ß → ss, ﷺ → 18 letters).
    @Test(arguments: [
        (String(repeating: "ö", count: 300), String(repeating: "o", count: 300)),
        (String(repeating: "ß", count: 200), String(repeating: "ss", count: 200)),
        (String(repeating: "Ä", count: 130) + "X", String(repeating: "a", count: 130) + "x"),
    ])
    func longWordsKeepTheirOffsets(_ text: String, _ folded: String) throws {
        let tokens = germanAnalyzer().tokens("Wort " + text + " Ende")
        let words = tokens.filter { !$0.colocated }
        try #require(words.count == 3, "\(words)")
        assertToken(words[1], 1, folded, 5, 5 + text.utf8.count)
        assertToken(words[2], 2, "ende", 6 + text.utf8.count, 10 + text.utf8.count)
        #expect(tokens.filter { $0.position == 1 }.count == 1, "no stem or parts for words over 64 bytes")
    }

    @Test func foldingThatOutgrowsTheFirstBuffer() {
        #expect(germanAnalyzer().fold("ﷺ") == "صلى الله عليه وسلم")
    }

    @Test func emitCanStopTheAnalysis() {
        var text = "Kundennummer und Rechnungsadresse"
        var seen: [String] = []
        text.withUTF8 { bytes in
            germanAnalyzer().analyze(bytes, mode: .document) { term, _, _, _ in
                seen.append(term)
                return seen.count < 3
            }
        }
        #expect(seen == ["kundennummer", "kundennumm", "kunden"])
    }

    @Test func repeatedAnalysisGivesTheSameTokens() {
        let analyzer = germanAnalyzer()
        let text = "Größe Größe Kundennummer E-Mail-Adresse Größe"
        let first = analyzer.tokens(text)
        #expect(analyzer.tokens(text) == first)
        #expect(germanAnalyzer().tokens(text) == first)
    }
}
