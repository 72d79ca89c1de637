import Foundation
import Testing

@testable import LotseTickets

@Suite("Funnel reports")
struct FunnelReportTests {
    @Test("30 days in weeks: buckets end today, the first is shorter, every bucket present, oldest first")
    func weekBuckets() {
        let today = 20_800
        let counts: [Int: FunnelCounts] = [
            today - 29: FunnelCounts(shown: 4, opened: 2, solved: 1, ticketsAfterSuggestions: 1),
            today - 28: FunnelCounts(shown: 1),
            today - 27: FunnelCounts(shown: 100),  // first day of the second bucket
            today - 30: FunnelCounts(shown: 1_000),  // outside the window
            today: FunnelCounts(shown: 10, solved: 5, ticketsAfterSuggestions: 3),
        ]
        let series = DeflectionSeries(days: 30, bucket: .week, today: today, counts: counts)
        #expect(series.series.count == 5)
        #expect(series.series.first?.start == DayNumber.text(today - 29) && series.series.first?.end == DayNumber.text(today - 28))
        #expect(series.series.map(\.shown) == [5, 100, 0, 0, 10])
        #expect(series.series.map(\.deflectionRate) == [0.2, 0, nil, nil, 0.5])
        #expect(series.series.last?.start == DayNumber.text(today - 6))
        #expect(series.totals.shown == 115 && series.totals.solved == 6 && series.totals.ticketsAfterSuggestions == 4)
        #expect(series.from == DayNumber.text(today - 29) && series.to == DayNumber.text(today))
    }

    @Test("a null rate is written as null, not left out")
    func nullRate() throws {
        let series = DeflectionSeries(days: 7, bucket: .day, today: 20_800, counts: [:])
        let json = String(decoding: try JSONEncoder().encode(series), as: UTF8.self)
        #expect(json.contains(#""deflectionRate":null"#))
        #expect(series.series.count == 7 && series.totals.deflectionRate == nil)
    }

    @Test("Wilson 95 % interval against published values")
    func wilson() throws {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3 (Wilson score).
        #expect(try #require(Rate.wilson(81, of: 263)) == (0.2553, 0.3662))
        #expect(try #require(Rate.wilson(15, of: 148)) == (0.0624, 0.1605))
        #expect(try #require(Rate.wilson(0, of: 20)) == (0, 0.1611))
        #expect(try #require(Rate.wilson(1, of: 29)) == (0.0061, 0.1718))
        #expect(Rate.wilson(0, of: 0) == nil)
    }

    @Test("articles: most suggested first, solve rate with interval, never-suggested articles, unknown ids left out")
    func articles() throws {
        let index = ["a", "b", "c", "d"].map { ArticleStatistics.IndexedArticle(id: $0, title: "Titel \($0)", url: "/hilfe/k/\($0)",
                                                                                 learnedWords: $0 == "b" ? 12 : 0) }
        let statistics = ArticleStatistics(days: 30, articles: index, counts: [
            "a": ArticleCounts(suggested: 10, opened: 0, solved: 0),
            "b": ArticleCounts(suggested: 50, opened: 20, solved: 8, helpful: 5, notHelpful: 2),
            "c": ArticleCounts(helpful: 1),
            "gelöscht": ArticleCounts(suggested: 99),
        ])
        #expect(statistics.articles.map(\.id) == ["b", "a", "c"])
        let b = statistics.articles[0]
        #expect(b.solveRate == 0.16 && b.solveRateLow != nil && b.solveRateHigh != nil && b.learnedWords == 12)
        #expect(try #require(Rate.wilson(8, of: 50)) == (b.solveRateLow!, b.solveRateHigh!))
        #expect(statistics.articles[2].solveRate == nil && statistics.articles[2].solveRateLow == nil)
        #expect(statistics.neverSuggested.map(\.id) == ["c", "d"])
    }
}
