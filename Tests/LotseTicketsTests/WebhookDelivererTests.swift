import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LotseTickets
import Synchronization
import Testing

@Suite("Webhook delivery")
struct WebhookDelivererTests {
    /// What the test receiver saw: the Idempotency-Key header and the body of each request.
    final class Received: Sendable {
        let requests = Mutex<[(key: String?, body: Data)]>([])
    }

    @Test("a receiver that fails twice gets the ticket on the third attempt, each with the ticket id as Idempotency-Key")
    func retriesUntilAccepted() async throws {
        let received = Received()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let count = received.requests.withLock { requests in
                requests.append((request.headers[HTTPField.Name("Idempotency-Key")!], Data(buffer: body)))
                return requests.count
            }
            return Response(status: count <= 2 ? .serviceUnavailable : .ok)
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let (store, _, keep) = try StoreFactory.sqlite.make()
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: true, at: Date())

        try await receiver.test(.live) { client in
            let port = try #require(client.port)
            var deliverer = WebhookDeliverer(url: "http://127.0.0.1:\(port)/hook", store: store, logger: Logger(label: "test"))
            deliverer.initialDelay = .milliseconds(5)
            deliverer.maximumDelay = .milliseconds(20)
            for _ in 0..<1_000 {
                await deliverer.deliverDue()
                if try await store.dueDeliveries(at: Date().addingTimeInterval(3_600), limit: 1).isEmpty { break }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let requests = received.requests.withLock { $0 }
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.key == "LT-000001" })
        let document = try JSONDecoder().decode(TicketDocument.self, from: try #require(requests.last?.body))
        #expect(document.id == "LT-000001")
        #expect(document.subject == "Rechnung für März fehlt")
        #expect(document.statusLabel == "Offen")
        #expect(try await store.dueDeliveries(at: Date().addingTimeInterval(3_600), limit: 10).isEmpty, "delivered rows are not sent again")
        withExtendedLifetime(keep) {}
    }

    @Test("an unreachable receiver leaves the row pending with a growing, capped delay")
    func backoff() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: true, at: Date())
        var deliverer = WebhookDeliverer(url: "http://127.0.0.1:1/nirgends", store: store, logger: Logger(label: "test"))
        deliverer.initialDelay = .seconds(2)
        deliverer.maximumDelay = .seconds(600)
        deliverer.timeout = .seconds(1)
        #expect(
            [1, 2, 3, 9, 10, 40].map { deliverer.delay(afterAttempts: $0) } == [
                .seconds(2), .seconds(4), .seconds(8), .seconds(512), .seconds(600), .seconds(600)
            ])
        // A minute's delay for the attempt itself, so a loaded machine's pause before the next check cannot make
        // the row due again (with 2 s it did, in a full parallel run).
        deliverer.initialDelay = .seconds(60)
        #expect(await deliverer.deliverDue() == 1)
        #expect(try await store.dueDeliveries(at: Date(), limit: 10).isEmpty, "not due again before the delay")
        let later = try await store.dueDeliveries(at: Date().addingTimeInterval(120), limit: 10)
        #expect(later.map(\.attempts) == [1])
        withExtendedLifetime(keep) {}
    }
}
