import PostgresNIO
import _ConnectionPoolModule

/// Maps "the database cannot be reached or cannot write" to `TicketStoreError.storageUnavailable` (503 at the
/// edge), as `StorageFailure` does for SQLite; other errors (a bug in a query) pass through unchanged.
enum PostgresStorageFailure {
    /// SQLSTATE classes that mean the server, not the query, is the problem: connection exceptions,
    /// insufficient resources (disk full, too many connections), operator intervention (shutdown), system errors.
    static let unavailableClasses: Set<Substring> = ["08", "53", "57", "58"]
    static let readOnlyTransaction = "25006"
    /// Client-side codes of a connection that could not be opened, authenticated or kept.
    static let unavailableCodes: [PSQLError.Code] = [
        .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .queryCancelled,
        .sslUnsupported, .failedToAddSSLHandler, .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError,
    ]

    static func translate(_ error: any Error) -> any Error {
        switch error {
        case let error as PostgresTransactionError:
            guard let cause = error.closureError ?? error.beginError ?? error.commitError else { return error }
            return translate(cause)
        case let error as PSQLError where error.code == .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            guard unavailableClasses.contains(state.prefix(2)) || state == readOnlyTransaction else { return error }
            return TicketStoreError.storageUnavailable("PostgreSQL \(state)")
        case let error as ConnectionPoolError:
            // The pool gave up: its circuit breaker tripped after repeated connection failures, or it shut down.
            return TicketStoreError.storageUnavailable("PostgreSQL connection pool: \(error)")
        case let error as PSQLError where unavailableCodes.contains(error.code):
            return TicketStoreError.storageUnavailable("PostgreSQL \(error.code)")
        default:
            return error
        }
    }
}
