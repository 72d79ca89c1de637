import Yams

/// YAML front matter between `---` lines at the top of a Markdown file.
struct FrontMatter {
    var fields: [String: Any] = [:]
    /// 1-based line of each top-level key, for error messages.
    var lines: [String: Int] = [:]
    /// The Markdown after the closing `---`, and the line it starts on.
    var markdown: Substring
    var markdownLine: Int

    static let knownKeys: Set<String> = ["title", "category", "tags", "lang", "id", "url", "updated", "ticket_only"]

    /// Splits and parses front matter; a file without it is all Markdown.
    static func parse(_ text: String, file: String) throws(ArticleParseError) -> FrontMatter {
        // Only the lines up to the closing `---` are looked at; the body is sliced off, not split.
        var lineStart = text.startIndex
        var lineNumber = 0
        var opened = false
        var yamlStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            lineNumber += 1
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if line.trimmingBlanks() == "---" {
                if !opened {
                    guard lineNumber == 1 else { break }
                    opened = true
                    yamlStart = next
                } else {
                    var result = FrontMatter(markdown: text[next...], markdownLine: lineNumber + 1)
                    (result.fields, result.lines) = try yamlFields(text[yamlStart..<lineStart], file: file)
                    return result
                }
            } else if !opened {
                break
            }
            lineStart = next
        }
        if opened { throw ArticleParseError(file: file, line: 1, reason: "front matter opened with --- is never closed") }
        return FrontMatter(markdown: Substring(text), markdownLine: 1)
    }

    /// The fields and key lines of the YAML between the `---` lines: the common simple shape without Yams.
    private static func yamlFields(_ yaml: Substring, file: String) throws(ArticleParseError) -> (
        fields: [String: Any], lines: [String: Int]
    ) {
        if let simple = SimpleFrontMatter.parse(yaml) { return simple }
        return try yamsFields(String(yaml), file: file)
    }

    /// Any YAML, with Yams's line and problem in errors.
    static func yamsFields(_ yaml: String, file: String) throws(ArticleParseError) -> (fields: [String: Any], lines: [String: Int]) {
        var result: (fields: [String: Any], lines: [String: Int]) = ([:], [:])
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ArticleParseError(
                file: file, line: yamlLine(of: error).map { $0 + 1 }, reason: "invalid front matter: \(yamlProblem(of: error))")
        } catch {
            throw ArticleParseError(file: file, line: 2, reason: "invalid front matter")
        }
        guard let node else { return result }
        guard let mapping = node.mapping else {
            throw ArticleParseError(file: file, line: 2, reason: "front matter must be key: value pairs")
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let line = key.mark.map { $0.line + 1 } ?? 2
            result.lines[name] = line
            guard knownKeys.contains(name) else {
                throw ArticleParseError(file: file, line: line, reason: "unknown front matter key '\(name)'")
            }
            if let sequence = value.sequence {
                result.fields[name] = sequence.compactMap(\.string)
            } else if let scalar = value.scalar {
                result.fields[name] = scalar.string
            } else {
                throw ArticleParseError(file: file, line: line, reason: "'\(name)' must be text or a list")
            }
        }
        return result
    }

    func string(_ key: String, file: String) throws(ArticleParseError) -> String? {
        guard let value = fields[key] else { return nil }
        guard let text = value as? String else {
            throw ArticleParseError(file: file, line: lines[key], reason: "'\(key)' must be text, not a list")
        }
        let trimmed = text.trimmingBlanks(newlines: true)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `true` or `false` (YAML's other spellings of a boolean are refused, so a typo cannot flip it).
    func flag(_ key: String, file: String) throws(ArticleParseError) -> Bool {
        switch try string(key, file: file)?.lowercased() {
        case nil, "false": false
        case "true": true
        case let other?: throw ArticleParseError(file: file, line: lines[key], reason: "'\(key)' must be true or false, not '\(other)'")
        }
    }

    func list(_ key: String) -> [String] {
        if let list = fields[key] as? [String] { return list }
        if let text = fields[key] as? String {
            return text.split(separator: ",").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        }
        return []
    }

    private static func yamlLine(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func yamlProblem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
