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
        .library(name: "ARProfiles", targets: ["ARProfiles"]),
        .library(name: "ARGenerate", targets: ["ARGenerate"]),
        .library(name: "ARCharts", targets: ["ARCharts"]),
        .library(name: "ARSQLite", targets: ["ARSQLite"]),
        .library(name: "ARPostgres", targets: ["ARPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Sources to ledger: money, day numbers, the byte-level CSV reader, validation.
        .target(
            name: "ARCore",
            dependencies: ["CPrefetch", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // What Swift cannot express: a cache prefetch hint for the id tables, a sixteen-byte
        // field search (SSE2) for the CSV scanner, glibc's mmap threshold.
        .target(name: "CPrefetch"),
        // Pure metrics over a ledger: no I/O, no clocks, no formatting.
        .target(name: "ARAnalysis", dependencies: ["ARCore"]),
        // Foreign exports through YAML mapping profiles, converted into the canonical layout.
        .target(name: "ARProfiles", dependencies: ["ARCore", .product(name: "Yams", package: "Yams")]),
        // SQLite sources and the run history (GRDB), behind their own target so the core stays free of it.
        .target(name: "ARSQLite", dependencies: ["ARCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // PostgreSQL sources (postgres-nio), in their own target: only it and what uses it wait for the NIO build.
        .target(
            name: "ARPostgres",
            dependencies: [
                "ARCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Report model, CSV/JSON renderers, the output folder and the batch run.
        .target(
            name: "ARReport",
            dependencies: [
                "ARCore", "ARAnalysis", "ARProfiles", "ARCharts", "ARSQLite", "ARPostgres",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Deterministic synthetic AR data in the canonical layout.
        .target(name: "ARGenerate", dependencies: ["ARCore"]),
        // Cairo, behind its own target so the core builds without it (see docs/CHARTS.md).
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // Charts drawn with Cairo to PDF, PNG and SVG from plain, already-formatted values.
        .target(name: "ARCharts", dependencies: ["CCairo"]),
        .executableTarget(
            name: "arreport",
            dependencies: [
                "ARReport", "ARGenerate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ARCoreTests", dependencies: ["ARCore", "ARGenerate"]),
        .testTarget(name: "ARSQLiteTests", dependencies: ["ARSQLite", "ARCore"]),
        // The tests' PostgreSQL server: a schema per test, rows inserted as PostgreSQL converts them.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTestSupport"
        ),
        .testTarget(name: "ARPostgresTests", dependencies: ["ARPostgres", "ARCore", "PostgresTestSupport"]),
        .testTarget(name: "ARAnalysisTests", dependencies: ["ARCore", "ARAnalysis", "ARGenerate"]),
        .testTarget(
            name: "ARReportTests",
            dependencies: ["ARReport", "ARGenerate", "PostgresTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ARProfilesTests", dependencies: ["ARProfiles", "ARCore"]),
        .testTarget(name: "ARGenerateTests", dependencies: ["ARGenerate", "ARCore"]),
        .testTarget(name: "ARChartsTests", dependencies: ["ARCharts", "CCairo"]),
    ]
)
