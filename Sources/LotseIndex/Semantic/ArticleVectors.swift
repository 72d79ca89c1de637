import Foundation
import GRDB
import LotseSemantic
import Synchronization

/// The sentence-encoder vectors of the index: per article content hash, one of the title with the body's opening
/// (~300 characters) and one of title + headings + the body (cut to `SemanticModel.articlePieces` pieces), int8
/// (`QuantizedVector`). The two measured better than the title alone or paragraph vectors on the tuning sets.
/// Keyed by hash, so an incremental build copies the vectors of unchanged articles and embeds only the rest.
public enum ArticleVectors {
    static let table = "vectors"
    static let createSQL = "CREATE TABLE vectors(hash TEXT PRIMARY KEY, opening BLOB NOT NULL, lead BLOB NOT NULL) WITHOUT ROWID"

    /// What the `semantic_model` meta value says: the model and which texts its vectors are of. Vectors with
    /// another signature are not reused (the build rewrites them) and not searched.
    public static func signature(of model: SemanticModel?) -> String? { model.map { "opening+lead/" + $0.version } }

    /// The text of an article's opening vector: the title and the first sentences of the body.
    public static func openingText(title: String, body: String) -> String {
        title + "\n" + String(body.prefix(300))
    }

    /// The text of an article's lead vector.
    public static func leadText(title: String, headings: String, body: String) -> String {
        // The body's first ~3,000 characters are more than 256 pieces: no need to tokenise the rest.
        title + "\n" + headings + "\n" + String(body.prefix(3_000))
    }

    /// Copies the previous index's vectors of the articles this one has (same hash), when the same model made them.
    static func copy(from previousPath: String, model: SemanticModel, _ db: Database) throws {
        try db.execute(sql: "ATTACH DATABASE ? AS previousvectors", arguments: [previousPath])
        defer { try? db.execute(sql: "DETACH DATABASE previousvectors") }
        guard try Bool.fetchOne(db, sql: """
            SELECT count(*) > 0 FROM previousvectors.sqlite_master WHERE name = 'vectors'
            """) == true,
            try String.fetchOne(db, sql: "SELECT value FROM previousvectors.meta WHERE key = ?",
                                arguments: [IndexMetaKey.semanticModel]) == signature(of: model) else { return }
        try db.execute(sql: createSQL)
        try db.execute(sql: """
            INSERT OR IGNORE INTO vectors(hash, opening, lead)
            SELECT hash, opening, lead FROM previousvectors.vectors WHERE hash IN (SELECT hash FROM articles)
            """)
    }

    /// Embeds every article without a vector on all cores and records the model; returns how many it embedded.
    static func fill(_ db: Database, model: SemanticModel, progress: (@Sendable (Int, Int) -> Void)?) throws -> Int {
        if try !db.tableExists(table) { try db.execute(sql: createSQL) }
        let missing = try Row.fetchAll(db, sql: """
            SELECT DISTINCT hash, title, headings, body FROM articles WHERE hash NOT IN (SELECT hash FROM vectors)
            """).map { (hash: $0[0] as String, opening: openingText(title: $0[1], body: $0[3]),
                    lead: leadText(title: $0[1], headings: $0[2], body: $0[3])) }
        let vectors = Mutex([(QuantizedVector, QuantizedVector)?](repeating: nil, count: missing.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            let opening = QuantizedVector(model.embed(missing[index].opening))
            let lead = QuantizedVector(model.embed(missing[index].lead))
            vectors.withLock { $0[index] = (opening, lead) }
            progress?(done.wrappingAdd(1, ordering: .relaxed).newValue, missing.count)
        }
        let statement = try db.makeStatement(sql: "INSERT INTO vectors(hash, opening, lead) VALUES (?, ?, ?)")
        for (article, pair) in zip(missing, vectors.withLock { $0 }) {
            guard let (opening, lead) = pair else { continue }
            try statement.execute(arguments: [article.hash, opening.blob, lead.blob])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                       arguments: [IndexMetaKey.semanticModel, signature(of: model)])
        return missing.count
    }

    /// The vectors of a built index by rowid, or nil when it has none (built lexical-only) or another model made them.
    public static func load(_ db: Database, model: SemanticModel) throws -> [Int64: (opening: QuantizedVector, lead: QuantizedVector)]? {
        guard try db.tableExists(table), try IndexStore.meta(db, IndexMetaKey.semanticModel) == signature(of: model) else { return nil }
        var vectors: [Int64: (opening: QuantizedVector, lead: QuantizedVector)] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT a.rowid, v.opening, v.lead FROM articles a JOIN vectors v ON v.hash = a.hash")
        while let row = try cursor.next() {
            guard let opening = QuantizedVector(blob: row[1]), let lead = QuantizedVector(blob: row[2]) else { continue }
            vectors[row[0]] = (opening, lead)
        }
        return vectors
    }
}
