import Foundation
import Testing
@testable import LotseSearch

/// "Themen ohne Artikel" on a fixture log with known topics: six topics written in varied ways (typos, umlauts
/// spelled out, compounds, word order, tickets with greetings and signatures) plus noise that belongs to none.
@Suite("Content gaps")
struct ContentGapTests {
    /// One fixture text: its known topic (nil: noise), how many days before `now`, and what its session was shown.
    struct Entry {
        var topic: String?
        var text: String
        var daysAgo: Double
        var shown: [String] = []
    }

    static let now = Date(timeIntervalSince1970: 1_796_400_000)

    static let log: [Entry] = [
        // Storno: 10
        Entry(topic: "storno", text: "Rechnung stornieren", daysAgo: 0.1),
        Entry(topic: "storno", text: "Rechnung stornieren", daysAgo: 3),
        Entry(topic: "storno", text: "rechnung stornieren", daysAgo: 9, shown: ["rechnung-verstehen"]),
        Entry(topic: "storno", text: "rechnung storniern", daysAgo: 1),
        Entry(topic: "storno", text: "Wie storniere ich eine Rechnung?", daysAgo: 2),
        Entry(topic: "storno", text: "Rechnung für Kundennummer K-4711 stornieren", daysAgo: 4),
        Entry(topic: "storno", text: "Rechnungen stornieren max.mustermann@example.de", daysAgo: 5),
        Entry(topic: "storno", text: "Rechnug stornieren", daysAgo: 16),
        Entry(topic: "storno", text: "Rechnung stornieren lassen", daysAgo: 23),
        Entry(topic: "storno", text: """
            Rechnung stornieren
            Hallo Support-Team, bitte stornieren Sie die doppelte Rechnung RE-2026-0042. Herr Meier hat sie schon bezahlt.
            Mit freundlichen Grüßen
            Max Mustermann
            """, daysAgo: 0.5, shown: ["rechnung-verstehen", "zahlungsarten"]),
        // Domain move: 9
        Entry(topic: "domain", text: "Domain umziehen", daysAgo: 0.2),
        Entry(topic: "domain", text: "Domain umziehen", daysAgo: 8),
        Entry(topic: "domain", text: "domain zu anderem Anbieter umziehen", daysAgo: 2),
        Entry(topic: "domain", text: "Domain umziehn", daysAgo: 3),
        Entry(topic: "domain", text: "Domainumzug", daysAgo: 4),
        Entry(topic: "domain", text: "Domain Umzug", daysAgo: 5),
        Entry(topic: "domain", text: "Umzug der Domain", daysAgo: 12, shown: ["domain-registrieren"]),
        Entry(topic: "domain", text: "Domain umziehen Authcode", daysAgo: 20),
        Entry(topic: "domain", text: "Domian umziehen", daysAgo: 27),
        // Certificate: 8
        Entry(topic: "ssl", text: "SSL Zertifikat abgelaufen", daysAgo: 0.3),
        Entry(topic: "ssl", text: "SSL-Zertifikat ist abgelaufen", daysAgo: 1),
        Entry(topic: "ssl", text: "Zertifkat abgelaufen", daysAgo: 2),
        Entry(topic: "ssl", text: "ssl zertifikat erneuern", daysAgo: 3),
        Entry(topic: "ssl", text: "Zertifikat abgelaufen Webseite unsicher", daysAgo: 6),
        Entry(topic: "ssl", text: "SSL Zertifikat abgelaufen", daysAgo: 13),
        Entry(topic: "ssl", text: "Sslzertifikat abgelaufen", daysAgo: 15),
        Entry(topic: "ssl", text: "SSL-Zertifikat abgelaufen, Rückruf an 0171 2345678", daysAgo: 22),
        // Refund: 7
        Entry(topic: "erstattung", text: "Rückerstattung Guthaben", daysAgo: 0.4),
        Entry(topic: "erstattung", text: "Rueckerstattung Guthaben", daysAgo: 1),
        Entry(topic: "erstattung", text: "Rückerstattung beantragen", daysAgo: 2),
        Entry(topic: "erstattung", text: "Guthaben Rückerstattung wann", daysAgo: 3),
        Entry(topic: "erstattung", text: "Wann kommt meine Rückerstattung", daysAgo: 10),
        Entry(topic: "erstattung", text: "Rueckerstattung Gutaben", daysAgo: 11),
        Entry(topic: "erstattung", text: "Rückerstattung Guthaben", daysAgo: 25),
        // Mailbox full: 6
        Entry(topic: "postfach", text: "Postfach voll", daysAgo: 0.6),
        Entry(topic: "postfach", text: "Postfach voll", daysAgo: 2),
        Entry(topic: "postfach", text: "Postfach ist voll", daysAgo: 4),
        Entry(topic: "postfach", text: "E-Mail Postfach voll was tun", daysAgo: 8),
        Entry(topic: "postfach", text: "Postfachspeicher voll", daysAgo: 9),
        Entry(topic: "postfach", text: "Postfach voll keine Mails", daysAgo: 18),
        // Server restart: 5
        Entry(topic: "neustart", text: "Server neustarten", daysAgo: 0.7),
        Entry(topic: "neustart", text: "Server neustarten", daysAgo: 5),
        Entry(topic: "neustart", text: "Server Neustart", daysAgo: 6),
        Entry(topic: "neustart", text: "Neustart Server hängt", daysAgo: 7.5),
        Entry(topic: "neustart", text: "vserver neustarten", daysAgo: 14),
        // Noise: none of these is a topic.
        Entry(topic: nil, text: "Öffnungszeiten Hotline", daysAgo: 1),
        Entry(topic: nil, text: "Impressum", daysAgo: 2),
        Entry(topic: nil, text: "Karriere Jobs", daysAgo: 3),
        Entry(topic: nil, text: "xyz", daysAgo: 4),
        Entry(topic: nil, text: "Datenschutzerklärung herunterladen", daysAgo: 5),
        Entry(topic: nil, text: "Wetter morgen", daysAgo: 6),
    ]

