import Foundation
import LotseIndex
import LotseSearch
import LotseSemantic
import LotseTickets

/// Everything `lotse serve` can be told, with the defaults a single instance on one machine wants.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var articlesDirectory = "articles"
    public var indexPath = IndexConfiguration.defaultIndexPath
    /// Ticket data (a separate database; the ticket module uses it).
    public var dataPath = TicketStoreLocation.defaultDataPath
    /// A PostgreSQL URL (`postgres://…`) that several instances share instead of the SQLite file; attachments stay beside `dataPath`.
    public var databaseURL: String?
    /// Portal origins allowed to call the API from a browser (CORS); empty allows none.
    public var corsOrigins: [String] = []
    /// Largest accepted request body.
    public var maximumBodyBytes = 64 * 1024
    /// Requests per client address per `rateLimitWindow` on the public endpoints; 0 disables the limit.
    public var rateLimit = 600
    public var rateLimitWindow: Duration = .seconds(60)
    /// Failed admin authentications per client per `adminFailureWindow`; past it, 429.
    public var adminFailureLimit = 10
    public var adminFailureWindow: Duration = .seconds(60)
    /// An `/admin` sign-in ends 30 minutes after its last request or 12 hours after it began, whichever is first.
    public var adminSessionIdle: TimeInterval = 30 * 60
    public var adminSessionLifetime: TimeInterval = 12 * 60 * 60
    /// Reverse proxies (`--trusted-proxy`) whose `X-Forwarded-For` names the client; empty: the peer is the client.
    public var trustedProxies: [CIDR] = []
    /// Search and suggest computations at once (excess requests wait `computeWait`, then 503); drafts get one fewer.
    public var computeSlots = ProcessInfo.processInfo.activeProcessorCount
    public var computeWait: Duration = .seconds(1)
    /// Multipart ticket bodies read at once, and of one client address (`UploadSlots`); past either, 503 `uploads_busy`.
    public var uploadSlots = 8
    public var uploadSlotsPerClient = 2
    /// How long a body must have been arriving, slower than brisk, before a newcomer may take its slot (`UploadSlots`).
    public var uploadEvictionAge = Duration.seconds(5)
    /// How slowly a multipart body may arrive while it holds a slot.
    public var uploadPace = UploadPace()
    /// A search or suggest answer not ready by then is 503 `deadline_exceeded` (its work is cancelled).
    public var searchDeadline: Duration = .seconds(2)
    public var suggestDeadline: Duration = .seconds(3)
    /// A connection that sends nothing for this long while a request is being read, or between requests, is
    /// closed (idle keep-alive sockets and stalled uploads do not pile up).
    public var idleTimeout: Duration = .seconds(30)
    /// How often the index file is checked for a replacement (hot reload).
    public var reloadInterval: Duration = .seconds(1)
    /// Read-only SQLite connections per index.
    public var searchConnections = 4
    /// What the search engine's caches may hold in all (`lotse serve --cache-memory`).
    public var cacheMemory = CacheMemory.standard
    /// Build the index before serving when it is missing or older than the articles.
    public var buildIndexOnStart = true
    /// The sentence encoder (`lotse serve` loads it when it finds its files, unless `--no-semantic`): article
    /// vectors in the index build and hybrid ranking; nil serves lexical-only.
    public var semanticModel: SemanticModel?
    /// The operator's synonym file (added to the built-in list) and pins file; reloaded when edited.
    public var synonymsPath: String?
    public var pinsPath: String?

    // MARK: Tickets

    /// Bearer token of the admin API; nil turns the admin API off (401 `admin_disabled`).
    public var adminToken: String?
    /// Extra fields of the ticket form (`--ticket-fields`).
    public var ticketFields: [CustomFieldDefinition] = []
    /// Registered contacts (`--contacts`); tickets from others are marked unverified.
    public var contacts = ContactList(text: "")
    public var attachmentPolicy = AttachmentPolicy()
    /// Largest multipart ticket body (files included); JSON bodies keep `maximumBodyBytes`.
    public var maximumMultipartBytes = 16 * 1024 * 1024
    /// Helpdesk URL that receives every new ticket as JSON (through the outbox); nil: no forwarding.
    public var ticketWebhook: String?
    /// How often the webhook outbox is checked, and the first retry delay (doubled per failure up to the cap).
    public var webhookPollInterval: Duration = .seconds(1)
    public var webhookInitialDelay: Duration = .seconds(2)
    public var webhookMaximumDelay: Duration = .seconds(600)
    /// Closed tickets, deflections, feedback and query logs older than this many days (≥ 1) are deleted; nil keeps them.
    public var retentionDays: Int?
    /// What the portal tells a customer: when to expect an answer ("24 Stunden"), and the operator's privacy
    /// policy and imprint (absolute http(s) URLs or paths on this server); nil leaves each out.
    public var responseTime: String?
    public var privacyURL: String?
    public var imprintURL: String?
    /// Where the help-center pages are published (`--public-url`, no trailing slash): absolute canonical links
    /// and sitemap entries; nil: canonical links are paths, the sitemap names `http://host:port`.
    public var publicURL: String?
    /// How often queued search/suggest log entries are written.
    public var queryLogInterval: Duration = .milliseconds(100)

    public init() {}

    /// Where the articles and the index are, as `lotse serve` was told. An index given without articles is a
    /// prebuilt file (a replica's copy): served as it is and never written, whatever `./articles` holds.
    public mutating func locate(articles: String?, index: String?) {
        articlesDirectory = articles ?? "articles"
        indexPath = index ?? IndexConfiguration.defaultIndexPath
        buildIndexOnStart = !(index != nil && articles == nil)
    }

    /// Settings `lotse serve` refuses to start with, as one message per problem.
    public func problems() -> [String] {
        var problems: [String] = []
        if let adminToken, !adminToken.isEmpty, adminToken.utf8.count < AdminAuthMiddleware.minimumTokenBytes {
            problems.append(
                "the admin token must be at least \(AdminAuthMiddleware.minimumTokenBytes) bytes (it has \(adminToken.utf8.count)); "
                    + "use a long random value, e.g. `openssl rand -hex 32`")
        }
        if !CacheMemory.allowed.contains(cacheMemory.bytes >> 20) {
            let allowed = CacheMemory.allowed
            problems.append("--cache-memory must be between \(allowed.lowerBound) and \(allowed.upperBound) (megabytes)")
        }
        if let retentionDays, retentionDays < 1 { problems.append("--retention-days must be at least 1 (got \(retentionDays))") }
        problems += attachmentPolicy.problems()
        if attachmentPolicy.maximumBytes > maximumMultipartBytes {
            problems.append("--attachments-max-bytes (\(attachmentPolicy.maximumBytes)) must not exceed "
                            + "--max-multipart-bytes (\(maximumMultipartBytes))")
        }
        for (option, url) in [("--privacy-url", privacyURL), ("--imprint-url", imprintURL)] {
            if let url, !Self.isLinkable(url) { problems.append("\(option) must be an http(s) URL or a path starting with / (got \(url))") }
        }
        if let publicURL, !Self.isLinkable(publicURL) || publicURL.hasPrefix("/") || publicURL.contains(where: { "?#".contains($0) }) {
            problems.append("--public-url must be an http(s) URL without query or fragment, e.g. https://hilfe.example.de "
                            + "(got \(publicURL))")
        }
        if let responseTime, responseTime.isEmpty || responseTime.count > 100 || ControlCharacters.contains(responseTime) {
            problems.append("--response-time must be 1 to 100 characters of text, e.g. \"24 Stunden\"")
        }
        return problems
    }

    /// The base of the sitemap's absolute URLs.
    var siteBase: String {
        publicURL ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// Links the portal may show: no other scheme (`javascript:`), no spaces or quotes, no protocol-relative `//`.
    static func isLinkable(_ url: String) -> Bool {
        guard url.count <= 500, !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return false }
        if url.hasPrefix("/") { return !url.hasPrefix("//") }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else { return false }
        return (scheme == "https" || scheme == "http") && !(components.host ?? "").isEmpty
    }
}
