import Foundation
import HummingbirdTesting
import Logging
@testable import LotseServer
import LotseTestSupport
@testable import LotseTickets
import Testing

/// Issue 15, items 5 and 7: retention settings and the smaller points (CORS on errors, custom-field patterns,
/// the attachment directory's fsync).
@Suite("Hardening: smaller points")
struct SmallHardeningTests {
    @Test("error answers carry the CORS headers too")
    func corsOnErrors() async throws {
        try await ServerFixture(corsOrigins: ["https://portal.example"]).test { client in
            for (uri, status) in [("/api/v1/search", 400), ("/api/v1/articles/gibt-es-nicht", 404), ("/api/v1/gibt-es-nicht", 404)] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.origin: "https://portal.example"])
                #expect(response.status.code == status, "\(uri)")
                #expect(response.headers[.accessControlAllowOrigin] == "https://portal.example", "\(uri)")
            }
            let posted = try await client.execute(uri: "/api/v1/suggest", method: .post,
                                                  headers: [.origin: "https://portal.example", .contentType: "text/plain"], body: .json("x"))
            #expect(posted.status == .unsupportedMediaType)
            #expect(posted.headers[.accessControlAllowOrigin] == "https://portal.example")
        }
    }

    @Test("--retention-days below 1 is refused at start")
    func retentionDaysAreValidated() async throws {
        var configuration = ServerConfiguration()
        for days in [0, -5] {
            configuration.retentionDays = days
            #expect(configuration.problems().contains { $0.contains("--retention-days") })
        }
        configuration.retentionDays = 1
        #expect(configuration.problems().isEmpty)
    }

    @Test("a custom field's pattern is compiled once and never sees input over the field's limit")
    func patternsAreBounded() throws {
        let definition = CustomFieldDefinition(name: "serverName", label: "Servername", pattern: "^(a|aa)+$")
        let pattern = FieldPattern(definition.pattern)
        #expect(pattern.matches("aaaa"))
        let started = ContinuousClock.now
        #expect(!pattern.matches(String(repeating: "a", count: 100_000) + "b"))
        #expect(ContinuousClock.now - started < .seconds(1))
        let form = TicketForm(customFields: [definition])
        #expect(throws: TicketValidationError.self) {
            _ = try form.validate(TicketDraft(email: "a@b.de", name: "A", subject: "S", description: "D", consent: true,
                                              customFields: ["serverName": String(repeating: "a", count: 600)]))
        }
    }

    @Test("a saved attachment's directory is flushed; a directory that cannot be opened is a storage failure")
    func attachmentDirectoryIsSynchronized() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-fsync")
        let attachments = AttachmentDirectory(path: directory.path("attachments"))
        let name = try await attachments.save(Array("Inhalt".utf8))
        #expect(FileManager.default.fileExists(atPath: directory.path("attachments/\(name)")))
        try AttachmentDirectory.synchronizeDirectory(directory.path("attachments"))
        #expect(throws: TicketStoreError.self) { try AttachmentDirectory.synchronizeDirectory(directory.path("fehlt")) }
    }

    @Test("the retention service purges deflections and feedback with the query log")
    func retentionServicePurgesEveryTable() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-retention-all")
        var configuration = ServerConfiguration()
        configuration.dataPath = directory.path("data/data.sqlite")
        let services = try TicketServices(configuration: configuration, logger: Logger(label: "test"))
        let now = Date()
        for (age, article) in [(40.0, "alt"), (1.0, "neu")] {
            let time = now.addingTimeInterval(-age * 86_400)
            _ = try await services.store.recordDeflection(DeflectionRecord(session: "s", articleID: article, description: "Text", time: time))
            try await services.store.recordFeedback(FeedbackRecord(articleID: article, helpful: true, session: "s", time: time))
        }
        await RetentionService(services: services, days: 30, logger: Logger(label: "test")).purge(now: now)
        let activity = try await services.store.activity(since: now.addingTimeInterval(-100 * 86_400))
        #expect(activity.deflectionsByArticle == ["neu": 1])
        #expect(Array(activity.feedbackByArticle.keys) == ["neu"])
    }
}
