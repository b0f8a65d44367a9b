import Foundation
import Yams

/// A consensus-layer network config (`config.yaml`): its `KEY: value` members in document order, values kept as
/// written so a rewrite changes only the keys it sets (comments are not kept).
///
/// Typed reads follow eth-beacon-genesis (`beaconconfig/config.go`), the tool whose genesis states this project
/// reproduces: a plain YAML integer is a number (for `*_FORK_VERSION` keys: 4 big-endian bytes), a string starting
/// with `0x` is bytes, a decimal string is a number.
public struct ConsensusConfig: Sendable, Equatable {
    /// The members in document order.
    public var entries: [ConsensusConfigEntry]

    /// A config from its members.
    public init(entries: [ConsensusConfigEntry]) {
        self.entries = entries
    }

    /// Parses `config.yaml` text: a YAML mapping of keys to values.
    public init(yaml: String) throws(ConsensusGenesisError) {
        let root: Node?
        do { root = try BoundedYAML.compose(yaml) } catch { throw .invalidConfig(reason: error.description) }
        guard case .mapping(let mapping)? = root else { throw .invalidConfig(reason: "expected a mapping of keys") }
        var entries: [ConsensusConfigEntry] = []
        for (key, value) in mapping {
            guard let name = key.string, !name.isEmpty else { throw .invalidConfig(reason: "a key is not a string") }
            entries.append(ConsensusConfigEntry(key: name, value: ConsensusConfigValue(node: value)))
        }
        self.init(entries: entries)
    }

    /// Reads and parses a `config.yaml` file.
    public init(contentsOf url: URL) throws(ConsensusGenesisError) {
        try self.init(yaml: try TextFile.read(url))
    }

    /// The YAML text: one `KEY: value` line per scalar member, block style for non-empty sequences and mappings.
    public var yaml: String {
        entries.flatMap { $0.value.lines(key: $0.key, indent: 0) }.joined(separator: "\n") + "\n"
    }

    /// The value of `key`; setting replaces it in place, or appends the key when absent (nil removes it).
    public subscript(key: String) -> ConsensusConfigValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(ConsensusConfigEntry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Sets `key` in place if present, else inserts it right after `anchor` (or at the end when `anchor` is absent).
    public mutating func set(_ key: String, to value: ConsensusConfigValue, after anchor: String) {
        if self[key] != nil {
            self[key] = value
        } else if let index = entries.firstIndex(where: { $0.key == anchor }) {
            entries.insert(ConsensusConfigEntry(key: key, value: value), at: index + 1)
        } else {
            self[key] = value
        }
    }

    // MARK: Typed reads (eth-beacon-genesis semantics)

    /// The number at `key`, or nil when absent or not a number.
    public func uint64(_ key: String) -> UInt64? {
        guard case .number(let value)? = try? typed(key) else { return nil }
        return value
    }

    /// The number at `key`, or `defaultValue` when absent or not a number.
    public func uint64(_ key: String, default defaultValue: UInt64) -> UInt64 {
        uint64(key) ?? defaultValue
    }

    /// The bytes at `key` (a `0x` string, or a `*_FORK_VERSION` integer as 4 big-endian bytes), nil when absent or
    /// not bytes; throws when a `0x` string is not hex.
    public func bytes(_ key: String) throws(ConsensusGenesisError) -> [UInt8]? {
        guard case .bytes(let bytes)? = try typed(key) else { return nil }
        return bytes
    }

    /// The string at `key` (quoted, or plain text that is not a number), nil otherwise.
    public func string(_ key: String) -> String? {
        guard case .string(let text)? = try? typed(key) else { return nil }
        return text
    }

    /// What eth-beacon-genesis makes of a value.
    private enum Typed {
        case number(UInt64)
        case bytes([UInt8])
        case string(String)
    }

    private func typed(_ key: String) throws(ConsensusGenesisError) -> Typed? {
        guard case .scalar(let text, let style)? = self[key] else { return nil }
        if style == .plain {
            if let integer = GoYAMLInteger(text) {
                if integer.isSignedInt, key.hasSuffix("_FORK_VERSION") {
                    let value = UInt32(truncatingIfNeeded: integer.unsigned)
                    return .bytes((0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32($0))) })
                }
                return .number(integer.unsigned)
            }
            if Self.isNonStringPlainScalar(text) { return nil }
        }
        if text.hasPrefix("0x") {
            do {
                return .bytes(try Hex.decode(text.replacingOccurrences(of: "0x", with: "")))
            } catch {
                throw .invalidConfigValue(key: key, reason: error.description)
            }
        }
        if let number = UInt64(text) { return .number(number) }
        return .string(text)
    }

    /// Plain scalars YAML resolves to null, a boolean or a float (eth-beacon-genesis ignores those values).
    private static func isNonStringPlainScalar(_ text: String) -> Bool {
        let special: Set<String> = [
            "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
        ]
        if special.contains(text) { return true }
        let numeric = text.allSatisfy { "0123456789._eE+-".contains($0) }
        return numeric && Double(text.replacingOccurrences(of: "_", with: "")) != nil
    }
}
