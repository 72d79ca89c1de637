import Foundation
import LotseTickets
import Testing

/// What several instances sharing one database rely on, run against every implementation (`StoreFactory.all`).
@Suite("Ticket store shared by instances")
struct SharedStoreTests {
    @Test("two instances starting at once on an empty database both migrate it and number tickets apart", arguments: StoreFactory.all)
    func simultaneousStart(_ factory: StoreFactory) async throws {
        let (first, reopen, keep) = try factory.make()
        let second = try reopen()
        async let a = first.createTicket(sampleTicket(subject: "Start A"), idempotencyKey: nil, forward: false, at: at(0))
        async let b = second.createTicket(sampleTicket(subject: "Start B"), idempotencyKey: nil, forward: false, at: at(0))
        let numbers = try await [a.ticket.number, b.ticket.number]
        #expect(Set(numbers) == [1, 2])
        // A third instance finds the schema migrated and changes nothing.
        let third = try reopen()
        #expect(try await third.tickets(status: nil, page: 1, pageSize: 10).total == 2)
        withExtendedLifetime(keep) {}
    }

    @Test("the same idempotency key sent concurrently to two instances: one ticket, every caller gets it", arguments: StoreFactory.all)
    func concurrentDuplicateKey(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        let other = try reopen()
        let receipts = try await withThrowingTaskGroup(of: TicketReceipt.self) { group in
            for attempt in 0..<20 {
                let target = attempt.isMultiple(of: 2) ? store : other
                group.addTask {
                    try await target.createTicket(sampleTicket(subject: "Doppelt gesendet \(attempt)"), idempotencyKey: "größe-schlüssel",
                                                  forward: true, at: at(Double(attempt)))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(receipts.filter(\.created).count == 1)
        #expect(Set(receipts.map(\.ticket.id)) == ["LT-000001"])
        #expect(Set(receipts.map(\.ticket.content.subject)).count == 1, "every retry sees the first ticket's content")
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 50).total == 1)
        #expect(try await other.dueDeliveries(at: at(100), limit: 10).count == 1)
        withExtendedLifetime(keep) {}
    }

    @Test("text that looks like SQL is stored as text", arguments: StoreFactory.all)
    func sqlLookingText(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        var ticket = sampleTicket("o'brien@beispiel.de", subject: "Straße'); DROP TABLE tickets; --")
        ticket.customFields = ["serverName": "de-01-srv-1234' OR '1'='1"]
        let receipt = try await store.createTicket(ticket, idempotencyKey: "'; DELETE FROM idempotency_keys; --", forward: false, at: at(0))
        try await store.recordQueries([QueryLogEntry(endpoint: "search", query: "Kündigung' OR 1=1 --", resultCount: 0, session: "s'1",
                                                     articleIDs: ["a'b"], time: at(1))])
        let read = try #require(try await store.ticket(number: receipt.ticket.number))
        #expect(read.content == ticket)
        #expect(try await store.activity(since: at(0)).zeroResultQueries == ["kündigung' or 1=1 --": 1])
        #expect(try await store.suggestedArticles(session: "s'1") == ["a'b"])
        #expect(try await store.deleteTickets(email: "O'Brien@beispiel.de").tickets == 1)
        withExtendedLifetime(keep) {}
    }
}
