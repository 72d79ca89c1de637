import Foundation
import Hummingbird
import LotseSearch
import LotseTickets

/// `GET /api/v1/admin/gaps?days=7|30|90[&format=csv]`: "Themen ohne Artikel", the texts the help center had no
/// answer for grouped into topics (`SearchEngine.contentGaps`), behind the admin authentication.
struct GapRoutes {
    let services: TicketServices
    let holder: IndexHolder
    let cache = GapReportCache()

    /// Texts read per kind: the newest zero-result queries and the newest tickets after suggestions of the window.
    static let maximumInputs = 1_000

    func register(on group: RouterGroup<LotseRequestContext>) {
        group.get("/gaps") { request, context in
            let parameters = FormQuery.parse(request.uri.query)
            // The same rules as the other dashboard endpoints: absent means 30 days and JSON, empty is refused.
            let days = try AnalyticsRoutes.days(parameters["days"])
            let csv = try AnalyticsRoutes.choice(parameters["format"], field: "format", default: AnalyticsRoutes.Format.json) == .csv
            let engine = holder.engine
            let logger = context.logger
            let report = try await cache.report(days: days, engine: engine) { [services] in
                // This instance's queued searches count too.
                await services.queryLog.flush()
                let now = Date(), start = ContinuousClock.now
                let inputs = try await services.store.gapInputs(since: now.addingTimeInterval(-Double(days) * 86_400),
                                                                limit: Self.maximumInputs)
                let read = ContinuousClock.now - start
                let texts = inputs.map { GapText(text: $0.text, time: $0.time, unhelpfulArticles: $0.unhelpfulArticles) }
                let report = try await engine.contentGaps(texts, days: days, now: now)
                // What a cold report costs, read and grouping apart (BENCHMARKS.md "Dashboard").
                logger.debug("content gaps", metadata: ["inputs": "\(inputs.count)", "read": "\(read)",
                                                        "grouped": "\(ContinuousClock.now - start - read)"])
                return report
            }
            return csv ? try Self.table(report, days: days).response(from: request, context: context)
                : try report.response(from: request, context: context)
        }
    }

    static func table(_ report: GapReport, days: Int) -> CSVBody {
        CSVBody(
            filename: "themen-ohne-artikel-\(days)d.csv",
            header: ["Thema", "Begriffe", "Anzahl", "Verlauf pro Woche", "Zuletzt", "Beispiele", "Gezeigte Artikel ohne Erfolg"],
            rows: report.topics.map { topic in
                [.text(topic.label), .text(topic.terms.joined(separator: ", ")), .number(topic.size),
                 .text(topic.trend.map(String.init).joined(separator: " ")), .text(topic.lastSeen),
                 .text(topic.examples.joined(separator: " | ")),
                 .text(topic.shownArticles.map { "\($0.title) (\($0.count))" }.joined(separator: " | "))]
            })
    }
}

extension GapReport: ResponseEncodable {}
