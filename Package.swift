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
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "SMMEngine",
            dependencies: [
                "SMMCore", "SMMBundle", "SMMStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "smmkpi",
            dependencies: [
                "SMMCore", "SMMEngine",
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
        .testTarget(name: "SMMStoreTests", dependencies: ["SMMCore", "SMMStore"], swiftSettings: strict),
        .testTarget(
            name: "SMMEngineTests", dependencies: ["SMMCore", "SMMBundle", "SMMStore", "SMMEngine"],
            swiftSettings: strict),
        .testTarget(
            name: "AcceptanceTests", dependencies: ["SMMCore", "SMMEngine", "smmkpi"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
