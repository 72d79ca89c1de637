import Foundation
import Logging
import LotseTickets
import ServiceLifecycle

/// Writes the batched query log until shutdown; the last batch is flushed after the server stopped taking requests.
struct QueryLogService: Service {
    let writer: QueryLogWriter

    func run() async throws {
        await cancelWhenGracefulShutdown { await writer.run() }
        await writer.flush()
    }
}

/// Forwards new tickets to the helpdesk webhook from the outbox.
struct WebhookService: Service {
    let deliverer: WebhookDeliverer

    func run() async throws {
        await cancelWhenGracefulShutdown { await deliverer.run() }
    }
}

/// Retention: hourly, deletes closed tickets (with their attachments), deflections, feedback, query-log entries and
/// shown articles older than `days`.
struct RetentionService: Service {
    let services: TicketServices
    let days: Int
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purge()
                try? await Task.sleep(for: .seconds(3_600))
            }
        }
    }

    func purge(now: Date = Date()) async {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        do {
            let deleted = try await services.store.purge(closedBefore: cutoff, logsBefore: cutoff) { batch in
                await services.attachments.remove(batch.attachments.map(\.storedName))
            }
            if deleted.tickets > 0 { logger.info("retention purged closed tickets", metadata: ["tickets": "\(deleted.tickets)"]) }
        } catch is CancellationError {
            // Shutdown between two batches: the next start goes on.
        } catch {
            logger.error("retention purge failed", metadata: ["error": "\(error)"])
        }
    }
}
