/// The extracted state is not provably the complete state of the pinned block, so no snapshot may be written.
///
/// The messages name the likely causes from the source's declared `NodeRequirement`s, so the core never has to
/// know which client it is talking to.
public enum StateVerificationError: Error, Equatable, CustomStringConvertible {
    /// The recomputed state root differs from the block's `stateRoot`.
    case rootMismatch(block: UInt64, expected: [UInt8], computed: [UInt8], accounts: Int, source: String,
                      requirements: [NodeRequirement])
    /// An account came at or before the previous one in ascending keccak(address) order.
    case accountOutOfOrder(address: Address, previous: Address, source: String)
    /// An account came twice.
    case duplicateAccount(Address, source: String)
    /// The source itself saw that it cannot deliver the whole state (e.g. an account listed without its address).
    case incomplete(reason: String, requirements: [NodeRequirement])

    public var description: String {
        switch self {
        case .rootMismatch(let block, let expected, let computed, let accounts, let source, let requirements):
            "the extracted state is incomplete: the state root of the \(accounts) accounts read by \(source) is "
                + "\(Hex.encode(computed)), but block \(block)'s stateRoot is \(Hex.encode(expected)); "
                + Self.causes(requirements) + "; nothing was written"
        case .accountOutOfOrder(let address, let previous, let source):
            "\(source) returned account \(address) after \(previous), out of keccak(address) order; the state cannot be "
                + "verified, nothing was written"
        case .duplicateAccount(let address, let source):
            "\(source) returned account \(address) twice; the state cannot be verified, nothing was written"
        case .incomplete(let reason, let requirements):
            "the extracted state is incomplete: \(reason); " + Self.causes(requirements) + "; nothing was written"
        }
    }

    /// `likely causes, from what the source needs: …` from the requirements, or a generic sentence without any.
    private static func causes(_ requirements: [NodeRequirement]) -> String {
        guard !requirements.isEmpty else {
            return "the source did not return the complete state of this block"
        }
        let listed = requirements.map { "\($0.summary) — \($0.remedy)" }
        return (listed.count == 1 ? "likely cause, from what the source needs: " : "likely causes, from what the source needs: ")
            + listed.joined(separator: "; or ")
    }
}
