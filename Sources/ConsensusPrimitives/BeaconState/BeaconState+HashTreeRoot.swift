import EthereumPrimitives
/// `hash_tree_root` of ``BeaconState``.
extension BeaconState {
    /// `hash_tree_root(state)`: the state root (`state_root.txt` of a genesis).
    public func hashTreeRoot() -> [UInt8] {
        checkLengths()
        let registryLimit = preset.validatorRegistryLimit
        var hasher = SSZContainerHasher(fieldCount: hasProposerLookahead ? 38 : 37)
        hasher.append(genesisTime)
        hasher.append(
            byteVector: genesisValidatorsRoot, count: SSZ.bytesPerChunk, path: "BeaconState.genesis_validators_root")
        hasher.append(slot)
        hasher.append(root: fork.hashTreeRoot())
        hasher.append(root: latestBlockHeader.hashTreeRoot())
        hasher.append(root: SSZ.hashTreeRoot(vectorOfRoots: blockRoots))
        hasher.append(root: SSZ.hashTreeRoot(vectorOfRoots: stateRoots))
        hasher.append(root: SSZ.hashTreeRoot(listOfRoots: historicalRoots, limit: preset.historicalRootsLimit))
        hasher.append(root: eth1Data.hashTreeRoot())
        hasher.append(root: eth1DataVotes.listHashTreeRoot(limit: preset.eth1DataVotesLimit))
        hasher.append(eth1DepositIndex)
        hasher.append(root: Validator.registryRoot(validators, preset: preset))
        hasher.append(root: SSZ.hashTreeRoot(uint64List: balances, limit: registryLimit))
        hasher.append(root: SSZ.hashTreeRoot(vectorOfRoots: randaoMixes))
        hasher.append(root: SSZ.hashTreeRoot(uint64Vector: slashings))
        hasher.append(root: SSZ.hashTreeRoot(byteList: previousEpochParticipation, limit: registryLimit))
        hasher.append(root: SSZ.hashTreeRoot(byteList: currentEpochParticipation, limit: registryLimit))
        hasher.append(root: justificationBits.hashTreeRoot())
        hasher.append(root: previousJustifiedCheckpoint.hashTreeRoot())
        hasher.append(root: currentJustifiedCheckpoint.hashTreeRoot())
        hasher.append(root: finalizedCheckpoint.hashTreeRoot())
        hasher.append(root: SSZ.hashTreeRoot(uint64List: inactivityScores, limit: registryLimit))
        hasher.append(root: currentSyncCommittee.hashTreeRoot(preset: preset))
        hasher.append(root: nextSyncCommittee.hashTreeRoot(preset: preset))
        hasher.append(root: latestExecutionPayloadHeader.hashTreeRoot(preset: preset))
        hasher.append(nextWithdrawalIndex)
        hasher.append(nextWithdrawalValidatorIndex)
        hasher.append(root: historicalSummaries.listHashTreeRoot(limit: preset.historicalRootsLimit))
        hasher.append(depositRequestsStartIndex)
        hasher.append(depositBalanceToConsume)
        hasher.append(exitBalanceToConsume)
        hasher.append(earliestExitEpoch)
        hasher.append(consolidationBalanceToConsume)
        hasher.append(earliestConsolidationEpoch)
        hasher.append(root: pendingDeposits.listHashTreeRoot(limit: preset.pendingDepositsLimit))
        hasher.append(root: pendingPartialWithdrawals.listHashTreeRoot(limit: preset.pendingPartialWithdrawalsLimit))
        hasher.append(root: pendingConsolidations.listHashTreeRoot(limit: preset.pendingConsolidationsLimit))
        if hasProposerLookahead { hasher.append(root: SSZ.hashTreeRoot(uint64Vector: proposerLookahead)) }
        return hasher.root()
    }
}
