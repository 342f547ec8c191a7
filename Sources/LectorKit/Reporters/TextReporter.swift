/// One line per finding, `path:line:column: severity: message [rule]`, which editors and
/// terminals turn into links; the suggestion follows on the same line. A finding in a bilingual
/// unit with an id ends in `[unit ID]` (a PO id's msgctxt separator U+0004 shown as `|`, as in
/// `menu|Open`, other control characters as `\n` and `\u{0}` style escapes, so that one finding
/// stays one line).
public struct TextReporter: StreamingReporter {
    public static let identifier = "text"
    public static let summary = "path:line:column: severity: message [rule] [unit ID] (default)"

    public init() {}

    public func render(_ report: CheckReport) -> String { render(report.findings) }

    public func render(_ findings: [Finding]) -> String {
        var output = ""
        for finding in findings {
            output += "\(finding.file):\(finding.location.line):\(finding.location.column): "
                + "\(finding.severity): \(finding.message) [\(finding.ruleID)]"
            if let unit = finding.unit { output += " [unit \(Self.visible(unit))]" }
            output += "\n"
        }
        return output
    }

    /// The unit id readable on one line (a PO key holds U+0004, a msgid may hold `\n`).
    static func visible(_ id: String) -> String {
        var text = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            // gettext's key `msgctxt` U+0004 `msgid`: shown as `context|msgid`, the
            // form the README gives (the JSON `unit` keeps the key itself).
            case "\u{4}": text += "|"
            case _ where scalar.properties.generalCategory == .control:
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
