import Foundation
import SnapshotKit
import Testing

/// docs/troubleshooting.md and the code agree: every error the tool can print has an entry, and no entry names an
/// error that no longer exists.
///
/// The errors are found in the sources, not listed here: every struct, enum, class or actor under `Sources/` that
/// conforms to `Error` and has a `description` (SnapshotTestSupport and snapshotter-bench excepted: the tool never
/// prints theirs). An enum needs an entry per case, `TypeName.caseName`; another type an entry named `TypeName`. An
/// entry is a heading that names it in backticks (several may share one heading), and its section says the
/// **Cause:** and the **Fix:**. The checks of `snapshotter verify` are found by running it, and each needs a heading
/// "Check `name`".
@Suite struct ErrorCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogue = root.appendingPathComponent("docs/troubleshooting.md")
    /// Targets whose errors the tool never prints.
    static let excluded = ["Sources/SnapshotTestSupport/", "Sources/snapshotter-bench/"]

    /// The error types declared in the shipped targets.
    static func errorTypes() throws -> [SwiftErrorScanner.ErrorType] {
        var scanner = SwiftErrorScanner()
        let sources = root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            guard !excluded.contains(where: relative.hasPrefix) else { continue }
            scanner.scan(try String(contentsOf: url, encoding: .utf8), file: relative)
        }
        return scanner.errorTypes
    }

    /// One heading of the catalogue and the text up to the next heading of the same or a higher level.
    struct Section {
        let heading: String
        let names: [String]
        let body: String
    }

    static func sections() throws -> [Section] {
        let lines = try String(contentsOf: catalogue, encoding: .utf8).components(separatedBy: "\n")
        let headings = lines.indices.compactMap { index -> (index: Int, level: Int)? in
            let level = lines[index].prefix { $0 == "#" }.count
            return level > 0 && lines[index].dropFirst(level).hasPrefix(" ") ? (index, level) : nil
        }
        return headings.enumerated().map { position, heading in
            let end = headings[(position + 1)...].first { $0.level <= heading.level }?.index ?? lines.count
            let text = lines[heading.index]
            let names = text.matches(of: /`([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)`/).map { String($0.output.1) }
            return Section(heading: text, names: names, body: lines[(heading.index + 1)..<end].joined(separator: "\n"))
        }
    }

    @Test func theScannerFindsTheErrorTypes() throws {
        let types = try Dictionary(uniqueKeysWithValues: Self.errorTypes().map { ($0.name, $0) })
        #expect(types["PluginRegistry.LookupError"]?.cases == ["unknownClient", "duplicateID"])
        #expect(types["JSONRPCError"]?.kind == .struct, "a struct whose nested Failure enum is not an Error")
        #expect(types["JSONRPCError.Failure"] == nil && types["JSONRPCMessage.Failure"] == nil, "not an Error / no description")
        #expect(types["RuntimeError"]?.cases.count == 9)
        #expect(types["CreateError"]?.file == "Sources/snapshotter/CreateError.swift")
        #expect(types.keys.contains("UnknownStateSourceError") && types.keys.contains("AccountRangeError"))
        #expect(!types.keys.contains { $0.hasPrefix("JSONRPCTestServer") }, "test support is excluded")
    }

    @Test func everyErrorHasAnEntryWithCauseAndFix() throws {
        let sections = try Self.sections()
        let documented = Dictionary(sections.flatMap { section in section.names.map { ($0, section) } }) { first, _ in first }
        for type in try Self.errorTypes() {
            let required = type.kind == .enum ? type.cases.map { "\(type.name).\($0)" } : [type.name]
            for name in required {
                guard let section = documented[name] else {
                    Issue.record("docs/troubleshooting.md has no heading naming `\(name)` (\(type.file))")
                    continue
                }
                #expect(section.body.contains("**Cause:**") && section.body.contains("**Fix:**"),
                        "the entry of `\(name)` (\(section.heading)) must say **Cause:** and **Fix:**")
            }
        }
    }

    @Test func everyEntryNamesAnErrorThatExists() throws {
        let types = try Self.errorTypes()
        var known = Set(types.map(\.name))
        for type in types where type.kind == .enum { known.formUnion(type.cases.map { "\(type.name).\($0)" }) }
        for section in try Self.sections() where !section.heading.contains("Check ") {
            for name in section.names where name.first?.isUppercase == true && !known.contains(name) {
                Issue.record("docs/troubleshooting.md names `\(name)` in \"\(section.heading)\", which is no error type or case in Sources/")
            }
        }
    }

    /// The verifiers' check names: the offline ones from a run on a folder with nothing but an empty file list, and
    /// the node's (`--rpc-url`).
    @Test func everyVerifyCheckHasAnEntry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"files": {}}"#.utf8).write(to: folder.appendingPathComponent("metadata.json"))
        let checks = try SnapshotVerifier(folder: folder).run().checks.map(\.name) + NodeVerifier.checkNames
        #expect(checks.count >= 13)
        let documented = try Self.sections().filter { $0.heading.contains("Check ") }.flatMap(\.names)
        #expect(Set(documented) == Set(checks), "docs/troubleshooting.md \"Check `name`\" headings must be exactly \(checks)")
    }
}
