extension PinnedBlock {
    /// A block for a state read offline (a dump), which names only its state root: number as given, hash unknown
    /// (zero), and timestamp, gas limit, base fee and extra data from the source chain's genesis.
    public static func offline(stateRoot: [UInt8], number: UInt64, genesis: GenesisParameters) -> PinnedBlock {
        PinnedBlock(
            number: number, hash: GenesisParameters.zeroHash, stateRoot: stateRoot, timestamp: genesis.timestamp,
            gasLimit: genesis.gasLimit, baseFeePerGas: genesis.baseFeePerGas, extraData: genesis.extraData)
    }
}
