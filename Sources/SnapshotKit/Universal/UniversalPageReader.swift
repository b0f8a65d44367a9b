/// Hands out the accounts of a `UniversalStateSource` a page at a time: the first request traces the chain into the
/// touched set and plans the proofs; every request then proves batches in plan order until a page is full.
///
/// At most `context.concurrency` proof batches are started and not yet assembled (`OrderedWorkWindow`), and a batch
/// is started only when one is taken: memory holds the touched set, that window and one page, however long the chain
/// or large the state, and a slow consumer slows the proving.
actor UniversalPageReader {
    private let source: UniversalStateSource
    private let context: StateSourceContext
    private var proofs: OrderedWorkWindow<[ProvenCall]>?
    private var accountsToCheck = 0
    private var assembler = AccountAssembler()
    /// Accounts assembled and not yet handed out (a batch may fill more than a page).
    private var ready: [Account] = []
    private var exhausted = false

    init(source: UniversalStateSource, context: StateSourceContext) {
        self.source = source
        self.context = context
    }

    /// The next page of existing accounts in ascending keccak(address) order; `nil` when all were handed out.
    func nextPage() async throws -> [Account]? {
        let pageSize = source.options.pageSize
        let proofs: OrderedWorkWindow<[ProvenCall]>
        if let started = self.proofs { proofs = started } else { proofs = try await start() }
        while !exhausted && ready.count < pageSize {
            guard let batch = try await proofs.next() else {
                exhausted = true
                break
            }
            for call in batch {
                if let account = try assembler.add(call) { ready.append(account) }
            }
            let fraction = accountsToCheck == 0 ? 1 : Double(assembler.accountsChecked) / Double(accountsToCheck)
            context.progress(StateProgress(accounts: assembler.accountsChecked, storageSlots: assembler.slotsRead,
                                           fraction: fraction, phase: "reading proofs"))
        }
        guard !ready.isEmpty else { return nil }
        let page = Array(ready.prefix(pageSize))
        ready.removeFirst(page.count)
        return page
    }

    /// Traces the chain and starts proving.
    private func start() async throws -> OrderedWorkWindow<[ProvenCall]> {
        let plan = source.proofPlan(try await source.touchedState(context))
        accountsToCheck = plan.accountCount
        let (source, block) = (source, context.block)
        var batches = plan.batches
        let proofs = OrderedWorkWindow<[ProvenCall]>(width: context.concurrency) {
            guard let calls = batches.next() else { return nil }
            return { try await source.prove(calls, at: block) }
        }
        self.proofs = proofs
        return proofs
    }
}
