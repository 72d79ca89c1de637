import Testing
@testable import LotseSearch

/// The flat term table answers every look-up as the dictionary it replaces.
@Suite struct TermCountsTests {
    @Test func looksUpLikeADictionary() {
        var random = SeededRandom(seed: 7)
        let dictionary = random.vocabulary(count: 5_000, letters: "abcdeäöüß", lengths: 1...20, maximumFrequency: 900)
        let table = TermCounts(dictionary.map { ($0.key, $0.value) })
        #expect(table.count == dictionary.count)
        for (term, count) in dictionary { #expect(table[term] == count) }
        // Absent terms: prefixes and extensions of present ones, and others.
        for term in dictionary.keys.prefix(500) {
            for probe in [String(term.dropLast()), term + "a", term + "ß", "z" + term, ""] where dictionary[probe] == nil {
                #expect(table[probe] == nil)
            }
        }
    }

    @Test func unsortedInputAndRepeatsKeepTheLastCount() {
        let table = TermCounts([("kosten", 3), ("konto", 5), ("äpfel", 1), ("kosten", 4), ("a", 9)])
        #expect(table.count == 4)
        #expect(table["kosten"] == 4)
        #expect(table["konto"] == 5)
        #expect(table["äpfel"] == 1)
        #expect(table["apfel"] == nil)
        #expect(table.mostFrequent(limit: 3) == ["a", "konto", "kosten"])
        #expect(table.largestCount == 9)
    }

    @Test func tiesOfTheMostFrequentComeInStringOrder() {
        let terms = ["zeit", "abend", "übung", "konto", "kontoauszug", "ärger"]
        let table = TermCounts(terms.map { ($0, 2) } + [("selten", 1)])
        #expect(table.mostFrequent(limit: 6) == terms.sorted())
    }
}
