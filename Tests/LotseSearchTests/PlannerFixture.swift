import LotseAnalysis
@testable import LotseSearch

extension QueryPlanner {
    /// A planner over a made-up index of 200 articles whose words (folded, stemmed here) have these document frequencies.
    static func fixture(frequencies: [String: Int]) -> QueryPlanner {
        let analyzer = Analyzer()
        let words = Dictionary(uniqueKeysWithValues: frequencies.map { (analyzer.stem($0.key), $0.value) })
        let statistics = IndexStatistics(documentCount: 200, documentFrequency: TermCounts(words.map { ($0.key, $0.value) }),
                                         compoundDictionary: [:], languages: [.de], categories: [:], categoriesByLanguage: [:],
                                         analyzerVersion: "test")
        return QueryPlanner(statistics: statistics, synonyms: Synonyms(text: "", analyzer: Analyzer()),
                            corrector: TypoCorrector(vocabulary: words))
    }
}
