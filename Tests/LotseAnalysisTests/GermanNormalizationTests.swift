import Testing
@testable import LotseAnalysis

/// German umlaut spellings ae/oe/ue → a/o/u, and the words where "ue" is no umlaut.
@Suite struct GermanNormalizationTests {
    @Test(arguments: [
        ("Aerger", "arger"),
        ("Oel", "ol"),
        ("Uebung", "ubung"),
        ("Aenderung", "anderung"),
        ("Muenchen", "munchen"),
        ("Gruesse", "grusse"),
        ("Fuer", "fur"),
        ("Moeglichkeit", "moglichkeit"),
        ("Gaeste", "gaste"),
        ("Rueckerstattung", "ruckerstattung"),
        ("Schluesseldienst", "schlusseldienst"),
        ("Geraete", "gerate"),
    ])
    func umlautSpellingsFold(_ spelling: String, _ folded: String) {
        #expect(germanAnalyzer().fold(spelling) == folded)
    }

    /// "ue" after q or a vowel, "uell" and "oeff" are not umlauts: the word folds to its plain lowercase.
    @Test(arguments: [
        "aktuell", "neue", "Quelle", "Feuer", "Steuer", "Bauer", "manuell", "eventuell",
        "Aktuelle", "individuell", "virtuell", "Duell", "Quellcode", "Queue", "Abenteuer", "Treue",
        "Dauer", "teuer", "Mauer", "neuer", "Feuerwehr", "Koeffizient",
    ])
    func carefulWordsSurviveUnchanged(_ word: String) {
        #expect(germanAnalyzer().fold(word) == word.lowercased())
    }

    /// Careful words keep their own stems: "Steuer" (tax) must not meet "Stuer" or "Stur".
    @Test(arguments: [("Steuer", "Stur"), ("Quelle", "Qulle"), ("aktuell", "aktull"), ("Feuer", "Fur")])
    func carefulWordsDoNotMeetTheirOverfoldedSpelling(_ word: String, _ other: String) {
        let analyzer = germanAnalyzer()
        #expect(analyzer.fold(word) != analyzer.fold(other))
    }
}
