import Hummingbird
import Logging
import LotseIndex

/// The one seam that `lotse serve` and the tests share: index (if needed), engine, routes, middleware.
public func buildApplication(configuration: ServerConfiguration, logger: Logger = Logger(label: "lotse")) async throws -> some ApplicationProtocol {
    if configuration.buildIndexOnStart {
        let report = try IndexBuilder(configuration: IndexConfiguration(
            articlesDirectory: configuration.articlesDirectory, indexPath: configuration.indexPath)).build()
        logger.info("\(report.summary)")
    }
    let holder = try IndexHolder(path: configuration.indexPath, connections: configuration.searchConnections)
    let metrics = ServerMetrics()
    let router = Router(context: LotseRequestContext.self)
    // Each request's logger carries its id (hb.request.id); request lines at debug, failures at error.
    router.middlewares.add(LogRequestsMiddleware(.debug))
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    router.middlewares.add(ErrorMiddleware())
    router.middlewares.add(PortalCORSMiddleware(origins: Set(configuration.corsOrigins)))
    router.middlewares.add(RateLimitMiddleware(limiter: RateLimiter(limit: configuration.rateLimit, window: configuration.rateLimitWindow)))

    SearchRoutes(holder: holder, metrics: metrics, maximumBodyBytes: configuration.maximumBodyBytes).register(on: router)
    ArticleRoutes(holder: holder).register(on: router)
    ServiceRoutes(holder: holder, metrics: metrics, indexPath: configuration.indexPath).register(on: router)
    PortalRoutes().register(on: router)
    MethodNotAllowed.register(on: router, routes: [
        ("/api/v1/search", [.get]), ("/api/v1/suggest", [.post]), ("/api/v1/articles/{id}", [.get]),
        ("/api/v1/categories", [.get]), ("/healthz", [.get]), ("/metrics", [.get]), ("/openapi.yaml", [.get]),
    ])

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Lotse"),
        services: [IndexReloadService(holder: holder, interval: configuration.reloadInterval, logger: logger)],
        logger: logger)
}
