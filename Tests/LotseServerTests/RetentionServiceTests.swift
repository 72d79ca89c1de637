import Foundation
import Logging
@testable import LotseServer
import LotseTestSupport
import LotseTickets
import Testing

@Suite("Retention")
struct RetentionServiceTests {
    @Test("a purge deletes closed tickets past the retention period with their files, and keeps open and recent ones")
    func purgesClosedTicketsAndFiles() async throws {
        let (directory, services) = try Self.services()
        let oldFile = try await services.attachments.save(Array("Protokoll vom März".utf8))
        let keptFile = try await services.attachments.save(Array("Protokoll vom Mai".utf8))
        let now = Date()
        func ticket(_ subject: String, file: String?) -> NewTicket {
            NewTicket(email: "jörg@beispiel.de", name: "Jörg", subject: subject, description: "Größe",
                      attachments: file.map { [AttachmentRecord(name: "log.txt", size: 17, type: "text/plain", storedName: $0)] } ?? [])
        }
        _ = try await services.store.createTicket(
            ticket("alt, geschlossen", file: oldFile), idempotencyKey: nil, forward: false, at: now.addingTimeInterval(-40 * 86_400))
        _ = try await services.store.createTicket(
            ticket("alt, offen", file: keptFile), idempotencyKey: nil, forward: false, at: now.addingTimeInterval(-40 * 86_400))
        _ = try await services.store.createTicket(ticket("neu, geschlossen", file: nil), idempotencyKey: nil, forward: false, at: now)
        _ = try await services.store.updateStatus(number: 1, to: .closed, by: "Test", at: now.addingTimeInterval(-31 * 86_400))
        _ = try await services.store.updateStatus(number: 3, to: .closed, by: "Test", at: now)

        await RetentionService(services: services, days: 30, logger: Logger(label: "test")).purge(now: now)

        let remaining = try await services.store.tickets(status: nil, page: 1, pageSize: 50).tickets.map(\.content.subject)
        #expect(remaining.sorted() == ["alt, offen", "neu, geschlossen"])
        #expect(try directory.contents(of: "data/attachments") == [keptFile])
    }

    /// Issue 15, item 5: deflections and feedback carry customer text too.
    @Test("the retention service purges deflections and feedback with the query log")
    func retentionServicePurgesEveryTable() async throws {
        let (directory, services) = try Self.services()
        let now = Date()
        for (age, article) in [(40.0, "alt"), (1.0, "neu")] {
            let time = now.addingTimeInterval(-age * 86_400)
            _ = try await services.store.recordDeflection(
                DeflectionRecord(session: "s", articleID: article, description: "Text", time: time))
            try await services.store.recordFeedback(FeedbackRecord(articleID: article, helpful: true, session: "s", time: time))
        }
        await RetentionService(services: services, days: 30, logger: Logger(label: "test")).purge(now: now)
        let activity = try await services.store.activity(since: now.addingTimeInterval(-100 * 86_400))
        #expect(activity.deflectionsByArticle == ["neu": 1])
        #expect(Array(activity.feedbackByArticle.keys) == ["neu"])
        withExtendedLifetime(directory) {}
    }

    static func services() throws -> (TemporaryDirectory, TicketServices) {
        let directory = try TemporaryDirectory(prefix: "lotse-retention")
        var configuration = ServerConfiguration()
        configuration.dataPath = directory.path("data/data.sqlite")
        return (directory, try TicketServices(configuration: configuration, logger: Logger(label: "test")))
    }
}
