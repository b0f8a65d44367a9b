/// Reads the complete state from any node that offers a tracing API and `eth_getProof`: it names no client.
///
/// It starts from the chain's original genesis alloc and collects every address and storage slot that may have
/// changed since: those every block's transaction traces show (`debug_traceBlockByNumber` with the prestateTracer in
/// diff mode, or `trace_replayBlockTransactions` with `stateDiff`, whichever the node answers), plus what traces never
/// show — each block's fee recipient, its withdrawal recipients and the slots the system calls write (see
/// `SystemContract`). It then reads every one of those accounts at the pinned block with `eth_getProof` (code with
/// `eth_getCode`) and checks each answer: the account proof must verify against the block's state root (which also
/// tells an empty account from an absent one: absent accounts are dropped), the code must hash to the proven code
/// hash, and the storage read must rebuild the proven storage root, so a slot no trace reported is named rather than
/// silently lost. Accounts are emitted in ascending keccak(address) order.
///
/// Progress comes in two phases: `tracing blocks` (`phaseUnits` = blocks traced, `fraction` = blocks / N, `accounts`
/// and `storageSlots` = what is known to be touched so far), then `reading proofs` (`accounts` checked, slots read,
/// `fraction` = accounts checked / accounts to check).
///
/// Cost grows with the chain's history (every block is traced); memory does not. Blocks are traced and proofs read
/// a bounded window ahead of the block or page in hand (`OrderedWorkWindow`), traces are applied in block order so a
/// slot cleared for good is forgotten, and pages are proven only as the consumer asks for them: what stays is one
/// entry per account ever touched and per slot that may still hold a value. It works with every client.
public final class UniversalStateSource: StateSource {
    /// Knobs for the calls the source makes.
    public struct Options: Sendable {
        /// The tracing calls to try, in order; the first the node answers at block 1 is used.
        public var traceMethods: [TraceMethod]
        /// The requirement named when no tracing call works; a plugin puts its client's flag in the remedy.
        public var tracingRequirement: NodeRequirement
        /// The requirement on `eth_getProof` at the pinned block; a plugin puts its client's flag in the remedy (e.g.
        /// a client that proves only the head block by default).
        public var proofRequirement: NodeRequirement
        /// Storage slots asked in one `eth_getProof` call at most (geth refuses more than 1,024).
        public var slotsPerProofCall: Int
        /// `eth_getProof` calls in one JSON-RPC batch at most.
        public var proofCallsPerBatch: Int
        /// Storage slots in one JSON-RPC batch at most, across its calls (bounds the size of an answer).
        public var slotsPerProofBatch: Int
        /// Accounts in one emitted page.
        public var pageSize: Int

        public init(traceMethods: [TraceMethod] = [.prestateDiff, .stateDiff], tracingRequirement: NodeRequirement = .tracing,
                    proofRequirement: NodeRequirement = .proofs, slotsPerProofCall: Int = 1024, proofCallsPerBatch: Int = 32,
                    slotsPerProofBatch: Int = 2048, pageSize: Int = 256) {
            self.traceMethods = traceMethods
            self.tracingRequirement = tracingRequirement
            self.proofRequirement = proofRequirement
            self.slotsPerProofCall = max(1, slotsPerProofCall)
            self.proofCallsPerBatch = max(1, proofCallsPerBatch)
            self.slotsPerProofBatch = max(1, slotsPerProofBatch)
            self.pageSize = max(1, pageSize)
        }
    }

    public let name = "universal"
    public var title: String { "universal (trace + proof)" }
    public let requirements: [NodeRequirement]
    public let options: Options
    private let rpc: JSONRPCClient
    private let genesis: GenesisFile
    private let detectedMethod = LockedState<TraceMethod?>(nil)

    /// A source for the node of `environment`; throws when the environment has no original genesis.
    public convenience init(_ environment: StateSourceEnvironment, options: Options = Options()) throws(UniversalSourceError) {
        guard let genesis = environment.originalGenesis else { throw .missingOriginalGenesis }
        self.init(rpc: environment.rpc, originalGenesis: genesis, options: options)
    }

    public init(rpc: JSONRPCClient, originalGenesis: GenesisFile, options: Options = Options()) {
        self.rpc = rpc
        self.genesis = originalGenesis
        self.options = options
        self.requirements = [.originalGenesis, options.tracingRequirement, options.proofRequirement]
    }

    /// Checks that the genesis is the chain's (its alloc's state root is block 0's), that a tracing call works at
    /// block 1 and that `eth_getProof` answers at `block`.
    public func checkRequirements(at block: PinnedBlock) async throws {
        let header = try await rpc.call("eth_getBlockByNumber", params: [.string(BlockTag.hex(0)), .bool(false)])
        guard let text = header["stateRoot"]?.stringValue, let chainRoot = try? Hex.decode(text), chainRoot.count == 32 else {
            throw UniversalSourceError.malformedBlock(block: 0, reason: "no 32-byte stateRoot")
        }
        let allocRoot = genesis.stateRoot()
        guard allocRoot == chainRoot else { throw UniversalSourceError.genesisMismatch(allocRoot: allocRoot, chainRoot: chainRoot) }
        if block.number > 0 { _ = try await traceMethod() }
        _ = try await rpc.call("eth_getProof", params: [.string(Address.zero.description), .array([]), .string(BlockTag.hex(block.number))])
    }

