/// Why a `metadata.json` could not be read.
public enum MetadataError: Error, Equatable, CustomStringConvertible {
    case invalid(field: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): "metadata.json \(field): \(reason)"
        }
    }
}
