import Testing
@testable import LotseAnalysis

/// Decompounding (Koehn & Knight): parts that are frequent words, linking letters, a never-split list.
@Suite struct CompoundTests {
    /// Folded word → parts with the shared test dictionary.
    @Test(arguments: [
        ("kundennummer", ["kunden", "nummer"]),
        ("rechnungsadresse", ["rechnung", "adresse"]),
        ("datenbank", ["daten", "bank"]),
        ("passwortanderung", ["passwort", "anderung"]),
        ("postfach", ["post", "fach"]),
        ("kundenadresse", ["kunden", "adresse"]),
        ("kundendaten", ["kunden", "daten"]),
        ("bankdaten", ["bank", "daten"]),
        ("rechnungsnummer", ["rechnung", "nummer"]),
        ("kundenpasswort", ["kunden", "passwort"]),
        ("kundenrechnungsadresse", ["kunden", "rechnung", "adresse"]),
    ])
    func splitsCompoundsIntoDictionaryWords(_ word: String, _ parts: [String]) {
        #expect(CompoundSplitter(dictionary: testDictionary).split(word) == parts)
    }

    /// Not compounds worth splitting: never-split words, plain words, unknown parts, digits, short words.
    @Test(arguments: [
        "passwort",      // pass + wort are both in the dictionary, but "passwort" is on the never-split list
        "kennwort",
        "rechnung",
        "adresse",
        "kundenkonto",   // "konto" is no dictionary word
        "nummernkreis",
        "kunden2daten",  // not all letters
        "bankpost2",
    ])
    func leavesNonCompoundsWhole(_ word: String) {
        #expect(CompoundSplitter(dictionary: testDictionary).split(word) == [])
    }

    /// Linking elements (Fugenelemente) between the parts: -s-, -es-, -n-, -en-, -e-, -er-, -ens-.
    @Test(arguments: [
        ("kundennummer", ["kunde": 50, "nummer": 20], ["kunde", "nummer"]),
        ("rechnungsadresse", ["rechnung": 30, "adresse": 40], ["rechnung", "adresse"]),
        ("tageszeit", ["tag": 30, "zeit": 30], ["tag", "zeit"]),
        ("frauenarzt", ["frau": 30, "arzt": 30], ["frau", "arzt"]),
        ("hundehutte", ["hund": 30, "hutte": 30], ["hund", "hutte"]),
        ("kindergarten", ["kind": 30, "garten": 30], ["kind", "garten"]),
        ("herzenswunsch", ["herz": 30, "wunsch": 30], ["herz", "wunsch"]),
    ])
    func linkingLetters(_ word: String, _ dictionary: [String: Int], _ parts: [String]) {
        #expect(CompoundSplitter(dictionary: dictionary, neverSplit: []).split(word) == parts)
    }

    /// Short words (under 7 bytes) are never split, even into dictionary words.
    @Test(arguments: [
        ("radweg", ["rad": 40, "weg": 40], [String]()),
        ("bustag", ["bus": 40, "tag": 40], []),
        ("busbahn", ["bus": 40, "bahn": 40], ["bus", "bahn"]),
    ])
    func shortWordsAreNotSplit(_ word: String, _ dictionary: [String: Int], _ parts: [String]) {
        #expect(CompoundSplitter(dictionary: dictionary, neverSplit: []).split(word) == parts)
    }

    /// A frequent whole word does not veto its split (the analyzer keeps the whole word too, so parts only add
    /// recall; measured on the judged set): frequencies only choose between segmentations.
    @Test(arguments: [
        ("postfach", ["post": 8, "fach": 6, "postfach": 40], ["post", "fach"]),
        ("datenbank", ["daten": 30, "bank": 10, "datenbank": 18], ["daten", "bank"]),
        ("kundennummer", ["kunden": 2, "nummer": 2, "kundennummer": 500], ["kunden", "nummer"]),
        ("kundennummer", ["kundennummer": 500], [String]()),     // no parts in the dictionary: nothing to split
        ("kundennummer", ["kunden": 2, "kundennummer": 500], [String]()),  // "nummer" unknown: no split
    ])
    func frequentWholeWordsAreStillSplit(_ word: String, _ dictionary: [String: Int], _ parts: [String]) {
        #expect(CompoundSplitter(dictionary: dictionary, neverSplit: []).split(word) == parts)
    }

    @Test func splitKeepsTheWholeWordInTheTokens() {
        let analyzer = Analyzer(resources: AnalyzerResources(compoundDictionary: ["kunden": 2, "nummer": 2, "kundennummer": 500]))
        let terms = analyzer.tokens("Kundennummer").map(\.term)
        #expect(terms.first == "kundennummer")
        #expect(terms.contains("kunden") && terms.contains("nummer"))
    }

