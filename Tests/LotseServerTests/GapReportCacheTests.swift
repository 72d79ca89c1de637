import Foundation
import LotseSearch
import Testing

@testable import LotseServer

/// `GapReportCache`: when a content-gap report is computed, on a clock the test sets.
@Suite("Content-gap report cache")
struct GapReportCacheTests {
    private final class Index: Sendable {}

    /// Numbers the computations; each report carries its number as `inputs`.
    private actor Computations {
        private(set) var count = 0
        func next() throws -> GapReport {
            count += 1
            let json = #"{"days":30,"from":"2026-11-05","to":"2026-12-05","inputs":\#(count),"topics":[]}"#
            return try JSONDecoder().decode(GapReport.self, from: Data(json.utf8))
        }
    }

    @Test("reused while fresh; in its last 20 s answered at once and computed again behind it; anew after 60 s or for another index")
    func refreshAhead() async throws {
        let cache = GapReportCache(lifetime: .seconds(60), refreshMargin: .seconds(20))
        let index = Index(), computations = Computations()
        let compute: @Sendable () async throws -> GapReport = { try await computations.next() }
        let start = ContinuousClock.now
        func inputs(after seconds: Int, on index: Index = index) async throws -> Int {
            try await cache.report(days: 30, engine: index, now: start + .seconds(seconds), compute: compute).inputs
        }
        #expect(try await inputs(after: 0) == 1)
        #expect(try await inputs(after: 30) == 1)
        #expect(await computations.count == 1, "a fresh report is not computed again")
        #expect(try await inputs(after: 45) == 1, "the old report at once")
        var answered = 1
        for _ in 0..<1_000 where answered == 1 {
            try await Task.sleep(for: .milliseconds(5))
            answered = try await inputs(after: 46)
        }
        #expect(answered == 2, "the report computed behind the old one replaces it")
        #expect(await computations.count == 2, "one computation behind, however many requests asked meanwhile")
        #expect(try await inputs(after: 80) == 2, "the new report counts from the request that started it (45 s), not from 0")
        #expect(try await inputs(after: 200) == 3, "expired: computed while the request waits")
        #expect(try await inputs(after: 201, on: Index()) == 4, "another index (reloaded) has a report of its own")
    }
}
