import Foundation
import GRDB
import LotseAnalysis
import LotseSemantic
import Synchronization

/// With `--semantic`, one more vector per article that learned words: those words (exactly what `lotse learned`
/// shows, most sessions first) embedded as one text. Customers' words for an article lie closer to the next
/// customer's paraphrase than the author's text does, also where they share no word with it (BENCHMARKS.md,
/// "Learning from outcomes"). Made from the learned words only, so the privacy filter, the blocklist, erasure and
/// retention reach the vector with the next build; keyed by the text's hash, so a build reuses an unchanged one.
public enum LearnedVectors {
    static let table = "learned_vectors"
    static let createSQL =
        "CREATE TABLE learned_vectors(article_id TEXT PRIMARY KEY, hash TEXT NOT NULL, vector BLOB NOT NULL) WITHOUT ROWID"

    /// The text embedded for an article: each learned word once, most sessions first (ties alphabetical, so a build
    /// that keeps the learning embeds the same text).
    static func text(_ words: [LearnedWord]) -> String {
        words.sorted { ($0.sessions, $1.word) > ($1.sessions, $0.word) }.map(\.word).joined(separator: " ")
    }

    /// Writes the table for `learned` (article id → words): vectors of the previous index at `previousPath` whose
    /// text is unchanged are copied, the rest embedded on all cores. Returns how many it embedded.
    @discardableResult
    static func write(_ learned: [String: [LearnedWord]], model: SemanticModel, previousPath: String?, _ db: Database) throws -> Int {
        try db.execute(sql: createSQL)
        let texts = learned.filter { !$0.value.isEmpty }.mapValues(text)
        let hashes = texts.mapValues { text -> String in
            var hash = StableHash()
            hash.add(bytes: Array(text.utf8))
            return hash.hex
        }
        let previous = try previousPath.map { try reusable(from: $0, model: model, db) } ?? [:]
        let missing = texts.keys.filter { previous[$0]?.hash != hashes[$0] }.sorted()
        let embedded = Mutex([String: Data]())
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            let vector = QuantizedVector(model.embed(texts[missing[index]]!)).blob
            embedded.withLock { $0[missing[index]] = vector }
        }
        let fresh = embedded.withLock { $0 }
        let insert = try db.makeStatement(sql: "INSERT INTO learned_vectors(article_id, hash, vector) VALUES (?, ?, ?)")
        for article in texts.keys.sorted() {
            guard let vector = fresh[article] ?? previous[article]?.vector else { continue }
            try insert.execute(arguments: [article, hashes[article]!, vector])
        }
        return missing.count
    }

    /// The previous index's learned vectors by article id, when the same model made its vectors.
    private static func reusable(from path: String, model: SemanticModel, _ db: Database)
        throws -> [String: (hash: String, vector: Data)]
    {
        try db.execute(sql: "ATTACH DATABASE ? AS previouslearned", arguments: [path])
        defer { try? db.execute(sql: "DETACH DATABASE previouslearned") }
        guard try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM previouslearned.sqlite_master WHERE name = ?",
                                arguments: [table]) == true,
              try String.fetchOne(db, sql: "SELECT value FROM previouslearned.meta WHERE key = ?",
                                  arguments: [IndexMetaKey.semanticModel]) == ArticleVectors.signature(of: model) else { return [:] }
        var vectors: [String: (hash: String, vector: Data)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT article_id, hash, vector FROM previouslearned.learned_vectors") {
            vectors[row[0]] = (row[1], row[2])
        }
        return vectors
    }

    /// The learned vectors of a built index by rowid (empty without the table or when another model made the vectors).
    public static func load(_ db: Database, model: SemanticModel) throws -> [Int64: QuantizedVector] {
        guard try db.tableExists(table), try IndexStore.meta(db, IndexMetaKey.semanticModel) == ArticleVectors.signature(of: model) else {
            return [:]
        }
        var vectors: [Int64: QuantizedVector] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT a.rowid, l.vector FROM articles a JOIN learned_vectors l ON l.article_id = a.id") {
            if let vector = QuantizedVector(blob: row[1]) { vectors[row[0]] = vector }
        }
        return vectors
    }
}
