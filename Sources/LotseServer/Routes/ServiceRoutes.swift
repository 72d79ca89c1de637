import Foundation
import Hummingbird

/// `GET /healthz`, `GET /metrics`, `GET /openapi.yaml`.
struct ServiceRoutes {
    let holder: IndexHolder
    let curation: CurationWatcher
    let metrics: ServerMetrics
    let indexPath: String

    struct Health: ResponseEncodable {
        var status: String
        var articles: Int
        var analyzerVersion: String
        /// True when the served index is searched hybrid (sentence encoder loaded and the index has its vectors).
        var semantic: Bool
    }

    static let openAPI: String = Bundle.module.path(forResource: "openapi", ofType: "yaml")
        .flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""

    func register(on router: Router<LotseRequestContext>) {
        router.get("/healthz") { _, _ in
            let engine = holder.engine
            // Only the state: the reason (index path, SQLite's message, the curation file's line) is in the log,
            // not in a public answer.
            let degraded = holder.lastError != nil || curation.lastRefusal != nil
            return Health(status: degraded ? "degraded" : "ok", articles: engine.articleCount,
                          analyzerVersion: engine.analyzerVersion, semantic: engine.isSemantic)
        }
        router.get("/metrics") { _, _ in
            let size = (try? FileManager.default.attributesOfItem(atPath: indexPath)[.size] as? Int) ?? 0
            let engine = holder.engine
            let text = metrics.render(articles: engine.articleCount, indexBytes: size, resultCache: engine.resultCacheCounts)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: Self.openAPI)))
        }
    }
}
