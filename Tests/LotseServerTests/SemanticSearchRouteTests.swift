import Foundation
import HTTPTypes
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

    /// The repository's articles served with the encoder, and (once the server has built the index) engines of both
    /// rankings over it; nil without the model, which `LOTSE_TEST_REQUIRE_SHARED` turns into a failure.
    static func server() throws -> (ServerFixture, engines: @Sendable () throws -> (SearchEngine, SearchEngine))? {
        guard let model = try SemanticTestModel.load() else { return nil }
        let workspace = try ArticleWorkspace(readingArticlesAt: ArticleWorkspace.repositoryArticles)
        var fixture = ServerFixture(workspace: workspace)
        fixture.configuration.semanticModel = model
        let index = workspace.indexPath
        return (fixture, { (try SearchEngine(indexPath: index, connectionCount: 1, semantic: model),
                            try SearchEngine(indexPath: index, connectionCount: 1)) })
    }

    @Test func questionWithoutSessionWaitsForItsEmbeddingAndKeystrokesDoNot() async throws {
        guard let (fixture, engines) = try Self.server() else { return }
        try await fixture.test { client in
            let (hybrid, lexical) = try engines()
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

    /// The help center's search page asks once, as the API without a session: its first answer is the hybrid one
    /// (a keystroke's lexical stand-in, cached publicly for five minutes, would be what everyone behind a cache sees).
    @Test func searchPageWaitsForItsEmbedding() async throws {
        guard let (fixture, engines) = try Self.server() else { return }
        try await fixture.test { client in
            let (hybrid, lexical) = try engines()
            // As the page asks: 20 German articles (the browser's language; the test client names none).
            let options = SearchOptions(limit: 20, language: .de)
            let hybridIDs = try await hybrid.search(Self.typed, options: options).map(\.id)
            let lexicalIDs = try await lexical.search(Self.typed, options: options).map(\.id)
            #expect(hybridIDs != lexicalIDs)
            let escaped = try #require(Self.typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let page = try await client.execute(uri: "/hilfe?q=\(escaped)", method: .get)
            let ids = page.text.components(separatedBy: "data-id=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
                .map(String.init)
            #expect(!hybridIDs.isEmpty && ids == hybridIDs, "\(ids)")
            #expect(page.headers[.cacheControl] == "public, max-age=300", "an answer that does not change may be kept")
        }
    }
}
