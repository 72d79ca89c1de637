/// The tables that hold what a portal session did (searches, shown and opened articles, stages reached, deflections,
/// votes), with the time column retention ages each by. Erasure deletes an address's sessions from every one of them
/// and retention their old rows, in both stores: one list, so a table added here is erased and purged alike.
enum SessionTables {
    static let all: [(name: String, agedBy: String)] = [
        ("query_log", "created_at"), ("deflections", "created_at"), ("feedback", "created_at"), ("suggestions", "last_at"),
        ("article_views", "last_at"), ("session_stages", "reached_at"),
    ]
}
