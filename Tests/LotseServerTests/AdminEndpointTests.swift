import Foundation
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Testing

@Suite("Admin endpoints")
struct AdminEndpointTests {
    @Test(
        "401 without a token, with a wrong one, and when no token is configured",
        arguments: ["/api/v1/admin/tickets", "/api/v1/admin/stats", "/api/v1/admin/gaps"])
    func tokens(_ uri: String) async throws {
        try await TicketFixture().test { client in
            let none = try await client.execute(uri: uri, method: .get)
            #expect(none.status == .unauthorized && none.error?.code == "unauthorized")
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            for wrong in [
                "Bearer falsch", "Bearer \(TicketFixture.token)x", "Bearer \(TicketFixture.token.dropLast())",
                "Basic \(TicketFixture.token)", "Bearer "
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: wrong])
                #expect(response.status == .unauthorized, "\(wrong)")
            }
            #expect(try await client.admin(uri).status == .ok)
            // The scheme is case-insensitive and followed by one or more spaces (RFC 9110 §11.1, §11.4); the token is exact.
            for (header, status) in [("bearer \(TicketFixture.token)", 200), ("BEARER \(TicketFixture.token)", 200),
                                     ("bEaReR \(TicketFixture.token)", 200), ("Bearer   \(TicketFixture.token)", 200),
                                     ("bearer \(TicketFixture.token.uppercased())", 401), ("Bearer \(TicketFixture.token) x", 401)] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: header])
                #expect(response.status.code == status, "\(header)")
            }
        }
        try await TicketFixture(adminToken: nil).test { client in
            let response = try await client.admin(uri)
            #expect(response.status == .unauthorized)
            #expect(response.error?.code == "admin_disabled")
            #expect(response.error?.message.contains("--admin-token") == true)
        }
    }

    @Test("the queue: urgent first then oldest, status filter, pages, bad parameters")
    func queue() async throws {
        try await TicketFixture().test { client in
            for (subject, urgent) in [("erstes", false), ("zweites, dringend", true), ("drittes", false), ("viertes, dringend", true)] {
                #expect(try await client.submitTicket(ticketJSON(["subject": subject, "urgent": urgent])).status == .created)
            }
            let queue = try await client.admin("/api/v1/admin/tickets")
            let subjects = (queue.json["tickets"] as? [[String: Any]])?.compactMap { $0["subject"] as? String }
            #expect(subjects == ["zweites, dringend", "viertes, dringend", "erstes", "drittes"])
            let empty = try await client.admin("/api/v1/admin/tickets?status=closed&page=1")
            #expect((empty.json["tickets"] as? [Any])?.count == 0 && empty.json["total"] as? Int == 0)
            let page2 = try await client.admin("/api/v1/admin/tickets?page=2")
            #expect((page2.json["tickets"] as? [Any])?.count == 0 && page2.json["total"] as? Int == 4 && page2.json["page"] as? Int == 2)
            let badStatus = try await client.admin("/api/v1/admin/tickets?status=erledigt")
            #expect(badStatus.status == .badRequest && badStatus.error?.fields?.keys.sorted() == ["status"])
            let badPage = try await client.admin("/api/v1/admin/tickets?page=0")
            #expect(badPage.status == .badRequest && badPage.error?.fields?.keys.sorted() == ["page"])
        }
    }

    @Test("the queue as CSV: the page's rows, quoted, formula-safe; an unknown format is 400")
    func queueCSV() async throws {
        try await TicketFixture().test { client in
            #expect(try await client.submitTicket(ticketJSON(["subject": "=HYPERLINK(\"x\")", "urgent": true])).status == .created)
            #expect(try await client.submitTicket(ticketJSON(["subject": "Rechnung fehlt"])).status == .created)
            let csv = try await client.admin("/api/v1/admin/tickets?format=csv")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"tickets-page-1.csv\"")
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines.first == #""id","status","statusLabel","urgent","subject","name","email","createdAt","updatedAt""#)
            #expect(lines[1].hasPrefix(#""LT-000001","open","Offen","yes","'=HYPERLINK(""x"")","Jürgen Müller""#), "\(lines[1])")
            #expect(lines[2].hasPrefix(#""LT-000002","open","Offen","no","Rechnung fehlt""#) && lines.count == 4 && lines[3].isEmpty)
            let bad = try await client.admin("/api/v1/admin/tickets?format=xlsx")
            #expect(bad.status == .badRequest && bad.error?.fields?.keys.sorted() == ["format"])
        }
    }

    @Test("PATCH changes the status with its German label; unknown ids 404, bad statuses 422")
    func statusChange() async throws {
        try await TicketFixture().test { client in
            _ = try await client.submitTicket()
            let labels = ["in_progress": "In Bearbeitung", "waiting_for_customer": "Feedback benötigt", "information": "Informationen",
                          "answered": "Beantwortet", "closed": "Geschlossen", "open": "Offen"]
            for (status, label) in labels.sorted(by: { $0.key < $1.key }) {
                let response = try await client.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"\#(status)"}"#)
                #expect(response.status == .ok)
                #expect(response.json["status"] as? String == status && response.json["statusLabel"] as? String == label)
            }
            _ = try await client.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: #"{"status":"in_progress"}"#)
            let filtered = try await client.admin("/api/v1/admin/tickets?status=in_progress")
            #expect((filtered.json["tickets"] as? [[String: Any]])?.first?["id"] as? String == "LT-000001")
            let unknown = try await client.admin("/api/v1/admin/tickets/LT-000099", method: .patch, body: #"{"status":"closed"}"#)
            #expect(unknown.status == .notFound)
            let garbage = try await client.admin("/api/v1/admin/tickets/nicht-da", method: .patch, body: #"{"status":"closed"}"#)
            #expect(garbage.status == .notFound)
            for body in [#"{"status":"erledigt"}"#, "{}"] {
                let invalid = try await client.admin("/api/v1/admin/tickets/LT-000001", method: .patch, body: body)
                #expect(invalid.status == .unprocessableContent && invalid.error?.fields?.keys.sorted() == ["status"], "\(body)")
            }
        }
    }

    @Test("DELETE ?email= removes the requester's tickets, attachments and feedback")
    func deleteRequester() async throws {
        let fixture = try TicketFixture()
        let attachmentsPath = (fixture.dataDirectory as NSString).appendingPathComponent("attachments")
        try await fixture.test { client in
            var body = MultipartBody.validTicket()
            body.file(filename: "log.txt", type: "text/plain", bytes: Files.text)
            #expect(
                try await client.execute(uri: "/api/v1/tickets", method: .post, headers: body.headers, body: body.finished()).status
                    == .created)
            _ = try await client.submitTicket(ticketJSON(["email": "anna@beispiel.de"]))
            _ = try await client.execute(uri: "/api/v1/articles/kundennummer/feedback", method: .post, headers: jsonHeaders,
                                         body: .json(#"{"helpful":true,"session":"sitzung-multipart"}"#))
            #expect(try FileManager.default.contentsOfDirectory(atPath: attachmentsPath).count == 1)
            let deleted = try await client.admin("/api/v1/admin/tickets?email=J%C3%BCrgen.M%C3%BCller%40beispiel.de", method: .delete)
            #expect(deleted.status == .ok && deleted.json["deleted"] as? Int == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: attachmentsPath).isEmpty)
            let queue = try await client.admin("/api/v1/admin/tickets")
            #expect((queue.json["tickets"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["anna@beispiel.de"])
            let stats = try await client.admin("/api/v1/admin/stats")
            #expect((stats.json["topHelpfulArticles"] as? [Any])?.isEmpty == true)
            let missing = try await client.admin("/api/v1/admin/tickets", method: .delete)
            #expect(missing.status == .badRequest && missing.error?.fields?.keys.sorted() == ["email"])
        }
    }
}
