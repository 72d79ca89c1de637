import Foundation
import LotseAnalysis
import Synchronization

/// Corpus statistics of folded words: document and collection frequency. German words seen at least
/// `minimumCompoundFrequency` times form the compound dictionary.
struct Vocabulary {
    struct Counts {
        var documents = 0
        var occurrences = 0

        mutating func add(_ count: Int) {
            documents += 1
            occurrences += count
        }
    }

    private(set) var terms: [String: Counts] = [:]
    private(set) var germanCounts: [String: Int] = [:]

    static let minimumCompoundFrequency = 2

    /// Counts the words of one article's searchable fields: per article first (one hash lookup per word),
    /// then one update per distinct word.
    mutating func add(_ fields: [String], language: Language, analyzer: Analyzer) {
        analyzer.language = language
        var local: [String: Int] = [:]
        for field in fields {
            for word in analyzer.words(in: field) { local[word.folded, default: 0] += 1 }
        }
        for (word, count) in local {
            terms[word, default: Counts()].add(count)
            if language == .de { germanCounts[word, default: 0] += count }
        }
    }

    /// The vocabulary of `rows`, counted on all cores (one analyzer per worker, partial counts added up).
    static func counting(_ rows: [IndexedRow]) -> Vocabulary {
        let partials = Mutex<[Vocabulary]>([])
        let nextRow = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            let analyzer = Analyzer()
            var vocabulary = Vocabulary()
            while case let index = nextRow.wrappingAdd(1, ordering: .relaxed).oldValue, index < rows.count {
                vocabulary.add(rows[index].columns, language: rows[index].language, analyzer: analyzer)
            }
            partials.withLock { $0.append(vocabulary) }
        }
        return partials.withLock { $0 }.reduce(into: Vocabulary()) { $0.merge($1) }
    }

    private mutating func merge(_ other: Vocabulary) {
        terms.merge(other.terms) { Counts(documents: $0.documents + $1.documents, occurrences: $0.occurrences + $1.occurrences) }
        germanCounts.merge(other.germanCounts, uniquingKeysWith: +)
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
