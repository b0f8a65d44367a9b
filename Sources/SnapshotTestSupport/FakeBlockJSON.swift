import SnapshotKit

extension FakeBlockHeader {
    /// The block as `eth_getBlockByNumber`/`eth_getBlockByHash` return it without transaction bodies: a post-merge
    /// block with no transactions, no withdrawals and no blobs, members in the alphabetical order geth writes.
    public func rpcJSON() -> JSONValue {
        let zeroHash = Hex.encode([UInt8](repeating: 0, count: 32))
        let emptyTrie = Hex.encode(MerklePatriciaTrie.emptyRoot)
        var members: [(key: String, value: JSONValue)] = []
        if let baseFeePerGas { members.append(("baseFeePerGas", .string(baseFeePerGas.hexQuantity))) }
        members += [
            ("blobGasUsed", .string("0x0")),
            ("difficulty", .string("0x0")),
            ("excessBlobGas", .string("0x0")),
            ("extraData", .string(Hex.encode(extraData))),
            ("gasLimit", .string(UInt256(gasLimit).hexQuantity)),
            ("gasUsed", .string("0x0")),
            ("hash", .string(Hex.encode(hash))),
            ("logsBloom", .string(Hex.encode([UInt8](repeating: 0, count: 256)))),
            ("miner", .string(miner.description)),
            ("mixHash", .string(zeroHash)),
            ("nonce", .string("0x0000000000000000")),
            ("number", .string(UInt256(number).hexQuantity)),
            ("parentBeaconBlockRoot", .string(zeroHash)),
            ("parentHash", .string(Hex.encode(parentHash))),
            ("receiptsRoot", .string(emptyTrie)),
            ("sha3Uncles", .string(Hex.encode(Keccak256.hash(RLP.encodeList([]))))),
            ("size", .string("0x2a0")),
            ("stateRoot", .string(Hex.encode(stateRoot))),
            ("timestamp", .string(UInt256(timestamp).hexQuantity)),
            ("transactions", .array([])),
            ("transactionsRoot", .string(emptyTrie)),
            ("uncles", .array([])),
            ("withdrawals", .array([])),
            ("withdrawalsRoot", .string(emptyTrie)),
        ]
        return .object(members)
    }
}
