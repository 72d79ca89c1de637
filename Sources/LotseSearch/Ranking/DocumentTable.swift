import Foundation
import GRDB

/// Per-article data the ranker needs, loaded once per index file: dense document numbers (0..<count, in rowid
/// order), language and category for filters, and each column's weight after BM25 length normalisation.
struct DocumentTable: Sendable {
    /// Column weights and length normalisation: title, headings, tags, body, learned (the FTS5 column order).
    /// The learned column's weight is `learnedWeight` (tuned on the tuning split, BENCHMARKS.md "Learning from outcomes").
    static let columnWeights: [Double] = [6, 2.5, 3, 1]
    static let lengthNormalization: [Double] = [0.3, 0.5, 0.3, 0.75, 0.5]
    static let defaultLearnedWeight = 0.5
    static let columnCount = 5
    static let bodyColumn: UInt32 = 3

    let rowids: [Int64]
    let languages: [String]
    let categories: [String]
    /// `columnFactors[document * 4 + column]` = column weight / (1 − b + b · column length / average length).
    let columnFactors: [Double]
    /// rowid → document number + 1 (0: no such article); rowids of a built index are dense from 1.
    private let numbers: [Int32]

    var count: Int { rowids.count }

    func number(ofRowid rowid: Int64) -> Int32? {
        guard rowid >= 0, rowid < numbers.count, numbers[Int(rowid)] > 0 else { return nil }
        return numbers[Int(rowid)] - 1
    }

    /// Column lengths come from FTS5's own `fts_docsize` table (token counts without colocated tokens),
    /// the numbers its `xColumnSize` returns.
    static func load(_ db: Database, learnedWeight: Double = defaultLearnedWeight) throws -> DocumentTable {
        var rowids: [Int64] = [], languages: [String] = [], categories: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT rowid, lang, category FROM articles ORDER BY rowid") {
            rowids.append(row[0])
            languages.append(row[1])
            categories.append(row[2])
        }
        var numbers = [Int32](repeating: 0, count: Int(rowids.last ?? 0) + 1)
        for (number, rowid) in rowids.enumerated() { numbers[Int(rowid)] = Int32(number + 1) }

        var sizes = [Double](repeating: 0, count: rowids.count * columnCount)
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, sz FROM fts_docsize")
        while let row = try cursor.next() {
            let rowid: Int64 = row[0]
            guard rowid >= 0, rowid < numbers.count, numbers[Int(rowid)] > 0, let blob: Data = row[1] else { continue }
            let base = Int(numbers[Int(rowid)] - 1) * columnCount
            for (column, size) in varints(blob).prefix(columnCount).enumerated() { sizes[base + column] = Double(size) }
        }
        var averages = [Double](repeating: 0, count: columnCount)
        for (index, size) in sizes.enumerated() { averages[index % columnCount] += size }
        averages = averages.map { max($0 / Double(max(rowids.count, 1)), 1) }
        let weights = columnWeights + [learnedWeight]
        let factors = sizes.enumerated().map { index, size in
            let column = index % columnCount
            let b = lengthNormalization[column]
            return weights[column] / (1 - b + b * size / averages[column])
        }
        return DocumentTable(rowids: rowids, languages: languages, categories: categories, columnFactors: factors, numbers: numbers)
    }

    /// SQLite's varint encoding (big-endian groups of 7 bits), as FTS5 stores column sizes.
    private static func varints(_ data: Data) -> [UInt64] {
        var values: [UInt64] = []
        var value: UInt64 = 0
        for byte in data {
            value = value << 7 | UInt64(byte & 0x7f)
            if byte & 0x80 == 0 {
                values.append(value)
                value = 0
            }
        }
        return values
    }
}
