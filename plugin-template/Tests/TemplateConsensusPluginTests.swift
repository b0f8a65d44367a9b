import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
@testable import TemplatePlugin

/// The Template consensus plugin: the shared consensus conformance checks, then what is particular to Template.
@Suite struct TemplateConsensusPluginTests {
    /// The execution forks active at the EL genesis of cl-genesis case (a) (Osaka at 0).
    static let caseAForks = [
        "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin",
        "london", "mergeNetsplit", "shanghai", "cancun", "prague", "osaka",
    ]

    @Test func passesTheConsensusConformanceChecks() throws {
        let caseA = try TestFixtures.url("cl-genesis/a-minimal-fulu-8val-0x01")
        #expect(ConsensusPluginConformance.problems(of: TemplateConsensusPlugin(), caseA: caseA, forks: Self.caseAForks) == [])
    }

    // TEMPLATE: a `/eth/v1/node/version` answer of a real Template beacon node, and the name ethereum-package gives it.
    @Test func isDetected() throws {
        let registry = try PluginRegistry([TemplateConsensusPlugin()])
        #expect(registry.detect(clientVersion: "Template/v1.0.0/linux-x86_64", layer: .consensus)?.id == "template")
        #expect(registry.detect(serviceName: "cl-1-template-geth", layer: .consensus)?.id == "template")
    }
}
