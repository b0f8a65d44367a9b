import Foundation
import SnapshotKit

/// A fake execution node over a `FakeTracingChain`, on a real loopback JSON-RPC server: what the universal state
/// source needs, and nothing else.
///
/// It serves `web3_clientVersion`, `eth_blockNumber`, `eth_getBlockByNumber`/`ByHash` (with `miner`, `withdrawals`,
/// `stateRoot`), `eth_getCode`, `eth_getProof` (real Merkle proofs from `ProvingTrie`, at most
/// `maxSlotsPerProof` slots a call, as geth) and the tracing calls enabled in `traceMethods`; any other method is
/// answered with -32601, as a node answers a namespace it does not enable.
public final class FakeTracingNode: Sendable {
    /// A way the node's proofs go wrong.
    public enum ProofFault: Sendable, Equatable {
        /// Proofs are made from the state before the block asked for.
        case staleState
        /// One byte of each account proof's last node is flipped.
        case tamperedNode
    }

    /// Answers a client's own method over the chain, or `nil` when it is not one of them.
    public typealias ClientMethods = @Sendable (_ method: String, _ params: [JSONValue], _ chain: FakeTracingChain) throws -> JSONValue?

    public struct Configuration: Sendable {
        public var traceMethods: Set<TraceMethod>
        public var proofFault: ProofFault?
        /// Blocks whose tracing fails as on a node that no longer holds the state before them.
        public var untraceableBlocks: Set<UInt64>
        public var maxSlotsPerProof: Int
        public var clientVersion: String
        /// A client's own methods (e.g. its range reads), asked first; it returns `nil` for a method it does not know.
        public var clientMethods: ClientMethods?

        public init(traceMethods: Set<TraceMethod> = Set(TraceMethod.allCases), proofFault: ProofFault? = nil,
                    untraceableBlocks: Set<UInt64> = [], maxSlotsPerProof: Int = 1024,
                    clientVersion: String = "FakeTracingNode/v1.0.0/linux-amd64/swift6", clientMethods: ClientMethods? = nil) {
            self.traceMethods = traceMethods
            self.proofFault = proofFault
            self.untraceableBlocks = untraceableBlocks
            self.maxSlotsPerProof = maxSlotsPerProof
            self.clientVersion = clientVersion
            self.clientMethods = clientMethods
        }
    }

    public let chain: FakeTracingChain
    public let configuration: Configuration
    public let server: JSONRPCTestServer
    /// `http://127.0.0.1:<port>`.
    public var url: URL { server.url }

    public init(chain: FakeTracingChain, configuration: Configuration = Configuration(),
                limits: JSONRPCTestServer.Limits = .init()) throws {
        self.chain = chain
        self.configuration = configuration
        let tries = TrieCache()
        // Answered on the server's threads: a child process under test (`snapshotter create`) gets its answers even
        // while the test's own threads (Swift's cooperative pool) are blocked waiting for it.
        server = try JSONRPCTestServer.answeringOnItsThreads(limits: limits) { method, params in
            try Self.answer(method, params, chain: chain, configuration: configuration, tries: tries)
        }
    }

    /// The pinned form of block `number` (the last block by default).
    public func pinnedBlock(_ number: UInt64? = nil) -> PinnedBlock {
        chain.blocks[Int(number ?? chain.blocks[chain.blocks.count - 1].number)].pinned
    }

    // MARK: - Answers