    static var texts: [GapText] {
        log.sorted { $0.daysAgo < $1.daysAgo }
            .map { GapText(text: $0.text, time: now.addingTimeInterval(-$0.daysAgo * 86_400), unhelpfulArticles: $0.shown) }
    }

    /// The known topic of each text, in the order of `texts`.
    static var truth: [String?] { log.sorted { $0.daysAgo < $1.daysAgo }.map(\.topic) }

    static func report() -> GapReport {
        GapReport(texts: texts, days: 30, now: now, compoundDictionary: [:],
                  titles: ["rechnung-verstehen": "Rechnung verstehen", "domain-registrieren": "Domain registrieren"])
    }

    /// "Domain Umzug" shares only "domain" with "Domain umziehen": by terms alone it is a topic of its own (by meaning
    /// it joins, `SemanticGapTests`), so seven topics hold the six.
    @Test("the six topics are found: purity at least 0.9, completeness at least 0.85, noise left out")
    func topicsFound() {
        let grouping = GapGrouping(texts: Self.texts.map(\.text), compoundDictionary: [:])
        let truth = Self.truth
        let topics = grouping.topics.map(grouping.inputs).filter { $0.count >= GapReport.minimumSize }
        #expect(topics.count == 7, "\(topics.map { $0.map { Self.texts[$0].text } })")
        var correct = 0
        var found: [String: Int] = [:]
        for topic in topics {
            var votes: [String: Int] = [:]
            for input in topic { votes[truth[input] ?? "noise", default: 0] += 1 }
            let (majority, count) = votes.max { ($0.value, $1.key) < ($1.value, $0.key) }!
            correct += count
            found[majority] = max(found[majority] ?? 0, count)
        }
        let grouped = topics.reduce(0) { $0 + $1.count }
        let purity = Double(correct) / Double(grouped)
        let known = truth.compactMap { $0 }.count
        let completeness = Double(found.filter { $0.key != "noise" }.values.reduce(0, +)) / Double(known)
        print("content gaps fixture: \(topics.count) topics, purity \(purity), completeness \(completeness)")
        #expect(purity >= 0.9, "purity \(purity)")
        #expect(completeness >= 0.85, "completeness \(completeness)")
        #expect(Set(found.keys) == ["storno", "domain", "ssl", "erstattung", "postfach", "neustart"])
    }

