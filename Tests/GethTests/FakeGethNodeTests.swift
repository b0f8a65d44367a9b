import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SnapshotKit
import SnapshotTestSupport
import Testing

/// The fake geth answers as geth does: checked against a dump geth wrote and against geth's `DumpToCollector` rules.
@Suite struct FakeGethNodeTests {
    /// geth's own dump of a one-account state (cmd/evm testdata), byte for byte in member order, state root included.
    @Test func dumpMatchesADumpGethWrote() async throws {
        let expected = try GethFixtures.json("geth_dump_evmrun_3.out.1", subdirectory: "dumps")
        let account = Account(address: try Address(hex: "0x0000000000000000000000007265636569766572"), code: [0x60, 0x40])
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: [account]))
        let rpc = GethFixtures.client(node)
        #expect(try await rpc.call("debug_dumpBlock", params: [.string("0x0")]) == expected)
        #expect(try await rpc.call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(10), .bool(false), .bool(false), .bool(false)]) == expected)
    }

    @Test func accountRangePagesWithBase64NextAndCapsAt256() async throws {
        let chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 600, seed: "range"))
        let node = try FakeGethNode(chain: chain)
        let rpc = GethFixtures.client(node)
        let keys = chain.head.state.entries.map(\.hashedAddress)
        for asked in [0, 257, 10_000] {
            let page = try await rpc.call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(asked), .bool(true), .bool(true), .bool(false)])
            #expect(page["accounts"]?.objectValue?.count == 256)
            #expect(page["next"] == .string(Data(keys[256]).base64EncodedString()))
        }
        // Starting at the 590th key: 10 accounts left, no `next`.
        let tail = try await rpc.call("debug_accountRange", params: [.string("latest"), .string(Hex.encode(keys[590])), .integer(256), .bool(true), .bool(true), .bool(false)])
        let tailKeys = try #require(tail["accounts"]?.objectValue).compactMap { $0.value["key"]?.stringValue }
        #expect(Set(tailKeys) == Set(keys[590...].map { Hex.encode($0) }))
        #expect(tail["next"] == nil)
        // Members are sorted by address text, as Go marshals a map, not by key.
        let names = try #require(tail["accounts"]?.objectValue).map(\.key)
        #expect(names == names.sorted())
        #expect(names.allSatisfy { name in (try? Address(hex: name))?.checksummed == name })
    }

    /// Without preimage an account is skipped (incompletes=false, and it does not count towards the page) or listed
    /// under `pre(0x…)` without address (incompletes=true).
    @Test func accountsWithoutPreimage() async throws {
        let chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 10, seed: "preimages"))
        let missing = chain.head.state.entries[3]
        let node = try FakeGethNode(chain: chain, knobs: .init(missingAccountPreimages: [missing.account.address]))
        let rpc = GethFixtures.client(node)
        let skipped = try await rpc.call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(5), .bool(false), .bool(false), .bool(false)])
        #expect(skipped["accounts"]?.objectValue?.count == 5)
        #expect(skipped["next"] == .string(Data(chain.head.state.entries[6].hashedAddress).base64EncodedString()))
        let reported = try await rpc.call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(5), .bool(false), .bool(false), .bool(true)])
        let entry = try #require(reported["accounts"]?["pre(\(Hex.encode(missing.hashedAddress)))"])
        #expect(entry["address"] == nil)
        #expect(entry["key"] == .string(Hex.encode(missing.hashedAddress)))
        #expect(reported["next"] == .string(Data(chain.head.state.entries[5].hashedAddress).base64EncodedString()))
        #expect(try await rpc.call("debug_dumpBlock", params: [.string("latest")])["accounts"]?.objectValue?.count == 9)
    }

    /// Storage slots without preimage land on the zero slot, overwriting each other: the dump no longer hashes to
    /// the account's storage root.
    @Test func storageSlotsWithoutPreimageCollapse() async throws {
        let contract = FakeAccounts.contract(seed: "collapse", slots: 50)
        let lost = Array(contract.storage.keys.filter { $0 != UInt256(0).bigEndianBytes }.prefix(5))
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: [contract]), knobs: .init(missingStoragePreimages: Set(lost)))
        let page = try await GethFixtures.client(node).call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(1), .bool(false), .bool(false), .bool(true)])
        let storage = try #require(page["accounts"]?[contract.address.checksummed]?["storage"]?.objectValue)
        #expect(storage.count == 50 - 5)
        #expect(!storage.contains { lost.map { Hex.encode($0) }.contains($0.key) })
        #expect(page["accounts"]?[contract.address.checksummed]?["root"] == .string(Hex.encode(StateRoot.storageRoot(contract.storage))))
    }

    @Test func blocksByTagNumberAndHash() async throws {
        var chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 3, seed: "blocks"))
        chain.appendBlock(changing: FakeAccounts.externallyOwned(count: 1, seed: "later"))
        chain.finalizedNumber = 0
        let node = try FakeGethNode(chain: chain)
        let rpc = GethFixtures.client(node)
        #expect(try await rpc.call("eth_blockNumber") == .string("0x1"))
        #expect(try await rpc.call("eth_chainId") == .string("0x301824"))
        #expect(try await rpc.call("web3_clientVersion").stringValue?.hasPrefix("Geth/v1.16") == true)
        let latest = try await rpc.call("eth_getBlockByNumber", params: [.string("latest"), .bool(false)])
        #expect(latest["hash"] == .string(Hex.encode(chain.head.header.hash)))
        #expect(latest["stateRoot"] == .string(Hex.encode(chain.head.state.stateRoot)))
        #expect(latest["parentHash"] == .string(Hex.encode(chain.blocks[0].header.hash)))
        #expect(try await rpc.call("eth_getBlockByNumber", params: [.string("finalized"), .bool(false)])["number"] == .string("0x0"))
        #expect(try await rpc.call("eth_getBlockByNumber", params: [.string("0x7"), .bool(false)]) == .null)
        let byHash = try await rpc.call("eth_getBlockByHash", params: [.string(Hex.encode(chain.blocks[0].header.hash)), .bool(false)])
        #expect(byHash["number"] == .string("0x0"))
        #expect(chain.blocks[0].header.hash != chain.blocks[1].header.hash)
    }

    @Test func errorsAsGethWordsThem() async throws {
        var chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 3, seed: "errors"))
        chain.appendBlock()
        let node = try FakeGethNode(chain: chain, knobs: .init(prunedHistory: true))
        let rpc = GethFixtures.client(node)
        let old = Hex.encode(chain.blocks[0].header.hash)
        await #expect(throws: JSONRPCError.self) { try await rpc.call("debug_accountRange", params: [.string(old), .string("0x")]) }
        do {
            _ = try await rpc.call("debug_accountRange", params: [.string(old), .string("0x"), .integer(1), .bool(true), .bool(true), .bool(true)])
            Issue.record("pruned state answered")
        } catch {
            #expect(error.rpcCode == -32000)
            #expect("\(error)".contains("missing trie node"))
        }
        _ = try await rpc.call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(1), .bool(true), .bool(true), .bool(true)])
        node.knobs.debugAPIEnabled = false
        do {
            _ = try await rpc.call("debug_accountRange", params: [.string("latest"), .string("0x"), .integer(1), .bool(true), .bool(true), .bool(true)])
            Issue.record("disabled debug API answered")
        } catch {
            #expect(error.rpcCode == -32601)
        }
    }

    /// The node answers on its own threads: a child process under test (`snapshotter create`) gets its answers even
    /// while every thread of Swift's cooperative pool is blocked, as synchronous tests waiting for it block them.
    @Test(.timeLimit(.minutes(1)))
    func answersWhileTheCooperativePoolIsBlocked() throws {
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 3, seed: "pool")))
        let release = DispatchSemaphore(value: 0)
        let width = ProcessInfo.processInfo.activeProcessorCount
        for _ in 0..<width { Task.detached { release.wait() } }
        defer { for _ in 0..<width { release.signal() } }
        var request = URLRequest(url: node.url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}"#.utf8)
        let answer = LockedLog<String>()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in
            answer.append(String(decoding: data ?? Data(), as: UTF8.self))
            done.signal()
        }.resume()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(answer.all == [#"{"jsonrpc":"2.0","id":1,"result":"0x0"}"#])
    }
}
