import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Forwards outbox rows to the helpdesk webhook: POST of the ticket as JSON with `Idempotency-Key` and
/// `X-Lotse-Ticket-Id` set to the ticket id, so the receiver can drop duplicates (delivery is at-least-once:
/// a crash between the 2xx and `markDelivered` resends). Failures retry with exponential backoff up to `maximumDelay`;
/// pending rows survive restarts because they live in the store.
public struct WebhookDeliverer: Sendable {
    public var url: String
    public var store: any TicketStore
    public var client: HTTPClient
    public var logger: Logger
    public var pollInterval: Duration = .seconds(1)
    public var initialDelay: Duration = .seconds(2)
    public var maximumDelay: Duration = .seconds(600)
    public var timeout: Duration = .seconds(10)

    public init(url: String, store: any TicketStore, client: HTTPClient = .shared, logger: Logger) {
        self.url = url
        self.store = store
        self.client = client
        self.logger = logger
    }

    /// Delivers due rows until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            let attempted = await deliverDue()
            if attempted == 0 { try? await Task.sleep(for: pollInterval) }
        }
    }

    /// Tries every row due now once; returns how many were attempted.
    @discardableResult
    public func deliverDue(now: Date = Date()) async -> Int {
        let entries: [OutboxEntry]
        do {
            entries = try await store.dueDeliveries(at: now, limit: 20)
        } catch {
            logger.error("webhook outbox unreadable", metadata: ["error": "\(error)"])
            return 0
        }
        for entry in entries { await deliver(entry) }
        return entries.count
    }

    /// The wait after the `attempts`-th failure: initialDelay, doubled each time, capped.
    public func delay(afterAttempts attempts: Int) -> Duration {
        let factor = 1 << min(max(attempts - 1, 0), 30)
        return min(initialDelay * factor, maximumDelay)
    }

    private func deliver(_ entry: OutboxEntry) async {
        do {
            guard let ticket = try await store.ticket(number: entry.ticketNumber) else {
                try await store.markDelivered(entry.id, at: Date())
                return
            }
            let status = try await post(TicketDocument(ticket))
            if (200..<300).contains(status) {
                try await store.markDelivered(entry.id, at: Date())
                logger.info("ticket forwarded", metadata: ["ticket": "\(ticket.id)", "attempts": "\(entry.attempts + 1)"])
            } else {
                try await retry(entry, reason: "HTTP \(status)")
            }
        } catch {
            try? await retry(entry, reason: "\(error)")
        }
    }

    private func post(_ document: TicketDocument) async throws -> UInt {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "Idempotency-Key", value: document.id)
        request.headers.add(name: "X-Lotse-Ticket-Id", value: document.id)
        request.body = .bytes(ByteBuffer(bytes: try encoder.encode(document)))
        let response = try await client.execute(request, timeout: .init(timeout))
        _ = try await response.body.collect(upTo: 64 * 1024)
        return response.status.code
    }

    private func retry(_ entry: OutboxEntry, reason: String) async throws {
        let attempts = entry.attempts + 1
        let wait = delay(afterAttempts: attempts)
        logger.warning(
            "webhook delivery failed; will retry", metadata: ["attempts": "\(attempts)", "retryIn": "\(wait)", "reason": "\(reason)"])
        try await store.scheduleRetry(entry.id, attempts: attempts, next: Date().addingTimeInterval(wait / .seconds(1)), error: reason)
    }
}
