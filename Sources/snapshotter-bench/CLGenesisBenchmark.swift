import Foundation
import SnapshotKit

/// Time to derive validator keys, build the genesis state, hash it and write devnet keystores, for 64 and 1,024
/// validators on both presets (one kurtosis-style mnemonic entry with 0x01 credentials, Fulu at genesis).
struct CLGenesisBenchmark: BenchmarkSection {
    let name = "clgenesis"
    let summary = "validator key derivation and genesis state build (Fulu), 64 and 1,024 validators"

    private let counts: [UInt64] = [64, 1024]
    private let mnemonic =
        "giant issue aisle success illegal bike spike question tent bar rely arctic volcano long crawl hungry vocal "
        + "artwork sniff fantasy very lucky have athlete"

    func run() throws {
        let execution = ExecutionGenesisBlock(try GenesisFile(bytes: Array(Self.elGenesis.utf8)))
        print("  wall-clock seconds on \(ProcessInfo.processInfo.activeProcessorCount) cores "
            + "(key derivation and keystores run in parallel)")
        var rows: [[String]] = []
        for preset in ["minimal", "mainnet"] {
            let builder = try GenesisStateBuilder(config: try ConsensusConfig(yaml: Self.config(preset: preset)))
            for count in counts {
                let file = MnemonicsFile(entries: [
                    MnemonicSource(
                        mnemonic: mnemonic, count: count,
                        withdrawalAddress: "0x8943545177806ED17B9F23F0a21ee5948eCaa776", withdrawalPrefix: "0x01"),
                ])
                let (validators, derive) = try timed { try file.deriveValidators() }
                let (state, build) = try timed {
                    try builder.build(validators: validators.map(\.validator), execution: execution)
                }
                let (root, hash) = timed { state.hashTreeRoot() }
                let (bytes, serialize) = timed { state.serialize() }
                let (keystores, encrypt) = try timed {
                    try ValidatorKeystore.encrypt(validators, kdf: .devnetPBKDF2)
                }
                blackHole((root, bytes, keystores))
                rows.append([
                    preset, String(count), Self.seconds(derive), Self.seconds(build), Self.seconds(hash),
                    Self.seconds(serialize), Self.seconds(encrypt),
                    Self.seconds(derive + build + hash + serialize + encrypt), Format.bytes(bytes.count),
                ])
            }
        }
        print(Format.table(
            header: [
                "preset", "validators", "derive keys", "build state", "hash root", "serialize", "keystores c=2",
                "total", "genesis.ssz",
            ],
            rows: rows))
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, (clock.now - start).seconds)
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    /// A Fulu-at-genesis config: the keys the genesis needs.
    private static func config(preset: String) -> String {
        """
        PRESET_BASE: '\(preset)'
        MIN_GENESIS_TIME: 1700000000
        GENESIS_DELAY: 0
        GENESIS_FORK_VERSION: 0x10000038
        ALTAIR_FORK_VERSION: 0x20000038
        ALTAIR_FORK_EPOCH: 0
        BELLATRIX_FORK_VERSION: 0x30000038
        BELLATRIX_FORK_EPOCH: 0
        CAPELLA_FORK_VERSION: 0x40000038
        CAPELLA_FORK_EPOCH: 0
        DENEB_FORK_VERSION: 0x50000038
        DENEB_FORK_EPOCH: 0
        ELECTRA_FORK_VERSION: 0x60000038
        ELECTRA_FORK_EPOCH: 0
        FULU_FORK_VERSION: 0x70000038
        FULU_FORK_EPOCH: 0
        """
    }

    /// A post-merge EL genesis with every fork to Osaka at 0 and one funded account.
    private static let elGenesis = """
        {
          "config": {
            "chainId": 3151908, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
            "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
            "berlinBlock": 0, "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
            "shanghaiTime": 0, "cancunTime": 0, "pragueTime": 0, "osakaTime": 0,
            "blobSchedule": {
              "cancun": {"target": 3, "max": 6, "baseFeeUpdateFraction": 3338477},
              "prague": {"target": 6, "max": 9, "baseFeeUpdateFraction": 5007716},
              "osaka": {"target": 6, "max": 9, "baseFeeUpdateFraction": 5007716}
            }
          },
          "timestamp": "0x6553f100", "gasLimit": "0x3938700", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
          "alloc": {"0x8943545177806ed17b9f23f0a21ee5948ecaa776": {"balance": "0xd3c21bcecceda1000000"}}
        }
        """
}
