// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lotse",
    products: [
        .executable(name: "lotse", targets: ["lotse"]),
        .library(name: "LotseAnalysis", targets: ["LotseAnalysis"]),
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
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // System libraries behind small shim headers (see DESIGN.md).
        .target(name: "CICUShim", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        .target(name: "LotseAnalysis", dependencies: ["CICUShim", "CStemmer"]),
        .target(
            name: "LotseIndex",
            dependencies: [
                "LotseAnalysis", "CLibXML2", "CCmarkGFM",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(
            name: "LotseSearch",
            dependencies: [
                "LotseAnalysis", "LotseIndex",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources/synonyms.txt")]),
        .target(
            name: "LotseEvaluation",
            dependencies: ["LotseSearch", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "LotseTickets",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Only for `ConnectionPoolError` (the pool's "no connection"), which PostgresNIO throws but does not re-export.
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]),
        .target(
            name: "LotseServer",
            dependencies: [
                "LotseIndex", "LotseSearch", "LotseTickets",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/portal")]),
        .executableTarget(
            name: "lotse",
            dependencies: [
                "LotseEvaluation", "LotseIndex", "LotseSearch", "LotseServer", "LotseTickets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "LotseTestSupport", dependencies: ["LotseIndex", "LotseSearch"]),

        .testTarget(name: "LotseAnalysisTests", dependencies: ["LotseAnalysis"]),
        .testTarget(name: "LotseIndexTests", dependencies: ["LotseIndex", "LotseTestSupport"]),
        .testTarget(name: "LotseSearchTests", dependencies: ["LotseEvaluation", "LotseSearch", "LotseTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LotseTicketsTests",
            dependencies: [
                "LotseTickets", "LotseTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "LotseServerTests",
            dependencies: [
                "LotseServer", "LotseTickets", "LotseTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Yams", package: "Yams"),
            ]),
    ]
)
