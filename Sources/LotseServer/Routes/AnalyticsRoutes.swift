import Foundation
import Hummingbird
import LotseTickets

/// The dashboard's numbers under `/api/v1/admin` (behind the admin authentication): `GET /deflection` (the funnel
/// per day or week) and `GET /article-stats` (per article), each as JSON or, with `?format=csv`, as a CSV download.
struct AnalyticsRoutes {
    let services: TicketServices
    let holder: IndexHolder

    func register(on group: RouterGroup<LotseRequestContext>) {
        group.get("/deflection") { request, context -> Response in
            let parameters = FormQuery.parse(request.uri.query)
            let days = try Self.days(parameters["days"])
            let bucket = try Self.choice(parameters["bucket"], field: "bucket", default: DeflectionSeries.Bucket.day)
            let format = try Self.choice(parameters["format"], field: "format", default: Format.json)
            // This instance's queued searches count too.
            await services.queryLog.flush()
            let series = try await DeflectionSeries.load(from: services.store, days: days, bucket: bucket)
            return try format == .csv ? Self.csv(series).response(from: request, context: context)
                : series.response(from: request, context: context)
        }
        group.get("/article-stats") { request, context -> Response in
            let parameters = FormQuery.parse(request.uri.query)
            let days = try Self.days(parameters["days"])
            let format = try Self.choice(parameters["format"], field: "format", default: Format.json)
            await services.queryLog.flush()
            let articles = try await holder.engine.articleSummaries().map {
                ArticleStatistics.IndexedArticle(id: $0.id, title: $0.title, url: $0.url, learnedWords: $0.learnedWords)
            }
            let statistics = try await ArticleStatistics.load(from: services.store, articles: articles, days: days)
            return try format == .csv ? Self.csv(statistics).response(from: request, context: context)
                : statistics.response(from: request, context: context)
        }
    }

    enum Format: String, CaseIterable { case json, csv }

    /// `days`: 7, 30 (default) or 90.
    static func days(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return 30 }
        guard let days = Int(text), DeflectionSeries.windows.contains(days) else {
            throw APIError.badRequest(field: "days", .invalidChoice(DeflectionSeries.windows.map(String.init)))
        }
        return days
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String?, field: String, default value: Choice) throws -> Choice
    where Choice.RawValue == String {
        guard let text, !text.isEmpty else { return value }
        guard let choice = Choice(rawValue: text) else {
            throw APIError.badRequest(field: field, .invalidChoice(Choice.allCases.map(\.rawValue)))
        }
        return choice
    }

    static func csv(_ series: DeflectionSeries) -> CSVBody {
        CSVBody(filename: "deflection-\(series.days)d-\(series.bucket).csv",
                header: ["start", "end", "shown", "opened", "solved", "ticketsAfterSuggestions", "deflectionRate"],
                rows: series.series.map {
                    [.text($0.start), .text($0.end), .number($0.shown), .number($0.opened), .number($0.solved),
                     .number($0.ticketsAfterSuggestions), .decimal($0.deflectionRate)]
                })
    }

    static func csv(_ statistics: ArticleStatistics) -> CSVBody {
        CSVBody(filename: "article-stats-\(statistics.days)d.csv",
                header: ["id", "title", "url", "suggested", "opened", "solved", "helpful", "notHelpful", "solveRate", "solveRateLow",
                         "solveRateHigh", "learnedWords"],
                rows: statistics.articles.map {
                    [.text($0.id), .text($0.title), .text($0.url), .number($0.suggested), .number($0.opened), .number($0.solved),
                     .number($0.helpful), .number($0.notHelpful), .decimal($0.solveRate), .decimal($0.solveRateLow),
                     .decimal($0.solveRateHigh), .number($0.learnedWords)]
                })
    }
}

extension DeflectionSeries: ResponseEncodable {}
extension ArticleStatistics: ResponseEncodable {}
