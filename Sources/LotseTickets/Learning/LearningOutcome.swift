/// One customer's own words for an article that solved the problem, as `lotse index` reads them to learn from:
/// a deflection's subject and description, or the last search of a session before a helpful vote on an article
/// that search showed. Raw customer text: it is filtered before anything of it reaches the index.
public struct LearningOutcome: Sendable, Equatable {
    /// The portal's session (a deflection without one counts as a session of its own), so a word is counted once
    /// per customer, however often that customer typed it.
    public var session: String
    public var articleID: String
    public var text: String

    public init(session: String, articleID: String, text: String) {
        self.session = session
        self.articleID = articleID
        self.text = text
    }
}

/// The SQL both stores run (the same text works on SQLite and PostgreSQL).
enum LearningQueries {
    /// Subject and description on lines of their own, so learning strips the description's greeting line as the
    /// search does (the literal holds a newline: the same text on SQLite and PostgreSQL). Deflections sent without a
    /// session count as one session together: two identical posts are not two customers.
    static let deflections = """
        SELECT COALESCE(session, 'deflection'), article_id,
               CASE WHEN TRIM(COALESCE(subject, '')) = '' THEN TRIM(COALESCE(description, ''))
                    WHEN TRIM(COALESCE(description, '')) = '' THEN TRIM(subject)
                    ELSE TRIM(subject) || '\n' || TRIM(description) END
        FROM deflections ORDER BY id
        """
    /// A helpful vote counts when its session was shown the article: the session's last query before the vote
    /// is what the customer searched for.
    static let helpfulVotes = """
        SELECT f.session, f.article_id,
               (SELECT q.query FROM query_log q WHERE q.session = f.session AND q.created_at <= f.created_at
                ORDER BY q.created_at DESC, q.id DESC LIMIT 1)
        FROM feedback f
        WHERE f.helpful AND f.session IS NOT NULL
          AND EXISTS (SELECT 1 FROM suggestions s WHERE s.session = f.session AND s.article_id = f.article_id)
        ORDER BY f.id
        """
}
