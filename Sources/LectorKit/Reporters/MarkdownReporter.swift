/// A GitHub-flavoured Markdown summary, meant to be posted as a pull-request comment or written to
/// `$GITHUB_STEP_SUMMARY`.
///
/// A heading and a one-line total, a table of counts by rule and severity (so a reviewer sees at a
/// glance whether the run failed on errors or only has warnings), then one table row per finding
/// with its location, severity, rule, message and suggestion. With no findings it is one line, so
/// a bot comment stays short. Table cells escape `|` (which would end the cell, even inside a code
/// span) and turn line breaks into `<br>` (which would end the table). Messages keep their
/// backticks, so glossary terms render as code as in the terminal.
public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"
    public static let summary = "GitHub-flavoured Markdown summary for pull-request comments"

    public init() {}

    public func render(_ report: CheckReport) -> String {
        let files = Self.counted(report.files.count, "file", "files")
        guard !report.findings.isEmpty else { return "**Lector**: No findings in \(files).\n" }

        let totals = [Severity.error, .warning, .info].map {
            Self.counted(report.count($0), $0.rawValue, $0.rawValue + "s")
        }
        var output = "### Lector\n\n"
        output += "\(totals.joined(separator: ", ")) in \(files).\n\n"

        output += "| rule | errors | warnings | infos |\n|---|---:|---:|---:|\n"
        for rule in Self.rulesInOrder(report.findings) {
            let findings = report.findings.filter { $0.ruleID == rule }
            let counts = [Severity.error, .warning, .info].map { severity in
                String(findings.filter { $0.severity == severity }.count)
            }
            output += "| \(Self.cell(Self.codeSpan(rule))) | \(counts.joined(separator: " | ")) |\n"
        }
        output += "| **total** | \(report.count(.error)) | \(report.count(.warning)) | \(report.count(.info)) |\n\n"

        output += "| file:line:col | severity | rule | message | suggestion |\n|---|---|---|---|---|\n"
        for finding in report.findings {
            let location = "\(finding.file):\(finding.location.line):\(finding.location.column)"
            let cells = [
                Self.codeSpan(location),
                finding.severity.rawValue,
                Self.codeSpan(finding.ruleID),
                finding.message,
                finding.suggestion.map(Self.codeSpan) ?? "",
            ]
            output += "| " + cells.map(Self.cell).joined(separator: " | ") + " |\n"
        }
        return output
    }

    /// Rules with findings: in `RuleRegistry` order, which is how `lector rules` lists them, then
    /// any other id alphabetically.
    static func rulesInOrder(_ findings: [Finding]) -> [String] {
        let present = Set(findings.map(\.ruleID))
        let known = RuleRegistry.all.map { $0.description.id }.filter(present.contains)
        return known + present.subtracting(known).sorted()
    }

    /// Makes text safe inside one table cell.
    static func cell(_ text: String) -> String {
        var output = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": output += "\\|"
            case "\r": output += "<br>"
            case "\n" where previousWasCR: break  // CR LF is one line break
            case "\n": output += "<br>"
            default: output.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return output
    }

    /// A CommonMark code span that shows `text` literally, whatever backticks it holds: the fence
    /// is one backtick longer than the longest run inside, padded with spaces when the text starts
    /// or ends with a backtick. Line breaks become spaces, as a code span would render them anyway.
    static func codeSpan(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + padding + flat + padding + fence
    }

    private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
