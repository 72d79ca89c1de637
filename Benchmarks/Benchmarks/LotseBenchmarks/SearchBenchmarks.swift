import Benchmark
import BenchmarkFixtures
import Foundation

/// In-process search latency: one `search` / `suggest` call per iteration, rotating through a fixed input list,
/// on the 10k synthetic corpus ("Search/short", …) and on the real `articles/` ("Search/short-articles", …).
/// The index is built outside any measured region (the 10k one once per executable build, cached in the
/// temporary directory — see `Fixtures.syntheticSearchIndex`). Only the call itself is inside
/// start/stopMeasurement, not ordo-one's per-iteration Task hop.
func searchBenchmarks() {
    // Whichever limit comes first: 2,000 queries / 1,000 drafts give a p99 from the 20th / 10th slowest call;
    // the durations cap a slow engine (at 30 ms a query: ~1,800 iterations in 60 s).
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput]
    let queries = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds,
        warmupIterations: 200, maxDuration: .seconds(60), maxIterations: 2_000)
    let drafts = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds,
        warmupIterations: 40, maxDuration: .seconds(90), maxIterations: 1_000)

    for corpus in SearchCorpus.allCases {
        for workload in SearchWorkload.allCases {
            Benchmark(workload.benchmarkName(corpus), configuration: workload == .draft ? drafts : queries) {
                (benchmark: Benchmark, state: SearchBenchmarkState) async throws in
                let item = state.nextItem()
                benchmark.startMeasurement()
                let count = try await state.fixture.run(workload, item: item)
                benchmark.stopMeasurement()
                state.check(item: item, count: count)
            } setup: {
                let fixture = try SearchFixture(corpus: corpus)
                // Unmeasured pass over every input: checks the hit-rate invariant, records each input's count.
                let expected = try await fixture.verify(workload)
                return SearchBenchmarkState(fixture: fixture, workload: workload, expected: expected)
            } teardown: {
                Fixtures.removeScratch()
            }
        }
    }
}

/// Rotation cursor and per-iteration invariant. Only touched by one iteration at a time (ordo-one runs them
/// one after another), hence unchecked.
final class SearchBenchmarkState: @unchecked Sendable {
    let fixture: SearchFixture
    let workload: SearchWorkload
    /// Result count of every input in the setup's verification pass.
    let expected: [Int]
    private var cursor = 0

    init(fixture: SearchFixture, workload: SearchWorkload, expected: [Int]) {
        self.fixture = fixture
        self.workload = workload
        self.expected = expected
    }

    func nextItem() -> Int {
        defer { cursor = (cursor + 1) % expected.count }
        return cursor
    }

    /// Every measured call must return what the verification pass got for the same input (so the hit rate
    /// checked there holds for the measured iterations too).
    func check(item: Int, count: Int) {
        precondition(count == expected[item],
            "\(workload.benchmarkName(fixture.corpus)) input \(item): \(count) results, \(expected[item]) in the verification pass")
    }
}
