import SnapshotKit

/// A chain of blocks, each with its header and complete world state: the model behind every fake execution node.
///
/// It knows nothing of any client's RPC shapes; fake nodes (`FakeGethNode`, …) answer from it. Blocks are appended
/// with the accounts they change, so older blocks keep their own state for tests that pin a non-head block.
public struct FakeExecutionChain: Sendable {
    /// One block and the world state after it.
    public struct Block: Sendable {
        public let header: FakeBlockHeader
        public let state: FakeWorldState
    }

    /// Every block, genesis first; `blocks[n]` has number `n`.
    public private(set) var blocks: [Block]
    public var chainID: UInt64
    /// The block number a node reports as `finalized`; `nil` when it has none yet.
    public var finalizedNumber: UInt64?
    /// The block number a node reports as `safe`; `nil` when it has none yet.
    public var safeNumber: UInt64?

    /// A chain holding only its genesis block with `accounts` as its state. The default chain id is Kurtosis'.
    public init(genesis accounts: [Account], chainID: UInt64 = 3_151_908, timestamp: UInt64 = 1_700_000_000,
                gasLimit: UInt64 = 36_000_000, baseFeePerGas: UInt256? = UInt256(1_000_000_000), extraData: [UInt8] = []) {
        let state = FakeWorldState(accounts)
        let header = FakeBlockHeader(number: 0, parentHash: [UInt8](repeating: 0, count: 32), stateRoot: state.stateRoot,
                                     timestamp: timestamp, gasLimit: gasLimit, baseFeePerGas: baseFeePerGas,
                                     extraData: extraData, miner: .zero)
        blocks = [Block(header: header, state: state)]
        self.chainID = chainID
        finalizedNumber = 0
        safeNumber = 0
    }

    /// The newest block.
    public var head: Block { blocks[blocks.count - 1] }

    /// Appends a block that sets `changed` accounts (created or replaced whole) and removes `deleted` ones, 12
    /// seconds after its parent unless told otherwise. Returns the new block.
    @discardableResult
    public mutating func appendBlock(changing changed: [Account] = [], deleting deleted: [Address] = [],
                                     secondsAfterParent: UInt64 = 12, extraData: [UInt8] = Array("fake".utf8),
                                     miner: Address = .zero) -> Block {
        let parent = head.header
        let state = head.state.applying(changed: changed, deleted: deleted)
        let header = FakeBlockHeader(number: parent.number + 1, parentHash: parent.hash, stateRoot: state.stateRoot,
                                     timestamp: parent.timestamp + secondsAfterParent, gasLimit: parent.gasLimit,
                                     baseFeePerGas: parent.baseFeePerGas, extraData: extraData, miner: miner)
        let block = Block(header: header, state: state)
        blocks.append(block)
        return block
    }

    /// The block with this number, if the chain has it.
    public func block(number: UInt64) -> Block? {
        number < UInt64(blocks.count) ? blocks[Int(number)] : nil
    }

    /// The block with this hash, if the chain has it.
    public func block(hash: [UInt8]) -> Block? {
        blocks.last { $0.header.hash == hash }
    }

    /// The block a selector names; `nil` when there is none (e.g. `finalized` before finality).
    public func block(_ selector: FakeBlockSelector) -> Block? {
        switch selector {
        case .number(let number): block(number: number)
        case .hash(let hash): block(hash: hash)
        case .latest, .pending: head
        case .earliest: blocks[0]
        case .finalized: finalizedNumber.flatMap { block(number: $0) }
        case .safe: safeNumber.flatMap { block(number: $0) }
        }
    }
}
