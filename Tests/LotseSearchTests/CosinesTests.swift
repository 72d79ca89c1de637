import Testing
@testable import LotseSearch

@Suite struct CosinesTests {
    /// The semantic top found on the fixed-point integers against the float scan the fusion used before, on random
    /// cosines with many ties and a filter: the same documents in the same order; each cosine reads as its float.
    @Test(arguments: [UInt64(1), 2, 3])
    func topMatchesAScanOfTheFloats(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let raw = (0..<3_000).map { _ in Float(Int.random(in: -400...400, using: &random)) / 400 }
        let cosines = Cosines(raw)
        let floats = cosines.floats
        #expect(floats.count == raw.count)
        #expect(zip(raw, floats).allSatisfy { abs($0 - $1) <= 1.6e-5 })
        #expect(floats.indices.allSatisfy { cosines[$0] == floats[$0] })
        for count in [1, 5, 30] {
            for accepts in [{ (_: Int32) in true }, { (document: Int32) in document % 3 != 0 }] {
                #expect(cosines.top(count, accepts: accepts) == Self.reference(floats, count: count, accepts: accepts))
            }
        }
    }

    /// The fusion's former scan over floats: the `count` highest, highest first, ties by document.
    static func reference(_ values: [Float], count: Int, accepts: (Int32) -> Bool) -> [Int32] {
        values.indices.filter { accepts(Int32($0)) }
            .sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
            .prefix(count).map { Int32($0) }
    }
}
