import GRDB

/// The comparison engine for relevance reports: stock FTS5 with `unicode61 remove_diacritics 2`, the query's
/// words OR-ed and ranked by bm25 with Lotse's column weights. Built in memory from an index's articles.
public final class BaselineSearch {
    private let database: DatabaseQueue

    public init(indexPath: String) throws {
        database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [indexPath])
            try db.execute(sql: """
                CREATE VIRTUAL TABLE baseline USING fts5(id UNINDEXED, title, headings, tags, body,
                    tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO baseline(id, title, headings, tags, body) SELECT id, title, headings, tags, body FROM source.articles;
                """)
        }
        try database.writeWithoutTransaction { db in try db.execute(sql: "DETACH DATABASE source") }
    }

    /// Article ids, best first.
    public func search(_ text: String, limit: Int = 10) throws -> [String] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"" }
        guard !words.isEmpty else { return [] }
        return try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM baseline WHERE baseline MATCH ? ORDER BY bm25(baseline, 0, 6, 2.5, 3, 1) LIMIT ?",
                                arguments: [words.joined(separator: " OR "), limit])
        }
    }
}
