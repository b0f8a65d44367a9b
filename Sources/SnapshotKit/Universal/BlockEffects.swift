/// What a block changes outside its transactions, so that no transaction trace shows it: the fee recipient's
/// priority fees (and, before the merge, its reward) and the withdrawal credits; and when system calls write.
struct BlockEffects: Sendable, Equatable {
    var number: UInt64
    var timestamp: UInt64
    var feeRecipient: Address
    /// Addresses credited by the block's withdrawals (EIP-4895; amounts are in gwei, but only the address matters).
    var withdrawalRecipients: [Address]

    /// Reads an `eth_getBlockByNumber(number, false)` answer.
    init(json: JSONValue, number: UInt64) throws(UniversalSourceError) {
        func fail(_ reason: String) -> UniversalSourceError { .malformedBlock(block: number, reason: reason) }
        guard json.objectValue != nil else { throw fail(json.isNull ? "the node does not have this block" : "expected an object") }
        if let answered = json["number"], (try? Quantity.uint64(answered, field: "number")) != number {
            throw fail("it is block \(answered.scalarText ?? "?")")
        }
        guard let miner = json["miner"]?.stringValue, let feeRecipient = try? Address(hex: miner) else {
            throw fail("no fee recipient (miner) address")
        }
        do {
            timestamp = try Quantity.uint64(json["timestamp"] ?? .null, field: "timestamp")
        } catch {
            throw fail(error.description)
        }
        var recipients: [Address] = []
        if let withdrawals = json["withdrawals"], !withdrawals.isNull {
            guard let list = withdrawals.arrayValue else { throw fail("withdrawals is not an array") }
            for withdrawal in list {
                guard let text = withdrawal["address"]?.stringValue, let address = try? Address(hex: text) else {
                    throw fail("a withdrawal without an address")
                }
                recipients.append(address)
            }
        }
        self.number = number
        self.feeRecipient = feeRecipient
        self.withdrawalRecipients = recipients
    }
}
