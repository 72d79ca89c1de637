import Foundation

/// Where the PostgreSQL ticket store connects: parsed from `postgres://user:password@host:port/database?…`
/// (`postgresql://` too). Query options: `sslmode=disable|prefer|require` (default `prefer`, as libpq) and
/// `schema=NAME` (the schema Lotse's tables live in; created when missing; default: the server's search path).
public struct PostgresStoreConfiguration: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port = 5432
    public var username: String
    public var password: String?
    public var database: String
    public var tls = TLSMode.prefer
    public var schema: String?
    /// Connections per instance; two instances at the default fit PostgreSQL's default `max_connections` (100).
    public var maximumConnections = 20
    /// A call that gets no answer within this time fails with `storageUnavailable` (postgres-nio's pool waits
    /// for a connection without limit when the server is unreachable).
    public var operationTimeout: Duration = .seconds(10)

    public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
    }

    public init(url text: String) throws(PostgresURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw PostgresURLError("must look like postgres://user:password@host:5432/database")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError("names no host") }
        guard let user = components.user, !user.isEmpty else { throw PostgresURLError("names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresURLError("names no database") }
        self.init(host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database.removingPercentEncoding ?? database)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw PostgresURLError("sslmode must be disable, prefer or require")
                }
                tls = mode
            case "schema":
                guard let name = item.value, PostgresSchema.isValidName(name) else {
                    throw PostgresURLError("schema must be lower-case letters, digits and _ (at most 63)")
                }
                schema = name
            default:
                throw PostgresURLError("unknown option \(item.name) (use sslmode, schema)")
            }
        }
    }
}

/// A database URL that cannot be used; the message never repeats the password.
public struct PostgresURLError: Error, Equatable, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "database URL \(reason)" }
}
