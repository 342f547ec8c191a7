import Foundation
import LectorKit

/// Standard output and standard error of the CLI. Nothing here goes through `FileHandle.write(_:)`, which
/// crashes the process when the descriptor cannot be written.
enum FileHandleOutput {
    static func standardError(_ string: String) {
        // Nowhere left to report a failure to write the report of a failure: ignored on purpose.
        _ = try? StandardError.write(Data(string.utf8))
    }

    /// Writes to standard output. When that fails (`>/dev/full`, a closed descriptor), the run cannot
    /// deliver its result: a message on standard error and exit status 2. When the reader went away
    /// (EPIPE with SIGPIPE ignored, as in `lector check | head -1`), exit 2 without a message.
    static func standardOutput(_ string: String) {
        do {
            try StandardOutput.write(string)
        } catch {
            exitAfterOutputFailure(error)
        }
    }

    static func standardOutput(_ data: Data) {
        do {
            try StandardOutput.write(data)
        } catch {
            exitAfterOutputFailure(error)
        }
    }

    /// Output written with `print` goes through the C library's buffer; flushed and checked at the end of
    /// every run, so a full disk is an error there too.
    static func flushPrintedOutput() {
        // fflush(NULL) flushes every stream (`stdout` itself is a global Swift 6 will not touch).
        guard fflush(nil) != 0 else { return }
        exitAfterOutputFailure(errno == EPIPE ? .brokenPipe : .failed(errno: errno))
    }

    static func exitAfterOutputFailure(_ failure: OutputFailure) -> Never {
        if failure != .brokenPipe {
            standardError("lector: error: cannot write to standard output (\(failure.description))\n")
        }
        exit(2)
    }

    /// Writes an output file (`--report`, `--write-baseline`, `report`, `diff --out`) through the one atomic
    /// writer; `-` means standard output. `inputs` are the files the run read, never overwritten.
    static func write(_ data: Data, toPath path: String, sparing inputs: [String]) throws(InputError) {
        if path == "-" {
            standardOutput(data)
        } else {
            try AtomicFileWriter.write(data, toPath: path, sparing: inputs)
        }
    }
}
