import EthereumPrimitives
/// The Electra `BeaconBlockBody` (unchanged in Fulu). Only its default value is needed here — it is the body of the
/// genesis `latest_block_header` — so the type is described by the roots of its default fields.
public enum BeaconBlockBody {
    /// `hash_tree_root(BeaconBlockBody())` for `fork` and `preset`: the genesis `latest_block_header.body_root`
    /// (Electra/Fulu: minimal `0xdf89c820…9b14`, mainnet `0xca4f9889…e7d1`).
    ///
    /// Every operation list is empty (its root depends only on its limit), the sync aggregate and the execution
    /// payload are all zeros. The default `ExecutionPayload` has the same root as an `ExecutionPayloadHeader` whose
    /// `transactions_root` and `withdrawals_root` are the roots of the empty lists.
    public static func defaultHashTreeRoot(fork: ConsensusFork, preset: ConsensusPreset) throws(SSZError) -> [UInt8] {
        guard fork.hasBeaconStateSupport else { throw .unsupportedFork(fork) }
        var payload = ExecutionPayloadHeader(preset: preset)
        payload.transactionsRoot = ExecutionPayloadHeader.emptyTransactionsRoot(preset: preset)
        payload.withdrawalsRoot = ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: preset)

        var syncAggregate = SSZContainerHasher(fieldCount: 2)
        syncAggregate.append(root: SSZBitvector(count: preset.syncCommitteeSize).hashTreeRoot())
        syncAggregate.append(byteVector: zeroSignature, count: ConsensusConstants.blsSignatureLength, path: "signature")

        var executionRequests = SSZContainerHasher(fieldCount: 3)
        executionRequests.append(root: emptyListRoot(limit: preset.maxDepositRequestsPerPayload))
        executionRequests.append(root: emptyListRoot(limit: preset.maxWithdrawalRequestsPerPayload))
        executionRequests.append(root: emptyListRoot(limit: preset.maxConsolidationRequestsPerPayload))

        var body = SSZContainerHasher(fieldCount: 13)
        body.append(byteVector: zeroSignature, count: ConsensusConstants.blsSignatureLength, path: "randao_reveal")
        body.append(root: Eth1Data().hashTreeRoot())
        body.append(root: SSZ.zeroHashes[0])  // graffiti
        body.append(root: emptyListRoot(limit: preset.maxProposerSlashings))
        body.append(root: emptyListRoot(limit: preset.maxAttesterSlashingsElectra))
        body.append(root: emptyListRoot(limit: preset.maxAttestationsElectra))
        body.append(root: emptyListRoot(limit: preset.maxDeposits))
        body.append(root: emptyListRoot(limit: preset.maxVoluntaryExits))
        body.append(root: syncAggregate.root())
        body.append(root: payload.hashTreeRoot(preset: preset))
        body.append(root: emptyListRoot(limit: preset.maxBlsToExecutionChanges))
        body.append(root: emptyListRoot(limit: preset.maxBlobCommitmentsPerBlock))
        body.append(root: executionRequests.root())
        return body.root()
    }

    private static let zeroSignature = [UInt8](repeating: 0, count: ConsensusConstants.blsSignatureLength)

    /// Root of an empty list of composite elements (one chunk per element) with this limit.
    private static func emptyListRoot(limit: Int) -> [UInt8] {
        SSZ.hashTreeRoot(listOfRoots: [], limit: limit)
    }
}
