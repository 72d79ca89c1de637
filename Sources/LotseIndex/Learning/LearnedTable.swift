import GRDB

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

    /// Writes the table and the articles' learned column; returns the column text by rowid for the FTS5 rows.
    static func write(_ learned: [String: [LearnedWord]], _ db: Database) throws -> [Int64: String] {
        try db.execute(sql: create)
        let insert = try db.makeStatement(sql: "INSERT INTO learned(article_id, word, weight, sessions) VALUES (?, ?, ?, ?)")
        let update = try db.makeStatement(sql: "UPDATE articles SET learned = ? WHERE rowid = ?")
        var texts: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT rowid, id FROM articles") {
            guard let words = learned[row[1]], !words.isEmpty else { continue }
            for word in words { try insert.execute(arguments: [row[1] as String, word.word, word.weight, word.sessions]) }
            let text = LearnedField.columnText(words)
            try update.execute(arguments: [text, row[0] as Int64])
            texts[row[0]] = text
        }
        return texts
    }
}
