// swift-tools-version:6.1
import PackageDescription

// Every module a target imports is declared here, also when another dependency brings it along:
// `make test` builds with `--explicit-target-dependency-import-check error` and `scripts/check-imports.py`.
// Linux only (Glibc, Debian's system libraries): no `platforms`.
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")

let package = Package(
    name: "Lotse",
    products: [
        .executable(name: "lotse", targets: ["lotse"]),
        .library(name: "LotseAnalysis", targets: ["LotseAnalysis"]),
        .library(name: "LotseSemantic", targets: ["LotseSemantic"]),
        .library(name: "LotseIndex", targets: ["LotseIndex"]),
        .library(name: "LotseSearch", targets: ["LotseSearch"]),
        .library(name: "LotseEvaluation", targets: ["LotseEvaluation"]),
        .library(name: "LotseTickets", targets: ["LotseTickets"]),
        .library(name: "LotseServer", targets: ["LotseServer"]),
        .library(name: "LotseTestSupport", targets: ["LotseTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Minor versions pinned: LotseTickets imports the underscored `_ConnectionPoolModule`, which is not API.
        .package(url: "https://github.com/vapor/postgres-nio", .upToNextMinor(from: "1.33.2")),
    ],
    targets: [
        // System libraries behind small shim headers.
        .target(name: "CICUShim", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // Debian's libsentencepiece (C++) behind a plain-C shim, OpenBLAS for the encoder's matrix products, and
        // the kernels chosen at run time: int8 dot products (AVX2/VNNI), products with bfloat16 weights (AVX-512F, AVX2).
        .target(name: "CSentencePiece", linkerSettings: [.linkedLibrary("sentencepiece")]),
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        // Optimised in debug builds too: the encoder's kernel unoptimised made the tests' index builds minutes slower.
        .target(name: "CByteSearch"),
        .target(name: "CMemoryRelease"),
        .target(name: "CVectorKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),

        .target(name: "LotseAnalysis", dependencies: ["CICUShim", "CStemmer"]),
        .target(name: "LotseSemantic", dependencies: ["COpenBLAS", "CVectorKernels"]),
        .target(
            name: "LotseIndex",
            dependencies: [
                "LotseAnalysis", "LotseSemantic", "CLibXML2", "CCmarkGFM", grdb,
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(
            name: "LotseSearch",
            dependencies: ["LotseAnalysis", "LotseIndex", "LotseSemantic", grdb],
            resources: [.copy("Resources/synonyms.txt")]),
        .target(name: "LotseEvaluation", dependencies: ["LotseSearch", grdb]),
        .target(
            name: "LotseTickets",
            dependencies: [
                grdb, asyncHTTPClient, logging, nioCore,
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Only for `ConnectionPoolError` (the pool's "no connection"), which PostgresNIO throws but does not re-export.
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]),
        .target(
            name: "LotseServer",
            dependencies: [
                "LotseAnalysis", "LotseIndex", "LotseSearch", "LotseSemantic", "LotseTickets", "CByteSearch", "CMemoryRelease",
                hummingbird, httpTypes, logging, nioCore,
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // The HTTP parts between Hummingbird's codec and its handler (`HTTPParseErrorResponder`).
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/portal"), .copy("Resources/admin")]),
        .executableTarget(
            name: "lotse",
            dependencies: [
                "LotseAnalysis", "LotseEvaluation", "LotseIndex", "LotseSearch", "LotseSemantic", "LotseServer", "LotseTickets",
                logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(
            name: "LotseTestSupport", dependencies: ["LotseAnalysis", "LotseIndex", "LotseSearch", "LotseSemantic", grdb],
            resources: [.copy("Resources/Vocabulary")]),

        .testTarget(name: "LotseAnalysisTests", dependencies: ["LotseAnalysis"]),
        .testTarget(
            name: "LotseSemanticTests", dependencies: ["CSentencePiece", "CVectorKernels", "LotseSemantic", "LotseTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "LotseIndexTests", dependencies: ["LotseAnalysis", "LotseIndex", "LotseSemantic", "LotseTestSupport", grdb]),
        .testTarget(
            name: "LotseSearchTests",
            dependencies: ["LotseAnalysis", "LotseEvaluation", "LotseIndex", "LotseSearch", "LotseSemantic", "LotseTestSupport", grdb],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LotseTicketsTests",
            dependencies: [
                "LotseTickets", "LotseTestSupport", grdb, hummingbird, hummingbirdTesting, httpTypes, logging,
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]),
        .testTarget(
            name: "LotseServerTests",
            dependencies: [
                "LotseAnalysis", "LotseIndex", "LotseSearch", "LotseServer", "LotseTickets", "LotseTestSupport", asyncHTTPClient,
                hummingbird, hummingbirdTesting, httpTypes, logging, nioCore,
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ]),
    ],
    cxxLanguageStandard: .cxx17
)
