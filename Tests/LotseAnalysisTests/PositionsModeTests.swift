import Testing
@testable import LotseAnalysis

/// `.positions` (snippets and highlights) gives exactly the words of `.document`: same terms, positions, offsets.
@Suite struct PositionsModeTests {
    @Test(arguments: [
        "E-Mail-Adresse",
        "Kundennummer und Rechnungsadresse ändern",
        "Passwortänderung: Zwei-Faktor-Authentifizierung für den WLAN-Router",
        "Die Größe der Datenbank ist 1.000 GB, z.B. auf imap.lindenhost.de",
        "Kündigungen, Kennwörter und 🙂 Let’s go — de-12-srv-0042",
        "  Straße\tQuelle Feuer Steuer aktuell  ",
        "",
        "...",
    ])
    func positionsModeGivesTheWordsOfDocumentMode(_ text: String) {
        let analyzer = germanAnalyzer()
        let document = analyzer.tokens(text, mode: .document)
        let positions = analyzer.tokens(text, mode: .positions)
        #expect(positions == document.filter { !$0.colocated })
        #expect(positions.allSatisfy { !$0.colocated })
        #expect(positions.map(\.position) == Array(positions.indices))
    }

    /// The same holds whichever mode ran first on an analyzer (memoised words and variants).
    @Test func modeOrderDoesNotMatter() {
        let text = "Kundennummer E-Mail-Adresse Rechnungen"
        let first = germanAnalyzer()
        let positionsFirst = first.tokens(text, mode: .positions)
        let documentSecond = first.tokens(text, mode: .document)
        let second = germanAnalyzer()
        #expect(second.tokens(text, mode: .document) == documentSecond)
        #expect(second.tokens(text, mode: .positions) == positionsFirst)
        #expect(positionsFirst == documentSecond.filter { !$0.colocated })
    }
}
