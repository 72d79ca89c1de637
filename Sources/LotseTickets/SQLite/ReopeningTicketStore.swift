import Foundation
import Synchronization

/// The SQLite store, opened again on use when it could not be opened (a read-only or full data directory
/// at start), at most once per `retryInterval`: search keeps serving meanwhile, ticket calls fail with
/// `storageUnavailable`, and fixing the directory needs no restart.
public final class ReopeningTicketStore: TicketStore {
    private struct State {
        var store: SQLiteTicketStore?
        var lastAttempt: ContinuousClock.Instant?
        var lastError: TicketStoreError?
    }

    private let path: String
    private let retryInterval: Duration
    private let state = Mutex(State())

    /// Tries to open `path` right away; `openError` tells whether that worked.
    public init(path: String, retryInterval: Duration = .seconds(1)) {
        self.path = path
        self.retryInterval = retryInterval
        _ = try? current()
    }

    /// Why the last attempt to open the store failed, or nil once it is open.
    public var openError: TicketStoreError? { state.withLock { $0.store == nil ? $0.lastError : nil } }

    private func current() throws -> SQLiteTicketStore {
        try state.withLock { state in
            if let store = state.store { return store }
            let now = ContinuousClock.now
            if let last = state.lastAttempt, now - last < retryInterval, let error = state.lastError { throw error }
            state.lastAttempt = now
            do {
                let store = try SQLiteTicketStore(path: path)
                state.store = store
                return store
            } catch {
                let failure = (error as? TicketStoreError) ?? .storageUnavailable("\(error)")
                state.lastError = failure
                throw failure
            }
        }
    }

    public func createTicket(_ ticket: NewTicket, idempotencyKey: String?, fingerprint: String?, forward: Bool, at time: Date) async throws
        -> TicketReceipt
    {
        try await current().createTicket(ticket, idempotencyKey: idempotencyKey, fingerprint: fingerprint, forward: forward, at: time)
    }

    public func ticket(number: Int64) async throws -> Ticket? { try await current().ticket(number: number) }

    public func tickets(status: TicketStatus?, page: Int, pageSize: Int) async throws -> TicketPage {
        try await current().tickets(status: status, page: page, pageSize: pageSize)
    }

    public func updateStatus(number: Int64, to status: TicketStatus, by actor: String, at time: Date) async throws -> Ticket? {
        try await current().updateStatus(number: number, to: status, by: actor, at: time)
    }

    public func statusChanges(number: Int64) async throws -> [StatusChange] { try await current().statusChanges(number: number) }

    public func deleteTickets(email: String) async throws -> DeletedTickets { try await current().deleteTickets(email: email) }

    public func purgeLogs(before: Date, batch: Int) async throws { try await current().purgeLogs(before: before, batch: batch) }

    public func purgeClosedTickets(before: Date, limit: Int) async throws -> DeletedTickets {
        try await current().purgeClosedTickets(before: before, limit: limit)
    }

    public func recordDeflection(_ deflection: DeflectionRecord) async throws -> Int64 { try await current().recordDeflection(deflection) }
    public func recordFeedback(_ feedback: FeedbackRecord) async throws { try await current().recordFeedback(feedback) }
    public func recordQueries(_ entries: [QueryLogEntry]) async throws { try await current().recordQueries(entries) }
    public func suggestedArticles(session: String) async throws -> [String] { try await current().suggestedArticles(session: session) }
    public func learningOutcomes() async throws -> [LearningOutcome] { try await current().learningOutcomes() }
    public func activity(since: Date) async throws -> TicketActivity { try await current().activity(since: since) }
    public func recordArticleView(_ view: ArticleView) async throws { try await current().recordArticleView(view) }
    public func funnel(days: ClosedRange<Int>) async throws -> [Int: FunnelCounts] { try await current().funnel(days: days) }

    public func articleFunnel(days: ClosedRange<Int>) async throws -> [String: ArticleCounts] {
        try await current().articleFunnel(days: days)
    }

    public func startAdminSession(token: String, _ session: AdminSession, expiry: AdminSessionExpiry) async throws {
        try await current().startAdminSession(token: token, session, expiry: expiry)
    }

    public func resumeAdminSession(token: String, at time: Date, expiry: AdminSessionExpiry) async throws -> AdminSession? {
        try await current().resumeAdminSession(token: token, at: time, expiry: expiry)
    }

    public func endAdminSession(token: String) async throws { try await current().endAdminSession(token: token) }
    public func gapInputs(since: Date, limit: Int) async throws -> [GapInput] { try await current().gapInputs(since: since, limit: limit) }

    public func dueDeliveries(at time: Date, limit: Int) async throws -> [OutboxEntry] {
        try await current().dueDeliveries(at: time, limit: limit)
    }

    public func markDelivered(_ entryID: Int64, at time: Date) async throws { try await current().markDelivered(entryID, at: time) }

    public func scheduleRetry(_ entryID: Int64, attempts: Int, next: Date, error: String) async throws {
        try await current().scheduleRetry(entryID, attempts: attempts, next: next, error: error)
    }
}
