import Foundation
import Testing
import _ConnectionPoolModule
@testable import LotseTickets

/// The PostgreSQL store's own parts that need no database: the URL and the failure when the server is unreachable.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test("a database URL gives host, port, user, password, database and options")
    func parsesURL() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgresql://lotse:geheim%40%C3%9F@db.intern:6543/tickets?sslmode=require&schema=lotse_kb")
        var expected = PostgresStoreConfiguration(
            host: "db.intern", port: 6543, username: "lotse", password: "geheim@ß", database: "tickets")
        expected.tls = .require
        expected.schema = "lotse_kb"
        #expect(configuration == expected)
        let defaults = try PostgresStoreConfiguration(url: "postgres://lotse@localhost/lotse")
        #expect(defaults.port == 5432 && defaults.password == nil && defaults.tls == .prefer && defaults.schema == nil)
    }

    @Test("a bad database URL is rejected with the reason, never echoing the password", arguments: [
        ("mysql://u:pw@h/db", "must look like postgres://"),
        ("postgres://u:pw@/db", "names no host"),
        ("postgres://h/db", "names no user"),
        ("postgres://u:pw@h", "names no database"),
        ("postgres://u:pw@h/db?sslmode=immer", "sslmode must be"),
        ("postgres://u:pw@h/db?schema=Größe", "schema must be"),
        ("postgres://u:pw@h/db?schema=a;drop", "schema must be"),
        ("postgres://u:pw@h/db?timeout=5", "unknown option timeout"),
    ])
    func rejectsURL(_ url: String, _ reason: String) {
        let error = #expect(throws: PostgresURLError.self) { _ = try PostgresStoreConfiguration(url: url) }
        #expect(error.map { "\($0)" }?.contains(reason) == true)
        #expect(error.map { "\($0)" }?.contains("pw") == false)
    }

    /// The one use of postgres-nio's underscored pool module (pinned to 1.33.x in Package.swift for it).
    @Test("the pool giving up (circuit breaker, shut down) is storageUnavailable (503)",
          arguments: [ConnectionPoolError.connectionCreationCircuitBreakerTripped, .poolShutdown])
    func poolFailuresAreUnavailable(_ failure: ConnectionPoolError) {
        let translated = PostgresStorageFailure.translate(failure) as? TicketStoreError
        #expect(
            translated?.description.hasPrefix("ticket storage unavailable: PostgreSQL connection pool") == true,
            "\(failure) → \(String(describing: translated))")
    }

    @Test("an unreachable server makes calls fail with storageUnavailable (503), not hang")
    func unreachableServer() async throws {
        // Port 1 on loopback: nothing listens there, the connection is refused.
        var configuration = PostgresStoreConfiguration(host: "127.0.0.1", port: 1, username: "lotse", database: "lotse")
        configuration.tls = .disable
        configuration.operationTimeout = .seconds(2)
        let store = PostgresTicketStore(configuration: configuration, logger: quietLogger)
        await #expect(throws: TicketStoreError.self) {
            _ = try await store.createTicket(sampleTicket(), idempotencyKey: nil, forward: false, at: at(0))
        }
        await #expect(throws: TicketStoreError.self) { _ = try await store.activity(since: at(0)) }
        await #expect(throws: TicketStoreError.self) {
            try await store.recordFeedback(FeedbackRecord(articleID: "a", helpful: true, session: nil, time: at(0)))
        }
    }
}
