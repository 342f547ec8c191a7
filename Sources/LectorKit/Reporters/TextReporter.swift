/// One line per finding, `path:line:column: severity: message [rule]`, which editors and
/// terminals turn into links; the suggestion follows on the same line.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public static let summary = "path:line:column: severity: message [rule] (default)"

    public init() {}

    public func render(_ report: CheckReport) -> String {
        var output = ""
        for finding in report.findings {
            output += "\(finding.file):\(finding.location.line):\(finding.location.column): "
                + "\(finding.severity): \(finding.message) [\(finding.ruleID)]\n"
        }
        return output
    }
}
