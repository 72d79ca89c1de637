import GRDB

/// The rows of the previous index that an incremental build may keep.
struct PreviousIndex {
    struct Entry {
        var rowid: Int64
        var id: String
        var path: String
        var hash: String
    }

    var entries: [String: Entry]
    /// The analyzer that built it: rows of another version cannot be kept.
    var analyzerVersion: String?
    /// The encoder of its vectors (nil: none): with another one (or none now) the file is rewritten.
    var semanticModel: String?
    /// Words its articles learned (0: no learned column).
    var learnedWords = 0

    /// The previous index's articles by relative path, or nil when there is none or it is unreadable.
    static func load(path: String) -> PreviousIndex? {
        guard let queue = try? IndexStore.openReadOnly(path: path) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db -> PreviousIndex? in
            var entries: [String: Entry] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, id, path, hash FROM articles") {
                let entry = Entry(rowid: row[0], id: row[1], path: row[2], hash: row[3])
                entries[entry.path] = entry
            }
            return PreviousIndex(entries: entries, analyzerVersion: try IndexStore.meta(db, IndexMetaKey.analyzerVersion),
                                 semanticModel: try IndexStore.meta(db, IndexMetaKey.semanticModel),
                                 learnedWords: Int(try IndexStore.meta(db, IndexMetaKey.learnedWords) ?? "") ?? 0)
        }
    }
}

/// What goes into the new index: previous rows kept as they are, newly parsed articles, rejected files.
struct BuildPlan {
    struct Parsed {
        var article: Article
        var path: String
        var hash: String
    }

    var kept: [PreviousIndex.Entry] = []
    var parsed: [Parsed] = []
    var rejected: [ArticleParseError]
    private(set) var replacedCount = 0
    /// Article id → the file that has it, for duplicate detection.
    private var owners: [String: String] = [:]

    init(rejected: [ArticleParseError]) { self.rejected = rejected }

    mutating func keep(_ entry: PreviousIndex.Entry, display: String) {
        if let owner = owners[entry.id] {
            rejected.append(ArticleParseError(file: display, reason: "duplicate id '\(entry.id)' (also used by \(owner))"))
            return
        }
        owners[entry.id] = display
        kept.append(entry)
    }

    mutating func add(_ article: Article, from file: SourceFile, replacing: Bool) {
        if let owner = owners[article.id] {
            rejected.append(ArticleParseError(file: file.displayPath, reason: "duplicate id '\(article.id)' (also used by \(owner))"))
            return
        }
        owners[article.id] = file.displayPath
        parsed.append(Parsed(article: article, path: file.relativePath, hash: file.hash))
        if replacing { replacedCount += 1 }
    }
}
