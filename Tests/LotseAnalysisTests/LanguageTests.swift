import Testing
@testable import LotseAnalysis

/// Other Snowball languages: their own stemmer, no German umlaut spellings, no compound splitting.
@Suite struct LanguageTests {
    @Test func englishStemsResetting() {
        let analyzer = Analyzer(resources: .empty, language: .en)
        assertTokens(analyzer.tokens("resetting"), [word("resetting", 0, 0, 9), colocated("reset", 0, 0, 9)])
    }

    @Test(arguments: [
        ("resetting", "reset"),
        ("passwords", "password"),
        ("accounts", "account"),
        ("settings", "set"),
        ("invoices", "invoic"),
    ])
    func englishStems(_ folded: String, _ stem: String) {
        #expect(Analyzer(resources: .empty, language: .en).stem(folded) == stem)
    }

    /// (word, English fold, German fold): the ae/oe/ue rule is German only.
    @Test(arguments: [
        ("true", "true", "tru"),
        ("queue", "queue", "queue"),
        ("Blues", "blues", "blus"),
        ("aerobics", "aerobics", "arobics"),
        ("canoe", "canoe", "cano"),
        ("Michael", "michael", "michal"),
        ("Größe", "grosse", "grosse"),
        ("Café", "cafe", "cafe"),
    ])
    func umlautSpellingRuleIsGermanOnly(_ input: String, _ english: String, _ german: String) {
        #expect(Analyzer(resources: .empty, language: .en).fold(input) == english)
        #expect(Analyzer(resources: .empty, language: .de).fold(input) == german)
    }

    @Test func englishTokensKeepTrue() {
        let tokens = Analyzer(resources: .empty, language: .en).tokens("true queue", mode: .positions)
        assertTokens(tokens, [word("true", 0, 0, 4), word("queue", 1, 5, 10)])
    }

    @Test(arguments: [
        ("réinitialiser", "reinitialiser", "reinitialis"),
        ("Mot de passe oublié", "mot de passe oublie", nil),
        ("Où", "ou", nil),
        ("Français", "francais", nil),
        ("Crème brûlée", "creme brulee", nil),
    ] as [(String, String, String?)])
    func frenchFoldsAccents(_ text: String, _ folded: String, _ stem: String?) throws {
        let analyzer = Analyzer(resources: .empty, language: .fr)
        let words = analyzer.tokens(text, mode: .positions).map(\.term)
        #expect(words.joined(separator: " ") == folded)
        if let stem {
            #expect(analyzer.stem(words[0]) == stem)
            #expect(analyzer.tokens(text).contains { $0.term == stem && $0.colocated })
        }
    }

    @Test(arguments: [
        ("contraseña", "contrasena", "contrasen"),
        ("Canción", "cancion", "cancion"),
        ("restablecer", "restablecer", "restablec"),
    ])
    func spanishFoldsAndStems(_ word: String, _ folded: String, _ stem: String) throws {
        let analyzer = Analyzer(resources: .empty, language: .es)
        let foldedWord = try #require(analyzer.fold(word))
        #expect(foldedWord == folded)
        #expect(analyzer.stem(foldedWord) == stem)
    }

    @Test func spanishQuestionMarksAreNotWords() {
        let analyzer = Analyzer(resources: .empty, language: .es)
        assertTokens(analyzer.tokens("¿Cómo restablecer?", mode: .positions), [
            word("como", 0, 2, 7), word("restablecer", 1, 8, 19),
        ])
    }

    /// Switching the language of one analyzer switches folding and stemming, back and forth.
    @Test func switchingLanguageOnOneAnalyzer() {
        let analyzer = Analyzer(resources: AnalyzerResources(compoundDictionary: testDictionary), language: .de)
        #expect(analyzer.fold("true") == "tru")
        analyzer.language = .en
        #expect(analyzer.fold("true") == "true")
        #expect(analyzer.stem("resetting") == "reset")
        #expect(analyzer.compoundParts("kundennummer") == [])
        analyzer.language = .de
        #expect(analyzer.fold("true") == "tru")
        #expect(analyzer.compoundParts("kundennummer") == ["kunden", "nummer"])
        #expect(analyzer.tokens("Kuendigungen").map(\.term) == ["kundigungen", "kundig"])
    }
}

/// French elision: "l'adresse" is the article plus "adresse" (the French stop list carries l, d, j, qu… for this).
@Suite struct FrenchElisionTests {
    @Test(arguments: [
        ("adresse", "Modifier l'adresse"),
        ("utilisateur", "Le compte d’utilisateur"),
        ("acces", "Les données d'accès"),
    ])
    func elidedArticleDoesNotHideTheWord(_ query: String, _ document: String) {
        #expect(queryMatches(query, document: document, analyzer: Analyzer(resources: .empty, language: .fr)))
    }
}
