import Foundation

/// A file operation's error as a plain reason ("permission denied", "no space left on device", "is a directory")
/// instead of Foundation's `The operation could not be completed. (NSCocoaErrorDomain error 512.)`.
public enum FileErrorReason {
    /// Why the file operation failed: the system's reason for its `errno` when the error carries one, else what
    /// the file system shows at the error's path when Foundation gives no reason, else a reason for Foundation's
    /// file error code, else the error's own text.
    public static func of(_ error: any Error) -> String {
        if let code = errnoCode(of: error) { return systemReason(code) }
        let nsError = error as NSError
        let unknown = [CocoaError.Code.fileReadUnknown.rawValue, CocoaError.Code.fileWriteUnknown.rawValue]
        if nsError.domain == NSCocoaErrorDomain, unknown.contains(nsError.code),
           let path = nsError.userInfo[NSFilePathErrorKey] as? String, let reason = diagnosis(of: path) {
            return reason
        }
        if nsError.domain == NSCocoaErrorDomain, let reason = cocoaReasons[nsError.code] { return reason }
        return nsError.localizedFailureReason ?? nsError.localizedDescription
    }

    /// What stands in the way of `path`: its nearest existing folder is a file, or is not writable.
    private static func diagnosis(of path: String) -> String? {
        var current = URL(fileURLWithPath: path)
        while !FileManager.default.fileExists(atPath: current.path), current.pathComponents.count > 1 {
            current = current.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        guard current.path != path, FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory) else {
            return nil
        }
        if !isDirectory.boolValue { return "not a directory (\(current.path) is a file)" }
        if !FileManager.default.isWritableFile(atPath: current.path) { return "permission denied (\(current.path))" }
        return nil
    }

    /// `<path>: <reason>` with the path the error names, or just the reason when it names none.
    public static func describe(_ error: any Error) -> String {
        let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String
            ?? ((error as NSError).userInfo[NSURLErrorKey] as? URL)?.path
        return path.map { "\($0): \(of(error))" } ?? of(error)
    }

    /// The `errno` behind `error`: a POSIX error itself, or the underlying error of a Foundation file error.
    private static func errnoCode(of error: any Error) -> Int32? {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }

    /// `strerror(code)` with a lowercase first letter, as it reads inside a sentence.
    private static func systemReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static let cocoaReasons: [Int: String] = [
        CocoaError.Code.fileNoSuchFile.rawValue: "no such file or directory",
        CocoaError.Code.fileReadNoSuchFile.rawValue: "no such file or directory",
        CocoaError.Code.fileReadNoPermission.rawValue: "permission denied",
        CocoaError.Code.fileWriteNoPermission.rawValue: "permission denied",
        CocoaError.Code.fileWriteOutOfSpace.rawValue: "no space left on device",
        CocoaError.Code.fileWriteVolumeReadOnly.rawValue: "read-only file system",
        CocoaError.Code.fileWriteFileExists.rawValue: "file exists",
        CocoaError.Code.fileReadTooLarge.rawValue: "file too large",
        CocoaError.Code.fileReadCorruptFile.rawValue: "the file is not in the expected format",
        CocoaError.Code.fileReadInapplicableStringEncoding.rawValue: "the file is not valid text in the expected encoding",
        CocoaError.Code.fileWriteInvalidFileName.rawValue: "invalid file name",
        CocoaError.Code.fileLocking.rawValue: "the file is locked",
        CocoaError.Code.fileReadUnknown.rawValue: "cannot read (unknown reason)",
        CocoaError.Code.fileWriteUnknown.rawValue: "cannot write (unknown reason)",
    ]
}
