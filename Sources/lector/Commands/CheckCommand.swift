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
        let reporter = ReporterRegistry.reporter(named: format)!.init()
        FileHandleOutput.standardOutput(reporter.render(CheckReport(findings: findings, files: files)))
        let threshold = Severity(rawValue: failOn)!
        if findings.contains(where: { $0.severity >= threshold }) { throw ExitStatus.findings }
    }
}
