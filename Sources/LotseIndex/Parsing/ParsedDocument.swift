/// What `MarkdownParser` and `HTMLParser` hand to `ArticleParser`: plain text for the index and sanitised HTML
/// for the portal. Only HTML pages carry `<meta>` values and a `<html lang>`.
struct ParsedDocument {
    var title: String?
    var headings: [String]
    var body: String
    var html: String
    var meta: [String: String] = [:]
    var language: String?

    static let empty = ParsedDocument(title: nil, headings: [], body: "", html: "")
}
