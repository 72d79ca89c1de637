import Testing
@testable import LotseSearch

@Suite struct CommonPrefixTableTests {
    /// The end of every run against a scan of the sorted words, for every word and every depth up to its length,
    /// on random vocabularies with long shared prefixes (few letters) and runs of every size.
    @Test(arguments: [UInt64(1), 2, 3])
    func runEndsMatchAScanOfTheWords(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = [2, 300, 1_000][Int(seed) - 1]
        let words = random.vocabulary(count: count, letters: "abc", lengths: 1...12, maximumFrequency: 1).keys
            .map { Array($0.unicodeScalars) }.sorted { $0.lexicographicallyPrecedes($1) }
        let table = CommonPrefixTable(count: words.count) { index in
            zip(words[index - 1], words[index]).prefix { $0 == $1 }.count
        }
        table.withReader { table in
            // One expectation per word (all its depths), so the debug build checks a thousand words quickly.
            for index in words.indices {
                let depths = 1...words[index].count
                let expected = depths.map { depth in
                    words[(index + 1)...].firstIndex { !$0.starts(with: words[index].prefix(depth)) } ?? words.count
                }
                #expect(depths.map { table.runEnd(from: index, depth: $0) } == expected, "word \(index)")
            }
            let neighbours = words.indices.dropFirst()
            #expect(neighbours.map(table.commonPrefix) == neighbours.map { zip(words[$0 - 1], words[$0]).prefix { $0 == $1 }.count })
        }
    }

    @Test func singleWordRunsToTheEnd() {
        let table = CommonPrefixTable(count: 1) { _ in 0 }
        #expect(table.withReader { $0.runEnd(from: 0, depth: 1) } == 1)
    }
}
