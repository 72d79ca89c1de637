import Foundation

extension SearchEngine {
    /// "Themen ohne Artikel": `texts` (newest first) of the `days` before `now` grouped into topics with the index's
    /// compound dictionary and article titles. With a semantic model, topics whose example texts mean nearly the same
    /// are joined as well (`TopicGrouping.mergedByMeaning`).
    public func contentGaps(_ texts: [GapText], days: Int, now: Date = Date()) async throws -> GapReport {
        let titles = Dictionary(try await articleTitles().map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return GapReport(texts: texts, days: days, now: now, compoundDictionary: statistics.compoundDictionary, titles: titles) {
            topics, examples in
            guard let semantic else { return topics }
            let vectors = examples.enumerated().map { index, texts in
                index < TopicGrouping.meaningTopics ? TopicGrouping.centroid(texts.map { semantic.embedding(of: $0, draft: false) }) : nil
            }
            return TopicGrouping.mergedByMeaning(topics, vectors: vectors)
        }
    }
}
