import Foundation
import LotseAnalysis
import Synchronization

/// Corpus statistics of folded words: document and collection frequency. German words seen at least
/// `minimumCompoundFrequency` times form the compound dictionary.
struct Vocabulary {
    struct Counts {
        var documents = 0
        var occurrences = 0

        mutating func add(_ other: Counts) {
            documents += other.documents
            occurrences += other.occurrences
        }
    }

    private(set) var terms: [String: Counts] = [:]
    private(set) var germanCounts: [String: Int] = [:]

    static let minimumCompoundFrequency = 2

    /// The vocabulary of `rows`, counted on all cores (one analyzer per worker, partial counts added up), and the
    /// words of every row, which the analysis workers reuse instead of breaking and folding the text again.
    static func counting(_ rows: [IndexedRow]) -> (Vocabulary, RowWords) {
        let counters = Mutex<[WordCounter]>([])
        let nextRow = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            let analyzer = Analyzer()
            var counter = WordCounter()
            while case let index = nextRow.wrappingAdd(1, ordering: .relaxed).oldValue, index < rows.count {
                counter.add(rows[index], at: index, analyzer: analyzer)
            }
            counters.withLock { $0.append(counter) }
        }
        let partials = counters.withLock { $0 }
        var vocabulary = Vocabulary()
        for counter in partials { vocabulary.merge(counter) }
        return (vocabulary, RowWords(rowCount: rows.count, counters: partials))
    }

    private mutating func merge(_ counter: WordCounter) {
        for (id, word) in counter.words.enumerated() {
            terms[word, default: Counts()].add(counter.counts[id])
            if counter.germanCounts[id] > 0 { germanCounts[word, default: 0] += counter.germanCounts[id] }
        }
    }

    /// Alphabetic, non-stop-word German words frequent enough to be trusted as compound parts.
    var compoundDictionary: [String: Int] {
        germanCounts.filter { word, count in
            count >= Self.minimumCompoundFrequency
                && word.utf8.count >= CompoundSplitter.minimumPartLength
                && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                && !StopWords.contains(word, language: .de)
        }
    }
}

/// One worker's share of the vocabulary pass: its folded words numbered in order of appearance, their counts by
/// number (no string hashing per occurrence beyond the one lookup that numbers the word), and the rows it read.
struct WordCounter: Sendable {
    private var ids: [String: UInt32] = [:]
    private(set) var words: [String] = []
    private(set) var counts: [Vocabulary.Counts] = []
    private(set) var germanCounts: [Int] = []
    /// The last row each word was counted in, so a row counts once towards a word's document frequency.
    private var lastRow: [Int] = []
    private(set) var rows: [(index: Int, columns: [[StoredWord]])] = []

    mutating func add(_ row: IndexedRow, at index: Int, analyzer: Analyzer) {
        analyzer.language = row.language
        let columns = row.columns.map { field in
            analyzer.words(in: field).map { word in
                let id = number(word.folded)
                if lastRow[Int(id)] != index {
                    lastRow[Int(id)] = index
                    counts[Int(id)].documents += 1
                }
                counts[Int(id)].occurrences += 1
                if row.language == .de { germanCounts[Int(id)] += 1 }
                return StoredWord(id: id, start: word.start, end: word.end, joinedToPrevious: word.joinedToPrevious)
            }
        }
        rows.append((index, columns))
    }

    private mutating func number(_ word: String) -> UInt32 {
        if let id = ids[word] { return id }
        let id = UInt32(words.count)
        ids[word] = id
        words.append(word)
        counts.append(Vocabulary.Counts())
        germanCounts.append(0)
        lastRow.append(-1)
        return id
    }
}

/// A word of a row in 12 bytes instead of an `AnalyzedWord`'s 40 plus its string: the 10k corpus keeps ~7 million.
struct StoredWord: Sendable {
    private let idAndJoin: UInt32
    private let start: Int32
    private let end: Int32

    private static let joinedBit: UInt32 = 1 << 31

    init(id: UInt32, start: Int, end: Int, joinedToPrevious: Bool) {
        precondition(id < Self.joinedBit)
        idAndJoin = id | (joinedToPrevious ? Self.joinedBit : 0)
        self.start = Int32(start)
        self.end = Int32(end)
    }

    func analyzed(in words: [String]) -> AnalyzedWord {
        AnalyzedWord(folded: words[Int(idAndJoin & ~Self.joinedBit)], start: Int(start), end: Int(end),
                     joinedToPrevious: idAndJoin & Self.joinedBit != 0)
    }
}

/// The words the vocabulary pass found in each row, by row index and column.
struct RowWords: Sendable {
    private let tables: [[String]]
    private let rows: [(table: Int, columns: [[StoredWord]])]

    init(rowCount: Int, counters: [WordCounter]) {
        var rows = [(table: Int, columns: [[StoredWord]])](repeating: (0, []), count: rowCount)
        for (table, counter) in counters.enumerated() {
            for row in counter.rows { rows[row.index] = (table, row.columns) }
        }
        tables = counters.map(\.words)
        self.rows = rows
    }

    /// The words of each column of row `index`, as `Analyzer.words(in:)` returned them.
    func columns(ofRow index: Int) -> [[AnalyzedWord]] {
        let row = rows[index]
        let words = tables[row.table]
        return row.columns.map { column in column.map { $0.analyzed(in: words) } }
    }
}
