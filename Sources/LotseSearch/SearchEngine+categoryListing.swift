import GRDB
import LotseAnalysis

extension SearchEngine {
    /// Browsing a category: its articles by title, each with the opening words of its body as the snippet.
    public func articles(inCategory category: String, options: SearchOptions = SearchOptions()) async throws -> [SearchResult] {
        var sql = "SELECT id, title, url, category, body FROM articles WHERE category = ?"
        var arguments: StatementArguments = [category]
        if let language = options.language {
            sql += " AND lang = ?"
            arguments += [language.rawValue]
        }
        sql += " ORDER BY title, id LIMIT ?"
        arguments += [options.limit]
        let (statement, values) = (sql, arguments)
        let rows = try await connection.read { db in try Row.fetchAll(db.cachedStatement(sql: statement), arguments: values) }
        let analyzer = Analyzer()
        return rows.map { row in
            SearchResult(id: row[0], title: row[1], url: row[2], category: row[3],
                         snippet: SnippetBuilder.snippet(of: row[4], words: .init(of: row[4], analyzer: analyzer), matched: []), score: 0)
        }
    }
}
