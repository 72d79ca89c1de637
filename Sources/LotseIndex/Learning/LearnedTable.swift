import GRDB
import GRDBSQLite

/// The index's `learned` table: what each article learned, for `lotse learned`, the admin API and a build that keeps
/// the previous index's learning. The learned column of `articles` (and of FTS5) is made from it.
public enum LearnedTable {
    static let create = """
        CREATE TABLE learned(
            article_id TEXT NOT NULL, word TEXT NOT NULL, weight INTEGER NOT NULL, sessions INTEGER NOT NULL,
            PRIMARY KEY(article_id, word)) WITHOUT ROWID
        """

    /// The words `article` learned, most sessions first; empty for an index without the table.
    public static func words(of article: String, _ db: Database) throws -> [LearnedWord] {
        guard try db.tableExists("learned") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT word, weight, sessions FROM learned WHERE article_id = ? ORDER BY sessions DESC, word",
                                arguments: [article]).map { LearnedWord(word: $0[0], weight: $0[1], sessions: $0[2]) }
    }

    /// Every article's words in the index at `path` (none when it has no table or cannot be read).
    static func all(path: String) -> [String: [LearnedWord]] {
        guard let queue = try? IndexStore.openReadOnly(path: path) else { return [:] }
        defer { try? queue.close() }
        return (try? queue.read { db -> [String: [LearnedWord]] in
            guard try db.tableExists("learned") else { return [:] }
            var learned: [String: [LearnedWord]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT article_id, word, weight, sessions FROM learned ORDER BY sessions DESC, word") {
                learned[row[0], default: []].append(LearnedWord(word: row[1], weight: row[2], sessions: row[3]))
            }
            return learned
        }) ?? [:]
    }

    /// Writes the table; returns the learned column's text by article id.
    static func write(_ learned: [String: [LearnedWord]], _ db: Database) throws -> [String: String] {
        try db.execute(sql: create)
        let insert = try db.makeStatement(sql: "INSERT INTO learned(article_id, word, weight, sessions) VALUES (?, ?, ?, ?)")
        // In key order, so each row is appended to the table's B-tree.
        for article in learned.keys.sorted() {
            for word in learned[article]!.sorted(by: { $0.word < $1.word }) { try insertRow(article, word, insert, db) }
        }
        return learned.compactMapValues { $0.isEmpty ? nil : LearnedField.columnText($0) }
    }

    /// Sets the learned column of `rows`, articles already in the table without it (a new row gets it when inserted).
    static func fillColumn(_ texts: [String: String], of rows: [IndexedRow], _ db: Database) throws {
        guard !texts.isEmpty else { return }
        let update = try db.makeStatement(sql: "UPDATE articles SET learned = ? WHERE rowid = ?")
        for row in rows {
            if let text = texts[row.id] { try update.execute(arguments: [text, row.rowid]) }
        }
    }

    /// Binds and steps the statement directly, without GRDB's argument values per row: a 100,000-draft log writes
    /// 637,126 rows (with the key order above, 0.75 → 0.26 s; BENCHMARKS.md, "Learning from outcomes").
    private static func insertRow(_ article: String, _ word: LearnedWord, _ insert: Statement, _ db: Database) throws {
        let statement = insert.sqliteStatement
        sqlite3_bind_text(statement, 1, article, -1, transient)
        sqlite3_bind_text(statement, 2, word.word, -1, transient)
        sqlite3_bind_int64(statement, 3, Int64(word.weight))
        sqlite3_bind_int64(statement, 4, Int64(word.sessions))
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// SQLite copies the bound text (Swift's C string lives only for the call).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
