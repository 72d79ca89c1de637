import Prometheus
import Synchronization

/// Prometheus metrics of one server: requests and latency per route and status, suggestion hits and misses,
/// index size. A registry per application (no process-global metrics system), rendered at `/metrics`.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let latencyBuckets: [Duration] = [.microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
                                              .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                              .milliseconds(100), .milliseconds(250), .seconds(1)]

    /// The suggestion counters by endpoint, made once (making a counter validates its name and labels).
    private let suggestionCounters: [SuggestionEndpoint: (hit: Counter, miss: Counter)]

    enum SuggestionEndpoint: String, CaseIterable { case search, suggest }

    /// The exported names (`/metrics`, openapi.yaml, dashboards rely on them): namespace, subsystem, name and unit
    /// join with "_". Made per use: the descriptor type is not `Sendable`, so it cannot be a stored static.
    private enum Name {
        static var suggestions: MetricNameDescriptor {
            MetricNameDescriptor(namespace: "lotse", metricName: "suggestions", unitName: "total",
                                 helpText: "Searches and suggestions that returned something (hit) or nothing (miss).")
        }
        static var requests: MetricNameDescriptor {
            MetricNameDescriptor(namespace: "lotse", subsystem: "http", metricName: "requests", unitName: "total",
                                 helpText: "HTTP requests by route pattern, method and status.")
        }
        static var requestDuration: MetricNameDescriptor {
            MetricNameDescriptor(namespace: "lotse", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                 helpText: "HTTP request latency by route pattern and method.")
        }
        static var indexArticles: MetricNameDescriptor {
            MetricNameDescriptor(namespace: "lotse", metricName: "index", unitName: "articles",
                                 helpText: "Articles in the served index.")
        }
        static var indexBytes: MetricNameDescriptor {
            MetricNameDescriptor(namespace: "lotse", metricName: "index", unitName: "bytes",
                                 helpText: "Size of the served index file.")
        }
    }

    init() {
        var counters: [SuggestionEndpoint: (hit: Counter, miss: Counter)] = [:]
        let registry = self.registry
        for endpoint in SuggestionEndpoint.allCases {
            let counter = { (outcome: String) in
                registry.makeCounter(descriptor: Name.suggestions, labels: [("endpoint", endpoint.rawValue), ("outcome", outcome)])
            }
            counters[endpoint] = (counter("hit"), counter("miss"))
        }
        suggestionCounters = counters
    }

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Counter and histogram per route, method and status, made on first use (the registry validates names and
    /// labels on every make; routes are patterns, so there are few keys).
    private let requestSeries = Mutex<[RequestKey: (count: Counter, duration: DurationHistogram)]>([:])

    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let series = requestSeries.withLock { series in
            if let found = series[key] { return found }
            let made = (count: registry.makeCounter(descriptor: Name.requests,
                                                    labels: [("route", route), ("method", method), ("status", String(status))]),
                        duration: registry.makeDurationHistogram(descriptor: Name.requestDuration,
                                                                 labels: [("route", route), ("method", method)], buckets: latencyBuckets))
            series[key] = made
            return made
        }
        series.count.increment()
        series.duration.record(duration)
    }

    /// A search or suggestion that returned something (`hit`) or nothing.
    func recordSuggestion(endpoint: SuggestionEndpoint, hit: Bool) {
        let counters = suggestionCounters[endpoint]!  // made for every case in init
        (hit ? counters.hit : counters.miss).increment()
    }

    /// `resultCache`: the current engine's result-cache lookups, written as counters that restart at 0 when
    /// a reload opens a new engine (Prometheus treats that like a process restart).
    func render(articles: Int, indexBytes: Int, resultCache: (hits: Int, misses: Int) = (0, 0)) -> String {
        registry.makeGauge(descriptor: Name.indexArticles).set(Double(articles))
        registry.makeGauge(descriptor: Name.indexBytes).set(Double(indexBytes))
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
            + "# TYPE lotse_result_cache_hits_total counter\nlotse_result_cache_hits_total \(resultCache.hits)\n"
            + "# TYPE lotse_result_cache_misses_total counter\nlotse_result_cache_misses_total \(resultCache.misses)\n"
    }
}
