import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
@testable import GethPlugin

/// Fixture states and helpers shared by the geth tests.
enum GethFixtures {
    /// The mainnet genesis alloc: 8,893 accounts, none with storage.
    static let mainnetAlloc: [Account] = {
        try! GenesisFile(contentsOf: TestFixtures.url("genesis/mainnet.json")).alloc
    }()

    /// Mainnet's genesis state root, as execution-specs and ethereum/tests give it.
    static let mainnetStateRoot = try! [UInt8](hex: "0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544")

    /// The parsed contents of `<subdirectory>/<name>.json` of the shared fixtures.
    static func json(_ name: String, subdirectory: String) throws -> JSONValue {
        try JSONParser.parse([UInt8](TestFixtures.data("\(subdirectory)/\(name).json")))
    }

    /// A devnet-like chain: block 0 is the mainnet alloc; block 1 deploys a contract with 3,000 slots, creates 500
    /// accounts and changes a mainnet balance; block 2 changes the contract's storage and deletes an account.
    static let devnetChain: FakeExecutionChain = {
        var chain = FakeExecutionChain(genesis: mainnetAlloc)
        var rich = mainnetAlloc[0]
        rich.balance = UInt256(42)
        chain.appendBlock(changing: [storageContract, rich] + FakeAccounts.externallyOwned(count: 500, seed: "block-1"))
        var changed = storageContract
        changed.storage[UInt256(1).bigEndianBytes] = UInt256(7)
        changed.storage.removeValue(forKey: UInt256(2).bigEndianBytes)
        chain.appendBlock(changing: [changed], deleting: [mainnetAlloc[1].address])
        return chain
    }()

    /// The storage-heavy contract created in block 1 of `devnetChain`.
    static let storageContract = FakeAccounts.contract(seed: "storage-heavy", slots: 3_000, codeBytes: 2_048)

    /// A client for a fake node that does not retry, with a short timeout.
    static func client(_ node: FakeGethNode, timeout: Duration = .seconds(30)) -> JSONRPCClient {
        JSONRPCClient(endpoint: node.url, configuration: .init(timeout: timeout, maxAttempts: 1))
    }

    /// Every page a source yields at `block`, and every progress report.
    static func extract(_ source: some StateSource, at block: PinnedBlock, concurrency: Int) async throws -> (pages: [[Account]], progress: [StateProgress]) {
        let reports = LockedLog<StateProgress>()
        var pages: [[Account]] = []
        let context = StateSourceContext(block: block, concurrency: concurrency) { reports.append($0) }
        for try await page in source.accountPages(context) { pages.append(page) }
        return (pages, reports.all)
    }

    /// The state root of accounts streamed in order.
    static func streamedRoot(_ pages: [[Account]]) throws -> [UInt8] {
        var builder = StateRootBuilder()
        for account in pages.joined() { try builder.append(account) }
        return builder.finish()
    }
}

/// Values collected from any task.
final class LockedLog<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Element] = []

    func append(_ report: Element) {
        lock.lock()
        defer { lock.unlock() }
        reports.append(report)
    }

    var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }
}
