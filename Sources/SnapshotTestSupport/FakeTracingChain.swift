import SnapshotKit

/// A scripted chain for fake tracing nodes: a genesis state and blocks whose transactions edit it, with the traces a
/// tracing node would show for them in both formats.
///
/// Some changes are made outside any transaction, as on a real chain, and no trace shows them: the fee recipient's
/// credit, withdrawals, and the system calls of EIP-4788, EIP-2935 (before the transactions) and EIP-7002/EIP-7251
/// (after them), made when those contracts have code. A transaction may also carry `untraced` edits, which change the
/// state but are left out of its traces, to model a tracer that misses a write.
public struct FakeTracingChain: Sendable {
    /// One change to the state.
    public enum Edit: Sendable, Equatable {
        case credit(Address, UInt256)
        case debit(Address, UInt256)
        case bumpNonce(Address)
        /// Sets the code of an account (created if absent).
        case deploy(Address, code: [UInt8])
        /// Sets a storage slot (zero clears it).
        case store(Address, slot: UInt256, value: UInt256)
        /// Moves the balance to `beneficiary` and deletes the account.
        case destroy(Address, beneficiary: Address)
    }

    /// A transaction: edits its traces show and edits they leave out.
    public struct Transaction: Sendable {
        public var edits: [Edit]
        public var untraced: [Edit]

        public init(_ edits: [Edit], untraced: [Edit] = []) {
            self.edits = edits
            self.untraced = untraced
        }
    }

    /// An EIP-4895 withdrawal; `amount` in gwei.
    public struct Withdrawal: Sendable, Equatable {
        public var index: UInt64
        public var validatorIndex: UInt64
        public var address: Address
        public var amount: UInt64

        public init(index: UInt64, validatorIndex: UInt64, address: Address, amount: UInt64) {
            self.index = index
            self.validatorIndex = validatorIndex
            self.address = address
            self.amount = amount
        }
    }

    /// A block as the node shows it.
    public struct Block: Sendable {
        public let number: UInt64
        public let hash: [UInt8]
        public let parentHash: [UInt8]
        /// The state root after the block; all zero when the chain keeps no state for it.
        public let stateRoot: [UInt8]
        public let timestamp: UInt64
        public let miner: Address
        public let withdrawals: [Withdrawal]
        public let transactionHashes: [[UInt8]]
        /// Each transaction's edits, traced and untraced, in the order they were applied (for nodes that replay a
        /// block's transactions on its parent's state).
        public let transactionEdits: [[Edit]]
        /// The state after the block, when kept.
        public let state: [Address: Account]?
        /// `debug_traceBlockByNumber` prestateTracer diffMode answer.
        public let prestateDiffTrace: JSONValue
        /// `trace_replayBlockTransactions` stateDiff answer.
        public let stateDiffTrace: JSONValue

        /// The header fields a pinned block has.
        public var pinned: PinnedBlock {
            PinnedBlock(number: number, hash: hash, stateRoot: stateRoot, timestamp: timestamp, gasLimit: 30_000_000,
                        baseFeePerGas: UInt256(7), extraData: [])
        }
    }

    /// The system contracts' addresses, as the EIPs fix them.
    public enum SystemAddress {
        public static let beaconRoots = try! Address(hex: "0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02")
        public static let historyStorage = try! Address(hex: "0x0000F90827F1C53a10cb7A02335B175320002935")
        public static let withdrawalRequests = try! Address(hex: "0x00000961Ef480Eb55e80D19ad83579A64c007002")
        public static let consolidationRequests = try! Address(hex: "0x0000BBdDc7CE488642fb579F8B00f3a590007251")
    }

    public let genesis: [Account]
    public private(set) var blocks: [Block]
    /// The state after the last block.
    public private(set) var head: [Address: Account]
    private let keepsEveryState: Bool

    /// A chain at its genesis block, at `timestamp`. Without `keepsEveryState`, only the genesis and the last
    /// block keep their state and state root (enough for long benchmark chains).
    public init(genesis: [Account], timestamp: UInt64 = 1_700_000_000, keepsEveryState: Bool = true) {
        self.genesis = genesis
        self.keepsEveryState = keepsEveryState
        var state: [Address: Account] = [:]
        for account in genesis { state[account.address] = account }
        head = state
        let root = StateRoot.of(genesis)
        blocks = [Block(number: 0, hash: Self.hash(0, root, timestamp), parentHash: Array(repeating: 0, count: 32), stateRoot: root,
                        timestamp: timestamp, miner: .zero, withdrawals: [], transactionHashes: [], transactionEdits: [], state: state,
                        prestateDiffTrace: .array([]), stateDiffTrace: .array([]))]
    }

