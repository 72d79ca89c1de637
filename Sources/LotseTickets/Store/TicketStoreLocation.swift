import Logging

/// Which `TicketStore` an instance uses: the SQLite file (default, one machine) or a PostgreSQL database
/// that several instances share (`--database-url` / `LOTSE_DATABASE_URL`).
public enum TicketStoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresStoreConfiguration)

    /// The SQLite file `lotse serve` and `lotse stats` use without `--data`.
    public static let defaultDataPath = ".lotse/data.sqlite"

    /// PostgreSQL when `databaseURL` is given, else the SQLite file at `dataPath`.
    public init(databaseURL: String?, dataPath: String) throws(PostgresURLError) {
        if let databaseURL, !databaseURL.isEmpty {
            self = .postgres(try PostgresStoreConfiguration(url: databaseURL))
        } else {
            self = .sqlite(path: dataPath)
        }
    }

    public func open(logger: Logger) throws -> any TicketStore {
        switch self {
        case .sqlite(let path): try SQLiteTicketStore(path: path)
        case .postgres(let configuration): PostgresTicketStore(configuration: configuration, logger: logger)
        }
    }
}
