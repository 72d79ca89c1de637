import Foundation
import LotseTickets
import Testing

/// What `lotse index` learns from (`TicketStore.learningOutcomes`), and that erasure and retention take it away,
/// on every store.
@Suite("Learning outcomes")
struct LearningOutcomeTests {
    @Test("deflections of a session that searched first and helpful votes after a search that showed the article are outcomes",
          arguments: StoreFactory.all)
    func outcomes(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await store.recordQueries([
            QueryLogEntry(endpoint: "suggest", query: "Vertrag beenden", resultCount: 1, session: "s1", articleIDs: ["kuendigung"],
                          time: at(0)),
        ])
        _ = try await store.recordDeflection(DeflectionRecord(session: "s1", articleID: "kuendigung", subject: "Vertrag beenden",
                                                              description: "Wie höre ich auf?", time: at(1)))
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Rechnung doppelt", resultCount: 1, session: "s2", articleIDs: ["rechnung"],
                          time: at(3)),
            QueryLogEntry(endpoint: "search", query: "Geld zurück", resultCount: 1, session: "s2", articleIDs: ["rechnung"], time: at(4)),
            QueryLogEntry(endpoint: "search", query: "später", resultCount: 1, session: "s2", articleIDs: ["rechnung"], time: at(9)),
        ])
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: true, session: "s2", time: at(5)))
        // Not helpful, no session, or an article the session's searches never showed: nothing to learn.
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: false, session: "s2", time: at(5)))
        try await store.recordFeedback(FeedbackRecord(articleID: "rechnung", helpful: true, session: nil, time: at(5)))
        try await store.recordFeedback(FeedbackRecord(articleID: "passwort", helpful: true, session: "s2", time: at(5)))

        let outcomes = try await store.learningOutcomes()
        #expect(outcomes.count == 2)
        #expect(outcomes.contains(LearningOutcome(session: "s1", articleID: "kuendigung", text: "Vertrag beenden\nWie höre ich auf?")))
        #expect(outcomes.contains(LearningOutcome(session: "s2", articleID: "rechnung", text: "Geld zurück")),
                "the session's last query before the vote")
        withExtendedLifetime(keep) {}
    }

    @Test("invented sessions teach nothing: a deflection counts only when the server saw its session search before it",
          arguments: StoreFactory.all)
    func inventedSessions(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        // Anyone can post deflections under made-up sessions (or none, or an empty one) without ever searching.
        for index in 0..<20 {
            _ = try await store.recordDeflection(DeflectionRecord(session: "erfunden-\(index)", articleID: "rechnung",
                                                                  subject: "Casino Bonus", time: at(10)))
        }
        _ = try await store.recordDeflection(DeflectionRecord(session: nil, articleID: "rechnung", subject: "Casino Bonus", time: at(10)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "", articleID: "rechnung", subject: "Casino Bonus", time: at(10)))
        // A session whose only search came after its deflection did not search first either.
        _ = try await store.recordDeflection(DeflectionRecord(session: "spaet", articleID: "rechnung", subject: "Casino", time: at(10)))
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Rechnung", resultCount: 1, session: "spaet", articleIDs: ["rechnung"], time: at(11)),
            QueryLogEntry(endpoint: "search", query: "Rechnung", resultCount: 1, session: nil, articleIDs: ["rechnung"], time: at(1)),
        ])
        #expect(try await store.learningOutcomes().isEmpty)
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
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Kennwort", resultCount: 1, session: "s-alt", articleIDs: ["passwort"], time: at(3)),
            QueryLogEntry(endpoint: "search", query: "Zugang", resultCount: 1, session: "s-neu", articleIDs: ["passwort"], time: at(900)),
        ])
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
