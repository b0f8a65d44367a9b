/// A decoded Recursive Length Prefix value: a byte string or a list of items.
public indirect enum RLPItem: Equatable, Sendable {
    case bytes([UInt8])
    case list([RLPItem])
}
