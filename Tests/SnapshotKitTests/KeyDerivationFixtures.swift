import Foundation
import Testing
@testable import SnapshotKit

/// Reads the key-handling fixtures under `Fixtures/keys/` (sources in Fixtures/README.md).
enum KeyFixture {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "fixture Fixtures/keys/\(path) is missing from the test bundle" }
    }

    static func data(_ path: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/keys/\(path)", withExtension: nil),
            "fixture Fixtures/keys/\(path) is missing"
        )
        return try Data(contentsOf: url)
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
