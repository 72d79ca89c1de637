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
/// own vocabulary or to the dictionary of the article's language (a word it has only capitalised, which a surname
/// may be, or one it has only in lowercase that a customer wrote capitalised inside a sentence, which a first name
/// may be, from `minimumDictionarySessions` sessions on), come from at least `minimumSessions` sessions, and are not
/// blocked.
enum LearnedField {
    /// 1 session → 1, 2–3 → 2, 4–7 → 3, 8 and more → 4: many customers count more, but never as much as the
    /// author's title (the column's own weight and the ranking's saturation do the rest).
    static func weight(sessions: Int) -> Int { min(4, 1 + Int(log2(Double(max(1, sessions))))) }

    /// The column text: each word `weight` times, most sessions first.
    static func columnText(_ words: [LearnedWord]) -> String {
        // Appended in place, without an array of every repetition first.
        var text = ""
        for word in words {
            for _ in 0..<max(0, word.weight) {
                if !text.isEmpty { text.append(" ") }
                text.append(word.word)
            }
        }
        return text
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
            var readers: [Language: (reader: CustomerWordReader, tally: WordTally)] = [:]
            var mine: [String: [LearnedWord]] = [:]
            while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < work.count {
                let (article, outcomes) = work[index]
                let language = articles[article]!
                // Taken out while counting, so the tally's arrays are not copied on write.
                var (reader, tally) = readers.removeValue(forKey: language) ?? (CustomerWordReader(language: language), WordTally())
                let words = learn(outcomes.map { configuration.outcomes[$0] }, blocked: configuration.blocklist.blocked(for: article),
                                  reader: reader, tally: &tally, maximumWords: configuration.maximumWords) { folded in
                    if isCorpusWord(folded) { return .corpus }
                    switch dictionary.kind(of: folded, language: language) {
                    case .word: return .word
                    case .capitalized: return .capitalized
                    case nil: return .unknown
                    }
                } isLowercaseOnly: { dictionary.isLowercaseOnly($0, language: language) } accepts: { known, sessions in
                    guard sessions >= configuration.minimumSessions else { return false }
                    switch known {
                    case .corpus, .word: return true
                    case .capitalized: return sessions >= configuration.minimumDictionarySessions
                    case .unknown: return false
                    }
                }
                readers[language] = (reader, tally)
                if !words.isEmpty { mine[article] = words }
            }
            learned.withLock { $0.merge(mine) { first, _ in first } }
        }
        return learned.withLock { $0 }
    }

    /// One article's words: distinct sessions per folded word, kept when `accepts(what the word is, sessions)`; its
    /// most used typed form (ties: the first alphabetically) is what is shown and indexed.
    private static func learn(_ outcomes: [CustomerWords], blocked: Set<String>, reader: CustomerWordReader, tally: inout WordTally,
                              maximumWords: Int, classify: (String) -> WordTally.Known, isLowercaseOnly: (String) -> Bool,
                              accepts: (WordTally.Known, Int) -> Bool) -> [LearnedWord] {
        var sessionNumbers: [String: Int32] = [:]
        let numbered = outcomes.map { outcome in
            let session = sessionNumbers[outcome.session] ?? Int32(sessionNumbers.count)
            sessionNumbers[outcome.session] = session
            return (session: session, text: outcome.text)
        }
        // A session's outcomes one after another, so each word counts it once.
        let ordered = numbered.enumerated().sorted { ($0.element.session, $0.offset) < ($1.element.session, $1.offset) }.map(\.element)
        func isNameLike(_ word: Int32) -> Bool { [.unknown, .capitalized].contains(classify(reader.folded[Int(word)])) }
        for (session, text) in ordered {
            reader.read(text, isNameLike: isNameLike) { tally.count($0, session: session, mayBeName: $1) }
        }
        defer { tally.reset() }
        let forms = reader.forms, folded = reader.folded
        let blockedFolded = Set(blocked.compactMap { reader.fold($0) })
        let kept = tally.words { forms[Int($0)].typed < forms[Int($1)].typed }.compactMap { counted -> (word: LearnedWord, uses: Int)? in
            guard blockedFolded.isEmpty || !blockedFolded.contains(folded[Int(counted.word)]) else { return nil }
            var known = tally.known(counted.word) { classify(folded[Int(counted.word)]) }
            // "mein Kollege Max": a word no article uses that the dictionary has only in lowercase, written capitalised
            // inside a sentence, may be a name, so it needs the sessions a capitalised dictionary word needs. Words
            // of the articles are exempt, as for capitalised ones: `wngerman` keeps only the lowercase entry of a
            // noun that is also a verb form ("Vertrag"/"vertrag", "Gerät"), and "beim Kündigen" is a topic.
            if known == .word, tally.isWrittenAsName(counted.word), isLowercaseOnly(folded[Int(counted.word)]) { known = .capitalized }
            guard accepts(known, counted.sessions) else { return nil }
            let sessions = counted.sessions
            return (LearnedWord(word: forms[Int(counted.form)].typed, weight: weight(sessions: sessions), sessions: sessions), counted.uses)
        }
        // Most sessions, then most uses, then alphabetically, as far as `maximumWords`. Most of an article's words tie
        // on one session and one use, and most articles keep fewer than they have: their numbers are sorted by the
        // counts, and words are compared only within the runs of equal counts that reach into the first
        // `maximumWords` (the last run only as far as needed). Comparing every word was most of the sort, and the
        // sort a tenth of learning.
        let counts = kept.map { word in
            UInt64(UInt32.max - UInt32(clamping: word.word.sessions)) << 32 | UInt64(UInt32.max - UInt32(clamping: word.uses))
        }
        let byCounts = kept.indices.sorted { counts[$0] < counts[$1] }
        var order: [Int] = []
        var start = 0
        while start < byCounts.count, order.count < maximumWords {
            var end = start + 1
            while end < byCounts.count, counts[byCounts[end]] == counts[byCounts[start]] { end += 1 }
            order += first(maximumWords - order.count, of: byCounts[start..<end]) { kept[$0].word.word < kept[$1].word.word }
            start = end
        }
        return order.map { kept[$0].word }
    }

    /// The first `count` of `elements` as `isBefore` orders them, in that order.
    static func first(_ count: Int, of elements: ArraySlice<Int>, by isBefore: (Int, Int) -> Bool) -> [Int] {
        guard count < elements.count else { return elements.sorted(by: isBefore) }
        guard count > 0 else { return [] }
        var best = elements.prefix(count).sorted(by: isBefore)
        for element in elements.dropFirst(count) where isBefore(element, best[count - 1]) {
            // Where it goes: after every kept one before it.
            var low = 0, high = count - 1
            while low < high {
                let middle = (low + high) / 2
                if isBefore(best[middle], element) { low = middle + 1 } else { high = middle }
            }
            best.removeLast()
            best.insert(element, at: low)
        }
        return best
    }
}
