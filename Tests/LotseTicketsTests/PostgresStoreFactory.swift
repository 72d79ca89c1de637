import Foundation
import Logging
import LotseTickets
import Testing

/// The PostgreSQL variant of the store suite. It runs when `LOTSE_TEST_DATABASE_URL` names a database (`make test`
/// starts a throwaway cluster and sets it); each test gets a fresh schema there, so numbering starts at 1.
/// Under `make test` (and CI) `LOTSE_TEST_REQUIRE_POSTGRES=1` is set as well: if the URL is missing then, every
/// PostgreSQL case fails with that message instead of quietly not running. A plain `swift test` without either runs SQLite only.
extension StoreFactory {
    static var postgresVariants: [StoreFactory] {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["LOTSE_TEST_DATABASE_URL"], !url.isEmpty {
            return [StoreFactory(name: "PostgreSQL") {
                var configuration = try PostgresStoreConfiguration(url: url)
                configuration.schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                configuration.maximumConnections = 8
                // The whole suite runs in parallel on a busy machine: waiting is not what these tests examine.
                configuration.operationTimeout = .seconds(120)
                let shared = configuration
                let store = PostgresTicketStore(configuration: shared, logger: quietLogger)
                return (store, { PostgresTicketStore(configuration: shared, logger: quietLogger) }, store)
            }]
        }
        guard environment["LOTSE_TEST_REQUIRE_POSTGRES"] != nil else { return [] }
        return [StoreFactory(name: "PostgreSQL") { throw MissingTestDatabase() }]
    }
}

/// The pool logs each failed connection attempt at info; the tests want only errors.
let quietLogger: Logger = {
    var logger = Logger(label: "lotse.postgres.test")
    logger.logLevel = .error
    return logger
}()

struct MissingTestDatabase: Error, CustomStringConvertible {
    var description: String {
        "LOTSE_TEST_REQUIRE_POSTGRES is set but LOTSE_TEST_DATABASE_URL is not: run the tests through `make test` "
            + "(scripts/postgres-test-cluster.sh run -- swift test)"
    }
}
