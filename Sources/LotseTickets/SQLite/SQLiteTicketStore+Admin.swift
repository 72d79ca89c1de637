import Foundation
import GRDB

/// Status changes with their activity, and the operators' `/admin` sessions.
extension SQLiteTicketStore {
    public func updateStatus(number: Int64, to status: TicketStatus, by actor: String, at time: Date) async throws -> Ticket? {
        try await write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT status FROM tickets WHERE number = ?", arguments: [number]) else {
                return nil
            }
            let stamp = time.timeIntervalSince1970
            try db.execute(sql: "UPDATE tickets SET status = ?, updated_at = ? WHERE number = ?",
                           arguments: [status.rawValue, stamp, number])
            if old != status.rawValue {
                try db.execute(sql: """
                    INSERT INTO ticket_activity(ticket_number, actor, from_status, to_status, created_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [number, StatusChange.cleanActor(actor), old, status.rawValue, stamp])
            }
            return try Self.ticket(db, number: number)
        }
    }

    public func statusChanges(number: Int64) async throws -> [StatusChange] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT actor, from_status, to_status, created_at FROM ticket_activity WHERE ticket_number = ? ORDER BY id
                """, arguments: [number]).map { row in
                StatusChange(actor: row["actor"], from: TicketStatus(rawValue: row["from_status"]) ?? .open,
                             to: TicketStatus(rawValue: row["to_status"]) ?? .open, time: Date(timeIntervalSince1970: row["created_at"]))
            }
        }
    }

    public func startAdminSession(token: String, _ session: AdminSession, expiry: AdminSessionExpiry) async throws {
        let (idleCutoff, absoluteCutoff) = expiry.cutoffs(at: session.createdAt)
        try await write { db in
            try db.execute(sql: "DELETE FROM admin_sessions WHERE last_seen_at < ? OR created_at < ?",
                           arguments: [idleCutoff.timeIntervalSince1970, absoluteCutoff.timeIntervalSince1970])
            try db.execute(sql: """
                INSERT INTO admin_sessions(token_hash, csrf_token, actor, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [AdminSessionExpiry.key(token), session.csrfToken, session.actor,
                                 session.createdAt.timeIntervalSince1970, session.lastSeenAt.timeIntervalSince1970])
        }
    }

    public func resumeAdminSession(token: String, at time: Date, expiry: AdminSessionExpiry) async throws -> AdminSession? {
        let (idleCutoff, absoluteCutoff) = expiry.cutoffs(at: time)
        return try await write { db in
            try Row.fetchOne(db, sql: """
                UPDATE admin_sessions SET last_seen_at = max(last_seen_at, ?)
                WHERE token_hash = ? AND last_seen_at >= ? AND created_at >= ?
                RETURNING actor, csrf_token, created_at, last_seen_at
                """, arguments: [time.timeIntervalSince1970, AdminSessionExpiry.key(token), idleCutoff.timeIntervalSince1970,
                                 absoluteCutoff.timeIntervalSince1970]).map { row in
                AdminSession(actor: row["actor"], csrfToken: row["csrf_token"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                             lastSeenAt: Date(timeIntervalSince1970: row["last_seen_at"]))
            }
        }
    }

    public func endAdminSession(token: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM admin_sessions WHERE token_hash = ?", arguments: [AdminSessionExpiry.key(token)])
        }
    }
}
