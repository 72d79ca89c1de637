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
            var readers: [Language: CustomerWordReader] = [:]
            var mine: [String: [LearnedWord]] = [:]
            while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < work.count {
                let (article, outcomes) = work[index]
                let language = articles[article]!
                let reader = readers[language] ?? CustomerWordReader(language: language)
                readers[language] = reader
                let words = learn(outcomes.map { configuration.outcomes[$0] }, blocked: configuration.blocklist.blocked(for: article),
                                  reader: reader, maximumWords: configuration.maximumWords) { folded, sessions in
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

    /// In how many sessions one article's outcomes used a word (`session` is the last one counted).
    private struct Sessions {
        var count = 0, last = -1
    }

    /// One article's words: distinct sessions per folded word, kept when `accepts(folded, sessions)`; its most
    /// used typed form (ties: the first alphabetically) is what is shown and indexed.
    private static func learn(_ outcomes: [CustomerWords], blocked: Set<String>, reader: CustomerWordReader, maximumWords: Int,
                              accepts: (String, Int) -> Bool) -> [LearnedWord] {
        let blockedFolded = Set(blocked.compactMap { reader.fold($0) })
        var sessionNumbers: [String: Int] = [:]
        let numbered = outcomes.map { outcome in
            let session = sessionNumbers[outcome.session] ?? sessionNumbers.count
            sessionNumbers[outcome.session] = session
            return (session: session, text: outcome.text)
        }
        // A session's outcomes one after another, so each word counts it once.
        let ordered = numbered.enumerated().sorted { ($0.element.session, $0.offset) < ($1.element.session, $1.offset) }.map(\.element)
        var sessions: [Int32: Sessions] = [:]
        var uses: [Int32: Int] = [:]
        for (session, text) in ordered {
            reader.forms(in: text) { form in
                uses[form, default: 0] += 1
                let word = reader.forms[Int(form)].word
                var counted = sessions[word] ?? Sessions()
                if counted.last != session {
                    (counted.count, counted.last) = (counted.count + 1, session)
                    sessions[word] = counted
                }
            }
        }
        var best: [Int32: (form: String, formUses: Int, uses: Int)] = [:]
        for (form, count) in uses {
            let (word, typed) = (reader.forms[Int(form)].word, reader.forms[Int(form)].typed)
            guard let current = best[word] else {
                best[word] = (typed, count, count)
                continue
            }
            let wins = (count, current.form) > (current.formUses, typed)
            best[word] = (wins ? typed : current.form, wins ? count : current.formUses, current.uses + count)
        }
        let kept = best.compactMap { word, chosen -> (word: LearnedWord, uses: Int)? in
            let folded = reader.folded[Int(word)], count = sessions[word]!.count
            guard !blockedFolded.contains(folded), accepts(folded, count) else { return nil }
            return (LearnedWord(word: chosen.form, weight: weight(sessions: count), sessions: count), chosen.uses)
        }
        return kept.sorted { ($0.word.sessions, $0.uses, $1.word.word) > ($1.word.sessions, $1.uses, $0.word.word) }
            .prefix(maximumWords).map(\.word)
    }
}
