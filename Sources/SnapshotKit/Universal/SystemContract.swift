/// A contract the protocol calls at every block, outside any transaction: what that call writes appears in no
/// transaction trace, so its slots are added by rule.
///
/// Which slots each call writes (from the EIPs and their reference bytecode):
/// - EIP-4788 beacon roots: slot `timestamp % 8191` (the timestamp) and `timestamp % 8191 + 8191` (the parent
///   beacon block root).
/// - EIP-2935 history storage: slot `(number - 1) % 8191` (the parent hash).
/// - EIP-7002 withdrawal requests and EIP-7251 consolidation requests: the dequeue call writes only slots 0–3
///   (excess, count, queue head, queue tail). It reads the queued requests (slots 4 onward) without clearing them,
///   and those were written by the enqueueing transactions, which traces show.
public enum SystemContract: Sendable, CaseIterable {
    case beaconRoots
    case historyStorage
    case withdrawalRequests
    case consolidationRequests

    /// Ring buffer length of EIP-4788 and EIP-2935.
    public static let historyLength: UInt64 = 8191

    /// The contract's address, as its EIP fixes it.
    public var address: Address {
        let hex = switch self {
        case .beaconRoots: "0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02"
        case .historyStorage: "0x0000F90827F1C53a10cb7A02335B175320002935"
        case .withdrawalRequests: "0x00000961Ef480Eb55e80D19ad83579A64c007002"
        case .consolidationRequests: "0x0000BBdDc7CE488642fb579F8B00f3a590007251"
        }
        return try! Address(hex: hex)
    }

    /// The slots the system call of block `number` (at `timestamp`) may write.
    public func slotsWritten(block number: UInt64, timestamp: UInt64) -> [UInt256] {
        switch self {
        case .beaconRoots:
            let index = timestamp % Self.historyLength
            return [UInt256(index), UInt256(index + Self.historyLength)]
        case .historyStorage:
            return number == 0 ? [] : [UInt256((number - 1) % Self.historyLength)]
        case .withdrawalRequests, .consolidationRequests:
            return (0..<4).map { UInt256(UInt64($0)) }
        }
    }
}
