import GRDB

/// Where one term (or phrase, or group of compound parts) occurs: the documents containing it, ascending, and
/// per document its token positions as `column << 28 | offset`, ascending and distinct — exactly what FTS5's
/// `xInst` reports for a matching row. Held in the engine's largest cache, so kept lean: arrays trimmed to
/// their length once built (growth by doubling leaves up to half unused), positions in 16 bits where the whole
/// list allows it, and a document's gain (Σ column factor over its positions) computed when a concept's
/// frequencies are made rather than stored.
struct Postings: MemoryCosted {
    static let columnShift: UInt32 = 28
    static let offsetMask: UInt32 = (1 << columnShift) - 1
    /// A narrow position: column in the top 3 bits, offset in the low 13 (articles of up to 8,192 tokens).
    static let narrowShift: UInt16 = 13

    private(set) var documents: [Int32] = []
    /// Positions of `documents[i]` are those at `starts[i]..<starts[i + 1]`.
    private(set) var starts: [Int32] = [0]
    /// The positions, in one of the two: `narrow` once `trimmed` when every position of the list fits 16 bits (a
    /// common term's list is mostly positions, and half of the cache's bytes), else `wide`.
    private(set) var wide: [UInt32] = []
    private(set) var narrow: [UInt16] = []

    static let empty = Postings()

    var isEmpty: Bool { documents.isEmpty }
    /// The arrays' elements and headers (exact once `trimmed`).
    var byteCount: Int { documents.count * 8 + wide.count * 4 + narrow.count * 2 + 128 }
    /// How many positions the list holds, and whether in 16 bits.
    var positionCount: Int { narrow.isEmpty ? wide.count : narrow.count }
    var isNarrow: Bool { !narrow.isEmpty }

    func positions(at index: Int) -> Positions {
        let range = Int(starts[index])..<Int(starts[index + 1])
        return narrow.isEmpty ? Positions(wide: wide[range]) : Positions(narrow: narrow[range])
    }

    /// One document's positions, read as `column << 28 | offset` whichever way they are stored.
    struct Positions: RandomAccessCollection {
        private let wide: ArraySlice<UInt32>
        private let narrow: ArraySlice<UInt16>
        private let isNarrow: Bool

        init(wide: ArraySlice<UInt32>) { (self.wide, narrow, isNarrow) = (wide, [], false) }
        init(narrow: ArraySlice<UInt16>) { (wide, self.narrow, isNarrow) = ([], narrow, true) }

        var startIndex: Int { 0 }
        var endIndex: Int { isNarrow ? narrow.count : wide.count }
        subscript(position: Int) -> UInt32 {
            isNarrow ? Postings.widened(narrow[narrow.startIndex + position]) : wide[wide.startIndex + position]
        }
    }

    static func widened(_ narrow: UInt16) -> UInt32 {
        UInt32(narrow >> narrowShift) << columnShift | UInt32(narrow & (1 << narrowShift - 1))
    }

    private static func fitsNarrow(_ position: UInt32) -> Bool {
        position >> columnShift < 1 << (16 - narrowShift) && position & offsetMask < 1 << narrowShift
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
        let range = Int(starts[index])..<Int(starts[index + 1])
        if narrow.isEmpty {
            for slot in range { gain += table.columnFactors[base + Int(wide[slot] >> Self.columnShift)] }
        } else {
            for slot in range { gain += table.columnFactors[base + Int(narrow[slot] >> Self.narrowShift)] }
        }
        return gain
    }

    /// Appends the next document (greater than the last); `sorted` are its distinct positions, ascending.
    mutating func append(_ document: Int32, sorted: some Collection<UInt32>) {
        guard !sorted.isEmpty else { return }
        documents.append(document)
        wide.append(contentsOf: sorted)
        starts.append(Int32(wide.count))
    }

    /// The same postings in arrays of exactly their length, positions in 16 bits when they all fit, for the cache.
    func trimmed() -> Postings {
        var result = Postings()
        (result.documents, result.starts) = (documents.trimmed(), starts.trimmed())
        if narrow.isEmpty, wide.allSatisfy(Self.fitsNarrow) {
            result.narrow = wide.map { UInt16($0 >> Self.columnShift) << Self.narrowShift | UInt16($0 & Self.offsetMask) }
        } else {
            (result.wide, result.narrow) = (wide.trimmed(), narrow.trimmed())
        }
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
    private static func forEachCommonDocument(of lists: [Postings], _ body: (Int32, [Positions]) -> Void) {
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

    private static func contains(_ positions: Positions, _ value: UInt32) -> Bool {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && positions[low] == value
    }

    /// Sorted input without repeats (a term can be emitted twice at one position, FTS5 may keep both).
    private static func distinct(_ sorted: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(sorted.count)
        for value in sorted where result.last != value { result.append(value) }
        return result
    }
}
