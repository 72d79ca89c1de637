import Foundation
import LotseTickets
import Testing

/// What the content-gap topics are grouped from (`TicketStore.gapInputs`), the same on every store.
@Suite("Gap inputs")
struct GapInputTests {
    private func search(_ query: String, results: [String] = [], session: String?, _ seconds: Double,
                        endpoint: String = "search") -> QueryLogEntry {
        QueryLogEntry(endpoint: endpoint, query: query, resultCount: results.count, session: session, articleIDs: results,
                      time: at(seconds))
    }

    @Test("zero-result queries and tickets after suggestions in the window, newest first, with the articles that did not help",
          arguments: StoreFactory.all)
    func inputs(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await store.recordQueries([
            search("Rechnung stornieren", session: "s1", -50),  // before the window
            search("Passwort", results: ["passwort", "kennwort"], session: "s1", 10),
            search("Rechnung stornieren", session: "s1", 20),
            search("Storno Beleg", session: nil, 30, endpoint: "suggest"),
            search("Kündigung", results: ["kuendigung", "vertrag"], session: "s3", 40),
        ])
        _ = try await store.recordDeflection(DeflectionRecord(session: "s1", articleID: "kennwort", time: at(25)))
        try await store.recordFeedback(FeedbackRecord(articleID: "domain", helpful: false, session: "s1", time: at(26)))
        try await store.recordFeedback(FeedbackRecord(articleID: "vertrag", helpful: true, session: "s3", time: at(41)))
        _ = try await store.createTicket(sampleTicket(subject: "Vertrag beenden", session: "s3"), idempotencyKey: nil, forward: false,
                                         at: at(50))
        _ = try await store.createTicket(sampleTicket("anna@beispiel.de", subject: "Ohne Vorschläge", session: "s9"), idempotencyKey: nil,
                                         forward: false, at: at(60))

        let inputs = try await store.gapInputs(since: at(0), limit: 100)
        #expect(inputs.map(\.kind) == ["ticket", "suggest", "search"])
        #expect(inputs.map(\.time) == [at(50), at(30), at(20)])
        let ticket = try #require(inputs.first)
        #expect(ticket.text.hasPrefix("Vertrag beenden\nGrüß Gott, die Rechnung"))
        #expect(ticket.session == "s3")
        #expect(ticket.unhelpfulArticles == ["kuendigung"], "suggested before it, less the one voted helpful")
        #expect(inputs[1].text == "Storno Beleg" && inputs[1].session == nil && inputs[1].unhelpfulArticles.isEmpty)
        #expect(inputs[2].unhelpfulArticles == ["passwort", "domain"], "shown and not solved, then voted not helpful")

        let newest = try await store.gapInputs(since: at(0), limit: 1)
        #expect(newest.map(\.time) == [at(50), at(30)], "at most `limit` of each kind, the newest")
        withExtendedLifetime(keep) {}
    }

    @Test("a long ticket is read up to its first 600 characters; erasure and retention take the inputs away",
          arguments: StoreFactory.all)
    func boundsAndErasure(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await store.recordQueries([
            search("Kündigung", results: ["kuendigung"], session: "s-jörg", 1),
            search("Vertrag übertragen", session: "s-jörg", 2),
            search("Domain Umzug", session: "s-alt", 3),
        ])
        var long = sampleTicket("jörg@beispiel.de", session: "s-jörg")
        long.description = String(repeating: "Wort ", count: 1_000)
        _ = try await store.createTicket(long, idempotencyKey: nil, forward: false, at: at(4))
        let inputs = try await store.gapInputs(since: at(0), limit: 10)
        #expect(inputs.count == 3)
        #expect(inputs.first?.text.count == GapInput.maximumTicketCharacters)

        _ = try await store.deleteTickets(email: "Jörg@Beispiel.de")
        #expect(try await store.gapInputs(since: at(0), limit: 10).map(\.text) == ["Domain Umzug"])
        _ = try await store.purge(closedBefore: at(0), logsBefore: at(100))
        #expect(try await store.gapInputs(since: at(0), limit: 10).isEmpty)
        withExtendedLifetime(keep) {}
    }
}
