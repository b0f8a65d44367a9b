import Foundation
import SnapshotKit

/// A complete snapshot folder built from the cl-genesis case (a) fixtures (minimal preset, Fulu, 8 validators), the
/// two pbkdf2 keystores of its validators 0 and 1, a runtime emitted by the given registry's plugins, and a
/// `metadata.json` whose expected values are the fixtures' own (third-party) figures, not recomputed here.
public enum SnapshotFixture {
    /// The EL state root of case (a) (its summary's `latest_execution_payload_header.state_root`).
    public static let stateRoot = "0x04bf774e927ab7f2327babacbf8cce5ecef82ccbcd9e485196e4e6ffe878627c"
    /// The EL genesis hash of case (a) (`el_genesis_hash.txt`).
    public static let genesisHash = "0x2757ccc59f4fe5e6da774deaf8f992cdf58266cac37ad6478d47c112f546ef69"
    /// `genesis_validators_root.txt` of case (a).
    public static let genesisValidatorsRoot = "0x62ecffc2ce15abf29c7652e4243290d047429d547cab12767c5eca68fa847055"
    /// The genesis time case (a)'s `genesis.ssz` holds.
    public static let genesisTime: UInt64 = 1_700_000_020
    /// The public keys of the two keystores (validators 0 and 1).
    public static let keystorePubkeys = [
        "0xaaf6c1251e73fb600624937760fef218aace5b253bf068ed45398aeb29d821e4d2899343ddcbbe37cb3f6cf500dff26c",
        "0x8aa5bbee21e98c7b9e7a4c8ea45aa99f89e22992fa4fc2d73869d77da4cc8a05b25b61931ff521986677dd7f7159e8e6",
    ]

    /// The layout of the keystore fixtures (`keys/0x<pubkey>/voting-keystore.json`, `secrets/0x<pubkey>`), which
    /// ``build(fixtures:registry:executionClient:consensusClient:options:layout:)`` uses unless told otherwise.
    public static let fixtureLayout = ConsensusLayout(
        keystore: "validators/keys/\(ConsensusLayout.pubkeyPlaceholder)/voting-keystore.json",
        password: "validators/secrets/\(ConsensusLayout.pubkeyPlaceholder)")

    /// The runtime facts of case (a), run by the given clients.
    public static func runtimeSnapshot(executionClient: String, consensusClient: String) -> RuntimeSnapshot {
        RuntimeSnapshot(
            chainId: 3_151_908, executionClient: executionClient, consensusClient: consensusClient, preset: "minimal",
            fork: .fulu, validatorCount: 8, gasLimit: 60_000_000,
            source: RuntimeSnapshotSource(
                enclave: "fixture", rpcURL: "http://127.0.0.1:8545", clientVersion: "Geth/v1.17.5-stable/linux-amd64/go1.26",
                blockNumber: 0, blockHash: genesisHash, stateRoot: stateRoot, genesisHash: genesisHash, accounts: 9,
                createdAt: "2026-11-27T17:19:00Z"))
    }

    /// Builds the snapshot in a new folder under the temporary directory and returns it; `fixtures` is the
    /// shared fixtures folder (Tests/TestFixtures/Fixtures); the keys are laid out as `layout` says (the consensus
    /// client's).
    public static func build(
        fixtures: URL, registry: PluginRegistry, executionClient: String = "stub-el", consensusClient: String = "stub-cl",
        options: RuntimeOptions = RuntimeOptions(), layout: ConsensusLayout = fixtureLayout
    ) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-fixture-\(UUID().uuidString)")
        let caseA = fixtures.appendingPathComponent("cl-genesis/a-minimal-fulu-8val-0x01")
        let keystores = fixtures.appendingPathComponent("cl-genesis/keystores/pbkdf2-c2")
        try copy(caseA.appendingPathComponent("genesis.json"), to: folder.appendingPathComponent("el/genesis.json"))
        try copy(caseA.appendingPathComponent("config.yaml"), to: folder.appendingPathComponent("cl/config.yaml"))
        try copy(caseA.appendingPathComponent("genesis.ssz"), to: folder.appendingPathComponent("cl/genesis.ssz"))
        try Data("0".utf8).write(to: folder.appendingPathComponent("cl/deposit_contract_block.txt"))
        try Data("0".utf8).write(to: folder.appendingPathComponent("cl/deploy_block.txt"))
        try copy(caseA.appendingPathComponent("config.yaml"), to: folder.appendingPathComponent("source/config.yaml"))
        try copy(caseA.appendingPathComponent("mnemonics.yaml"), to: folder.appendingPathComponent("source/mnemonics.yaml"))
        for pubkey in keystorePubkeys {
            try copy(keystores.appendingPathComponent("keys/\(pubkey)/voting-keystore.json"),
                     to: folder.appendingPathComponent(layout.keystorePath(pubkeyHex: pubkey)))
            try copy(keystores.appendingPathComponent("secrets/\(pubkey)"), to: folder.appendingPathComponent(layout.passwordPath(pubkeyHex: pubkey)))
        }
        let snapshot = runtimeSnapshot(executionClient: executionClient, consensusClient: consensusClient)
        let emission = try RuntimeWriter(registry: registry).write(snapshot, options: options, into: folder)
        try writeMetadata(in: folder, images: emission.images, layout: layout)
        return folder
    }

    /// Writes `metadata.json` (docs/snapshot-format.md) with case (a)'s figures and the digests of the folder's files.
    public static func writeMetadata(in folder: URL, images: [RuntimeRole: String] = [:], layout: ConsensusLayout = fixtureLayout) throws {
        let files = try SnapshotFileDigests.compute(in: folder)
        let metadata = JSONValue.object([
            ("tool", .object([("name", .string("snapshotter")), ("version", .string("0.1.0"))])),
            ("createdAt", .string("2026-11-27T17:19:00Z")),
            ("source", .object([
                ("enclave", .string("fixture")), ("rpcUrl", .string("http://127.0.0.1:8545")), ("elClient", .string("geth")),
                ("clientVersion", .string("Geth/v1.17.5-stable/linux-amd64/go1.26")), ("chainId", .integer(3_151_908)),
                ("blockNumber", .integer(0)), ("blockHash", .string(genesisHash)), ("stateRoot", .string(stateRoot)),
            ])),
            ("state", .object([("source", .string("fixture")), ("accounts", .integer(9))])),
            ("el", .object([
                ("genesisHash", .string(genesisHash)), ("stateRoot", .string(stateRoot)), ("runtimeClient", .string("geth")),
                ("droppedForks", .array([])),
            ])),
            ("cl", .object([
                ("client", .string("lighthouse")), ("fork", .string("fulu")), ("preset", .string("minimal")),
                ("validators", .integer(8)), ("genesisValidatorsRoot", .string(genesisValidatorsRoot)),
                ("layout", layout.metadata),
            ])),
            ("runtime", .object([
                ("el", .object([("image", .string(images[.execution] ?? ""))])),
                ("cl", .object([("image", .string(images[.beacon] ?? ""))])),
            ])),
            ("files", .object(files.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
        try Data(JSONWriter.string(metadata, indent: 2).utf8).write(to: folder.appendingPathComponent(SnapshotFileDigests.metadataFile))
    }

    private static func copy(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: destination.path)
    }
}