    /// Koehn-Knight picks the segmentation with the highest geometric mean over all segmentations, not the best
    /// tail first: [kunden, rechnungsadresse] (√(400·30) ≈ 110) beats [kunden, rechnung, adresse] (∛(400·35·35) ≈ 79),
    /// so "Rechnungsadresse" finds "Kundenrechnungsadresse".
    @Test(arguments: [
        ("kundenrechnungsadresse", ["kunden": 400, "rechnungsadresse": 30, "rechnung": 35, "adresse": 35], ["kunden", "rechnungsadresse"]),
        (
            "kundenrechnungsadresse", ["kunden": 40, "rechnungsadresse": 30, "rechnung": 350, "adresse": 350],
            ["kunden", "rechnung", "adresse"]
        )
    ])
    func bestSegmentationOverall(_ word: String, _ dictionary: [String: Int], _ parts: [String]) {
        #expect(CompoundSplitter(dictionary: dictionary, neverSplit: []).split(word) == parts)
    }

    /// The never-split list, not the frequencies, keeps "Passwort" whole.
    @Test func neverSplitListKeepsPasswortWhole() {
        let dictionary = ["pass": 30, "wort": 30]
        #expect(CompoundSplitter(dictionary: dictionary).split("passwort") == [])
        #expect(CompoundSplitter(dictionary: dictionary, neverSplit: []).split("passwort") == ["pass", "wort"])
        #expect(CompoundSplitter(dictionary: testDictionary).split("passwort") == [])
        #expect(CompoundSplitter(dictionary: ["daten": 30, "bank": 10], neverSplit: ["datenbank"]).split("datenbank") == [])
    }

    /// Tokens: the whole word first, then its stem, then each part and the part's stem, all colocated.
    @Test(arguments: [
        ("Kundennummer", [
            word("kundennummer", 0, 0, 12), colocated("kundennumm", 0, 0, 12),
            colocated("kunden", 0, 0, 12), colocated("kund", 0, 0, 12),
            colocated("nummer", 0, 0, 12), colocated("numm", 0, 0, 12),
        ]),
        ("Rechnungsadresse", [
            word("rechnungsadresse", 0, 0, 16), colocated("rechnungsadress", 0, 0, 16),
            colocated("rechnung", 0, 0, 16), colocated("adresse", 0, 0, 16), colocated("adress", 0, 0, 16),
        ]),
        ("Datenbank", [
            word("datenbank", 0, 0, 9), colocated("daten", 0, 0, 9), colocated("dat", 0, 0, 9), colocated("bank", 0, 0, 9),
        ]),
        ("Passwortänderung", [
            word("passwortanderung", 0, 0, 17), colocated("passwortander", 0, 0, 17),
            colocated("passwort", 0, 0, 17), colocated("anderung", 0, 0, 17), colocated("ander", 0, 0, 17),
        ]),
        ("Passwort", [word("passwort", 0, 0, 8)]),
        ("Kennwort", [word("kennwort", 0, 0, 8)]),
        ("Ihre Kundennummer", [
            word("ihre", 0, 0, 4), colocated("ihr", 0, 0, 4),
            word("kundennummer", 1, 5, 17), colocated("kundennumm", 1, 5, 17),
            colocated("kunden", 1, 5, 17), colocated("kund", 1, 5, 17),
            colocated("nummer", 1, 5, 17), colocated("numm", 1, 5, 17),
        ]),
    ])
    func partsAreColocatedBesideTheWholeWord(_ text: String, _ expected: [ExpectedToken]) {
        assertTokens(germanAnalyzer().tokens(text, mode: .document), expected)
    }

    @Test(arguments: ["Kundennummer", "Rechnungsadresse", "Datenbank", "Passwortänderung", "Postfach", "Kundenrechnungsadresse"])
    func wholeWordIsAlwaysKept(_ text: String) throws {
        let analyzer = germanAnalyzer()
        let tokens = analyzer.tokens(text)
        #expect(tokens.count > 1, "\(tokens)")
        assertToken(tokens[0], 0, try #require(analyzer.fold(text)), 0, text.utf8.count)
        #expect(tokens.dropFirst().allSatisfy { $0.colocated && $0.position == 0 }, "\(tokens)")
    }

    @Test func variantsListStemPartsAndPartStems() {
        let analyzer = germanAnalyzer()
        #expect(analyzer.compoundParts("kundennummer") == ["kunden", "nummer"])
        #expect(analyzer.variants(of: "kundennummer") == ["kundennumm", "kunden", "kund", "nummer", "numm"])
        #expect(analyzer.variants(of: "passwort") == [])
        #expect(!analyzer.tokens("Passwort").contains { $0.term == "pass" || $0.term == "wort" })
    }

    /// Only German splits compounds.
    @Test(arguments: [Language.en, .fr, .es])
    func otherLanguagesDoNotSplit(_ language: Language) {
        let analyzer = Analyzer(resources: AnalyzerResources(compoundDictionary: testDictionary), language: language)
        #expect(analyzer.compoundParts("kundennummer") == [])
        #expect(!analyzer.tokens("kundennummer").contains { $0.term == "kunden" || $0.term == "nummer" })
    }
}
