import Foundation
import LotseTickets
import Testing

@Suite("Ticket store: status activity and admin sessions")
struct AdminStoreTests {
    @Test("a status change records who made it, from what to what; no entry when the status stays", arguments: StoreFactory.all)
    func statusActivity(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(sampleTicket(subject: "zweites"), idempotencyKey: nil, forward: false, at: at(0))
        #expect(try await store.updateStatus(number: 1, to: .inProgress, by: "Anna Schmidt", at: at(10))?.status == .inProgress)
        _ = try await store.updateStatus(number: 1, to: .inProgress, by: "Anna Schmidt", at: at(15))
        _ = try await store.updateStatus(number: 1, to: .closed, by: "  Bernd\n\u{7}Bauer ", at: at(20))
        _ = try await store.updateStatus(number: 2, to: .answered, by: "API", at: at(30))
        #expect(try await store.updateStatus(number: 99, to: .closed, by: "Anna", at: at(40)) == nil)
        let expected = [
            StatusChange(actor: "Anna Schmidt", from: .open, to: .inProgress, time: at(10)),
            StatusChange(actor: "Bernd Bauer", from: .inProgress, to: .closed, time: at(20)),
        ]
        #expect(try await store.statusChanges(number: 1) == expected)
        #expect(try await reopen().statusChanges(number: 1) == expected, "another instance reads the same activity")
        #expect(try await store.statusChanges(number: 2).map(\.actor) == ["API"])
        #expect(try await store.statusChanges(number: 99).isEmpty)
        withExtendedLifetime(keep) {}
    }

    @Test("erasure by e-mail and retention take a ticket's activity with it", arguments: StoreFactory.all)
    func activityErased(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        _ = try await store.createTicket(sampleTicket("weg@beispiel.de"), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(sampleTicket("alt@beispiel.de"), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(sampleTicket("bleibt@beispiel.de"), idempotencyKey: nil, forward: false, at: at(0))
        for number in Int64(1)...3 { _ = try await store.updateStatus(number: number, to: .closed, by: "Anna", at: at(10)) }
        _ = try await store.updateStatus(number: 3, to: .answered, by: "Anna", at: at(1_000))
        #expect(try await store.deleteTickets(email: "WEG@beispiel.de").tickets == 1)
        #expect(try await store.purge(closedBefore: at(500), logsBefore: at(0)).tickets == 1)
        #expect(try await store.statusChanges(number: 1).isEmpty)
        #expect(try await store.statusChanges(number: 2).isEmpty)
        #expect(try await store.statusChanges(number: 3).count == 2)
        withExtendedLifetime(keep) {}
    }

    @Test("an admin session resumes until idle or absolute expiry, on every instance, and ends when signed out",
          arguments: StoreFactory.all)
    func sessions(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        let expiry = AdminSessionExpiry(idle: 100, absolute: 250)
        let session = AdminSession(actor: "Anna", csrfToken: "c1", createdAt: at(0), lastSeenAt: at(0))
        try await store.startAdminSession(token: "t1", session, expiry: expiry)
        try await store.startAdminSession(token: "t2", AdminSession(actor: "Bernd", csrfToken: "c2", createdAt: at(0), lastSeenAt: at(0)),
                                          expiry: expiry)
        let other = try reopen()
        #expect(try await other.resumeAdminSession(token: "t1", at: at(90), expiry: expiry)?.actor == "Anna")
        // Seen at 90, so still alive at 180 (idle 100) …
        let resumed = try await store.resumeAdminSession(token: "t1", at: at(180), expiry: expiry)
        #expect(resumed == AdminSession(actor: "Anna", csrfToken: "c1", createdAt: at(0), lastSeenAt: at(180)))
        #expect(try await store.resumeAdminSession(token: "t2", at: at(180), expiry: expiry) == nil, "t2 idled out at 100")
        #expect(try await store.resumeAdminSession(token: "t1", at: at(260), expiry: expiry) == nil, "absolute limit 250")
        #expect(try await store.resumeAdminSession(token: "unbekannt", at: at(1), expiry: expiry) == nil)
        let third = AdminSession(actor: "Carla", csrfToken: "c3", createdAt: at(300), lastSeenAt: at(300))
        try await store.startAdminSession(token: "t3", third, expiry: expiry)
        #expect(try await store.resumeAdminSession(token: "t3", at: at(301), expiry: expiry)?.csrfToken == "c3")
        try await other.endAdminSession(token: "t3")
        #expect(try await store.resumeAdminSession(token: "t3", at: at(302), expiry: expiry) == nil, "signed out on another instance")
        withExtendedLifetime(keep) {}
    }
}
