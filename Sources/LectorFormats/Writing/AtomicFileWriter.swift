import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LectorText

/// The one way Lector writes a file: `fix` replacing a text, `--report FORMAT:PATH`,
/// `--write-baseline`, `report` and `diff --out`. A reader, or a crash, only ever sees the old file or the
/// new one, never a half-written mix, and the writer refuses what it could not replace safely.
///
/// How: the new contents go to a temporary file in the destination's directory (rename(2) is atomic
/// only within one file system), get the old file's mode and owner, are flushed with fsync(2), and are
/// renamed over the destination. An interrupted run leaves the destination untouched and, at worst, a
/// stray `.NAME.lector-XXXXXX` file beside it.
///
/// What it refuses (an `InputError` naming the path, exit status 2 in the CLI), and why:
/// - **Anything but a regular file** (FIFO, device such as `/dev/full`, socket, directory): renaming
///   over it would replace the special file itself.
/// - **A file with more than one name (hard links)**: the rename would give this name the new text and
///   leave the other names with the old one. Lector does not edit in place, because an in-place write
///   is not atomic; break the link yourself (`cp f f.new && mv f.new f`) if that is what you want.
/// - **A read-only file** (no write permission bit for its owner, or one the user may not write, even
///   for root): its mode says it must not change.
/// - **A file whose owner or group cannot be kept** (another user's file in a folder you may write): the
///   replacement would silently become yours.
/// - **A file that changed since it was read** (`fix`, given the `FileSnapshot` taken before reading):
///   the rename would lose the other writer's edit. The check runs just before the rename, so only an
///   edit in the few microseconds between the two can still be lost.
///
/// A **symbolic link is written through**: its final target is replaced and the link is kept. A link
/// to a missing file is refused.
public enum AtomicFileWriter {
    /// Test-only hook: when this environment variable holds a number of seconds, the writer sleeps that
    /// long after the temporary file is complete and before the last checks and the rename, so that a
    /// test can kill the process, or change the file, at exactly that moment. It has no effect when unset.
    static let pauseBeforeRenameVariable = "LECTOR_TEST_PAUSE_BEFORE_RENAME"

    /// The name of a temporary file beside the destination. The dot hides it from `ls` and globs.
    static func temporaryTemplate(for name: String) -> String { ".\(name).lector-XXXXXX" }

    /// Replaces the existing file at `path` (`fix`). With `expected`, refuses when the file is no longer
    /// the one that was read.
    public static func replace(_ contents: Data, atPath path: String,
                               expected: FileSnapshot? = nil) throws(InputError) {
        let target = try resolvedPath(path)
        var original = stat()
        guard stat(target, &original) == 0 else { throw failure(path, "cannot read its permissions") }
        try checkReplaceable(original, path: path, target: target)
        try writeAndRename(contents, path: path, target: target, original: original, expected: expected)
    }

    /// The checks `replace(_:atPath:expected:)` makes before it writes, alone: `fix` runs them on every
    /// file before it writes any, so that one file it must refuse does not leave the others half done.
    public static func checkReplaceable(atPath path: String) throws(InputError) {
        let target = try resolvedPath(path)
        var original = stat()
        guard stat(target, &original) == 0 else { throw failure(path, "cannot read its permissions") }
        try checkReplaceable(original, path: path, target: target)
        // What fchown(2) will refuse when the file is written: only root gives a file to another user,
        // and others only to a group they are in.
        if geteuid() != 0, original.st_uid != geteuid() || (original.st_gid != getegid() && !isMember(of: original.st_gid)) {
            throw InputError(file: path, message: "belongs to another user or group, and the replacement could not keep "
                             + "its owner; Lector does not write it")
        }
    }

    private static func isMember(of group: gid_t) -> Bool {
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return filled > 0 && groups.prefix(Int(filled)).contains(group)
    }

    /// Writes an output file (report, baseline), creating it or replacing an existing regular file.
    /// (`-` is a file name here; the CLI maps it to standard output before calling.)
    ///
    /// `inputs` are the files the run read (checked files, glossaries, configuration, baseline): an
    /// output that would land on one of them, under any name or link, is refused, so that
    /// `lector report --out doc doc.md` cannot replace the Markdown it reports on with the report.
    public static func write(_ contents: Data, toPath path: String, sparing inputs: [String] = []) throws(InputError) {
        let (target, original) = try checkedDestination(path, sparing: inputs)
        try writeAndRename(contents, path: path, target: target, original: original, expected: nil)
    }

