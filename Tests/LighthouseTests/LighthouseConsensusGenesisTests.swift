import Foundation
import SnapshotKit
import TestFixtures
import Testing
@testable import LighthousePlugin

/// The Lighthouse consensus genesis provider on cl-genesis case (a) (Fixtures/cl-genesis, see its README).
@Suite struct LighthouseConsensusGenesisTests {
    private static let caseA = "cl-genesis/a-minimal-fulu-8val-0x01"
    private static let allForks = [
        "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin",
        "london", "mergeNetsplit", "shanghai", "cancun", "prague", "osaka",
    ]

    private static func fixture(_ file: String, in folder: String = caseA) throws -> Data {
        try TestFixtures.data("\(folder)/\(file)")
    }

    private static func lines(_ file: String) throws -> [String] {
        String(decoding: try fixture(file), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private static func input(
        validators: ValidatorSelection = .init(), forks: [String] = allForks,
        kdf: KeystoreKDFParameters = .devnetPBKDF2
    ) throws -> ConsensusGenesisInput {
        let text = { (file: String) in String(decoding: try fixture(file), as: UTF8.self) }
        return ConsensusGenesisInput(
            sourceConfig: try ConsensusConfig(yaml: try text("config.yaml")),
            sourceMnemonics: try MnemonicsFile(yaml: try text("mnemonics.yaml")), validators: validators,
            execution: ExecutionGenesisBlock(try GenesisFile(bytes: [UInt8](try fixture("genesis.json")))),
            activeExecutionForks: forks, genesisTime: 1_700_000_020, keystoreKDF: kdf)
    }

    private static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lighthouse-genesis-\(UUID().uuidString)")
    }

    @Test func declaresAndProvidesTheConsensusGenesisRole() throws {
        let registry = try PluginRegistry([LighthousePlugin()])
        let plugin = try registry.plugin(id: "lighthouse", layer: .consensus)
        #expect(plugin.roles.contains(.consensusGenesis))
        #expect(plugin is any ConsensusGenesisProvider)
    }

    @Test func writesTheTestnetDirectoryAndKeystores() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LighthousePlugin().writeConsensusGenesis(try Self.input(), into: folder)

        let pubkeys = try Self.lines("pubkeys.txt")
        let expectedFiles = ["cl/config.yaml", "cl/deploy_block.txt", "cl/deposit_contract_block.txt", "cl/genesis.ssz"]
            + pubkeys.flatMap { ["validators/keys/\($0)/voting-keystore.json", "validators/secrets/\($0)"] }
        #expect(result.files == expectedFiles.sorted())
        for file in result.files {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }

        // Same forks, genesis time and validators as the reference: the reference state, byte for byte.
        let state = try Data(contentsOf: folder.appendingPathComponent("cl/genesis.ssz"))
        #expect(state == (try Self.fixture("genesis.ssz")))
        #expect(Hex.encode(result.stateRoot) == (try Self.lines("state_root.txt"))[0])
        #expect(result.fork == .fulu && result.preset == "minimal" && result.validators == 8)
        #expect(result.genesisTime == 1_700_000_020)
        #expect(result.secondsPerSlot == 6, "the slot time the runtime passes to clients that time blocks by it")

        let blockFile = { (name: String) in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        #expect(try blockFile("cl/deposit_contract_block.txt") == "0")
        #expect(try blockFile("cl/deploy_block.txt") == "0")
        let config = try ConsensusConfig(contentsOf: folder.appendingPathComponent("cl/config.yaml"))
        #expect(config.uint64("MIN_GENESIS_TIME") == 1_700_000_020)
        #expect(config.uint64("GENESIS_DELAY") == 0)
        #expect(config.uint64("FULU_FORK_EPOCH") == 0)
        #expect(config.uint64("SECONDS_PER_SLOT") == 6 && config.uint64("SLOT_DURATION_MS") == 6000)
    }

    /// Keystores and their passwords are the owner's only (0600), whatever the umask.
    @Test func keystoresAndPasswordsArePrivate() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LighthousePlugin().writeConsensusGenesis(try Self.input(), into: folder)
        let validatorFiles = result.files.filter { $0.hasPrefix("validators/") }
        #expect(validatorFiles.count == 16)
        for file in validatorFiles {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
            let mode = try #require(attributes[.posixPermissions] as? Int) & 0o777
            #expect(mode == 0o600, "\(file): \(String(mode, radix: 8))")
        }
    }

