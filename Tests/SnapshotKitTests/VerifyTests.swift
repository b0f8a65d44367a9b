import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `SnapshotVerifier` on the fixture snapshot, fresh and tampered with.
@Suite struct VerifyTests {
    static let checkNames = [
        "files", "el.stateRoot", "el.genesisHash", "cl.genesisState", "cl.genesisValidatorsRoot", "validators.keystores",
        "compose.mounts", "compose.images", "runtime.scripts",
    ]

    /// Builds a fixture snapshot, lets `tamper` change it, verifies it and removes it.
    func verify(_ tamper: (URL) throws -> Void = { _ in }) throws -> VerificationReport {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        try tamper(folder)
        return try SnapshotVerifier(folder: folder).run()
    }

    /// The names of the failed checks.
    func failed(_ report: VerificationReport) -> [String] { report.failures.map(\.name) }

    static func replace(_ old: String, with new: String, in url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(old) is in \(url.lastPathComponent)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    @Test func freshSnapshotPasses() throws {
        let report = try verify()
        #expect(report.ok, "\(report.failures)")
        #expect(report.checks.map(\.name) == Self.checkNames)
        let details = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0.detail) })
        #expect(details["el.stateRoot"]?.contains(SnapshotFixture.stateRoot) == true)
        #expect(details["el.genesisHash"]?.contains(SnapshotFixture.genesisHash) == true)
        #expect(details["cl.genesisValidatorsRoot"]?.contains(SnapshotFixture.genesisValidatorsRoot) == true)
        #expect(details["cl.genesisState"] == "fulu state of the minimal preset with 8 validators")
        #expect(details["validators.keystores"] == "2 keystores, each a genesis validator with its password file; 2 opened with their passwords")
        #expect(details["compose.mounts"] == "4 bind mounts of 4 services name existing paths in the folder")
    }

    /// One changed digit of an alloc balance, with metadata.json rehashed: only the state root can catch it.
    @Test func allocChangeFailsTheStateRoot() throws {
        let report = try verify { folder in
            try Self.replace("\"balance\": \"1000000000000000000000000000\"", with: "\"balance\": \"1000000000000000000000000001\"",
                             in: folder.appendingPathComponent("el/genesis.json"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["el.stateRoot", "el.genesisHash"])
        let detail = try #require(report.failures.first?.detail)
        #expect(detail.contains("metadata.json has source.stateRoot \(SnapshotFixture.stateRoot) and el.stateRoot"))
    }

    @Test func changedByteFailsTheDigests() throws {
        let report = try verify { folder in
            try Self.replace("giant", with: "Giant", in: folder.appendingPathComponent("source/mnemonics.yaml"))
        }
        #expect(failed(report) == ["files"])
        #expect(report.failures.first?.detail == "SHA-256 differs: source/mnemonics.yaml")
    }

    @Test func removedKeystoreFailsTheDigests() throws {
        let report = try verify { folder in
            try FileManager.default.removeItem(
                at: folder.appendingPathComponent("validators/keys/\(SnapshotFixture.keystorePubkeys[1])"))
        }
        #expect(failed(report) == ["files"])
        #expect(report.failures.first?.detail == "missing: validators/keys/\(SnapshotFixture.keystorePubkeys[1])/voting-keystore.json")
    }

    @Test func addedFileFailsTheDigests() throws {
        let report = try verify { folder in
            try Data("x".utf8).write(to: folder.appendingPathComponent("el/extra.json"))
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent("cl/link"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        }
        #expect(failed(report) == ["files"])
        #expect(report.failures.first?.detail == "not in metadata.json: el/extra.json; not regular files: cl/link")
    }

    @Test func renamedComposeMountFailsTheMounts() throws {
        let report = try verify { folder in
            try Self.replace("source: ./el\n", with: "source: ./el-data\n", in: folder.appendingPathComponent("docker-compose.yml"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["compose.mounts"])
        #expect(report.failures.first?.detail == "el: ./el-data does not exist")
    }

    @Test func mountOutsideTheFolderFails() throws {
        let report = try verify { folder in
            try Self.replace("source: ./el\n", with: "source: ../el\n", in: folder.appendingPathComponent("docker-compose.yml"))
            try Self.replace("source: ./cl\n", with: "source: /etc\n", in: folder.appendingPathComponent("docker-compose.yml"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["compose.mounts"])
        #expect(report.failures.first?.detail == "init: /etc is outside the snapshot folder; el: ../el is outside the snapshot folder")
    }

    @Test func unpinnedImageFails() throws {
        let report = try verify { folder in
            try Self.replace("example/stub-cl:v1", with: "example/stub-cl:latest", in: folder.appendingPathComponent("docker-compose.yml"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["compose.images"])
        #expect(report.failures.first?.detail == "not pinned to a version: cl (example/stub-cl:latest)")
    }

    /// A genesis state whose payload header names another EL block, rehashed: the genesis hash check catches it.
    @Test func payloadHeaderHashMismatchFailsTheGenesisHash() throws {
        var changedHash = ""
        let report = try verify { folder in
            let url = folder.appendingPathComponent("cl/genesis.ssz")
            var state = try BeaconState(decoding: [UInt8](try Data(contentsOf: url)), fork: .fulu, preset: .minimal)
            state.latestExecutionPayloadHeader.blockHash[31] ^= 0x01
            changedHash = Hex.encode(state.latestExecutionPayloadHeader.blockHash)
            try Data(state.serialize()).write(to: url)
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["el.genesisHash"])
        #expect(report.failures.first?.detail.contains("latest_execution_payload_header.block_hash is \(changedHash)") == true)
    }

    @Test func wrongMetadataFigures() throws {
        let report = try verify { folder in
            let url = folder.appendingPathComponent("metadata.json")
            try Self.replace(SnapshotFixture.genesisValidatorsRoot, with: SnapshotFixture.stateRoot, in: url)
            try Self.replace("\"validators\": 8", with: "\"validators\": 9", in: url)
            try Self.replace("\"preset\": \"minimal\"", with: "\"preset\": \"mainnet\"", in: url)
        }
        #expect(failed(report) == ["cl.genesisState", "cl.genesisValidatorsRoot"])
        let detail = try #require(report.failures.first?.detail)
        #expect(detail.contains("cl.preset is mainnet") && detail.contains("cl.validators is 9"))
    }

    @Test func configForkVersionMismatchFails() throws {
        let report = try verify { folder in
            try Self.replace("FULU_FORK_VERSION: 0x70000038", with: "FULU_FORK_VERSION: 0x70000039", in: folder.appendingPathComponent("cl/config.yaml"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["cl.genesisState"])
        #expect(report.failures.first?.detail == "the state's fork version is 0x70000038, config.yaml's FULU_FORK_VERSION is 0x70000039")
    }

    /// A config that starts in a fork without a decodable state fails every check that needs the state.
    @Test func unsupportedGenesisForkFailsTheConsensusChecks() throws {
        let report = try verify { folder in
            try Self.replace("GLOAS_FORK_EPOCH: 18446744073709551615", with: "GLOAS_FORK_EPOCH: 0", in: folder.appendingPathComponent("cl/config.yaml"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["el.genesisHash", "cl.genesisState", "cl.genesisValidatorsRoot", "validators.keystores"])
        #expect(report.failures.allSatisfy { $0.detail.contains("cannot read cl/config.yaml: ") && $0.detail.contains("GLOAS") })
    }

    @Test func keystoreOfAnotherKeyFails() throws {
        let report = try verify { folder in
            // The EIP-2335 test vector's key is no validator of this chain.
            let fixtures = RuntimeTestSupport.fixtures
            let vector = try Data(contentsOf: fixtures.appendingPathComponent("keys/keystore-scrypt.json"))
            let pubkey = try #require(try Keystore(jsonData: vector).publicKey).hexString
            let keyFolder = folder.appendingPathComponent("validators/keys/\(pubkey)")
            try FileManager.default.createDirectory(at: keyFolder, withIntermediateDirectories: true)
            try vector.write(to: keyFolder.appendingPathComponent("voting-keystore.json"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["validators.keystores"])
        #expect(report.failures.first?.detail.contains("is not a validator of the genesis state") == true)
    }

    @Test func wrongPasswordFails() throws {
        let pubkey = SnapshotFixture.keystorePubkeys[0]
        let report = try verify { folder in
            try Data("not the password".utf8).write(to: folder.appendingPathComponent("validators/secrets/\(pubkey)"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["validators.keystores"])
        #expect(report.failures.first?.detail.contains("\(pubkey) does not open with its password file") == true)
    }

    @Test func noKeystoresFails() throws {
        let report = try verify { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("validators/keys"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("validators/keys"), withIntermediateDirectories: true)
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["validators.keystores"])
        #expect(report.failures.first?.detail == "validators/keys holds no keystores: the validator client would have nothing to run")
    }

    @Test func unreadableGenesisFailsOnlyWhatNeedsIt() throws {
        let report = try verify { folder in
            try Data("{".utf8).write(to: folder.appendingPathComponent("el/genesis.json"))
            try SnapshotFixture.writeMetadata(in: folder)
        }
        #expect(failed(report) == ["el.stateRoot", "el.genesisHash"])
        #expect(report.failures.allSatisfy { $0.detail.hasPrefix("cannot read el/genesis.json: genesis is not valid JSON") })
    }

    @Test func jsonShape() throws {
        let report = try verify { folder in
            try Self.replace("giant", with: "Giant", in: folder.appendingPathComponent("source/mnemonics.yaml"))
        }
        let json = report.json
        #expect(json["ok"] == .bool(false))
        let checks = try #require(json["checks"]?.objectValue)
        #expect(checks.map(\.key) == Self.checkNames)
        for (name, check) in checks {
            #expect(check.objectValue?.map(\.key) == ["ok", "detail"], "\(name)")
            #expect(check["ok"] == .bool(name != "files"), "\(name)")
            #expect(check["detail"]?.stringValue?.isEmpty == false, "\(name)")
        }
    }

    @Test func unusableInputThrows() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-snapshot-\(UUID().uuidString)")
        #expect(throws: SnapshotVerificationError.notAFolder(path: missing.path)) { try SnapshotVerifier(folder: missing).run() }

        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let metadata = folder.appendingPathComponent("metadata.json")
        try Data("{\"tool\": {}}".utf8).write(to: metadata)
        #expect(throws: SnapshotVerificationError.invalidMetadata(path: metadata.path, reason: "it has no `files` object")) {
            try SnapshotVerifier(folder: folder).run()
        }
        try FileManager.default.removeItem(at: metadata)
        #expect(throws: SnapshotVerificationError.missingMetadata(path: folder.path)) { try SnapshotVerifier(folder: folder).run() }
    }
}
