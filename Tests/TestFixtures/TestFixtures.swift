import Foundation

/// The fixture files every test target shares: one copy of each, under `Tests/TestFixtures/Fixtures` (each file's
/// source is in that folder's README.md). Paths are relative to that folder, e.g. `genesis/mainnet.json`.
public enum TestFixtures {
    /// A fixture path that names no file in the bundle.
    public struct Missing: Error, CustomStringConvertible {
        /// The path asked for, relative to the fixtures folder.
        public let path: String
        public var description: String {
            "fixture \(path) is missing: add it under Tests/TestFixtures/Fixtures and list its source in the README there"
        }
    }

    /// The fixtures folder, as copied into the bundle.
    public static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// The file at `path`; throws ``Missing`` if there is none.
    public static func url(_ path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: path) }
        return url
    }

    /// The bytes of the file at `path`.
    public static func data(_ path: String) throws -> Data {
        try Data(contentsOf: url(path))
    }

    /// The UTF-8 text of the file at `path`.
    public static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }
}
