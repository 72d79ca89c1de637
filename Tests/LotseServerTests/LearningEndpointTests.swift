import Foundation
import HummingbirdTesting
import LotseIndex
import LotseServer
import LotseTestSupport
import LotseTickets
import Testing

/// Issue 18's interface end to end: deflections posted to the API, a build that learns from the ticket store, the
/// running server switching to it, the admin API showing what was learned, and erasure by e-mail unlearning it.
@Suite("Learning from outcomes over HTTP")
struct LearningEndpointTests {
    @Test("posted deflections are learned by the next build and served without a restart; erasure unlearns them")
    func learnServeAndErase() async throws {
        let fixture = try TicketFixture()
        let configuration = fixture.server.configuration
        @Sendable func rebuild() async throws {
            let outcomes = try await SQLiteTicketStore(path: configuration.dataPath).learningOutcomes()
            let learning = LearningConfiguration(
                outcomes: outcomes.map { CustomerWords(session: $0.session, articleID: $0.articleID, text: $0.text) })
            try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: configuration.articlesDirectory,
                                                               indexPath: configuration.indexPath, learning: .learn(learning))).build()
        }
        try await fixture.test { client in
            func top() async throws -> String? {
                let results = try await client.execute(uri: "/api/v1/search?q=Zugang+gesperrt", method: .get).json["results"]
                return ((results as? [[String: Any]])?.first)?["id"] as? String
            }
            func learned() async throws -> [String: Int] {
                let words = try await client.admin("/api/v1/admin/articles/passwort-zuruecksetzen/learned").json["words"]
                return Dictionary(uniqueKeysWithValues: ((words as? [[String: Any]]) ?? []).compactMap { word in
                    (word["word"] as? String).flatMap { text in (word["sessions"] as? Int).map { (text, $0) } }
                })
            }
            #expect(try await top() != "passwort-zuruecksetzen")
            // Jana filed a ticket in the session she also solved a problem in; Ole only solved his.
            #expect(try await client.submitTicket(ticketJSON(["email": "jana@beispiel.de", "session": "s-jana"])).status == .created)
            for session in ["s-jana", "s-ole", "erfunden"] {
                // Jana and Ole searched before they said "solved", as the portal does; a made-up session did not.
                if session != "erfunden" {
                    _ = try await client.execute(uri: "/api/v1/search?q=Passwort+vergessen&session=\(session)", method: .get)
                }
                let body = #"{"session":"\#(session)","articleId":"passwort-zuruecksetzen","subject":"Zugang gesperrt"}"#
                #expect(try await client.post("/api/v1/deflections", json: body).status == .created)
            }
            _ = try await client.admin("/api/v1/admin/stats")  // writes the queued searches
            try await rebuild()
            #expect(try await eventually { try await top() == "passwort-zuruecksetzen" }, "the reloaded index ranks with what it learned")
            #expect(try await learned()["zugang"] == 2)

            #expect(try await client.admin("/api/v1/admin/tickets?email=jana%40beispiel.de", method: .delete).status == .ok)
            try await rebuild()
            // One session left: a word only the dictionary knows needs two.
            #expect(try await eventually { try await learned()["zugang"] == nil })
            #expect(try await client.admin("/api/v1/admin/articles/gibt-es-nicht/learned").status == .notFound)
        }
    }
}
