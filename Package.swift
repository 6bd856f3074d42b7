// swift-tools-version: 6.2
import PackageDescription

/// Settings for our own targets only; dependencies keep their own warnings.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "smmkpi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smmkpi", targets: ["smmkpi"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        .target(name: "SMMCore", swiftSettings: strict),
        .target(
            name: "SMMBundle",
            dependencies: [
                "SMMCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .target(
            name: "SMMStore",
            dependencies: [
                "SMMCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Reports: HTML, Markdown, XLSX, JSON and PDF from report values.
        .target(
            name: "SMMReports",
            dependencies: [
                "SMMCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Connectors: platform APIs to bundle rows (VK, Telegram, Metrica, CRMs, ...).
        .target(
            name: "SMMConnectors",
            dependencies: [
                "SMMCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "SMMEngine",
            dependencies: [
                "SMMCore", "SMMBundle", "SMMStore", "SMMReports", "SMMConnectors",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        // The web application and JSON API (Hummingbird 2, swift-mustache templates).
        .target(
            name: "SMMServer",
            dependencies: [
                "SMMCore", "SMMStore", "SMMEngine", "SMMReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "smmkpi",
            dependencies: [
                "SMMCore", "SMMStore", "SMMEngine", "SMMServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Developer tooling of the sentiment classifier (features for training, evaluation, benchmark).
        .executableTarget(
            name: "sentiment-tool", dependencies: ["SMMCore"], path: "scripts/sentiment/tool",
            swiftSettings: strict),
        // The cheating detector's evaluation: planted bundles, precision and recall, timing.
        .executableTarget(
            name: "detection-bench", dependencies: ["SMMCore", "SMMStore", "SMMEngine"],
            path: "benchmarks/detection/tool", swiftSettings: strict),
        .testTarget(name: "SMMCoreTests", dependencies: ["SMMCore"], swiftSettings: strict),
        .testTarget(name: "SMMBundleTests", dependencies: ["SMMCore", "SMMBundle"], swiftSettings: strict),
        .testTarget(
            name: "SMMStoreTests",
            // PostgresFastPathTests reads cells of every type through PostgresNIO directly.
            dependencies: ["SMMCore", "SMMStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict),
        .testTarget(
            name: "SMMEngineTests",
            dependencies: [
                "SMMCore", "SMMBundle", "SMMStore", "SMMEngine", "SMMConnectors",
                // Loopback servers that play the Telegram Bot API, webhooks and platform APIs.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict),
        .testTarget(name: "SMMReportsTests", dependencies: ["SMMCore", "SMMReports"], swiftSettings: strict),
        .testTarget(
            name: "SMMConnectorsTests",
            dependencies: [
                "SMMCore", "SMMConnectors",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            // Recorded API answers, read by path from these tests and SMMEngineTests' end-to-end syncs.
            exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "SMMServerTests",
            dependencies: [
                "SMMCore", "SMMStore", "SMMEngine", "SMMServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AcceptanceTests", dependencies: ["SMMCore", "SMMEngine", "smmkpi"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
