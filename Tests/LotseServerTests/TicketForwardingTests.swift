import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotseServer
import LotseTestSupport
import NIOCore
import Synchronization
import Testing

@Suite("Ticket forwarding and concurrency")
struct TicketForwardingTests {
    @Test("with --ticket-webhook, a submitted ticket reaches the helpdesk after it first refused it")
    func forwardsThroughTheOutbox() async throws {
        let received = Mutex<[String]>([])
        let router = Router()
        router.post("/helpdesk") { request, _ -> Response in
            let attempt = received.withLock { ids in
                ids.append(request.headers[HTTPField.Name("X-Lotse-Ticket-Id")!] ?? "")
                return ids.count
            }
            return Response(status: attempt == 1 ? .internalServerError : .accepted)
        }
        let helpdesk = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await helpdesk.test(.live) { receiver in
            let port = try #require(receiver.port)
            let fixture = try TicketFixture {
                $0.ticketWebhook = "http://127.0.0.1:\(port)/helpdesk"
                $0.webhookPollInterval = .milliseconds(10)
                $0.webhookInitialDelay = .milliseconds(10)
            }
            try await fixture.test { client in
                #expect(try await client.submitTicket().status == .created)
                for _ in 0..<1_000 where received.withLock({ $0.count }) < 2 {
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
        }
        #expect(received.withLock { $0 } == ["LT-000001", "LT-000001"])
    }

    @Test("50 concurrent clients submit 5,000 tickets (some retried with their key): the queue holds exactly the acknowledged ones")
    func concurrentSubmissions() async throws {
        try await TicketFixture().test { client in
            let clients = 50, perClient = 100
            let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
                for clientIndex in 0..<clients {
                    group.addTask {
                        var ids: [String] = []
                        for index in 0..<perClient {
                            let key = "client-\(clientIndex)-ticket-\(index)"
                            let json = ticketJSON(["subject": "Anfrage \(clientIndex)/\(index) – Größe"])
                            let response = try await client.submitTicket(json, key: key)
                            guard response.status == .created, let id = response.json["id"] as? String else { continue }
                            ids.append(id)
                            if index.isMultiple(of: 10) {
                                // A retry after a lost response: the same key answers the same id.
                                let retry = try await client.submitTicket(json, key: key)
                                #expect(retry.json["id"] as? String == id)
                            }
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(acknowledged.count == clients * perClient)
            #expect(Set(acknowledged).count == acknowledged.count, "every acknowledged ticket has its own id")
            let queue = try await client.admin("/api/v1/admin/tickets")
            #expect(queue.json["total"] as? Int == acknowledged.count)
        }
    }
}
