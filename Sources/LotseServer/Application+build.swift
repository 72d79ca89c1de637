import CMemoryRelease
import Foundation
import Hummingbird
import Logging
import NIOCore
import LotseIndex
import LotseSearch
import LotseTickets
import ServiceLifecycle

/// `lotse serve`: the application, run until SIGTERM or SIGINT (in-flight requests finish first). The only
/// entry point the command line needs, so nothing outside `LotseServer` imports Hummingbird.
public func runServer(configuration: ServerConfiguration, logger: Logger) async throws {
    try await buildApplication(configuration: configuration, logger: logger).runService()
}

/// The one seam that `runServer` and the tests share: index (if needed), engine, routes, middleware.
public func buildApplication(configuration: ServerConfiguration, logger: Logger = Logger(label: "lotse")) async throws
    -> some ApplicationProtocol
{
    if let problem = configuration.problems().first { throw ConfigurationError(problem) }
    if configuration.buildIndexOnStart {
        do {
            let report = try IndexBuilder(configuration: IndexConfiguration(
                articlesDirectory: configuration.articlesDirectory, indexPath: configuration.indexPath,
                semantic: configuration.semanticModel)).build()
            logger.info("\(report.summary)")
            // A build's peak (~600 MB for 10,000 articles) would otherwise stay with malloc for the server's life.
            lotse_release_free_memory()
        } catch let error as IndexError where error.leavesPreviousIndex && FileManager.default.fileExists(atPath: configuration.indexPath) {
            // A bad article (or an emptied folder) must not turn a restart into an outage: the last good index serves.
            logger.error("articles not indexed; serving the previous index", metadata: ["reason": "\(error)"])
        }
    }
    let holder = try IndexHolder(path: configuration.indexPath, connections: configuration.searchConnections,
                                 semantic: configuration.semanticModel, cacheMemory: configuration.cacheMemory)
    let curation = CurationWatcher(synonyms: configuration.synonymsPath, pins: configuration.pinsPath)
    do {
        try holder.curate(curation.load(), logger: logger)
    } catch let error as CurationFileError {
        throw ConfigurationError("\(error)")
    }
    logger.info("ranking", metadata: ["semantic": "\(holder.engine.isSemantic)"])
    holder.warnIfLexicalOnly(holder.engine, logger: logger)
    let metrics = ServerMetrics()
    let router = Router(context: LotseRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Each request's logger carries its id (hb.request.id); request lines at debug, failures at error.
    router.middlewares.add(LogRequestsMiddleware(.debug))
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    // Outside the error middleware, so error answers carry these headers too.
    router.middlewares.add(NoSniffMiddleware())
    router.middlewares.add(PortalCORSMiddleware(origins: Set(configuration.corsOrigins)))
    let pages = PageLayout(publicURL: configuration.publicURL, privacyURL: configuration.privacyURL, imprintURL: configuration.imprintURL)
    router.middlewares.add(ErrorMiddleware(pages: ErrorPages(layout: pages)))
    router.middlewares.add(ClientAddressMiddleware(resolver: ClientAddress(trustedProxies: configuration.trustedProxies)))
    router.middlewares.add(RateLimitMiddleware(limiter: RateLimiter(limit: configuration.rateLimit, window: configuration.rateLimitWindow)))
    let lengths = DeclaredLength(json: configuration.maximumBodyBytes, multipart: configuration.maximumMultipartBytes)
    router.middlewares.add(DeclaredLengthMiddleware(lengths: lengths))
    router.middlewares.add(QueryParameterMiddleware())

    let tickets = try TicketServices(configuration: configuration, logger: logger)
    let search = SearchRoutes(holder: holder, metrics: metrics, maximumBodyBytes: configuration.maximumBodyBytes,
                              queryLog: tickets.queryLog,
                              gate: ComputeGate(slots: configuration.computeSlots, wait: configuration.computeWait),
                              searchDeadline: configuration.searchDeadline, suggestDeadline: configuration.suggestDeadline)
    search.register(on: router)
    ArticleRoutes(holder: holder).register(on: router)
    ServiceRoutes(holder: holder, curation: curation, metrics: metrics, indexPath: configuration.indexPath).register(on: router)
    PortalRoutes(holder: holder, page: PortalPage(template: PortalRoutes.template, customFields: configuration.ticketFields,
                                                  privacyURL: configuration.privacyURL, imprintURL: configuration.imprintURL,
                                                  attachments: configuration.attachmentPolicy))
        .register(on: router)
    HelpRoutes(holder: holder, services: tickets, search: search, layout: pages, siteBase: configuration.siteBase).register(on: router)
    TicketRoutes(services: tickets, holder: holder, jsonLimit: configuration.maximumBodyBytes,
                 multipartLimit: configuration.maximumMultipartBytes, pace: configuration.uploadPace,
                 origins: Set(configuration.corsOrigins),
                 uploads: UploadSlots(total: configuration.uploadSlots, perClient: configuration.uploadSlotsPerClient,
                                      minimumAge: configuration.uploadEvictionAge),
                 information: .init(responseTime: configuration.responseTime, privacyUrl: configuration.privacyURL,
                                    imprintUrl: configuration.imprintURL),
                 pages: TicketPages(layout: pages)).register(on: router)
    DeflectionRoutes(services: tickets, holder: holder, maximumBodyBytes: configuration.maximumBodyBytes).register(on: router)
    let adminFailures = RateLimiter(limit: configuration.adminFailureLimit, window: configuration.adminFailureWindow)
    let sessions = AdminSessions(store: tickets.store, expiry: AdminSessionExpiry(idle: configuration.adminSessionIdle,
                                                                                  absolute: configuration.adminSessionLifetime),
                                 trustedProxies: configuration.trustedProxies)
    AdminRoutes(services: tickets, holder: holder, maximumBodyBytes: configuration.maximumBodyBytes)
        .register(on: router.group("/api/v1/admin").add(middleware: AdminAuthMiddleware(
            token: configuration.adminToken, failures: adminFailures, sessions: sessions)).add(middleware: AdminParameterMiddleware()))
    AdminPageRoutes(token: configuration.adminToken, failures: adminFailures, sessions: sessions).register(on: router)
    router.middlewares.add(NotFoundPage(layout: pages))
    // Registered on the router itself, outside the admin group: a wrong method is 405 before any token check.
    MethodNotAllowed.register(on: router)

    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [HTTP10Close.Installer(), HTTPParseErrorResponder(), ExpectContinueResponder(lengths: lengths)],
            idleTimeout: TimeAmount(configuration.idleTimeout))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Lotse"),
        services: backgroundServices(configuration: configuration, holder: holder, curation: curation, tickets: tickets, logger: logger),
        logger: logger)
}

private func backgroundServices(configuration: ServerConfiguration, holder: IndexHolder, curation: CurationWatcher,
                                tickets: TicketServices, logger: Logger) -> [any Service] {
    var services: [any Service] = [IndexReloadService(holder: holder, curation: curation, interval: configuration.reloadInterval,
                                                      logger: logger),
                                   QueryLogService(writer: tickets.queryLog)]
    if let url = configuration.ticketWebhook {
        var deliverer = WebhookDeliverer(url: url, store: tickets.store, logger: logger)
        deliverer.pollInterval = configuration.webhookPollInterval
        deliverer.initialDelay = configuration.webhookInitialDelay
        deliverer.maximumDelay = configuration.webhookMaximumDelay
        services.append(WebhookService(deliverer: deliverer))
    }
    if let days = configuration.retentionDays {
        services.append(RetentionService(services: tickets, days: days, logger: logger))
    }
    return services
}
