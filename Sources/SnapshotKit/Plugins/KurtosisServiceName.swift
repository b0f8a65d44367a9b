/// A service name in ethereum-package's scheme: `el-1-geth-lighthouse`, `cl-01-lighthouse-geth`, `vc-1-geth-lighthouse`.
public struct KurtosisServiceName: Sendable, Equatable {
    /// What the service runs.
    public enum Kind: String, Sendable {
        case execution = "el"
        case consensus = "cl"
        case validator = "vc"
    }

    public let kind: Kind
    /// The participant index (zero padding removed).
    public let index: Int
    /// The client token right after the index, lowercased: the service's own client (for `vc-`, the EL).
    public let firstClient: String
    /// The token after that, if any: the paired client.
    public let secondClient: String?

    /// Parses a name; `nil` when it does not follow the scheme.
    public init?(_ name: String) {
        let parts = name.lowercased().split(separator: "-").map(String.init)
        guard parts.count >= 3, let kind = Kind(rawValue: parts[0]), let index = Int(parts[1]) else { return nil }
        self.kind = kind
        self.index = index
        self.firstClient = parts[2]
        self.secondClient = parts.count > 3 ? parts[3] : nil
    }
}
