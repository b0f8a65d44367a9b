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
        .library(name: "EthereumPrimitives", targets: ["EthereumPrimitives"]),
        .library(name: "ConsensusPrimitives", targets: ["ConsensusPrimitives"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        // Ethereum primitives: hex, UInt256, addresses, Keccak-256, RLP, the Merkle-Patricia trie, ordered JSON.
        .target(name: "EthereumPrimitives"),
        // Consensus primitives: SSZ, BLS12-381, BIP-39/EIP-2333/EIP-2335 keys, the BeaconState and its parts.
        .target(
            name: "ConsensusPrimitives",
            dependencies: [
                "EthereumPrimitives",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SnapshotKit",
            dependencies: [
                "EthereumPrimitives", "ConsensusPrimitives",
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
        // What the command-line tools share and the core does not need: progress rendering for a terminal or a log.
        .target(name: "SnapshotterCLI", dependencies: ["SnapshotKit"]),
        .target(name: "GethPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Geth"),
        .target(name: "BesuPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Besu"),
        .target(name: "NethermindPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Nethermind"),
        .target(name: "LighthousePlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Lighthouse"),
        .target(name: "RethPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Reth"),
        .target(name: "TekuPlugin", dependencies: ["SnapshotKit"], path: "Sources/Plugins/Teku"),
        // The copyable skeleton of a new client plugin (plugin-template/README.md): built and tested here so it always
        // compiles and passes the conformance checks; never registered in the tool.
        .target(name: "TemplatePlugin", dependencies: ["SnapshotKit"], path: "plugin-template/Sources"),
        .executableTarget(
            name: "snapshotter",
            dependencies: [
                "SnapshotKit", "SnapshotterCLI", "GethPlugin", "BesuPlugin", "NethermindPlugin", "LighthousePlugin",
                "RethPlugin", "TekuPlugin", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "snapshotter-bench",
            dependencies: ["SnapshotKit", "SnapshotterCLI", "SnapshotTestSupport", "GethPlugin"]
        ),
        // Mutation fuzzing of the parsers of untrusted bytes, run by scripts/fuzz.sh for a bounded time.
        .executableTarget(name: "snapshotter-fuzz", dependencies: ["SnapshotKit"]),
        // One copy of every fixture file, shared by the test targets (Tests/TestFixtures/Fixtures/README.md).
        .target(name: "TestFixtures", path: "Tests/TestFixtures", resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SnapshotKitTests",
            dependencies: ["SnapshotKit", "EthereumPrimitives", "ConsensusPrimitives", "SnapshotTestSupport", "TestFixtures"]),
        .testTarget(name: "GethTests", dependencies: ["GethPlugin", "SnapshotKit", "SnapshotTestSupport", "TestFixtures"]),
        .testTarget(name: "BesuTests", dependencies: ["BesuPlugin", "SnapshotKit", "SnapshotTestSupport", "TestFixtures"]),
        .testTarget(name: "NethermindTests", dependencies: ["NethermindPlugin", "SnapshotKit", "SnapshotTestSupport", "TestFixtures"]),
        .testTarget(name: "RethTests", dependencies: ["RethPlugin", "SnapshotKit", "SnapshotTestSupport"]),
        .testTarget(
            name: "TemplateTests", dependencies: ["TemplatePlugin", "SnapshotKit", "SnapshotTestSupport", "TestFixtures"],
            path: "plugin-template/Tests"),
        .testTarget(
            name: "LighthouseTests", dependencies: ["LighthousePlugin", "SnapshotKit", "SnapshotTestSupport", "TestFixtures"]),
        .testTarget(name: "TekuTests", dependencies: ["TekuPlugin", "SnapshotKit", "SnapshotTestSupport", "TestFixtures"]),
        // Every command line the emitters write, checked against CLI contracts recorded from each pinned image's source.
        .testTarget(
            name: "RuntimeContractTests",
            dependencies: [
                "SnapshotKit", "SnapshotTestSupport", "GethPlugin", "BesuPlugin", "NethermindPlugin", "RethPlugin",
                "LighthousePlugin", "TekuPlugin", .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SnapshotterCLITests",
            dependencies: ["snapshotter", "SnapshotterCLI", "SnapshotTestSupport", "TestFixtures", "GethPlugin", "LighthousePlugin"]),
    ]
)
