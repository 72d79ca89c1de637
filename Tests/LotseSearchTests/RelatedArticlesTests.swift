import Foundation
import GRDB
import LotseAnalysis
import LotseIndex
import LotseTestSupport
import Testing
@testable import LotseSearch

/// "Verwandte Artikel" on an article's page: 3–5 others in its language, two of its category first, then the
/// engine's closest (hybrid with the sentence encoder when the engine has it).
@Suite struct RelatedArticlesTests {
    static func check(_ engine: SearchEngine, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for id in ["passwort-zuruecksetzen", "kundennummer-finden", "vertrag-kuendigen", "dns-eintraege-bearbeiten"] {
            let article = try #require(try await engine.article(id: id))
            let related = try await engine.related(to: article)
            #expect((3...5).contains(related.count), "\(id): \(related.map(\.id))", sourceLocation: sourceLocation)
            #expect(!related.contains { $0.id == id } && Set(related.map(\.id)).count == related.count, sourceLocation: sourceLocation)
            // Two of its category first, or as many as it has (Domains & DNS has one other German article).
            let siblings = try await engine.articles(inCategory: article.category,
                                                     options: SearchOptions(limit: 50, language: Language(rawValue: article.lang)))
            let expected = min(2, siblings.filter { $0.id != id }.count)
            let categories = related.prefix(2).map(\.category)
            #expect(categories.filter { $0 == article.category }.count == expected && expected > 0, "\(id): \(categories)",
                    sourceLocation: sourceLocation)
            for result in related {
                let language = try await engine.article(id: result.id)?.lang
                #expect(language == article.lang, "\(id) → \(result.id)", sourceLocation: sourceLocation)
                #expect(result.url?.hasPrefix("/hilfe/") == true, sourceLocation: sourceLocation)
            }
        }
    }

    /// Every article page lists its category's first articles: by the category index, not by reading every row (with
    /// 10,000 articles the scan read their bodies too, 60-95 ms of SQL per listing; now under 1 ms).
    @Test func categoryListingReadsOnlyItsRows() throws {
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        try workspace.build()
        let plans = try DatabaseQueue(path: workspace.indexPath).read { db in
            try [false, true].map { language in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SearchEngine.categoryListingSQL(language: language),
                                 arguments: language ? ["Webhosting", "de", 50] : ["Webhosting", 50]).map { $0["detail"] as String }
            }
        }
        for plan in plans {
            let usesIndex = plan.contains { $0.contains("USING INDEX articles_category") }
            #expect(usesIndex && !plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }

    @Test func lexicalNeighbours() async throws {
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        try workspace.build()
        try await Self.check(try workspace.engine())
    }

    @Test func semanticNeighboursWithTheModel() async throws {
        guard let model = try SemanticTestModel.load() else { return }
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: workspace.articlesPath, indexPath: workspace.indexPath,
                                                           semantic: model)).build()
        let engine = try SearchEngine(indexPath: workspace.indexPath, connectionCount: 1, semantic: model)
        #expect(engine.isSemantic)
        try await Self.check(engine)
    }
}
