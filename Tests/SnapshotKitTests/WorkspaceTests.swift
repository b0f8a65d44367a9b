import Foundation
import SnapshotKit
import Testing

@Suite struct WorkspaceTests {
    private func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("workspace-\(UUID().uuidString)")
    }

    private func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func assemblesInAHiddenPartialFolderAndRenamesAtTheEnd() throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let workspace = try SnapshotWorkspace(outputFolder: out, name: "devnet-12-20261127T171900Z")
        #expect(workspace.root.lastPathComponent.hasPrefix(".devnet-12-20261127T171900Z.partial-"))
        #expect(workspace.root.deletingLastPathComponent().path == out.path)
        #expect(contents(out) == [workspace.root.lastPathComponent])
        let file = try workspace.file("el/genesis.json")
        try Data("{}".utf8).write(to: file)
        try Data("scratch".utf8).write(to: workspace.work.appendingPathComponent("download"))

        let destination = try workspace.commit()
        #expect(destination.lastPathComponent == "devnet-12-20261127T171900Z")
        #expect(contents(out) == ["devnet-12-20261127T171900Z"], "the partial folder and its scratch space are gone")
        #expect(contents(destination) == ["el"])
        #expect(try Data(contentsOf: destination.appendingPathComponent("el/genesis.json")) == Data("{}".utf8))
    }

    @Test func discardRemovesEverything() throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let workspace = try SnapshotWorkspace(outputFolder: out, name: "snap")
        try Data("x".utf8).write(to: try workspace.file("a/b/c.txt"))
        workspace.discard()
        #expect(contents(out).isEmpty)
    }

    @Test func refusesAnExistingDestinationUpFrontAndAtCommit() throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out.appendingPathComponent("taken"), withIntermediateDirectories: true)
        let error = #expect(throws: WorkspaceError.self) { try SnapshotWorkspace(outputFolder: out, name: "taken") }
        #expect(error == .destinationExists(out.appendingPathComponent("taken").standardizedFileURL.path))
        #expect(error?.description.contains("never overwritten") == true)
        #expect(contents(out) == ["taken"])

        let late = try SnapshotWorkspace(outputFolder: out, name: "late")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("late"), withIntermediateDirectories: true)
        #expect(throws: WorkspaceError.destinationExists(late.destination.path)) { try late.commit() }
        late.discard()
        #expect(contents(out) == ["late", "taken"])
    }

    @Test(arguments: ["", ".hidden", "a/b", "..", "."])
    func refusesNamesThatAreNotPlainFolderNames(_ name: String) {
        #expect(throws: WorkspaceError.invalidName(name)) { try SnapshotWorkspace(outputFolder: outputFolder(), name: name) }
    }

    @Test func sourceGenesisFilesMustAllBeThere() throws {
        let folder = outputFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("genesis.json"))
        let error = #expect(throws: WorkspaceError.self) { try SourceGenesisFiles(folder: folder) }
        #expect(error?.description.contains("has no config.yaml, mnemonics.yaml") == true)
        try Data().write(to: folder.appendingPathComponent("config.yaml"))
        try Data().write(to: folder.appendingPathComponent("mnemonics.yaml"))
        #expect(try SourceGenesisFiles(folder: folder).mnemonics.lastPathComponent == "mnemonics.yaml")
        #expect(throws: WorkspaceError.self) { try SourceGenesisFiles(folder: folder.appendingPathComponent("missing")) }
    }

    @Test func discardRemovesTheOutputFoldersItCreatedWhileEmpty() throws {
        let parent = outputFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let out = parent.appendingPathComponent("a/b")
        try SnapshotWorkspace(outputFolder: out, name: "x").discard()
        #expect(contents(parent).isEmpty, "a/ and a/b/ were created by the workspace and are gone")

        let kept = try SnapshotWorkspace(outputFolder: out, name: "first")
        #expect(try kept.commit().lastPathComponent == "first")
        try SnapshotWorkspace(outputFolder: out, name: "second").discard()
        #expect(contents(out) == ["first"], "a folder that holds something stays")
        try SnapshotWorkspace(outputFolder: parent, name: "third").discard()
        #expect(contents(parent) == ["a"], "an --out that existed before stays")
    }

    @Test func namesAreBoundSoThePartialNameFitsNameMax() throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let longest = String(repeating: "n", count: SnapshotWorkspace.maxNameBytes)
        let workspace = try SnapshotWorkspace(outputFolder: out, name: longest)
        #expect(workspace.root.lastPathComponent.utf8.count == 255)
        workspace.discard()
        #expect(throws: WorkspaceError.nameTooLong(longest + "n", limit: 237)) {
            try SnapshotWorkspace(outputFolder: out, name: longest + "n")
        }
    }
}
