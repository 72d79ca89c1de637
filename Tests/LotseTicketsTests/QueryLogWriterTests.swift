import Foundation
import Logging
import LotseTickets
import Testing

@Suite("Query log writer")
struct QueryLogWriterTests {
    @Test("recorded entries reach the store on flush, truncated to 200 characters, in order")
    func flushWrites() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        let writer = QueryLogWriter(store: store, logger: Logger(label: "test"))
        writer.record(QueryLogEntry(endpoint: "suggest", query: "Kündigung " + String(repeating: "ä", count: 400), resultCount: 0,
                                    session: "s", articleIDs: [], time: at(0)))
        writer.record(QueryLogEntry(endpoint: "suggest", query: "Kündigung", resultCount: 1, session: "s", articleIDs: ["kuendigung"], time: at(1)))
        #expect(try await store.suggestedArticles(session: "s").isEmpty, "nothing written before a flush or tick")
        await writer.flush()
        #expect(try await store.suggestedArticles(session: "s") == ["kuendigung"])
        let zero = try await store.activity(since: at(-1)).zeroResultQueries
        #expect(zero.keys.map(\.count) == [QueryLogEntry.maximumQueryCharacters])
        withExtendedLifetime(keep) {}
    }

    @Test("the background loop writes without an explicit flush and flushes the rest when cancelled")
    func backgroundLoop() async throws {
        let (store, _, keep) = try StoreFactory.sqlite.make()
        let writer = QueryLogWriter(store: store, interval: .milliseconds(10), batchSize: 2, logger: Logger(label: "test"))
        let loop = Task { await writer.run() }
        writer.record(QueryLogEntry(endpoint: "search", query: "Rechnung", resultCount: 1, session: "a", articleIDs: ["rechnung"], time: at(0)))
        var written: [String] = []
        for _ in 0..<500 where written.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
            written = try await store.suggestedArticles(session: "a")
        }
        #expect(written == ["rechnung"])
        loop.cancel()
        writer.record(QueryLogEntry(endpoint: "search", query: "Passwort", resultCount: 1, session: "b", articleIDs: ["passwort"], time: at(1)))
        await loop.value
        await writer.flush()
        #expect(try await store.suggestedArticles(session: "b") == ["passwort"])
        withExtendedLifetime(keep) {}
    }
}
