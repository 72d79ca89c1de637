import Foundation
import LotseTickets
import Testing

/// The `TicketStore` contract, run against every implementation (`StoreFactory.all`).
@Suite("Ticket store")
struct TicketStoreTests {
    @Test("a ticket is stored with every field and numbered LT-000001, LT-000002, …", arguments: StoreFactory.all)
    func storesAndNumbers(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        let attachment = AttachmentRecord(name: "Größe.png", size: 12, type: "image/png", storedName: "abc")
        let first = try await store.createTicket(sampleTicket(attachments: [attachment]), idempotencyKey: nil, forward: false, at: at(0))
        let second = try await store.createTicket(sampleTicket("anna@beispiel.de"), idempotencyKey: nil, forward: false, at: at(1))
        #expect(first.created && second.created)
        #expect(first.ticket.id == "LT-000001")
        #expect(second.ticket.id == "LT-000002")
        let read = try #require(try await store.ticket(number: 1))
        #expect(read.content == sampleTicket(attachments: [attachment]))
        #expect(read.status == .open)
        #expect(read.createdAt == at(0))
        #expect(try await store.ticket(number: 99) == nil)
        withExtendedLifetime(keep) {}
    }

    @Test("the same idempotency key twice stores one ticket and returns it again", arguments: StoreFactory.all)
    func idempotency(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        let first = try await store.createTicket(sampleTicket(), idempotencyKey: "schlüssel-1", forward: true, at: at(0))
        // A second instance sharing the database sees the key too.
        let other = try reopen()
        let retry = try await other.createTicket(sampleTicket(subject: "anders"), idempotencyKey: "schlüssel-1", forward: true, at: at(5))
        #expect(!retry.created)
        #expect(retry.ticket.id == first.ticket.id)
        #expect(retry.ticket.content.subject == "Rechnung für März fehlt")
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 50).total == 1)
        #expect(try await store.dueDeliveries(at: at(10), limit: 10).count == 1, "one outbox row, not two")
        withExtendedLifetime(keep) {}
    }

    @Test("the queue lists urgent tickets first, then the oldest; status filter and pages", arguments: StoreFactory.all)
    func queueOrder(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        _ = try await store.createTicket(sampleTicket(subject: "alt"), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(
            sampleTicket(subject: "neu, dringend", urgent: true), idempotencyKey: nil, forward: false, at: at(20))
        _ = try await store.createTicket(sampleTicket(subject: "mittel"), idempotencyKey: nil, forward: false, at: at(10))
        _ = try await store.createTicket(
            sampleTicket(subject: "alt, dringend", urgent: true), idempotencyKey: nil, forward: false, at: at(5))
        let all = try await store.tickets(status: nil, page: 1, pageSize: 50)
        #expect(all.tickets.map(\.content.subject) == ["alt, dringend", "neu, dringend", "alt", "mittel"])
        #expect(all.total == 4)
        let second = try await store.tickets(status: nil, page: 2, pageSize: 3)
        #expect(second.tickets.map(\.content.subject) == ["mittel"])
        #expect(second.total == 4)

        let changed = try #require(try await store.updateStatus(number: 1, to: .inProgress, by: "Test", at: at(30)))
        #expect(changed.status == .inProgress && changed.status.label == "In Bearbeitung")
        #expect(changed.updatedAt == at(30) && changed.createdAt == at(0))
        #expect(try await store.tickets(status: .inProgress, page: 1, pageSize: 50).tickets.map(\.content.subject) == ["alt"])
        #expect(try await store.tickets(status: .open, page: 1, pageSize: 50).total == 3)
        #expect(try await store.updateStatus(number: 42, to: .closed, by: "Test", at: at(30)) == nil)
        withExtendedLifetime(keep) {}
    }

    @Test("a ticket records the articles suggested to its session before, first shown first", arguments: StoreFactory.all)
    func suggestedArticles(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        try await store.recordQueries([
            QueryLogEntry(
                endpoint: "suggest", query: "Rechnung", resultCount: 2, session: "sitzung-ä", articleIDs: ["rechnung", "zahlung"],
                time: at(0)),
            QueryLogEntry(endpoint: "search", query: "Passwort", resultCount: 1, session: "andere", articleIDs: ["passwort"], time: at(1)),
            QueryLogEntry(
                endpoint: "suggest", query: "Rechnung März", resultCount: 2, session: "sitzung-ä", articleIDs: ["zahlung", "mahnung"],
                time: at(2))
        ])
        let receipt = try await store.createTicket(sampleTicket(session: "sitzung-ä"), idempotencyKey: nil, forward: false, at: at(3))
        #expect(receipt.ticket.suggestedArticles == ["rechnung", "zahlung", "mahnung"])
        let without = try await store.createTicket(sampleTicket(session: "nie-gesehen"), idempotencyKey: nil, forward: false, at: at(4))
        #expect(without.ticket.suggestedArticles.isEmpty)
        #expect(try await store.suggestedArticles(session: "andere") == ["passwort"])
        withExtendedLifetime(keep) {}
    }

    @Test(
        "activity counts tickets, deflections, votes, zero-result queries and suggested articles since a date", arguments: StoreFactory.all)
    func activity(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        // Before the window: must not count.
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: false, at: at(-100))
        _ = try await store.recordDeflection(DeflectionRecord(session: "x", articleID: "rechnung", time: at(-100)))
        // Articles suggested only before the window (sorting before, between and after the one inside it) are not
        // "suggested since"; nor is a zero-result query before it.
        try await store.recordQueries([
            QueryLogEntry(endpoint: "suggest", query: "Alt", resultCount: 3, session: "s0", articleIDs: ["abo", "passwort", "zahlung"],
                          time: at(-100)),
            QueryLogEntry(endpoint: "search", query: "Übersicht", resultCount: 0, session: nil, articleIDs: [], time: at(-100)),
        ])
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "Übersicht", resultCount: 0, session: nil, articleIDs: [], time: at(1)),
            QueryLogEntry(endpoint: "search", query: "übersicht", resultCount: 0, session: nil, articleIDs: [], time: at(2)),
            QueryLogEntry(endpoint: "search", query: "Kündigung", resultCount: 0, session: nil, articleIDs: [], time: at(3)),
            QueryLogEntry(endpoint: "suggest", query: "Rechnung", resultCount: 1, session: "s1", articleIDs: ["rechnung"], time: at(4)),
        ])
        _ = try await store.createTicket(sampleTicket(session: "s1"), idempotencyKey: nil, forward: false, at: at(5))
        _ = try await store.createTicket(sampleTicket(session: "s2"), idempotencyKey: nil, forward: false, at: at(6))
        for article in ["rechnung", "rechnung", "passwort"] {
            _ = try await store.recordDeflection(DeflectionRecord(session: "s3", articleID: article, subject: "Grüße", time: at(7)))
        }
        for helpful in [true, true, false] {
            try await store.recordFeedback(FeedbackRecord(articleID: "passwort", helpful: helpful, session: nil, time: at(8)))
        }
        let activity = try await store.activity(since: at(0))
        #expect(activity.submitted == 2)
        #expect(activity.submittedAfterSuggestions == 1)
        #expect(activity.deflectionsByArticle == ["rechnung": 2, "passwort": 1])
        #expect(activity.feedbackByArticle == ["passwort": FeedbackCounts(helpful: 2, notHelpful: 1)])
        #expect(activity.zeroResultQueries == ["übersicht": 2, "kündigung": 1])
        #expect(activity.suggestedArticles == ["rechnung"])
        withExtendedLifetime(keep) {}
    }

    @Test(
        "deleting by e-mail removes the requester's tickets, feedback and deflections, and names the attachments",
        arguments: StoreFactory.all)
    func deleteByEmail(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        let file = AttachmentRecord(name: "a.pdf", size: 5, type: "application/pdf", storedName: "f1")
        _ = try await store.createTicket(
            sampleTicket("Jörg@Beispiel.de", session: "s-jörg", attachments: [file]), idempotencyKey: "k", forward: true, at: at(0))
        _ = try await store.createTicket(
            sampleTicket("anna@beispiel.de", session: "s-anna"), idempotencyKey: nil, forward: false, at: at(1))
        try await store.recordFeedback(FeedbackRecord(articleID: "passwort", helpful: true, session: "s-jörg", time: at(2)))
        try await store.recordFeedback(FeedbackRecord(articleID: "passwort", helpful: false, session: "s-anna", time: at(2)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "s-jörg", articleID: "rechnung", time: at(2)))
        let deleted = try await store.deleteTickets(email: "jörg@beispiel.de")
        #expect(deleted == DeletedTickets(tickets: 1, attachments: [file]))
        let remaining = try await store.tickets(status: nil, page: 1, pageSize: 50)
        #expect(remaining.tickets.map(\.content.email) == ["anna@beispiel.de"])
        let activity = try await store.activity(since: at(-10))
        #expect(activity.feedbackByArticle == ["passwort": FeedbackCounts(helpful: 0, notHelpful: 1)])
        #expect(activity.deflectionsByArticle.isEmpty)
        #expect(try await store.dueDeliveries(at: at(100), limit: 10).isEmpty, "the outbox row went with the ticket")
        withExtendedLifetime(keep) {}
    }

    @Test("retention purges closed tickets and logs older than the cutoff, keeps the rest", arguments: StoreFactory.all)
    func retention(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        _ = try await store.createTicket(sampleTicket(subject: "alt geschlossen"), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(sampleTicket(subject: "alt offen"), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(sampleTicket(subject: "neu geschlossen"), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.updateStatus(number: 1, to: .closed, by: "Test", at: at(10))
        _ = try await store.updateStatus(number: 3, to: .closed, by: "Test", at: at(1_000))
        try await store.recordQueries([
            QueryLogEntry(endpoint: "search", query: "alt", resultCount: 0, session: "s", articleIDs: ["x"], time: at(10)),
            QueryLogEntry(endpoint: "search", query: "neu", resultCount: 0, session: "s", articleIDs: ["y"], time: at(1_000)),
        ])
        let purged = try await store.purge(closedBefore: at(500), logsBefore: at(500))
        #expect(purged.tickets == 1)
        #expect(
            try await store.tickets(status: nil, page: 1, pageSize: 50).tickets.map(\.content.subject).sorted() == [
                "alt offen", "neu geschlossen"
            ])
        let activity = try await store.activity(since: at(0))
        #expect(activity.zeroResultQueries == ["neu": 1])
        #expect(activity.suggestedArticles == ["y"])
        withExtendedLifetime(keep) {}
    }

    @Test("retention deletes in batches: at most the batch per transaction, every old row in the end, the rest kept",
          arguments: StoreFactory.all)
    func retentionBatches(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        for number in 1...6 {
            let file = AttachmentRecord(name: "bild\(number).png", size: 1, type: "image/png", storedName: "datei\(number)")
            _ = try await store.createTicket(sampleTicket(subject: "Nr. \(number)", attachments: [file]), idempotencyKey: "k\(number)",
                                             forward: true, at: at(0))
            _ = try await store.updateStatus(number: Int64(number), to: .closed, by: "Test", at: at(number == 6 ? 1_000 : 10))
        }
        try await store.recordQueries((1...7).map {
            QueryLogEntry(endpoint: "search", query: "alt \($0)", resultCount: 0, session: "s\($0)", articleIDs: ["a\($0)"], time: at(10))
        } + [QueryLogEntry(endpoint: "search", query: "neu", resultCount: 0, session: "t", articleIDs: ["b"], time: at(1_000))])

        // One batch: the limit holds.
        let first = try await store.purgeClosedTickets(before: at(500), limit: 2)
        #expect(first.tickets == 2 && first.attachments.count == 2)
        // The rest in batches of 2; each committed batch is reported with its files.
        var batches: [[String]] = []
        let rest = try await store.purge(closedBefore: at(500), logsBefore: at(500), logBatch: 2, ticketBatch: 2) { batch in
            batches.append(batch.attachments.map(\.storedName))
        }
        #expect(rest.tickets == 3)
        #expect(batches.map(\.count) == [2, 1])
        #expect(Set(first.attachments.map(\.storedName) + batches.joined()) == Set((1...5).map { "datei\($0)" }))
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 50).tickets.map(\.content.subject) == ["Nr. 6"])
        #expect(try await store.dueDeliveries(at: at(2_000), limit: 10).map(\.ticketNumber) == [6], "outbox rows went with their tickets")
        let activity = try await store.activity(since: at(0))
        #expect(activity.zeroResultQueries == ["neu": 1], "7 old query-log rows, deleted 2 at a time")
        #expect(activity.suggestedArticles == ["b"])
        withExtendedLifetime(keep) {}
    }

    @Test("outbox rows are due when written, wait after a failure, stop after delivery and survive a reopen", arguments: StoreFactory.all)
    func outbox(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: true, at: at(0))
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: false, at: at(0))
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: true, at: at(1))
        let due = try await store.dueDeliveries(at: at(1), limit: 10)
        #expect(due.map(\.ticketNumber) == [1, 3])
        try await store.scheduleRetry(due[0].id, attempts: 1, next: at(60), error: "HTTP 503")
        try await store.markDelivered(due[1].id, at: at(2))
        #expect(try await store.dueDeliveries(at: at(30), limit: 10).isEmpty)
        let restarted = try reopen()
        let later = try await restarted.dueDeliveries(at: at(60), limit: 10)
        #expect(later == [OutboxEntry(id: due[0].id, ticketNumber: 1, attempts: 1)])
        withExtendedLifetime(keep) {}
    }

    @Test(
        "50 concurrent clients on two store handles: every acknowledged ticket is stored once, numbers are distinct",
        arguments: StoreFactory.all)
    func concurrentSubmissions(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        let other = try reopen()
        let clients = 50, perClient = 20
        let numbers = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for client in 0..<clients {
                let target = client.isMultiple(of: 2) ? store : other
                group.addTask {
                    var numbers: [Int64] = []
                    for index in 0..<perClient {
                        let key = "k-\(client)-\(index % (perClient / 2))"  // every key used twice: retries
                        numbers.append(try await target.createTicket(sampleTicket(subject: "Anfrage \(client)"), idempotencyKey: key,
                                                                     forward: false, at: at(Double(index))).ticket.number)
                    }
                    return numbers
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let expected = clients * perClient / 2
        #expect(Set(numbers).count == expected)
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 10).total == expected)
        withExtendedLifetime(keep) {}
    }
}
