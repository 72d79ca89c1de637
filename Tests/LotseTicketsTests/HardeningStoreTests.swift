import Foundation
import GRDB
import LotseTestSupport
import LotseTickets
import Testing

/// Issue 15 on every store (`StoreFactory.all`: SQLite, and PostgreSQL under `make test`): control characters in
/// the query log, retention and erasure of every table with customer text, and idempotency keys tied to the request.
@Suite("Hardening: stores")
struct HardeningStoreTests {
    @Test("a query with NUL and other control characters is logged without them and does not fail its batch", arguments: StoreFactory.all)
    func controlCharactersAreStrippedFromTheQueryLog(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        let entries = [
            QueryLogEntry(endpoint: "search", query: "\u{0}Mallorca\u{0}", resultCount: 0, session: "s\u{0}1", articleIDs: [], time: at(0)),
            QueryLogEntry(endpoint: "search", query: "Pass\u{7}wort\u{1B}[31m", resultCount: 0, session: nil, articleIDs: [], time: at(1)),
            QueryLogEntry(endpoint: "suggest", query: "Rechnung", resultCount: 1, session: "s2", articleIDs: ["rechnung"], time: at(2)),
        ]
        #expect(entries[0].query == "Mallorca" && entries[0].session == "s1")
        try await store.recordQueries(entries)
        let activity = try await store.activity(since: at(-1))
        #expect(activity.zeroResultQueries == ["mallorca": 1, "passwort[31m": 1])
        #expect(try await store.suggestedArticles(session: "s2") == ["rechnung"])
        withExtendedLifetime(keep) {}
    }

    @Test("a session's shown articles keep the first time each was shown, in a batch and across batches", arguments: StoreFactory.all)
    func shownArticlesKeepTheirFirstTime(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        func shown(_ seconds: Double, _ articles: [String]) -> QueryLogEntry {
            QueryLogEntry(endpoint: "search", query: "q", resultCount: 1, session: "s", articleIDs: articles, time: at(seconds))
        }
        // x is shown at 3 s and again at 1 s (entries need not arrive in time order), y at 2 s.
        try await store.recordQueries([shown(3, ["x"]), shown(1, ["x"]), shown(2, ["y"])])
        #expect(try await store.suggestedArticles(session: "s") == ["x", "y"])
        // A later batch with an earlier sighting of y moves it first.
        try await store.recordQueries([shown(0.5, ["y"])])
        #expect(try await store.suggestedArticles(session: "s") == ["y", "x"])
        withExtendedLifetime(keep) {}
    }

    @Test("retention deletes deflections, feedback and query-log rows past the cutoff and keeps newer ones", arguments: StoreFactory.all)
    func retentionReachesEveryTable(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        for (time, article) in [(at(0), "alt"), (at(100), "neu")] {
            _ = try await store.recordDeflection(
                DeflectionRecord(session: "s", articleID: article, subject: "Betreff", description: "Text", time: time))
            try await store.recordFeedback(FeedbackRecord(articleID: article, helpful: true, session: "s", time: time))
            try await store.recordQueries([QueryLogEntry(endpoint: "search", query: "nichts \(article)", resultCount: 0, session: "s",
                                                         articleIDs: [], time: time)])
        }
        _ = try await store.purge(closedBefore: at(50), logsBefore: at(50))
        let activity = try await store.activity(since: at(-1))
        #expect(activity.deflectionsByArticle == ["neu": 1])
        #expect(activity.feedbackByArticle == ["neu": FeedbackCounts(helpful: 1)])
        #expect(activity.zeroResultQueries == ["nichts neu": 1])
        withExtendedLifetime(keep) {}
    }

