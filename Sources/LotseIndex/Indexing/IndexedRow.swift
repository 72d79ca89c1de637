import GRDB
import LotseAnalysis

/// One row of the new index's `articles` table with the text of the FTS columns, exactly as stored: what the
/// vocabulary counts and what the FTS5 table indexes (external content must match the content table byte for byte).
struct IndexedRow: Sendable {
    var rowid: Int64
    var id: String
    var language: Language
    /// title, headings, tags, body: the FTS5 columns in table order.
    var columns: [String]

    /// The rows `articles` will have for new articles numbered from `previous` + 1 (the rowids SQLite would assign).
    static func numbering(_ articles: [Article], after previous: Int64) -> [IndexedRow] {
        articles.enumerated().map { offset, article in
            IndexedRow(rowid: previous + 1 + Int64(offset), id: article.id, language: article.language, columns: [
                article.title, IndexSchema.headingsColumn(article.headings), IndexSchema.tagsColumn(article.tags), article.body,
            ])
        }
    }

    /// Every row in rowid order (FTS5 appends to its segments fastest when rowids increase): in a build, the rows
    /// kept from the previous index before the parsed articles are inserted.
    static func fetchAll(_ db: Database) throws -> [IndexedRow] {
        try Row.fetchAll(db, sql: "SELECT rowid, id, lang, title, headings, tags, body FROM articles ORDER BY rowid").map { row in
            IndexedRow(rowid: row[0], id: row[1], language: Language(rawValue: row[2]) ?? .de, columns: [row[3], row[4], row[5], row[6]])
        }
    }
}
