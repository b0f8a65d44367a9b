// swift-tools-version:6.0
import PackageDescription

/// snapshotter: freeze a Kurtosis devnet's state into a standalone docker-compose stack.
///
/// `SnapshotKit` is the client-agnostic core; each client lives in its own plugin target that depends on the core
/// only. The `snapshotter` executable is the composition root that lists the plugins.
let package = Package(
    name: "snapshotter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "snapshotter", targets: ["snapshotter"]),
        .library(name: "SnapshotKit", targets: ["SnapshotKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .target(
            name: "SnapshotKit",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SnapshotTestSupport",
            dependencies: [
                "SnapshotKit", .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "GethPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Geth"),
        .target(name: "BesuPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Besu"),
        .target(name: "NethermindPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Nethermind"),
        .target(name: "LighthousePlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Lighthouse"),
        .target(name: "RethPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Reth"),
        // The copyable skeleton of a new client plugin (plugin-template/README.md): built and tested here so it always
        // compiles and passes the conformance checks; never registered in the tool.
        .target(name: "TemplatePlugin", dependencies: ["SnapshotKit"], path: "plugin-template/Sources"),
        .executableTarget(
            name: "snapshotter",
            dependencies: [
                "SnapshotKit", "GethPlugin", "BesuPlugin", "NethermindPlugin", "LighthousePlugin", "RethPlugin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "snapshotter-bench",
            dependencies: ["SnapshotKit", "SnapshotTestSupport", "GethPlugin"]
        ),
        .testTarget(name: "SnapshotKitTests", dependencies: ["SnapshotKit", "SnapshotTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GethTests", dependencies: ["GethPlugin", "SnapshotKit", "SnapshotTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BesuTests", dependencies: ["BesuPlugin", "SnapshotKit", "SnapshotTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NethermindTests", dependencies: ["NethermindPlugin", "SnapshotKit", "SnapshotTestSupport"]),
        .testTarget(name: "RethTests", dependencies: ["RethPlugin", "SnapshotKit", "SnapshotTestSupport"]),
        .testTarget(
            name: "TemplateTests", dependencies: ["TemplatePlugin", "SnapshotKit", "SnapshotTestSupport"], path: "plugin-template/Tests"),
        .testTarget(
            name: "LighthouseTests", dependencies: ["LighthousePlugin", "SnapshotKit"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SnapshotterCLITests", dependencies: ["snapshotter", "SnapshotTestSupport"], resources: [.copy("Fixtures")]),
    ]
)
