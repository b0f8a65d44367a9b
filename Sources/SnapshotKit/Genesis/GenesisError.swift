/// Why a genesis file could not be read, interpreted or written. Each description is one line that names the file,
/// field or account at fault.
public enum GenesisError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The text is not JSON.
    case invalidJSON(JSONParser.SyntaxError)
    /// A field geth requires is absent (or `null`).
    case missingField(String)
    /// A field is present but its value is unusable.
    case invalidField(field: String, reason: String)
    /// A numeric field is not a number of the right width.
    case invalidQuantity(Quantity.ParseError)
    /// The alloc lists one address twice (possibly in different letter cases).
    case duplicateAccount(Address)
    /// The output could not be written.
    case unwritable(path: String, reason: String)
    /// One value of the file (an alloc account with its storage, or a top-level field) is longer than the reader's
    /// bound, so it is not read into memory.
    case valueTooLarge(path: String, offset: Int, limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read genesis file \(path): \(reason)"
        case .invalidJSON(let error): "genesis is not valid JSON: \(error)"
        case .missingField(let field): "genesis is missing the required field \(field)"
        case .invalidField(let field, let reason): "genesis \(field): \(reason)"
        case .invalidQuantity(let error): "genesis \(error)"
        case .duplicateAccount(let address): "genesis alloc lists \(address) more than once"
        case .unwritable(let path, let reason): "cannot write genesis file \(path): \(reason)"
        case .valueTooLarge(let path, let offset, let limit):
            "genesis file \(path): the value at byte \(offset) is longer than \(ByteSize.text(limit)), the most one alloc account "
                + "(with its storage) or one field may take; is this a genesis file?"
        }
    }
}
