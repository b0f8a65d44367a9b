import SnapshotKit

extension FakeTracingNode {
    /// The execution node of a stack started from a snapshot, as `verify --rpc-url` reads it: block 0 holds `alloc`
    /// (its proofs are real), `eth_chainId` answers `chainID`, and block 0's hash is `genesisHash` (the fake chain's
    /// own header hash is not a real genesis hash, so the snapshot's is served).
    public static func runningSnapshot(alloc: [Account], chainID: UInt64, genesisHash: [UInt8],
                                       proofFault: ProofFault? = nil) throws -> FakeTracingNode {
        try FakeTracingNode(chain: FakeTracingChain(genesis: alloc), configuration: Configuration(
            proofFault: proofFault,
            clientMethods: { method, params, chain in
                switch method {
                case "eth_chainId":
                    return .string(UInt256(chainID).hexQuantity)
                case "eth_getBlockByNumber" where params.first == .string("0x0"):
                    return .object([
                        ("number", .string("0x0")), ("hash", .string(genesisHash.hexString)),
                        ("stateRoot", .string(chain.blocks[0].stateRoot.hexString)),
                    ])
                default:
                    return nil
                }
            }))
    }
}
