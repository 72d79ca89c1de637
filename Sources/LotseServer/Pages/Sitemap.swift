import LotseIndex
import LotseSearch

/// `/sitemap.xml`: the start page, every category page and every article once, as absolute URLs under `base`.
enum Sitemap {
    static func xml(base: String, articles: [(url: String, category: String, updated: String?)]) -> String {
        let categories = Set(articles.map { ListPages.categoryPath($0.category) }).sorted()
        var entries = ([ArticleAddress.prefix] + categories).map { entry(base + $0, updated: nil) }
        entries += articles.map { entry(base + $0.url, updated: $0.updated) }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(entries.joined(separator: "\n"))
            </urlset>

            """
    }

    private static func entry(_ location: String, updated: String?) -> String {
        let lastModified = updated.flatMap(isoDate).map { "<lastmod>\($0)</lastmod>" } ?? ""
        return "<url><loc>\(HTML.escape(location))</loc>\(lastModified)</url>"
    }

    /// Only a `YYYY-MM-DD` date is a valid `lastmod`.
    private static func isoDate(_ text: String) -> String? {
        let day = text.prefix(10)
        let valid = day.count == 10 && day.enumerated().allSatisfy { index, character in
            index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
        }
        return valid ? String(day) : nil
    }
}
