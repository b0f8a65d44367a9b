import Foundation
import SnapshotKit
import Testing

/// `FileErrorReason`: Foundation's file errors as plain reasons, never `NSCocoaErrorDomain error 512`.
@Suite struct FileErrorReasonTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("file-error-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writingOverAFolderIsADirectory() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: (any Error).self) { try Data("x".utf8).write(to: folder) }
        let reason = FileErrorReason.of(error)
        #expect(!reason.contains("NSCocoaErrorDomain") && !reason.contains("could not be completed"), "\(reason)")
        #expect(reason == "is a directory" || reason == "file exists" || reason == "cannot write (unknown reason)", "\(reason)")
    }

    @Test func aMissingFileIsNamedWithItsPath() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent")
        let error = try #require(throws: (any Error).self) { try Data(contentsOf: missing) }
        #expect(FileErrorReason.of(error) == "no such file or directory")
        #expect(FileErrorReason.describe(error) == "\(missing.path): no such file or directory")
    }

    @Test func codesMapToPlainReasons() {
        #expect(FileErrorReason.of(CocoaError(.fileWriteOutOfSpace)) == "no space left on device")
        #expect(FileErrorReason.of(CocoaError(.fileWriteNoPermission)) == "permission denied")
        #expect(FileErrorReason.of(POSIXError(.ENOSPC)) == "no space left on device")
        #expect(FileErrorReason.of(POSIXError(.EISDIR)) == "is a directory")
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: CocoaError.Code.fileWriteUnknown.rawValue,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(FileErrorReason.of(wrapped) == "permission denied")
    }
}
