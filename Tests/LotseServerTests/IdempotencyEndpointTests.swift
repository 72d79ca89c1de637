import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 15, item 6: an `Idempotency-Key` replays only the request it was first sent with.
@Suite("Idempotency keys")
struct IdempotencyEndpointTests {
    @Test("same key, same body: the first ticket; same key, different body: 422 idempotency_key_reused")
    func keyIsTiedToTheBody() async throws {
        try await TicketFixture().test { client in
            let first = try await client.submitTicket(key: "schlüssel-a")
            #expect(first.status == .created)
            // Whitespace the form trims is the same request.
            let replay = try await client.submitTicket(ticketJSON(["subject": "  Kundennummer nicht gefunden "]), key: "schlüssel-a")
            #expect(replay.status == .created)
            #expect(replay.json["id"] as? String == first.json["id"] as? String)
            let changed = try await client.submitTicket(ticketJSON(["description": "Ganz andere Frage"]), key: "schlüssel-a")
            #expect(changed.status == .unprocessableContent)
            #expect(changed.error?.code == "idempotency_key_reused")
            #expect(changed.error?.fields?["Idempotency-Key"] != nil)
            #expect(try await client.admin("/api/v1/admin/tickets").json["total"] as? Int == 1)
        }
    }

    @Test("a multipart replay with a different file is refused, and its file is not kept")
    func attachmentsArePartOfTheRequest() async throws {
        let fixture = try TicketFixture()
        try await fixture.test { client in
            var key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "datei-schlüssel"]
            for (index, bytes) in [Files.text, Files.text + Array("mehr".utf8)].enumerated() {
                var body = MultipartBody.validTicket()
                body.file(filename: "log.txt", type: "text/plain", bytes: bytes)
                key[.contentType] = body.headers[.contentType]
                let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: key, body: body.finished())
                #expect(response.status == (index == 0 ? .created : .unprocessableContent))
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: fixture.dataDirectory + "/attachments")
            #expect(files.count == 1)
        }
    }
}
