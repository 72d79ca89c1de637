import Foundation
import LotseTickets
import Testing

/// What `lotse index` learns from (`TicketStore.learningOutcomes`), and that erasure and retention take it away,
/// on every store.
@Suite("Learning outcomes")
struct LearningOutcomeTests {
    @Test("deflections and helpful votes after a search that showed the article are outcomes; other votes are not",
          arguments: StoreFactory.all)
    func outcomes(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        _ = try await store.recordDeflection(DeflectionRecord(session: "s1", articleID: "kuendigung", subject: "Vertrag beenden",
                                                              description: "Wie höre ich auf?", time: at(1)))
        _ = try await store.recordDeflection(DeflectionRecord(session: nil, articleID: "kuendigung", subject: "Abo stoppen", time: at(2)))
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Rechnung doppelt", resultCount: 1, session: "s2", articleIDs: ["rechnung"],
                          time: at(3)),
            QueryLogEntry(endpoint: "search", query: "Geld zurück", resultCount: 1, session: "s2", articleIDs: ["rechnung"], time: at(4)),
            QueryLogEntry(endpoint: "search", query: "später", resultCount: 1, session: "s2", articleIDs: ["rechnung"], time: at(9)),
        ])
        // A second one without a session counts as the same session: two identical posts are not two customers.
        _ = try await store.recordDeflection(DeflectionRecord(session: nil, articleID: "kuendigung", subject: "Abo stoppen", time: at(2)))
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: true, session: "s2", time: at(5)))
        // Not helpful, no session, or an article the session's searches never showed: nothing to learn.
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: false, session: "s2", time: at(5)))
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: true, session: nil, time: at(5)))
        try await store.recordFeedback(FeedbackRecord(articleID: "passwort", helpful: true, session: "s2", time: at(5)))

        let outcomes = try await store.learningOutcomes()
        #expect(outcomes.count == 4)
        #expect(Set(outcomes.filter { $0.articleID == "kuendigung" }.map(\.session)) == ["s1", "deflection"])
        #expect(outcomes.contains(LearningOutcome(session: "s1", articleID: "kuendigung", text: "Vertrag beenden\nWie höre ich auf?")))
        #expect(outcomes.contains(LearningOutcome(session: "deflection", articleID: "kuendigung", text: "Abo stoppen")))
        #expect(outcomes.contains(LearningOutcome(session: "s2", articleID: "rechnung", text: "Geld zurück")),
                "the session's last query before the vote")
        withExtendedLifetime(keep) {}
    }

    @Test("erasure by e-mail and retention remove the outcomes", arguments: StoreFactory.all)
    func erasureAndRetention(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        _ = try await store.createTicket(sampleTicket("jörg@beispiel.de", session: "s-jörg"), idempotencyKey: nil, forward: false,
                                         at: at(0))
        _ = try await store.recordDeflection(DeflectionRecord(session: "s-jörg", articleID: "rechnung", subject: "Beleg", time: at(1)))
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Beleg März", resultCount: 1, session: "s-jörg", articleIDs: ["rechnung"],
                          time: at(1)),
        ])
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: true, session: "s-jörg", time: at(2)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "s-alt", articleID: "passwort", subject: "Kennwort", time: at(3)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "s-neu", articleID: "passwort", subject: "Zugang", time: at(900)))
        #expect(try await store.learningOutcomes().count == 4)

        _ = try await store.deleteTickets(email: "Jörg@Beispiel.de")
        #expect(try await store.learningOutcomes().map(\.session).sorted() == ["s-alt", "s-neu"])
        _ = try await store.purge(closedBefore: at(500), logsBefore: at(500))
        #expect(try await store.learningOutcomes() == [LearningOutcome(session: "s-neu", articleID: "passwort", text: "Zugang")])
        withExtendedLifetime(keep) {}
    }
}
