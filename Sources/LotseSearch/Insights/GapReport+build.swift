import Foundation
import LotseAnalysis
import LotseIndex

extension GapReport {
    /// Groups `texts` (newest first) of the `days` before `now` into topics; `titles` names the shown articles,
    /// `merge` may join topics further (by meaning, `SearchEngine.contentGaps`).
    init(texts: [GapText], days: Int, now: Date, compoundDictionary: [String: Int], titles: [String: String],
         merge: (_ topics: [[Int]], _ examples: [[String]]) -> [[Int]] = { topics, _ in topics }) {
        self.days = days
        from = Self.day(now.addingTimeInterval(-Double(days) * 86_400))
        to = Self.day(now)
        inputs = texts.count
        let grouping = GapGrouping(texts: texts.map(\.text), compoundDictionary: compoundDictionary)
        let merged = merge(grouping.topics, grouping.topics.map { $0.prefix(Self.maximumExamples).map { grouping.cleaned[$0] } })
        let builder = TopicBuilder(texts: texts, grouping: grouping, titles: titles, now: now, days: days)
        topics = merged.compactMap(builder.topic)
            .sorted { ($1.score, $1.size, $0.label) < ($0.score, $0.size, $1.label) }
            .prefix(Self.maximumTopics).map { $0 }
    }

    static func day(_ date: Date) -> String { String(date.formatted(.iso8601).prefix(10)) }
}

/// Texts grouped into topics (`TopicGrouping`): distinct texts (case and spacing aside, greetings and signatures
/// removed) are analysed once, and `occurrences` keeps which inputs each stands for.
struct GapGrouping {
    private(set) var cleaned: [String] = []
    private(set) var occurrences: [[Int]] = []
    let terms: TopicTerms
    /// Per topic, its distinct texts.
    let topics: [[Int]]

    init(texts: [String], compoundDictionary: [String: Int]) {
        var distinct: [String: Int] = [:]
        // The same query is logged again and again (and typed prefixes repeat): each exact text is cleaned once.
        var seen: [String: Int] = [:]
        for (index, text) in texts.enumerated() {
            if let known = seen[text] {
                occurrences[known].append(index)
                continue
            }
            let clean = DraftCleaner.clean(text)
            let key = Self.key(clean)
            if let known = distinct[key] {
                occurrences[known].append(index)
                seen[text] = known
            } else {
                distinct[key] = occurrences.count
                seen[text] = occurrences.count
                occurrences.append([index])
                cleaned.append(clean)
            }
        }
        let counts = occurrences.map(\.count)
        terms = TopicTerms(texts: cleaned, counts: counts, compoundDictionary: compoundDictionary)
        topics = TopicGrouping(terms: terms, counts: counts).topics
    }

    /// Lower case, runs of white space as one space, none at either end: texts that differ only so are one text.
    static func key(_ text: String) -> String {
        var key = String.UnicodeScalarView(), space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isWhitespace {
                space = !key.isEmpty
                continue
            }
            if space { key.append(" ") }
            space = false
            key.append(scalar)
        }
        return String(key)
    }

    /// The inputs (indices into the texts) of one topic.
    func inputs(_ topic: [Int]) -> [Int] { topic.flatMap { occurrences[$0] } }
}

/// One group of distinct texts to a `GapReport.Topic`.
private struct TopicBuilder {
    let texts: [GapText]
    let grouping: GapGrouping
    var cleaned: [String] { grouping.cleaned }
    var occurrences: [[Int]] { grouping.occurrences }
    var terms: TopicTerms { grouping.terms }
    let titles: [String: String]
    let now: Date
    let days: Int

    func topic(_ members: [Int]) -> GapReport.Topic? {
        let inputs = grouping.inputs(members)
        guard inputs.count >= GapReport.minimumSize, let last = inputs.map({ texts[$0].time }).max() else { return nil }
        let labelTerms = label(members)
        let age = max(0, now.timeIntervalSince(last)) / 86_400
        return GapReport.Topic(
            label: labelTerms.joined(separator: " "), terms: labelTerms, size: inputs.count, trend: trend(inputs),
            lastSeen: last.formatted(.iso8601), examples: examples(members), shownArticles: shownArticles(inputs),
            score: (Double(inputs.count) * pow(0.5, age / GapReport.recencyHalfLife) * 1_000).rounded() / 1_000)
    }

    /// The 1–3 terms most texts of the topic share (at least half of them; the heaviest by share × weight first),
    /// each in its most frequent spelling, in the order the texts write them.
    private func label(_ members: [Int]) -> [String] {
        var share: [String: Int] = [:], spellings: [String: [String: Int]] = [:], position: [String: Double] = [:]
        for member in members {
            let text = terms.texts[member], count = occurrences[member].count
            for (index, term) in text.terms.enumerated() {
                share[term, default: 0] += count
                spellings[term, default: [:]][text.surfaces[term] ?? term, default: 0] += count
                position[term, default: 0] += Double(index * count)
            }
        }
        let size = members.reduce(0) { $0 + occurrences[$1].count }
        let ranked = share.map { (term: $0.key, value: Double($0.value) * terms.weight($0.key)) }
            .sorted { ($1.value, $0.term) < ($0.value, $1.term) }
        let common = ranked.filter { 2 * share[$0.term]! >= size }.prefix(3)
        let chosen = (common.isEmpty ? ranked.prefix(1) : common).map(\.term)
            .sorted { (position[$0]! / Double(share[$0]!), $0) < (position[$1]! / Double(share[$1]!), $1) }
        return chosen.map { term in spellings[term]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
    }

    /// Texts per week, oldest first; the last week ends now, the first may be shorter.
    private func trend(_ inputs: [Int]) -> [Int] {
        let weeks = max(1, (days + 6) / 7)
        var trend = Array(repeating: 0, count: weeks)
        for input in inputs {
            let weeksAgo = Int(max(0, now.timeIntervalSince(texts[input].time)) / (7 * 86_400))
            trend[max(0, weeks - 1 - weeksAgo)] += 1
        }
        return trend
    }

    /// The most frequent distinct texts (then the newest), masked and cut.
    private func examples(_ members: [Int]) -> [String] {
        let ordered = members.sorted { a, b in
            (occurrences[b].count, occurrences[a].first!) < (occurrences[a].count, occurrences[b].first!)
        }
        var seen = Set<String>()
        var examples: [String] = []
        for member in ordered where examples.count < GapReport.maximumExamples {
            let masked = PersonalDataMask.masked(cleaned[member], maximumCharacters: GapReport.maximumExampleCharacters)
            if !masked.isEmpty, seen.insert(masked.lowercased()).inserted { examples.append(masked) }
        }
        return examples
    }

    private func shownArticles(_ inputs: [Int]) -> [GapReport.ShownArticle] {
        var counts: [String: Int] = [:]
        for input in inputs {
            for article in texts[input].unhelpfulArticles { counts[article, default: 0] += 1 }
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(GapReport.maximumShownArticles)
            .map { GapReport.ShownArticle(id: $0.key, title: titles[$0.key] ?? $0.key, count: $0.value) }
    }
}
