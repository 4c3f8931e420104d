// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "arreport",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arreport", targets: ["arreport"]),
        .library(name: "ARCore", targets: ["ARCore"]),
        .library(name: "ARAnalysis", targets: ["ARAnalysis"]),
        .library(name: "ARReport", targets: ["ARReport"]),
        .library(name: "ARGenerate", targets: ["ARGenerate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Sources to ledger: money, day numbers, the byte-level CSV reader, validation.
        .target(
            name: "ARCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Pure metrics over a ledger: no I/O, no clocks, no formatting.
        .target(name: "ARAnalysis", dependencies: ["ARCore"]),
        // Report model, CSV/JSON renderers, the output folder and the batch run.
        .target(
            name: "ARReport",
            dependencies: [
                "ARCore", "ARAnalysis",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Deterministic synthetic AR data in the canonical layout.
        .target(name: "ARGenerate", dependencies: ["ARCore"]),
        .executableTarget(
            name: "arreport",
            dependencies: [
                "ARReport", "ARGenerate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ARCoreTests", dependencies: ["ARCore"]),
        .testTarget(name: "ARAnalysisTests", dependencies: ["ARCore", "ARAnalysis"]),
        .testTarget(name: "ARReportTests", dependencies: ["ARReport", "ARGenerate"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ARGenerateTests", dependencies: ["ARGenerate", "ARCore"]),
    ]
)
