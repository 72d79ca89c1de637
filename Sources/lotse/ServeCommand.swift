import ArgumentParser
import Foundation
import Logging
import LotseIndex
import LotseSearch
import LotseServer
import LotseTickets

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: """
            Serve the JSON API (indexing articles first when the index is missing or stale; \
            --index without --articles serves that file as it is).
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var semantic: SemanticOptions
    @OptionGroup var curation: CurationOptions

    @OptionGroup var ticketData: TicketDataOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Memory the search caches may hold in all, in MB (postings, snippets, answers, query vectors).",
                               valueName: "megabytes"))
    var cacheMemory = CacheMemory.standard.bytes >> 20

    @Option(name: .customLong("cors-origin"), help: "Portal origin allowed to call the API from a browser (repeatable).")
    var corsOrigins: [String] = []

    @Option(help: "Requests per client address per minute on /api/ and the search page /hilfe?q= (0: unlimited).")
    var rateLimit = 600

    @Option(help: "Failed admin authentications per client address per minute before 429 (0: unlimited, for test harnesses only).")
    var adminFailureLimit = 10

    @Option(name: .customLong("trusted-proxy"),
            help: "Reverse proxy address or CIDR network whose X-Forwarded-For names the client (repeatable).")
    var trustedProxies: [String] = []

    @Option(help: "Seconds a connection may send nothing (between requests or while sending one) before it is closed.")
    var idleTimeout = 30

    @Option(help: "Largest request body in bytes.")
    var maxBodyBytes = 64 * 1024

    @Option(help: "Admin API bearer token (default: the LOTSE_ADMIN_TOKEN environment variable; none turns the admin API off).")
    var adminToken: String?

    @Option(help: "JSON file with the ticket form's extra fields ([{name, label, required, pattern, hint}]).")
    var ticketFields: String?

    @Option(help: "Registered contacts: one e-mail per line, # comments. Tickets from others are marked unverified.")
    var contacts: String?

    @Option(help: "Helpdesk webhook URL that receives every new ticket as JSON (retried until it answers 2xx).")
    var ticketWebhook: String?

    @Option(help: "Largest multipart ticket body in bytes (attachments included).")
    var maxMultipartBytes = 16 * 1024 * 1024

    @Option(help: "Most files a ticket may carry (1 to 20).")
    var attachmentsMaxCount = AttachmentPolicy().maximumCount

    @Option(help: "Largest file a ticket may carry, in bytes.")
    var attachmentsMaxBytes = AttachmentPolicy().maximumBytes

    @Option(help: ArgumentHelp("Accepted file types, comma-separated, as recognised from the content.",
                               discussion: "Any of: \(AttachmentPolicy.recognisedTypes.joined(separator: ", ")). "
                                   + "Default: \(AttachmentPolicy().types.joined(separator: ","))."))
    var attachmentsTypes = AttachmentPolicy().types.joined(separator: ",")

    @Option(help: "Delete closed tickets, deflections, feedback and query logs older than this many days (at least 1; default: keep).")
    var retentionDays: Int?

    @Option(help: "When customers can expect an answer, shown after they submit a ticket (e.g. \"24 Stunden\").")
    var responseTime: String?

    @Option(help: "The operator's privacy policy, linked from the ticket form's consent (an http(s) URL or a path).")
    var privacyURL: String?

    @Option(help: "The operator's imprint (Impressum), linked from the portal's footer (an http(s) URL or a path).")
    var imprintURL: String?

    @Option(help: ArgumentHelp("Where the help-center pages are published, e.g. https://hilfe.example.de (an http(s) URL).",
                               discussion: "Canonical links and /sitemap.xml use it; without it, canonical links are paths and the "
                                   + "sitemap names http://HOST:PORT."))
    var publicURL: String?

    @Option(help: "Log level (trace, debug, info, notice, warning, error).")
    var logLevel = "info"

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.locate(articles: location.articlesOption, index: location.indexOption)
        configuration.dataPath = ticketData.data
        configuration.databaseURL = ticketData.resolvedDatabaseURL
        configuration.host = host
        configuration.port = port
        configuration.corsOrigins = corsOrigins
        configuration.rateLimit = rateLimit
        configuration.adminFailureLimit = adminFailureLimit
        configuration.idleTimeout = .seconds(max(1, idleTimeout))
        configuration.maximumBodyBytes = maxBodyBytes
        configuration.maximumMultipartBytes = maxMultipartBytes
        configuration.adminToken = adminToken ?? ProcessInfo.processInfo.environment["LOTSE_ADMIN_TOKEN"]
        configuration.ticketWebhook = ticketWebhook
        configuration.retentionDays = retentionDays
        configuration.attachmentPolicy.maximumCount = attachmentsMaxCount
        configuration.attachmentPolicy.maximumBytes = attachmentsMaxBytes
        configuration.attachmentPolicy.types = attachmentsTypes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        configuration.responseTime = responseTime
        configuration.privacyURL = privacyURL
        configuration.imprintURL = imprintURL
        configuration.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        configuration.cacheMemory = CacheMemory(megabytes: cacheMemory)
        configuration.semanticModel = try semantic.load(index: configuration.indexPath)
        (configuration.synonymsPath, configuration.pinsPath) = (curation.synonyms, curation.pins)
        if configuration.semanticModel == nil {
            printError("semantic search off: \(semantic.offReason(index: configuration.indexPath)); serving lexical-only")
        }
        do {
            configuration.trustedProxies = try trustedProxies.map { text in
                guard let network = CIDR(text) else {
                    throw ConfigurationError("--trusted-proxy \(text) is not an IP address or CIDR network")
                }
                return network
            }
            if let problem = configuration.problems().first { throw ConfigurationError(problem) }
            if let ticketFields { configuration.ticketFields = try CustomFieldDefinition.load(path: ticketFields) }
            if let contacts { configuration.contacts = try ContactList(path: contacts) }
            _ = try ticketData.location()
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        var logger = Logger(label: "lotse")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        do {
            try await runServer(configuration: configuration, logger: logger)
        } catch let error as IndexError {
            printError("error: \(error)")
            throw ExitCode.failure
        } catch let error as ConfigurationError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}
