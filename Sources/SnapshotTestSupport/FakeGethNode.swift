import Foundation
import SnapshotKit

/// A fake geth serving a `FakeExecutionChain` over HTTP JSON-RPC on 127.0.0.1, with geth's method shapes and errors.
///
/// Methods: `web3_clientVersion`, `net_version`, `eth_chainId`, `eth_blockNumber`, `eth_syncing`,
/// `eth_getBlockByNumber`, `eth_getBlockByHash`, `debug_accountRange` and `debug_dumpBlock` (see `FakeGethDump`
/// for their exact semantics). Anything else is "method not found", as geth answers it. The chain and the knobs
/// may be changed while the node runs.
public final class FakeGethNode: Sendable {
    /// Ways the node can differ from a well-configured archive geth.
    public struct Knobs: Sendable {
        /// The `web3_clientVersion` answer.
        public var clientVersion: String
        /// Accounts whose address preimage the node lacks (as without `--cache.preimages`).
        public var missingAccountPreimages: Set<Address>
        /// Storage slots (32 bytes, in any account) whose preimage the node lacks.
        public var missingStoragePreimages: Set<[UInt8]>
        /// Only the head block's state is kept (a non-archive node): state reads at older blocks fail with geth's
        /// "missing trie node" error.
        public var prunedHistory: Bool
        /// Whether the `debug` namespace is served (`--http.api=…,debug`).
        public var debugAPIEnabled: Bool
        /// How long every call waits before it is answered.
        public var delay: Duration?

        public init(clientVersion: String = FakeGethNode.defaultClientVersion, missingAccountPreimages: Set<Address> = [],
                    missingStoragePreimages: Set<[UInt8]> = [], prunedHistory: Bool = false, debugAPIEnabled: Bool = true,
                    delay: Duration? = nil) {
            self.clientVersion = clientVersion
            self.missingAccountPreimages = missingAccountPreimages
            self.missingStoragePreimages = missingStoragePreimages
            self.prunedHistory = prunedHistory
            self.debugAPIEnabled = debugAPIEnabled
            self.delay = delay
        }
    }

    /// A real geth 1.16 version string.
    public static let defaultClientVersion = "Geth/v1.16.8-stable-6a0c4f8c/linux-amd64/go1.24.1"

    /// The HTTP server; use it for request counts and fault injection.
    public let server: JSONRPCTestServer
    private let state: LockedState<(chain: FakeExecutionChain, knobs: Knobs)>

    /// Starts serving `chain` at once.
    public init(chain: FakeExecutionChain, knobs: Knobs = Knobs(), limits: JSONRPCTestServer.Limits = .init()) throws {
        let state = LockedState((chain: chain, knobs: knobs))
        self.state = state
        // Answered on the server's threads: a child process under test gets its answers even while the test's
        // own threads (Swift's cooperative pool) are blocked waiting for it.
        server = try JSONRPCTestServer.answeringOnItsThreads(limits: limits) { method, params in
            let (chain, knobs) = state.withLock { ($0.chain, $0.knobs) }
            if let delay = knobs.delay { Thread.sleep(forTimeInterval: delay.seconds) }
            return try FakeGethMethods(chain: chain, knobs: knobs).answer(method, params)
        }
    }

    /// `http://127.0.0.1:<port>`.
    public var url: URL { server.url }

    /// The chain served; setting it (e.g. after appending a block) takes effect at the next call.
    public var chain: FakeExecutionChain {
        get { state.withLock { $0.chain } }
        set { state.withLock { $0.chain = newValue } }
    }

    /// The knobs in force; setting them takes effect at the next call.
    public var knobs: Knobs {
        get { state.withLock { $0.knobs } }
        set { state.withLock { $0.knobs = newValue } }
    }

    /// How many calls of `method` reached the node.
    public func requestCount(for method: String) -> Int { server.requestCount(for: method) }

    /// Stops serving.
    public func stop() { server.stop() }
}
