import GRDB
import LotseAnalysis

extension SearchEngine {
    /// Browsing a category: its articles by title, each with the opening words of its body as the snippet.
    public func articles(inCategory category: String, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        var arguments: StatementArguments = [category]
        if let language = options.language { arguments += [language.rawValue] }
        arguments += [options.limit]
        let (statement, values) = (Self.categoryListingSQL(language: options.language != nil), arguments)
        // Sendable results out of the closure, so GRDB's asynchronous read is used (rows are not Sendable).
        let rows = try await connection.read { db in
            try Row.fetchAll(db.cachedStatement(sql: statement), arguments: values).map { row in
                (id: row[0] as String, title: row[1] as String, url: row[2] as String?, category: row[3] as String, body: row[4] as String,
                 ticketOnly: row[5] as Bool)
            }
        }
        let analyzer = Analyzer()
        return rows.map { row in
            SearchResult(id: row.id, title: row.title, url: row.url, category: row.category,
                         snippet: SnippetBuilder.opening(of: row.body, analyzer: analyzer), score: 0, ticketOnly: row.ticketOnly)
        }
    }

    /// Uses the index `articles_category` (category, title, id): the listing reads its rows only.
    static func categoryListingSQL(language: Bool) -> String {
        "SELECT id, title, url, category, body, ticket_only FROM articles WHERE category = ?" + (language ? " AND lang = ?" : "")
            + " ORDER BY title, id LIMIT ?"
    }
}
