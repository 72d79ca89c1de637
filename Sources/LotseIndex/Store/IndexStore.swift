import Foundation
import GRDB
import LotseAnalysis

/// Opening index files with the `lotse` tokenizer registered on every connection.
public enum IndexStore {
    /// A read-only connection to a built index (search, snippets, stats). The file is never written after
    /// it is renamed into place, so readers need no WAL and keep reading an old file that was replaced.
    /// `prepare` runs on the connection too (the search target registers its ranking function there).
    public static func openReadOnly(path: String, prepare: (@Sendable (Database) throws -> Void)? = nil) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else {
            throw IndexError.missingIndex(path: path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "lotse.index"
        configuration.prepareDatabase { db in
            try LotseTokenizer.register(on: db, context: TokenizerContext(resources: .empty))
            try prepare?(db)
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.read { db in try checkSchema(db, path: path) }
        return queue
    }

    /// A connection for building: the caller sets `context.language` before writing each row.
    static func openForBuild(path: String, resources: AnalyzerResources) throws -> (DatabaseQueue, TokenizerContext) {
        var configuration = Configuration()
        configuration.label = "lotse.index.build"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let context = TokenizerContext(resources: resources)
        try queue.writeWithoutTransaction { db in
            try LotseTokenizer.register(on: db, context: context)
            // A temporary file renamed into place at the end: a crash leaves only garbage to delete.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
        }
        return (queue, context)
    }

    /// Reads every page of the file (`PRAGMA quick_check`): a truncated or half-copied index fails here instead of
    /// in the middle of a search. An index of another analyzer version is refused too.
    public static func verify(path: String) throws {
        let problems: [String]
        let version: String?
        do {
            (problems, version) = try openReadOnly(path: path).read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard problems == ["ok"] else { return (problems, nil) }
                try checkSchema(db, path: path)
                return (problems, try meta(db, IndexMetaKey.analyzerVersion))
            }
        } catch let error as DatabaseError {
            throw IndexError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        }
        guard problems == ["ok"] else {
            throw IndexError.damaged(path: path, detail: problems.prefix(3).joined(separator: "; "))
        }
        // Queries are analysed by this binary: words of an index built by another analyzer would not match.
        let expected = AnalyzerResources.empty.version
        guard version == expected else { throw IndexError.otherAnalyzer(path: path, found: version ?? "none", expected: expected) }
    }

    static func checkSchema(_ db: Database, path: String) throws {
        guard try db.tableExists("articles"), try db.tableExists("meta"), try db.tableExists("terms") else {
            throw IndexError.notAnIndex(path: path)
        }
    }

    public static func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}

/// Problems with an index file as a whole (as opposed to an article in it).
public enum IndexError: Error, Equatable, CustomStringConvertible {
    case missingIndex(path: String)
    case notAnIndex(path: String)
    case rejectedArticles([ArticleParseError])
    case articlesDirectoryMissing(path: String)
    case noArticles(path: String, previous: Int)
    case locked(path: String)
    case damaged(path: String, detail: String)
    case otherAnalyzer(path: String, found: String, expected: String)

    /// The build stopped over the articles, and whatever index was there is as it was and can serve.
    public var leavesPreviousIndex: Bool {
        switch self {
        case .rejectedArticles, .noArticles, .locked: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .missingIndex(let path): "no index at \(path): run `lotse index` first"
        case .notAnIndex(let path): "\(path) is not a Lotse index (missing tables)"
        case .rejectedArticles(let errors):
            "\(errors.count) article file(s) rejected, index left unchanged:\n" + errors.map { "  \($0)" }.joined(separator: "\n")
        case .articlesDirectoryMissing(let path): "articles directory \(path) does not exist"
        case .noArticles(let path, let previous):
            "no articles in \(path): the index keeps its \(previous) (`lotse index --allow-empty` empties it)"
        case .locked(let path): "another `lotse index` is building \(path)"
        case .damaged(let path, let detail): "\(path) is damaged (\(detail)): rebuild it with `lotse index --full`"
        case .otherAnalyzer(let path, let found, let expected):
            "\(path) was built by another Lotse version (analyzer \(found), this one is \(expected)): rebuild it with `lotse index`"
        }
    }
}
