/// The result of one run, as reporters see it.
public struct CheckReport: Sendable {
    public let findings: [Finding]
    /// Paths of every file checked, findings or not, in the order given.
    public let files: [String]

    public init(findings: [Finding], files: [String]) {
        self.findings = findings
        self.files = files
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Renders a report in one output format.
public protocol Reporter: Sendable {
    /// The name used with `--format`.
    static var identifier: String { get }
    static var summary: String { get }
    init()
    func render(_ report: CheckReport) -> String
}

/// Every output format, by identifier.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self]

    public static func reporter(named identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }
}
