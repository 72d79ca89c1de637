import LotseIndex

/// Everything `lotse serve` can be told, with the defaults a single instance on one machine wants.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var articlesDirectory = "articles"
    public var indexPath = IndexConfiguration.defaultIndexPath
    /// Ticket data (a separate database; the ticket module uses it).
    public var dataPath = ".lotse/data.sqlite"
    /// Portal origins allowed to call the API from a browser (CORS); empty allows none.
    public var corsOrigins: [String] = []
    /// Largest accepted request body.
    public var maximumBodyBytes = 64 * 1024
    /// Requests per client address per `rateLimitWindow` on the public endpoints; 0 disables the limit.
    public var rateLimit = 600
    public var rateLimitWindow: Duration = .seconds(60)
    /// How often the index file is checked for a replacement (hot reload).
    public var reloadInterval: Duration = .seconds(1)
    /// Read-only SQLite connections per index.
    public var searchConnections = 4
    /// Build the index before serving when it is missing or older than the articles.
    public var buildIndexOnStart = true

    public init() {}
}
