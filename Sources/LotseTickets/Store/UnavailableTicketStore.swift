import Foundation

/// Stands in when the data database cannot be opened: every call fails with `storageUnavailable`,
/// so search keeps working and ticket requests get a clear 503.
public struct UnavailableTicketStore: TicketStore {
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    private func fail<T>() throws -> T { throw TicketStoreError.storageUnavailable(reason) }

    public func createTicket(_ ticket: NewTicket, idempotencyKey: String?, forward: Bool, at time: Date) async throws -> TicketReceipt { try fail() }
    public func ticket(number: Int64) async throws -> Ticket? { try fail() }
    public func tickets(status: TicketStatus?, page: Int, pageSize: Int) async throws -> TicketPage { try fail() }
    public func updateStatus(number: Int64, to status: TicketStatus, at time: Date) async throws -> Ticket? { try fail() }
    public func deleteTickets(email: String) async throws -> DeletedTickets { try fail() }
    public func purge(closedBefore: Date, logsBefore: Date) async throws -> DeletedTickets { try fail() }
    public func recordDeflection(_ deflection: DeflectionRecord) async throws -> Int64 { try fail() }
    public func recordFeedback(_ feedback: FeedbackRecord) async throws { try fail() as Void }
    public func recordQueries(_ entries: [QueryLogEntry]) async throws { try fail() as Void }
    public func suggestedArticles(session: String) async throws -> [String] { try fail() }
    public func activity(since: Date) async throws -> TicketActivity { try fail() }
    public func dueDeliveries(at time: Date, limit: Int) async throws -> [OutboxEntry] { try fail() }
    public func markDelivered(_ entryID: Int64, at time: Date) async throws { try fail() as Void }
    public func scheduleRetry(_ entryID: Int64, attempts: Int, next: Date, error: String) async throws { try fail() as Void }
}
