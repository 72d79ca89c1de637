import Benchmark
import BenchmarkFixtures
import Foundation
import LotseIndex

/// Full and no-op builds of the 10,000-article (~5 KB each) synthetic corpus. The corpus is generated once
/// (see `Fixtures.corpus`) in the setup, never inside the measured region.
func indexBuildBenchmarks() {
    let articleCount = Fixtures.articleCount
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .articlesPerSecond]
    // A full build takes ~30 s on 2 cores: 3 iterations, no warm-up (the page cache is warm from the setup).
    // Milliseconds and plain counts: the automatic units would round a 24 s build to whole seconds.
    let full = Benchmark.Configuration(
        metrics: metrics, timeUnits: .milliseconds, units: [.articlesPerSecond: .count],
        warmupIterations: 0, maxDuration: .seconds(150), maxIterations: 3)
    let noop = Benchmark.Configuration(
        metrics: metrics, timeUnits: .milliseconds, units: [.articlesPerSecond: .count],
        warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)

    Benchmark("IndexBuild/full-10k", configuration: full) { (benchmark: Benchmark, corpus: String) in
        let indexPath = (try! Fixtures.scratch() as NSString).appendingPathComponent("full.sqlite")
        let builder = IndexBuilder(configuration: IndexConfiguration(articlesDirectory: corpus, indexPath: indexPath, full: true))
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let started = clock.now
        let report = try! builder.build()
        let elapsed = clock.now - started
        benchmark.stopMeasurement()
        precondition(report.articleCount == articleCount && report.rejected.isEmpty && report.wroteIndex,
                     "full build indexed \(report.articleCount) of \(articleCount) articles (\(report.rejected.count) rejected)")
        benchmark.measurement(.articlesPerSecond, Int(Double(report.articleCount) / (elapsed / .seconds(1))))
    } setup: {
        try Fixtures.corpus()
    } teardown: {
        Fixtures.removeScratch()
    }

    Benchmark("IndexBuild/noop-10k", configuration: noop) { (benchmark: Benchmark, paths: (corpus: String, index: String)) in
        let builder = IndexBuilder(configuration: IndexConfiguration(articlesDirectory: paths.corpus, indexPath: paths.index))
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let started = clock.now
        let report = try! builder.build()
        let elapsed = clock.now - started
        benchmark.stopMeasurement()
        precondition(report.unchanged == articleCount && report.articleCount == articleCount && !report.wroteIndex,
                     "no-op build: \(report.summary), wrote index: \(report.wroteIndex)")
        benchmark.measurement(.articlesPerSecond, Int(Double(report.articleCount) / (elapsed / .seconds(1))))
    } setup: {
        // The previous index the no-op run compares against: one full build, not measured.
        let corpus = try Fixtures.corpus()
        let index = (try Fixtures.scratch() as NSString).appendingPathComponent("noop.sqlite")
        let report = try IndexBuilder(configuration: IndexConfiguration(articlesDirectory: corpus, indexPath: index, full: true)).build()
        precondition(report.articleCount == articleCount, "setup build indexed \(report.articleCount) articles")
        return (corpus: corpus, index: index)
    } teardown: {
        Fixtures.removeScratch()
    }
}
