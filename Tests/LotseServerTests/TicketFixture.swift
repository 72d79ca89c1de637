import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import LotseTickets
import NIOCore

/// A server with the ticket module configured: admin token, the server-name field, two registered contacts.
struct TicketFixture {
    static let token = "geheimes-admin-token-ä"
    var server: ServerFixture

    init(adminToken: String? = TicketFixture.token, customize: (inout ServerConfiguration) -> Void = { _ in }) throws {
        server = try ServerFixture()
        server.configuration.adminToken = adminToken
        server.configuration.ticketFields = [CustomFieldDefinition(name: "serverName", label: "Servername", required: false,
                                                                   pattern: "^de-[0-9]{2}-srv-[0-9]{4}$", hint: "z. B. de-01-srv-1234")]
        server.configuration.contacts = ContactList(text: "Jürgen.Müller@Beispiel.de\n# ehemalige Kunden\n")
        customize(&server.configuration)
    }

    var dataDirectory: String { (server.configuration.dataPath as NSString).deletingLastPathComponent }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server.test(body)
    }
}

extension TicketFixture {
    /// One upload slot in all, so a test holds it with one connection.
    /// `evictionAge`: how long a slow body keeps the slot before a newcomer may take it.
    static func singleUploadSlot(evictionAge: Duration = .seconds(3_600)) throws -> TicketFixture {
        try TicketFixture { configuration in
            configuration.uploadSlots = 1
            configuration.uploadSlotsPerClient = 1
            configuration.uploadEvictionAge = evictionAge
        }
    }
}

let adminHeaders: HTTPFields = [.authorization: "Bearer \(TicketFixture.token)"]

/// A valid ticket as JSON text; `changes` replaces or removes (nil) top-level fields.
func ticketJSON(_ changes: [String: Any?] = [:]) -> String {
    var object: [String: Any] = [
        "email": "jürgen.müller@beispiel.de", "name": "Jürgen Müller", "company": "Bäckerei Groß GmbH",
        "subject": "Kundennummer nicht gefunden", "description": "Grüß Gott, wo finde ich meine Kundennummer? Danke!",
        "consent": true, "customerNumber": "K-4711", "category": "Konto & Anmeldung", "urgent": false,
        "customFields": ["serverName": "de-01-srv-1234"],
    ]
    for (key, value) in changes {
        if let value { object[key] = value } else { object.removeValue(forKey: key) }
    }
    return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
}

extension TestClientProtocol {
    func submitTicket(_ json: String = ticketJSON(), key: String? = nil) async throws -> TestResponse {
        var headers = jsonHeaders
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await execute(uri: "/api/v1/tickets", method: .post, headers: headers, body: .json(json))
    }

    /// The valid multipart ticket, as the portal's form sends it.
    func submitForm(headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let form = MultipartBody.validTicket()
        var headers = form.headers
        headers.append(contentsOf: extra)
        return try await execute(uri: "/api/v1/tickets", method: .post, headers: headers, body: form.finished())
    }

    func admin(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil) async throws -> TestResponse {
        var headers = adminHeaders
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

/// A `multipart/form-data` body built part by part.
struct MultipartBody {
    static let boundary = "----LotseGrenze7MA4YWxkTrZu0gW"
    private var buffer = ByteBuffer()

    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(Self.boundary)"] }

    mutating func field(_ name: String, _ value: String) {
        buffer.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }

    /// A text part with arbitrary bytes (to send text that is not UTF-8).
    mutating func field(_ name: String, bytes: [UInt8]) {
        buffer.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n")
        buffer.writeBytes(bytes)
        buffer.writeString("\r\n")
    }

    mutating func file(_ name: String = "attachments", filename: String, type: String, bytes: [UInt8]) {
        buffer.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
                           + "Content-Type: \(type)\r\n\r\n")
        buffer.writeBytes(bytes)
        buffer.writeString("\r\n")
    }

    /// The valid ticket's fields as text parts.
    static func validTicket() -> MultipartBody {
        var body = MultipartBody()
        for (name, value) in [("email", "Jürgen.Müller@Beispiel.de"), ("name", "Jürgen Müller"), ("subject", "Fehlermeldung beim Login"),
                              ("description", "Seit heute erscheint „Größe überschritten“."), ("consent", "on"), ("urgent", "1"),
                              ("customFields[serverName]", "de-07-srv-0042"), ("session", "sitzung-multipart")] {
            body.field(name, value)
        }
        return body
    }

    func finished() -> ByteBuffer {
        var result = buffer
        result.writeString("--\(Self.boundary)--\r\n")
        return result
    }
}

enum Files {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 100)
    static let text = Array("Fehlerprotokoll: Größe überschritten\n".utf8)
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]
}
