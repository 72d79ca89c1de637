import Foundation
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import Testing

/// Issue 15, item 7: `lotse serve --index X` without `--articles` serves X as it is and never writes it.
@Suite("Prebuilt index")
struct PrebuiltIndexTests {
    @Test("--index without --articles: no rebuild; --articles, or neither, builds as before")
    func locationDecidesTheBuild() {
        var configuration = ServerConfiguration()
        configuration.locate(articles: nil, index: "/srv/lotse/index.sqlite")
        #expect(!configuration.buildIndexOnStart && configuration.indexPath == "/srv/lotse/index.sqlite")
        configuration.locate(articles: "hilfe", index: "/srv/lotse/index.sqlite")
        #expect(configuration.buildIndexOnStart && configuration.articlesDirectory == "hilfe")
        configuration.locate(articles: nil, index: nil)
        #expect(configuration.buildIndexOnStart)
    }

    @Test("a restart with a malformed article or an emptied folder serves the last good index instead of not starting")
    func restartKeepsServingTheLastGoodIndex() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.workspace.build()
        _ = try fixture.workspace.write("---\ntitle: [kaputt\n---\nText", to: "kaputt.md")
        try await fixture.test { client in
            let page = try await client.execute(uri: "/api/v1/search?q=passwort", method: .get)
            #expect(page.status == .ok && !((page.json["results"] as? [Any]) ?? []).isEmpty, "the previous index answers")
        }
    }

    @Test("a prebuilt index is served unchanged although the articles folder differs or is missing")
    func prebuiltIndexIsNotWritten() async throws {
        let fixture = try ServerFixture()
        let index = fixture.workspace.indexPath
        _ = try fixture.workspace.build()
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        let modified = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        var configuration = fixture.configuration
        configuration.locate(articles: nil, index: index)
        // What `./articles` would be: a folder that does not exist.
        configuration.articlesDirectory = fixture.workspace.directory.path("gibt-es-nicht")
        try await ServerFixture(configuration: configuration, workspace: fixture.workspace).test { client in
            let response = try await client.execute(uri: "/api/v1/search?q=Kundennummer", method: .get)
            #expect(response.status == .ok)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date == modified)
    }
}
