import Foundation
import GRDB

/// `TicketStore` over one SQLite file (WAL, `synchronous=FULL`: a ticket that was acknowledged survives a
/// crash or power loss). Writes run in IMMEDIATE transactions, so several processes sharing the file still
/// allocate distinct numbers and honour idempotency keys.
public final class SQLiteTicketStore: TicketStore {
    let pool: DatabasePool
    /// Largest number of suggested article ids copied onto a ticket.
    static let maximumSuggestedArticles = 50

    public init(path: String) throws {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // secure_delete: a deleted row's bytes are overwritten, not left in free space (erasure; Debian builds it on).
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON") }
            try Self.createPrivately(path)
            pool = try DatabasePool(path: path, configuration: configuration)
            try TicketSchema.migrator.migrate(pool)
        } catch let error as CocoaError {
            throw TicketStoreError.storageUnavailable("cannot create the data directory (\(error.code.rawValue))")
        } catch {
            throw StorageFailure.translate(error)
        }
    }

    /// Customer data: the file is readable by its owner only (SQLite gives the -wal and -shm files the same mode).
    private static func createPrivately(_ path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }  // SQLite's own open reports the problem.
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await StorageFailure.mapping {
            try await pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await StorageFailure.mapping { try await pool.read(body) }
    }

    // MARK: Tickets

    public func createTicket(_ ticket: NewTicket, idempotencyKey: String?, fingerprint: String?, forward: Bool, at time: Date) async throws
        -> TicketReceipt
    {
        try await write { db in
            if let idempotencyKey,
                let row = try Row.fetchOne(
                    db, sql: "SELECT ticket_number, fingerprint FROM idempotency_keys WHERE key = ?", arguments: [idempotencyKey]),
               let existing = try Self.ticket(db, number: row["ticket_number"]) {
                guard isSameRequest(stored: row["fingerprint"], given: fingerprint) else { throw IdempotencyKeyReused() }
                return TicketReceipt(ticket: existing, created: false)
            }
            let suggested = try ticket.session.map { try Self.suggestedArticles(db, session: $0) } ?? []
            let stamp = time.timeIntervalSince1970
            try db.execute(sql: """
                INSERT INTO tickets(status, email, email_key, name, company, subject, description, customer_number, category,
                    urgent, verified, session, custom_fields, attachments, suggested_articles, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    TicketStatus.open.rawValue, ticket.email, EmailAddress.key(ticket.email), ticket.name, ticket.company, ticket.subject,
                    ticket.description, ticket.customerNumber, ticket.category, ticket.urgent, ticket.verified, ticket.session,
                    try JSONText.encode(ticket.customFields), try JSONText.encode(ticket.attachments),
                    try JSONText.encode(Array(suggested.prefix(Self.maximumSuggestedArticles))), stamp, stamp,
                ])
            let number = db.lastInsertedRowID
            if !suggested.isEmpty { try Self.countTicket(at: time, db) }
            if let idempotencyKey {
                try db.execute(sql: "INSERT INTO idempotency_keys(key, ticket_number, created_at, fingerprint) VALUES (?, ?, ?, ?)",
                               arguments: [idempotencyKey, number, stamp, fingerprint])
            }
            if forward {
                try db.execute(sql: "INSERT INTO outbox(ticket_number, next_attempt_at) VALUES (?, ?)", arguments: [number, stamp])
            }
            guard let stored = try Self.ticket(db, number: number) else { throw TicketStoreError.storageUnavailable("ticket vanished") }
            return TicketReceipt(ticket: stored, created: true)
        }
    }

    public func ticket(number: Int64) async throws -> Ticket? {
        try await read { db in try Self.ticket(db, number: number) }
    }

    public func tickets(status: TicketStatus?, page: Int, pageSize: Int) async throws -> TicketPage {
        try await read { db in
            let filter = status == nil ? "" : "WHERE status = ?"
            let arguments: StatementArguments = status.map { [$0.rawValue] } ?? []
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM tickets \(filter) ORDER BY urgent DESC, created_at, number LIMIT ? OFFSET ?",
                                        arguments: arguments + [pageSize, max(0, page - 1) * pageSize])
            return TicketPage(tickets: try rows.map(Self.ticket(row:)), total: total)
        }
    }

    public func deleteTickets(email: String) async throws -> DeletedTickets {
        let deleted = try await write { db in
            let keys = EmailAddress.erasureKeys(email)
            let matching = "email_key IN (\(databaseQuestionMarks(count: keys.count)))"
            let rows = try Row.fetchAll(db, sql: "SELECT number, session, attachments FROM tickets WHERE \(matching)",
                                        arguments: StatementArguments(keys))
            let sessions = rows.compactMap { $0["session"] as String? }
            for table in SessionTables.all.map(\.name) {
                for session in sessions { try db.execute(sql: "DELETE FROM \(table) WHERE session = ?", arguments: [session]) }
            }
            return try Self.deleteTickets(db, rows: rows)
        }
        await foldWriteAheadLog()
        return deleted
    }

    /// The write-ahead log keeps deleted rows' earlier page images until they are overwritten: fold it into the file
    /// and empty it (after an erasure and a purge). Best effort: a reader that holds it past the busy timeout leaves it
    /// to the next checkpoint.
    private func foldWriteAheadLog() async {
        _ = try? await pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// The primary keys a batch of the `WITHOUT ROWID` session tables is chosen by (the others: `rowid`).
    private static let batchKeys = [
        "suggestions": "session, article_id, day", "article_views": "session, article_id, day",
        "session_stages": "session, article_id, stage",
    ]

    public func purgeLogs(before: Date, batch: Int) async throws {
        for (table, column) in SessionTables.all {
            let key = Self.batchKeys[table] ?? "rowid"
            let sql = "DELETE FROM \(table) WHERE (\(key)) IN (SELECT \(key) FROM \(table) WHERE \(column) < ? LIMIT ?)"
            while try await write({ db in
                try db.execute(sql: sql, arguments: [before.timeIntervalSince1970, batch])
                return db.changesCount
            }) >= batch {}
        }
        await foldWriteAheadLog()
    }

    public func purgeClosedTickets(before: Date, limit: Int) async throws -> DeletedTickets {
        let deleted = try await write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT number, attachments FROM tickets WHERE status = ? AND updated_at < ? LIMIT ?",
                                        arguments: [TicketStatus.closed.rawValue, before.timeIntervalSince1970, limit])
            return try Self.deleteTickets(db, rows: rows)
        }
        if deleted.tickets < limit { await foldWriteAheadLog() }  // a purge's last batch
        return deleted
    }

    private static func deleteTickets(_ db: Database, rows: [Row]) throws -> DeletedTickets {
        var attachments: [AttachmentRecord] = []
        for row in rows {
            attachments += try JSONText.decode([AttachmentRecord].self, from: row["attachments"])
            try db.execute(sql: "DELETE FROM tickets WHERE number = ?", arguments: [row["number"] as Int64])
        }
        return DeletedTickets(tickets: rows.count, attachments: attachments)
    }

    static func ticket(_ db: Database, number: Int64) throws -> Ticket? {
        try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE number = ?", arguments: [number]).map(ticket(row:))
    }

    static func ticket(row: Row) throws -> Ticket {
        let content = NewTicket(
            email: row["email"], name: row["name"], company: row["company"], subject: row["subject"], description: row["description"],
            customerNumber: row["customer_number"], category: row["category"], urgent: row["urgent"], session: row["session"],
            customFields: try JSONText.decode([String: String].self, from: row["custom_fields"]),
            attachments: try JSONText.decode([AttachmentRecord].self, from: row["attachments"]), verified: row["verified"])
        return Ticket(number: row["number"], status: TicketStatus(rawValue: row["status"]) ?? .open, content: content,
                      suggestedArticles: try JSONText.decode([String].self, from: row["suggested_articles"]),
                      createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}

/// Lists and maps stored as JSON text columns.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
