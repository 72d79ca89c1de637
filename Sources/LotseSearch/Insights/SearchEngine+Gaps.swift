import Foundation

extension SearchEngine {
    /// "Themen ohne Artikel": `texts` (newest first) of the `days` before `now` grouped into topics with the index's
    /// compound dictionary and article titles. With a semantic model, topics whose example texts mean nearly the same
    /// are joined as well (`TopicGrouping.mergedByMeaning`).
    public func contentGaps(_ texts: [GapText], days: Int, now: Date = Date()) async throws -> GapReport {
        let titles = Dictionary(try await articleTitles().map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        // Not through the ranking's cache: a report's few example texts are encoded once and the report is reused.
        let merge = semantic.map { semantic in
            TopicGrouping.meaningMerge { semantic.model.embed($0, maxPieces: semantic.parameters.shortPieces) }
        }
        return GapReport(texts: texts, days: days, now: now, compoundDictionary: statistics.compoundDictionary, titles: titles,
                         merge: merge ?? { topics, _ in topics })
    }
}
