import Foundation
import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing
@testable import LotseSearch

/// What the encoder reads: words typed without their umlauts as the articles spell them (issue 17), never a word
/// the index does not know.
@Suite struct EncoderTextTests {
    static let spellings = ArticleSpellings(["kundigung": "kündigung", "grosse": "größe", "fur": "für", "zurucksetzen": "zurücksetzen"])

    static func read(_ text: String) -> String { spellings.normalized(text, analyzer: Analyzer()) }

    @Test func wordsWithoutTheirUmlautsAreReadAsTheArticlesSpellThem() {
        #expect(Self.read("Passwort zurucksetzen") == "Passwort zurücksetzen")
        #expect(Self.read("Kundigung fur Grosse M?") == "Kündigung für Größe M?")
        // ae/oe/ue and ss fold alike; the customer's capitals stay.
        #expect(Self.read("KUENDIGUNG zuruecksetzen") == "KÜNDIGUNG zurücksetzen")
    }

    @Test func unknownWordsAndTheArticlesSpellingStayAsTyped() {
        #expect(Self.read("Kündigung für xqzwv-Kunden") == "Kündigung für xqzwv-Kunden")
        // A typo is read as typed: the lexical ranking corrects it, the encoder gets no guess.
        #expect(Self.read("Kundgung fur Anhnag") == "Kundgung für Anhnag")
        #expect(Self.read("Wie lautet die Kundennummer") == "Wie lautet die Kundennummer")
        // A word typed with an umlaut was meant so, even where the articles fold it to a spelling of their own.
        let schon = ArticleSpellings(["schon": "schön"])
        #expect(schon.normalized("schön und schon", analyzer: Analyzer()) == "schön und schön")
        #expect(schon.normalized("Schön", analyzer: Analyzer()) == "Schön")
    }

    /// The whole path on a built index: the index's spellings, in search-box text and drafts.
    @Test func plannedTextReadsRestoredUmlauts() async throws {
        guard let model = try SemanticTestModel.load() else { return }
        let text = "Die Kündigung eines Vertrags mit Anhang: für jede Kündigung gilt die Größe des Anhangs. Anhang hochladen."
        let other = "Die Größe für jeden Anhang ist begrenzt, kein Anhang zu groß."
        let workspace = try ArticleWorkspace(files: [
            "kuendigung.md": ArticleFixtures.simple(title: "Kündigung mit Anhang", text: text),
            "groesse.md": ArticleFixtures.simple(title: "Größe eines Anhangs", text: other),
        ])
        let configuration = IndexConfiguration(articlesDirectory: workspace.articlesPath, indexPath: workspace.indexPath, semantic: model)
        try IndexBuilder(configuration: configuration).build()
        let engine = try SearchEngine(indexPath: workspace.indexPath, connectionCount: 1, semantic: model)
        let (_, _, read) = engine.planned(.query("Anhnag zu gross fur die Kundigung xqzwv "))
        #expect(read == "Anhnag zu groß für die Kündigung xqzwv")
        let (_, _, draft) = engine.planned(.draft(subject: "Kundigung", description: "Der Anhang ist zu gross."))
        #expect(draft == "Kündigung\nDer Anhang ist zu groß.")
        // A draft longer than its piece budget is read up to its 64th word, with the cosines of the whole text.
        let words = (0..<80).map { ["Anhang", "zu", "gross", "fur", "die", "Kundigung"][$0 % 6] }
        let (_, _, long) = engine.planned(.draft(subject: "Kundigung", description: words.joined(separator: " ")))
        let whole = engine.spellings.normalized("Kundigung\n" + words.joined(separator: " "), analyzer: Analyzer())
        #expect(long == whole.split(separator: " ", maxSplits: 63).prefix(63).joined(separator: " "))
        let semantic = try #require(engine.semantic)
        #expect(semantic.exactSimilarities(of: try #require(long), draft: true) == semantic.exactSimilarities(of: whole, draft: true))
        // Lexical-only, nothing is embedded.
        let lexical = try SearchEngine(indexPath: workspace.indexPath, connectionCount: 1)
        #expect(lexical.planned(.query("Kundigung ")).encoderText == nil)
    }
}