    private static func answer(_ method: String, _ params: [JSONValue], chain: FakeTracingChain, configuration: Configuration,
                               tries: TrieCache) throws -> JSONValue {
        if let answer = try configuration.clientMethods?(method, params, chain) { return answer }
        func block(at index: Int) throws -> FakeTracingChain.Block {
            guard index < params.count, let block = Self.block(params[index], in: chain) else {
                throw JSONRPCTestServer.RPCFailure(code: -32000, message: "header not found")
            }
            return block
        }
        func traced(_ block: FakeTracingChain.Block) throws -> FakeTracingChain.Block {
            guard !configuration.untraceableBlocks.contains(block.number) else {
                throw JSONRPCTestServer.RPCFailure(code: -32000, message: "required historical state unavailable (reexec=128)")
            }
            return block
        }
        func address(at index: Int) throws -> Address {
            guard index < params.count, let text = params[index].stringValue, let address = try? Address(hex: text) else {
                throw JSONRPCTestServer.RPCFailure(code: -32602, message: "invalid argument \(index): not an address")
            }
            return address
        }
        switch method {
        case "web3_clientVersion":
            return .string(configuration.clientVersion)
        case "eth_blockNumber":
            return .string(UInt256(chain.blocks[chain.blocks.count - 1].number).hexQuantity)
        case "eth_getBlockByNumber", "eth_getBlockByHash":
            guard let params = params.first, let found = Self.block(params, in: chain) else { return .null }
            return blockJSON(found)
        case "eth_getCode":
            let account = try state(of: block(at: 1))[try address(at: 0)]
            return .string((account?.code ?? []).hexString)
        case "eth_getProof":
            let owner = try address(at: 0)
            guard params.count > 1, let keys = params[1].arrayValue else {
                throw JSONRPCTestServer.RPCFailure(code: -32602, message: "invalid argument 1: expected an array of storage keys")
            }
            guard keys.count <= configuration.maxSlotsPerProof else {
                throw JSONRPCTestServer.RPCFailure(code: -32602, message: "too many storage keys (max \(configuration.maxSlotsPerProof))")
            }
            var target = try block(at: 2)
            if configuration.proofFault == .staleState, target.number > 0 { target = chain.blocks[Int(target.number) - 1] }
            return try proof(of: owner, keys: keys, at: target, tries: tries, tamper: configuration.proofFault == .tamperedNode)
        case TraceMethod.prestateDiff.methodName where configuration.traceMethods.contains(.prestateDiff):
            let config = params.count > 1 ? params[1] : .null
            guard config["tracer"]?.stringValue == "prestateTracer", config["tracerConfig"]?["diffMode"]?.boolValue == true else {
                throw JSONRPCTestServer.RPCFailure(code: -32602, message: "this fake traces only with prestateTracer in diffMode")
            }
            return try traced(block(at: 0)).prestateDiffTrace
        case TraceMethod.stateDiff.methodName where configuration.traceMethods.contains(.stateDiff):
            guard params.count > 1, params[1] == .array([.string("stateDiff")]) else {
                throw JSONRPCTestServer.RPCFailure(code: -32602, message: "this fake replays only with [\"stateDiff\"]")
            }
            return try traced(block(at: 0)).stateDiffTrace
        default:
            throw JSONRPCTestServer.RPCFailure(code: -32601, message: "the method \(method) does not exist/is not available")
        }
    }

    /// The block a parameter names: a hex number, a tag, a hash, or an EIP-1898 `{"blockHash"|"blockNumber": …}`.
    static func block(_ parameter: JSONValue, in chain: FakeTracingChain) -> FakeTracingChain.Block? {
        if let hash = parameter["blockHash"]?.stringValue { return chain.blocks.first { $0.hash.hexString == hash.lowercased() } }
        if let number = parameter["blockNumber"] { return block(number, in: chain) }
        guard let text = parameter.stringValue else { return nil }
        switch text {
        case "latest", "safe", "finalized", "pending": return chain.blocks.last
        case "earliest": return chain.blocks.first
        default:
            if Hex.stripPrefix(text).count == 64 { return chain.blocks.first { $0.hash.hexString == text.lowercased() } }
            guard let number = Quantity.uint64(text: text), number < UInt64(chain.blocks.count) else { return nil }
            return chain.blocks[Int(number)]
        }
    }

    private static func state(of block: FakeTracingChain.Block) throws -> [Address: Account] {
        guard let state = block.state else {
            throw JSONRPCTestServer.RPCFailure(code: -32000, message: "missing trie node (state of block \(block.number) is not available)")
        }
        return state
    }

