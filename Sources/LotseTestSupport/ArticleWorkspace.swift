import Foundation
import LotseIndex
import LotseSearch

/// The one test setup for "an articles folder and an index built from it": a temporary folder holding the
/// index (`index/index.sqlite`, the way `lotse index` lays it out) and either its own `articles/` (tests that
/// write, change and remove article files) or an existing folder that is only read (the repository's
/// `articles/`, a judged corpus). Everything temporary is deleted with the workspace.
public final class ArticleWorkspace: Sendable {
    /// The repository's root folder, found from this file's place in `Sources/LotseTestSupport/`.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    /// The repository's help center, `articles/`.
    public static let repositoryArticles = (repositoryRoot as NSString).appendingPathComponent("articles")

    public let directory: TemporaryDirectory
    /// The articles folder, as passed to `IndexConfiguration.articlesDirectory`.
    public let articlesPath: String
    /// The index file, as passed to `IndexConfiguration.indexPath`.
    public let indexPath: String
    /// False for a workspace over an existing folder, which is never written.
    private let ownsArticles: Bool

    /// A workspace with its own articles folder holding `files` (name → text).
    public init(files: [String: String] = [:]) throws {
        directory = try TemporaryDirectory(prefix: "lotse-workspace")
        articlesPath = try directory.makeDirectory("articles")
        indexPath = directory.path("index/index.sqlite")
        ownsArticles = true
        for (name, text) in files { try write(text, to: name) }
    }

    /// A workspace that indexes the existing folder `articlesPath` and only reads it.
    public init(readingArticlesAt articlesPath: String) throws {
        directory = try TemporaryDirectory(prefix: "lotse-workspace")
        self.articlesPath = articlesPath
        indexPath = directory.path("index/index.sqlite")
        ownsArticles = false
    }

    /// Path of an article file as the indexer names it in errors (articles folder joined with `name`).
    public func articlePath(_ name: String) -> String {
        (articlesPath as NSString).appendingPathComponent(name)
    }

    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    @discardableResult
    public func write(_ data: Data, to name: String) throws -> String {
        precondition(ownsArticles, "a workspace over \(articlesPath) never writes into it")
        return try directory.write(data, to: "articles/\(name)")
    }

    public func remove(_ name: String) throws {
        precondition(ownsArticles, "a workspace over \(articlesPath) never writes into it")
        try directory.remove("articles/\(name)")
    }

    @discardableResult
    public func symlink(_ name: String, to destination: String) throws -> String {
        precondition(ownsArticles, "a workspace over \(articlesPath) never writes into it")
        return try directory.symlink("articles/\(name)", to: destination)
    }

    public func configuration(full: Bool = false, keepGoing: Bool = false) -> IndexConfiguration {
        IndexConfiguration(articlesDirectory: articlesPath, indexPath: indexPath, full: full, keepGoing: keepGoing)
    }

    /// Runs one build over the articles folder.
    @discardableResult
    public func build(full: Bool = false, keepGoing: Bool = false) throws -> BuildReport {
        try IndexBuilder(configuration: configuration(full: full, keepGoing: keepGoing)).build()
    }

    /// An engine over the current index file.
    public func engine(connections: Int = 1) throws -> SearchEngine {
        try SearchEngine(indexPath: indexPath, connectionCount: connections)
    }

    /// The index file's bytes (to prove a failed build left it alone).
    public func indexData() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: indexPath))
    }

    /// Names of the files in the index folder (index, lock file, and anything a build left behind).
    public func indexFolderContents() throws -> [String] {
        try directory.contents(of: "index")
    }

    /// A new read-only connection to the current index file.
    public func inspector() throws -> IndexInspector {
        try IndexInspector(path: indexPath)
    }
}