    /// Appends a block 12 seconds after the previous one.
    public mutating func append(miner: Address, transactions: [Transaction] = [], withdrawals: [Withdrawal] = [],
                                feeRecipientCredit: UInt256 = UInt256(21_000)) {
        let parent = blocks[blocks.count - 1]
        let number = parent.number + 1
        let timestamp = parent.timestamp + 12
        var state = head
        // The only other reference to the state's storage: without it, edits change the accounts in place instead of
        // copying the whole state (and every big storage) at every block.
        head = [:]
        apply(beforeTransactionsOf: number, timestamp: timestamp, parentHash: parent.hash, to: &state)
        var prestate: [JSONValue] = []
        var stateDiff: [JSONValue] = []
        var hashes: [[UInt8]] = []
        for (index, transaction) in transactions.enumerated() {
            let hash = Keccak256.hash(Array("tx \(number) \(index)".utf8))
            hashes.append(hash)
            let before = Self.accounts(namedBy: transaction.edits, in: state)
            for edit in transaction.edits { Self.apply(edit, to: &state) }
            let diff = TransactionDiff(edits: transaction.edits, before: before, after: state)
            prestate.append(.object([("txHash", .string(hash.hexString)), ("result", diff.prestateDiff)]))
            stateDiff.append(.object([("output", .string("0x")), ("stateDiff", diff.stateDiff), ("trace", .array([])),
                                      ("transactionHash", .string(hash.hexString)), ("vmTrace", .null)]))
            for edit in transaction.untraced { Self.apply(edit, to: &state) }
        }
        if !transactions.isEmpty { Self.apply(.credit(miner, feeRecipientCredit), to: &state) }
        for withdrawal in withdrawals {
            let (wei, _) = UInt256(withdrawal.amount).multipliedReportingOverflow(by: 1_000_000_000)
            Self.apply(.credit(withdrawal.address, wei), to: &state)
        }
        Self.dequeue(SystemAddress.withdrawalRequests, target: 2, perBlock: 16, in: &state)
        Self.dequeue(SystemAddress.consolidationRequests, target: 1, perBlock: 2, in: &state)

        head = state
        let kept = keepsEveryState
        let root = kept ? StateRoot.of(Array(state.values)) : Array(repeating: 0, count: 32)
        blocks.append(Block(number: number, hash: Self.hash(number, root, timestamp), parentHash: parent.hash, stateRoot: root,
                            timestamp: timestamp, miner: miner, withdrawals: withdrawals, transactionHashes: hashes,
                            transactionEdits: transactions.map { $0.edits + $0.untraced }, state: kept ? state : nil, prestateDiffTrace: .array(prestate), stateDiffTrace: .array(stateDiff)))
    }

    /// Computes and keeps the last block's state root and state (for a chain that does not keep every state).
    public mutating func sealHead() {
        let last = blocks[blocks.count - 1]
        let root = StateRoot.of(Array(head.values))
        blocks[blocks.count - 1] = Block(number: last.number, hash: Self.hash(last.number, root, last.timestamp),
                                         parentHash: last.parentHash, stateRoot: root, timestamp: last.timestamp, miner: last.miner,
                                         withdrawals: last.withdrawals,
                                         transactionHashes: last.transactionHashes, transactionEdits: last.transactionEdits, state: head,
                                         prestateDiffTrace: last.prestateDiffTrace, stateDiffTrace: last.stateDiffTrace)
    }

    /// An EIP-7002 withdrawal request: the validator's 48-byte public key and the amount in gwei.
    public struct WithdrawalRequest: Sendable {
        public var sender: Address
        public var pubkey: [UInt8]
        public var amount: UInt64

        public init(sender: Address, pubkey: [UInt8], amount: UInt64) {
            self.sender = sender
            self.pubkey = pubkey
            self.amount = amount
        }
    }

    /// Transactions that queue `requests` in the EIP-7002 contract one after the other in the next block, each
    /// paying `fee`: traced writes of the request's three queue slots, the count and the tail.
    public func transactions(queueing requests: [WithdrawalRequest], fee: UInt256) -> [Transaction] {
        let contract = SystemAddress.withdrawalRequests
        let storage = head[contract]?.storage ?? [:]
        func slot(_ index: UInt64) -> UInt64 { storage[UInt256(index).bigEndianBytes]?.uint64Value ?? 0 }
        let (count, tail) = (slot(1), slot(3))
        return requests.enumerated().map { offset, request in
            let position = tail + UInt64(offset)
            let base = 4 + 3 * position
            var keyTailAndAmount = Array(request.pubkey[32..<48])
            keyTailAndAmount.append(contentsOf: UInt256(request.amount).bigEndianBytes.suffix(8))
            keyTailAndAmount.append(contentsOf: [UInt8](repeating: 0, count: 8))
            return Transaction([
                .bumpNonce(request.sender), .debit(request.sender, fee), .credit(contract, fee),
                .store(contract, slot: UInt256(base), value: UInt256(bigEndian: request.sender.bytes)!),
                .store(contract, slot: UInt256(base + 1), value: UInt256(bigEndian: request.pubkey[0..<32])!),
                .store(contract, slot: UInt256(base + 2), value: UInt256(bigEndian: keyTailAndAmount)!),
                .store(contract, slot: UInt256(1), value: UInt256(count + UInt64(offset) + 1)),
                .store(contract, slot: UInt256(3), value: UInt256(position + 1)),
            ])
        }
    }

