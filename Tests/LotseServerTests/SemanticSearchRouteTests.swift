import Foundation
import HummingbirdTesting
import LotseSearch
import LotseServer
import LotseTestSupport
import Testing

/// Semantic ranking over HTTP: a question asked once (no `session`) gets the hybrid answer the first time; the
/// portal's keystrokes (with a `session`) never wait for the encoder.
@Suite("Semantic search route")
struct SemanticSearchRouteTests {
    /// Paraphrases the lexical ranking answers otherwise (so the test can fail both ways).
    static let asked = "Vertrag doch weiterlaufen lassen", typed = "Kollegin hat neues Diensthandy, Codes waren auf dem alten Gerät"

    @Test func questionWithoutSessionWaitsForItsEmbeddingAndKeystrokesDoNot() async throws {
        guard let model = try SemanticTestModel.load() else { return }
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        var fixture = ServerFixture(workspace: workspace)
        fixture.configuration.semanticModel = model
        try await fixture.test { client in
            let hybrid = try SearchEngine(indexPath: workspace.indexPath, connectionCount: 1, semantic: model)
            let lexical = try SearchEngine(indexPath: workspace.indexPath, connectionCount: 1)
            for (text, session) in [(Self.asked, nil), (Self.typed, "portal-1")] {
                let hybridIDs = try await hybrid.search(text).map(\.id), lexicalIDs = try await lexical.search(text).map(\.id)
                #expect(hybridIDs != lexicalIDs, "\(text)")
                let escaped = try #require(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                let uri = "/api/v1/search?q=\(escaped)" + (session.map { "&session=\($0)" } ?? "")
                try await client.execute(uri: uri, method: .get) { response in
                    let ids = (response.json["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    // Asked once: the hybrid answer. A keystroke of a text nobody embedded yet: lexical-only.
                    #expect(ids == (session == nil ? hybridIDs : lexicalIDs), "\(text)")
                }
            }
        }
    }
}
