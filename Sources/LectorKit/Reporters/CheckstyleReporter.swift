/// Checkstyle XML, the lint-report format that many tools already read: Jenkins' Warnings
/// plug-in, reviewdog, SonarQube's generic import and most editors' lint panels.
///
/// Every checked file gets a `<file>` element, with no `<error>` when it is clean, because
/// Checkstyle readers take a missing file to mean "not checked" rather than "passed". Each finding
/// is an `<error>` with its line, column (Unicode scalars), severity (`error`, `warning`, `info`,
/// which are Checkstyle's own names) and `source` `lector.RULE`, the dotted form readers group by.
public struct CheckstyleReporter: Reporter {
    public static let identifier = "checkstyle"
    public static let summary = "Checkstyle XML: a file element per file, an error element per finding"

    public init() {}

    public func render(_ report: CheckReport) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for (file, findings) in report.findingsByFile() {
            let element = "  <file name=\"\(XMLEscaping.attribute(file))\""
            guard !findings.isEmpty else {
                output += element + "/>\n"
                continue
            }
            output += element + ">\n"
            for finding in findings {
                output += "    <error line=\"\(finding.location.line)\" column=\"\(finding.location.column)\""
                    + " severity=\"\(finding.severity.rawValue)\""
                    + " message=\"\(XMLEscaping.attribute(finding.message))\""
                    + " source=\"lector.\(XMLEscaping.attribute(finding.ruleID))\"/>\n"
            }
            output += "  </file>\n"
        }
        output += "</checkstyle>\n"
        return output
    }
}
