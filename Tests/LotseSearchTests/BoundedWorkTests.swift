import LotseAnalysis
import Testing
@testable import LotseSearch

#if canImport(Glibc)
import Glibc
#endif

/// Whatever a request sends, planning it costs bounded CPU: query words are capped before typo correction and
/// compound splitting, overlong words are matched as they are, and corrections are look-ups, not scans. Measured
/// against a 100,000-word vocabulary (the size of the benchmarks' 10k corpus). The limit is generous (a debug
/// build is 10–40× slower than release); `lotse-bench` measures the release build against the 50 ms goal.
@Suite struct BoundedWorkTests {
    static let index: (statistics: IndexStatistics, corrector: TypoCorrector) = {
        var random = SeededRandom(seed: 99)
        let words = random.vocabulary(count: 100_000, letters: "abcdefghiklmnoprstuwzäöü", lengths: 3...16, maximumFrequency: 200)
        let statistics = IndexStatistics(documentCount: 10_000, documentFrequency: TermCounts(words.map { ($0.key, $0.value) }),
                                         compoundDictionary: words.filter { $0.key.count >= 3 && $0.value > 20 },
                                         languages: [.de], categories: [:], categoriesByLanguage: [:], analyzerVersion: "test")
        return (statistics, TypoCorrector(vocabulary: words))
    }()

    static var planner: QueryPlanner {
        QueryPlanner(statistics: index.statistics, synonyms: Synonyms(text: "", analyzer: Analyzer()), corrector: index.corrector)
    }

    static func randomWords(characters: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyzäöüß".unicodeScalars)
        var text = ""
        while text.unicodeScalars.count < characters {
            text += String(String.UnicodeScalarView((0..<10).map { _ in letters.randomElement(using: &random)! })) + " "
        }
        return text
    }

    static func cpuSeconds(_ body: () -> Void) -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    enum HostileText: String, CaseIterable {
        case randomWords = "20,000 characters of random words"
        case oneLongWord = "one 20,000-letter word"
        case repeatedTypo = "20,000 characters of one repeated typo"

        var text: String {
            switch self {
            case .randomWords: BoundedWorkTests.randomWords(characters: 20_000, seed: 1)
            case .oneLongWord: String(repeating: "kundennummer", count: 1_667)
            case .repeatedTypo: String(repeating: "Kundennumer ", count: 1_667)
            }
        }
    }

    @Test(arguments: HostileText.allCases)
    func hostileTextCostsBoundedCPU(_ hostile: HostileText) {
        let (name, text) = (hostile.rawValue, hostile.text)
        let planner = Self.planner
        _ = planner.concepts(query: "warm up", prefixLastWord: true)
        var drafts: [Concept] = [], queries: [Concept] = []
        let draft = Self.cpuSeconds { drafts = planner.concepts(subject: "Hilfe", description: text, prefixLastWord: true) }
        let query = Self.cpuSeconds { queries = planner.concepts(query: text, prefixLastWord: true) }
        print(String(format: "%@: draft %.1f ms, search %.1f ms of CPU", name, draft * 1000, query * 1000))
        #expect(drafts.count <= 2 * QueryPlanner.draftConceptLimit, "matched and unmatched concepts, each capped")
        #expect(queries.count <= QueryPlanner.conceptLimit)
        #expect(draft < 2, "\(name): planning the draft took \(draft) s of CPU")
        #expect(query < 2, "\(name): planning the query took \(query) s of CPU")
    }

    @Test func queryWordsLongerThanTheIndexLimitAreMatchedAsTheyAre() {
        let word = String(repeating: "ab", count: 40)
        let concepts = Self.planner.concepts(query: "Rechnung " + word, prefixLastWord: false)
        #expect(!concepts.contains { $0.word == word }, "an overlong word the index does not hold adds no concept")
    }
}