    /// The checks `write(_:toPath:sparing:)` makes before it writes, alone, so that a command writing
    /// several files can refuse before it writes any.
    public static func checkDestination(_ path: String, sparing inputs: [String] = []) throws(InputError) {
        _ = try checkedDestination(path, sparing: inputs)
    }

    /// The file to write for `path` (through links) and its status when it exists.
    private static func checkedDestination(_ path: String, sparing inputs: [String]) throws(InputError)
        -> (target: String, original: stat?) {
        let target = try resolvedPath(path)
        var original = stat()
        guard stat(target, &original) == 0 else {
            guard errno == ENOENT else { throw failure(path, "cannot read its permissions") }
            return (target, nil)
        }
        try checkReplaceable(original, path: path, target: target)
        for input in inputs {
            var read = stat()
            guard stat(input, &read) == 0, read.st_dev == original.st_dev, read.st_ino == original.st_ino else { continue }
            throw InputError(file: path, message: (input == path ? "is a file" : "is the same file as “\(input)”, one")
                             + " this run reads; Lector does not write its output over an input")
        }
        return (target, original)
    }

    // MARK: - Checks

    /// The file a path finally names, so that writing through a symbolic link replaces the target and
    /// keeps the link. A path that does not exist yet is returned as it is.
    static func resolvedPath(_ path: String) throws(InputError) -> String {
        var link = stat()
        guard lstat(path, &link) == 0 else { return path }
        guard link.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            // `/dev/fd/N` of `<(…)` links to a pipe, which has no path but is there to be described.
            var status = stat()
            if stat(path, &status) == 0 { try checkReplaceable(status, path: path, target: path) }
            throw failure(path, "is a symbolic link to a file that does not exist; Lector writes through links "
                          + "but does not create their targets")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func checkReplaceable(_ status: stat, path: String, target: String) throws(InputError) {
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw InputError(file: path, message: "is \(describe(fileType: type)), not a regular file; "
                             + "Lector only replaces regular files")
        }
        guard status.st_nlink <= 1 else {
            throw InputError(file: path, message: "has \(status.st_nlink) names (hard links); replacing it "
                             + "would leave the other names with the old contents, so Lector does not write it")
        }
        // access(2) says yes to root for any file; the mode bits say whether the file is meant to change.
        guard status.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
            throw InputError(file: path, message: "is read-only (mode \(String(status.st_mode & 0o777, radix: 8))"
                             + " or not writable by you); Lector does not replace it")
        }
    }

    private static func describe(fileType type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    // MARK: - Writing

    private static func writeAndRename(_ contents: Data, path: String, target: String, original: stat?,
                                       expected: FileSnapshot?) throws(InputError) {
        let (directory, name) = split(target)
        let template = (directory.isEmpty ? "" : directory + "/") + temporaryTemplate(for: name)

        var templateBytes = Array(template.utf8CString)
        let descriptor = templateBytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw failure(path, "cannot write a temporary file beside it") }
        let temporaryPath = String(decoding: templateBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
                                   as: UTF8.self)

        do throws(InputError) {
            try writeAll(contents, to: descriptor, path: path)
            // mkstemp creates the file 0600: give it the old file's mode and owner, or a new file's
            // usual mode, so that the rename does not quietly change who may read or own the file.
            let mode = original.map { $0.st_mode & 0o7777 } ?? (0o666 & ~currentUmask())
            guard fchmod(descriptor, mode) == 0 else {
                throw failure(path, "cannot set the permissions of the temporary file")
            }
            if let original, original.st_uid != geteuid() || original.st_gid != getegid() {
                guard fchown(descriptor, original.st_uid, original.st_gid) == 0 else {
                    throw failure(path, "belongs to another user or group, and the replacement could not keep "
                                  + "its owner; Lector does not write it")
                }
                // chown clears set-user-ID and set-group-ID bits; put them back.
                _ = fchmod(descriptor, mode)
            }
            if original != nil { try copyExtendedAttributes(from: target, to: descriptor, path: path) }
            guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush the temporary file") }
            guard close(descriptor) == 0 else { throw failure(path, "cannot close the temporary file") }
        } catch {
            _ = close(descriptor)
            _ = unlink(temporaryPath)
            throw error
        }

        pauseBeforeRenameIfTesting()

        if let expected {
            let now = FileSnapshot(path: target)
            guard now == expected else {
                _ = unlink(temporaryPath)
                throw InputError(file: path, message: "changed while Lector was working on it (another program "
                                 + "wrote it); nothing was written, run again")
            }
        }
        guard rename(temporaryPath, target) == 0 else {
            let error = failure(path, "cannot replace the file")
            _ = unlink(temporaryPath)
            throw error
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// The folder and the name of a path, split at its last `/`. Not NSString's path methods: on
    /// Linux they crash on a name such as `:` (`--report sarif::`).
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Gives the temporary file the extended attributes of the file it replaces: an access control
    /// list (`system.posix_acl_access`), a security label, `user.*` attributes. The rename would
    /// otherwise drop them, and with an ACL who may read or write the file. One that cannot be set
    /// (and that the new file does not already carry) is a refusal, as an owner that cannot be kept is.
    private static func copyExtendedAttributes(from target: String, to descriptor: Int32, path: String) throws(InputError) {
        #if os(Linux)
        guard let xattr = ExtendedAttributeCalls.shared else { return }
        let size = xattr.list(target, nil, 0)
        guard size > 0 else { return }  // none, or a file system without them
        var names = [CChar](repeating: 0, count: size)
        let listed = xattr.list(target, &names, size)
        guard listed > 0 else { throw failure(path, "cannot read its extended attributes") }
        for name in names.prefix(listed).split(separator: 0).map({ Array($0) + [0] }) {
            let valueSize = xattr.get(target, name, nil, 0)
            guard valueSize >= 0 else { throw failure(path, "cannot read its extended attributes") }
            var value = [UInt8](repeating: 0, count: max(valueSize, 1))
            let read = xattr.get(target, name, &value, valueSize)
            guard read >= 0 else { throw failure(path, "cannot read its extended attributes") }
            if xattr.fset(descriptor, name, value, read, 0) == 0 { continue }
            let error = failure(path, "has the extended attribute \(String(cString: name)), which the replacement could "
                                + "not keep; Lector does not write it")
            var present = [UInt8](repeating: 0, count: read + 1)
            let existing = xattr.fget(descriptor, name, &present, read + 1)
            guard existing == read, present.prefix(read).elementsEqual(value.prefix(read)) else { throw error }
        }
        #endif
    }

    /// The process's umask, which can only be read by setting it.
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// write(2) may write less than asked, and may be interrupted; loop until all is written.
    private static func writeAll(_ contents: Data, to descriptor: Int32, path: String) throws(InputError) {
        if let reason = FileDescriptorWriter.writeAll(contents, to: descriptor) {
            throw InputError(file: path, message: "cannot write the temporary file (\(reason.description))")
        }
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

/// What identifies one version of a file: device, inode, size and modification and change times (in
/// nanoseconds). Taken before a file is read and compared just before it is replaced, so that `fix`
/// notices another program's write in between.
public struct FileSnapshot: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64

    /// The snapshot of the file a path names (through symbolic links); nil when it cannot be read.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        modified = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        changed = Int64(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(status.st_ctimespec.tv_nsec)
        #else
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        #endif
    }
}

#if os(Linux)
/// listxattr(2) and its kin, which the Glibc module does not import (`sys/xattr.h` is not in its
/// map). They are part of the C library, so they are looked up there with their C signatures.
private struct ExtendedAttributeCalls {
    typealias List = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias FileGet = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias FileSet = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) -> Int32

    let list: List
    let get: Get
    let fget: FileGet
    let fset: FileSet

    /// nil only if the C library lacks them, and then no file carries extended attributes to lose.
    static let shared: ExtendedAttributeCalls? = {
        let library = dlopen(nil, RTLD_NOW)
        guard let list = dlsym(library, "listxattr"), let get = dlsym(library, "getxattr"),
              let fget = dlsym(library, "fgetxattr"), let fset = dlsym(library, "fsetxattr") else { return nil }
        return ExtendedAttributeCalls(list: unsafeBitCast(list, to: List.self), get: unsafeBitCast(get, to: Get.self),
                                      fget: unsafeBitCast(fget, to: FileGet.self), fset: unsafeBitCast(fset, to: FileSet.self))
    }()
}
#endif
