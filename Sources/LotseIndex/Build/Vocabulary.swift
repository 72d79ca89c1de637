import LotseAnalysis

/// Corpus statistics of folded words: document and collection frequency. German words seen at least
/// `minimumCompoundFrequency` times form the compound dictionary.
struct Vocabulary {
    struct Counts {
        var documents = 0
        var occurrences = 0
    }

    private(set) var terms: [String: Counts] = [:]
    private(set) var germanCounts: [String: Int] = [:]

    static let minimumCompoundFrequency = 2

    /// Counts the words of one article's searchable fields.
    mutating func add(_ fields: [String], language: Language, analyzer: Analyzer) {
        analyzer.language = language
        var seen: Set<String> = []
        for field in fields {
            for word in analyzer.words(in: field) {
                terms[word.folded, default: Counts()].occurrences += 1
                if seen.insert(word.folded).inserted { terms[word.folded, default: Counts()].documents += 1 }
                if language == .de { germanCounts[word.folded, default: 0] += 1 }
            }
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
