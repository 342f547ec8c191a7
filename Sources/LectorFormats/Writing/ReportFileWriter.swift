import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LectorText

/// Writes a file that may not exist yet so that a reader only ever sees the old file or the new
/// one: the contents go to a hidden temporary file in the same directory (rename(2) is atomic only
/// within one file system), are flushed to disk, and the file is renamed into place.
///
/// `AtomicFileWriter` replaces existing files and keeps their permissions; reports are new files,
/// so this one creates them (mode 0644 less the umask) and replaces an old report outright.
public enum ReportFileWriter {
    public static func write(_ contents: Data, toPath path: String) throws(InputError) {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try contents.write(to: temporary)
            // Flushed before the rename, so that a crash cannot leave a renamed but empty file.
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "cannot write the file: \(reason(error))")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "cannot write the file: \(reason)")
        }
    }

    /// A short reason for a failed write; Foundation's own wording is long and generic.
    private static func reason(_ error: any Error) -> String {
        switch (error as? CocoaError)?.code {
        case .fileNoSuchFile?: "its directory does not exist"
        case .fileWriteNoPermission?: "permission denied"
        case .fileWriteOutOfSpace?: "no space left on the device"
        default: error.localizedDescription
        }
    }
}
