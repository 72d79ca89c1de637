import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing

/// Token byte offsets survive FTS5: `highlight()` brackets exactly the original multibyte word.
@Suite struct HighlightOffsetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        /// The word as written in `body`; the query is its folded form.
        var word: String
        var expected: String
        var testDescription: String { "\(word) in \(body)" }
    }

    static let cases: [Case] = [
        Case(body: "Größe der Straße 🚀 ändern", word: "Größe", expected: "[Größe] der Straße 🚀 ändern"),
        Case(body: "Größe der Straße 🚀 ändern", word: "Straße", expected: "Größe der [Straße] 🚀 ändern"),
        Case(body: "Größe der Straße 🚀 ändern", word: "ändern", expected: "Größe der Straße 🚀 [ändern]"),
        Case(body: "🚀🚀 Öffnungszeiten: Mo–Fr 8–18 Uhr", word: "Öffnungszeiten", expected: "🚀🚀 [Öffnungszeiten]: Mo–Fr 8–18 Uhr"),
        Case(body: "Préférences für Ärger — naïve Übergrößen", word: "naïve", expected: "Préférences für Ärger — [naïve] Übergrößen"),
        Case(body: "Préférences für Ärger — naïve Übergrößen", word: "Übergrößen", expected: "Préférences für Ärger — naïve [Übergrößen]"),
        Case(body: "Zwei Wörter: Maßnahme und maßnahme 👩‍💻 Ende", word: "Maßnahme",
             expected: "Zwei Wörter: [Maßnahme] und [maßnahme] 👩‍💻 Ende"),
        Case(
            body: "Die E-Mail-Adresse ändern Sie im Kundencenter", word: "Kundencenter",
            expected: "Die E-Mail-Adresse ändern Sie im [Kundencenter]")
    ]

    @Test(arguments: cases)
    func highlightBracketsTheOriginalWord(_ example: Case) throws {
        let workspace = try ArticleWorkspace(files: ["artikel.md": ArticleFixtures.simple(title: "Hervorhebung", text: example.body)])
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.value(.body, of: "artikel") == example.body)
        let term = try #require(Analyzer().fold(example.word))
        #expect(try index.highlights(of: term, column: 3) == [example.expected])
    }

    /// A stem (a colocated token) carries the offsets of the word it came from.
    @Test func stemMatchHighlightsTheInflectedWord() throws {
        let body = "Offene Rechnungen prüfen Sie in der Übersicht"
        let workspace = try ArticleWorkspace(files: ["artikel.md": ArticleFixtures.simple(title: "Stamm", text: body)])
        try workspace.build()
        let analyzer = Analyzer()
        let folded = try #require(analyzer.fold("Rechnungen"))
        let stem = analyzer.stem(folded)
        try #require(stem != folded, "the test needs a word whose stem differs")
        #expect(try workspace.inspector().highlights(of: stem, column: 3) == ["Offene [Rechnungen] prüfen Sie in der Übersicht"])
    }

    /// Title column (0) offsets too, in an HTML article whose title came from entities.
    @Test func titleHighlightAfterEntityDecoding() throws {
        let page = ArticleFixtures.html(body: "<article><h1>Gr&ouml;&szlig;e &auml;ndern</h1><p>Text zur Größe.</p></article>")
        let workspace = try ArticleWorkspace(files: ["groesse.html": page])
        try workspace.build()
        let index = try workspace.inspector()
        #expect(try index.highlights(of: "andern", column: 0) == ["Größe [ändern]"])
        #expect(try index.highlights(of: "grosse", column: 3) == ["Text zur [Größe]."])
    }

    /// The analyzer's own offsets, which FTS5 relies on, cut the original word out of the UTF-8 bytes.
    @Test(arguments: ["Größe der Straße 🚀 ändern", "🚀🚀 Öffnungszeiten: Mo–Fr", "naïve Übergrößen"])
    func analyzerOffsetsAreUTF8ByteOffsets(text: String) {
        let bytes = Array(text.utf8)
        let words = Analyzer().words(in: text)
        #expect(!words.isEmpty)
        for word in words {
            let original = String(decoding: bytes[word.start..<word.end], as: UTF8.self)
            #expect(Analyzer().fold(original) == word.folded, "\(word) cuts out '\(original)'")
        }
    }
}
