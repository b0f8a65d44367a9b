import Foundation
import Yams

/// What a genesis validator is at epoch 0 (`status` in `mnemonics.yaml`).
public enum GenesisValidatorStatus: UInt8, Sendable, Equatable {
    /// Active from epoch 0 when its balance reaches `MAX_EFFECTIVE_BALANCE`, else pending.
    case active = 0
    /// Slashed and exited at epoch 0.
    case slashed = 1
    /// Exited at epoch 0.
    case exited = 2
}

/// One entry of `mnemonics.yaml`: validators with key indices `start ..< start + count` of one mnemonic.
///
/// Text fields keep the raw YAML text, as eth-beacon-genesis reads them into Go strings (`null` reads as empty).
public struct MnemonicSource: Sendable, Equatable {
    /// The BIP-39 phrase.
    public var mnemonic: String
    /// A label (`name`), may be empty.
    public var name: String
    /// The first key index.
    public var start: UInt64
    /// How many validators.
    public var count: UInt64
    /// Balance in Gwei (`balance`); 0 means `MAX_EFFECTIVE_BALANCE`.
    public var balance: UInt64
    /// `wd_address`: the withdrawal address for 0x01/0x02 credentials.
    public var withdrawalAddress: String
    /// `wd_prefix`: the credential prefix (`0x00`, `0x01`, `0x02`); its bytes overwrite the credentials' first bytes.
    public var withdrawalPrefix: String
    /// `wd_key_path`: the withdrawal key path for BLS (0x00) credentials; empty means `m/12381/3600/i/0`.
    public var withdrawalKeyPath: String
    /// `status`.
    public var status: GenesisValidatorStatus

    public init(
        mnemonic: String, name: String = "", start: UInt64 = 0, count: UInt64, balance: UInt64 = 0,
        withdrawalAddress: String = "", withdrawalPrefix: String = "", withdrawalKeyPath: String = "",
        status: GenesisValidatorStatus = .active
    ) {
        self.mnemonic = mnemonic
        self.name = name
        self.start = start
        self.count = count
        self.balance = balance
        self.withdrawalAddress = withdrawalAddress
        self.withdrawalPrefix = withdrawalPrefix
        self.withdrawalKeyPath = withdrawalKeyPath
        self.status = status
    }
}

/// A `mnemonics.yaml` (eth-beacon-genesis `validators/mnemonic.go`): a list of ``MnemonicSource`` whose validators
/// are concatenated in file order.
public struct MnemonicsFile: Sendable, Equatable {
    /// The entries in file order.
    public var entries: [MnemonicSource]

    public init(entries: [MnemonicSource]) {
        self.entries = entries
    }

    /// The number of validators over all entries.
    public var validatorCount: UInt64 { entries.reduce(0) { $0 + $1.count } }

    /// Parses `mnemonics.yaml` text: a YAML list of mappings (an empty document is an empty list; unknown keys are
    /// ignored).
    public init(yaml: String) throws(ConsensusGenesisError) {
        let root: Node?
        do { root = try BoundedYAML.compose(yaml) } catch {
            switch error {
            case .invalid(let reason): throw .invalidMnemonics(reason: "not valid YAML: \(reason)")
            case .tooManyNodes: throw .invalidMnemonics(reason: error.description)
            }
        }
        guard let root else {
            self.init(entries: [])
            return
        }
        guard case .sequence(let items) = root else {
            throw .invalidMnemonics(reason: "expected a list of entries (`- mnemonic: ...`)")
        }
        var entries: [MnemonicSource] = []
        for (index, item) in items.enumerated() {
            entries.append(try Self.entry(item, index: index))
        }
        self.init(entries: entries)
    }

    /// Reads and parses a `mnemonics.yaml` file.
    public init(contentsOf url: URL) throws(ConsensusGenesisError) {
        try self.init(yaml: try TextFile.read(url))
    }

    private static func entry(_ node: Node, index: Int) throws(ConsensusGenesisError) -> MnemonicSource {
        guard case .mapping(let mapping) = node else {
            throw .invalidMnemonics(reason: "entry \(index) is not a mapping")
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.string { fields[name] = value }
        }
        func text(_ key: String) throws(ConsensusGenesisError) -> String {
            guard let value = fields[key] else { return "" }
            guard case .scalar(let scalar) = value else {
                throw .invalidMnemonics(reason: "entry \(index) \(key): expected text")
            }
            return scalar.style == .plain && isNull(scalar.string) ? "" : scalar.string
        }
        func integer(_ key: String, limit: UInt64 = .max) throws(ConsensusGenesisError) -> UInt64 {
            guard let value = fields[key] else { return 0 }
            guard case .scalar(let scalar) = value else {
                throw .invalidMnemonics(reason: "entry \(index) \(key): expected an integer")
            }
            if scalar.style == .plain, isNull(scalar.string) { return 0 }
            guard scalar.style == .plain, let number = GoYAMLInteger(scalar.string), number.unsigned <= limit,
                !scalar.string.hasPrefix("-")
            else {
                throw .invalidMnemonics(
                    reason: "entry \(index) \(key): '\(scalar.string)' is not an integer in 0...\(limit)")
            }
            return number.unsigned
        }
        let statusValue = try integer("status", limit: UInt64(UInt8.max))
        guard let status = GenesisValidatorStatus(rawValue: UInt8(statusValue)) else {
            throw .invalidMnemonics(
                reason: "entry \(index) status: \(statusValue) is not 0 (active), 1 (slashed) or 2 (exited)")
        }
        let source = MnemonicSource(
            mnemonic: try text("mnemonic"), name: try text("name"), start: try integer("start"),
            count: try integer("count"), balance: try integer("balance"), withdrawalAddress: try text("wd_address"),
            withdrawalPrefix: try text("wd_prefix"), withdrawalKeyPath: try text("wd_key_path"), status: status)
        guard source.start <= UInt64(UInt32.max) + 1, source.count <= UInt64(UInt32.max) + 1 - source.start else {
            throw .invalidMnemonics(reason: "entry \(index): key indices must stay below 2^32")
        }
        return source
    }

    private static func isNull(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
