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
        // One read loop for both forms: the array's bytes copied once into the `Data`, where a
        // loop of its own filled a `Data` with zeros first.
        Data(try bytes(path: path, missing: missing, unreadable: unreadable))
    }

    /// The bytes of the file as an array, for the readers that walk bytes (and for `read`): read
    /// into the array's own fresh memory, where a `Data` of the file was first filled with zeros,
    /// then read into, then copied into an array (three writes of every byte).
    package static func bytes(path: String, missing: String = "no such file",
                              unreadable: String = "cannot read the file") throws(InputError) -> [UInt8] {
        let file = try OpenFile(path: path, missing: missing, unreadable: unreadable)
        defer { close(file.descriptor) }
        var bytes: [UInt8] = []
        var space = file.firstGuess
        while true {
            var result = 0
            var reason: Int32 = 0
            bytes.append(addingCapacity: space) { span in
                span.withUnsafeMutableBufferPointer { buffer, count in
                    while count < buffer.count {
                        let read = Glibc.read(file.descriptor, buffer.baseAddress! + count, buffer.count - count)
                        if read < 0, errno == EINTR { continue }
                        result = read
                        if read <= 0 {
                            reason = errno
                            return
                        }
                        count += read
                    }
                    result = 1
                }
            }
            if result < 0 { throw file.failure(reason) }
            if result == 0 { return bytes }
            // Filled: the file is longer than guessed (it grew, or it is a pipe).
            space = bytes.count
        }
    }

    /// An open file and what reading it needs to know.
    private struct OpenFile {
        let path: String
        let descriptor: Int32
        let unreadable: String
        let missing: String
        /// The buffer to read into first. A regular file's size is a good first guess, not a
        /// promise: it may grow while read.
        let firstGuess: Int

        init(path: String, missing: String, unreadable: String) throws(InputError) {
            self.path = path
            self.missing = missing
            self.unreadable = unreadable
            var descriptor: Int32
            repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
            self.descriptor = descriptor
            guard descriptor >= 0 else { throw Self.failure(errno, path: path, missing: missing, unreadable: unreadable) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let code = errno
                close(descriptor)
                throw Self.failure(code, path: path, missing: missing, unreadable: unreadable)
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                close(descriptor)
                throw InputError(file: path, message: "is a folder, not a file")
            }
            firstGuess = status.st_mode & S_IFMT == S_IFREG ? max(Int(status.st_size), 0) + 1 : 1 << 16
        }

        func failure(_ code: Int32) -> InputError {
            Self.failure(code, path: path, missing: missing, unreadable: unreadable)
        }

        static func failure(_ code: Int32, path: String, missing: String, unreadable: String) -> InputError {
            code == ENOENT || code == ENOTDIR
                ? InputError(file: path, message: missing)
                : InputError(file: path, message: "\(unreadable): \(String(cString: strerror(code)))")
        }
    }
}
