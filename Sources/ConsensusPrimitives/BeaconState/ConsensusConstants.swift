import EthereumPrimitives
/// Consensus-spec constants that no preset changes.
public enum ConsensusConstants {
    /// `FAR_FUTURE_EPOCH`: the epoch of an event that has not been scheduled.
    public static let farFutureEpoch: UInt64 = .max

    /// `DEPOSIT_CONTRACT_TREE_DEPTH`: depth of the deposit contract's Merkle tree.
    public static let depositContractTreeDepth = 32

    /// `JUSTIFICATION_BITS_LENGTH`: bits in `BeaconState.justification_bits`.
    public static let justificationBitsLength = 4

    /// `UNSET_DEPOSIT_REQUESTS_START_INDEX` (Electra): no deposit request processed yet.
    public static let unsetDepositRequestsStartIndex: UInt64 = .max

    /// Bytes of a BLS public key (`BLSPubkey`).
    public static let blsPubkeyLength = 48

    /// Bytes of a BLS signature (`BLSSignature`).
    public static let blsSignatureLength = 96

    /// Bytes of a fork version (`Version`).
    public static let versionLength = 4

    /// Bytes of an execution-layer address (`ExecutionAddress`).
    public static let executionAddressLength = 20
}