    @Test func keystoresDecryptToTheValidatorKeys() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try LighthousePlugin().writeConsensusGenesis(try Self.input(), into: folder)
        let keys = folder.appendingPathComponent("validators/keys")
        let names = try FileManager.default.contentsOfDirectory(atPath: keys.path).sorted()
        #expect(names == (try Self.lines("pubkeys.txt")).sorted())

        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Self.fixture("MANIFEST.json", in: "cl-genesis/keystores"))
                as? [[String: Any]])
        let referenceSecrets = Dictionary(
            manifest.compactMap { entry in (entry["pubkey"] as? String).map { ($0, entry["secret_key"] as? String) } },
            uniquingKeysWith: { first, _ in first })

        for name in names {
            let json = try Data(contentsOf: keys.appendingPathComponent("\(name)/voting-keystore.json"))
            let password = try String(
                contentsOf: folder.appendingPathComponent("validators/secrets/\(name)"), encoding: .utf8)
            #expect(!password.hasSuffix("\n"))
            let keystore = try Keystore(jsonData: json)
            let secret = try keystore.decrypt(password: password)
            #expect(secret.publicKey.hexString == name)
            #expect(keystore.kdf.isDevnetPBKDF2)
            #expect(keystore.path?.hasPrefix("m/12381/3600/") == true && keystore.path?.hasSuffix("/0/0") == true)
            if let expected = referenceSecrets[name] {
                #expect(Hex.encode(secret.bytes) == expected)
            }
        }
        #expect(names.contains { referenceSecrets[$0] != nil })
    }

    @Test(arguments: [KeystoreKDFParameters.standardScrypt, .standardPBKDF2])
    func keystoreKDFIsSelectable(kdf: KeystoreKDFParameters) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LighthousePlugin().writeConsensusGenesis(
            try Self.input(validators: ValidatorSelection(count: 1), kdf: kdf), into: folder)
        #expect(result.validators == 1)
        let name = try Self.lines("pubkeys.txt")[0]
        let keystore = try Keystore(
            jsonData: Data(contentsOf: folder.appendingPathComponent("validators/keys/\(name)/voting-keystore.json")))
        switch (kdf, keystore.kdf) {
        case (.scrypt(let n, let r, let p), .scrypt(let n2, let r2, let p2, _)): #expect(n == n2 && r == r2 && p == p2)
        case (.pbkdf2(let c), .pbkdf2(let c2, _)): #expect(c == c2)
        default: Issue.record("keystore KDF \(keystore.kdf) is not the requested \(kdf)")
        }
        let password = try String(contentsOf: folder.appendingPathComponent("validators/secrets/\(name)"), encoding: .utf8)
        #expect(try keystore.decrypt(password: password).publicKey.hexString == name)
    }

    @Test func electraSnapshotWhenOsakaWasNotActive() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LighthousePlugin().writeConsensusGenesis(
            try Self.input(forks: Self.allForks.filter { $0 != "osaka" }), into: folder)
        #expect(result.fork == .electra)
        let config = try ConsensusConfig(contentsOf: folder.appendingPathComponent("cl/config.yaml"))
        #expect(config.uint64("ELECTRA_FORK_EPOCH") == 0)
        #expect(config.uint64("FULU_FORK_EPOCH") == ConsensusConstants.farFutureEpoch)
        #expect(config["BLOB_SCHEDULE"] == .sequence([]))
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("cl/genesis.ssz")))
        let state = try BeaconState(decoding: bytes, fork: .electra, preset: .minimal)
        #expect(state.hashTreeRoot() == result.stateRoot)
        #expect(state.fork.currentVersion == [0x60, 0, 0, 0x38])
    }

    @Test func badInputIsReportedBeforeAnyFileIsWritten() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var input = try Self.input()
        input.validators = ValidatorSelection(
            mnemonic: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon")
        #expect(throws: ConsensusGenesisError.self) { try LighthousePlugin().writeConsensusGenesis(input, into: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}

extension KeystoreKDF {
    /// pbkdf2 with c = 2, the devnet preset.
    fileprivate var isDevnetPBKDF2: Bool {
        if case .pbkdf2(let iterations, _) = self { return iterations == 2 }
        return false
    }
}
