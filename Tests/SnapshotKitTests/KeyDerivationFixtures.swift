import Foundation
import TestFixtures
@testable import SnapshotKit

/// Reads the key-handling fixtures: the key vectors under `keys/`, and the cl-genesis cases' validators and keystores
/// under `cl-genesis/` (paths starting with `cl-genesis/`). Sources in the shared fixtures' README.md.
enum KeyFixture {
    static func data(_ path: String) throws -> Data {
        try TestFixtures.data(path.hasPrefix("cl-genesis/") ? path : "keys/\(path)")
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// JSON whose integers of 20 or more digits (EIP-2333 secret keys) are turned into strings first, so that
    /// they survive decoding exactly.
    static func jsonQuotingLargeIntegers(_ path: String) throws -> Any {
        let text = try self.text(path).replacing(/:\s*(\d{20,})/) { ": \"\($0.output.1)\"" }
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The non-empty lines of a text fixture (e.g. one 0x value per line).
    static func lines(_ path: String) throws -> [String] {
        try text(path).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }
}
