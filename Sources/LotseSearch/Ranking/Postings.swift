import GRDB

/// Where one term (or phrase, or group of compound parts) occurs: the documents containing it, ascending, and
/// per document its token positions as `column << 28 | offset`, ascending and distinct — exactly what FTS5's
/// `xInst` reports for a matching row. Held in the engine's largest cache, so kept lean: arrays trimmed to
/// their length once built (growth by doubling leaves up to half unused), and a document's gain (Σ column
/// factor over its positions) computed when a concept's frequencies are made rather than stored.
struct Postings: MemoryCosted {
    static let columnShift: UInt32 = 28
    static let offsetMask: UInt32 = (1 << columnShift) - 1

    private(set) var documents: [Int32] = []
    /// Positions of `documents[i]` are `positions[starts[i]..<starts[i + 1]]`.
    private(set) var starts: [Int32] = [0]
    private(set) var positions: [UInt32] = []

    static let empty = Postings()

    var isEmpty: Bool { documents.isEmpty }
    /// The three arrays' elements and headers (exact once `trimmed`).
    var byteCount: Int { documents.count * 8 + positions.count * 4 + 128 }

    func positions(at index: Int) -> ArraySlice<UInt32> {
        positions[Int(starts[index])..<Int(starts[index + 1])]
    }

    /// Index of `document` in `documents` (binary search).
    func index(of document: Int32) -> Int? {
        var low = 0, high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        return low < documents.count && documents[low] == document ? low : nil
    }

    /// Σ column factor over the positions of `documents[index]`: what one occurrence-weighted match is worth.
    func gain(at index: Int, table: DocumentTable) -> Double {
        var gain = 0.0
        let base = Int(documents[index]) * DocumentTable.columnCount
        for position in positions(at: index) { gain += table.columnFactors[base + Int(position >> Self.columnShift)] }
        return gain
    }

    /// Appends the next document (greater than the last); `sorted` are its distinct positions, ascending.
    mutating func append(_ document: Int32, sorted: some Collection<UInt32>) {
        guard !sorted.isEmpty else { return }
        documents.append(document)
        positions.append(contentsOf: sorted)
        starts.append(Int32(positions.count))
    }

    /// The same postings in arrays of exactly their length, for the cache.
    func trimmed() -> Postings {
        var result = Postings()
        (result.documents, result.starts, result.positions) = (documents.trimmed(), starts.trimmed(), positions.trimmed())
        return result
    }

    // MARK: - Loading and combining

    /// The SQL behind `load`: FTS5's own index read through an `fts5vocab` instance table, one term at a time
    /// (the term is bound; nothing is parsed as a query).
    static let instanceTableSQL = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.lotse_instances USING fts5vocab(main, fts, instance)"
    private static let columnNumbers: [String: UInt32] = ["title": 0, "headings": 1, "tags": 2, "body": 3, "learned": 4]

    static func load(term: String, _ db: Database, table: DocumentTable) throws -> Postings {
        var postings = Postings()
        var current: Int32 = -1
        var buffer: [UInt32] = []
        func flush() {
            guard current >= 0 else { return }
            buffer.sort()
            postings.append(current, sorted: distinct(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT doc, col, offset FROM temp.lotse_instances WHERE term = ?"),
                                       arguments: [term])
        while let row = try rows.next() {
            guard let document = table.number(ofRowid: row[0]), let column = columnNumbers[row[1]] else { continue }
            let offset: Int64 = row[2]
            if document != current {
                flush()
                current = document
            }
            buffer.append(column << columnShift | UInt32(clamping: offset) & offsetMask)
        }
        flush()
        return postings.trimmed()
    }

    /// A phrase: documents where the terms follow each other; positions are those of the first term.
    static func phrase(_ terms: [Postings]) -> Postings {
        var result = Postings()
        forEachCommonDocument(of: terms) { document, lists in
            let starts = lists[0].filter { start in
                lists.indices.dropFirst().allSatisfy { distance in contains(lists[distance], start + UInt32(distance)) }
            }
            result.append(document, sorted: starts)
        }
        return result.trimmed()
    }

    /// Compound parts that must all occur in a document (anywhere); positions are all of theirs.
    static func allOf(_ parts: [Postings]) -> Postings {
        var result = Postings()
        forEachCommonDocument(of: parts) { document, lists in
            result.append(document, sorted: distinct(lists.joined().sorted()))
        }
        return result.trimmed()
    }

    /// The documents every list contains, ascending, with each list's positions there.
    private static func forEachCommonDocument(of lists: [Postings], _ body: (Int32, [ArraySlice<UInt32>]) -> Void) {
        guard let first = lists.first else { return }
        var cursors = [Int](repeating: 0, count: lists.count)
        documents: for (index, document) in first.documents.enumerated() {
            var slices = [first.positions(at: index)]
            for other in lists.indices.dropFirst() {
                let candidates = lists[other].documents
                while cursors[other] < candidates.count, candidates[cursors[other]] < document { cursors[other] += 1 }
                guard cursors[other] < candidates.count, candidates[cursors[other]] == document else { continue documents }
                slices.append(lists[other].positions(at: cursors[other]))
            }
            body(document, slices)
        }
    }

    private static func contains(_ slice: ArraySlice<UInt32>, _ value: UInt32) -> Bool {
        var low = slice.startIndex, high = slice.endIndex
        while low < high {
            let middle = (low + high) / 2
            if slice[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < slice.endIndex && slice[low] == value
    }

    /// Sorted input without repeats (a term can be emitted twice at one position, FTS5 may keep both).
    private static func distinct(_ sorted: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(sorted.count)
        for value in sorted where result.last != value { result.append(value) }
        return result
    }
}
