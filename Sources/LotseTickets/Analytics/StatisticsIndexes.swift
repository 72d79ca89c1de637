/// Migration "v5 statistics indexes" for both stores: what `activity(since:)` (`GET /api/v1/admin/stats`, `lotse
/// stats`) and the content-gap read (`gapInputs`) need so they no longer read the rows of a month's query log and
/// tickets (1.1–1.9 s at 1,000,000 query-log rows, BENCHMARKS.md "Dashboard").
///
/// - `query_log_zero_results`: the zero-result queries of a window from the index alone (grouped by query), and
///   the newest of them for the gaps without stepping over the queries that found something.
/// - `tickets_after_suggestions`: tickets after suggestions counted from the index, and the newest read directly.
/// - `suggestions_articles`: whether an article was suggested since a time is one index probe per article
///   (`suggestedSince`), instead of a distinct over every suggestion of the window.
/// - `deflections_articles`: deflections per article counted from the index.
enum StatisticsIndexes {
    static func statements(suggested: String, zeroResultColumns: String) -> [String] {
        [
            "CREATE INDEX query_log_zero_results ON query_log(\(zeroResultColumns)) WHERE result_count = 0 AND query <> ''",
            "CREATE INDEX tickets_after_suggestions ON tickets(created_at) WHERE \(suggested)",
            "CREATE INDEX suggestions_articles ON suggestions(article_id, last_at)",
            "CREATE INDEX deflections_articles ON deflections(created_at, article_id)",
        ]
    }

    /// SQLite counts an index as covering only when it holds every column the query names, `result_count` included.
    /// The ticket conditions are written as the stores' queries write them, so the planner matches the partial index.
    static let sqlite = statements(suggested: "suggested_articles <> '[]'", zeroResultColumns: "created_at, query, result_count")
    /// PostgreSQL answers from a partial index whose condition names columns it does not hold.
    static let postgres = statements(suggested: "jsonb_array_length(suggested_articles) > 0", zeroResultColumns: "created_at, query")

    /// The articles suggested at or after `since` (bound as the one parameter `since`): a walk over the distinct
    /// article ids of `suggestions_articles` (each the smallest id after the previous one), keeping those with a
    /// suggestion in the window. Both stores run it; the table holds a row per session, article and day.
    static func suggestedSince(_ since: String) -> String {
        """
        WITH RECURSIVE shown(article_id) AS (
            SELECT min(article_id) FROM suggestions
            UNION ALL
            SELECT (SELECT min(s.article_id) FROM suggestions s WHERE s.article_id > shown.article_id) FROM shown
            WHERE shown.article_id IS NOT NULL)
        SELECT article_id FROM shown WHERE article_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM suggestions s WHERE s.article_id = shown.article_id AND s.last_at >= \(since))
        """
    }
}
