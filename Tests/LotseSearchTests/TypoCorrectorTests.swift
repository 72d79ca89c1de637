import Testing
@testable import LotseSearch

@Suite struct TypoCorrectorTests {
    let corrector = TypoCorrector(vocabulary: ["vergessen": 5, "vergeben": 9, "password": 2, "passwort": 40, "rechnungsadresse": 3, "kundennummer": 8, "zertifikat": 6])

    @Test func ambiguousTypoKeepsBothCandidatesMostFrequentFirst() {
        // "vergesen" is one edit from "vergessen" (5 articles) and "vergeben" (9): coverage decides later.
        #expect(corrector.corrections(for: "vergesen") == ["vergeben", "vergessen"])
    }

    @Test(arguments: [
        ("pasword", "password"),         // deletion, 7 letters: one edit
        ("zertifkat", "zertifikat"),     // deletion
        ("rechnugsadresse", "rechnungsadresse"),
        ("kundennumemr", "kundennummer"), // swap of neighbours counts once
        ("rechnungsadrsese", "rechnungsadresse"),
    ])
    func correctsWithinAllowedEdits(typo: String, expected: String) {
        #expect(corrector.corrections(for: typo).first == expected)
    }

    @Test(arguments: ["verg", "abcdefgh", "kundennr"])
    func leavesShortOrDistantWordsAlone(word: String) {
        #expect(corrector.corrections(for: word).isEmpty)
    }

    @Test func prefersFewerEditsThenFrequency() {
        let corrector = TypoCorrector(vocabulary: ["konten": 1, "kosten": 50, "konto": 30])
        #expect(corrector.corrections(for: "kosten").first == "kosten")
        #expect(corrector.corrections(for: "konnten", limit: 1) == ["konten"])
    }

    @Test func prefixModeComparesBeginnings() {
        #expect(corrector.corrections(for: "zertfi", prefix: true).first == "zertifikat")
    }

    @Test func distanceIsOptimalStringAlignment() {
        let d = { (a: String, b: String) in TypoCorrector.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 3) }
        #expect(d("abc", "abc") == 0)
        #expect(d("abc", "acb") == 1)
        #expect(d("abc", "xyz") == 3)
        #expect(d("kitten", "sitting") == 3)
        #expect(d("abcdef", "uvwxyz") == nil)
    }
}
