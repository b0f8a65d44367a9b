import EthereumPrimitives
/// `PendingDeposit` (Electra): a deposit waiting in the state's queue.
public struct PendingDeposit: SSZFixedSizeCodable, Equatable {
    /// `pubkey` (48 bytes).
    public var pubkey: [UInt8]
    /// `withdrawal_credentials` (32 bytes).
    public var withdrawalCredentials: [UInt8]
    /// `amount` (Gwei).
    public var amount: UInt64
    /// `signature` (96 bytes).
    public var signature: [UInt8]
    /// `slot`.
    public var slot: UInt64

    /// A pending deposit from its fields.
    public init(
        pubkey: [UInt8], withdrawalCredentials: [UInt8], amount: UInt64, signature: [UInt8], slot: UInt64
    ) {
        self.pubkey = pubkey
        self.withdrawalCredentials = withdrawalCredentials
        self.amount = amount
        self.signature = signature
        self.slot = slot
    }

    static let sszLayout: [SSZFieldLayout] = [
        .fixed("pubkey", ConsensusConstants.blsPubkeyLength), .fixed("withdrawal_credentials", 32),
        .fixed("amount", 8), .fixed("signature", ConsensusConstants.blsSignatureLength), .fixed("slot", 8),
    ]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "PendingDeposit", layout: Self.sszLayout)
        pubkey = fields.next().byteVector()
        withdrawalCredentials = fields.next().byteVector()
        amount = fields.next().uint64()
        signature = fields.next().byteVector()
        slot = fields.next().uint64()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(byteVector: pubkey, count: ConsensusConstants.blsPubkeyLength, path: "PendingDeposit.pubkey")
        bytes.appendSSZ(byteVector: withdrawalCredentials, count: 32, path: "PendingDeposit.withdrawal_credentials")
        bytes.appendSSZ(amount)
        bytes.appendSSZ(
            byteVector: signature, count: ConsensusConstants.blsSignatureLength, path: "PendingDeposit.signature")
        bytes.appendSSZ(slot)
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 5)
        hasher.append(byteVector: pubkey, count: ConsensusConstants.blsPubkeyLength, path: "PendingDeposit.pubkey")
        hasher.append(byteVector: withdrawalCredentials, count: 32, path: "PendingDeposit.withdrawal_credentials")
        hasher.append(amount)
        hasher.append(
            byteVector: signature, count: ConsensusConstants.blsSignatureLength, path: "PendingDeposit.signature")
        hasher.append(slot)
        return hasher.root()
    }
}
