import CVectorKernels
import Foundation

/// A unit vector stored as int8 with one scale (max |component| / 127): 516 bytes instead of 2,048, and a dot
/// product of two of them is exact int32 arithmetic times two scales (cosine error ≈ 0.001).
public struct QuantizedVector: Sendable, Equatable {
    public var scale: Float
    public var values: [Int8]

    public init(scale: Float, values: [Int8]) {
        self.scale = scale
        self.values = values
    }

    public init(_ vector: [Float]) {
        let largest = vector.reduce(0) { max($0, abs($1)) }
        scale = largest > 0 ? largest / 127 : 1
        let inverse = 1 / scale
        values = vector.map { Int8(clamping: Int(($0 * inverse).rounded())) }
    }

    /// The stored form: the scale as little-endian float32, then the values.
    public var blob: Data {
        var data = Data(capacity: 4 + values.count)
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    public init?(blob: Data, dimension: Int = SemanticModel.dimension) {
        guard blob.count == 4 + dimension else { return nil }
        let bits = blob.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        scale = Float(bitPattern: bits)
        values = blob.dropFirst(4).map { Int8(bitPattern: $0) }
    }
}

/// Every article's vectors in one contiguous int8 array, in document order, scored exactly against a query
/// (no approximate index: 10,000 × 512 int8 dot products take a fraction of a millisecond).
public struct VectorSet: Sendable {
    public let dimension: Int
    /// vectors[document · dimension ..< (document + 1) · dimension]; a document without a vector is all zeros.
    private let values: [Int8]
    private let scales: [Float]

    public var count: Int { scales.count }

    /// `vectors[d]` is document d's vector (nil: none, scores 0).
    public init(_ vectors: [QuantizedVector?], dimension: Int = SemanticModel.dimension) {
        self.dimension = dimension
        var values = [Int8](repeating: 0, count: vectors.count * dimension)
        var scales = [Float](repeating: 0, count: vectors.count)
        for (document, vector) in vectors.enumerated() {
            guard let vector, vector.values.count == dimension else { continue }
            scales[document] = vector.scale
            values.replaceSubrange(document * dimension..<(document + 1) * dimension, with: vector.values)
        }
        self.values = values
        self.scales = scales
    }

    /// Cosine of `query` (a unit vector) with every document's vector, in document order.
    public func similarities(to query: [Float]) -> [Float] {
        let quantized = QuantizedVector(query)
        guard quantized.values.count == dimension, count > 0 else { return [Float](repeating: 0, count: count) }
        var dots = [Int32](repeating: 0, count: count)
        quantized.values.withUnsafeBufferPointer { q in
            values.withUnsafeBufferPointer { v in
                dots.withUnsafeMutableBufferPointer { out in
                    lotse_int8_dots(q.baseAddress, v.baseAddress, Int32(dimension), Int32(count), out.baseAddress)
                }
            }
        }
        return cosines(dots, quantized.scale)
    }

    /// The same with every document's vector here and in `other` (the same documents), in one pass over both sets.
    public func similarities(to query: [Float], and other: VectorSet) -> (here: [Float], there: [Float]) {
        precondition(other.count == count && other.dimension == dimension)
        let quantized = QuantizedVector(query)
        guard quantized.values.count == dimension, count > 0 else {
            return ([Float](repeating: 0, count: count), [Float](repeating: 0, count: count))
        }
        var here = [Int32](repeating: 0, count: count), there = [Int32](repeating: 0, count: count)
        quantized.values.withUnsafeBufferPointer { q in
            values.withUnsafeBufferPointer { first in
                other.values.withUnsafeBufferPointer { second in
                    here.withUnsafeMutableBufferPointer { firstScores in
                        there.withUnsafeMutableBufferPointer { secondScores in
                            lotse_int8_dots_pair(q.baseAddress, first.baseAddress, second.baseAddress, Int32(dimension), Int32(count),
                                                 firstScores.baseAddress, secondScores.baseAddress)
                        }
                    }
                }
            }
        }
        return (cosines(here, quantized.scale), other.cosines(there, quantized.scale))
    }

    private func cosines(_ dots: [Int32], _ queryScale: Float) -> [Float] {
        var result = [Float](repeating: 0, count: count)
        for i in 0..<count { result[i] = Float(dots[i]) * scales[i] * queryScale }
        return result
    }
}
