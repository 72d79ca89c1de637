import Foundation

/// A stage of the deflection funnel a session can reach (`session_stages`, `stage_counts`).
public enum FunnelStage: String, Sendable, CaseIterable {
    /// Shown suggestions or results (the query log's articles).
    case shown
    /// Opened an article from them (`POST /api/v1/articles/{id}/views`).
    case opened
    /// Marked one "gelöst" (a deflection).
    case solved
}

/// The `session_stages` rows a batch of events may add: per session, article and stage the earliest time, once for
/// the article and once for the session as a whole (article ''). Sessionless events count for no session. Sorted by
/// key, so two instances writing overlapping batches lock rows in the same order.
struct StageMarks {
    struct Mark: Hashable, Comparable {
        let session: String, article: String, stage: String

        static func < (a: Mark, b: Mark) -> Bool { (a.session, a.article, a.stage) < (b.session, b.article, b.stage) }
    }

    private(set) var marks: [(mark: Mark, time: Date)] = []

    /// One event: `session` reached `stage` with `article` at `time`.
    init(session: String?, article: String, stage: FunnelStage, time: Date) {
        self.init([(session, article, stage, time)])
    }

    /// Every article shown to a session in a query-log batch.
    init(shown entries: [QueryLogEntry]) {
        self.init(entries.flatMap { entry in entry.articleIDs.map { (entry.session, $0, FunnelStage.shown, entry.time) } })
    }

    private init(_ events: [(String?, String, FunnelStage, Date)]) {
        var earliest: [Mark: Date] = [:]
        for (session, article, stage, time) in events {
            guard let session, !session.isEmpty else { continue }
            for article in [article, ""] {
                let mark = Mark(session: session, article: article, stage: stage.rawValue)
                earliest[mark] = min(earliest[mark] ?? time, time)
            }
        }
        marks = earliest.sorted { $0.key < $1.key }.map { (mark: $0.key, time: $0.value) }
    }

    var isEmpty: Bool { marks.isEmpty }

    /// The UTC day number (days since 1970) the stores use for `day` columns.
    static func day(_ time: Date) -> Int { Int((time.timeIntervalSince1970 / 86_400).rounded(.down)) }
}
