import Foundation
import Logging
import PostgresNIO

/// `TicketStore` over a PostgreSQL database that several `lotse serve` instances share. The store owns its
/// postgres-nio `PostgresClient` (a connection pool) and the task that runs it, from `init` until it is released;
/// the schema is migrated before the first call (and again after a failure, so an instance started while the
/// database was down recovers). Ticket numbers come from an identity column; idempotency keys are decided by
/// their primary key inside the ticket's transaction, so a concurrent duplicate returns the first ticket.
public final class PostgresTicketStore: TicketStore {
    let client: PostgresClient
    let logger: Logger
    private let schema: String?
    private let operationTimeout: Duration
    private let migration = MigrationGate()
    private let runner: Task<Void, Never>

    public init(configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "lotse.postgres")) {
        let tls: PostgresClient.Configuration.TLS = switch configuration.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var postgres = PostgresClient.Configuration(host: configuration.host, port: configuration.port, username: configuration.username,
                                                    password: configuration.password, database: configuration.database, tls: tls)
        postgres.options.maximumConnections = configuration.maximumConnections
        if let schema = configuration.schema { postgres.options.additionalStartupParameters = [("search_path", schema)] }
        let client = PostgresClient(configuration: postgres, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        schema = configuration.schema
        operationTimeout = configuration.operationTimeout
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Runs `body` once the schema is migrated, within the operation timeout, with failures translated. The first
    /// call's migration gets twice as long: on a busy server all migrations take about ten seconds, and the call that
    /// waits for them (often a query-log batch) should not be dropped for it.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        do {
            if await !migration.done {
                try await withTimeout(operationTimeout * 2) { [self] in
                    try await migration.migrateOnce { [self] in try await PostgresSchema.migrate(client, schema: schema, logger: logger) }
                }
            }
            return try await withTimeout(operationTimeout) { try await body() }
        } catch {
            throw PostgresStorageFailure.translate(error)
        }
    }

    /// `body` in one transaction (committed when it returns, rolled back when it throws).
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await run { [self] in try await client.withTransaction(logger: logger) { try await body($0) } }
    }

    /// All rows of one query (results here are small: a page, a session's articles, grouped counts).
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await run { [self] in try await client.query(query, logger: logger).collect() }
    }

    // MARK: Tickets

    public func createTicket(_ ticket: NewTicket, idempotencyKey: String?, fingerprint: String?, forward: Bool, at time: Date) async throws
        -> TicketReceipt
    {
        try await transaction { connection in
            if let idempotencyKey {
                // Waits for a concurrent transaction holding the same key; inserts nothing if that one committed.
                let claimed = try await connection.query("""
                    INSERT INTO idempotency_keys(key, created_at, fingerprint) VALUES (\(idempotencyKey), \(time), \(fingerprint))
                    ON CONFLICT (key) DO NOTHING RETURNING key
                    """, logger: self.logger).collect()
                if claimed.isEmpty {
                    let (number, stored) = try await Self.keyedNumber(idempotencyKey, connection, self.logger)
                    guard isSameRequest(stored: stored, given: fingerprint) else { throw IdempotencyKeyReused() }
                    return TicketReceipt(ticket: try await self.ticket(number: number, connection: connection), created: false)
                }
            }
            let suggested = try await Self.suggestedArticles(session: ticket.session ?? "", connection, self.logger)
            let suggestedText = try JSONText.encode(Array(suggested.prefix(SQLiteTicketStore.maximumSuggestedArticles)))
            let customFields = try JSONText.encode(ticket.customFields), attachments = try JSONText.encode(ticket.attachments)
            let inserted = try await connection.query("""
                INSERT INTO tickets(status, email, email_key, name, company, subject, description, customer_number, category,
                    urgent, verified, session, custom_fields, attachments, suggested_articles, created_at, updated_at)
                VALUES (\(TicketStatus.open.rawValue), \(ticket.email), \(EmailAddress.key(ticket.email)), \(ticket.name),
                    \(ticket.company), \(ticket.subject), \(ticket.description), \(ticket.customerNumber), \(ticket.category),
                    \(ticket.urgent), \(ticket.verified),
                    \(ticket.session), \(customFields)::jsonb, \(attachments)::jsonb, \(suggestedText)::jsonb, \(time), \(time))
                RETURNING \(unescaped: Self.ticketColumns)
                """, logger: self.logger).collect()
            guard let row = inserted.first else { throw TicketStoreError.storageUnavailable("ticket insert returned no row") }
            let stored = try Self.ticket(row: row)
            if !suggested.isEmpty { try await Self.countTicket(at: time, connection, self.logger) }
            if let idempotencyKey {
                try await connection.query(
                    "UPDATE idempotency_keys SET ticket_number = \(stored.number) WHERE key = \(idempotencyKey)", logger: self.logger)
            }
            if forward {
                try await connection.query(
                    "INSERT INTO outbox(ticket_number, next_attempt_at) VALUES (\(stored.number), \(time))", logger: self.logger)
            }
            return TicketReceipt(ticket: stored, created: true)
        }
    }

    /// The ticket number and request fingerprint stored with a key.
    private static func keyedNumber(_ key: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> (Int64, String?) {
        let rows = try await connection.query("SELECT ticket_number, fingerprint FROM idempotency_keys WHERE key = \(key)", logger: logger)
            .collect()
        guard let (number, fingerprint) = try rows.first?.decode((Int64?, String?).self), let number else {
            throw TicketStoreError.storageUnavailable("idempotency key without a ticket")
        }
        return (number, fingerprint)
    }

    private func ticket(number: Int64, connection: PostgresConnection) async throws -> Ticket {
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.ticketColumns) FROM tickets WHERE number = \(number)", logger: logger
        ).collect()
        guard let row = rows.first else { throw TicketStoreError.storageUnavailable("ticket \(number) vanished") }
        return try Self.ticket(row: row)
    }

    public func ticket(number: Int64) async throws -> Ticket? {
        try await rows("SELECT \(unescaped: Self.ticketColumns) FROM tickets WHERE number = \(number)").first.map(Self.ticket(row:))
    }

    public func tickets(status: TicketStatus?, page: Int, pageSize: Int) async throws -> TicketPage {
        let offset = max(0, page - 1) * pageSize
        // A NULL status matches every ticket: one bound query instead of two query texts. The page's numbers come from
        // the queue index alone (index-only scan), then only its rows are read: a deep OFFSET otherwise fetched every
        // skipped row (335 ms for the last page of 100,000). The count is its own query: `COUNT(*) OVER ()` beside the
        // page made PostgreSQL read every ticket before the LIMIT (360 ms for the first page).
        let page = try await rows("""
            SELECT \(unescaped: Self.ticketColumns) FROM tickets JOIN (
                SELECT number FROM tickets WHERE \(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)
                ORDER BY urgent DESC, created_at, number LIMIT \(pageSize) OFFSET \(offset)) AS page USING (number)
            ORDER BY urgent DESC, created_at, number
            """)
        let total = try await rows("SELECT COUNT(*) FROM tickets WHERE \(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)")
            .first?.decode(Int.self) ?? 0
        return TicketPage(tickets: try page.map(Self.ticket(row:)), total: total)
    }

    public func deleteTickets(email: String) async throws -> DeletedTickets {
        try await transaction { connection in
            let keys = EmailAddress.erasureKeys(email)
            let rows = try await connection.query("SELECT number, session, attachments::text FROM tickets WHERE email_key = ANY(\(keys))",
                                                  logger: self.logger).collect()
            let sessions = try rows.compactMap { try $0.makeRandomAccess()["session"].decode(String?.self) }
            for table in SessionTables.all.map(\.name) {
                try await connection.query("DELETE FROM \(unescaped: table) WHERE session = ANY(\(sessions))", logger: self.logger)
            }
            return try await Self.deleteTickets(rows: rows, connection, self.logger)
        }
    }

    public func purgeLogs(before: Date, batch: Int) async throws {
        for (table, column) in SessionTables.all {
            while try await rows("""
                WITH gone AS (DELETE FROM \(unescaped: table) WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM \(unescaped: table) WHERE \(unescaped: column) < \(before) LIMIT \(batch))) RETURNING 1)
                SELECT count(*) FROM gone
                """)[0].decode(Int64.self) >= batch {}
        }
    }

    public func purgeClosedTickets(before: Date, limit: Int) async throws -> DeletedTickets {
        try await transaction { connection in
            let rows = try await connection.query("""
                SELECT number, attachments::text FROM tickets
                WHERE status = \(TicketStatus.closed.rawValue) AND updated_at < \(before) LIMIT \(limit)
                """, logger: self.logger).collect()
            return try await Self.deleteTickets(rows: rows, connection, self.logger)
        }
    }

    /// Deletes the tickets of `rows` (columns `number`, `attachments`); their keys and outbox rows cascade.
    private static func deleteTickets(rows: [PostgresRow], _ connection: PostgresConnection, _ logger: Logger) async throws
        -> DeletedTickets
    {
        var numbers: [Int64] = [], attachments: [AttachmentRecord] = []
        for row in rows {
            let columns = row.makeRandomAccess()
            numbers.append(try columns["number"].decode(Int64.self))
            attachments += try JSONText.decode([AttachmentRecord].self, from: try columns["attachments"].decode(String.self))
        }
        try await connection.query("DELETE FROM tickets WHERE number = ANY(\(numbers))", logger: logger)
        return DeletedTickets(tickets: rows.count, attachments: attachments)
    }

    /// jsonb columns are read as text and decoded with the same `JSONText` as the SQLite store.
    static let ticketColumns = """
        number, status, email, name, company, subject, description, customer_number, category, urgent, verified, session,
        custom_fields::text, attachments::text, suggested_articles::text, created_at, updated_at
        """

    static func ticket(row: PostgresRow) throws -> Ticket {
        let columns = row.makeRandomAccess()
        func text(_ name: String) throws -> String { try columns[name].decode(String.self) }
        func optionalText(_ name: String) throws -> String? { try columns[name].decode(String?.self) }
        let content = NewTicket(
            email: try text("email"), name: try text("name"), company: try optionalText("company"), subject: try text("subject"),
            description: try text("description"), customerNumber: try optionalText("customer_number"),
            category: try optionalText("category"),
            urgent: try columns["urgent"].decode(Bool.self), session: try optionalText("session"),
            customFields: try JSONText.decode([String: String].self, from: try text("custom_fields")),
            attachments: try JSONText.decode([AttachmentRecord].self, from: try text("attachments")),
            verified: try columns["verified"].decode(Bool.self))
        return Ticket(
            number: try columns["number"].decode(Int64.self), status: TicketStatus(rawValue: try text("status")) ?? .open, content: content,
                      suggestedArticles: try JSONText.decode([String].self, from: try text("suggested_articles")),
                      createdAt: try columns["created_at"].decode(Date.self), updatedAt: try columns["updated_at"].decode(Date.self))
    }
}

/// Applies the migrations once per store; a failed attempt is forgotten so the next call tries again.
private actor MigrationGate {
    private(set) var done = false
    private var running: Task<Void, any Error>?

    func migrateOnce(_ migrate: @escaping @Sendable () async throws -> Void) async throws {
        if done { return }
        let attempt = running ?? Task { try await migrate() }
        running = attempt
        do {
            try await attempt.value
            done = true
        } catch {
            running = nil
            throw error
        }
    }
}
