import Foundation
import HummingbirdTesting
import Logging
import LotseServer
import LotseTestSupport
import LotseTickets
import Synchronization
import Testing

/// `--synonyms` and `--pins` in a running server: edits apply without a restart, a file with a mistake is
/// logged with its line while the previous curation keeps serving.
@Suite struct CurationReloadTests {
    private let fixture: ServerFixture
    private let synonyms: String
    private let pins: String
    private let log = RecordedLog()

    init() throws {
        var fixture = try ServerFixture()
        synonyms = fixture.workspace.directory.path("synonyms.txt")
        pins = fixture.workspace.directory.path("pins.json")
        fixture.configuration.synonymsPath = synonyms
        fixture.configuration.pinsPath = pins
        self.fixture = fixture
        try write(synonyms, "geheimwort, kundennummer\n")
        try write(pins, "[]\n")
    }

    private func write(_ path: String, _ text: String) throws {
        // Written beside and renamed over, as deployment tools do; an in-place edit is noticed the same way.
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        _ = rename(path + ".tmp", path)
    }

    private func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(configuration: fixture.configuration, logger: log.logger)
        try await app.test(.router, body)
    }

    private func first(_ client: any TestClientProtocol, _ query: String) async throws -> String? {
        let response = try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get)
        return (response.json["results"] as? [[String: Any]])?.first?["id"] as? String
    }

    private func health(_ client: any TestClientProtocol) async throws -> String? {
        try await client.execute(uri: "/healthz", method: .get).json["status"] as? String
    }

    private func waitUntil(_ client: any TestClientProtocol, _ query: String, isFirst id: String) async throws -> Bool {
        try await eventually(interval: .milliseconds(50)) { try await first(client, query) == id }
    }

    @Test func anEditedSynonymFileAppliesWithoutARestart() async throws {
        try await test { client in
            #expect(try await first(client, "Geheimwort") == "kundennummer")
            try write(synonyms, "# moved\ngeheimwort, passwort\n")
            #expect(try await waitUntil(client, "Geheimwort", isFirst: "passwort-zuruecksetzen"))
        }
    }

    @Test func anEditedPinsFileAppliesWithoutARestart() async throws {
        try await test { client in
            #expect(try await first(client, "Postfach") == "postfach-einrichten")
            try write(pins, #"[{"query": "Postfach einrichten", "articleId": "kundennummer", "position": 1}]"#)
            #expect(try await waitUntil(client, "Postf", isFirst: "kundennummer"))
            let response = try await client.execute(uri: "/api/v1/search?q=Postfach", method: .get)
            #expect((response.json["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.prefix(2)
                    == ["kundennummer", "postfach-einrichten"])
        }
    }

    @Test func aMalformedFileIsLoggedWithItsLineAndThePreviousCurationStays() async throws {
        try write(pins, #"[{"query": "Postfach", "articleId": "kundennummer", "position": 1}]"#)
        try await test { client in
            #expect(try await first(client, "Postfach") == "kundennummer")
            try write(pins, """
                [
                  {"query": "Postfach", "articleId": "passwort-zuruecksetzen", "position": 1},
                  {"query": 1}
                ]
                """)
            #expect(await eventually { log.contains("pins.json:3") })
            #expect(try await first(client, "Postfach") == "kundennummer")
            #expect(try await health(client) == "degraded")
            // The synonyms are kept too: a curation is applied whole or not at all.
            try write(synonyms, "geheimwort, passwort\n")
            #expect(await eventually { log.count("pins.json:3") >= 2 })
            #expect(try await first(client, "Geheimwort") == "kundennummer")
            try write(pins, #"[{"query": "Postfach", "articleId": "passwort-zuruecksetzen", "position": 1}]"#)
            #expect(try await waitUntil(client, "Postfach", isFirst: "passwort-zuruecksetzen"))
            #expect(try await first(client, "Geheimwort") == "passwort-zuruecksetzen")
            #expect(try await health(client) == "ok")
        }
    }

    @Test func aMalformedFileAtStartIsAConfigurationError() async throws {
        try write(synonyms, "geheimwort, passwort\nallein\n")
        do {
            _ = try await buildApplication(configuration: fixture.configuration, logger: log.logger)
            Issue.record("the server started with a malformed synonym file")
        } catch let error as ConfigurationError {
            #expect(error.description == "\(synonyms):2: a group needs at least two expressions, separated by commas")
        }
    }

    /// A pin of an article the index lacks is skipped; once a rebuilt index has the article, the pin applies.
    @Test func aReloadedIndexGetsTheCurrentCuration() async throws {
        try write(pins, #"[{"query": "Postfach", "articleId": "abwesenheit", "position": 1}]"#)
        try await test { client in
            #expect(log.contains("pin skipped"))
            #expect(try await first(client, "Postfach") == "postfach-einrichten")
            try fixture.workspace.write(ArticleFixtures.simple(title: "Abwesenheitsnotiz einrichten",
                                                               text: "So richten Sie eine Abwesenheitsnotiz ein."), to: "abwesenheit.md")
            _ = try fixture.workspace.build()
            #expect(try await waitUntil(client, "Postfach", isFirst: "abwesenheit"))
        }
    }
}

/// Log messages (with their metadata) kept for a test to look at.
final class RecordedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger { Logger(label: "test") { _ in Handler(log: self) } }

    func contains(_ text: String) -> Bool { count(text) > 0 }
    func count(_ text: String) -> Int { lines.withLock { $0.filter { $0.contains(text) }.count } }

    private struct Handler: LogHandler {
        let log: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let text = "\(event.message) \((event.metadata ?? [:]).merging(metadata) { new, _ in new })"
            log.lines.withLock { $0.append(text) }
        }
    }
}
