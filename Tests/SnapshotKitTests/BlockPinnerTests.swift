import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

@Suite struct BlockPinnerTests {
    /// A pre-London block as `eth_getBlockByNumber` returns it (hex quantities, `0x` bytes, no `baseFeePerGas`).
    static let hash = "0x8e38b4dbf6b11fcc3b9dee84fb7986e29ca0a02cecd8977c161ff7333329681e"
    static let stateRoot = "0x0e066f3c2297a5cb300593052617d1bca5946f0caa0635fdb1b85ac7e5236f34"
    static let header: JSONValue = .object([
        ("number", .string("0xf4240")), ("hash", .string(hash)), ("stateRoot", .string(stateRoot)),
        ("timestamp", .string("0x56bfb415")), ("gasLimit", .string("0x2fefd8")), ("extraData", .string("0xd783010303844765746887676f312e352e31856c696e7578")),
        ("miner", .string("0x2a65aca4d5fc5b5c859090a6c34d164135398226")),
    ])

    private func server(_ answer: @escaping @Sendable (String, [JSONValue]) -> JSONValue) throws -> JSONRPCTestServer {
        try JSONRPCTestServer { method, params in answer(method, params) }
    }

    @Test(arguments: [
        ("latest", "latest"), ("finalized", "finalized"), ("SAFE", "safe"), ("1000000", "0xf4240"), ("0xf4240", "0xf4240"),
    ])
    func tagsAndNumbersAskByNumber(_ text: String, _ parameter: String) async throws {
        let calls = Calls()
        let node = try server { method, params in
            calls.record(method, params)
            return Self.header
        }
        let block = try await BlockPinner(rpc: JSONRPCClient(endpoint: node.url)).pin(try BlockSelector(parsing: text))
        #expect(calls.all == [Call(method: "eth_getBlockByNumber", params: [.string(parameter), .bool(false)])])
        #expect(block == PinnedBlock(
            number: 1_000_000, hash: try [UInt8](hex: Self.hash), stateRoot: try [UInt8](hex: Self.stateRoot),
            timestamp: 1_455_404_053, gasLimit: 3_141_592, baseFeePerGas: nil,
            extraData: try [UInt8](hex: "0xd783010303844765746887676f312e352e31856c696e7578")))
    }

    @Test func aHashAsksByHashAndTheAnswerMustMatch() async throws {
        let calls = Calls()
        let node = try server { method, params in
            calls.record(method, params)
            return Self.header.setting("baseFeePerGas", to: .string("0x3b9aca00"))
        }
        let rpc = JSONRPCClient(endpoint: node.url)
        let block = try await BlockPinner(rpc: rpc).pin(try BlockSelector(parsing: Self.hash))
        #expect(calls.all == [Call(method: "eth_getBlockByHash", params: [.string(Self.hash), .bool(false)])])
        #expect(block.baseFeePerGas == UInt256(1_000_000_000))

        let other = [UInt8](repeating: 0xee, count: 32)
        await #expect(throws: BlockPinningError.hashMismatch(requested: other, returned: try [UInt8](hex: Self.hash))) {
            try await BlockPinner(rpc: rpc).pin(.hash(other))
        }
    }

    @Test func unknownBlocksAreClearErrors() async throws {
        let node = try server { method, _ in method == "eth_blockNumber" ? .string("0x2a") : .null }
        let pinner = BlockPinner(rpc: JSONRPCClient(endpoint: node.url))
        let number = await #expect(throws: BlockPinningError.blockNotFound(.number(99), head: 42)) { try await pinner.pin(.number(99)) }
        #expect(number?.description.contains("no block 99 (its head is block 42)") == true)
        let finalized = await #expect(throws: BlockPinningError.self) { try await pinner.pin(.finalized) }
        #expect(finalized?.description.contains("no finalized block yet") == true)
        let hash = await #expect(throws: BlockPinningError.self) { try await pinner.pin(.hash([UInt8](repeating: 1, count: 32))) }
        #expect(hash?.description.contains("no block with hash 0x0101") == true)
    }

    @Test func rpcErrorsPassThrough() async throws {
        let node = try JSONRPCTestServer { _, _ in throw JSONRPCTestServer.RPCFailure(code: -39001, message: "finalized block not found") }
        let error = await #expect(throws: JSONRPCError.self) {
            try await BlockPinner(rpc: JSONRPCClient(endpoint: node.url)).pin(.finalized)
        }
        #expect(error?.rpcCode == -39001)
    }

    @Test func malformedHeadersAreRefused() {
        #expect(throws: BlockPinningError.malformedHeader(field: "stateRoot", reason: "missing or not a hex string")) {
            try PinnedBlock(header: Self.header.removing("stateRoot"))
        }
        #expect(throws: BlockPinningError.malformedHeader(field: "hash", reason: "expected 32 bytes, found 2")) {
            try PinnedBlock(header: Self.header.setting("hash", to: .string("0xabcd")))
        }
        #expect(throws: BlockPinningError.self) { try PinnedBlock(header: Self.header.setting("timestamp", to: .string("soon"))) }
        #expect(throws: BlockPinningError.self) { try PinnedBlock(header: .array([])) }
    }

    @Test(arguments: ["", "head", "-1", "0x", "0xzz", "0x" + String(repeating: "a", count: 63), "1.5"])
    func invalidSelectors(_ text: String) {
        #expect(throws: BlockPinningError.invalidSelector(text)) { try BlockSelector(parsing: text) }
    }

    @Test func selectorForms() throws {
        #expect(try BlockSelector(parsing: "Latest") == .latest)
        #expect(try BlockSelector(parsing: "safe") == .safe)
        #expect(try BlockSelector(parsing: "0") == .number(0))
        #expect(try BlockSelector(parsing: "0x10") == .number(16))
        #expect(try BlockSelector(parsing: Self.hash) == .hash(try [UInt8](hex: Self.hash)))
        #expect(BlockSelector.number(7).description == "7")
    }
}

struct Call: Equatable {
    let method: String
    let params: [JSONValue]
}

/// Records the calls a fake node receives.
final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [Call] = []

    func record(_ method: String, _ params: [JSONValue]) {
        lock.lock()
        calls.append(Call(method: method, params: params))
        lock.unlock()
    }

    var all: [Call] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