    /// The tracing call this node answers: the first of `options.traceMethods` that traces block 1 (remembered).
    /// A call the node refuses is skipped; when none works the error lists every answer and the remedy.
    public func traceMethod() async throws -> TraceMethod {
        if let known = detectedMethod.withLock({ $0 }) { return known }
        var answers: [String] = []
        for method in options.traceMethods {
            do {
                let result = try await rpc.call(method.methodName, params: method.params(block: 1))
                _ = try method.changes(in: result, block: 1)
                detectedMethod.withLock { $0 = method }
                return method
            } catch let error as JSONRPCError {
                guard case .rpc(let code, let message, _) = error.failure else { throw error }
                answers.append("\(method.label): RPC error \(code) \"\(message)\"")
            } catch let error as UniversalSourceError {
                answers.append("\(method.label): \(error.description)")
            }
        }
        throw UniversalSourceError.noTracingAPI(answers: answers, remedy: options.tracingRequirement.remedy)
    }

    /// Pages in ascending keccak(address) order, made as they are asked for: the first request traces the chain,
    /// each later one proves just enough accounts to fill a page, with at most `context.concurrency` proof batches
    /// started ahead of the one being assembled. A consumer that stops asking stops the reading.
    public func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let reader = UniversalPageReader(source: self, context: context)
        return AsyncThrowingStream { try await reader.nextPage() }
    }

    // MARK: - Tracing

    /// Every address and slot that may differ from genesis at the pinned block: the genesis alloc, the active system
    /// contracts, and what blocks 1...N changed, applied in block order (so a slot cleared for good is forgotten).
    /// Blocks are traced `context.concurrency` at a time, and no block is traced more than that many blocks ahead of
    /// the oldest one not yet applied.
    func touchedState(_ context: StateSourceContext) async throws -> TouchedState {
        var touched = TouchedState()
        for account in genesis.alloc {
            touched.insert(account.address)
            for slot in account.storage.keys { touched.insert(account.address, slot: slot) }
        }
        let systemContracts = try await activeSystemContracts(at: context.block.number)
        for contract in systemContracts { touched.insert(contract.address) }
        let last = context.block.number
        guard last > 0 else { return touched }
        let method = try await traceMethod()
        var numbers = (1...last).makeIterator()
        let blocks = OrderedWorkWindow<BlockChanges>(width: context.concurrency) { [rpc] in
            guard let number = numbers.next() else { return nil }
            return { try await Self.changes(inBlock: number, method: method, systemContracts: systemContracts, rpc: rpc) }
        }
        var traced = 0
        while let changes = try await blocks.next() {
            touched.apply(changes)
            traced += 1
            context.progress(StateProgress(accounts: touched.accountCount, storageSlots: touched.slotCount,
                                           fraction: Double(traced) / Double(last), phase: "tracing blocks", phaseUnits: traced))
        }
        return touched
    }

    /// The system contracts that have code at block `number`; the others' calls write nothing.
    private func activeSystemContracts(at number: UInt64) async throws -> [SystemContract] {
        let contracts = SystemContract.allCases
        let answers = try await rpc.batch(contracts.map {
            (method: "eth_getCode", params: [.string($0.address.description), .string(BlockTag.hex(number))])
        })
        var active: [SystemContract] = []
        for (contract, answer) in zip(contracts, answers) {
            if let code = try answer.get().stringValue, !Hex.stripPrefix(code).isEmpty { active.append(contract) }
        }
        return active
    }

    /// Everything block `number` may have changed, in order: its traces, then its fee recipient, withdrawal
    /// recipients and system writes.
    private static func changes(inBlock number: UInt64, method: TraceMethod, systemContracts: [SystemContract],
                                rpc: JSONRPCClient) async throws -> BlockChanges {
        let answers = try await rpc.batch([
            (method: method.methodName, params: method.params(block: number)),
            (method: "eth_getBlockByNumber", params: [.string(BlockTag.hex(number)), .bool(false)]),
        ])
        let trace: JSONValue
        switch answers[0] {
        case .success(let value): trace = value
        case .failure(let error): throw UniversalSourceError.traceFailed(block: number, method: method.methodName, error: error)
        }
        var changes = try method.changes(in: trace, block: number)
        let effects = try BlockEffects(json: try answers[1].get(), number: number)
        changes.touch(effects.feeRecipient)
        for recipient in effects.withdrawalRecipients { changes.touch(recipient) }
        for contract in systemContracts {
            for slot in contract.slotsWritten(block: number, timestamp: effects.timestamp) {
                changes.write(contract.address, slot: slot.bigEndianBytes)
            }
        }
        return changes
    }

    // MARK: - Proofs

    /// The proof plan of everything `touched` names, with the source's call sizes.
    func proofPlan(_ touched: TouchedState) -> ProofPlan {
        ProofPlan(touched: touched, slotsPerCall: options.slotsPerProofCall, callsPerBatch: options.proofCallsPerBatch,
                  slotsPerBatch: options.slotsPerProofBatch)
    }

    /// Proves one batch of calls at `block`.
    func prove(_ calls: [ProofPlan.Call], at block: PinnedBlock) async throws -> [ProvenCall] {
        try await ProvenCall.prove(calls, at: block, rpc: rpc)
    }
}