    @Test("erasure by e-mail removes the query-log rows, deflections and feedback of the tickets' sessions", arguments: StoreFactory.all)
    func erasureReachesTheQueryLog(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        for session in ["sitzung-jürgen", "sitzung-anna"] {
            try await store.recordQueries([QueryLogEntry(endpoint: "suggest", query: "Drucker \(session)", resultCount: 0, session: session,
                                                         articleIDs: [], time: at(0))])
            _ = try await store.recordDeflection(DeflectionRecord(session: session, articleID: "a-\(session)", time: at(0)))
            try await store.recordFeedback(FeedbackRecord(articleID: "a-\(session)", helpful: false, session: session, time: at(0)))
        }
        _ = try await store.createTicket(sampleTicket(session: "sitzung-jürgen"), idempotencyKey: nil, forward: false, at: at(1))
        _ = try await store.createTicket(
            sampleTicket("anna@beispiel.de", session: "sitzung-anna"), idempotencyKey: nil, forward: false, at: at(1))
        let deleted = try await store.deleteTickets(email: "JÜRGEN.müller@beispiel.de")
        #expect(deleted.tickets == 1)
        let activity = try await store.activity(since: at(-1))
        #expect(activity.zeroResultQueries == ["drucker sitzung-anna": 1])
        #expect(activity.deflectionsByArticle == ["a-sitzung-anna": 1])
        #expect(activity.feedbackByArticle.keys.sorted() == ["a-sitzung-anna"])
        withExtendedLifetime(keep) {}
    }

    @Test("erasure finds an address whatever Unicode form its umlauts were typed in (composed or with combining marks)",
          arguments: StoreFactory.all)
    func erasureIgnoresUnicodeForm(_ factory: StoreFactory) async throws {
        let (store, _, keep) = try factory.make()
        let composed = "j\u{F6}rg@m\u{FC}ller.de", decomposed = "jo\u{308}rg@mu\u{308}ller.de"
        for (stored, asked) in [(decomposed, composed), (composed, "JO\u{308}RG@MU\u{308}LLER.DE")] {
            _ = try await store.createTicket(sampleTicket(stored, session: "s-\(stored)"), idempotencyKey: nil, forward: false, at: at(0))
            #expect(try await store.deleteTickets(email: asked).tickets == 1, "\(stored.unicodeScalars.count) scalars stored")
        }
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 50).total == 0)
        withExtendedLifetime(keep) {}
    }

    @Test("after erasure the SQLite files hold none of the erased text: freed space zeroed, the write-ahead log emptied")
    func erasureLeavesNoTextOnDisk() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-erase")
        let path = directory.path("data.sqlite")
        let store = try SQLiteTicketStore(path: path)
        let secret = "Geheimzahl QWERTZ-98765"
        var ticket = sampleTicket("anna@beispiel.de", session: "s-anna")
        ticket.description = "Meine \(secret), bitte helfen."
        _ = try await store.createTicket(ticket, idempotencyKey: nil, forward: false, at: at(0))
        try await store.recordQueries([QueryLogEntry(endpoint: "suggest", query: secret, resultCount: 0, session: "s-anna", articleIDs: [],
                                                     time: at(0))])
        _ = try await store.createTicket(sampleTicket("bert@beispiel.de"), idempotencyKey: nil, forward: false, at: at(1))
        #expect(try await store.deleteTickets(email: "anna@beispiel.de").tickets == 1)
        for file in [path, path + "-wal"] {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            #expect(bytes.range(of: Data("QWERTZ-98765".utf8)) == nil, "\(file) still holds the erased text")
        }
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 50).total == 1)
        withExtendedLifetime(store) {}
    }

    @Test("after a retention purge the SQLite files hold none of the purged drafts' text either")
    func purgeLeavesNoTextOnDisk() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-purge")
        let path = directory.path("data.sqlite")
        let store = try SQLiteTicketStore(path: path)
        _ = try await store.recordDeflection(DeflectionRecord(session: "s-alt", articleID: "rechnung", subject: "Rechnung",
                                                              description: "Mein Zeichen XYLOPHON-4711", time: at(0)))
        _ = try await store.recordDeflection(DeflectionRecord(session: "s-neu", articleID: "rechnung", subject: "Neu", time: at(900)))
        _ = try await store.purge(closedBefore: at(500), logsBefore: at(500))
        for file in [path, path + "-wal"] {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            #expect(bytes.range(of: Data("XYLOPHON-4711".utf8)) == nil, "\(file) still holds the purged text")
        }
        withExtendedLifetime(store) {}
    }

    @Test("an idempotency key replays only the same request; a different one is refused", arguments: StoreFactory.all)
    func idempotencyKeyIsTiedToTheRequest(_ factory: StoreFactory) async throws {
        let (store, reopen, keep) = try factory.make()
        let first = try await store.createTicket(sampleTicket(), idempotencyKey: "k-1", fingerprint: "aaaa", forward: false, at: at(0))
        let other = try reopen()
        let replay = try await other.createTicket(sampleTicket(), idempotencyKey: "k-1", fingerprint: "aaaa", forward: false, at: at(1))
        #expect(!replay.created && replay.ticket.id == first.ticket.id)
        await #expect(throws: IdempotencyKeyReused.self) {
            _ = try await other.createTicket(
                sampleTicket(subject: "anders"), idempotencyKey: "k-1", fingerprint: "bbbb", forward: false, at: at(2))
        }
        #expect(try await store.tickets(status: nil, page: 1, pageSize: 50).total == 1)
        // A new key for the changed request is a new ticket.
        let changed = try await store.createTicket(
            sampleTicket(subject: "anders"), idempotencyKey: "k-2", fingerprint: "bbbb", forward: false, at: at(3))
        #expect(changed.created)
        withExtendedLifetime(keep) {}
    }
}

