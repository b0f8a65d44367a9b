import SnapshotKit

/// Deterministic accounts for fake world states: the same seed always gives the same accounts, and different seeds
/// give different addresses.
public enum FakeAccounts {
    /// `count` externally owned accounts with distinct balances and nonces.
    public static func externallyOwned(count: Int, seed: String) -> [Account] {
        (0..<count).map { index in
            let digest = Keccak256.hash(Array("\(seed)/eoa/\(index)".utf8))
            return Account(address: address(from: digest), nonce: UInt64(index % 7),
                           balance: UInt256(UInt64(index + 1)).multipliedReportingOverflow(by: 1_000_000_000_000_000).partialValue)
        }
    }

    /// A contract with exactly `slots` nonzero storage slots and `codeBytes` bytes of code. Slots are keccak-derived 32-byte
    /// keys (as Solidity mappings make them) plus the first few small ones; values vary in width.
    public static func contract(seed: String, slots: Int, codeBytes: Int = 512, balance: UInt256 = .zero, nonce: UInt64 = 1) -> Account {
        var storage: [[UInt8]: UInt256] = [:]
        storage.reserveCapacity(slots)
        for index in 0..<slots {
            let slot = index < 4 ? UInt256(UInt64(index)).bigEndianBytes : Keccak256.hash(Array("\(seed)/slot/\(index)".utf8))
            let valueBytes = Keccak256.hash(Array("\(seed)/value/\(index)".utf8)).prefix(1 + index % 32)
            let value = UInt256(bigEndian: valueBytes)!
            storage[slot] = value.isZero ? UInt256(1) : value
        }
        return Account(address: address(from: Keccak256.hash(Array("\(seed)/contract".utf8))), nonce: nonce,
                       balance: balance, code: code(seed: seed, bytes: codeBytes), storage: storage)
    }

    /// `bytes` bytes of pseudo-random code, starting like Solidity output.
    public static func code(seed: String, bytes: Int) -> [UInt8] {
        var code: [UInt8] = [0x60, 0x80, 0x60, 0x40, 0x52]
        var block = 0
        while code.count < bytes {
            code += Keccak256.hash(Array("\(seed)/code/\(block)".utf8))
            block += 1
        }
        return Array(code.prefix(bytes))
    }

    /// The address made of the last 20 bytes of a 32-byte digest, as `CREATE` derives one.
    public static func address(from digest: [UInt8]) -> Address {
        Address(bytes: Array(digest.suffix(20)))!
    }
}
