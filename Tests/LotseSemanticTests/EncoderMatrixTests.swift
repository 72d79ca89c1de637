import CVectorKernels
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

    /// Both kernels (the CPU's choice, and AVX2 even where AVX-512F is there) round exactly as the plain-C reference
    /// (VDPBF16PS's order of products and roundings): the same bits for every row count of their blocks (1–6 and past
    /// them), row strides wider than the matrix, accumulation, values over many magnitudes, zeros and denormals (flushed
    /// to zero by both).
    @Test(arguments: [(1, 1280, 512), (2, 320, 320), (5, 512, 256), (6, 256, 256), (13, 768, 256), (64, 512, 64)])
    func kernelMatchesReferenceBitForBit(m: Int, k: Int, n: Int) {
        let lda = k + 16, ldc = n + 64
        var weights = Self.values(k * n, seed: 17).enumerated().map { $1 * Float(1 << ($0 % 7)) / 8 }
        var a = Self.values(m * lda, seed: 19).enumerated().map { $1 * Float(1 << ($0 % 11)) / 32 }
        weights[1] = 0
        weights[2] = Float.leastNormalMagnitude / 4
        a[1] = -Float.leastNormalMagnitude / 2
        a[2] = 0
        var packed = [UInt16](repeating: 0, count: k * n)
        lotse_bf16_pack(weights, Int32(k), Int32(n), Int32(n), &packed)
        for accumulate: Int32 in [0, 1] {
            let start = Self.values(m * ldc, seed: 23)
            var fast = start, avx2 = start, reference = start
            let done = lotse_bf16_gemm(Int32(m), Int32(n), Int32(k), a, Int32(lda), packed, &fast, Int32(ldc), accumulate)
            let doneAVX2 = lotse_bf16_gemm_avx2(Int32(m), Int32(n), Int32(k), a, Int32(lda), packed, &avx2, Int32(ldc), accumulate)
            #expect(done == lotse_bf16_supported())
            #expect(doneAVX2 == lotse_bf16_avx2_supported())
            lotse_bf16_gemm_reference(Int32(m), Int32(n), Int32(k), a, Int32(lda), packed, &reference, Int32(ldc), accumulate)
            for (kernel, result, ran) in [("chosen", fast, done), ("AVX2", avx2, doneAVX2)] where ran != 0 {
                #expect(result.map(\.bitPattern) == reference.map(\.bitPattern), "\(kernel) m \(m) k \(k) n \(n) accumulate \(accumulate)")
                #expect(result != start) // the product was written
            }
        }
    }
}
