import Testing
@testable import LotseAnalysis

/// Stop words are dropped from queries only; the index keeps them at their positions.
@Suite struct StopWordTests {
    /// (word as typed, language, is a stop word once folded).
    @Test(arguments: [
        ("der", Language.de, true),
        ("und", .de, true),
        ("nicht", .de, true),
        ("Die", .de, true),
        ("für", .de, true),
        ("Fuer", .de, true),
        ("über", .de, true),
        ("während", .de, true),
        ("können", .de, true),
        ("muss", .de, true),
        ("bitte", .de, true),
        ("the", .de, false),
        ("and", .de, false),
        ("Passwort", .de, false),
        ("Rechnung", .de, false),
        ("Kündigung", .de, false),
        ("the", .en, true),
        ("and", .en, true),
        ("not", .en, true),
        ("der", .en, false),
        ("und", .en, false),
        ("password", .en, false),
        ("le", .fr, true),
        ("et", .fr, true),
        ("passe", .fr, false),
        ("de", .es, true),
        ("y", .es, true),
        ("contraseña", .es, false),
    ])
    func stopWords(_ word: String, _ language: Language, _ isStopWord: Bool) throws {
        let folded = try #require(Analyzer(resources: .empty, language: language).fold(word))
        #expect(StopWords.contains(folded, language: language) == isStopWord, "\(folded)")
    }

    /// Content words whose folded spelling collides with a stop word must stay in queries:
    /// "Passwort ändern" is the most common help-center query there is.
    @Test(arguments: ["ändern", "Ändern", "aendern"])
    func contentVerbsAreNotStopWords(_ word: String) throws {
        let folded = try #require(germanAnalyzer().fold(word))
        #expect(!StopWords.contains(folded, language: .de), "\(word) → \(folded)")
    }

    @Test func documentsKeepStopWordsAtTheirPositions() {
        let tokens = germanAnalyzer(dictionary: [:]).tokens("der Kunde und die Nummer", mode: .positions)
        assertTokens(tokens, [
            word("der", 0, 0, 3), word("kunde", 1, 4, 9), word("und", 2, 10, 13), word("die", 3, 14, 17), word("nummer", 4, 18, 24),
        ])
    }

    /// Every listed stop word is already in folded form, so it meets the folded query word.
    @Test(arguments: Language.allCases)
    func stopWordListsAreFolded(_ language: Language) {
        let analyzer = Analyzer(resources: .empty, language: language)
        let list: Set<String> = switch language {
        case .de: StopWords.german
        case .en: StopWords.english
        case .fr: StopWords.french
        case .es: StopWords.spanish
        }
        for word in list {
            #expect(analyzer.fold(word) == word, "\(language): \(word)")
        }
    }
}
