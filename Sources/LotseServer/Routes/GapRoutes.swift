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
    static let windows = [7, 30, 90]

    func register(on group: RouterGroup<LotseRequestContext>) {
        group.get("/gaps") { request, context in
            let parameters = FormQuery.parse(request.uri.query)
            let days = try Self.days(parameters["days"])
            let csv = try Self.isCSV(parameters["format"])
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
                // What a cold report costs, read and grouping apart (BENCHMARKS.md "Themen ohne Artikel").
                logger.debug("content gaps", metadata: ["inputs": "\(inputs.count)", "read": "\(read)",
                                                        "grouped": "\(ContinuousClock.now - start - read)"])
                return report
            }
            return csv ? try Self.table(report, days: days).response(from: request, context: context)
                : try report.response(from: request, context: context)
        }
    }

    static func days(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return 30 }
        guard let days = Int(text), windows.contains(days) else {
            throw APIError.badRequest(field: "days", .invalidChoice(windows.map(String.init)))
        }
        return days
    }

    /// `format=csv` for the download, JSON otherwise.
    static func isCSV(_ text: String?) throws -> Bool {
        switch text ?? "" {
        case "", "json": false
        case "csv": true
        default: throw APIError.badRequest(field: "format", .invalidChoice(["json", "csv"]))
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
