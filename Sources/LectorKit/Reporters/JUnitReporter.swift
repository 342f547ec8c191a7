/// JUnit XML, the test-report format that Jenkins, GitLab, Azure Pipelines and most CI servers
/// display without a plug-in.
///
/// Each checked file is one test case (`name` is its path, `classname` is `lector`): a file with no
/// findings passes, and every finding in a file, whatever its severity, becomes one `<failure>`
/// whose `type` is the rule id. The suite's `failures` therefore counts failing files, as JUnit
/// counts failing test cases, while the number of `<failure>` elements is the number of findings.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"
    public static let summary = "JUnit XML: one test case per file, one failure per finding"

    public init() {}

    public func render(_ report: CheckReport) -> String {
        let files = report.findingsByFile()
        let failing = files.filter { !$0.findings.isEmpty }.count
        let counts = "tests=\"\(files.count)\" failures=\"\(failing)\" errors=\"0\""
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"lector\" \(counts)>\n"
        output += "  <testsuite name=\"lector\" \(counts) skipped=\"0\">\n"
        for (file, findings) in files {
            let testCase = "    <testcase name=\"\(XMLEscaping.attribute(file))\" classname=\"lector\""
            guard !findings.isEmpty else {
                output += testCase + "/>\n"
                continue
            }
            output += testCase + ">\n"
            for finding in findings {
                output += "      <failure type=\"\(XMLEscaping.attribute(finding.ruleID))\""
                    + " message=\"\(XMLEscaping.attribute(finding.message))\">"
                    + XMLEscaping.text(Self.details(of: finding)) + "</failure>\n"
            }
            output += "    </testcase>\n"
        }
        output += "  </testsuite>\n</testsuites>\n"
        return output
    }

    /// The failure's body: the finding as the text format prints it, so a CI log reads the same
    /// as a terminal, then the suggestion and the glossary note when there are any.
    static func details(of finding: Finding) -> String {
        var lines = ["\(finding.file):\(finding.location.line):\(finding.location.column): "
            + "\(finding.severity): \(finding.message) [\(finding.ruleID)]"]
        if let suggestion = finding.suggestion { lines.append("suggestion: \(suggestion)") }
        if let note = finding.note { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
