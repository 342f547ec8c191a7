import ArgumentParser
import Foundation
import LectorKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translated text files against glossaries.",
        discussion: """
        Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
        2 for usage or input errors (missing or unreadable file, invalid UTF-8, malformed \
        glossary, unknown language tag).
        """
    )

    @OptionGroup var options: CheckOptions

    @Option(name: .long, help: ArgumentHelp("Output format: \(ReporterRegistry.all.map { $0.identifier }.joined(separator: ", ")).",
                                            valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Lowest severity that makes the exit status 1: error, warning or info.",
                                            valueName: "severity"))
    var failOn: String = "error"

    @Option(name: .customLong("report"),
            help: ArgumentHelp("Also write a report to a file, as FORMAT:PATH (e.g. sarif:lector.sarif); repeatable.",
                               valueName: "format:path"))
    var reports: [String] = []

    @Argument(help: ArgumentHelp("Text files to check.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard ReporterRegistry.reporter(named: format) != nil else {
            throw ValidationError("unknown format “\(format)”; use one of "
                + ReporterRegistry.all.map { $0.identifier }.joined(separator: ", "))
        }
        guard Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on takes error, warning or info, not “\(failOn)”")
        }
        for report in reports { _ = try ReportDestination(report) }
        guard !files.isEmpty else { throw ValidationError("no files to check") }
    }

    func run() throws {
        do {
            try runChecked()
        } catch let error as InputError {
            reportInputError(error)
            throw ExitStatus.inputError
        }
    }

    private func runChecked() throws {
        let checker = try options.makeChecker()
        // Read every file first: bad input stops the run before anything is reported.
        let documents = try files.map { path throws(InputError) in try SourceDocument.load(path: path) }
        let findings = documents.flatMap { checker.check($0) }
        let report = CheckReport(findings: findings, files: files, toolVersion: Lector.configuration.version)
        let reporter = ReporterRegistry.reporter(named: format)!.init()
        FileHandleOutput.standardOutput(reporter.render(report))
        for destination in try reports.map(ReportDestination.init) {
            try destination.write(report)
        }
        let threshold = Severity(rawValue: failOn)!
        if findings.contains(where: { $0.severity >= threshold }) { throw ExitStatus.findings }
    }
}

/// One `--report FORMAT:PATH`: a format to write to a file besides the one on standard output, so
/// that a single run can feed a terminal, code scanning (SARIF) and a test dashboard (JUnit).
struct ReportDestination {
    let reporter: any Reporter.Type
    let path: String

    /// Parses `FORMAT:PATH`. The split is at the first colon: format names have none, paths may.
    init(_ argument: String) throws(ValidationError) {
        guard let colon = argument.firstIndex(of: ":") else {
            throw ValidationError("--report takes FORMAT:PATH, such as sarif:lector.sarif, not “\(argument)”")
        }
        let format = String(argument[..<colon])
        path = String(argument[argument.index(after: colon)...])
        guard let reporter = ReporterRegistry.reporter(named: format) else {
            throw ValidationError("unknown report format “\(format)” in --report; use one of "
                + ReporterRegistry.all.map { $0.identifier }.joined(separator: ", "))
        }
        guard !path.isEmpty else { throw ValidationError("--report \(format): needs a path after the colon") }
        self.reporter = reporter
    }

    /// Writes the report atomically: into a temporary file in the same directory, then renamed over
    /// the destination. A CI step that reads the report, or a run that fails half-way, then sees the
    /// old file or the new one, never a truncated one; the same directory keeps the rename on one
    /// file system, where it is atomic. A failure is an input error (exit status 2).
    func write(_ report: CheckReport) throws(InputError) {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(reporter.init().render(report).utf8).write(to: temporary)
            // Flushed before the rename, so that a crash cannot leave a renamed but empty report.
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "cannot write the \(reporter.identifier) report: "
                + "\(Self.reason(error))")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "cannot write the \(reporter.identifier) report: \(reason)")
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
