import Foundation
import HummingbirdTesting
import Logging
import LotseIndex
import LotseServer
import LotseTestSupport
import Testing

@Suite struct HotReloadTests {
    /// Asks `uri` until `accept` holds for its JSON answer or 30 s have passed; the last answer.
    private func poll(_ client: any TestClientProtocol, _ uri: String,
                      until accept: @escaping @Sendable ([String: Any]) -> Bool) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        _ = try await eventually(interval: .milliseconds(50)) {
            last = try await client.execute(uri: uri, method: .get).json
            return accept(last)
        }
        return last
    }

    /// Rebuilds the index while requests run: every request succeeds, and the new article becomes findable
    /// without a restart.
    @Test func indexIsReplacedDuringRequestsWithoutFailures() async throws {
        let fixture = try ServerFixture()
        let workspace = fixture.workspace
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/search?q=Abwesenheitsnotiz", method: .get) { response in
                #expect((response.json["results"] as? [Any])?.isEmpty == true)
            }
            let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var failed = 0
                        for round in 0..<40 {
                            let query = ["Kundennummer", "Passwort", "Postfach", "Rechnung"][(worker + round) % 4]
                            let response = try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get)
                            if response.status != .ok { failed += 1 }
                        }
                        return failed
                    }
                }
                group.addTask {
                    for round in 0..<3 {
                        try workspace.write(ArticleFixtures.simple(
                            title: "Abwesenheitsnotiz einrichten \(round)",
                            text: "So richten Sie eine Abwesenheitsnotiz für Ihr Postfach ein, Version \(round)."), to: "abwesenheit.md")
                        _ = try workspace.build()
                        try await Task.sleep(for: .milliseconds(120))
                    }
                    return 0
                }
                return try await group.reduce(0, +)
            }
            #expect(failures == 0)
            // The last build is picked up once its engine is warmed (bounded), so ask until it answers.
            let answer = try await poll(client, "/api/v1/search?q=Abwesenheitsnotiz") {
                ($0["results"] as? [[String: Any]])?.first?["title"] as? String == "Abwesenheitsnotiz einrichten 2"
            }
            let results = answer["results"] as? [[String: Any]] ?? []
            #expect(results.first?["id"] as? String == "abwesenheit")
            #expect(results.first?["title"] as? String == "Abwesenheitsnotiz einrichten 2")
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.json["articles"] as? Int == 4)
            }
        }
    }

    @Test func brokenReplacementKeepsThePreviousIndexServing() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            // A truncated file renamed into place: the server keeps the old engine and reports the problem.
            let garbage = fixture.workspace.directory.path("garbage.sqlite")
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
            _ = rename(garbage, fixture.workspace.indexPath)
            // The reload service notices the replacement, refuses it and says so.
            let health = try await poll(client, "/healthz") { $0["status"] as? String == "degraded" }
            #expect(health["status"] as? String == "degraded")
            try await client.execute(uri: "/api/v1/search?q=Kundennummer", method: .get) { response in
                #expect(response.status == .ok)
                #expect((response.json["results"] as? [[String: Any]])?.first?["id"] as? String == "kundennummer")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.json["status"] as? String == "degraded")
                // The reason stays in the log: no path, no SQLite text in a public answer.
                #expect(response.json["indexError"] == nil)
                #expect(!response.text.contains(fixture.workspace.indexPath) && !response.text.contains("database"))
            }
        }
    }

    /// A valid index cut in half (a copy that stopped midway) is refused; a good one afterwards is picked up.
    @Test func truncatedIndexIsRefusedAndAGoodOneRecovers() async throws {
        let fixture = try ServerFixture()
        let index = fixture.workspace.indexPath
        try await fixture.test { client in
            let copy = fixture.workspace.directory.path("copy.sqlite")
            var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
            let original = bytes
            bytes.removeLast(bytes.count / 2)
            try bytes.write(to: URL(fileURLWithPath: copy))
            _ = rename(copy, index)
            let degraded = try await poll(client, "/healthz") { $0["status"] as? String == "degraded" }
            #expect(degraded["status"] as? String == "degraded")
            try await client.execute(uri: "/api/v1/search?q=Kundennummer", method: .get) { response in
                #expect(response.status == .ok)
                #expect((response.json["results"] as? [[String: Any]])?.first?["id"] as? String == "kundennummer")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.json["status"] as? String == "degraded")
                #expect(Set(response.json.keys) == ["status", "articles", "analyzerVersion", "semantic"])
            }
            try original.write(to: URL(fileURLWithPath: copy))
            _ = rename(copy, index)
            let health = try await poll(client, "/healthz") { $0["status"] as? String == "ok" }
            #expect(health["status"] as? String == "ok")
            #expect(health["indexError"] == nil)
        }
    }
}

@Suite struct ReloadWarmingTests {
    /// The replacement engine already holds what the old one was asked for when it takes over.
    @Test func reloadHandsTheRecentTermsToTheNewEngine() async throws {
        let workspace = try ArticleWorkspace(files: ArticleFixtures.markdownSet)
        _ = try workspace.build()
        let holder = try IndexHolder(path: workspace.indexPath, connections: 1)
        let old = holder.engine
        _ = try await old.search("Kundennummer")
        #expect(await holder.reloadIfChanged(logger: Logger(label: "test")) == false)
        try workspace.write(
            ArticleFixtures.simple(title: "Abwesenheitsnotiz einrichten", text: "So richten Sie eine Abwesenheitsnotiz ein."),
                            to: "abwesenheit.md")
        _ = try workspace.build()
        #expect(await holder.reloadIfChanged(logger: Logger(label: "test")) == true)
        #expect(holder.engine !== old)
        #expect(holder.engine.recentTerms(limit: 100).contains("kundennummer"))
        #expect(holder.engine.articleCount == old.articleCount + 1)
    }
}
