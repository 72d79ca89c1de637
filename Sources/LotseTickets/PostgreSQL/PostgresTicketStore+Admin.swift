import Foundation
import PostgresNIO

/// Status changes with their activity, and the operators' `/admin` sessions.
extension PostgresTicketStore {
    public func updateStatus(number: Int64, to status: TicketStatus, by actor: String, at time: Date) async throws -> Ticket? {
        try await transaction { connection in
            // Locks the row: two instances changing one ticket record both changes in order.
            let old = try await connection.query("SELECT status FROM tickets WHERE number = \(number) FOR UPDATE", logger: self.logger)
                .collect().first?.decode(String.self)
            guard let old else { return nil }
            let rows = try await connection.query("""
                UPDATE tickets SET status = \(status.rawValue), updated_at = \(time) WHERE number = \(number)
                RETURNING \(unescaped: Self.ticketColumns)
                """, logger: self.logger).collect()
            if old != status.rawValue {
                try await connection.query("""
                    INSERT INTO ticket_activity(ticket_number, actor, from_status, to_status, created_at)
                    VALUES (\(number), \(StatusChange.cleanActor(actor)), \(old), \(status.rawValue), \(time))
                    """, logger: self.logger)
            }
            return try rows.first.map(Self.ticket(row:))
        }
    }

    public func statusChanges(number: Int64) async throws -> [StatusChange] {
        try await rows("""
            SELECT actor, from_status, to_status, created_at FROM ticket_activity WHERE ticket_number = \(number) ORDER BY id
            """).map { row in
            let (actor, from, to, time) = try row.decode((String, String, String, Date).self)
            return StatusChange(actor: actor, from: TicketStatus(rawValue: from) ?? .open, to: TicketStatus(rawValue: to) ?? .open,
                                time: time)
        }
    }

    public func startAdminSession(token: String, _ session: AdminSession, expiry: AdminSessionExpiry) async throws {
        let (idleCutoff, absoluteCutoff) = expiry.cutoffs(at: session.createdAt)
        try await transaction { connection in
            try await connection.query("DELETE FROM admin_sessions WHERE last_seen_at < \(idleCutoff) OR created_at < \(absoluteCutoff)",
                                       logger: self.logger)
            try await connection.query("""
                INSERT INTO admin_sessions(token_hash, csrf_token, actor, created_at, last_seen_at)
                VALUES (\(AdminSessionExpiry.key(token)), \(session.csrfToken), \(session.actor), \(session.createdAt),
                        \(session.lastSeenAt))
                """, logger: self.logger)
        }
    }

    public func resumeAdminSession(token: String, at time: Date, expiry: AdminSessionExpiry) async throws -> AdminSession? {
        let (idleCutoff, absoluteCutoff) = expiry.cutoffs(at: time)
        return try await rows("""
            UPDATE admin_sessions SET last_seen_at = greatest(last_seen_at, \(time))
            WHERE token_hash = \(AdminSessionExpiry.key(token)) AND last_seen_at >= \(idleCutoff) AND created_at >= \(absoluteCutoff)
            RETURNING actor, csrf_token, created_at, last_seen_at
            """).first.map { row in
            let (actor, csrf, created, seen) = try row.decode((String, String, Date, Date).self)
            return AdminSession(actor: actor, csrfToken: csrf, createdAt: created, lastSeenAt: seen)
        }
    }

    public func endAdminSession(token: String) async throws {
        _ = try await rows("DELETE FROM admin_sessions WHERE token_hash = \(AdminSessionExpiry.key(token))")
    }
}
