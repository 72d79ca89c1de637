import GRDB

/// The rows of the previous index that an incremental build may keep.
struct PreviousIndex {
    struct Entry {
        var rowid: Int64
        var id: String
        var path: String
        var hash: String
        var url: String
    }

    var entries: [String: Entry]
    /// The analyzer that built it: rows of another version cannot be kept.
    var analyzerVersion: String?
    /// The encoder of its vectors (nil: none): with another one (or none now) the file is rewritten.
    var semanticModel: String?
    /// Words its articles learned (0: no learned column).
    var learnedWords = 0
    /// What it learned from (`LearningConfiguration.fingerprint`), or nil.
    var learningInputs: String?
    /// Whether it has every index of `IndexSchema` (one built before `articles_category` is rewritten once).
    var hasCurrentSchema = true

    /// The previous index's articles by relative path, or nil when there is none or it is unreadable.
    static func load(path: String) -> PreviousIndex? {
        guard let queue = try? IndexStore.openReadOnly(path: path) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db -> PreviousIndex? in
            var entries: [String: Entry] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rowid, id, path, hash, url FROM articles") {
                let entry = Entry(rowid: row[0], id: row[1], path: row[2], hash: row[3], url: row[4])
                entries[entry.path] = entry
            }
            return PreviousIndex(entries: entries, analyzerVersion: try IndexStore.meta(db, IndexMetaKey.analyzerVersion),
                                 semanticModel: try IndexStore.meta(db, IndexMetaKey.semanticModel),
                                 learnedWords: Int(try IndexStore.meta(db, IndexMetaKey.learnedWords) ?? "") ?? 0,
                                 learningInputs: try IndexStore.meta(db, IndexMetaKey.learningInputs),
                                 hasCurrentSchema: try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE name = ?",
                                                                     arguments: [IndexSchema.categoryIndex]) ?? false)
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
    /// Article id and url → the file that has it, for duplicate detection (a url is where one article is served).
    private var owners: [String: String] = [:]
    private var addressOwners: [String: String] = [:]

    init(rejected: [ArticleParseError]) { self.rejected = rejected }

    mutating func keep(_ entry: PreviousIndex.Entry, display: String) {
        guard claim(id: entry.id, url: entry.url, for: display, source: nil) else { return }
        kept.append(entry)
    }

    mutating func add(_ article: Article, from file: SourceFile, replacing: Bool) {
        guard claim(id: article.id, url: article.url, for: file.displayPath, source: file) else { return }
        parsed.append(Parsed(article: article, path: file.relativePath, hash: file.hash))
        if replacing { replacedCount += 1 }
    }

    /// Records `file` as the owner of the id and url, or rejects it when another file has either, at the line that
    /// declares the value (none where it was derived from the file name or category).
    private mutating func claim(id: String, url: String, for file: String, source: SourceFile?) -> Bool {
        if let owner = owners[id] {
            rejected.append(ArticleParseError(file: file, line: source?.declarationLine(of: .id),
                                              reason: "duplicate id '\(id)' (also used by \(owner))"))
            return false
        }
        if let owner = addressOwners[url] {
            rejected.append(ArticleParseError(file: file, line: source?.declarationLine(of: .url),
                                              reason: "duplicate url '\(url)' (also used by \(owner))"))
            return false
        }
        owners[id] = file
        addressOwners[url] = file
        return true
    }
}
