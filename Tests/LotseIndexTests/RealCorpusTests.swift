import Foundation
import GRDB
import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing

/// The shipped `articles/` folder indexes completely and without help-center boilerplate.
@Suite struct RealCorpusTests {
    static let articlesPath = ArticleWorkspace.repositoryArticles

    /// Builds the real corpus into a temporary index (the articles folder is only read).
    static func buildCorpus() throws -> (ArticleWorkspace, BuildReport, IndexInspector) {
        let workspace = try ArticleWorkspace(readingArticlesAt: articlesPath)
        let report = try workspace.build()
        return (workspace, report, try workspace.inspector())
    }

    @Test func corpusIndexesWithoutRejections() throws {
        let (_, report, index) = try Self.buildCorpus()
        #expect(report.rejected.isEmpty)
        #expect(report.wroteIndex)
        #expect(report.added >= 40)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.articlesPath)
            .filter { ArticleParser.isArticle(URL(fileURLWithPath: $0)) }
        #expect(try index.ids().count == files.count)
        #expect(try index.count(sql: "SELECT count(*) FROM articles") >= 40)
        #expect(try index.count(sql: "SELECT count(*) FROM articles WHERE path LIKE '%.html'") >= 8)
        #expect(try index.count(sql: "SELECT count(*) FROM articles WHERE lang = 'en'") >= 4)
        #expect(try index.count(sql: "SELECT count(*) FROM articles WHERE title = '' OR body = ''") == 0)
    }

    @Test func everyCorpusArticleIsFindableByATitleWord() throws {
        let (_, _, index) = try Self.buildCorpus()
        let rows = try index.queue.read { db in try Row.fetchAll(db, sql: "SELECT id, title, lang FROM articles") }
        #expect(rows.count >= 40)
        for row in rows {
            let id: String = row["id"], title: String = row["title"], lang: String = row["lang"]
            let language = Language(rawValue: lang) ?? .de
            let words = Analyzer(language: language).words(in: title).map(\.folded)
            let longest = try #require(words.max { $0.utf8.count < $1.utf8.count }, "\(id) has no title words")
            #expect(try index.ids(matching: longest).contains(id), "\(id): title word '\(longest)' not found")
        }
    }

    @Test(arguments: ["kommentare", "hilfreich", "cookie", "cookies", "newsletter", "impressum", "trackingpixelloaded"])
    func boilerplateWordIsNotInCorpusIndex(term: String) throws {
        let (_, _, index) = try Self.buildCorpus()
        #expect(try index.ids(matching: term).isEmpty)
        #expect(try !index.hasTermStatistics(term))
        let bodies = try index.count(sql: "SELECT count(*) FROM articles WHERE instr(lower(body), ?) > 0", arguments: [term])
        #expect(bodies == 0)
    }

    @Test func htmlArticlesKeepTheirOwnText() throws {
        let (_, _, index) = try Self.buildCorpus()
        #expect(try index.ids(matching: "speicherpaket").contains("webspace-speicherplatz-erweitern"))
        #expect(try index.value(.title, of: "webspace-speicherplatz-erweitern") == "Speicherplatz erweitern")
        #expect(try index.value(.url, of: "webspace-speicherplatz-erweitern") == "/hilfe/webhosting/webspace-speicherplatz-erweitern")
        #expect(try index.value(.category, of: "webspace-speicherplatz-erweitern") == "Webhosting")
    }
}