    @Test("sizes, order by size × recency, labels in their usual spelling")
    func sizesOrderLabels() {
        let report = Self.report()
        #expect(report.topics.map(\.label) == ["rechnung stornieren", "ssl zertifikat abgelaufen", "rückerstattung guthaben",
                                               "domain umziehen", "postfach voll", "server neustarten", "domain umzug"])
        #expect(report.topics.map(\.size) == [10, 8, 7, 6, 6, 5, 3])
        #expect(report.topics.first?.terms == ["rechnung", "stornieren"])
        let scores = report.topics.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(report.inputs == Self.log.count && report.from == "2026-11-04" && report.to == "2026-12-04")
    }

    @Test("an older topic ranks below a smaller recent one: score = size × 0.5^(days since last seen / 7)")
    func recency() {
        var texts = (0..<8).map { GapText(text: "Webmailer langsam", time: Self.now.addingTimeInterval(-Double(14 + $0) * 86_400)) }
        texts += (0..<3).map { GapText(text: "Fax Nummer", time: Self.now.addingTimeInterval(-Double($0) * 3_600)) }
        let report = GapReport(texts: texts.sorted { $0.time > $1.time }, days: 30, now: Self.now, compoundDictionary: [:], titles: [:])
        #expect(report.topics.map(\.label) == ["fax nummer", "webmailer langsam"])
        #expect(report.topics.map(\.score) == [3.0, 2.0])
        #expect(report.topics.first?.trend == [0, 0, 0, 0, 3] && report.topics.last?.trend == [0, 1, 7, 0, 0])
    }

    @Test("examples: at most three, e-mail addresses, numbers and names masked, greetings and signatures dropped, 200 characters")
    func examples() throws {
        let report = Self.report()
        let storno = try #require(report.topics.first)
        #expect(storno.examples.count == 3)
        #expect(storno.examples.first == "Rechnung stornieren")
        let all = report.topics.flatMap(\.examples).joined(separator: "\n")
        for secret in ["4711", "mustermann", "example.de", "0042", "Meier", "0171", "2345678"] {
            #expect(!all.contains(secret), "\(secret) in \(all)")
        }
        let ticket = GapReport(texts: [Self.texts[0], GapText(text: Self.log[9].text, time: Self.now)], days: 7, now: Self.now,
                               compoundDictionary: [:], titles: [:])
        #expect(ticket.topics.first?.examples.last
                    == "Rechnung stornieren bitte stornieren Sie die doppelte Rechnung ***. Herr *** hat sie schon bezahlt.")
        let long = String(repeating: "Rechnung stornieren ", count: 20)
        let cut = GapReport(texts: [GapText(text: long, time: Self.now), GapText(text: "Rechnung stornieren", time: Self.now)], days: 7,
                            now: Self.now, compoundDictionary: [:], titles: [:])
        #expect(cut.topics.first?.examples.map(\.count).max() == GapReport.maximumExampleCharacters)
    }

    @Test("trend per week over the window, oldest first; shown articles that did not help, counted, with titles")
    func trendAndShownArticles() throws {
        let report = Self.report()
        let storno = try #require(report.topics.first)
        #expect(storno.trend == [0, 1, 1, 1, 7])
        #expect(storno.trend.reduce(0, +) == storno.size)
        #expect(storno.lastSeen == Self.now.addingTimeInterval(-0.1 * 86_400).formatted(.iso8601))
        #expect(storno.shownArticles.map { "\($0.id):\($0.title):\($0.count)" }
                    == ["rechnung-verstehen:Rechnung verstehen:2", "zahlungsarten:zahlungsarten:1"])
        #expect(report.topics.last?.shownArticles.map(\.id) == ["domain-registrieren"])
        let week = GapReport(texts: Self.texts, days: 7, now: Self.now, compoundDictionary: [:], titles: [:])
        #expect(week.topics.allSatisfy { $0.trend.count == 1 })
    }

    @Test("topics close in meaning are joined into the first of them; topics without a vector stay apart")
    func mergedByMeaning() {
        let east: [Float] = [1, 0], northEast = TopicGrouping.centroid([[1, 0], [0.8, 0.6]])!, north: [Float] = [0, 1]
        #expect(abs(northEast[0] - 0.9487) < 0.001 && abs(northEast[1] - 0.3162) < 0.001)
        let merged = TopicGrouping.mergedByMeaning([[0, 1], [2], [3], [4], [5]], vectors: [east, north, northEast, nil, east])
        #expect(merged == [[0, 1, 3, 5], [2], [4]])
        #expect(TopicGrouping.centroid([]) == nil)
    }

    @Test("no texts: no topics")
    func empty() {
        let report = GapReport(texts: [], days: 90, now: Self.now, compoundDictionary: [:], titles: [:])
        #expect(report.topics.isEmpty && report.inputs == 0)
    }
}
