/// What `MarkdownParser` and `HTMLParser` hand to `ArticleParser`: plain text for the index and sanitised HTML
/// for the portal. Only HTML pages carry `<meta>` values and a `<html lang>`.
struct ParsedDocument {
    var title: String?
    var headings: [String]
    var body: String
    var html: String
    var meta: [String: String] = [:]
    var language: String?
    /// Markdown nested deeper than the page could show, from this line (of the Markdown) on: the article is rejected.
    var tooDeepAtLine: Int?

    static let empty = ParsedDocument(title: nil, headings: [], body: "", html: "")
}
