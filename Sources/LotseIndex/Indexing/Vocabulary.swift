import Foundation
import LotseAnalysis
import Synchronization

/// Corpus statistics of folded words: document and collection frequency. German words seen at least
/// `minimumCompoundFrequency` times form the compound dictionary. `spellings`: the articles' most frequent spelling
/// of a folded word, where it is not the folded word itself ("kundigung" → "kündigung"), so the encoder can read a
/// customer's "Kundigung" or "Kuendigung" as the articles write it.
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
    private(set) var spellings: [String: String] = [:]

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
        vocabulary.spellings = Self.spellings(partials)
        return (vocabulary, RowWords(rowCount: rows.count, counters: partials))
    }

    private mutating func merge(_ counter: WordCounter) {
        for (id, word) in counter.words.enumerated() {
            terms[word, default: Counts()].add(counter.counts[id])
            if counter.germanCounts[id] > 0 { germanCounts[word, default: 0] += counter.germanCounts[id] }
        }
    }

    /// Per folded word whose spellings (lower-cased) are not all the folded word, the most frequent one (ties: the
    /// first in code point order, so every build of the same articles agrees); only those that differ are kept.
    private static func spellings(_ counters: [WordCounter]) -> [String: String] {
        var differing: Set<String> = []
        for counter in counters {
            counter.forEachSpelling { folded, lowercased, _ in
                if lowercased != folded { differing.insert(folded) }
            }
        }
        var counts: [String: [String: Int]] = [:]
        for counter in counters {
            counter.forEachSpelling { folded, lowercased, count in
                if differing.contains(folded) { counts[folded, default: [:]][lowercased, default: 0] += count }
            }
        }
        var spellings: [String: String] = [:]
        for (folded, spelled) in counts {
            let best = spelled.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            if best != folded { spellings[folded] = best }
        }
        return spellings
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
/// number, and the rows it read. A word occurrence costs one lookup of its bytes: raw word → number, per language
/// (folding differs by language), without making a `String` (a 10k build reads 6.6 M words, 150,000 of them
/// distinct); only a raw word seen the first time is folded and its folded form looked up.
struct WordCounter: Sendable {
    private var ids: [String: UInt32] = [:]
    /// Raw word (its bytes) → its number in `rawWords`, per language.
    private var rawIDsByLanguage: [Language: PieceMemo<UInt32>] = [:]
    /// Each raw word (as written), its folded word's number and its occurrences.
    private var rawWords: [(text: String, id: UInt32, count: Int)] = []
    private(set) var words: [String] = []
    private(set) var counts: [Vocabulary.Counts] = []
    private(set) var germanCounts: [Int] = []
    /// The last row each word was counted in, so a row counts once towards a word's document frequency.
    private var lastRow: [Int] = []
    private(set) var rows: [(index: Int, columns: [[StoredWord]])] = []
    /// Reused per column, so each column's words are copied once into an array of their exact size instead of
    /// growing one array per column step by step (reallocation and fresh pages).
    private var scratch: [StoredWord] = []

    mutating func add(_ row: IndexedRow, at index: Int, analyzer: Analyzer) {
        analyzer.language = row.language
        var known = rawIDsByLanguage.removeValue(forKey: row.language) ?? PieceMemo()
        var columns: [[StoredWord]] = []
        columns.reserveCapacity(row.columns.count)
        for field in row.columns {
            var field = field
            scratch.removeAll(keepingCapacity: true)
            field.withUTF8 { text in
                analyzer.forEachWord(in: text) { raw, start, end, joined in
                    let rawID: Int
                    if let seen = known.values(of: raw)?.first {
                        rawID = Int(seen)
                    } else {
                        rawID = rawWords.count
                        rawWords.append((String(decoding: raw, as: UTF8.self), number(analyzer.foldedWord(raw)), 0))
                        known.insert(raw, [UInt32(rawID)])
                    }
                    rawWords[rawID].count += 1
                    let id = rawWords[rawID].id
                    count(Int(id), row: index, german: row.language == .de)
                    scratch.append(StoredWord(id: id, start: start, end: end, joinedToPrevious: joined))
                }
            }
            columns.append(Array(scratch))
        }
        rawIDsByLanguage[row.language] = known
        rows.append((index, columns))
    }

    /// Calls `body(folded, lowercased, occurrences)` for every raw word this worker read.
    func forEachSpelling(_ body: (String, String, Int) -> Void) {
        for raw in rawWords {
            // Most words are written lower-case ASCII already: no copy for them.
            let plain = raw.text.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
            body(words[Int(raw.id)], plain ? raw.text : raw.text.lowercased(), raw.count)
        }
    }

    private mutating func count(_ id: Int, row index: Int, german: Bool) {
        if lastRow[id] != index {
            lastRow[id] = index
            counts[id].documents += 1
        }
        counts[id].occurrences += 1
        if german { germanCounts[id] += 1 }
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

/// A word of a row in 12 bytes instead of an `AnalyzedWord`'s 40 plus its string: a build keeps every word of every row.
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

    /// The word's number in its worker's table.
    var id: Int { Int(idAndJoin & ~Self.joinedBit) }

    func analyzed(in words: [String]) -> AnalyzedWord {
        AnalyzedWord(folded: words[id], start: Int(start), end: Int(end), joinedToPrevious: idAndJoin & Self.joinedBit != 0)
    }
}

/// The words the vocabulary pass found in each row, by row index and column.
struct RowWords: Sendable {
    /// Each worker's folded words by number.
    let tables: [[String]]
    private let rows: [(table: Int, columns: [[StoredWord]])]

    init(rowCount: Int, counters: [WordCounter]) {
        var rows = [(table: Int, columns: [[StoredWord]])](repeating: (0, []), count: rowCount)
        for (table, counter) in counters.enumerated() {
            for row in counter.rows { rows[row.index] = (table, row.columns) }
        }
        tables = counters.map(\.words)
        self.rows = rows
    }

    /// The words of each column of row `index` and the table (index into `tables`) that numbers them.
    func row(_ index: Int) -> (table: Int, columns: [[StoredWord]]) { rows[index] }
}

/// The variants (`Analyzer.variants(of:)`) of the vocabulary pass's numbered words, kept per language by table and
/// number, so an analysis worker looks them up by index instead of hashing the folded word. A word first met in
/// one table is looked up by its text in the others (every worker's table holds most words): stemming and
/// compound splitting run once per word, not once per table.
struct NumberedVariants {
    private let tables: [[String]]
    private var language: Language?
    private var current: [[[String]?]] = []
    private var currentByWord: [String: [String]] = [:]
    private var others: [Language: (numbered: [[[String]?]], byWord: [String: [String]])] = [:]

    init(_ words: RowWords) { tables = words.tables }

    /// Switches to the variants of `language`, which must be the analyzer's language from now on.
    mutating func select(_ language: Language) {
        guard language != self.language else { return }
        if let previous = self.language { others[previous] = (current, currentByWord) }
        let kept = others.removeValue(forKey: language)
        current = kept?.numbered ?? tables.map { [[String]?](repeating: nil, count: $0.count) }
        currentByWord = kept?.byWord ?? [:]
        self.language = language
    }

    mutating func variants(of word: StoredWord, table: Int, analyzer: Analyzer) -> [String] {
        if let known = current[table][word.id] { return known }
        let folded = tables[table][word.id]
        let variants: [String]
        if let known = currentByWord[folded] {
            variants = known
        } else {
            variants = analyzer.variants(of: folded)
            currentByWord[folded] = variants
        }
        current[table][word.id] = variants
        return variants
    }
}
