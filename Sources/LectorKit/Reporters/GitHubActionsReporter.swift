/// GitHub Actions workflow commands, one per finding:
/// `::warning file=PATH,line=5,endLine=5,col=46,endColumn=54,title=RULE::MESSAGE`.
///
/// Printed by a step, each line becomes an annotation on the pull request's diff at the finding,
/// with no SARIF upload and no extra permissions. `info` findings use `::notice`, Actions' lowest
/// level. The runner splits a command at `,` and `::` and ends it at a line break, so values are
/// escaped as the runner unescapes them: `%`, CR and LF everywhere, and `:` and `,` as well in
/// properties. Escaping is one pass over the scalars, so an escape's own `%` is never escaped again.
public struct GitHubActionsReporter: StreamingReporter {
    public static let identifier = "github"
    public static let summary = "GitHub Actions workflow commands (annotations on the pull request)"

    public init() {}

    public func render(_ report: CheckReport) -> String { render(report.findings) }

    public func render(_ findings: [Finding]) -> String {
        var output = ""
        for finding in findings {
            let properties = [
                ("file", finding.file),
                ("line", String(finding.location.line)),
                ("endLine", String(finding.endLocation.line)),
                ("col", String(finding.location.column)),
                ("endColumn", String(finding.endLocation.column)),
                ("title", finding.ruleID),
            ]
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            output += "::\(Self.command(for: finding.severity)) \(list)::\(Self.escapeMessage(finding.message))\n"
        }
        return output
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Escapes the message, which runs to the end of the line.
    static func escapeMessage(_ value: String) -> String {
        escape(value, alsoSeparators: false)
    }

    /// Escapes a property value, which also ends at `,` and must not contain `:`.
    static func escapeProperty(_ value: String) -> String {
        escape(value, alsoSeparators: true)
    }

    private static func escape(_ value: String, alsoSeparators: Bool) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":" where alsoSeparators: output += "%3A"
            case "," where alsoSeparators: output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
