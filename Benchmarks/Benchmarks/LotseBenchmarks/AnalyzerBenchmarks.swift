import Benchmark
import BenchmarkFixtures
import Foundation
import LotseAnalysis

/// The analyzer in `.document` mode (what the index stores) over ~100,000 words of synthetic help-center
/// text, with a compound dictionary from the text's own word counts.
func analyzerBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput, .tokensPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 25)

    /// Warm: one analyzer for all iterations, so its per-word memo cache is filled by the warm-up run —
    /// the steady state of an index build.
    Benchmark("Analyzer/document-tokens", configuration: configuration) { (benchmark: Benchmark, state: (AnalyzerFixture, Analyzer)) in
        let (fixture, analyzer) = state
        run(benchmark, fixture, analyzer)
    } setup: {
        let fixture = AnalyzerFixture()
        report(fixture)
        return (fixture, Analyzer(resources: fixture.resources))
    }

    /// Cold: a fresh analyzer (empty memo cache, new stemmer) every iteration — the worst case, every word
    /// is folded, stemmed and compound-split for the first time.
    Benchmark("Analyzer/cold-cache", configuration: configuration) { (benchmark: Benchmark, fixture: AnalyzerFixture) in
        let analyzer = Analyzer(resources: fixture.resources)
        run(benchmark, fixture, analyzer)
    } setup: {
        let fixture = AnalyzerFixture()
        report(fixture)
        return fixture
    }
}

private func run(_ benchmark: Benchmark, _ fixture: AnalyzerFixture, _ analyzer: Analyzer) {
    let clock = ContinuousClock()
    benchmark.startMeasurement()
    let started = clock.now
    let (tokens, positions) = fixture.analyze(with: analyzer)
    let elapsed = clock.now - started
    benchmark.stopMeasurement()
    blackHole(positions)
    precondition(tokens > fixture.wordCount, "only \(tokens) tokens for \(fixture.wordCount) words")
    benchmark.measurement(.tokensPerSecond, Int(Double(tokens) / (elapsed / .seconds(1))))
}

private func report(_ fixture: AnalyzerFixture) {
    let analyzer = Analyzer(resources: fixture.resources)
    let (tokens, positions) = fixture.analyze(with: analyzer)
    let message = "Analyzer input: \(fixture.wordCount) words, \(fixture.bytes.count) bytes, \(positions) analyzer words, "
        + "\(tokens) tokens, \(fixture.resources.splitter.dictionary.count) dictionary entries\n"
    FileHandle.standardError.write(Data(message.utf8))
}
