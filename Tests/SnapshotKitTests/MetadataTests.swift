import Foundation
import SnapshotKit
import Testing

@Suite struct MetadataTests {
    /// FIPS 180-2 appendix B.1 and the empty message.
    @Test func fileDigestsAreSHA256() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("el"), withIntermediateDirectories: true)
        try Data("abc".utf8).write(to: folder.appendingPathComponent("el/genesis.json"))
        try Data().write(to: folder.appendingPathComponent("empty"))
        try Data("skip".utf8).write(to: folder.appendingPathComponent("metadata.json"))
        // Larger than one read chunk: a million times "a" (FIPS 180-2 B.3).
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: folder.appendingPathComponent("million"))
        let digests = try FileDigests.digests(in: folder, excluding: ["metadata.json"])
        #expect(digests.map(\.path) == ["el/genesis.json", "empty", "million"])
        #expect(digests.map(\.sha256) == [
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        ])
    }

    private func sample() -> SnapshotMetadata {
        SnapshotMetadata(
            tool: .init(version: "0.1.0"),
            createdAt: Date(timeIntervalSince1970: 1_795_799_940),
            source: .init(enclave: "my-devnet", rpcURL: "http://127.0.0.1:32771", elClient: "geth",
                          clientVersion: "Geth/v1.16.8-stable/linux-amd64/go1.24.1", chainId: 3_151_908, blockNumber: 1234,
                          blockHash: [UInt8](repeating: 0x11, count: 32), stateRoot: [UInt8](repeating: 0x22, count: 32)),
            state: .init(source: "debug_accountRange", accounts: 9001, contracts: 12, storageSlots: 3456),
            el: .init(genesisHash: [UInt8](repeating: 0x33, count: 32), stateRoot: [UInt8](repeating: 0x22, count: 32),
                      droppedForks: ["amsterdamTime"]),
            files: [("el/genesis.json", "ab"), ("source/config.yaml", "cd")])
    }

    /// Every key of docs/snapshot-format.md, in schema order.
    @Test func writesEveryKeyOfTheSchema() throws {
        let json = sample().json
        #expect(json.objectValue?.map(\.key) == ["tool", "createdAt", "source", "state", "el", "files"])
        #expect(json["tool"]?.objectValue?.map(\.key) == ["name", "version"])
        #expect(json["createdAt"] == .string("2026-11-27T17:19:00Z"))
        #expect(json["source"]?.objectValue?.map(\.key) == ["enclave", "rpcUrl", "elClient", "clientVersion", "chainId", "blockNumber", "blockHash", "stateRoot"])
        #expect(json["source"]?["chainId"] == .number("3151908"))
        #expect(json["source"]?["blockHash"] == .string("0x" + String(repeating: "11", count: 32)))
        #expect(json["state"]?.objectValue?.map(\.key) == ["source", "accounts", "contracts", "storageSlots"])
        #expect(json["el"]?.objectValue?.map(\.key) == ["genesisHash", "stateRoot", "runtimeClient", "droppedForks"])
        #expect(json["el"]?["runtimeClient"] == .null)
        #expect(json["files"] == .object([("el/genesis.json", .string("ab")), ("source/config.yaml", .string("cd"))]))

        var withSections = sample()
        withSections.cl = .init(client: "lighthouse", fork: "fulu", preset: "minimal", validators: 8,
                                genesisValidatorsRoot: [UInt8](repeating: 0x44, count: 32))
        withSections.runtime = .object([])
        #expect(withSections.json.objectValue?.map(\.key) == ["tool", "createdAt", "source", "state", "el", "cl", "runtime", "files"])
        #expect(withSections.json["cl"]?.objectValue?.map(\.key) == ["client", "fork", "preset", "validators", "genesisValidatorsRoot"])
        #expect(withSections.json["cl"]?["validators"] == .number("8"))
    }

    @Test func offlineSourcesWriteNulls() {
        var metadata = sample()
        metadata.source = .init(enclave: nil, rpcURL: nil, elClient: nil, clientVersion: nil, chainId: nil, blockNumber: 0,
                                blockHash: nil, stateRoot: [UInt8](repeating: 0x22, count: 32))
        let source = metadata.json["source"]
        for key in ["enclave", "rpcUrl", "elClient", "clientVersion", "chainId", "blockHash"] { #expect(source?[key] == .null, "\(key)") }
    }

    @Test func readsBackWhatItWrites() throws {
        var metadata = sample()
        metadata.cl = .init(client: "lighthouse", fork: "electra", preset: "mainnet", validators: 64,
                            genesisValidatorsRoot: [UInt8](repeating: 0x55, count: 32))
        metadata.runtime = .object([("el", .object([("client", .string("geth"))]))])
        let read = try SnapshotMetadata(json: JSONParser.parse(metadata.fileBytes))
        #expect(read == metadata)
        #expect(read.createdAt == metadata.createdAt)
        #expect(metadata.fileBytes.last == UInt8(ascii: "\n"))
        #expect(throws: MetadataError.invalid(field: "state.accounts", reason: "missing")) {
            try SnapshotMetadata(json: metadata.json.setting("state", to: .object([("source", .string("x"))])))
        }
    }
}
