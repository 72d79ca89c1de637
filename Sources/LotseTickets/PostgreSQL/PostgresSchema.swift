import Logging
import PostgresNIO

/// The PostgreSQL schema, as numbered migrations recorded in `schema_migrations`. `migrate` runs in one
/// transaction under an advisory lock, so instances starting at the same time apply each migration once
/// (the second waits, then finds it recorded). Times are `timestamptz`; lists and maps are `jsonb`.
enum PostgresSchema {
    /// First half of the `pg_advisory_xact_lock(int, int)` key ("lots" in ASCII, apart from other applications' locks);
    /// the second half is the schema name's hash, so stores in different schemas migrate without waiting for each other.
    static let migrationLockClass: Int32 = 0x6C6F_7473

    static let migrations: [(version: Int, statements: [String])] = [
        (1, [
            """
            CREATE TABLE tickets(
                number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                status text NOT NULL,
                email text NOT NULL,
                email_key text NOT NULL,
                name text NOT NULL,
                company text,
                subject text NOT NULL,
                description text NOT NULL,
                customer_number text,
                category text,
                urgent boolean NOT NULL,
                verified boolean NOT NULL,
                session text,
                custom_fields jsonb NOT NULL,
                attachments jsonb NOT NULL,
                suggested_articles jsonb NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL)
            """,
            "CREATE INDEX tickets_queue ON tickets(status, urgent DESC, created_at, number)",
            "CREATE INDEX tickets_all_queue ON tickets(urgent DESC, created_at, number)",
            "CREATE INDEX tickets_email ON tickets(email_key)",
            "CREATE INDEX tickets_created ON tickets(created_at)",
            // The key row is inserted first (its primary key decides concurrent duplicates), the ticket number after.
            """
            CREATE TABLE idempotency_keys(
                key text PRIMARY KEY,
                ticket_number bigint REFERENCES tickets(number) ON DELETE CASCADE,
                created_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE outbox(
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                ticket_number bigint NOT NULL REFERENCES tickets(number) ON DELETE CASCADE,
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL,
                delivered_at timestamptz,
                last_error text)
            """,
            "CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE delivered_at IS NULL",
            """
            CREATE TABLE deflections(
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                session text,
                article_id text NOT NULL,
                subject text,
                description text,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX deflections_created ON deflections(created_at)",
            "CREATE INDEX deflections_session ON deflections(session)",
            """
            CREATE TABLE feedback(
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                article_id text NOT NULL,
                helpful boolean NOT NULL,
                session text,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX feedback_created ON feedback(created_at)",
            "CREATE INDEX feedback_session ON feedback(session)",
            """
            CREATE TABLE query_log(
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                endpoint text NOT NULL,
                query text NOT NULL,
                result_count integer NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX query_log_created ON query_log(created_at)",
            // Which articles were shown to which session ('' without one); one row per session, article and day.
            """
            CREATE TABLE suggestions(
                session text NOT NULL,
                article_id text NOT NULL,
                day integer NOT NULL,
                first_at timestamptz NOT NULL,
                last_at timestamptz NOT NULL,
                PRIMARY KEY(session, article_id, day))
            """,
            "CREATE INDEX suggestions_last ON suggestions(last_at)",
        ]),
        // A hash of the normalised request beside each idempotency key; the session on query-log rows (erasure).
        (2, [
            "ALTER TABLE idempotency_keys ADD COLUMN fingerprint text",
            "ALTER TABLE query_log ADD COLUMN session text",
            "CREATE INDEX query_log_session ON query_log(session)",
        ]),
        // v3 ticket activity: who changed a ticket's status (deleted with the ticket); the operators signed in to /admin.
        (3, [
            """
            CREATE TABLE ticket_activity(
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                ticket_number bigint NOT NULL REFERENCES tickets(number) ON DELETE CASCADE,
                actor text NOT NULL,
                from_status text NOT NULL,
                to_status text NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX ticket_activity_ticket ON ticket_activity(ticket_number, id)",
            """
            CREATE TABLE admin_sessions(
                token_hash text PRIMARY KEY,
                csrf_token text NOT NULL,
                actor text NOT NULL,
                created_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL)
            """,
        ]),
        // "v4 article views and rollups" (AnalyticsSchema).
        (4, AnalyticsSchema.postgres),
        // "v5 statistics indexes" (StatisticsIndexes).
        (5, StatisticsIndexes.postgres),
        // v6: a deleted ticket's keys and outbox rows are found by index, not by a scan of each table per ticket.
        (6, TicketSchema.cascadeIndexes),
    ]

    /// A schema name Lotse creates and puts on the search path: never user text in SQL, so it is checked here.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 63, first == "_" || ("a"..."z").contains(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    static func migrate(_ client: PostgresClient, schema: String?, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockClass), hashtext(\(schema ?? "")))", logger: logger)
            if let schema {
                // Checked by isValidName: identifiers cannot be bound.
                try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger)
            }
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations(version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations(version) VALUES (\(migration.version))", logger: logger)
                logger.info("PostgreSQL ticket schema migrated", metadata: ["version": "\(migration.version)"])
            }
        }
    }
}
