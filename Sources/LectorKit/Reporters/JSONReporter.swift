import Foundation

/// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
///
/// Each diagnostic has `file`, `line`, `column` (1-based, Unicode scalars), `endLine`,
/// `endColumn`, `byteOffset` (0-based UTF-8), `rule`, `severity`, `message`, `text` (exactly as
/// in the file) and, when there is one, `suggestion`, `fixIsSafe` and `note` (the glossary's
/// definition of the concept), and `unit`, the id of the bilingual unit the finding is in (see
/// `Finding.unit`). Fields are only ever added.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public static let summary = "one JSON object with a diagnostics array"

    public init() {}

    struct Diagnostic: Encodable {
        let file: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int
        let rule: String
        let severity: String
        let message: String
        let text: String
        let suggestion: String?
        let fixIsSafe: Bool?
        let note: String?
        let unit: String?

        init(_ finding: Finding) {
            file = finding.file
            line = finding.location.line
            column = finding.location.column
            endLine = finding.endLocation.line
            endColumn = finding.endLocation.column
            byteOffset = finding.location.byteOffset
            rule = finding.ruleID
            severity = finding.severity.rawValue
            message = finding.message
            text = finding.text
            suggestion = finding.suggestion
            fixIsSafe = finding.suggestion == nil ? nil : finding.isSafeFix
            note = finding.note
            unit = finding.unit
        }
    }

    struct Summary: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let infos: Int
    }

    struct Document: Encodable {
        let version: Int
        let diagnostics: [Diagnostic]
        let summary: Summary
    }

    public func render(_ report: CheckReport) -> String {
        let document = Document(
            version: 1, diagnostics: [],
            summary: Summary(files: report.files.count, errors: report.count(.error),
                             warnings: report.count(.warning), infos: report.count(.info)))
        // One diagnostic at a time (see SplicedJSONArray): same bytes, memory for the output only.
        return SplicedJSONArray.render(document, emptyArrayKey: "diagnostics",
                                       elements: report.findings.lazy.map(Diagnostic.init)) { $0.write(to: &$1) } ?? "{}\n"
    }
}

extension JSONReporter.Diagnostic {
    /// The diagnostic as one JSON object: the bytes `JSONEncoder` writes for it with
    /// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted`, if `json` is pretty-printed). The keys come in that sorted (byte) order, and an
    /// absent optional is left out, as the synthesized `encode(to:)` leaves it.
    func write(to json: inout CompactJSON) {
        json.beginObject()
        json.field("byteOffset", byteOffset)
        json.field("column", column)
        json.field("endColumn", endColumn)
        json.field("endLine", endLine)
        json.field("file", file)
        json.field("fixIsSafe", fixIsSafe)
        json.field("line", line)
        json.field("message", message)
        json.field("note", note)
        json.field("rule", rule)
        json.field("severity", severity)
        json.field("suggestion", suggestion)
        json.field("text", text)
        json.field("unit", unit)
        json.endObject()
    }
}
