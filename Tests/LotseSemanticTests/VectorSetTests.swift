import CVectorKernels
import Foundation
import Testing
@testable import LotseSemantic

@Suite struct VectorSetTests {
    static func unit(_ seed: Int, dimension: Int = 512) -> [Float] {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        let raw = (0..<dimension).map { _ -> Float in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 1000
        }
        let norm = raw.map { $0 * $0 }.reduce(0, +).squareRoot()
        return raw.map { $0 / norm }
    }

    @Test func int8ScoresMatchFloatCosines() {
        let documents = (0..<300).map { Self.unit($0) }
        let set = VectorSet(documents.map { QuantizedVector($0) } + [nil])
        let query = Self.unit(1000)
        let scores = set.similarities(to: query)
        #expect(scores.count == 301)
        #expect(scores[300] == 0)
        for (document, vector) in documents.enumerated() {
            var exact: Float = 0
            for k in 0..<512 { exact += vector[k] * query[k] }
            #expect(abs(scores[document] - exact) < 0.01, "document \(document): \(scores[document]) vs \(exact)")
        }
        // The document equal to the query scores ~1.
        #expect(abs(VectorSet([QuantizedVector(query)]).similarities(to: query)[0] - 1) < 0.01)
    }

    /// The kernel the CPU picks (VNNI, AVX2 or plain) gives exactly the plain products, over the whole int8 range,
    /// for dimensions that are and are not multiples of 64, and row counts that are and are not multiples of the
    /// four rows the VNNI kernel takes at a time.
    @Test(arguments: [512, 96], [37, 40, 3]) func kernelMatchesReference(dimension: Int, count: Int) {
        var state = UInt64(42 + count)
        func byte() -> Int8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int8(truncatingIfNeeded: state >> 33)
        }
        var query = (0..<dimension).map { _ in byte() }
        var vectors = (0..<count * dimension).map { _ in byte() }
        query[0] = -128
        query[1] = 127
        for k in 0..<dimension { vectors[k] = -128 } // row 0 at the extremes: −128 · −128 and −128 · 127
        var fast = [Int32](repeating: 0, count: count), reference = [Int32](repeating: 0, count: count)
        lotse_int8_dots(query, vectors, Int32(dimension), Int32(count), &fast)
        lotse_int8_dots_reference(query, vectors, Int32(dimension), Int32(count), &reference)
        #expect(fast == reference)
        #expect(Set(reference).count > count / 2) // the rows differ, so a kernel that mixed them up would fail
        for k in 0..<dimension { vectors[(count - 1) * dimension + k] = 127 } // the last row at the other extreme
        lotse_int8_dots(query, vectors, Int32(dimension), Int32(count), &fast)
        lotse_int8_dots_reference(query, vectors, Int32(dimension), Int32(count), &reference)
        #expect(fast == reference)
    }

    /// Two sets scored in one pass give exactly what each gives alone, for counts that do and do not fill the
    /// pair kernel's two rows, and a document without a vector in either set.
    @Test(arguments: [1, 6, 7]) func pairMatchesEachSetAlone(count: Int) {
        let first = VectorSet((0..<count).map { QuantizedVector(Self.unit($0)) } + [nil])
        let second = VectorSet([nil] + (0..<count).map { QuantizedVector(Self.unit(100 + $0)) })
        let query = Self.unit(1000)
        let (here, there) = first.similarities(to: query, and: second)
        #expect(here == first.similarities(to: query))
        #expect(there == second.similarities(to: query))
        #expect(here[count] == 0 && there[0] == 0)
        #expect(Set(here).count == count + 1) // distinct scores: rows not mixed up
        var fast = [Int32](repeating: 0, count: count + 1), slow = fast, fast2 = fast, slow2 = fast
        let q = QuantizedVector(query).values
        let a = (0..<count).flatMap { QuantizedVector(Self.unit($0)).values } + [Int8](repeating: -128, count: 512)
        let b = [Int8](repeating: 127, count: 512) + (0..<count).flatMap { QuantizedVector(Self.unit(100 + $0)).values }
        lotse_int8_dots_pair(q, a, b, 512, Int32(count + 1), &fast, &fast2)
        lotse_int8_dots_reference(q, a, 512, Int32(count + 1), &slow)
        lotse_int8_dots_reference(q, b, 512, Int32(count + 1), &slow2)
        #expect(fast == slow && fast2 == slow2)
    }

    @Test func blobRoundTrips() {
        let vector = QuantizedVector(Self.unit(7))
        #expect(QuantizedVector(blob: vector.blob) == vector)
        #expect(QuantizedVector(blob: Data([1, 2, 3])) == nil)
    }
}
