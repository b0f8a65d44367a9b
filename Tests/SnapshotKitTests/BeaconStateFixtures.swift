import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// A reference genesis state in `Fixtures/cl-genesis` with its expected values.
struct GenesisVector: Sendable, CustomTestStringConvertible {
    /// Folder of `genesis.ssz` and `state_root.txt`, relative to `Fixtures/cl-genesis`.
    let folder: String
    /// Folder of `summary.json` and the other expectations (the parent case for a rewritten genesis time).
    let expectationsFolder: String
    let fork: ConsensusFork
    /// The genesis time when it differs from `summary.json`'s.
    let genesisTime: UInt64?

    var testDescription: String { folder }

    static let caseA = GenesisVector(
        folder: "a-minimal-fulu-8val-0x01", expectationsFolder: "a-minimal-fulu-8val-0x01", fork: .fulu,
        genesisTime: nil)
    static let caseARetimed = GenesisVector(
        folder: "a-minimal-fulu-8val-0x01/genesis_time_1800000000", expectationsFolder: "a-minimal-fulu-8val-0x01",
        fork: .fulu, genesisTime: 1_800_000_000)
    static let caseB = GenesisVector(
        folder: "b-minimal-electra-64val-0x00", expectationsFolder: "b-minimal-electra-64val-0x00", fork: .electra,
        genesisTime: nil)
    static let caseF = GenesisVector(
        folder: "f-minimal-fulu-mixed-validators", expectationsFolder: "f-minimal-fulu-mixed-validators", fork: .fulu,
        genesisTime: nil)
    static let all = [caseA, caseARetimed, caseB, caseF]

    func genesisSSZ() throws -> [UInt8] {
        [UInt8](try Self.data("genesis.ssz", in: folder))
    }

    func decodedState() throws -> BeaconState {
        try BeaconState(decoding: genesisSSZ(), fork: fork, preset: .minimal)
    }

    /// `state_root.txt` of this state.
    func stateRoot() throws -> [UInt8] {
        try [UInt8](hex: Self.lines("state_root.txt", in: folder)[0])
    }

    /// The lines of an expectations file.
    func expectationLines(_ file: String) throws -> [String] {
        try Self.lines(file, in: expectationsFolder)
    }

    /// `summary.json` of the case.
    func summary() throws -> GenesisSummary {
        let object = try JSONSerialization.jsonObject(with: Self.data("summary.json", in: expectationsFolder))
        return GenesisSummary(object: try #require(object as? [String: Any]))
    }

    static func data(_ file: String, in folder: String) throws -> Data {
        try TestFixtures.data("cl-genesis/\(folder)/\(file)")
    }

    static func lines(_ file: String, in folder: String) throws -> [String] {
        String(decoding: try data(file, in: folder), as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// Typed access to a `summary.json` object.
struct GenesisSummary {
    let object: [String: Any]

    subscript(key: String) -> GenesisSummary? {
        (object[key] as? [String: Any]).map(GenesisSummary.init)
    }

    func string(_ key: String) throws -> String {
        try #require(object[key] as? String, "summary.json: \(key) is not a string")
    }

    func bytes(_ key: String) throws -> [UInt8] {
        try [UInt8](hex: string(key))
    }

    /// A number written as a JSON number or as a decimal string.
    func uint64(_ key: String) throws -> UInt64 {
        try Self.uint64(object[key], key: key)
    }

    func uint64s(_ key: String) throws -> [UInt64] {
        let values = try #require(object[key] as? [Any], "summary.json: \(key) is not an array")
        return try values.map { try Self.uint64($0, key: key) }
    }

    func bools(_ key: String) throws -> [Bool] {
        try #require(object[key] as? [Bool], "summary.json: \(key) is not an array of booleans")
    }

    private static func uint64(_ value: Any?, key: String) throws -> UInt64 {
        if let text = value as? String { return try #require(UInt64(text), "summary.json: \(key) = \(text)") }
        if let number = value as? Int, number >= 0 { return UInt64(number) }
        return try #require((value as? NSNumber)?.uint64Value, "summary.json: \(key) is not a number")
    }
}
