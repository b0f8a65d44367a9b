import EthereumPrimitives
/// `Validator`: one entry of the validator registry.
public struct Validator: SSZFixedSizeCodable, Equatable {
    /// `pubkey` (48-byte BLS public key).
    public var pubkey: [UInt8]
    /// `withdrawal_credentials` (32 bytes; first byte is the 0x00/0x01/0x02 prefix).
    public var withdrawalCredentials: [UInt8]
    /// `effective_balance` (Gwei).
    public var effectiveBalance: UInt64
    /// `slashed`.
    public var slashed: Bool
    /// `activation_eligibility_epoch`.
    public var activationEligibilityEpoch: UInt64
    /// `activation_epoch`.
    public var activationEpoch: UInt64
    /// `exit_epoch`.
    public var exitEpoch: UInt64
    /// `withdrawable_epoch`.
    public var withdrawableEpoch: UInt64

    /// A validator from its fields; the epochs default to `FAR_FUTURE_EPOCH` (not scheduled) and `slashed` to false.
    public init(
        pubkey: [UInt8], withdrawalCredentials: [UInt8], effectiveBalance: UInt64, slashed: Bool = false,
        activationEligibilityEpoch: UInt64 = ConsensusConstants.farFutureEpoch,
        activationEpoch: UInt64 = ConsensusConstants.farFutureEpoch,
        exitEpoch: UInt64 = ConsensusConstants.farFutureEpoch,
        withdrawableEpoch: UInt64 = ConsensusConstants.farFutureEpoch
    ) {
        self.pubkey = pubkey
        self.withdrawalCredentials = withdrawalCredentials
        self.effectiveBalance = effectiveBalance
        self.slashed = slashed
        self.activationEligibilityEpoch = activationEligibilityEpoch
        self.activationEpoch = activationEpoch
        self.exitEpoch = exitEpoch
        self.withdrawableEpoch = withdrawableEpoch
    }

    static let sszLayout: [SSZFieldLayout] = [
        .fixed("pubkey", ConsensusConstants.blsPubkeyLength), .fixed("withdrawal_credentials", 32),
        .fixed("effective_balance", 8), .fixed("slashed", 1), .fixed("activation_eligibility_epoch", 8),
        .fixed("activation_epoch", 8), .fixed("exit_epoch", 8), .fixed("withdrawable_epoch", 8),
    ]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "Validator", layout: Self.sszLayout)
        pubkey = fields.next().byteVector()
        withdrawalCredentials = fields.next().byteVector()
        effectiveBalance = fields.next().uint64()
        slashed = try fields.next().bool()
        activationEligibilityEpoch = fields.next().uint64()
        activationEpoch = fields.next().uint64()
        exitEpoch = fields.next().uint64()
        withdrawableEpoch = fields.next().uint64()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(byteVector: pubkey, count: ConsensusConstants.blsPubkeyLength, path: "Validator.pubkey")
        bytes.appendSSZ(byteVector: withdrawalCredentials, count: 32, path: "Validator.withdrawal_credentials")
        bytes.appendSSZ(effectiveBalance)
        bytes.appendSSZ(slashed)
        bytes.appendSSZ(activationEligibilityEpoch)
        bytes.appendSSZ(activationEpoch)
        bytes.appendSSZ(exitEpoch)
        bytes.appendSSZ(withdrawableEpoch)
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 8)
        hasher.append(byteVector: pubkey, count: ConsensusConstants.blsPubkeyLength, path: "Validator.pubkey")
        hasher.append(byteVector: withdrawalCredentials, count: 32, path: "Validator.withdrawal_credentials")
        hasher.append(effectiveBalance)
        hasher.append(slashed)
        hasher.append(activationEligibilityEpoch)
        hasher.append(activationEpoch)
        hasher.append(exitEpoch)
        hasher.append(withdrawableEpoch)
        return hasher.root()
    }

    /// `hash_tree_root(List[Validator, VALIDATOR_REGISTRY_LIMIT])` of a registry; at genesis this is the state's
    /// `genesis_validators_root`.
    public static func registryRoot(_ validators: [Validator], preset: ConsensusPreset) -> [UInt8] {
        validators.listHashTreeRoot(limit: preset.validatorRegistryLimit)
    }
}
