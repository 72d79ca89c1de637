import Foundation
import GRDB
import LotseAnalysis
import LotseIndex

/// Read-only questions tests ask of a built index, on one connection opened through `IndexStore`.
///
/// The `lotse` tokenizer takes MATCH terms verbatim, so `ids(matching:)` expects an already folded term
/// ("kundennummer", "grosse"); `ids(matchingWord:)` folds a word the way the index does first.
public struct IndexInspector: Sendable {
    public let queue: DatabaseQueue

    public init(path: String) throws {
        queue = try IndexStore.openReadOnly(path: path)
    }

    /// All article ids, sorted.
    public func ids() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id") }
    }

    public func count(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Ids of the articles whose full-text index holds the folded `term` (any column), sorted.
    public func ids(matching term: String) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?) ORDER BY id
                """, arguments: [Self.phrase(term)])
        }
    }

    /// Ids of the articles containing `word` after the index's folding ("Größe" → "grosse").
    public func ids(matchingWord word: String, language: Language = .de) throws -> [String] {
        guard let folded = Analyzer(language: language).fold(word) else { return [] }
        return try ids(matching: folded)
    }

    /// `highlight(fts, column, open, close)` of every row matching the folded `term`, by rowid.
    public func highlights(of term: String, column: Int, open: String = "[", close: String = "]") throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT highlight(fts, ?, ?, ?) FROM fts WHERE fts MATCH ? ORDER BY rowid
                """, arguments: [column, open, close, Self.phrase(term)])
        }
    }

    /// One stored column of one article (nil when there is no such article or the value is NULL).
    public func value(_ column: ArticleColumn, of id: String) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT \(column.rawValue) FROM articles WHERE id = ?", arguments: [id])
        }
    }

    /// Whether the `terms` statistics table lists the folded `term`.
    public func hasTermStatistics(_ term: String) throws -> Bool {
        try count(sql: "SELECT count(*) FROM terms WHERE term = ?", arguments: [term]) > 0
    }

    /// A one-term FTS5 phrase: the term in double quotes, inner quotes doubled.
    static func phrase(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text columns of `articles` (a closed set, so safe to name in SQL).
    public enum ArticleColumn: String, Sendable, CaseIterable {
        case path, hash, lang, title, headings, tags, body, category, url, updated, html
    }
}
