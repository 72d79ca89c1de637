import LotseAnalysis

/// The tokens the analyzer produced for one text, stored flat (one byte buffer for all terms), so handing them to
/// FTS5 later allocates nothing and runs no analysis.
struct TokenStream: Sendable {
    private struct Entry {
        var termEnd: Int32
        var start: Int32
        var end: Int32
        var colocated: Bool
    }

    private var termBytes: [UInt8] = []
    private var entries: [Entry] = []

    /// No tokens yet (`LearnedTokens` appends them).
    init() {}

    /// The document tokens (what the FTS5 tokenizer emits for `FTS5_TOKENIZE_DOCUMENT`) of a text whose words
    /// are `words`, in the analyzer's current language; `variants(i)`: `Analyzer.variants(of:)` of word i.
    init(words: [AnalyzedWord], variants: (Int) -> [String], with analyzer: Analyzer) {
        analyzer.analyze(words: words, mode: .document, variants: variants) { term, start, end, colocated in
            append(term, start: start, end: end, colocated: colocated)
            return true
        }
    }

    /// The document tokens of `text`, broken into words here: a column the vocabulary pass did not count (learned).
    init(text: String, with analyzer: Analyzer) {
        analyzer.analyze(words: analyzer.words(in: text), mode: .document) { term, start, end, colocated in
            append(term, start: start, end: end, colocated: colocated)
            return true
        }
    }

    mutating func append(_ term: String, start: Int, end: Int, colocated: Bool) {
        var term = term
        term.withUTF8 { termBytes.append(contentsOf: $0) }
        entries.append(Entry(termEnd: Int32(termBytes.count), start: Int32(start), end: Int32(end), colocated: colocated))
    }

    /// Calls `emit(term, length, start, end, colocated)` per token until it returns a code other than `ok`;
    /// returns that code, or `ok`.
    func replay(ok: Int32, _ emit: (UnsafePointer<CChar>, Int32, Int32, Int32, Bool) -> Int32) -> Int32 {
        guard !entries.isEmpty else { return ok }
        return termBytes.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            var termStart: Int32 = 0
            for entry in entries {
                let code = emit(base + Int(termStart), entry.termEnd - termStart, entry.start, entry.end, entry.colocated)
                if code != ok { return code }
                termStart = entry.termEnd
            }
            return ok
        }
    }
}

/// One row's FTS columns with their token streams, analysed off the SQLite thread.
struct PreparedRow: Sendable {
    private let columns: [String]
    private let streams: [TokenStream]

    /// `words`: the words of each column, as the vocabulary pass found them, numbered in `tables[words.table]`;
    /// `learned`: the learned column's text (analysed here, off the writer's thread), if any.
    init(_ row: IndexedRow, words: (table: Int, columns: [[StoredWord]]), tables: [[String]], learned: String?,
         variants: inout NumberedVariants, learnedTokens: inout LearnedTokens, analyzer: Analyzer) {
        analyzer.language = row.language
        variants.select(row.language)
        learnedTokens.select(row.language)
        let table = tables[words.table]
        var streams = words.columns.map { stored in
            TokenStream(words: stored.map { $0.analyzed(in: table) },
                        variants: { variants.variants(of: stored[$0], table: words.table, analyzer: analyzer) }, with: analyzer)
        }
        var columns = row.columns
        if let learned, !learned.isEmpty {
            columns.append(learned)
            streams.append(learnedTokens.stream(of: learned, analyzer: analyzer) ?? TokenStream(text: learned, with: analyzer))
        }
        self.columns = columns
        self.streams = streams
    }

    /// The tokens of the column whose text is exactly `text`; nil when it is none of them (the caller analyses it).
    func tokens(for text: UnsafeBufferPointer<UInt8>) -> TokenStream? {
        for (index, column) in columns.enumerated() where column.utf8.count == text.count {
            let equal = column.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(text) } ?? column.utf8.elementsEqual(text)
            if equal { return streams[index] }
        }
        return nil
    }
}