@Suite("Hardening: stored text")
struct StoredTextTests {
    @Test("a deflection keeps at most 2 KB of the draft, cut at a character boundary")
    func deflectionTextIsCapped() {
        let long = String(repeating: "Größe ", count: 2_000)
        let record = DeflectionRecord(session: "s", articleID: "a", subject: "Betreff", description: long, time: at(0))
        let kept = try! #require(record.description)
        #expect(kept.utf8.count <= StoredText.maximumBytes && kept.utf8.count > StoredText.maximumBytes - 4)
        #expect(long.hasPrefix(kept))
    }

    @Test("the query log keeps 200 characters and never more than 2 KB")
    func queryTextIsCapped() {
        let entry = QueryLogEntry(
            endpoint: "suggest", query: String(repeating: "😀", count: 1_000), resultCount: 0, session: nil, articleIDs: [], time: at(0))
        #expect(entry.query.count == 200 && entry.query.utf8.count <= StoredText.maximumBytes)
    }

    @Test("a logged query loses surrounding whitespace (Unicode too) and C0, C1 and DEL controls; inner tabs and umlauts stay")
    func queryTextIsCleaned() {
        let cases: [(String, String)] = [
            ("Kündigung", "Kündigung"), ("  Passwort vergessen \n", "Passwort vergessen"), ("\u{00A0}Rechnung\u{2003}", "Rechnung"),
            ("a\tb", "a\tb"), ("Pass\u{7F}wort\u{85}", "Passwort"), ("\u{9F}Größe\u{0}", "Größe"), ("¢ und ÿ", "¢ und ÿ"), ("   ", ""),
        ]
        for (typed, logged) in cases {
            let entry = QueryLogEntry(endpoint: "search", query: typed, resultCount: 0, session: nil, articleIDs: [], time: at(0))
            #expect(entry.query == logged, "\(typed.debugDescription)")
        }
        #expect(ControlCharacters.contains("a\u{80}b") && ControlCharacters.contains("\u{7F}") && !ControlCharacters.contains("Ä\t\r\n¡"))
    }

    @Test("the SQLite file stores a capped deflection and is readable by its owner only")
    func sqliteFileIsPrivateAndCapped() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-private")
        let path = directory.path("data/data.sqlite")
        let store = try SQLiteTicketStore(path: path)
        _ = try await store.recordDeflection(
            DeflectionRecord(session: "s", articleID: "a", description: String(repeating: "x", count: 20_000), time: at(0)))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(suffix) is readable by others")
        }
        let queue = try DatabaseQueue(path: path)
        let stored = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT length(description) FROM deflections") }
        #expect(stored == StoredText.maximumBytes)
    }
}
