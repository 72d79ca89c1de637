import Foundation

extension SourceFile {
    enum DeclaredValue { case id, url }

    /// The 1-based line that declares the article's id or url — its front-matter key, or in HTML its
    /// `<meta name="lotse:id">` or `<link rel="canonical">` — for an error about the value; nil where the value was
    /// derived (from the file name, the category). Only asked about a rejected file, so it reads the text again.
    func declarationLine(of value: DeclaredValue) -> Int? {
        let text = String(decoding: data, as: UTF8.self)
        if ArticleParser.htmlExtensions.contains((relativePath as NSString).pathExtension.lowercased()) {
            return ArticleParser.lineOf(value == .id ? "lotse:id" : "canonical", in: text)
        }
        let key = value == .id ? "id:" : "url:"
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix(key) { return offset + 1 }
            if offset > 0, line.hasPrefix("---") { return nil }  // the front matter ended
        }
        return nil
    }
}
