import Foundation
import LotseTickets
import Testing

@Suite("Statistics")
struct StatisticsTests {
    @Test("since accepts days, hours and ISO dates; rejects the rest")
    func window() {
        let now = Date(timeIntervalSince1970: 1_000_000_000)
        #expect(StatisticsWindow.start("30d", now: now) == now.addingTimeInterval(-30 * 86_400))
        #expect(StatisticsWindow.start("24h", now: now) == now.addingTimeInterval(-24 * 3_600))
        #expect(StatisticsWindow.start("2026-11-01", now: now) == Date(timeIntervalSince1970: 1_793_491_200))
        #expect(StatisticsWindow.start("2026-11-01T12:00:00Z", now: now) == Date(timeIntervalSince1970: 1_793_534_400))
        #expect(StatisticsWindow.start("2026-11-01T13:30:00.250+01:30", now: now) == Date(timeIntervalSince1970: 1_793_534_400))
        #expect(StatisticsWindow.start("0938-12-07T20:46:26+18:57", now: now) != nil)
        for bad in ["", "d", "0d", "-3d", "30x", "gestern", "2026-13-01", "2026-02-30", "2026-11-01T24:00:00Z", "2026-11-01T12:00"] {
            #expect(StatisticsWindow.start(bad, now: now) == nil, "\(bad)")
        }
    }

    @Test("the report's arithmetic: rate, rankings, zero-result queries, never-suggested articles")
    func report() {
        let activity = TicketActivity(
            submitted: 3, submittedAfterSuggestions: 2,
            deflectionsByArticle: ["passwort": 4, "rechnung": 4, "kundennummer": 1],
            feedbackByArticle: [
                "passwort": FeedbackCounts(helpful: 3, notHelpful: 1), "rechnung": FeedbackCounts(helpful: 3, notHelpful: 0),
                                "gelöscht": FeedbackCounts(helpful: 0, notHelpful: 2)],
            zeroResultQueries: ["xylophon": 1, "öffnungszeiten": 5],
            suggestedArticles: ["passwort", "rechnung"])
        let articles = [StatisticsReport.Article(id: "rechnung", title: "Rechnung verstehen"),
                        StatisticsReport.Article(id: "passwort", title: "Passwort zurücksetzen"),
                        StatisticsReport.Article(id: "kundennummer", title: "Kundennummer finden"),
                        StatisticsReport.Article(id: "domain", title: "Domain umziehen")]
        let report = StatisticsReport(activity: activity, since: Date(timeIntervalSince1970: 0), articles: articles)
        #expect(report.since == "1970-01-01T00:00:00Z")
        #expect(report.submitted == 3 && report.deflected == 9)
        #expect(report.deflectionRate == 0.75)
        #expect(report.submittedAfterSuggestions == 2)
        #expect(report.topDeflectingArticles.map { "\($0.id):\($0.count)" } == ["passwort:4", "rechnung:4", "kundennummer:1"])
        #expect(report.topDeflectingArticles[0].title == "Passwort zurücksetzen")
        #expect(report.topHelpfulArticles.map(\.id) == ["rechnung", "passwort", "gelöscht"])
        #expect(report.topHelpfulArticles[2].title == "gelöscht", "an article no longer in the index keeps its id as title")
        #expect(report.zeroResultQueries.map { "\($0.query):\($0.count)" } == ["öffnungszeiten:5", "xylophon:1"])
        #expect(report.neverSuggested.map(\.id) == ["domain", "kundennummer"])
    }

    @Test("zero-result queries are shown masked, and queries that mask alike are counted together")
    func maskedZeroResultQueries() {
        let activity = TicketActivity(zeroResultQueries: ["kundennummer 44812": 2, "kundennummer 51230": 1, "xylophon": 1])
        let masking: (String) -> String = { $0.split(separator: " ").map { $0.contains(where: \.isNumber) ? "***" : String($0) }
            .joined(separator: " ") }
        let report = StatisticsReport(activity: activity, since: Date(), articles: [], masking: masking)
        #expect(report.zeroResultQueries.map { "\($0.query):\($0.count)" } == ["kundennummer ***:3", "xylophon:1"])
    }

    @Test("no activity: rate 0, not a division by zero")
    func empty() {
        let report = StatisticsReport(activity: TicketActivity(), since: Date(), articles: [])
        #expect(report.deflectionRate == 0)
        #expect(report.topDeflectingArticles.isEmpty && report.neverSuggested.isEmpty)
    }
}
