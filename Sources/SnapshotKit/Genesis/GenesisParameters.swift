/// Everything in a geth-style genesis file except the alloc: the chain config and the genesis block's own fields.
///
/// Together with a state root this determines the genesis header (`GenesisHeader`), so a caller that streams the
/// state never needs the alloc in memory.
public struct GenesisParameters: Sendable, Equatable {
    public var config: ChainConfig
    public var nonce: UInt64
    public var timestamp: UInt64
    public var extraData: [UInt8]
    /// 0 means geth's default of 4,712,388 in the header.
    public var gasLimit: UInt64
    public var difficulty: UInt256
    /// 32 bytes.
    public var mixHash: [UInt8]
    public var coinbase: Address
    public var number: UInt64
    public var gasUsed: UInt64
    /// 32 bytes.
    public var parentHash: [UInt8]
    /// `nil` (absent or `null`) means 1 gwei in the header when London is active at block 0.
    public var baseFeePerGas: UInt256?
    public var excessBlobGas: UInt64?
    public var blobGasUsed: UInt64?
    /// EIP-7843's slot number (Amsterdam).
    public var slotNumber: UInt64?

    public init(
        config: ChainConfig, nonce: UInt64 = 0, timestamp: UInt64 = 0, extraData: [UInt8] = [], gasLimit: UInt64,
        difficulty: UInt256, mixHash: [UInt8] = Self.zeroHash, coinbase: Address = .zero, number: UInt64 = 0,
        gasUsed: UInt64 = 0, parentHash: [UInt8] = Self.zeroHash, baseFeePerGas: UInt256? = nil,
        excessBlobGas: UInt64? = nil, blobGasUsed: UInt64? = nil, slotNumber: UInt64? = nil
    ) {
        self.config = config
        self.nonce = nonce
        self.timestamp = timestamp
        self.extraData = extraData
        self.gasLimit = gasLimit
        self.difficulty = difficulty
        self.mixHash = mixHash
        self.coinbase = coinbase
        self.number = number
        self.gasUsed = gasUsed
        self.parentHash = parentHash
        self.baseFeePerGas = baseFeePerGas
        self.excessBlobGas = excessBlobGas
        self.blobGasUsed = blobGasUsed
        self.slotNumber = slotNumber
    }

    /// 32 zero bytes.
    public static let zeroHash = [UInt8](repeating: 0, count: 32)

    /// Reads the members of a genesis object other than `alloc`, as geth's `Genesis.UnmarshalJSON` does: keys in
    /// any letter case (`mixhash`, `mixHash`), numbers as JSON numbers, decimal strings or `0x` hex, `null` as
    /// absent; `gasLimit` and `difficulty` are required. Unknown members (e.g. `stateRoot`) are ignored.
    public init(json: JSONValue) throws(GenesisError) {
        guard json.objectValue != nil else { throw .invalidField(field: "(top level)", reason: "expected a JSON object") }
        let fields = GenesisFields(json: json)
        if let config = fields.value("config") {
            self.config = try ChainConfig(json: config)
        } else {
            self.config = .empty
        }
        nonce = try fields.uint64("nonce") ?? 0
        timestamp = try fields.uint64("timestamp") ?? 0
        extraData = try fields.bytes("extraData") ?? []
        guard let gasLimit = try fields.uint64("gasLimit") else { throw .missingField("gasLimit") }
        self.gasLimit = gasLimit
        guard let difficulty = try fields.uint256("difficulty") else { throw .missingField("difficulty") }
        self.difficulty = difficulty
        mixHash = try fields.hash("mixHash") ?? Self.zeroHash
        coinbase = try fields.address("coinbase") ?? .zero
        number = try fields.uint64("number") ?? 0
        gasUsed = try fields.uint64("gasUsed") ?? 0
        parentHash = try fields.hash("parentHash") ?? Self.zeroHash
        baseFeePerGas = try fields.uint256("baseFeePerGas")
        excessBlobGas = try fields.uint64("excessBlobGas")
        blobGasUsed = try fields.uint64("blobGasUsed")
        slotNumber = try fields.uint64("slotNumber")
    }
}

/// Typed reads of a genesis object's top-level members, with errors that name the member.
private struct GenesisFields {
    let json: JSONValue

    /// The member, or `nil` when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = json[key], !value.isNull else { return nil }
        return value
    }

    func uint64(_ key: String) throws(GenesisError) -> UInt64? {
        guard let value = value(key) else { return nil }
        do { return try Quantity.uint64(value, field: key) } catch { throw .invalidQuantity(error) }
    }

    func uint256(_ key: String) throws(GenesisError) -> UInt256? {
        guard let value = value(key) else { return nil }
        do { return try Quantity.uint256(value, field: key) } catch { throw .invalidQuantity(error) }
    }

    func string(_ key: String) throws(GenesisError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw .invalidField(field: key, reason: "expected a hex string") }
        return text
    }

    func bytes(_ key: String) throws(GenesisError) -> [UInt8]? {
        guard let text = try string(key) else { return nil }
        do { return try Hex.decode(text) } catch { throw .invalidField(field: key, reason: error.description) }
    }

    func hash(_ key: String) throws(GenesisError) -> [UInt8]? {
        guard let bytes = try bytes(key) else { return nil }
        guard bytes.count == 32 else {
            throw .invalidField(field: key, reason: "expected 32 bytes (64 hex digits), found \(bytes.count)")
        }
        return bytes
    }

    func address(_ key: String) throws(GenesisError) -> Address? {
        guard let text = try string(key) else { return nil }
        do { return try Address(hex: text) } catch { throw .invalidField(field: key, reason: error.description) }
    }
}
