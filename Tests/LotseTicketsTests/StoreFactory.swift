import Foundation
import LotseTestSupport
import LotseTickets
import Testing

/// Makes a fresh, empty store for one test. The store suite runs over every factory in `all`: SQLite, and
/// PostgreSQL (`postgresVariants`, PostgresStoreFactory.swift).
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    /// A new empty store, and a way to open a second handle on the same data (another instance, or a restart).
    let make: @Sendable () throws -> (store: any TicketStore, reopen: @Sendable () throws -> any TicketStore, keepAlive: AnyObject)

    var testDescription: String { name }

    static let sqlite = StoreFactory(name: "SQLite") {
        let directory = try TemporaryDirectory(prefix: "lotse-store")
        let path = directory.path("data/data.sqlite")
        return (try SQLiteTicketStore(path: path), { try SQLiteTicketStore(path: path) }, directory)
    }

    static let all: [StoreFactory] = [.sqlite] + postgresVariants
}

/// A ticket with German data; `overrides` changes single fields.
func sampleTicket(_ email: String = "jürgen.müller@beispiel.de", subject: String = "Rechnung für März fehlt", urgent: Bool = false,
                  session: String? = nil, attachments: [AttachmentRecord] = []) -> NewTicket {
    NewTicket(email: email, name: "Jürgen Müller", company: "Bäckerei Groß GmbH", subject: subject,
              description: "Grüß Gott, die Rechnung für März ist nicht im Kundencenter. Können Sie helfen?",
              customerNumber: "K-4711", category: "Rechnungen & Zahlungen", urgent: urgent, session: session,
              customFields: ["serverName": "de-01-srv-1234"], attachments: attachments, verified: true)
}

let baseTime = Date(timeIntervalSince1970: 1_795_000_000)

func at(_ seconds: Double) -> Date { baseTime.addingTimeInterval(seconds) }
