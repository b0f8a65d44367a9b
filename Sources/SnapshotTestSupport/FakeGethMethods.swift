import SnapshotKit

/// Answers one JSON-RPC call the way geth does, from a snapshot of the chain and the knobs.
struct FakeGethMethods {
    let chain: FakeExecutionChain
    let knobs: FakeGethNode.Knobs

    /// geth's `AccountRangeMaxResults`: the most accounts one `debug_accountRange` or `debug_dumpBlock` returns.
    static let maxResults = 256

    typealias Failure = JSONRPCTestServer.RPCFailure

    func answer(_ method: String, _ params: [JSONValue]) throws(Failure) -> JSONValue {
        if method.hasPrefix("debug_") && !knobs.debugAPIEnabled { throw Self.methodNotFound(method) }
        switch method {
        case "web3_clientVersion":
            return .string(knobs.clientVersion)
        case "net_version":
            return .string(String(chain.chainID))
        case "eth_chainId":
            return .string(UInt256(chain.chainID).hexQuantity)
        case "eth_blockNumber":
            return .string(UInt256(chain.head.header.number).hexQuantity)
        case "eth_syncing":
            return .bool(false)
        case "eth_getBlockByNumber":
            let arguments = try Arguments(params, count: 2)
            let selector = try arguments.block(0, allowHash: false)
            _ = try arguments.bool(1)
            return chain.block(selector)?.header.rpcJSON() ?? .null
        case "eth_getBlockByHash":
            let arguments = try Arguments(params, count: 2)
            let hash = try arguments.bytes(0)
            _ = try arguments.bool(1)
            return chain.block(hash: hash)?.header.rpcJSON() ?? .null
        case "debug_accountRange":
            let arguments = try Arguments(params, count: 6)
            let block = try stateBlock(try arguments.block(0, allowHash: true))
            var maxResults = try arguments.int(2)
            if maxResults <= 0 || maxResults > Self.maxResults { maxResults = Self.maxResults }
            let dump = FakeGethDump(skipCode: try arguments.bool(3), skipStorage: try arguments.bool(4),
                                    onlyWithAddresses: !(try arguments.bool(5)), start: try arguments.bytes(1), max: maxResults,
                                    missingAccountPreimages: knobs.missingAccountPreimages,
                                    missingStoragePreimages: knobs.missingStoragePreimages)
            return dump.json(of: block.state)
        case "debug_dumpBlock":
            let arguments = try Arguments(params, count: 1)
            let block = try stateBlock(try arguments.block(0, allowHash: false))
            let dump = FakeGethDump(onlyWithAddresses: true, max: Self.maxResults,
                                    missingAccountPreimages: knobs.missingAccountPreimages,
                                    missingStoragePreimages: knobs.missingStoragePreimages)
            return dump.json(of: block.state)
        default:
            throw Self.methodNotFound(method)
        }
    }

    /// The block whose state a call reads, or geth's error when the block or its state is missing.
    private func stateBlock(_ selector: FakeBlockSelector) throws(Failure) -> FakeExecutionChain.Block {
        guard let block = chain.block(selector) else {
            switch selector {
            case .hash(let hash): throw Failure(code: -32000, message: "block \(Hex.encode(hash)) not found")
            case .number(let number): throw Failure(code: -32000, message: "block #\(number) not found")
            default: throw Failure(code: -32000, message: "block #\(selector) not found")
            }
        }
        if knobs.prunedHistory && block.header.number != chain.head.header.number {
            let root = block.header.stateRoot
            throw Failure(code: -32000, message: "missing trie node \(Hex.encode(root, prefixed: false)) (path ) state \(Hex.encode(root)) is not available")
        }
        return block
    }

    static func methodNotFound(_ method: String) -> Failure {
        Failure(code: -32601, message: "the method \(method) does not exist/is not available")
    }

    /// Positional parameters read as geth's reflection-based decoder reads them, with its error messages.
    private struct Arguments {
        let params: [JSONValue]

        init(_ params: [JSONValue], count: Int) throws(Failure) {
            if params.count > count { throw Failure(code: -32602, message: "too many arguments, want at most \(count)") }
            if params.count < count { throw Failure(code: -32602, message: "missing value for required argument \(params.count)") }
            self.params = params
        }

        func block(_ index: Int, allowHash: Bool) throws(Failure) -> FakeBlockSelector {
            guard let selector = FakeBlockSelector(params[index], allowHash: allowHash) else {
                throw invalid(index, "hex string without 0x prefix")
            }
            return selector
        }

        /// A `hexutil.Bytes`: a `0x` string with an even number of digits.
        func bytes(_ index: Int) throws(Failure) -> [UInt8] {
            guard let text = params[index].stringValue else {
                throw invalid(index, "json: cannot unmarshal non-string into Go value of type hexutil.Bytes")
            }
            guard text.hasPrefix("0x") || text.hasPrefix("0X") else { throw invalid(index, "json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Bytes") }
            guard let bytes = try? [UInt8](hex: text) else { throw invalid(index, "json: cannot unmarshal invalid hex string into Go value of type hexutil.Bytes") }
            return bytes
        }

        func int(_ index: Int) throws(Failure) -> Int {
            guard case .number(let text) = params[index], let value = Int(text) else {
                throw invalid(index, "json: cannot unmarshal \(kind(params[index])) into Go value of type int")
            }
            return value
        }

        func bool(_ index: Int) throws(Failure) -> Bool {
            guard let value = params[index].boolValue else {
                throw invalid(index, "json: cannot unmarshal \(kind(params[index])) into Go value of type bool")
            }
            return value
        }

        private func invalid(_ index: Int, _ reason: String) -> Failure {
            Failure(code: -32602, message: "invalid argument \(index): \(reason)")
        }

        private func kind(_ value: JSONValue) -> String {
            switch value {
            case .string: "string"
            case .number: "number"
            case .bool: "bool"
            case .array: "array"
            case .object: "object"
            case .null: "null"
            }
        }
    }
}
