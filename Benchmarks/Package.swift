// swift-tools-version:6.1
import PackageDescription

// Lotse benchmarks (ordo-one/benchmark). Run from this directory:
//   swift package --disable-sandbox benchmark
// The plain timing/profiling tool without the plugin:
//   swift run -c release lotse-bench all
let package = Package(
    name: "LotseBenchmarks",
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "Lotse", path: ".."),
    ],
    targets: [
        // Shared fixtures: the cached 10k-article corpus and its search index, the analyzer sample text,
        // the search queries and ticket drafts.
        .target(
            name: "BenchmarkFixtures",
            dependencies: [
                .product(name: "LotseAnalysis", package: "Lotse"),
                .product(name: "LotseIndex", package: "Lotse"),
                .product(name: "LotseSearch", package: "Lotse"),
                .product(name: "LotseSemantic", package: "Lotse"),
                .product(name: "LotseTestSupport", package: "Lotse"),
            ]),
        // ordo-one benchmark suite: every executable target in Benchmarks/<Name>/ is run by the plugin.
        .executableTarget(
            name: "LotseBenchmarks",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LotseAnalysis", package: "Lotse"),
                .product(name: "LotseIndex", package: "Lotse"),
                .product(name: "LotseTestSupport", package: "Lotse"),
            ],
            path: "Benchmarks/LotseBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // The same measurements as a plain executable (medians over N runs), also the profiling harness.
        .executableTarget(
            name: "lotse-bench",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "LotseAnalysis", package: "Lotse"),
                .product(name: "LotseIndex", package: "Lotse"),
                .product(name: "LotseSearch", package: "Lotse"),
                .product(name: "LotseSemantic", package: "Lotse"),
                .product(name: "LotseTestSupport", package: "Lotse"),
            ]),
    ]
)
