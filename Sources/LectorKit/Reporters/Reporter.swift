/// The result of one run, as reporters see it.
public struct CheckReport: Sendable {
    public let findings: [Finding]
    /// Paths of every file checked, findings or not, in the order given.
    public let files: [String]
    /// The version of the tool that made the report, for formats that record it (SARIF's
    /// `tool.driver.version`). The library does not know its own release, so the front end passes it.
    public let toolVersion: String?

    public init(findings: [Finding], files: [String], toolVersion: String? = nil) {
        self.findings = findings
        self.files = files
        self.toolVersion = toolVersion
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Every file with its findings: the checked files in the order given, clean ones included
    /// (per-file formats such as JUnit and Checkstyle list them as passing), then any file that
    /// only a finding names, so that no finding is ever dropped.
    public func findingsByFile() -> [(file: String, findings: [Finding])] {
        var byFile: [String: [Finding]] = [:]
        var order: [String] = []
        for file in files where byFile[file] == nil {
            byFile[file] = []
            order.append(file)
        }
        for finding in findings {
            if byFile[finding.file] == nil { order.append(finding.file) }
            byFile[finding.file, default: []].append(finding)
        }
        return order.map { (file: $0, findings: byFile[$0] ?? []) }
    }
}

/// Renders a report in one output format.
public protocol Reporter: Sendable {
    /// The name used with `--format`.
    static var identifier: String { get }
    static var summary: String { get }
    init()
    func render(_ report: CheckReport) -> String
}

/// A format that is a plain sequence of findings, each rendered alone, with nothing before or
/// after them: it can be written piece by piece while a stream is being checked, and the pieces
/// concatenated are `render(_:)` of the whole report.
public protocol StreamingReporter: Reporter {
    func render(_ findings: [Finding]) -> String
}

/// Every output format, by identifier.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, JSONLinesReporter.self, SARIFReporter.self,
        GitHubActionsReporter.self, JUnitReporter.self, CheckstyleReporter.self, MarkdownReporter.self,
    ]

    public static func reporter(named identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }
}
