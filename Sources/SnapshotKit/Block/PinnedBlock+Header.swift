extension PinnedBlock {
    /// Reads the fields a snapshot needs from a block object as `eth_getBlockBy…` returns it (hex quantities and
    /// `0x` byte strings).
    public init(header json: JSONValue) throws(BlockPinningError) {
        guard json.objectValue != nil else {
            throw .malformedHeader(field: "block", reason: "expected a JSON object")
        }
        func quantity(_ key: String) throws(BlockPinningError) -> UInt256? {
            guard let value = json[key], !value.isNull else { return nil }
            do { return try Quantity.uint256(value, field: key) } catch {
                throw .malformedHeader(field: key, reason: error.description)
            }
        }
        func required64(_ key: String) throws(BlockPinningError) -> UInt64 {
            guard let value = try quantity(key) else { throw .malformedHeader(field: key, reason: "missing") }
            guard let small = value.uint64Value else { throw .malformedHeader(field: key, reason: "does not fit in 64 bits") }
            return small
        }
        func bytes(_ key: String, count: Int?) throws(BlockPinningError) -> [UInt8] {
            guard let text = json[key]?.stringValue else {
                throw .malformedHeader(field: key, reason: "missing or not a hex string")
            }
            let decoded: [UInt8]
            do { decoded = try Hex.decode(text) } catch { throw .malformedHeader(field: key, reason: error.description) }
            if let count, decoded.count != count {
                throw .malformedHeader(field: key, reason: "expected \(count) bytes, found \(decoded.count)")
            }
            return decoded
        }
        self.init(
            number: try required64("number"),
            hash: try bytes("hash", count: 32),
            stateRoot: try bytes("stateRoot", count: 32),
            timestamp: try required64("timestamp"),
            gasLimit: try required64("gasLimit"),
            baseFeePerGas: try quantity("baseFeePerGas"),
            extraData: try bytes("extraData", count: nil))
    }
}
