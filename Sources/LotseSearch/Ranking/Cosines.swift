/// A text's cosines with every article, in document order, in 16-bit fixed point (cosine · 32,767, off by at most
/// 1.5e-5, far below the int8 vectors' ≈ 0.001): half the memory of Float. Every ranking of the text, its first
/// too, uses these values. The fusion reads them in place: the semantic top is found on the integers (the same
/// order: distinct integers stay distinct floats), so a request allocates no array of 10,000 floats.
struct Cosines: Sendable {
    private static let one: Float = 32_767
    private let values: [Int16]

    init(_ similarities: [Float]) {
        self.init(count: similarities.count) { similarities[$0] }
    }

    /// `similarity(document)` for every document below `count`.
    init(count: Int, _ similarity: (Int) -> Float) {
        values = (0..<count).map { Int16((min(max(similarity($0), -1), 1) * Self.one).rounded()) }
    }

    var count: Int { values.count }

    subscript(document: Int) -> Float { Float(values[document]) / Self.one }

    /// Every article's cosine as a float.
    var floats: [Float] { values.map { Float($0) / Self.one } }

    /// Documents with the `count` highest cosines that `accepts` lets through, highest first (ties: lower document first).
    func top(_ count: Int, accepts: (Int32) -> Bool) -> [Int32] {
        var best: [(Int16, Int32)] = []
        best.reserveCapacity(count + 1)
        for (index, value) in values.enumerated() where best.count < count || value > best[best.count - 1].0 {
            let document = Int32(index)
            guard accepts(document) else { continue }
            best.insert((value, document), at: best.firstIndex { value > $0.0 } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.1)
    }
}
