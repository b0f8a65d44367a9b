import EthereumPrimitives
/// `PendingPartialWithdrawal` (Electra): a partial withdrawal waiting in the state's queue.
public struct PendingPartialWithdrawal: SSZFixedSizeCodable, Equatable {
    /// `validator_index`.
    public var validatorIndex: UInt64
    /// `amount` (Gwei).
    public var amount: UInt64
    /// `withdrawable_epoch`.
    public var withdrawableEpoch: UInt64

    /// A pending partial withdrawal from its fields.
    public init(validatorIndex: UInt64, amount: UInt64, withdrawableEpoch: UInt64) {
        self.validatorIndex = validatorIndex
        self.amount = amount
        self.withdrawableEpoch = withdrawableEpoch
    }

    static let sszLayout: [SSZFieldLayout] = [
        .fixed("validator_index", 8), .fixed("amount", 8), .fixed("withdrawable_epoch", 8),
    ]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "PendingPartialWithdrawal", layout: Self.sszLayout)
        validatorIndex = fields.next().uint64()
        amount = fields.next().uint64()
        withdrawableEpoch = fields.next().uint64()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(validatorIndex)
        bytes.appendSSZ(amount)
        bytes.appendSSZ(withdrawableEpoch)
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 3)
        hasher.append(validatorIndex)
        hasher.append(amount)
        hasher.append(withdrawableEpoch)
        return hasher.root()
    }
}
