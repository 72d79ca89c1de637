import GRDB
import LotseAnalysis

/// What a search result shows of its article, plus the body's word ranges for the snippet; cached per engine
/// by rowid (an engine's index file never changes).
struct ResultSource: MemoryCosted {
    var id: String
    var title: String
    var url: String?
    var ticketOnly: Bool
    var category: String
    var body: String
    var words: SnippetBuilder.WordRanges

    var byteCount: Int {
        128 + id.utf8.count + title.utf8.count + (url?.utf8.count ?? 0) + category.utf8.count + body.utf8.count + words.byteCount
    }

    /// Reads the articles in one query; the word breaking happens after the read, off the connection.
    static func load(rowids: [Int64], from connection: DatabaseQueue) async throws -> [Int64: ResultSource] {
        let placeholders = Array(repeating: "?", count: rowids.count).joined(separator: ",")
        // Sendable values out of the closure, so GRDB's asynchronous read is used (rows are not Sendable).
        let rows = try await connection.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT rowid, id, title, url, category, body, ticket_only FROM articles WHERE rowid IN (\(placeholders))
                """), arguments: StatementArguments(rowids)).map { row in
                (rowid: row[0] as Int64, id: row[1] as String, title: row[2] as String, url: row[3] as String?,
                 category: row[4] as String, body: row[5] as String, ticketOnly: row[6] as Bool)
            }
        }
        let analyzer = Analyzer()  // word ranges only: no language, no dictionary
        var sources: [Int64: ResultSource] = [:]
        for row in rows {
            sources[row.rowid] = ResultSource(id: row.id, title: row.title, url: row.url, ticketOnly: row.ticketOnly,
                                              category: row.category, body: row.body,
                                              words: SnippetBuilder.WordRanges(of: row.body, analyzer: analyzer))
        }
        return sources
    }
}
