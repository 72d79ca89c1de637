import Foundation
import LotseAnalysis

/// Turns one article file (Markdown with front matter, or an HTML export) into an `Article`, or says why not.
public enum ArticleParser {
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    public static let htmlExtensions: Set<String> = ["html", "htm"]

    public static func isArticle(_ url: URL) -> Bool {
        let ext = url.pathExtension.lowercased()
        return markdownExtensions.contains(ext) || htmlExtensions.contains(ext)
    }

    /// Parses `data` read from `file` (the path used in error messages; its base name is the default id).
    public static func parse(_ data: Data, file: String) throws(ArticleParseError) -> Article {
        let text = try decodeUTF8(data, file: file)
        let ext = (file as NSString).pathExtension.lowercased()
        let defaultID = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if htmlExtensions.contains(ext) {
            return try parseHTML(data, text: text, file: file, defaultID: defaultID)
        }
        return try parseMarkdown(text, file: file, defaultID: defaultID)
    }

    private static func decodeUTF8(_ data: Data, file: String) throws(ArticleParseError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        // Name the line of the first invalid byte.
        var line = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .error, .emptyInput: break scan
            }
        }
        throw ArticleParseError(file: file, line: line, reason: "not valid UTF-8 text")
    }

    private static func parseMarkdown(_ text: String, file: String, defaultID: String) throws(ArticleParseError) -> Article {
        let front = try FrontMatter.parse(text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text, file: file)
        let parsed = MarkdownParser.parse(front.markdown)
        if let line = parsed.tooDeepAtLine {
            throw ArticleParseError(file: file, line: front.markdownLine + line - 1,
                                    reason: "nested more than \(MarkdownParser.maximumNesting) deep: the page could not show the rest")
        }
        let frontTitle = try front.string("title", file: file)
        let title = frontTitle ?? parsed.title
        var headings = parsed.headings
        // An H1 that differs from the front-matter title is content: keep it as a heading.
        if let frontTitle, let heading = parsed.title, heading != frontTitle { headings.insert(heading, at: 0) }
        guard let title, !title.isEmpty else {
            throw ArticleParseError(
                file: file, line: front.markdownLine, reason: "no title: set 'title' in the front matter or start with a '# Heading'")
        }
        guard !parsed.body.isEmpty else {
            throw ArticleParseError(file: file, line: front.markdownLine, reason: "empty body: the article has no text besides its title")
        }
        let language = try parseLanguage(front.string("lang", file: file), file: file, line: front.lines["lang"])
        let id = try front.string("id", file: file) ?? defaultID
        try validateID(id, file: file, line: front.lines["id"])
        let category = try front.string("category", file: file) ?? "Allgemein"
        var url = ArticleAddress.derived(category: category, id: id)
        if let given = try front.string("url", file: file) {
            // An author's address that Lotse would not serve is a mistake to fix, not one to route around.
            guard let valid = ArticleAddress.validated(given) else {
                throw ArticleParseError(file: file, line: front.lines["url"], reason: "invalid url '\(given)': use a path like "
                    + "\(ArticleAddress.prefix)/kategorie/artikel (lowercase ASCII letters, digits, '-'), or leave it out")
            }
            url = valid
        }
        return Article(
            id: id, title: title, headings: headings, body: parsed.body,
            category: category, tags: front.list("tags"),
            language: language, url: url, updated: try front.string("updated", file: file),
            ticketOnly: try front.flag("ticket_only", file: file), html: parsed.html)
    }

    private static func parseHTML(_ data: Data, text: String, file: String, defaultID: String) throws(ArticleParseError) -> Article {
        // `withUnsafeBytes` rethrows untyped: the parser's error comes out as a Result.
        let parsed = try data.withUnsafeBytes { raw in
            Result { () throws(ArticleParseError) in try HTMLParser.parse(raw.bindMemory(to: UInt8.self), file: file) }
        }.get()
        guard let title = parsed.title, !title.isEmpty else {
            throw ArticleParseError(file: file, reason: "no title: the page has neither an <h1> nor a <title>")
        }
        guard !parsed.body.isEmpty else {
            throw ArticleParseError(file: file, reason: "empty body: no text inside <article> or <main>")
        }
        let languageCode = parsed.meta["lotse:lang"] ?? parsed.language
        let language = try parseLanguage(languageCode, file: file, line: lineOf("lang", in: text))
        let id = parsed.meta["lotse:id"] ?? defaultID
        try validateID(id, file: file, line: lineOf("lotse:id", in: text))
        let category = parsed.meta["lotse:category"] ?? "Allgemein"
        // An exported page's canonical link names the old help center's address: kept only when Lotse can serve it.
        let url = parsed.meta["canonical"].flatMap(ArticleAddress.validated) ?? ArticleAddress.derived(category: category, id: id)
        let tags = (parsed.meta["lotse:tags"] ?? parsed.meta["keywords"] ?? "")
            .split(separator: ",").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        return Article(
            id: id, title: title, headings: parsed.headings, body: parsed.body,
            category: category, tags: tags, language: language, url: url, updated: parsed.meta["lotse:updated"],
            ticketOnly: parsed.meta["lotse:ticket-only"]?.lowercased() == "true", html: parsed.html)
    }

    private static func parseLanguage(_ code: String?, file: String, line: Int?) throws(ArticleParseError) -> Language {
        guard let code else { return .de }
        let primary = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard let language = Language(rawValue: primary) else {
            let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
            throw ArticleParseError(file: file, line: line, reason: "unknown lang '\(code)' (known: \(known))")
        }
        return language
    }

    private static func validateID(_ id: String, file: String, line: Int?) throws(ArticleParseError) {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
        guard !id.isEmpty, id.count <= 200, allowed else {
            throw ArticleParseError(file: file, line: line, reason: "invalid id '\(id)': use ASCII letters, digits, '-' and '_'")
        }
    }

    static func lineOf(_ needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }
}
