/// Front matter in the shape nearly every article uses — one `key: value` per line, values plain or simply quoted
/// text, `[a, b]` lists or `- item` lines — read without Yams, which was about half of the parse time of a full
/// build. Returns nil for anything else (comments, blank lines, continuation lines, escapes, anchors, tags, unknown
/// or repeated keys, empty values without items), and the caller hands the text to Yams, so every result and
/// every error stays Yams's.
enum SimpleFrontMatter {
    /// The fields (text or list) and the 1-based file line of each key; the front matter starts on file line 2.
    static func parse(_ yaml: Substring) -> (fields: [String: Any], lines: [String: Int])? {
        var fields: [String: Any] = [:]
        var lines: [String: Int] = [:]
        var listKey: String?
        var listIndent: Substring?
        var items: [String] = []
        // The text ends with the newline before the closing `---`.
        let text = yaml.hasSuffix("\n") ? yaml.dropLast() : yaml
        guard !text.isEmpty else { return nil }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let key = listKey {
                let indent = line.prefix { $0 == " " }
                if line.dropFirst(indent.count).hasPrefix("- "), listIndent == nil || listIndent == indent {
                    guard let item = scalar(line.dropFirst(indent.count + 2)) else { return nil }
                    listIndent = indent
                    items.append(item)
                    continue
                }
                guard listIndent != nil else { return nil }
                fields[key] = items
                listKey = nil
                listIndent = nil
                items = []
            }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard FrontMatter.knownKeys.contains(key), lines[key] == nil else { return nil }
            lines[key] = index + 2
            let rest = line[line.index(after: colon)...]
            guard rest.isEmpty || rest.first == " " else { return nil }
            let value = rest.drop { $0 == " " }
            if value.isEmpty {
                listKey = key
            } else if value.first == "[" {
                guard let list = flowList(value) else { return nil }
                fields[key] = list
            } else {
                guard let text = scalar(value) else { return nil }
                fields[key] = text
            }
        }
        if let key = listKey {
            guard listIndent != nil else { return nil }
            fields[key] = items
        }
        return (fields, lines)
    }

    /// A single-line scalar in block context: `"text"` or `'text'` without escapes, or plain text that cannot be
    /// mistaken for any other YAML construct.
    private static func scalar(_ value: Substring) -> String? {
        guard value.unicodeScalars.allSatisfy(isOrdinary) else { return nil }
        if let found = quoted(value) { return found.trailing.allSatisfy { $0 == " " } ? found.text : nil }
        let text = trimmingTrailingSpaces(value)
        guard let first = text.first, startsPlain(first), !text.contains(": "), !text.contains(" #"),
              text.last != ":" else { return nil }
        return String(text)
    }

    /// `[a, "b", 'c']` on one line; nil for nested, empty or otherwise unusual items.
    private static func flowList(_ value: Substring) -> [String]? {
        guard value.unicodeScalars.allSatisfy(isOrdinary),
              let close = value.lastIndex(of: "]"),
              value[value.index(after: close)...].allSatisfy({ $0 == " " }) else { return nil }
        let inner = value[value.index(after: value.startIndex)..<close]
        guard !inner.allSatisfy({ $0 == " " }) else { return [] }
        var result: [String] = []
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.drop { $0 == " " }
            if let found = quoted(item) {
                guard found.trailing.allSatisfy({ $0 == " " }) else { return nil }
                result.append(found.text)
            } else {
                let text = trimmingTrailingSpaces(item)
                guard let first = text.first, startsPlain(first),
                      !text.contains(where: { "[]{}:#\"'".contains($0) }) else { return nil }
                result.append(String(text))
            }
        }
        return result
    }

    /// Text between matching quotes with no quote or backslash inside, and what follows the closing quote.
    private static func quoted(_ value: Substring) -> (text: String, trailing: Substring)? {
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let body = value.dropFirst()
        guard let close = body.firstIndex(of: quote) else { return nil }
        let text = body[..<close]
        guard !text.contains("\\") else { return nil }
        return (String(text), body[body.index(after: close)...])
    }

    private static func trimmingTrailingSpaces(_ text: Substring) -> Substring {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Letters, digits and `/` start plain text; every YAML indicator character is left to Yams.
    private static func startsPlain(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "/"
    }

    /// Printable characters YAML reads as themselves on one line: no tabs, control characters, byte order
    /// marks or the Unicode line and paragraph separators libyaml breaks lines at.
    private static func isOrdinary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...: true
        default: false
        }
    }
}
