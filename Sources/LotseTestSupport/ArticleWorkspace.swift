import Foundation
import LotseIndex

/// A temporary `articles/` folder and an index path beside it (`index/index.sqlite`), the way `lotse index`
/// lays them out, for tests that write article files, build, change files and build again.
public final class ArticleWorkspace: Sendable {
    public let directory: TemporaryDirectory
    /// The articles folder, as passed to `IndexConfiguration.articlesDirectory`.
    public let articlesPath: String
    /// The index file, as passed to `IndexConfiguration.indexPath`.
    public let indexPath: String

    public init(files: [String: String] = [:]) throws {
        directory = try TemporaryDirectory(prefix: "lotse-workspace")
        articlesPath = try directory.makeDirectory("articles")
        indexPath = directory.path("index/index.sqlite")
        for (name, text) in files { try write(text, to: name) }
    }

    /// Path of an article file as the indexer names it in errors (articles folder joined with `name`).
    public func articlePath(_ name: String) -> String {
        (articlesPath as NSString).appendingPathComponent(name)
    }

    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        try directory.write(text, to: "articles/\(name)")
    }

    @discardableResult
    public func write(_ data: Data, to name: String) throws -> String {
        try directory.write(data, to: "articles/\(name)")
    }

    public func remove(_ name: String) throws {
        try directory.remove("articles/\(name)")
    }

    @discardableResult
    public func symlink(_ name: String, to destination: String) throws -> String {
        try directory.symlink("articles/\(name)", to: destination)
    }

    public func configuration(full: Bool = false, keepGoing: Bool = false) -> IndexConfiguration {
        IndexConfiguration(articlesDirectory: articlesPath, indexPath: indexPath, full: full, keepGoing: keepGoing)
    }

    /// Runs one build over the articles folder.
    @discardableResult
    public func build(full: Bool = false, keepGoing: Bool = false) throws -> BuildReport {
        try IndexBuilder(configuration: configuration(full: full, keepGoing: keepGoing)).build()
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
