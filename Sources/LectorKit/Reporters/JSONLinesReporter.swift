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
        // Not pretty-printed: a line break inside an object would break the one-record-per-line rule.
        // Keys sorted, as `JSONEncoder` with `.sortedKeys` writes them, so the output is stable.
        var json = CompactJSON(capacity: findings.count * 400)
        for finding in findings {
            JSONReporter.Diagnostic(finding).write(to: &json)
            json.newline()
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
