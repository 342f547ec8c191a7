import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LectorText

/// Replaces a file's contents so that a reader, or a crash, only ever sees the old file or the new
/// one, never a half-written mix.
///
/// The new contents go to a temporary file in the same directory (rename(2) is only atomic within
/// one file system), which is flushed to disk with fsync(2) and given the original's permission
/// bits before it is renamed over the original. An interrupted run leaves the original untouched
/// and, at worst, a stray `.NAME.lector-XXXXXX` file beside it.
///
/// A symbolic link is followed: its target is replaced and the link is kept.
public enum AtomicFileWriter {
    /// Test-only hook: when this environment variable holds a number of seconds, the writer
    /// sleeps that long after the temporary file is complete and before the rename, so that a test
    /// can kill the process at exactly that moment and prove the original survives. Nothing else
    /// reads it, and it has no effect when unset.
    static let pauseBeforeRenameVariable = "LECTOR_TEST_PAUSE_BEFORE_RENAME"

    /// Prefix and suffix of the temporary file's name, next to the file being replaced. The dot
    /// hides it from `ls` and globs like `*.txt` should a run be killed before the rename.
    static func temporaryTemplate(for name: String) -> String { ".\(name).lector-XXXXXX" }

    /// Replaces the contents of the existing file at `path` with `contents`.
    ///
    /// Failures are `InputError`s naming the file, because the CLI reports them like other bad
    /// input (exit 2): the usual cause is a file or directory the user may not write.
    public static func write(_ contents: Data, toPath path: String) throws(InputError) {
        let target = resolvedPath(path)
        var original = stat()
        guard stat(target, &original) == 0 else { throw failure(path, "cannot read its permissions") }
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let template = (directory.isEmpty ? "" : directory + "/") + temporaryTemplate(for: name)

        var templateBytes = Array(template.utf8CString)
        let descriptor = templateBytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file beside it") }
        let temporaryPath = String(decoding: templateBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
                                   as: UTF8.self)

        do throws(InputError) {
            try writeAll(contents, to: descriptor, path: path)
            // mkstemp creates the file 0600; give it the original's mode (and, when allowed, its
            // owner) so that the rename does not quietly change who may read the file.
            guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
                throw failure(path, "cannot set the permissions of the temporary file")
            }
            _ = fchown(descriptor, original.st_uid, original.st_gid)
            guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush the temporary file") }
            guard close(descriptor) == 0 else { throw failure(path, "cannot close the temporary file") }
        } catch {
            _ = close(descriptor)
            _ = unlink(temporaryPath)
            throw error
        }

        pauseBeforeRenameIfTesting()

        guard rename(temporaryPath, target) == 0 else {
            let error = failure(path, "cannot replace the file")
            _ = unlink(temporaryPath)
            throw error
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    // MARK: - Steps

    /// The file a path finally names, so that writing through a symbolic link replaces the
    /// target and not the link.
    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// write(2) may write less than asked, and may be interrupted; loop until all is written.
    private static func writeAll(_ contents: Data, to descriptor: Int32, path: String) throws(InputError) {
        let failed: Bool = contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var written = 0
            while written < buffer.count {
                guard let base = buffer.baseAddress else { return true }
                let result = systemWrite(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                written += result
            }
            return false
        }
        if failed { throw failure(path, "cannot write the temporary file") }
    }

    /// Makes the rename itself durable. Best effort: some file systems refuse fsync on a directory.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    private static func pauseBeforeRenameIfTesting() {
        guard let value = ProcessInfo.processInfo.environment[pauseBeforeRenameVariable],
              let seconds = Double(value), seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }

    private static func failure(_ path: String, _ what: String) -> InputError {
        let reason = String(cString: strerror(errno))
        return InputError(file: path, message: "\(what) (\(reason))")
    }
}

/// write(2), named apart from `AtomicFileWriter.write` so the call inside the type resolves.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
