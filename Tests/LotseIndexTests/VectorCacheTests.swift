import Foundation
import GRDB
import LotseSemantic
import LotseTestSupport
import Testing
@testable import LotseIndex

/// Article vectors are cached by content hash: an incremental build embeds only the changed articles.
@Suite struct VectorCacheTests {
    @Test func incrementalBuildEmbedsOnlyChangedArticles() throws {
        guard let model = try SemanticTestModel.load() else { return }
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        let first = try IndexBuilder(configuration: configuration(workspace, model)).build()
        #expect(first.embedded == first.articleCount && first.articleCount > 1)
        let before = try vectors(workspace.indexPath)
        let (name, text) = try #require(ArticleFixtures.markdownSet.first)
        try workspace.write(text + "\n\nEin neuer Absatz über Rechnungen.\n", to: name)
        let second = try IndexBuilder(configuration: configuration(workspace, model)).build()
        #expect(second.embedded == 1 && second.updated == 1)
        let after = try vectors(workspace.indexPath)
        #expect(after.count == before.count)
        #expect(Set(after.values).intersection(Set(before.values)).count == before.count - 1)
    }

    private func configuration(_ workspace: ArticleWorkspace, _ model: SemanticModel) -> IndexConfiguration {
        var configuration = workspace.configuration()
        configuration.semantic = model
        return configuration
    }

    private func vectors(_ path: String) throws -> [String: Data] {
        try IndexStore.openReadOnly(path: path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT a.id, v.lead FROM articles a JOIN vectors v USING (hash)")
                .map { ($0[0] as String, $0[1] as Data) })
        }
    }
}
