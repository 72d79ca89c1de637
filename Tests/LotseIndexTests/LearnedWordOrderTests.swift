@testable import LotseIndex
import Testing

/// `LearnedField` keeps an article's first `maximumWords` words in order by selecting them, not by sorting them all.
@Suite("Learned word order")
struct LearnedWordOrderTests {
    @Test("the first n of a run, selected, are the first n of the run sorted, for every n")
    func selectsTheFirst() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 7, 64, 65, 200] {
            let values = (0..<size).map { _ in Int.random(in: 0..<1_000_000, using: &generator) }
            let elements = ArraySlice(Array(values.indices).shuffled(using: &generator))
            let isBefore: (Int, Int) -> Bool = { (values[$0], $0) < (values[$1], $1) }
            let sorted = elements.sorted(by: isBefore)
            for count in Set([0, 1, 2, size / 2, 63, 64, size - 1, size, size + 3]) where count >= 0 {
                let first = LearnedField.first(count, of: elements, by: isBefore)
                #expect(first == Array(sorted.prefix(count)), "size \(size), count \(count)")
            }
        }
    }
}
