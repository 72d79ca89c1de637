import Foundation
import LotseAnalysis
import Synchronization

/// One word an article learned: as customers typed it (lowercased), its weight (how often it stands in the
/// learned column), and from how many distinct sessions it came.
public struct LearnedWord: Sendable, Equatable, Codable {
    public var word: String
    public var weight: Int
    public var sessions: Int

    public init(word: String, weight: Int, sessions: Int) {
        self.word = word
        self.weight = weight
        self.sessions = sessions
    }
}

/// What one article learned, as `lotse learned --json` and the admin API print it.
public struct LearnedWords: Sendable, Equatable, Codable {
    public var articleId: String
    public var words: [LearnedWord]

    public init(articleId: String, words: [LearnedWord]) {
        self.articleId = articleId
        self.words = words
    }
}

/// The learned column: per article, the words of its outcomes that pass `PrivacyFilter`, are known to the articles'
/// own vocabulary or to a dictionary (a word the dictionaries have only capitalised, which a surname may be, from
/// `minimumDictionarySessions` sessions on), come from at least `minimumSessions` sessions, and are not blocked.
enum LearnedField {
    /// 1 session → 1, 2–3 → 2, 4–7 → 3, 8 and more → 4: many customers count more, but never as much as the
    /// author's title (the column's own weight and the ranking's saturation do the rest).
    static func weight(sessions: Int) -> Int { min(4, 1 + Int(log2(Double(max(1, sessions))))) }

    /// Words an article keeps, most sessions (then uses) first: the long tail of one-session words adds little
    /// but indexing time (BENCHMARKS.md, "Learning from outcomes").
    static let maximumWords = 64

    /// The column text: each word `weight` times, most sessions first.
    static func columnText(_ words: [LearnedWord]) -> String {
        words.flatMap { Array(repeating: $0.word, count: $0.weight) }.joined(separator: " ")
    }

    /// Learned words by article id for `articles` (id → language), on all cores (an article per step).
    static func learn(_ configuration: LearningConfiguration, articles: [String: Language], isCorpusWord: @Sendable (String) -> Bool,
                      dictionary: WordList) -> [String: [LearnedWord]] {
        var outcomesByArticle: [String: [Int]] = [:]
        for (index, outcome) in configuration.outcomes.enumerated() where articles[outcome.articleID] != nil {
            outcomesByArticle[outcome.articleID, default: []].append(index)
        }
        let work = Array(outcomesByArticle)
        let learned = Mutex<[String: [LearnedWord]]>([:])
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            var analyzers: [Language: Analyzer] = [:]
            var mine: [String: [LearnedWord]] = [:]
            while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < work.count {
                let (article, outcomes) = work[index]
                let language = articles[article]!
                let analyzer = analyzers[language] ?? Analyzer(language: language)
                analyzers[language] = analyzer
                let words = learn(outcomes.map { configuration.outcomes[$0] }, blocked: configuration.blocklist.blocked(for: article),
                                  analyzer: analyzer) { folded, sessions in
                    guard sessions >= configuration.minimumSessions else { return false }
                    if isCorpusWord(folded) { return true }
                    switch dictionary.kind(of: folded) {
                    case .word: return true
                    case .capitalized: return sessions >= configuration.minimumDictionarySessions
                    case nil: return false
                    }
                }
                if !words.isEmpty { mine[article] = words }
            }
            learned.withLock { $0.merge(mine) { first, _ in first } }
        }
        return learned.withLock { $0 }
    }

    /// One article's words: distinct sessions per folded word, kept when `accepts(folded, sessions)`.
    private static func learn(_ outcomes: [CustomerWords], blocked: Set<String>, analyzer: Analyzer,
                              accepts: (String, Int) -> Bool) -> [LearnedWord] {
        let blockedFolded = Set(blocked.compactMap { analyzer.fold($0) })
        var sessionNumbers: [String: Int] = [:]
        var sessions: [String: Set<Int>] = [:]
        var forms: [String: [String: Int]] = [:]
        for outcome in outcomes {
            let session = sessionNumbers[outcome.session] ?? sessionNumbers.count
            sessionNumbers[outcome.session] = session
            PrivacyFilter.words(in: outcome.text, analyzer: analyzer) { folded, typed in
                guard !blockedFolded.contains(folded) else { return }
                sessions[folded, default: []].insert(session)
                forms[folded, default: [:]][typed, default: 0] += 1
            }
        }
        let kept = sessions.compactMap { folded, sessions -> (word: LearnedWord, uses: Int)? in
            guard accepts(folded, sessions.count), let typed = forms[folded],
                  let form = typed.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
            return (LearnedWord(word: form, weight: weight(sessions: sessions.count), sessions: sessions.count), typed.values.reduce(0, +))
        }
        return kept.sorted { ($0.word.sessions, $0.uses, $1.word.word) > ($1.word.sessions, $1.uses, $0.word.word) }
            .prefix(maximumWords).map(\.word)
    }
}
