/// The one block every read of a snapshot is pinned to, as its header reported it.
public struct PinnedBlock: Sendable, Equatable {
    public var number: UInt64
    /// 32-byte block hash: reads name the block by hash where the method allows, so the state cannot move.
    public var hash: [UInt8]
    /// 32-byte state root the extracted state must reproduce.
    public var stateRoot: [UInt8]
    public var timestamp: UInt64
    public var gasLimit: UInt64
    /// `nil` before London.
    public var baseFeePerGas: UInt256?
    public var extraData: [UInt8]

    public init(number: UInt64, hash: [UInt8], stateRoot: [UInt8], timestamp: UInt64, gasLimit: UInt64, baseFeePerGas: UInt256?, extraData: [UInt8]) {
        self.number = number
        self.hash = hash
        self.stateRoot = stateRoot
        self.timestamp = timestamp
        self.gasLimit = gasLimit
        self.baseFeePerGas = baseFeePerGas
        self.extraData = extraData
    }
}
