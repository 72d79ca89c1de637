import Foundation

/// The (session, article, day) rows of a query-log batch, merged per key and sorted by key: both stores write one
/// upsert per row, not one per shown article (a session typing a query is shown the same articles again and again).
struct SuggestionRows {
    private(set) var sessions: [String] = [], articles: [String] = [], days: [Int32] = []
    private(set) var firstTimes: [Date] = [], lastTimes: [Date] = []

    var isEmpty: Bool { sessions.isEmpty }

    init(_ entries: [QueryLogEntry]) {
        struct Key: Hashable, Comparable {
            let session: String, article: String, day: Int32
            static func < (a: Key, b: Key) -> Bool { (a.session, a.article, a.day) < (b.session, b.article, b.day) }
        }
        var spans: [Key: (first: Date, last: Date)] = [:]
        for entry in entries {
            for article in entry.articleIDs {
                let key = Key(session: entry.session ?? "", article: article, day: Int32(entry.time.timeIntervalSince1970 / 86_400))
                let span = spans[key]
                spans[key] = (min(span?.first ?? entry.time, entry.time), max(span?.last ?? entry.time, entry.time))
            }
        }
        for (key, span) in spans.sorted(by: { $0.key < $1.key }) {
            sessions.append(key.session)
            articles.append(key.article)
            days.append(key.day)
            firstTimes.append(span.first)
            lastTimes.append(span.last)
        }
    }
}
