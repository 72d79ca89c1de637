// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for the analyzer and the query path. They only link with the fuzzer runtime, so they live
// outside the main package (a plain `swift build` there never sees them). Build and run through the Makefile:
//   make fuzz-smoke   (part of `make test`: a short run of each)
//   make fuzz         (the long run)
let package = Package(
    name: "LotseFuzz",
    dependencies: [.package(name: "Lotse", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "fuzz-analyzer",
            dependencies: ["FuzzSupport", .product(name: "LotseAnalysis", package: "Lotse")]),
        .executableTarget(
            name: "fuzz-query",
            dependencies: [
                "FuzzSupport",
                .product(name: "LotseIndex", package: "Lotse"),
                .product(name: "LotseSearch", package: "Lotse"),
            ]),
    ]
)
