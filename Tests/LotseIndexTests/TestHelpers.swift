import Foundation
import LotseIndex
import Testing

/// Parses `text` as the file `file`, recording an issue (and returning nil) when it is rejected.
func parseArticle(_ text: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) -> Article? {
    do {
        return try ArticleParser.parse(Data(text.utf8), file: file)
    } catch {
        Issue.record("\(file) was rejected: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The parse error for `data` read from `file`, recording an issue when it parses.
func parseError(_ data: Data, file: String, sourceLocation: SourceLocation = #_sourceLocation) -> ArticleParseError? {
    do {
        let article = try ArticleParser.parse(data, file: file)
        Issue.record("\(file) parsed but should be rejected: \(article)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The errors of a build that must fail with `IndexError.rejectedArticles`; records an issue otherwise.
func rejectedArticles(sourceLocation: SourceLocation = #_sourceLocation, _ build: () throws -> BuildReport) -> [ArticleParseError]? {
    do {
        let report = try build()
        Issue.record("build succeeded but should reject articles: \(report.summary)", sourceLocation: sourceLocation)
        return nil
    } catch IndexError.rejectedArticles(let errors) {
        return errors
    } catch {
        Issue.record("build failed with \(error) instead of rejectedArticles", sourceLocation: sourceLocation)
        return nil
    }
}
