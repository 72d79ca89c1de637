import Foundation
import LotseAnalysis

/// One entry of an operator's `--pins` file: `articleId` is shown at `position` for `query` and its typed prefixes.
public struct Pin: Sendable, Equatable {
    public var query: String
    public var articleId: String
    /// 1 is the top; past the end of a shorter answer, the pin comes last.
    public var position: Int
    /// Where it is written, for messages.
    public var file: String
    public var line: Int
    var words: PinnedWords

    public var location: String { "\(file):\(line)" }
}

/// Reads `[{"query": "...", "articleId": "...", "position": 1}, …]`, naming the line of every mistake.
enum PinFile {
    static let maximumPins = 10_000
    static let maximumQueryCharacters = 200
    static let maximumQueryWords = 12
    static let maximumIdCharacters = 200

    private struct Entry: Decodable {
        var query: String
        var articleId: String
        var position: Int

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            // A misspelt key ("articleID", "positon") would otherwise be a pin that silently never works.
            if let unknown = container.allKeys.first(where: { !["query", "articleId", "position"].contains($0.stringValue) }) {
                throw DecodingError.dataCorruptedError(forKey: unknown, in: container,
                                                       debugDescription: "unknown key \"\(unknown.stringValue)\"")
            }
            query = try container.decode(String.self, forKey: Key(stringValue: "query"))
            articleId = try container.decode(String.self, forKey: Key(stringValue: "articleId"))
            position = try container.decode(Int.self, forKey: Key(stringValue: "position"))
        }
    }

    static func parse(_ text: String, file: String) throws(CurationFileError) -> [Pin] {
        let bytes = Array(text.utf8)
        let lines = elementLines(bytes)
        func refuse(_ line: Int, _ reason: String) -> CurationFileError { CurationFileError(file: file, line: line, reason: reason) }
        guard lines.count <= maximumPins else { throw refuse(lines[maximumPins], "more than \(maximumPins) pins") }
        let entries: [Entry]
        do {
            entries = try JSONDecoder().decode([Entry].self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, lines: lines, bytes: bytes, file: file)
        } catch {
            throw refuse(0, "not a JSON list of pins")
        }
        let analyzer = Analyzer()
        var pins: [Pin] = [], seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let line = index < lines.count ? lines[index] : 0
            guard entry.query.count <= maximumQueryCharacters else {
                throw refuse(line, "query longer than \(maximumQueryCharacters) characters")
            }
            guard (1...SearchOptions.maximumLimit).contains(entry.position) else {
                throw refuse(line, "position must be 1 to \(SearchOptions.maximumLimit) (got \(entry.position))")
            }
            guard !entry.articleId.isEmpty, entry.articleId.count <= maximumIdCharacters else {
                throw refuse(line, "articleId must be 1 to \(maximumIdCharacters) characters")
            }
            let words = PinnedWords(entry.query, analyzer: analyzer)
            guard words.words.reduce(0, { $0 + $1.letters.count }) >= PinnedWords.minimumLetters else {
                throw refuse(line, "query \(entry.query.debugDescription) has no words to match "
                                 + "(only stop words, or under \(PinnedWords.minimumLetters) letters)")
            }
            guard words.words.count <= maximumQueryWords else { throw refuse(line, "query has more than \(maximumQueryWords) words") }
            let key = words.words.map(\.folded).joined(separator: " ") + "\u{0}" + entry.articleId
            if let first = seen[key] { throw refuse(line, "the same article is already pinned for this query on line \(first)") }
            seen[key] = line
            pins.append(Pin(query: entry.query, articleId: entry.articleId, position: entry.position, file: file, line: line, words: words))
        }
        return pins
    }

    private static func describe(_ error: DecodingError, lines: [Int], bytes: [UInt8], file: String) -> CurationFileError {
        let context: DecodingError.Context, reason: String
        switch error {
        case .typeMismatch(_, let found) where found.codingPath.isEmpty:
            (context, reason) = (found, "must be a JSON list: [{\"query\": …, \"articleId\": …, \"position\": 1}, …]")
        case .typeMismatch(let type, let found): (context, reason) = (found, "\(name(found)) must be \(expected(type))")
        case .valueNotFound(let type, let found): (context, reason) = (found, "\(name(found)) must be \(expected(type)), not null")
        case .keyNotFound(let key, let found): (context, reason) = (found, "missing \"\(key.stringValue)\"")
        case .dataCorrupted(let found) where !found.codingPath.isEmpty: (context, reason) = (found, found.debugDescription)
        default: return CurationFileError(file: file, line: syntaxErrorLine(bytes), reason: "not valid JSON")
        }
        let line = context.codingPath.first?.intValue.flatMap { $0 < lines.count ? lines[$0] : nil } ?? 0
        return CurationFileError(file: file, line: line, reason: reason)
    }

    private static func name(_ context: DecodingError.Context) -> String {
        guard let key = context.codingPath.last, key.intValue == nil else { return "each pin" }
        return key.stringValue
    }

    private static func expected(_ type: Any.Type) -> String {
        type == Int.self ? "a whole number" : type == String.self ? "text" : "an object {\"query\", \"articleId\", \"position\"}"
    }

    /// The line where each element of the top-level list begins (strings and nesting skipped).
    static func elementLines(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = [], line = 1, depth = 0
        var inString = false, escaped = false, expectingElement = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if expectingElement, !isSpace, byte != UInt8(ascii: "]") {
                lines.append(line)
                expectingElement = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { expectingElement = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectingElement = true }
            default: break
            }
        }
        return lines
    }

    /// JSONSerialization names the byte offset of a syntax error ("around character 67"); its line, or the last
    /// line when the text ends too early.
    private static func syntaxErrorLine(_ bytes: [UInt8]) -> Int {
        let lastLine = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
            return 0
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            guard let range = message.range(of: "character "),
                  let offset = Int(message[range.upperBound...].prefix { $0.isNumber }), offset <= bytes.count else { return lastLine }
            return bytes[..<offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
    }
}
