import Foundation
import PostgresNIO

/// The webhook outbox. Several instances poll the same table, so fetching due rows also claims them: their
/// next attempt moves `claimDuration` ahead (rows another instance is claiming are skipped), and a delivery,
/// a retry or the claim's end decides what happens next. An instance that dies holding a claim delays a row, never loses it.
extension PostgresTicketStore {
    /// Longer than one poll's deliveries take (20 rows × the deliverer's 10 s timeout).
    static let claimDuration: TimeInterval = 300

    public func dueDeliveries(at time: Date, limit: Int) async throws -> [OutboxEntry] {
        let claimedUntil = time.addingTimeInterval(Self.claimDuration)
        return try await rows("""
            UPDATE outbox SET next_attempt_at = \(claimedUntil)
            WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= \(time)
                         ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, ticket_number, attempts
            """).map { row in
            let (id, ticketNumber, attempts) = try row.decode((Int64, Int64, Int).self)
            return OutboxEntry(id: id, ticketNumber: ticketNumber, attempts: attempts)
        }.sorted { $0.id < $1.id }
    }

    public func markDelivered(_ entryID: Int64, at time: Date) async throws {
        _ = try await rows("UPDATE outbox SET delivered_at = \(time), last_error = NULL WHERE id = \(entryID)")
    }

    public func scheduleRetry(_ entryID: Int64, attempts: Int, next: Date, error: String) async throws {
        _ = try await rows("""
            UPDATE outbox SET attempts = \(attempts), next_attempt_at = \(next), last_error = \(String(error.prefix(500)))
            WHERE id = \(entryID)
            """)
    }
}
