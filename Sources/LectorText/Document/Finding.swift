/// How much a finding matters. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    public var description: String { rawValue }
}

/// One problem found in one place of one file.
public struct Finding: Sendable, Hashable {
    /// The rule's stable id, for example `glossary.forbidden`.
    public let ruleID: String
    public var severity: Severity
    public let message: String
    public let file: String
    /// Where the flagged text starts.
    public let location: TextLocation
    /// Where it ends (exclusive); same line for glossary findings.
    public let endLocation: TextLocation
    /// The flagged text exactly as it stands in the file.
    public let text: String
    /// The replacement for `text`, when the rule has one.
    public let suggestion: String?
    /// Whether `suggestion` may be applied without a human (glossary substitutions).
    public let isSafeFix: Bool
    /// Background for the reader, such as the glossary's definition of the concept.
    public let note: String?
    /// The sentence the finding stands in, as in the file; baselines key findings by it.
    public var sentence: String?

    public init(ruleID: String, severity: Severity, message: String, file: String,
                location: TextLocation, endLocation: TextLocation, text: String,
                suggestion: String? = nil, isSafeFix: Bool = false, note: String? = nil, sentence: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
        self.endLocation = endLocation
        self.text = text
        self.suggestion = suggestion
        self.isSafeFix = isSafeFix
        self.note = note
        self.sentence = sentence
    }

    /// Reporting order: by file, line, column, then rule.
    public static func reportingOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.file, lhs.location.line, lhs.location.column, lhs.ruleID)
            < (rhs.file, rhs.location.line, rhs.location.column, rhs.ruleID)
    }
}
