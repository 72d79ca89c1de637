import Testing
@testable import LotseSearch

@Suite struct CommonPrefixTableTests {
    /// The end of every run against a scan of the sorted words, for every word and every depth up to its length,
    /// on random vocabularies with long shared prefixes (few letters) and runs of every size.
    @Test(arguments: [UInt64(1), 2, 3])
    func runEndsMatchAScanOfTheWords(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = [2, 700, 1_500][Int(seed) - 1]
        let words = random.vocabulary(count: count, letters: "abc", lengths: 1...12, maximumFrequency: 1).keys
            .map { Array($0.unicodeScalars) }.sorted { $0.lexicographicallyPrecedes($1) }
        let table = CommonPrefixTable(count: words.count) { index in
            zip(words[index - 1], words[index]).prefix { $0 == $1 }.count
        }
        table.withReader { table in
            for index in words.indices {
                for depth in 1...words[index].count {
                    let shared = words[index].prefix(depth)
                    let expected = words[(index + 1)...].firstIndex { !$0.starts(with: shared) } ?? words.count
                    #expect(table.runEnd(from: index, depth: depth) == expected, "word \(index) depth \(depth)")
                }
                if index > 0 {
                    #expect(table.commonPrefix(index) == zip(words[index - 1], words[index]).prefix { $0 == $1 }.count)
                }
            }
        }
    }

    @Test func singleWordRunsToTheEnd() {
        let table = CommonPrefixTable(count: 1) { _ in 0 }
        #expect(table.withReader { $0.runEnd(from: 0, depth: 1) } == 1)
    }
}
