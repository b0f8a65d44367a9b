import Crypto

/// The genesis block header, built exactly as go-ethereum's `Genesis.ToBlock()` builds it, with its RLP and hash.
///
/// The optional fields after `nonce` follow the forks active at genesis. Their RLP follows geth's rule for optional
/// header fields: everything up to the last present field is written, an absent field before it as the empty string.
public struct GenesisHeader: Sendable, Equatable {
    public var parentHash: [UInt8]
    /// keccak256(rlp([])): a genesis block has no ommers.
    public var ommersHash: [UInt8]
    public var coinbase: Address
    public var stateRoot: [UInt8]
    public var transactionsRoot: [UInt8]
    public var receiptsRoot: [UInt8]
    /// 256 bytes.
    public var logsBloom: [UInt8]
    public var difficulty: UInt256
    public var number: UInt64
    public var gasLimit: UInt64
    public var gasUsed: UInt64
    public var timestamp: UInt64
    public var extraData: [UInt8]
    public var mixHash: [UInt8]
    /// Encoded as 8 big-endian bytes.
    public var nonce: UInt64
    /// London (EIP-1559).
    public var baseFeePerGas: UInt256?
    /// Shanghai (EIP-4895).
    public var withdrawalsRoot: [UInt8]?
    /// Cancun (EIP-4844).
    public var blobGasUsed: UInt64?
    /// Cancun (EIP-4844).
    public var excessBlobGas: UInt64?
    /// Cancun (EIP-4788): zero at genesis.
    public var parentBeaconBlockRoot: [UInt8]?
    /// Prague (EIP-7685).
    public var requestsHash: [UInt8]?
    /// Amsterdam (EIP-7928).
    public var blockAccessListHash: [UInt8]?
    /// Amsterdam (EIP-7843).
    public var slotNumber: UInt64?

    /// keccak256(rlp([])), the ommers hash of a block without ommers (and the empty block access list hash).
    public static let emptyListHash = Keccak256.hash([0xc0])
    /// sha256(""), the requests hash of a block without execution-layer requests.
    public static let emptyRequestsHash = Array(SHA256.hash(data: [UInt8]()))
    /// geth's `params.GenesisGasLimit`, used when the genesis `gasLimit` is 0.
    public static let defaultGasLimit: UInt64 = 4_712_388
    /// geth's `params.InitialBaseFee` (1 gwei), used when London is active and no `baseFeePerGas` is given.
    public static let initialBaseFee = UInt256(1_000_000_000)

    /// The header geth's `ToBlock()` builds for these parameters and state root.
    ///
    /// Base fee when London is active at block 0 (given or 1 gwei); the later fields by the forks active at the
    /// genesis number and timestamp: withdrawals root (Shanghai), blob gas fields and a zero parent beacon root
    /// (Cancun; an `excessBlobGas` given before Cancun is kept, as geth does), requests hash (Prague), block access
    /// list hash and slot number (Amsterdam).
    public init(parameters: GenesisParameters, stateRoot: [UInt8]) {
        let config = parameters.config
        parentHash = parameters.parentHash
        ommersHash = Self.emptyListHash
        coinbase = parameters.coinbase
        self.stateRoot = stateRoot
        transactionsRoot = MerklePatriciaTrie.emptyRoot
        receiptsRoot = MerklePatriciaTrie.emptyRoot
        logsBloom = [UInt8](repeating: 0, count: 256)
        difficulty = parameters.difficulty
        number = parameters.number
        gasLimit = parameters.gasLimit == 0 ? Self.defaultGasLimit : parameters.gasLimit
        gasUsed = parameters.gasUsed
        timestamp = parameters.timestamp
        extraData = parameters.extraData
        mixHash = parameters.mixHash
        nonce = parameters.nonce
        if config.isActive(.london, atBlock: 0, timestamp: parameters.timestamp) {
            baseFeePerGas = parameters.baseFeePerGas ?? Self.initialBaseFee
        }
        func isActive(_ fork: ExecutionFork) -> Bool {
            config.isActive(fork, atBlock: parameters.number, timestamp: parameters.timestamp)
        }
        if isActive(.shanghai) {
            withdrawalsRoot = MerklePatriciaTrie.emptyRoot
        }
        if isActive(.cancun) {
            parentBeaconBlockRoot = GenesisParameters.zeroHash
            excessBlobGas = parameters.excessBlobGas ?? 0
            blobGasUsed = parameters.blobGasUsed ?? 0
        } else {
            excessBlobGas = parameters.excessBlobGas
        }
        if isActive(.prague) {
            requestsHash = Self.emptyRequestsHash
        }
        if isActive(.amsterdam) {
            slotNumber = parameters.slotNumber ?? 0
            blockAccessListHash = Self.emptyListHash
        }
    }

    /// The RLP encoding of the header.
    public func rlp() -> [UInt8] {
        var fields: [[UInt8]] = [
            RLP.encode(bytes: parentHash), RLP.encode(bytes: ommersHash), RLP.encode(bytes: coinbase.bytes),
            RLP.encode(bytes: stateRoot), RLP.encode(bytes: transactionsRoot), RLP.encode(bytes: receiptsRoot),
            RLP.encode(bytes: logsBloom), RLP.encode(difficulty), RLP.encode(number), RLP.encode(gasLimit),
            RLP.encode(gasUsed), RLP.encode(timestamp), RLP.encode(bytes: extraData), RLP.encode(bytes: mixHash),
            RLP.encode(bytes: (0..<8).map { UInt8(truncatingIfNeeded: nonce >> (56 - 8 * UInt64($0))) }),
        ]
        let optional: [[UInt8]?] = [
            baseFeePerGas.map { RLP.encode($0) }, withdrawalsRoot.map { RLP.encode(bytes: $0) },
            blobGasUsed.map { RLP.encode($0) }, excessBlobGas.map { RLP.encode($0) },
            parentBeaconBlockRoot.map { RLP.encode(bytes: $0) }, requestsHash.map { RLP.encode(bytes: $0) },
            blockAccessListHash.map { RLP.encode(bytes: $0) }, slotNumber.map { RLP.encode($0) },
        ]
        if let last = optional.lastIndex(where: { $0 != nil }) {
            fields += optional[...last].map { $0 ?? RLP.encode(bytes: []) }
        }
        return RLP.encodeList(fields)
    }

    /// The block hash: keccak256 of the header's RLP.
    public func hash() -> [UInt8] { Keccak256.hash(rlp()) }
}
