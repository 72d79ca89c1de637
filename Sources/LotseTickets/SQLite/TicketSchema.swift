import GRDB

/// The data database's migrations. Times are seconds since 1970 (REAL); lists and maps are JSON text.
enum TicketSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 tickets, deflections, feedback, query log, outbox") { db in
            try db.execute(sql: """
                CREATE TABLE tickets(
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    status TEXT NOT NULL,
                    email TEXT NOT NULL,
                    email_key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    company TEXT,
                    subject TEXT NOT NULL,
                    description TEXT NOT NULL,
                    customer_number TEXT,
                    category TEXT,
                    urgent INTEGER NOT NULL,
                    verified INTEGER NOT NULL,
                    session TEXT,
                    custom_fields TEXT NOT NULL,
                    attachments TEXT NOT NULL,
                    suggested_articles TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL);
                CREATE INDEX tickets_queue ON tickets(status, urgent DESC, created_at, number);
                CREATE INDEX tickets_all_queue ON tickets(urgent DESC, created_at, number);
                CREATE INDEX tickets_email ON tickets(email_key);
                CREATE INDEX tickets_created ON tickets(created_at);
                CREATE TABLE idempotency_keys(
                    key TEXT PRIMARY KEY,
                    ticket_number INTEGER NOT NULL REFERENCES tickets(number) ON DELETE CASCADE,
                    created_at REAL NOT NULL) WITHOUT ROWID;
                CREATE TABLE outbox(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_number INTEGER NOT NULL REFERENCES tickets(number) ON DELETE CASCADE,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    delivered_at REAL,
                    last_error TEXT);
                CREATE INDEX outbox_due ON outbox(delivered_at, next_attempt_at);
                CREATE TABLE deflections(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session TEXT,
                    article_id TEXT NOT NULL,
                    subject TEXT,
                    description TEXT,
                    created_at REAL NOT NULL);
                CREATE INDEX deflections_created ON deflections(created_at);
                CREATE INDEX deflections_session ON deflections(session);
                CREATE TABLE feedback(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    article_id TEXT NOT NULL,
                    helpful INTEGER NOT NULL,
                    session TEXT,
                    created_at REAL NOT NULL);
                CREATE INDEX feedback_created ON feedback(created_at);
                CREATE INDEX feedback_session ON feedback(session);
                CREATE TABLE query_log(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    endpoint TEXT NOT NULL,
                    query TEXT NOT NULL,
                    result_count INTEGER NOT NULL,
                    created_at REAL NOT NULL);
                CREATE INDEX query_log_created ON query_log(created_at);
                -- Which articles were shown to which session ('' without one); one row per session, article and day.
                CREATE TABLE suggestions(
                    session TEXT NOT NULL,
                    article_id TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    first_at REAL NOT NULL,
                    last_at REAL NOT NULL,
                    PRIMARY KEY(session, article_id, day)) WITHOUT ROWID;
                CREATE INDEX suggestions_last ON suggestions(last_at);
                """)
        }
        migrator.registerMigration("v2 request fingerprints, query-log sessions") { db in
            try db.execute(sql: """
                ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT;
                ALTER TABLE query_log ADD COLUMN session TEXT;
                CREATE INDEX query_log_session ON query_log(session);
                """)
        }
        // Who changed a ticket's status (deleted with the ticket); the operators signed in to /admin (by cookie hash).
        migrator.registerMigration("v3 ticket activity") { db in
            try db.execute(sql: """
                CREATE TABLE ticket_activity(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_number INTEGER NOT NULL REFERENCES tickets(number) ON DELETE CASCADE,
                    actor TEXT NOT NULL,
                    from_status TEXT NOT NULL,
                    to_status TEXT NOT NULL,
                    created_at REAL NOT NULL);
                CREATE INDEX ticket_activity_ticket ON ticket_activity(ticket_number, id);
                CREATE TABLE admin_sessions(
                    token_hash TEXT PRIMARY KEY,
                    csrf_token TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    last_seen_at REAL NOT NULL) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4 article views and rollups") { db in
            try db.execute(sql: AnalyticsSchema.sqlite)
        }
        migrator.registerMigration("v5 statistics indexes") { db in
            for statement in StatisticsIndexes.sqlite { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v6 indexes for cascades") { db in
            for statement in cascadeIndexes { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// Deleting a ticket (erasure, retention) cascades to its idempotency keys and outbox rows: without these indexes
    /// each deleted ticket scanned both tables. The same in both stores.
    static let cascadeIndexes = [
        "CREATE INDEX idempotency_keys_ticket ON idempotency_keys(ticket_number)",
        "CREATE INDEX outbox_ticket ON outbox(ticket_number)",
    ]
}
