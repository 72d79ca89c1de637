import Testing
@testable import LotseSemantic

@Suite struct EncoderMatrixTests {
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 20001 - 10000) / 5000
        }
    }

    /// bfloat16 as the kernel rounds (to nearest, ties to even), back in float32.
    static func rounded(_ value: Float) -> Float {
        let bits = value.bitPattern
        return Float(bitPattern: (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000)
    }

    /// The bfloat16 kernel computes exactly the products of the rounded operands (summed in float32, so to ~1e-5),
    /// for row counts that do and do not fill its 4-row blocks, row strides wider than the matrix, and accumulation.
    @Test(arguments: [(1, 512), (3, 256), (4, 512), (7, 256), (64, 512)])
    func bfloat16MatchesRoundedProducts(m: Int, k: Int) {
        let n = 256, lda = k + 32, ldc = n * 3
        let weights = Self.values(k * n, seed: 7), a = Self.values(m * lda, seed: 11)
        let start = Self.values(m * ldc, seed: 13)
        weights.withUnsafeBufferPointer { w in
            let fast = EncoderMatrix(w.baseAddress!, k: k, n: n, bfloat16: true)
            let plain = EncoderMatrix(w.baseAddress!, k: k, n: n, bfloat16: false)
            #expect(fast.readsFloats == !EncoderMatrix.bfloat16Available)
            #expect(plain.readsFloats)
            for accumulate in [false, true] {
                var c = start, reference = start
                fast.multiply(m, a, lda, into: &c, ldc, accumulate: accumulate)
                plain.multiply(m, a, lda, into: &reference, ldc, accumulate: accumulate)
                var worst: Double = 0, worstPlain: Double = 0
                for r in 0..<m {
                    for j in 0..<ldc {
                        guard j < n else {
                            #expect(c[r * ldc + j] == start[r * ldc + j]) // columns beyond n untouched
                            continue
                        }
                        var exact: Double = accumulate ? Double(start[r * ldc + j]) : 0
                        var plainExact: Double = exact
                        for i in 0..<k {
                            exact += Double(Self.rounded(a[r * lda + i])) * Double(Self.rounded(weights[i * n + j]))
                            plainExact += Double(a[r * lda + i]) * Double(weights[i * n + j])
                        }
                        let expected = EncoderMatrix.bfloat16Available ? exact : plainExact
                        worst = max(worst, abs(Double(c[r * ldc + j]) - expected))
                        worstPlain = max(worstPlain, abs(Double(reference[r * ldc + j]) - plainExact))
                    }
                }
                #expect(worst < 1e-3, "bfloat16 m \(m) k \(k) accumulate \(accumulate): off by \(worst)")
                #expect(worstPlain < 1e-3, "float32 m \(m) k \(k): off by \(worstPlain)")
            }
        }
    }
}
