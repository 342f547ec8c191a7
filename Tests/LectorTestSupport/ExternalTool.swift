import Foundation

/// Runs a standard tool such as `patch` or `git`, to prove Lector's output works with it.
public enum ExternalTool {
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
    }

    /// The tool's path on `PATH`, or `nil` when it is not installed. Tools named in
    /// `LECTOR_TEST_HIDE` (comma-separated, e.g. `chromium,patch,jsonschema`) count as missing, so
    /// the skips of a machine without them can be tried on one that has them.
    public static func path(of name: String) -> String? {
        if isHidden(name) { return nil }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static func isInstalled(_ name: String) -> Bool { path(of: name) != nil }

    /// Whether `LECTOR_TEST_HIDE` names `name`.
    public static func isHidden(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["LECTOR_TEST_HIDE"] ?? "").split(separator: ",").contains { $0 == name }
    }

    /// Runs `name` with `arguments` in `directory`, feeding `input` on standard input. Standard
    /// output and standard error are returned together, for failure messages.
    public static func run(_ name: String, _ arguments: [String], in directory: URL, input: Data? = nil) throws -> Result {
        guard let path = path(of: name) else {
            return Result(status: 127, output: "\(name): not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
