import Foundation
import Testing

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

    /// The non-empty lines of a text fixture (e.g. one 0x value per line).
    static func lines(_ path: String) throws -> [String] {
        try text(path).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }
}
