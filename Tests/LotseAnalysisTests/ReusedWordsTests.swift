import Testing
@testable import LotseAnalysis

/// The indexer takes a text's words from its vocabulary pass (an analyzer without a compound dictionary) and
/// analyses them later with the dictionary: the tokens must be those of analysing the text itself.
@Suite struct ReusedWordsTests {
    static let texts: [(Language, String)] = [
        (.de, "Die E-Mail-Adresse für die Rückerstattung: support@lindenhost.de, Größe 3.5 GB."),
        (.de, "Kundennummer und Passwortänderung im Kunden-Login; Zwei-Faktor-Authentifizierung (2FA) aktivieren!"),
        (.de, "Straße, Maß, Fußgänger – l’adresse und snake_case sowie „Zitat“ mit Ümläuten ÄÖÜ"),
        (.en, "Reset the password of your account's e-mail address at imap.example.com:993."),
        (.de, ""),
    ]

    @Test(arguments: texts)
    func tokensFromReusedWordsMatchTokensOfTheText(language: Language, text: String) {
        let counting = Analyzer(language: language)
        let words = counting.words(in: text)
        let indexing = Analyzer(resources: AnalyzerResources(compoundDictionary: testDictionary), language: language)
        var reused: [Token] = []
        var position = -1
        indexing.analyze(words: words, mode: .document) { term, start, end, colocated in
            if !colocated { position += 1 }
            reused.append(Token(term: term, start: start, end: end, position: position, colocated: colocated))
            return true
        }
        let direct = Analyzer(resources: AnalyzerResources(compoundDictionary: testDictionary), language: language).tokens(text)
        #expect(reused == direct)
        #expect(text.isEmpty || reused.contains { $0.colocated })
    }

    /// The indexer numbers raw words itself (`forEachWord`, `foldedWord`) and keeps variants by number.
    @Test(arguments: texts)
    func rawWordsAndVariantsByNumberMatchTheAnalyzer(language: Language, text: String) {
        let counting = Analyzer(language: language)
        var raw: [AnalyzedWord] = []
        var bytes = text
        bytes.withUTF8 { utf8 in
            counting.forEachWord(in: utf8) { word, start, end, joined in
                raw.append(AnalyzedWord(folded: counting.foldedWord(word), start: start, end: end, joinedToPrevious: joined))
            }
        }
        #expect(raw == Analyzer(language: language).words(in: text))

        let indexing = Analyzer(resources: AnalyzerResources(compoundDictionary: testDictionary), language: language)
        var byNumber: [String] = []
        indexing.analyze(words: raw, mode: .document, variants: { indexing.variants(of: raw[$0].folded) }) { term, _, _, _ in
            byNumber.append(term)
            return true
        }
        let direct = Analyzer(resources: AnalyzerResources(compoundDictionary: testDictionary), language: language).tokens(text)
        #expect(byNumber == direct.map(\.term))
        #expect(text.isEmpty || byNumber.count > raw.count)
    }
}
