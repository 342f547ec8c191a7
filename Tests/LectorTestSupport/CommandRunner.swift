import Foundation

/// Runs the built `lector` executable the way a user would.
public enum CommandRunner {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The `lector` binary next to the test bundle in the build folder.
    public static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("lector")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/lector")
    }

    /// Runs `lector` with `arguments` in the package root, feeding `input` on standard input;
    /// `environment` adds to (or overrides) the test's own environment.
    public static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = Fixtures.packageRoot
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read before waiting: a full pipe would block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }
}

// MARK: - Running without waiting

extension CommandRunner {
    /// A started `lector` process, for tests that must act while it runs (for example kill it).
    public struct RunningCommand {
        public let process: Process
        private let output: Pipe
        private let error: Pipe

        init(process: Process, output: Pipe, error: Pipe) {
            self.process = process
            self.output = output
            self.error = error
        }

        /// Waits until the process writes something to standard output (or closes it) and returns
        /// those bytes; `wait` returns what comes after.
        public func nextOutput() -> Data {
            output.fileHandleForReading.availableData
        }

        /// Waits for the process to end and returns what it printed.
        public func wait() -> Result {
            // Read before waiting: a full pipe would block the child.
            let outData = output.fileHandleForReading.readDataToEndOfFile()
            let errData = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          standardOutput: String(decoding: outData, as: UTF8.self),
                          standardError: String(decoding: errData, as: UTF8.self))
        }
    }

    /// Starts `lector` with `arguments` and returns at once. `environment` is added to this
    /// process's environment; the working directory is `directory`, or the package root.
    public static func start(_ arguments: [String], environment: [String: String] = [:],
                             in directory: URL? = nil) throws -> RunningCommand {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixtures.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCommand(process: process, output: output, error: error)
    }
}
