import Foundation
import LotseSemantic

/// What `lotse index` builds, from where, and how strictly.
public struct IndexConfiguration: Sendable {
    public var articlesDirectory: String
    public var indexPath: String
    /// Re-parse every file even when the index has it with the same content hash.
    public var full: Bool
    /// Index the valid files and report the rejected ones instead of failing the build.
    public var keepGoing: Bool
    /// The sentence encoder for the article vectors; nil builds a lexical-only index.
    public var semantic: SemanticModel?
    /// The learned column: from outcomes, kept from the previous index, or none.
    public var learning: Learning
    /// Let a folder without articles empty an index that has some (otherwise refused: an unmounted volume or a
    /// half-done deploy must not take the help center down).
    public var allowEmpty = false

    public static let defaultIndexPath = ".lotse/index.sqlite"

    public init(articlesDirectory: String = "articles", indexPath: String = IndexConfiguration.defaultIndexPath,
                full: Bool = false, keepGoing: Bool = false, semantic: SemanticModel? = nil, learning: Learning = .keep) {
        self.semantic = semantic
        self.learning = learning
        self.articlesDirectory = articlesDirectory
        self.indexPath = indexPath
        self.full = full
        self.keepGoing = keepGoing
    }
}

/// What a build did, for the summary line.
public struct BuildReport: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    public var rejected: [ArticleParseError] = []
    public var seconds = 0.0
    /// False when nothing changed and the old index file was kept as it was.
    public var wroteIndex = false
    /// Articles whose vectors were computed (the others' were copied from the previous index).
    public var embedded = 0
    /// Words learned from outcomes, over how many articles.
    public var learnedWords = 0
    public var learnedArticles = 0

    public var articleCount: Int { added + updated + unchanged }

    public var summary: String {
        let time = seconds < 0.1 ? String(format: "%.3f", seconds) : String(format: "%.2f", seconds)
        return "indexed \(articleCount) articles (\(added) added, \(updated) updated, \(removed) removed, \(unchanged) unchanged) "
            + "in \(time) s"
    }
}
