import Foundation
import Hummingbird
import HummingbirdTesting
import LotseServer
import Testing

@Suite("Analytics endpoints")
struct AnalyticsEndpointTests {
    static let today = Date().formatted(.iso8601.year().month().day())

    @Test("article opens: recorded per session, unknown article 404, session required and checked")
    func views() async throws {
        try await TicketFixture().test { client in
            let opened = try await client.post("/api/v1/articles/kundennummer/views", json: #"{"session":"eins"}"#)
            #expect(opened.status == .created)
            #expect(try await client.post("/api/v1/articles/gibt-es-nicht/views", json: #"{"session":"eins"}"#).status == .notFound)
            for body in ["{}", #"{"session":""}"#, #"{"session":"a\u0000b"}"#, #"{"session":"\#(String(repeating: "x", count: 129))"}"#] {
                let invalid = try await client.post("/api/v1/articles/kundennummer/views", json: body)
                #expect(invalid.status == .unprocessableContent && invalid.error?.fields?.keys.sorted() == ["session"], "\(body)")
            }
            let wrongType = try await client.post("/api/v1/articles/kundennummer/views", json: #"{"session":7}"#)
            #expect(wrongType.status == .badRequest || wrongType.status == .unprocessableContent)
            let funnel = try await client.admin("/api/v1/admin/deflection?days=7")
            #expect((funnel.json["totals"] as? [String: Any])?["opened"] as? Int == 1)
        }
    }

    @Test("the funnel over a known sequence: days and weeks, zeros, the rate and its definition, CSV")
    func deflection() async throws {
        try await TicketFixture().test { client in
            // eins: shown, opens, solves. zwei: shown, submits a ticket. drei: opens without suggestions. vier: no session.
            for session in ["eins", "zwei"] {
                _ = try await client.post("/api/v1/suggest", json: #"{"subject":"Kundennummer finden","session":"\#(session)"}"#)
            }
            _ = try await client.post("/api/v1/articles/kundennummer/views", json: #"{"session":"eins"}"#)
            _ = try await client.post("/api/v1/articles/kundennummer/views", json: #"{"session":"drei"}"#)
            let solved = try await client.post("/api/v1/deflections", json: #"{"articleId":"kundennummer","session":"eins"}"#)
            #expect(solved.status == .created)
            #expect(try await client.submitTicket(ticketJSON(["session": "zwei"])).status == .created)
            #expect(try await client.submitTicket(ticketJSON(["session": "vier"])).status == .created)

            let daily = try await client.admin("/api/v1/admin/deflection?days=30&bucket=day")
            #expect(daily.status == .ok)
            #expect(daily.json["days"] as? Int == 30 && daily.json["bucket"] as? String == "day")
            #expect(daily.json["to"] as? String == Self.today)
            #expect((daily.json["definition"] as? String)?.contains("gelöst") == true)
            let series = try #require(daily.json["series"] as? [[String: Any]])
            #expect(series.count == 30)
            #expect(series.first?["start"] as? String == daily.json["from"] as? String)
            #expect(series.dropLast().allSatisfy { $0["shown"] as? Int == 0 && $0["deflectionRate"] is NSNull })
            let last = try #require(series.last)
            #expect(last["start"] as? String == Self.today)
            #expect(last["shown"] as? Int == 2 && last["opened"] as? Int == 2 && last["solved"] as? Int == 1)
            #expect(last["ticketsAfterSuggestions"] as? Int == 1 && last["deflectionRate"] as? Double == 0.5)

            let weekly = try await client.admin("/api/v1/admin/deflection?days=90&bucket=week")
            let weeks = try #require(weekly.json["series"] as? [[String: Any]])
            #expect(weeks.count == 13 && weeks.last?["shown"] as? Int == 2)
            #expect((weekly.json["totals"] as? [String: Any])?["deflectionRate"] as? Double == 0.5)

            let csv = try await client.admin("/api/v1/admin/deflection?days=7&format=csv")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="deflection-7d-day.csv""#)
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines.first == #""start","end","shown","opened","solved","ticketsAfterSuggestions","deflectionRate""#)
            #expect(lines.count == 9 && lines[8].isEmpty)
            #expect(lines[7] == #""\#(Self.today)","\#(Self.today)",2,2,1,1,0.5"#)
            #expect(lines[1].hasSuffix(",0,0,0,0,"), "a rate of nothing is an empty cell")
        }
    }

    @Test("article statistics: counts, solve rate with interval, never suggested, learned words, CSV")
    func articleStatistics() async throws {
        try await TicketFixture().test { client in
            _ = try await client.post("/api/v1/suggest", json: #"{"subject":"Kundennummer finden","session":"eins"}"#)
            _ = try await client.post("/api/v1/articles/kundennummer/views", json: #"{"session":"eins"}"#)
            _ = try await client.post("/api/v1/deflections", json: #"{"articleId":"kundennummer","session":"eins"}"#)
            _ = try await client.post("/api/v1/articles/kundennummer/feedback", json: #"{"helpful":true}"#)
            let response = try await client.admin("/api/v1/admin/article-stats?days=7")
            #expect(response.status == .ok && response.json["days"] as? Int == 7)
            let articles = try #require(response.json["articles"] as? [[String: Any]])
            let suggested = articles.compactMap { $0["suggested"] as? Int }
            #expect(suggested == suggested.sorted(by: >) && suggested.count == articles.count, "most suggested first")
            let first = try #require(articles.first { $0["id"] as? String == "kundennummer" })
            #expect(first["id"] as? String == "kundennummer" && first["title"] as? String == "Kundennummer finden")
            #expect((first["url"] as? String)?.hasPrefix("/hilfe/") == true)
            #expect(first["suggested"] as? Int == 1 && first["opened"] as? Int == 1 && first["solved"] as? Int == 1)
            #expect(first["helpful"] as? Int == 1 && first["notHelpful"] as? Int == 0 && first["learnedWords"] as? Int == 0)
            // 1 of 1: the Wilson interval says how little one session proves.
            #expect(first["solveRate"] as? Double == 1 && first["solveRateLow"] as? Double == 0.2065)
            #expect(first["solveRateHigh"] as? Double == 1)
            let never = (response.json["neverSuggested"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(!never.contains("kundennummer") && never.contains("postfach-einrichten"))

            let csv = try await client.admin("/api/v1/admin/article-stats?format=csv")
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="article-stats-30d.csv""#)
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines.first?.hasPrefix(#""id","title","url","suggested""#) == true && lines.count == articles.count + 2)
            #expect(lines.contains {
                $0.hasPrefix(#""kundennummer","Kundennummer finden","/hilfe/"#) && $0.hasSuffix(",1,1,1,1,0,1.0,0.2065,1.0,0")
            })
        }
    }

    @Test("bad days, bucket and format are 400 naming the parameter; both need the admin token",
          arguments: ["days=8", "days=abc", "bucket=monat", "format=xml"])
    func badParameters(_ query: String) async throws {
        try await TicketFixture().test { client in
            let field = String(query.prefix { $0 != "=" })
            for path in ["deflection", "article-stats"] where !(path == "article-stats" && field == "bucket") {
                let response = try await client.admin("/api/v1/admin/\(path)?\(query)")
                #expect(response.status == .badRequest && response.error?.fields?.keys.sorted() == [field], "\(path)?\(query)")
                #expect(response.details.first?.code == "invalid_choice")
                #expect(try await client.execute(uri: "/api/v1/admin/\(path)", method: .get).status == .unauthorized)
            }
        }
    }
}
