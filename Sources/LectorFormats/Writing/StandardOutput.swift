import Foundation
import LectorText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why bytes could not be written to a file descriptor.
public enum OutputFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reader went away (EPIPE: `lector check | head -1` with SIGPIPE ignored). Not worth a message.
    case brokenPipe
    /// Any other write(2) error, with its errno.
    case failed(errno: Int32)

    public var description: String {
        switch self {
        case .brokenPipe: "the reader closed the pipe"
        case .failed(let code): String(cString: strerror(code))
        }
    }
}

/// Writes to file descriptors with write(2), never through `FileHandle.write(_:)`, which crashes the
/// process (a `try!` inside Foundation) when the descriptor is closed, the disk is full or the pipe broke.
enum FileDescriptorWriter {
    /// Writes all of `data`, looping over short writes and EINTR. Returns the failure, or nil.
    static func writeAll(_ data: Data, to descriptor: Int32) -> OutputFailure? {
        data.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> OutputFailure? {
        guard let base = buffer.baseAddress else { return nil }
        var written = 0
        while written < buffer.count {
            let result = systemWrite(descriptor, base + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno == EPIPE ? .brokenPipe : .failed(errno: errno)
            }
            written += result
        }
        return nil
    }
}

/// The process's standard output, written so that a failure is an error the caller sees.
public enum StandardOutput {
    public static func write(_ data: Data) throws(OutputFailure) {
        if let failure = FileDescriptorWriter.writeAll(data, to: STDOUT_FILENO) { throw failure }
    }

    /// Writes the string's UTF-8 as it is stored, without a copy (a report can be hundreds of megabytes).
    public static func write(_ text: String) throws(OutputFailure) {
        var text = text
        if let failure = text.withUTF8({ FileDescriptorWriter.writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }) {
            throw failure
        }
    }
}

/// The process's standard error, written with write(2) like standard output.
public enum StandardError {
    public static func write(_ data: Data) throws(OutputFailure) {
        if let failure = FileDescriptorWriter.writeAll(data, to: STDERR_FILENO) { throw failure }
    }
}

/// The process's standard input, read with read(2): `FileHandle.readDataToEndOfFile()` crashes the
/// process (a `try!` inside Foundation) when standard input is closed (`lector check - <&-`) or
/// cannot be read (a directory).
public enum StandardInput {
    public static func readAll() throws(InputError) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(STDIN_FILENO, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: "<stdin>", message: "cannot read standard input (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
        }
    }
}

/// read(2), named apart from the `read` methods of the types here.
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.read(descriptor, bytes, count)
    #else
    Darwin.read(descriptor, bytes, count)
    #endif
}

/// write(2), named apart from the `write` methods so the calls inside them resolve.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
