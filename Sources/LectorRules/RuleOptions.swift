/// A value of a rule option as `.lector.yml` gives it.
public enum RuleOptionValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case flag(Bool)
    case text(String)

    public var description: String {
        switch self {
        case .number(let value): value.formatted()
        case .flag(let value): String(value)
        case .text(let value): value
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

/// One option a rule takes: its name in `.lector.yml`, what values it accepts, what it does.
public struct RuleOptionKey: Sendable {
    public enum Kind: Sendable {
        /// A number within the range.
        case number(ClosedRange<Double>)
        case flag
        case text
    }

    public let name: String
    public let kind: Kind
    public let summary: String

    public init(_ name: String, _ kind: Kind, summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }

    /// Whether `value` fits this option; the message says what was expected otherwise.
    public func check(_ value: RuleOptionValue) -> String? {
        switch (kind, value) {
        case let (.number(range), .number(number)):
            return range.contains(number) ? nil
                : "“\(name)” must be between \(range.lowerBound.formatted()) and \(range.upperBound.formatted()), not \(number.formatted())"
        case (.flag, .flag), (.text, .text):
            return nil
        case (.number, _): return "“\(name)” must be a number"
        case (.flag, _): return "“\(name)” must be true or false"
        case (.text, _): return "“\(name)” must be a string"
        }
    }
}

/// The typed options of one rule, declared next to the rule. `.lector.yml` sets them under the
/// rule's id (`rules: { garbled.sentence: { min_score: 0.6 } }`); values are checked against
/// `keys` before `set` is called.
public protocol RuleOptions: Sendable {
    init()
    static var keys: [RuleOptionKey] { get }
    mutating func set(_ key: String, to value: RuleOptionValue)
}

/// The options of a rule that has none.
public struct NoRuleOptions: RuleOptions {
    public init() {}
    public static let keys: [RuleOptionKey] = []
    public func set(_ key: String, to value: RuleOptionValue) {}
}

/// A rule's options that do not fit: an unknown name or a value of the wrong kind.
public struct RuleOptionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let rule: String
    public let option: String
    public let message: String
    public var description: String { "rule “\(rule)”: \(message)" }
}

extension Rule {
    /// The rule's option keys, for validation and `lector rules`.
    public static var optionKeys: [RuleOptionKey] { Options.keys }

    /// Checks settings against the rule's options without making the rule.
    public static func validate(_ settings: [String: RuleOptionValue]) throws(RuleOptionError) {
        _ = try options(from: settings)
    }

    static func options(from settings: [String: RuleOptionValue]) throws(RuleOptionError) -> Options {
        var options = Options()
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard let key = Options.keys.first(where: { $0.name == name }) else {
                let known = Options.keys.map(\.name)
                throw RuleOptionError(rule: description.id, option: name, message: "unknown option “\(name)”"
                    + (known.isEmpty ? "; the rule has no options" : "; options: \(known.joined(separator: ", "))"))
            }
            if let problem = key.check(value) { throw RuleOptionError(rule: description.id, option: name, message: problem) }
            options.set(name, to: value)
        }
        return options
    }

    /// The rule made with these settings of its options.
    public static func configured(_ settings: [String: RuleOptionValue]) throws(RuleOptionError) -> Self {
        Self(options: try options(from: settings))
    }
}

extension Rule where Options == NoRuleOptions {
    public init(options: NoRuleOptions) { self.init() }
}
