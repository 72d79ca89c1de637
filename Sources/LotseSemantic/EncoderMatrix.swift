import COpenBLAS
import CVectorKernels

/// One weight matrix of the encoder (k × n, row-major float32 in the model file). With bfloat16 it is rounded once at
/// load and multiplied by `lotse_bf16_gemm` (AVX-512F or AVX2 with FMA, the sums of AVX-512 BF16, faster than it;
/// parity with the reference stays above 0.9999), otherwise by OpenBLAS in float32, which packs the whole matrix again
/// on every call.
struct EncoderMatrix: @unchecked Sendable {
    let k: Int, n: Int
    private let floats: UnsafePointer<Float>
    private let packed: [UInt16]

    /// True when this CPU multiplies with bfloat16 weights (`lotse_bf16_supported`: AVX-512F, or AVX2 with FMA).
    static let bfloat16Available = lotse_bf16_supported() != 0

    init(_ floats: UnsafePointer<Float>, k: Int, n: Int, bfloat16: Bool) {
        self.floats = floats
        self.k = k
        self.n = n
        guard bfloat16, Self.bfloat16Available, k % 32 == 0, k <= 2048, n % 64 == 0 else {
            packed = []
            return
        }
        packed = [UInt16](unsafeUninitializedCapacity: k * n) { buffer, count in
            lotse_bf16_pack(floats, Int32(k), Int32(n), Int32(n), buffer.baseAddress)
            count = k * n
        }
    }

    /// Whether the float32 values in the model file are still read (no bfloat16 copy).
    var readsFloats: Bool { packed.isEmpty }

    /// c = a · self (+ c with `accumulate`) for m rows of a (row stride lda) into c (row stride ldc).
    func multiply(_ m: Int, _ a: UnsafePointer<Float>, _ lda: Int, into c: UnsafeMutablePointer<Float>, _ ldc: Int, accumulate: Bool) {
        guard m > 0 else { return }
        if !packed.isEmpty {
            let done = packed.withUnsafeBufferPointer {
                lotse_bf16_gemm(Int32(m), Int32(n), Int32(k), a, Int32(lda), $0.baseAddress, c, Int32(ldc), accumulate ? 1 : 0)
            }
            if done != 0 { return }
        }
        gemm(m, n, k, a, lda, floats, n, c, ldc, accumulate: accumulate)
    }

    /// row · self, for one row of k values.
    func multiply(_ row: [Float]) -> [Float] {
        var product = [Float](repeating: 0, count: n)
        multiply(row, into: &product, accumulate: false)
        return product
    }

    /// sum += row · self.
    func multiply(_ row: [Float], adding sum: inout [Float]) { multiply(row, into: &sum, accumulate: true) }

    private func multiply(_ row: [Float], into c: inout [Float], accumulate: Bool) {
        precondition(row.count == k && c.count == n)
        row.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { c in multiply(1, a.baseAddress!, k, into: c.baseAddress!, n, accumulate: accumulate) }
        }
    }
}

/// C = A · B (+ C with `accumulate`), row-major, single precision.
@inline(__always)
func gemm(_ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
          _ c: UnsafeMutablePointer<Float>, _ ldc: Int, accumulate: Bool) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb),
                accumulate ? 1 : 0, c, Int32(ldc))
}
