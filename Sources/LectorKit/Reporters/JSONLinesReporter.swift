import Foundation

/// JSON Lines: one compact JSON object per finding, one finding per line, and nothing else.
///
/// Each object has exactly the fields of a `json` diagnostic (it is encoded from the same type), so
/// a consumer can switch between the two formats without a second parser. There is no summary
/// object, because a stream of lines can be concatenated, filtered with `grep` or read with `jq -c`
/// only if every line is the same kind of record. No findings means empty output.
public struct JSONLinesReporter: StreamingReporter {
    public static let identifier = "jsonl"
    public static let summary = "JSON Lines: one json diagnostic object per line, no summary"

    public init() {}

    public func render(_ report: CheckReport) -> String { render(report.findings) }

    public func render(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        // Not pretty-printed: a line break inside an object would break the one-record-per-line rule.
        // Sorted keys make the output stable from run to run.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        for finding in findings {
            // Strings and whole numbers only: JSONEncoder fails on nothing but non-finite floats.
            guard let data = try? encoder.encode(JSONReporter.Diagnostic(finding)) else { continue }
            output += String(decoding: data, as: UTF8.self) + "\n"
        }
        return output
    }
}
