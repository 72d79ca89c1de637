import Foundation
import GRDB

/// The webhook outbox: rows written with their ticket, read by the delivery service.
extension SQLiteTicketStore {
    public func dueDeliveries(at time: Date, limit: Int) async throws -> [OutboxEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, ticket_number, attempts FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?
                """, arguments: [time.timeIntervalSince1970, limit]).map { OutboxEntry(id: $0[0], ticketNumber: $0[1], attempts: $0[2]) }
        }
    }

    public func markDelivered(_ entryID: Int64, at time: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ?", arguments: [time.timeIntervalSince1970, entryID])
        }
    }

    public func scheduleRetry(_ entryID: Int64, attempts: Int, next: Date, error: String) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                           arguments: [attempts, next.timeIntervalSince1970, String(error.prefix(500)), entryID])
        }
    }
}
