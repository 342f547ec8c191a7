import Foundation

/// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
///
/// Each diagnostic has `file`, `line`, `column` (1-based, Unicode scalars), `endLine`,
/// `endColumn`, `byteOffset` (0-based UTF-8), `rule`, `severity`, `message`, `text` (exactly as
/// in the file) and, when there is one, `suggestion`, `fixIsSafe` and `note` (the glossary's
/// definition of the concept). Fields are only ever added.
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
                                       elements: report.findings.lazy.map(Diagnostic.init)) ?? "{}\n"
    }
}
