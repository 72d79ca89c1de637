import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Testing

@Suite("Ticket attachments (multipart)")
struct TicketAttachmentTests {
    @Test("multipart with files: stored under random names beside the data, original names sanitised as metadata")
    func storesFiles() async throws {
        let fixture = try TicketFixture()
        let attachmentsPath = (fixture.dataDirectory as NSString).appendingPathComponent("attachments")
        try await fixture.test { client in
            var body = MultipartBody.validTicket()
            body.file(filename: "../../etc/Bildschirmfoto Größe.png", type: "image/png", bytes: Files.png)
            body.file(filename: "protokoll.txt", type: "application/octet-stream", bytes: Files.text)
            body.file(filename: "", type: "application/octet-stream", bytes: [])  // an empty file input
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(response.status == .created, "\(response.text)")
            let ticket = try #require((try await client.admin("/api/v1/admin/tickets")).json["tickets"] as? [[String: Any]]).first
            let attachments = ticket?["attachments"] as? [[String: Any]] ?? []
            #expect(attachments.map { $0["name"] as? String } == ["Bildschirmfoto Größe.png", "protokoll.txt"])
            #expect(attachments.map { $0["type"] as? String } == ["image/png", "text/plain"])
            #expect(attachments.map { $0["size"] as? Int } == [Files.png.count, Files.text.count])
            #expect(ticket?["urgent"] as? Bool == true)
            #expect(ticket?["verified"] as? Bool == true)
            #expect(ticket?["customFields"] as? [String: String] == ["serverName": "de-07-srv-0042"])
            let stored = try FileManager.default.contentsOfDirectory(atPath: attachmentsPath)
            #expect(stored.count == 2)
            #expect(stored.allSatisfy { $0.range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil }, "\(stored)")
            let contents = try Set(
                stored.map { try Data(contentsOf: URL(fileURLWithPath: (attachmentsPath as NSString).appendingPathComponent($0))) })
            #expect(contents == [Data(Files.png), Data(Files.text)])
        }
    }

    @Test("the helpdesk downloads each file with the admin token, as an attachment under its sanitised name")
    func downloads() async throws {
        try await TicketFixture().test { client in
            var body = MultipartBody.validTicket()
            body.file(filename: "../../etc/Bildschirmfoto Größe.png", type: "image/png", bytes: Files.png)
            body.file(filename: "protokoll.txt", type: "application/octet-stream", bytes: Files.text)
            let created = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(created.status == .created)
            let ticket = try #require((try await client.admin("/api/v1/admin/tickets")).json["tickets"] as? [[String: Any]]).first
            let urls = (ticket?["attachments"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
            #expect(urls == ["/api/v1/admin/tickets/LT-000001/attachments/1", "/api/v1/admin/tickets/LT-000001/attachments/2"])

            let image = try await client.admin(urls[0])
            #expect(image.status == .ok)
            #expect(Array(image.body.readableBytesView) == Files.png)
            #expect(image.headers[.contentType] == "image/png")
            #expect(image.headers[.contentDisposition]
                == #"attachment; filename="Bildschirmfoto Gr__e.png"; filename*=UTF-8''Bildschirmfoto%20Gr%C3%B6%C3%9Fe.png"#)
            #expect(image.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            let text = try await client.admin(urls[1])
            #expect(Array(text.body.readableBytesView) == Files.text && text.headers[.contentType] == "text/plain")

            // Without the token nothing; a number or ticket that does not exist is 404, as is anything path-like.
            #expect(try await client.execute(uri: urls[0], method: .get).status == .unauthorized)
            for missing in ["/api/v1/admin/tickets/LT-000001/attachments/3", "/api/v1/admin/tickets/LT-000001/attachments/0",
                            "/api/v1/admin/tickets/LT-000001/attachments/-1", "/api/v1/admin/tickets/LT-000002/attachments/1",
                            "/api/v1/admin/tickets/LT-000001/attachments/..%2F..%2Fdata.sqlite", "/api/v1/admin/tickets/x/attachments/1"] {
                let response = try await client.admin(missing)
                #expect(response.status == .notFound, "\(missing)")
                #expect(response.error?.code == "not_found", "\(missing)")
            }
            #expect(try await client.admin(urls[0], method: .post, body: "{}").status == .methodNotAllowed)
        }
    }

    static let badUploads: [(String, [(String, [UInt8])])] = [
        ("an executable declared as PNG", [("bild.png", Files.elf)]),
        ("four files", [("a.txt", Files.text), ("b.txt", Files.text), ("c.txt", Files.text), ("d.txt", Files.text)]),
        ("a file over the size limit", [("groß.txt", [UInt8](repeating: 0x41, count: 2_001))]),
        ("an empty file with a name", [("leer.txt", [])]),
    ]

    @Test("422 attachments: wrong type, too many, too big, empty; nothing stored", arguments: 0..<badUploads.count)
    func refusesFiles(_ index: Int) async throws {
        let (why, files) = Self.badUploads[index]
        let fixture = try TicketFixture { $0.attachmentPolicy.maximumBytes = 2_000 }
        let attachmentsPath = (fixture.dataDirectory as NSString).appendingPathComponent("attachments")
        try await fixture.test { client in
            var body = MultipartBody.validTicket()
            for (name, bytes) in files { body.file(filename: name, type: "image/png", bytes: bytes) }
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(response.status == .unprocessableContent, "\(why): \(response.text)")
            #expect(response.error?.fields?.keys.sorted() == ["attachments"], "\(why)")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: attachmentsPath)) ?? []).isEmpty, "\(why): no file left behind")
        }
    }

    @Test("multipart field errors are named like JSON ones; consent 'on' counts, a missing one does not")
    func multipartValidation() async throws {
        try await TicketFixture().test { client in
            var body = MultipartBody()
            body.field("email", "kein-at-zeichen")
            body.field("subject", "Hilfe")
            body.field("customFields[serverName]", "srv-1")
            body.field("company", bytes: [0x42, 0xE4, 0x63, 0x6B, 0x65, 0x72])  // "Bäcker" in Latin-1, not UTF-8
            let response = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(response.status == .unprocessableContent)
            #expect(
                Set(response.error?.fields?.keys ?? [:].keys) == [
                    "email", "name", "description", "consent", "customFields.serverName", "company"
                ])
            #expect(response.details.filter { $0.field == "company" }.map(\.code) == ["invalid_encoding"])
        }
    }

    @Test("a multipart body over its limit is 413; multipart without a boundary is 415")
    func multipartLimits() async throws {
        let fixture = try TicketFixture {
            $0.maximumMultipartBytes = 4_096
            $0.attachmentPolicy.maximumBytes = 4_096  // a file may not be larger than the whole body (refused at start)
        }
        try await fixture.test { client in
            var body = MultipartBody.validTicket()
            body.file(filename: "groß.txt", type: "text/plain", bytes: [UInt8](repeating: 0x41, count: 5_000))
            let large = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished())
            #expect(large.status == .contentTooLarge)
            let noBoundary = try await client.execute(uri: "/api/v1/tickets", method: .post, headers: [.contentType: "multipart/form-data"],
                                                      body: MultipartBody.validTicket().finished())
            #expect(noBoundary.status == .unsupportedMediaType)
        }
    }
}