    // MARK: - State changes

    /// The accounts `edits` name, as `state` holds them: all a transaction's diff needs of the state before it.
    private static func accounts(namedBy edits: [Edit], in state: [Address: Account]) -> [Address: Account] {
        var named: [Address: Account] = [:]
        for edit in edits {
            switch edit {
            case .credit(let address, _), .debit(let address, _), .bumpNonce(let address), .deploy(let address, _), .store(let address, _, _):
                named[address] = state[address]
            case .destroy(let address, let beneficiary):
                named[address] = state[address]
                named[beneficiary] = state[beneficiary]
            }
        }
        return named
    }

    static func apply(_ edit: Edit, to state: inout [Address: Account]) {
        switch edit {
        case .credit(let address, let amount):
            state[address, default: Account(address: address)].balance = state[address, default: Account(address: address)].balance
                .addingReportingOverflow(amount).partialValue
        case .debit(let address, let amount):
            state[address, default: Account(address: address)].balance = state[address, default: Account(address: address)].balance
                .subtractingReportingOverflow(amount).partialValue
        case .bumpNonce(let address):
            state[address, default: Account(address: address)].nonce += 1
        case .deploy(let address, let code):
            state[address, default: Account(address: address)].code = code
        case .store(let address, let slot, let value):
            state[address, default: Account(address: address)].storage[slot.bigEndianBytes] = value.isZero ? nil : value
        case .destroy(let address, let beneficiary):
            let balance = state[address]?.balance ?? .zero
            state[address] = nil
            apply(.credit(beneficiary, balance), to: &state)
        }
    }

    /// The EIP-4788 and EIP-2935 system calls, made before the transactions when the contracts have code.
    private func apply(beforeTransactionsOf number: UInt64, timestamp: UInt64, parentHash: [UInt8], to state: inout [Address: Account]) {
        if state[SystemAddress.beaconRoots]?.code.isEmpty == false {
            let index = timestamp % 8191
            let beaconRoot = Keccak256.hash(Array("beacon root \(number)".utf8))
            Self.apply(.store(SystemAddress.beaconRoots, slot: UInt256(index), value: UInt256(timestamp)), to: &state)
            Self.apply(.store(SystemAddress.beaconRoots, slot: UInt256(index + 8191), value: UInt256(bigEndian: beaconRoot)!), to: &state)
        }
        if state[SystemAddress.historyStorage]?.code.isEmpty == false {
            let slot = UInt256((number - 1) % 8191)
            Self.apply(.store(SystemAddress.historyStorage, slot: slot, value: UInt256(bigEndian: parentHash)!), to: &state)
        }
    }

    /// The EIP-7002/EIP-7251 dequeue call after the transactions: moves the queue head (or resets head and tail when
    /// the queue empties), updates the excess and resets the count; it writes slots 0–3 only.
    private static func dequeue(_ contract: Address, target: UInt64, perBlock: UInt64, in state: inout [Address: Account]) {
        guard let account = state[contract], !account.code.isEmpty else { return }
        func slot(_ index: UInt64) -> UInt64 { account.storage[UInt256(index).bigEndianBytes]?.uint64Value ?? 0 }
        let (excess, count, head, tail) = (slot(0), slot(1), slot(2), slot(3))
        let dequeued = min(tail - head, perBlock)
        if head + dequeued == tail {
            apply(.store(contract, slot: UInt256(2), value: .zero), to: &state)
            apply(.store(contract, slot: UInt256(3), value: .zero), to: &state)
        } else {
            apply(.store(contract, slot: UInt256(2), value: UInt256(head + dequeued)), to: &state)
        }
        let newExcess = excess + count > target ? excess + count - target : 0
        apply(.store(contract, slot: UInt256(0), value: UInt256(newExcess)), to: &state)
        apply(.store(contract, slot: UInt256(1), value: .zero), to: &state)
    }

    private static func hash(_ number: UInt64, _ stateRoot: [UInt8], _ timestamp: UInt64) -> [UInt8] {
        Keccak256.hash(RLP.encodeList([RLP.encode(number), RLP.encode(bytes: stateRoot), RLP.encode(timestamp)]))
    }
}
