/// One token as the index sees it: the term, the UTF-8 byte range of the source word, and its position.
public struct Token: Equatable, Sendable, CustomStringConvertible {
    public var term: String
    /// Byte offsets into the original UTF-8 text.
    public var start: Int
    public var end: Int
    /// Word position; colocated tokens share the position of the word they belong to.
    public var position: Int
    /// A stem, compound part or joined form at the same position as the word before it.
    public var colocated: Bool

    public init(term: String, start: Int, end: Int, position: Int, colocated: Bool) {
        self.term = term
        self.start = start
        self.end = end
        self.position = position
        self.colocated = colocated
    }

    public var description: String { "\(term)@\(position)[\(start)..<\(end)]\(colocated ? "+" : "")" }
}

/// What the caller needs from a run of the analyzer.
public enum AnalysisMode: Sendable {
    /// Everything the index stores: folded words plus colocated stems, compound parts and joined forms.
    case document
    /// Folded words with their positions and offsets only (FTS5 highlight and snippet re-tokenizing).
    case positions
}

extension String {
    /// The text between two UTF-8 byte offsets that lie on character boundaries (analyzer offsets do).
    public func utf8Slice(_ start: Int, _ end: Int) -> String {
        let bytes = utf8
        return String(
            decoding: bytes[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)], as: UTF8.self)
    }
}
