import ArgumentParser
import Foundation
import Logging
import LotseIndex
import LotseSearch
import LotseTickets

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Deflection statistics: the numbers of GET /api/v1/admin/stats as a table or JSON.")

    @Option(help: "Period: 30d, 7d, 24h or an ISO date (2026-11-01).")
    var since = "30d"

    @Flag(help: "Print the JSON of the admin API.")
    var json = false

    @OptionGroup var ticketData: TicketDataOptions

    @Option(help: "Index file (article titles, never-suggested articles).")
    var index = IndexConfiguration.defaultIndexPath

    func run() async throws {
        guard let start = StatisticsWindow.start(since) else {
            printError("error: --since must be like 30d, 24h or an ISO date (2026-11-01)")
            throw ExitCode.validationFailure
        }
        let location: TicketStoreLocation
        do {
            location = try ticketData.location()
        } catch {
            printError("error: \(error)")
            throw ExitCode.validationFailure
        }
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            // Opening would create an empty database; a wrong path should say so instead.
            printError("error: no ticket data at \(path) (see --data)")
            throw ExitCode.failure
        }
        let report: StatisticsReport
        do {
            let engine = try SearchEngine(indexPath: index, connectionCount: 1)
            report = try await StatisticsReport.load(from: try location.open(logger: Logger(label: "lotse")),
                                                     articles: engine.articleTitles(), since: start,
                                                     masking: { PersonalDataMask.masked($0) })
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(StatisticsTable(report: report).text)
        }
    }
}

/// The report as aligned plain text for the terminal.
struct StatisticsTable {
    let report: StatisticsReport

    var text: String {
        var lines = [
            "since                        \(report.since)",
            "submitted                    \(report.submitted)",
            "deflected                    \(report.deflected)",
            "deflection rate              \(String(format: "%.1f %%", report.deflectionRate * 100))",
            "submitted after suggestions  \(report.submittedAfterSuggestions)",
        ]
        lines += section("top deflecting articles", report.topDeflectingArticles.map { "\(pad($0.count))  \($0.title) (\($0.id))" })
        lines += section(
            "helpful votes (yes / no)",
            report.topHelpfulArticles.map { "\(pad($0.helpful)) / \(pad($0.notHelpful))  \($0.title) (\($0.id))" })
        lines += section("queries without results", report.zeroResultQueries.map { "\(pad($0.count))  \($0.query)" })
        lines += section("articles never suggested", report.neverSuggested.map { "\($0.title) (\($0.id))" })
        return lines.joined(separator: "\n")
    }

    private func section(_ title: String, _ rows: [String]) -> [String] {
        ["", title + ":"] + (rows.isEmpty ? ["  –"] : rows.map { "  " + $0 })
    }

    private func pad(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, 5 - text.count)) + text
    }
}
