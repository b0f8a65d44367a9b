import Foundation

/// What a genesis file defines, read in constant memory: its config and block fields, the counts of its alloc and
/// the alloc's state root — so the genesis header and hash — without holding the alloc.
public struct GenesisSummary: Sendable, Equatable {
    /// The config and block fields.
    public var parameters: GenesisParameters
    /// Alloc accounts, empty ones included.
    public var accounts: Int
    /// Accounts with code.
    public var contracts: Int
    /// Nonzero storage slots over all accounts.
    public var storageSlots: Int
    /// The state root of the alloc.
    public var stateRoot: [UInt8]

    public init(parameters: GenesisParameters, accounts: Int, contracts: Int, storageSlots: Int, stateRoot: [UInt8]) {
        self.parameters = parameters
        self.accounts = accounts
        self.contracts = contracts
        self.storageSlots = storageSlots
        self.stateRoot = stateRoot
    }

    /// The summary of an alloc held in memory.
    public init(_ genesis: GenesisFile) {
        self.init(
            parameters: genesis.parameters, accounts: genesis.alloc.count,
            contracts: genesis.alloc.filter { !$0.code.isEmpty }.count,
            storageSlots: genesis.alloc.reduce(0) { $0 + $1.storage.count }, stateRoot: genesis.stateRoot())
    }

    /// Reads the genesis file at `url` with `GenesisReader`. The state root needs the accounts in keccak(address)
    /// order: an alloc in another order is sorted in `temporaryFolder` (about 130 bytes an account) beyond a 32 MiB
    /// buffer. Throws `GenesisError.duplicateAccount` when an address appears twice.
    /// `progress` hears the accounts read so far and how far into the file, after every page (phase `reading the
    /// alloc`; again from the start when an alloc that looked sorted turns out not to be).
    public init(contentsOf url: URL, temporaryFolder: URL = FileManager.default.temporaryDirectory,
                progress: StateProgressHandler? = nil) throws(GenesisError) {
        try self.init(contentsOf: url, temporaryFolder: temporaryFolder, memoryBudget: 32 << 20, progress: progress)
    }

    /// Reads with a sort buffer of `memoryBudget` bytes.
    init(contentsOf url: URL, temporaryFolder: URL, memoryBudget: Int, progress: StateProgressHandler? = nil) throws(GenesisError) {
        let reader = try GenesisReader(contentsOf: url)
        do {
            do {
                self = try Self.read(reader, sorting: false, temporaryFolder: temporaryFolder, memoryBudget: memoryBudget, progress: progress)
            } catch is AllocRootBuilder.OrderChanged {
                self = try Self.read(reader, sorting: true, temporaryFolder: temporaryFolder, memoryBudget: memoryBudget, progress: progress)
            }
        } catch let error as GenesisError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    /// The genesis block header, as geth's `Genesis.ToBlock()` builds it.
    public func header() -> GenesisHeader { GenesisHeader(parameters: parameters, stateRoot: stateRoot) }

    private static func read(_ reader: GenesisReader, sorting: Bool, temporaryFolder: URL, memoryBudget: Int,
                             progress: StateProgressHandler?) throws -> GenesisSummary {
        let root = AllocRootBuilder(sorting: sorting, memoryBudget: memoryBudget, temporaryFolder: temporaryFolder)
        var contracts = 0, storageSlots = 0
        try reader.forEachAccountPage(transform: { (AccountEntries($0.accounts), $0.fraction) }) { page, fraction in
            for index in page.addresses.indices {
                try root.append(key: page.keys[index], leaf: page.leaves[index], of: page.addresses[index])
            }
            contracts += page.contracts
            storageSlots += page.storageSlots
            progress?(StateProgress(accounts: root.count, storageSlots: storageSlots, fraction: fraction, phase: "reading the alloc"))
        }
        let stateRoot = try root.finish()
        return GenesisSummary(
            parameters: reader.parameters, accounts: root.count, contracts: contracts, storageSlots: storageSlots,
            stateRoot: stateRoot)
    }
}