    private static func blockJSON(_ block: FakeTracingChain.Block) -> JSONValue {
        .object([
            ("number", .string(UInt256(block.number).hexQuantity)),
            ("hash", .string(block.hash.hexString)),
            ("parentHash", .string(block.parentHash.hexString)),
            ("stateRoot", .string(block.stateRoot.hexString)),
            ("miner", .string(block.miner.description)),
            ("timestamp", .string(UInt256(block.timestamp).hexQuantity)),
            ("gasLimit", .string(UInt256(30_000_000).hexQuantity)),
            ("baseFeePerGas", .string("0x7")),
            ("extraData", .string("0x")),
            ("transactions", .array(block.transactionHashes.map { .string($0.hexString) })),
            ("withdrawals", .array(block.withdrawals.map { withdrawal in
                .object([
                    ("index", .string(UInt256(withdrawal.index).hexQuantity)),
                    ("validatorIndex", .string(UInt256(withdrawal.validatorIndex).hexQuantity)),
                    ("address", .string(withdrawal.address.description)),
                    ("amount", .string(UInt256(withdrawal.amount).hexQuantity)),
                ])
            })),
        ])
    }

    /// An EIP-1186 answer as geth writes it (an absent account has a zero code hash and the empty storage root).
    private static func proof(of address: Address, keys: [JSONValue], at block: FakeTracingChain.Block, tries: TrieCache,
                              tamper: Bool) throws -> JSONValue {
        let state = try state(of: block)
        let account = state[address]
        var accountProof = tries.stateTrie(of: block.number, state: state).proof(forKey: Keccak256.hash(address.bytes))
        if tamper, !accountProof.isEmpty { accountProof[accountProof.count - 1][accountProof[accountProof.count - 1].count / 2] ^= 0x01 }
        let storageTrie = tries.storageTrie(of: address, block: block.number, storage: account?.storage ?? [:])
        var storageProof: [JSONValue] = []
        for key in keys {
            guard let text = key.stringValue, let slot = UInt256(hex: text), !Hex.stripPrefix(text).isEmpty else {
                throw JSONRPCTestServer.RPCFailure(code: -32602, message: "invalid storage key \(JSONWriter.string(key))")
            }
            let value = account?.storage[slot.bigEndianBytes] ?? .zero
            storageProof.append(.object([
                ("key", key),
                ("value", .string(value.hexQuantity)),
                ("proof", .array(storageTrie.proof(forKey: Keccak256.hash(slot.bigEndianBytes)).map { .string($0.hexString) })),
            ]))
        }
        return .object([
            ("address", .string(address.description)),
            ("accountProof", .array(accountProof.map { .string($0.hexString) })),
            ("balance", .string((account?.balance ?? .zero).hexQuantity)),
            ("codeHash", .string(account.map { $0.code.isEmpty ? Keccak256.emptyHash : Keccak256.hash($0.code) }?.hexString
                ?? [UInt8](repeating: 0, count: 32).hexString)),
            ("nonce", .string(UInt256(account?.nonce ?? 0).hexQuantity)),
            ("storageHash", .string(storageTrie.root.hexString)),
            ("storageProof", .array(storageProof)),
        ])
    }
}

/// The proving tries of the chain's states, built on first use.
private final class TrieCache: Sendable {
    private struct Key: Hashable {
        let block: UInt64
        let address: Address?
    }

    private let tries = LockedState<[Key: ProvingTrie]>([:])

    func stateTrie(of block: UInt64, state: [Address: Account]) -> ProvingTrie {
        cached(Key(block: block, address: nil)) {
            ProvingTrie(state.values.map { account in
                (key: Keccak256.hash(account.address.bytes),
                 value: StateRoot.accountLeaf(account, storageRoot: StateRoot.storageRoot(account.storage)))
            })
        }
    }

    func storageTrie(of address: Address, block: UInt64, storage: [[UInt8]: UInt256]) -> ProvingTrie {
        cached(Key(block: block, address: address)) {
            ProvingTrie(secure: storage.map { (key: $0.key, value: RLP.encode($0.value)) })
        }
    }

    private func cached(_ key: Key, build: () -> ProvingTrie) -> ProvingTrie {
        if let trie = tries.withLock({ $0[key] }) { return trie }
        let trie = build()
        tries.withLock { $0[key] = trie }
        return trie
    }
}
