import Foundation

/// Learned words an author removed: `config/learning-blocklist.txt`, one `ARTICLE-ID word…` per line (`*` for
/// every article), `#` comments. Words are compared folded, so "Kündigung" also blocks "kuendigung".
public struct LearningBlocklist: Sendable, Equatable {
    public static let defaultPath = "config/learning-blocklist.txt"

    /// Article id ("*": all) → the words as written.
    public private(set) var words: [String: Set<String>] = [:]

    public init() {}

    public init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.prefix { $0 != "#" }.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let article = fields.first, fields.count > 1 else { continue }
            words[article, default: []].formUnion(fields.dropFirst())
        }
    }

    /// The file at `path`; an absent file blocks nothing.
    public static func load(path: String) throws -> LearningBlocklist {
        guard FileManager.default.fileExists(atPath: path) else { return LearningBlocklist() }
        return LearningBlocklist(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The blocked words of `article` (including those blocked everywhere), as written.
    func blocked(for article: String) -> Set<String> {
        (words[article] ?? []).union(words["*"] ?? [])
    }
}
