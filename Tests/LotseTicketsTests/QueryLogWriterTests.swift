import Foundation
import Logging
import LotseTestSupport
import LotseTickets
import Synchronization
import Testing

@Suite("Query log writer")
struct QueryLogWriterTests {
    @Test("recorded entries reach the store on flush, truncated to 200 characters, in order")
    func flushWrites() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        let writer = QueryLogWriter(store: store, logger: Logger(label: "test"))
        writer.record(QueryLogEntry(endpoint: "suggest", query: "Kündigung " + String(repeating: "ä", count: 400), resultCount: 0,
                                    session: nil, articleIDs: [], time: at(0)))
        writer.record(
            QueryLogEntry(endpoint: "suggest", query: "Kündigung", resultCount: 1, session: "s", articleIDs: ["kuendigung"], time: at(1)))
        #expect(try await store.suggestedArticles(session: "s").isEmpty, "nothing written before a flush or tick")
        await writer.flush()
        #expect(try await store.suggestedArticles(session: "s") == ["kuendigung"])
        let zero = try await store.activity(since: at(-1)).zeroResultQueries
        #expect(zero.keys.map(\.count) == [QueryLogEntry.maximumQueryCharacters])
        withExtendedLifetime(keep) {}
    }

    @Test("a zero-result query the session keeps typing is dropped; the last one is written when the session moves on or goes quiet")
    func typingIsNotLoggedKeystrokeByKeystroke() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        let writer = QueryLogWriter(store: store, typingGrace: .seconds(60), logger: Logger(label: "test"))
        func record(_ query: String, _ results: Int, session: String?, endpoint: String = "search") {
            writer.record(QueryLogEntry(endpoint: endpoint, query: query, resultCount: results, session: session,
                                        articleIDs: results > 0 ? ["rechnung"] : [], time: at(0)))
        }
        for typed in ["Mallo", "Mallorc", "Mallorca F", "Mallorca Fl", "Mallorca F"] { record(typed, 0, session: "typing") }
        for typed in ["Rechn", "Rechnung"] { record(typed, typed == "Rechn" ? 0 : 3, session: "found") }  // typed on to a hit
        record("Xylophon", 0, session: "moved")
        record("Öffnungszeiten", 0, session: "moved")                    // something else: Xylophon stays
        record("Xylophon", 0, session: "other endpoint", endpoint: "suggest")
        record("Xylo", 0, session: nil)                                 // no session: nothing to wait for
        await writer.flush()
        #expect(try await store.activity(since: at(-1)).zeroResultQueries == ["xylophon": 1, "xylo": 1])
        await writer.flush(includingTyping: true)
        #expect(try await store.activity(since: at(-1)).zeroResultQueries
                == ["xylophon": 2, "xylo": 1, "mallorca f": 1, "öffnungszeiten": 1])
        withExtendedLifetime(keep) {}
    }

    @Test("a held zero-result query is written once its session has been quiet for the grace period")
    func quietSessionsAreWritten() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        let writer = QueryLogWriter(store: store, typingGrace: .milliseconds(50), logger: Logger(label: "test"))
        writer.record(QueryLogEntry(endpoint: "search", query: "Quxzyklöppel", resultCount: 0, session: "s", articleIDs: [], time: at(0)))
        await writer.flush()
        #expect(try await store.activity(since: at(-1)).zeroResultQueries.isEmpty)
        // Written by a flush once the grace period has passed.
        let written = try await eventually {
            await writer.flush()
            return try await store.activity(since: at(-1)).zeroResultQueries == ["quxzyklöppel": 1]
        }
        #expect(written)
        withExtendedLifetime(keep) {}
    }

    @Test("the background loop writes without an explicit flush and flushes the rest when cancelled")
    func backgroundLoop() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        let writer = QueryLogWriter(store: store, interval: .milliseconds(10), batchSize: 2, logger: Logger(label: "test"))
        let loop = Task { await writer.run() }
        writer.record(
            QueryLogEntry(endpoint: "search", query: "Rechnung", resultCount: 1, session: "a", articleIDs: ["rechnung"], time: at(0)))
        var written: [String] = []
        _ = try await eventually {
            written = try await store.suggestedArticles(session: "a")
            return !written.isEmpty
        }
        #expect(written == ["rechnung"])
        loop.cancel()
        writer.record(
            QueryLogEntry(endpoint: "search", query: "Passwort", resultCount: 1, session: "b", articleIDs: ["passwort"], time: at(1)))
        await loop.value
        await writer.flush()
        #expect(try await store.suggestedArticles(session: "b") == ["passwort"])
        withExtendedLifetime(keep) {}
    }
    @Test("a batch the store fails is tried again and stored; one it keeps failing is dropped and the next is written")
    func failedBatchIsTriedAgain() async throws {
        struct Timeout: Error {}
        let calls = Mutex<[[String]]>([]), failures = Mutex(["Rechnung": 1, "Passwort": 5])
        let writer = QueryLogWriter(retryDelays: [.milliseconds(1), .milliseconds(1)], logger: Logger(label: "test")) { batch in
            let queries = batch.map(\.query)
            calls.withLock { $0.append(queries) }
            let fails = failures.withLock { failures -> Bool in
                guard let query = queries.first, let left = failures[query], left > 0 else { return false }
                failures[query] = left - 1
                return true
            }
            if fails { throw Timeout() }
        }
        func record(_ query: String) {
            writer.record(QueryLogEntry(endpoint: "search", query: query, resultCount: 1, session: nil, articleIDs: [], time: at(0)))
        }
        record("Rechnung")
        await writer.flush()
        #expect(calls.withLock { $0 } == [["Rechnung"], ["Rechnung"]], "failed once, stored on the second try")
        calls.withLock { $0.removeAll() }
        record("Passwort")
        await writer.flush()
        #expect(calls.withLock { $0 } == [["Passwort"], ["Passwort"], ["Passwort"]], "three tries, then dropped")
        calls.withLock { $0.removeAll() }
        record("Kündigung")
        await writer.flush()
        #expect(calls.withLock { $0 } == [["Kündigung"]], "the next batch is not held up")
    }
}
