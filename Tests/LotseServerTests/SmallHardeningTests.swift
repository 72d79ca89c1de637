import Foundation
import HTTPTypes
import HummingbirdTesting
import LotseSearch
@testable import LotseServer
import LotseTestSupport
@testable import LotseTickets
import Testing

/// Issue 15, items 5 and 7: the retention setting and the smaller points (CORS on errors, custom-field patterns,
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

    @Test("every answer says nosniff: JSON, errors, /metrics, /openapi.yaml, pages, admin")
    func noSniffEverywhere() async throws {
        try await TicketFixture().test { client in
            let requests: [(String, HTTPRequest.Method)] = [
                ("/api/v1/search?q=rechnung", .get), ("/api/v1/search", .get), ("/api/v1/gibt-es-nicht", .get), ("/api/v1/search", .delete),
                ("/metrics", .get), ("/openapi.yaml", .get), ("/healthz", .get), ("/hilfe", .get), ("/api/v1/admin/tickets", .get),
            ]
            for (uri, method) in requests {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(method) \(uri): \(response.status)")
            }
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

    @Test("--cache-memory below 16 MB is refused at start")
    func cacheMemoryIsValidated() {
        var configuration = ServerConfiguration()
        for megabytes in [1, 15] {
            configuration.cacheMemory = CacheMemory(megabytes: megabytes)
            #expect(configuration.problems().contains { $0.contains("--cache-memory") })
        }
        configuration.cacheMemory = CacheMemory(megabytes: 16)
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
}
