/// Why an article file was rejected, with the file and (where there is one) the 1-based line.
public struct ArticleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// Control characters in a file name or a quoted value are shown escaped (`\u{1B}`): printed as they are they
    /// could move the cursor or recolour the author's terminal.
    public var description: String {
        let file = Self.printable(file), reason = Self.printable(reason)
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return String(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }.joined())
    }
}
