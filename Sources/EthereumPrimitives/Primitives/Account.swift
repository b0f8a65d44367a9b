/// One account of the world state, in the normalised form every source produces and every writer consumes.
public struct Account: Sendable, Equatable {
    public var address: Address
    public var nonce: UInt64
    public var balance: UInt256
    /// Runtime bytecode; empty for an externally owned account.
    public var code: [UInt8]
    /// Storage slot (32 bytes) → value. Zero values are never stored.
    public var storage: [[UInt8]: UInt256]

    public init(address: Address, nonce: UInt64 = 0, balance: UInt256 = .zero, code: [UInt8] = [], storage: [[UInt8]: UInt256] = [:]) {
        self.address = address
        self.nonce = nonce
        self.balance = balance
        self.code = code
        self.storage = storage.filter { !$0.value.isZero }
    }
}
