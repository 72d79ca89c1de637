import GRDB

/// The index's `learned_words` table: what each article learned, for `lotse learned`, the admin API and a build that
/// keeps the previous index's learning. The learned column of `articles` (and of FTS5) is made from it. One row per
/// article, its words as lines `sessions weight word` in the column's order (`LearnedField`: most sessions, then
/// most uses first): a row per word was 637,126 rows for a 100,000-draft log (BENCHMARKS.md, "Learning from
/// outcomes"), and the column's order lets a build that keeps the learning write exactly the column it had.
public enum LearnedTable {
    static let table = "learned_words"
    static let create = "CREATE TABLE learned_words(article_id TEXT PRIMARY KEY, count INTEGER NOT NULL, words TEXT NOT NULL) WITHOUT ROWID"
    /// An index built before this table has a row per word in `learned` instead.
    private static let legacyTable = "learned"

    /// The words `article` learned, most sessions first, then by the word's bytes; empty for an index without the table.
    public static func words(of article: String, _ db: Database) throws -> [LearnedWord] {
        guard try db.tableExists(table) else { return try legacy(db, article: article)[article] ?? [] }
        let text = try String.fetchOne(db, sql: "SELECT words FROM learned_words WHERE article_id = ?", arguments: [article])
        return (text.map(decode) ?? []).sorted { first, second in
            guard first.sessions == second.sessions else { return first.sessions > second.sessions }
            return first.word.utf8.lexicographicallyPrecedes(second.word.utf8)
        }
    }

    /// How many words each article learned, by article id (articles without learned words absent).
    public static func counts(_ db: Database) throws -> [String: Int] {
        guard try db.tableExists(table) else { return try legacy(db, article: nil).mapValues(\.count) }
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT article_id, count FROM learned_words") { counts[row[0]] = row[1] }
        return counts
    }

    /// Every article's words in the index at `path`, in the column's order (none when it has no table or cannot be read).
    static func all(path: String) -> [String: [LearnedWord]] {
        guard let queue = try? IndexStore.openReadOnly(path: path) else { return [:] }
        defer { try? queue.close() }
        return (try? queue.read { db -> [String: [LearnedWord]] in
            guard try db.tableExists(table) else { return try legacy(db, article: nil) }
            var learned: [String: [LearnedWord]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT article_id, words FROM learned_words") { learned[row[0]] = decode(row[1]) }
            return learned
        }) ?? [:]
    }

    /// Writes the table; returns the learned column's text by article id.
    static func write(_ learned: [String: [LearnedWord]], _ db: Database) throws -> [String: String] {
        try db.execute(sql: create)
        let insert = try db.makeStatement(sql: "INSERT INTO learned_words(article_id, count, words) VALUES (?, ?, ?)")
        // In key order, so each row is appended to the table's B-tree.
        for article in learned.keys.sorted() {
            guard let words = learned[article], !words.isEmpty else { continue }
            try insert.execute(arguments: [article, words.count, encode(words)])
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

    /// One line per word, `sessions weight word`, in the column's order. A word has no whitespace (customer text is
    /// cut into words at whitespace first), so neither a space nor a line break can be part of it.
    static func encode(_ words: [LearnedWord]) -> String {
        var text = ""
        for word in words {
            if !text.isEmpty { text.append("\n") }
            text.append(String(word.sessions))
            text.append(" ")
            text.append(String(word.weight))
            text.append(" ")
            text.append(word.word)
        }
        return text
    }

    static func decode(_ text: String) -> [LearnedWord] {
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
            let text = fields.map { String(decoding: $0, as: UTF8.self) }
            guard text.count == 3, let sessions = Int(text[0]), let weight = Int(text[1]) else { return nil }
            return LearnedWord(word: text[2], weight: weight, sessions: sessions)
        }
    }

    /// The words of `article` (nil: of every article) from the per-word table of an older index, most sessions first.
    private static func legacy(_ db: Database, article: String?) throws -> [String: [LearnedWord]] {
        guard try db.tableExists(legacyTable) else { return [:] }
        let filter = article == nil ? "" : "WHERE article_id = ?"
        var learned: [String: [LearnedWord]] = [:]
        let arguments = article.map { StatementArguments([$0]) } ?? StatementArguments()
        let sql = "SELECT article_id, word, weight, sessions FROM learned \(filter) ORDER BY sessions DESC, word"
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            learned[row[0], default: []].append(LearnedWord(word: row[1], weight: row[2], sessions: row[3]))
        }
        return learned
    }
}
