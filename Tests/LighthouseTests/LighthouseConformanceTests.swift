import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
@testable import LighthousePlugin

/// Lighthouse passes the checks every consensus plugin passes.
@Suite struct LighthouseConformanceTests {
    @Test func passesTheConsensusConformanceChecks() throws {
        let caseA = try TestFixtures.url(LighthouseRuntimeSnapshotTests.caseA)
        #expect(ConsensusPluginConformance.problems(of: LighthousePlugin(), caseA: caseA, forks: LighthouseRuntimeSnapshotTests.forks) == [])
    }
}
