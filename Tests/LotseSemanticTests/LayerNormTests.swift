import Testing
@testable import LotseSemantic

@Suite struct LayerNormTests {
    /// The encoder's former layer norm, one row at a time: the yardstick.
    static func oneRow(_ row: inout [Float], _ gain: [Float], _ shift: [Float], eps: Float) {
        var mean: Float = 0
        for value in row { mean += value }
        mean /= Float(row.count)
        var variance: Float = 0
        for i in row.indices {
            row[i] -= mean
            variance += row[i] * row[i]
        }
        let inverse = 1 / (variance / Float(row.count) + eps).squareRoot()
        for i in row.indices { row[i] = row[i] * inverse * gain[i] + shift[i] }
    }

    /// Eight rows at a time give the one-row loop's floats bit for bit, for row counts that do and do not fill the
    /// eight lanes, at both widths the encoder normalises, rows of very different scale side by side.
    @Test(arguments: [1, 7, 8, 9, 17], [768, 1280])
    func eightRowsAtATimeMatchOneRow(rows: Int, count: Int) {
        var values = EncoderMatrixTests.values(rows * count, seed: UInt64(rows * 31 + count))
        for i in values.indices { values[i] *= Float(1 << ((i / count) % 9)) / 16 }
        let gain = EncoderMatrixTests.values(count, seed: 5), shift = EncoderMatrixTests.values(count, seed: 6)
        var expected: [Float] = []
        for row in 0..<rows {
            var one = Array(values[row * count..<(row + 1) * count])
            Self.oneRow(&one, gain, shift, eps: 1e-12)
            expected += one
        }
        values.withUnsafeMutableBufferPointer { values in
            SentenceEncoder.layerNorm(values.baseAddress!, rows: rows, count, gain, shift, eps: 1e-12)
        }
        #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
    }
}
