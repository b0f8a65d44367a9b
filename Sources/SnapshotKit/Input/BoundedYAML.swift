import Yams

/// Composes YAML from an untrusted file with bounds: a document of at most `maxNodes` nodes once every alias is
/// expanded, so that an alias bomb ("billion laughs": each anchor aliased ten times by the next) is refused at once
/// instead of growing the process to gigabytes. Yams offers no such bound for `compose`, whose aliases share storage
/// until someone walks the tree: the walk here stops at the bound.
public enum BoundedYAML {
    /// Far more nodes than a config.yaml (≈ 150) or a mnemonics.yaml holds.
    public static let maxNodes = 100_000

    /// The document's root (`nil` for an empty document).
    public static func compose(_ yaml: String, maxNodes: Int = maxNodes) throws(BoundedYAMLError) -> Node? {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            let first = String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init)
            throw .invalid(reason: first ?? "parse error")
        }
        guard let root else { return nil }
        var budget = maxNodes
        guard spend(&budget, on: root) else { throw .tooManyNodes(limit: maxNodes) }
        return root
    }

    /// Counts `node`'s nodes against `budget`; false as soon as it runs out.
    private static func spend(_ budget: inout Int, on node: Node) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for item in sequence where !spend(&budget, on: item) { return false }
        case .mapping(let mapping):
            for (key, value) in mapping where !spend(&budget, on: key) || !spend(&budget, on: value) { return false }
        }
        return true
    }
}

/// Why untrusted YAML was refused.
public enum BoundedYAMLError: Error, Equatable, CustomStringConvertible {
    case invalid(reason: String)
    /// More nodes than allowed once aliases are expanded.
    case tooManyNodes(limit: Int)

    /// Whether the text is not YAML at all (rather than too large a document).
    public var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .invalid(let reason): reason
        case .tooManyNodes(let limit):
            "more than \(limit) YAML nodes once its aliases (*name) are expanded — refusing a likely alias bomb; "
                + "write the values out without anchors and aliases"
        }
    }
}
