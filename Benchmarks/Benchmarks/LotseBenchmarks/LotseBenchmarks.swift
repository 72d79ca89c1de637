import Benchmark

// Lotse benchmark suite. Run from /work/main/Benchmarks:
//   swift package --disable-sandbox benchmark
//
// Rates (articles/s, tokens/s) are custom metrics computed from each iteration's own wall clock, because
// ordo-one's scalingFactor only takes powers of ten. To convert by hand: articles/s = 10,000 / p50 wall clock
// of IndexBuild/*; tokens/s = tokens per run (printed once per process) / p50 wall clock of Analyzer/*.
let benchmarks: @Sendable () -> Void = {
    indexBuildBenchmarks()
    analyzerBenchmarks()
    searchBenchmarks()
}

extension BenchmarkMetric {
    static var articlesPerSecond: BenchmarkMetric { .custom("articles/s", polarity: .prefersLarger, useScalingFactor: false) }
    static var tokensPerSecond: BenchmarkMetric { .custom("tokens/s", polarity: .prefersLarger, useScalingFactor: false) }
}
