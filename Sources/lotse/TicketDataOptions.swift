import ArgumentParser
import Foundation
import LotseTickets

/// Where the ticket data is, shared by `serve` and `stats`: the SQLite file, or a PostgreSQL database that
/// several instances share.
struct TicketDataOptions: ParsableArguments {
    @Option(help: "Ticket database (SQLite; attachments are stored beside it).")
    var data = TicketStoreLocation.defaultDataPath

    @Option(help: """
        PostgreSQL URL shared by several instances, postgres://user:password@host:5432/database \
        (default: the LOTSE_DATABASE_URL environment variable; none: --data).
        """)
    var databaseURL: String?

    /// `--database-url`, else `LOTSE_DATABASE_URL`.
    var resolvedDatabaseURL: String? { databaseURL ?? ProcessInfo.processInfo.environment["LOTSE_DATABASE_URL"] }

    func location() throws(PostgresURLError) -> TicketStoreLocation {
        try TicketStoreLocation(databaseURL: resolvedDatabaseURL, dataPath: data)
    }
}
