import Foundation
import SnapshotKit
import Testing

/// The last step of `create`: a folder that `SnapshotVerifier` does not pass is never renamed into place.
@Suite struct VerificationStepTests {
    /// The repository's example genesis folder and dump.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/devnet-dump")

    @Test func aFolderThatFailsVerificationIsNotKept() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("verification-step-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let files = try SourceGenesisFiles(folder: Self.example.appendingPathComponent("genesis"))
        let genesis = try GenesisFile(contentsOf: files.genesis)
        let dump = Self.example.appendingPathComponent("state.jsonl")
        let block = PinnedBlock.offline(stateRoot: try DumpStateSource.root(of: dump), number: 0, genesis: genesis.parameters)
        let draft = SnapshotDraft(
            workspace: try SnapshotWorkspace(outputFolder: out, name: "snap"), block: block, sourceFiles: files,
            sourceGenesis: genesis.parameters, tool: .init(version: "9.9.9"), createdAt: Date(timeIntervalSince1970: 0),
            source: .init(enclave: nil, rpcURL: nil, elClient: nil, clientVersion: nil, chainId: 3_151_908, blockNumber: 0,
                          blockHash: nil, stateRoot: block.stateRoot))
        // No consensus genesis and no runtime: the EL checks hold, the others fail.
        let error = await #expect(throws: AssembledSnapshotError.self) {
            _ = try await SnapshotAssembler(steps: [
                ExecutionGenesisStep(source: DumpStateSource(url: dump), concurrency: 1), SourceFilesStep(), MetadataStep(),
                VerificationStep(),
            ]).assemble(draft)
        }
        let failed = Set(error?.failures.map(\.name) ?? [])
        #expect(failed.isSuperset(of: ["compose.mounts", "compose.images", "runtime.scripts"]))
        #expect(!failed.contains("files") && !failed.contains("el.stateRoot"))
        #expect(error?.description.hasPrefix("the assembled snapshot failed verification (") == true)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty, "nothing is left")
    }
}
