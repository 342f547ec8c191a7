import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads an input file whole, whatever kind of file it is.
///
/// `Data(contentsOf:)` sizes its buffer by the file's size, which a pipe, a FIFO or a terminal
/// does not have: `lector check <(curl …)`, `/dev/stdin` from a pipe and a named pipe all failed
/// with "cannot read the file". This reads until the end of the file instead, so those work as a
/// regular file does. It reads once, which is all a pipe allows.
public enum FileBytes {
    /// The bytes of the file at `path`. A missing file is `missing`, a folder "is a folder, not a
    /// file", any other failure `unreadable` with the system's reason, each an `InputError` naming
    /// the file.
    public static func read(path: String, missing: String = "no such file",
                            unreadable: String = "cannot read the file") throws(InputError) -> Data {
        func failure(_ code: Int32) -> InputError {
            code == ENOENT || code == ENOTDIR
                ? InputError(file: path, message: missing)
                : InputError(file: path, message: "\(unreadable): \(String(cString: strerror(code)))")
        }
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw InputError(file: path, message: "is a folder, not a file")
        }
        // A regular file's size is a good first guess, not a promise: it may grow while read.
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        var data = Data(count: isRegular ? max(Int(status.st_size), 0) + 1 : 1 << 16)
        var filled = 0
        while true {
            if filled == data.count { data.count *= 2 }
            let count = data.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw failure(errno)
            }
        }
        data.count = filled
        return data
    }
}
